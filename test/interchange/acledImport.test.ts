import { Effect, Result, Stream } from "effect"
import { describe, expect, it } from "vitest"
import * as Journal from "../../src/journal/index.js"
import * as Catalog from "../../src/projection/Catalog.js"
import { Acled } from "../../src/interchange/index.js"
import { baseRow, csvOf, importErr, importOk, type Row } from "./acledHelpers.js"

const recordsOf = (result: Acled.ImportResult) => result.appends.flatMap((a) => (a._tag === "revision" ? [a.record] : []))
const eventOf = (result: Acled.ImportResult) => recordsOf(result).find((r) => r.type === "event") as any

const commitAll = (...results: ReadonlyArray<(catalog: Catalog.Catalog) => Acled.ImportResult>) =>
  Effect.gen(function*() {
    const journal = yield* Journal.Journal
    const written: Array<Acled.ImportResult> = []
    for (const [i, make] of results.entries()) {
      const entries = yield* Stream.runCollect(journal.readAll())
      const catalog = entries.reduce(Catalog.apply, Catalog.empty)
      const result = make(catalog)
      written.push(result)
      if (result.appends.length > 0) yield* journal.commit({ idempotencyKey: `import-${i}`, appends: result.appends })
    }
    const entries = yield* Stream.runCollect(journal.readAll())
    return { written, entries }
  }).pipe(Effect.provide(Journal.layerMemory()), Effect.runPromise)

