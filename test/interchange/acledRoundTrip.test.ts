/**
 * import(export(x)) keeps every field the format can hold: rows imported, exported and imported
 * again give the same records, and the exported cells equal the original ones for every column
 * the rows set.
 */
import { fc, test as fcTest } from "@fast-check/vitest"
import { Result } from "effect"
import { describe, expect } from "vitest"
import * as Record from "../../src/model/Record.js"
import type { AnyRecord } from "../../src/model/Vocabulary.js"
import type * as Event from "../../src/model/Event.js"
import { Acled } from "../../src/interchange/index.js"
import { csvOf, importablePairs, rowsArb } from "./acledHelpers.js"

const recordsOf = (csv: string, skipInvalid = false): ReadonlyArray<AnyRecord> => {
  const r = Acled.importCsv(csv, { skipInvalid })
  if (Result.isFailure(r)) throw new Error(r.failure.message)
  for (const skipped of r.success.skipped) expect(skipped.reason).toContain("unmappable")
  return r.success.appends.flatMap((a) => (a._tag === "revision" ? [a.record] : []))
}

describe("ACLED round trip", () => {
  fcTest.prop([rowsArb(importablePairs())], { numRuns: 60 })("import(export(import(rows))) equals import(rows)", (generated) => {
    // The rows that import (some pairs need actor types the generated row may lack).
    const imported = new Set<string>(recordsOf(csvOf(generated), true).map((r) => r.id))
    const rows = generated.filter((r) => imported.has(`acled:${r.event_id_cnty}`))
    const first = recordsOf(csvOf(rows))
    // The importer builds records without decoding them: every one must be valid as it is.
    for (const record of first) {
      const decoded = Record.decode(record)
      expect(Result.isSuccess(decoded) ? "valid" : decoded.failure.message).toBe("valid")
    }
    const events = first.filter((r) => r.type === "event") as ReadonlyArray<Event.AnyEvent>
    const exported = Acled.exportCsv(events, { records: first })
    expect(exported.skipped).toEqual([])
    const second = recordsOf(exported.csv)
    const key = (r: AnyRecord) => `${r.type}/${r.id}`
    expect(new Map(second.map((r) => [key(r), r]))).toEqual(new Map(first.map((r) => [key(r), r])))
    // And the cells: every column the original rows set comes back as it was.
    const out = Acled.exportRows(events, { records: first }).rows
    for (const row of rows) {
      const back = out.find((o) => o.event_id_cnty === row.event_id_cnty)!
      for (const [column, value] of Object.entries(row)) {
        if (value === "" || column === "notes") continue
        expect([column, back[column as Acled.Column]]).toEqual([column, value])
      }
    }
  })
})

void fc
