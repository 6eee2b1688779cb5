/**
 * The streaming importer cuts text into runs of complete records before csv-parse reads them:
 * whatever the chunks, the runs hold exactly the records of the whole text, and the cut is linear
 * in the input however the quotes fall.
 */
import { fc, test as fcTest } from "@fast-check/vitest"
import { parse } from "csv-parse/sync"
import { stringify } from "csv-stringify/sync"
import { describe, expect, it } from "vitest"
import { RecordCutter } from "../../src/interchange/internal/csv.js"

const cell = fc.string({ unit: fc.constantFrom("a", "b", ",", "\"", "\n", "\r", " ", "é"), maxLength: 8 })

describe("RecordCutter", () => {
  fcTest.prop([
    fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 8 }),
    fc.constantFrom("unix", "windows", "mac"),
    fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 20 })
  ])("runs of complete records, whatever the chunk sizes", (rows, delimiter, sizes) => {
    // RFC 4180: a field holding a line break is quoted (csv-stringify quotes only the delimiter it writes).
    const text = stringify(rows, { record_delimiter: delimiter as "unix", quoted_match: /[\r\n]/ })
    const cutter = new RecordCutter()
    const runs: Array<string> = []
    let at = 0
    for (let i = 0; at < text.length; i++) {
      const size = sizes[i % sizes.length]!
      const run = cutter.push(text.slice(at, at + size))
      if (run !== undefined) runs.push(run.text)
      at += size
    }
    const last = cutter.end()
    if (last !== undefined) runs.push(last.text)
    expect(runs.join("")).toBe(text)
    expect(runs.flatMap((run) => parse(run, { relax_column_count: true }))).toEqual(parse(text, { relax_column_count: true }))
  })

  it("stays linear with many quotes and no line break", () => {
    const text = "\"a\",".repeat(200_000)
    const started = performance.now()
    const cutter = new RecordCutter()
    for (let i = 0; i < text.length; i += 1000) cutter.push(text.slice(i, i + 1000))
    expect(cutter.end()?.text.length).toBe(text.length)
    expect(performance.now() - started).toBeLessThan(2_000)
  })
})