describe("ACLED import", () => {
  it("reads a row into an event, its places, actors and sources, with deterministic ids", () => {
    const result = importOk(csvOf([baseRow]))
    const records = recordsOf(result)
    const event = eventOf(result)
    expect(event.id).toBe("acled:KAZ1")
    expect(event.kind).toBe("rally")
    expect(event.when).toBe("2011-12-16")
    expect(event.summary).toBe(baseRow.notes)
    expect(event.size[0].value).toEqual({ kind: "about", value: 100, phrase: "around 100" })
    expect(event.citations.map((c: any) => c.source)).toEqual(["acled-source:vlast-kz", "acled-source:radio-azattyq"])
    const places = records.filter((r) => r.type === "place") as Array<any>
    expect(places.map((p) => [p.id, p.within])).toEqual([
      ["acled-place:kazakhstan", undefined],
      ["acled-place:kazakhstan.mangystau", "acled-place:kazakhstan"],
      ["acled-place:kazakhstan.mangystau.zhanaozen", "acled-place:kazakhstan.mangystau"],
      ["acled-place:kazakhstan.mangystau.zhanaozen.zhanaozen", "acled-place:kazakhstan.mangystau.zhanaozen"]
    ])
    expect(places[3].coordinates).toEqual({ lat: 43.3412, lon: 52.8619, precision: "exact" })
    expect(event.where.place).toBe(places[3].id)
    const actors = records.filter((r) => r.type === "actor").map((a: any) => a.id)
    expect(actors).toEqual(["acled", "acled-actor:protesters-kazakhstan", "acled-actor:labor-group-kazakhstan", "acled-actor:ozenmunaigas-workers"])
    expect(result.appends.every((a) => a._tag === "revision" && a.expected === "none")).toBe(true)
  })

  it("keeps fatalities as ACLED's claim: 0 is 'none reported', not zero killed", () => {
    const none = eventOf(importOk(csvOf([{ ...baseRow, sub_event_type: "Protest with intervention", actor2: "Police Forces of Kazakhstan (2019-)", inter2: "State forces" }])))
    expect(none.kind).toBe("dispersal")
    expect(none.killed).toEqual([expect.objectContaining({ value: { kind: "unknown", phrase: "none reported" }, claimant: "acled" })])
    const lethal = eventOf(importOk(csvOf([{ ...baseRow, sub_event_type: "Excessive force against protesters", fatalities: "14" }])))
    expect(lethal.kind).toBe("dispersal")
    expect(lethal.killed[0].value).toEqual({ kind: "exact", value: 14 })
    expect(lethal.killed[0].citations).toEqual(lethal.citations)
  })

  it("reads time_precision 2 as the week around the date and 3 as the month", () => {
    expect(eventOf(importOk(csvOf([{ ...baseRow, time_precision: "2" }]))).when).toBe("2011-12-13/2011-12-19")
    expect(eventOf(importOk(csvOf([{ ...baseRow, time_precision: "3" }]))).when).toBe("2011-12")
  })

  it("accepts the legacy forms: numeric inter codes, dd-mm-yyyy and '02 April 2018' dates, old spellings, [size=…] in notes", () => {
    const legacy: Row = { ...baseRow, inter1: "6", inter2: "1", actor2: "Police Forces of Kazakhstan", event_date: "16-12-2011", tags: "", event_type: "Riots/Protests", sub_event_type: "Protest with intervention", notes: "Workers gathered [size=about 300]." }
    const event = eventOf(importOk(csvOf([legacy])))
    expect(event.when).toBe("2011-12-16")
    expect(event.kind).toBe("dispersal")
    expect(event.participants).toContainEqual({ actor: "acled-actor:police-forces-of-kazakhstan", role: "authority" })
    expect(event.participants[0].count[0].value).toEqual({ kind: "about", value: 300, phrase: "about 300" })
    expect(eventOf(importOk(csvOf([{ ...baseRow, event_date: "02 April 2018" }]))).when).toBe("2018-04-02")
    expect(eventOf(importOk(csvOf([{ ...baseRow, sub_event_type: "Excessive force against protestors", fatalities: "2" }]))).killed[0].value.value).toBe(2)
  })

  it("reads files without the columns older exports lack", () => {
    const header = Acled.columns.filter((c) => c !== "tags" && c !== "disorder_type" && c !== "civilian_targeting")
    expect(eventOf(importOk(csvOf([baseRow], header))).id).toBe("acled:KAZ1")
  })

  it("reports a malformed or unmappable row with its row, column and reason, and writes nothing", () => {
    const bad = importErr(csvOf([baseRow, { ...baseRow, event_id_cnty: "KAZ2", event_date: "2011-13-40" }, { ...baseRow, event_id_cnty: "KAZ3", event_type: "Battles", sub_event_type: "Armed clash" }]))
    expect(bad._tag).toBe("AcledImportError")
    expect(bad.issues).toEqual([
      expect.objectContaining({ row: 2, column: "event_date" }),
      expect.objectContaining({ row: 3, column: "sub_event_type", reason: expect.stringContaining("unmappable") })
    ])
    expect(bad.message).toContain("row 2")
  })

  it("skips invalid rows when asked, returning each with its reason", () => {
    const result = importOk(csvOf([baseRow, { ...baseRow, event_id_cnty: "KAZ2", fatalities: "many" }]), { skipInvalid: true })
    expect(result.skipped).toEqual([expect.objectContaining({ row: 2, column: "fatalities" })])
    expect(recordsOf(result).filter((r) => r.type === "event").map((r) => r.id)).toEqual(["acled:KAZ1"])
  })

  it("is idempotent, and a newer export of the same events becomes corrections with a reason", async () => {
    const first = csvOf([baseRow, { ...baseRow, event_id_cnty: "KAZ2", location: "Aktau" }])
    const newer = csvOf([baseRow, { ...baseRow, event_id_cnty: "KAZ2", location: "Aktau", notes: "Corrected notes.", timestamp: "1700000999" }])
    const { written, entries } = await commitAll(
      (existing) => importOk(first, { existing }),
      (existing) => importOk(first, { existing }),
      (existing) => importOk(newer, { existing })
    )
    expect(written[1]!.appends).toEqual([])
    expect(written[1]!.unchanged).toBe(written[0]!.created)
    expect(written[2]!.appends).toHaveLength(1)
    const correction = written[2]!.appends[0]!
    expect(correction).toMatchObject({ _tag: "revision", expected: 1, reason: expect.stringContaining("note, summary") })
    expect(entries.filter((e) => e.stream.id === "acled:KAZ2").map((e) => e.revision)).toEqual([1, 2])
  })

  it("streams: chunks of any size give the same appends as the whole file", () => {
    const csv = csvOf([baseRow, { ...baseRow, event_id_cnty: "KAZ2", notes: "Line one\r\nline \"two\"" }, { ...baseRow, event_id_cnty: "KAZ3" }])
    const whole = importOk(csv).appends
    for (const size of [1, 2, 7, 64]) {
      const importer = Acled.makeImporter()
      const appends = []
      for (let i = 0; i < csv.length; i += size) appends.push(...Result.getOrThrow(importer.push(csv.slice(i, i + size))).appends)
      appends.push(...Result.getOrThrow(importer.end()).appends)
      expect(appends).toEqual(whole)
    }
    const bytes = new TextEncoder().encode(csv)
    const viaStream = Effect.runSync(Stream.runCollect(Acled.importStream(Stream.fromIterable([bytes.subarray(0, 100), bytes.subarray(100)]))))
    expect(viaStream.flatMap((r) => r.appends)).toEqual(whole)
  })
})
