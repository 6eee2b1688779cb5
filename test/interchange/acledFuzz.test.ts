/**
 * Bad input never crashes the ACLED importer: truncated files, wrong, repeated or missing
 * columns, invalid UTF-8, a byte-order mark, CRLF and bare CR line ends, quoted newlines, huge
 * fields and `__proto__` / `constructor` as headers and values. Each gives a result or a typed
 * error with a position, and a failed import has nothing to write.
 */
import { fc, test as fcTest } from "@fast-check/vitest"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { Acled } from "../../src/interchange/index.js"
import * as Record from "../../src/model/Record.js"
import { baseRow, csvOf, importErr, importOk } from "./acledHelpers.js"

const valid = csvOf([baseRow, { ...baseRow, event_id_cnty: "KAZ2", notes: "two\nlines, \"quoted\"" }])

const outcome = (input: string | Uint8Array, skipInvalid = false) => {
  const r = Acled.importCsv(input, { skipInvalid })
  if (Result.isSuccess(r)) {
    // Whatever the cells held, every record to be written is valid.
    for (const append of r.success.appends) {
      if (append._tag !== "revision") continue
      const decoded = Record.decode(append.record)
      expect(Result.isSuccess(decoded) ? "valid" : decoded.failure.message).toBe("valid")
    }
    return r.success
  }
  expect(r.failure._tag).toBe("AcledImportError")
  expect(r.failure.issues.length).toBeGreaterThan(0)
  expect(r.failure.message).toMatch(/row|line|byte|file/)
  return undefined
}

describe("ACLED import on bad input", () => {
  fcTest.prop([fc.nat()], { numRuns: 100 })("a truncated file: an error or the complete rows before the cut", (cut) => {
    const text = valid.slice(0, cut % valid.length)
    const r = outcome(text)
    if (r !== undefined) expect(r.appends.filter((a) => a._tag === "revision" && a.record.type === "event").length).toBeLessThanOrEqual(2)
  })

  fcTest.prop([fc.array(fc.oneof(fc.constantFrom(...Acled.columns, "__proto__", "constructor", "toString", ""), fc.string()), { maxLength: 40 }), fc.array(fc.string(), { maxLength: 40 })], { numRuns: 200 })(
    "wrong, repeated or missing columns, odd names and values: a result or a positioned error",
    (header, values) => {
      const text = csvOf([Object.fromEntries(header.map((h, i) => [h, values[i] ?? ""]))], header)
      outcome(text)
      outcome(text, true)
    }
  )

  fcTest.prop([fc.uint8Array({ maxLength: 300 })], { numRuns: 200 })("arbitrary bytes", (bytes) => {
    outcome(bytes)
  })

  fcTest.prop([fc.string({ unit: "binary", maxLength: 400 })], { numRuns: 200 })("arbitrary text", (text) => {
    outcome(text)
    outcome(valid.slice(0, 400) + text)
  })

  fcTest.prop([fc.constantFrom(...Acled.columns), fc.oneof(fc.string(), fc.constantFrom("", " ", "-1", "1e3", "0x10", "9999999999", "__proto__", "2011-02-30", "=1+1", "\"", ";;"))], { numRuns: 300 })(
    "any one cell of a valid row replaced: a valid result or a positioned error",
    (column, value) => {
      const r = outcome(csvOf([{ ...baseRow, [column]: value }]), true)
      if (r !== undefined) for (const skipped of r.skipped) expect(skipped.row).toBe(1)
    }
  )

  it("reports invalid UTF-8 with its byte offset", () => {
    const bytes = new TextEncoder().encode(valid)
    const broken = new Uint8Array([...bytes.subarray(0, 50), 0xff, ...bytes.subarray(50)])
    expect(importErr(broken).issues[0]!.reason).toContain("at byte 50")
  })

  it("reads a byte-order mark, CRLF and bare CR line ends alike", () => {
    const expected = importOk(valid).appends
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(valid)])
    expect(importOk(bom).appends).toEqual(expected)
    expect(importOk("\ufeff" + valid).appends).toEqual(expected)
    expect(importOk(valid.replace(/\r?\n(?=KAZ|$)/g, "\r")).appends).toEqual(expected)
  })

  it("names a repeated column and a missing one", () => {
    const header = [...Acled.columns, "notes"]
    expect(importErr(csvOf([baseRow], header)).issues[0]).toMatchObject({ column: "notes", reason: expect.stringContaining("twice") })
    expect(importErr(csvOf([baseRow], Acled.columns.filter((c) => c !== "source"))).issues[0]).toMatchObject({ column: "source" })
  })

  it("keeps __proto__ and constructor as plain values", () => {
    const r = importOk(csvOf([{ ...baseRow, actor1: "__proto__", location: "constructor", source: "__proto__" }]))
    expect(r.appends.some((a) => a._tag === "revision" && a.record.id === "acled-actor:proto")).toBe(true)
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined()
  })

  it("takes a huge field in linear time", () => {
    const huge = "x".repeat(2_000_000)
    const started = performance.now()
    const r = importOk(csvOf([{ ...baseRow, notes: huge }]))
    expect(r.rows).toBe(1)
    expect(performance.now() - started).toBeLessThan(5_000)
  })

  it("reports an unclosed quote with its line", () => {
    const e = importErr(valid + "KAZ9,\"2011-12-16,unclosed\n")
    expect(e.issues[0]!.line).toBeGreaterThan(1)
  })
})
