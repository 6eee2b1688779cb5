import { Effect, Result, Stream } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Event, Journal, Mapping, Projection, Record } from "../../src/index.js"
import { Plover } from "../../src/interchange/index.js"
import * as Codebook from "../codebooks/plover.js"

const zhanaozen = { resolved_place: "Zhanaozen", city: "Zhanaozen", country: "Kazakhstan", country_code: "KAZ", lat: 43.3412, lon: 52.8619, resolution: 4 }
const cite = { publication: "Vlast.kz", url: "https://vlast.kz/example", title: "Oil workers strike", language: "ru" }
const workers = { entity_text: "Ozenmunaigas workers", code: "KAZ", sector: "LAB" }
const police = { entity_text: "Kazakhstan police", code: "KAZ", sector: "COP" }

const record = (fields: object) => ({ id: "r1", date: "2011-12-16", actor: [workers], event_loc: zhanaozen, cite_info: cite, ...fields })
const jsonl = (...records: ReadonlyArray<unknown>) => records.map((r) => JSON.stringify(r)).join("\n")
const ok = (input: string | Uint8Array, options?: Plover.ImportOptions) => {
  const r = Plover.importJsonl(input, options)
  if (Result.isFailure(r)) throw new Error(r.failure.message)
  return r.success
}
const eventOf = (result: Plover.ImportResult) => result.appends.map((a) => (a._tag === "revision" ? a.record : undefined)).find((r) => r?.type === "event") as Event.Event
const fail = (input: string | Uint8Array, options?: Plover.ImportOptions) => {
  const r = Plover.importJsonl(input, options)
  if (Result.isSuccess(r)) throw new Error("expected the import to fail")
  return r.failure
}

/** A memory journal, as a user would keep one: commit appends, read the catalog back. */
const journalOf = async () => {
  const journal = await Effect.runPromise(Effect.gen(function*() {
    return yield* Journal.Journal
  }).pipe(Effect.provide(Journal.layerMemory())))
  return {
    commit: (appends: ReadonlyArray<unknown>, key: string) => Effect.runPromise(journal.commit({ idempotencyKey: key, appends: appends as never })),
    catalog: () => Effect.runPromise(Effect.map(Stream.runCollect(journal.readAll()), (entries) => Projection.replay(Projection.Catalog.projection, [...entries])))
  }
}

describe("PLOVER JSON Lines import", () => {
  it("reads a record into its event, actors, place within its country, and source", () => {
    const result = ok(jsonl(record({ event: "PROTEST", mode: "strike", recipient: [police], text: "Workers stayed on the square.", context: ["economic"] })))
    const types = result.appends.map((a) => (a._tag === "revision" ? a.record.type : "retraction"))
    expect(types).toEqual(["source", "place", "place", "actor", "actor", "event"])
    const event = eventOf(result)
    expect(event.kind).toBe("strike")
    expect(event.id).toBe("plover:r1")
    expect(event.when).toBe("2011-12-16")
    expect(event.summary).toBe("Workers stayed on the square.")
    expect(event.note).toMatch(/PROTEST strike/)
    expect(event.note).toMatch(/Context: economic/)
    expect(event.participants?.map((p) => p.role)).toEqual(["participant", "target"])
    expect(result.created).toBe(6)
    for (const a of result.appends) expect(Result.isSuccess(Record.decode(a._tag === "revision" ? a.record : undefined))).toBe(true)
  })

  it("gives every mapped category back through Event.mappingOf (the inverse of Mapping)", () => {
    let checked = 0
    for (const type of Codebook.ploverTypes) {
      for (const mode of [undefined, ...Codebook.ploverModes[type]]) {
        const r = Plover.importJsonl(jsonl(record({ event: type, ...(mode === undefined ? {} : { mode }) })))
        if (Result.isFailure(r)) {
          expect(r.failure.issues[0]!.reason, `${type} ${mode}`).toMatch(/has no kind|needs an actor/)
          continue
        }
        const mapping = Event.mappingOf(eventOf(r.success))
        expect(mapping.plover?.type, `${type} ${mode}`).toBe(type)
        // The mode comes back wherever a kind holds it; modes no kind holds are kept in the note.
        if (mode !== undefined && mapping.plover?.mode !== undefined) expect(mapping.plover.mode, `${type} ${mode}`).toBe(mode)
        if (mode !== undefined && mapping.plover?.mode !== mode) expect(eventOf(r.success).note, `${type} ${mode}`).toMatch(new RegExp(`PLOVER[^.]*${mode}`))
        checked++
      }
    }
    expect(checked).toBeGreaterThan(40)
  })

  it("reports unknown categories and modes, never guessing", () => {
    expect(fail(jsonl(record({ event: "FIGHT" }))).issues[0]).toMatchObject({ line: 1, field: "event" })
    const mode = fail(jsonl(record({ event: "PROTEST", mode: "flashmob" }))).issues[0]!
    expect(mode).toMatchObject({ line: 1, field: "mode" })
    expect(mode.reason).toMatch(/not a mode of PROTEST in PLOVER 2.0/)
    expect(fail(jsonl(record({ event: "AID" }))).issues[0]!.reason).toMatch(/has no kind/)
    // Draft 0.8 names are read as their 2.0 successors.
    expect(Event.mappingOf(eventOf(ok(jsonl(record({ event: "ASSAULT", mode: "assassinate", actor: [police] })))))!.plover).toEqual({ type: "ASSAULT", mode: "targeted" })
    expect(Event.mappingOf(eventOf(ok(jsonl(record({ event: "DEMAND" }))))).plover).toEqual({ type: "REQUEST" })
  })

  it("keeps sizes as claims cited to the record's source", () => {
    const shooting = eventOf(ok(jsonl(record({ event: "ASSAULT", mode: "firearms", actor: [police], recipient: [workers], size: { dead: 14, injured: "64" } }))))
    expect(shooting.kind === "violence" && shooting.killed?.[0]).toMatchObject({ value: { kind: "exact", value: 14 } })
    expect(shooting.kind === "violence" && shooting.injured?.[0]?.value).toEqual({ kind: "exact", value: 64 })
    const arrests = eventOf(ok(jsonl(record({ event: "COERCE", mode: "arrest", actor: [police], size: { arrested: 70 } }))))
    expect(arrests.kind === "detention" && arrests.detained[0]!.value).toEqual({ kind: "exact", value: 70 })
    const unknown = eventOf(ok(jsonl(record({ event: "COERCE", mode: "arrest", actor: [police] }))))
    expect(unknown.kind === "detention" && unknown.detained[0]!.value.kind).toBe("unknown")
  })

  it("is idempotent, and a newer file becomes corrections with a reason", async () => {
    const file = jsonl(record({ event: "PROTEST", mode: "demo" }), record({ id: "r2", event: "COERCE", mode: "arrest", actor: [police] }))
    const first = ok(file)
    const journal = await journalOf()
    await journal.commit(first.appends, "plover-1")
    const catalog = await journal.catalog()
    const again = ok(file, { existing: catalog })
    expect(again.appends).toEqual([])
    expect(again.unchanged).toBe(first.created)
    const newer = ok(jsonl(record({ event: "PROTEST", mode: "obstruct" }), record({ id: "r2", event: "COERCE", mode: "arrest", actor: [police] })), { existing: catalog })
    expect(newer.corrected).toBe(1)
    expect(newer.appends).toHaveLength(1)
    const correction = newer.appends[0]!
    expect(correction._tag === "revision" && correction.expected).toBe(1)
    expect(correction.reason).toMatch(/PLOVER file updated plover:r1: form/)
    await journal.commit(newer.appends, "plover-2")
    expect(ok(jsonl(record({ event: "PROTEST", mode: "obstruct" })), { existing: await journal.catalog() }).appends).toEqual([])
  })

  it("fails the whole import with every bad line, or skips them when asked", () => {
    const file = [JSON.stringify(record({ event: "PROTEST" })), "{ not json", JSON.stringify({ id: "x" }), JSON.stringify(record({ id: "r1", event: "PROTEST" }))].join("\n")
    const error = fail(file)
    expect(error.issues.map((i) => i.line)).toEqual([2, 3, 4])
    expect(error.message).toMatch(/line 2: is not valid JSON/)
    expect(error.issues[2]!.reason).toMatch(/repeats the id of line 1/)
    const skipping = ok(file, { skipInvalid: true })
    expect(skipping.skipped.map((i) => i.line)).toEqual([2, 3, 4])
    expect(skipping.appends.filter((a) => a._tag === "revision" && a.record.type === "event")).toHaveLength(1)
  })

  it("accepts a byte-order mark, CRLF and bare CR line ends, blank lines, and UTF-8 bytes in any chunks", async () => {
    const lines = [record({ event: "PROTEST" }), record({ id: "r2", event: "PROTEST", actor: [{ entity_text: "Жаңаөзен тұрғындары" }] })].map((r) => JSON.stringify(r))
    for (const text of [`\uFEFF${lines.join("\r\n")}\r\n`, lines.join("\r"), `\n\n${lines.join("\n\n")}\n`]) {
      expect(ok(text).appends.filter((a) => a._tag === "revision" && a.record.type === "event"), JSON.stringify(text.slice(0, 3))).toHaveLength(2)
    }
    const bytes = new TextEncoder().encode(`\uFEFF${lines.join("\r\n")}`)
    const chunks = [...Array(Math.ceil(bytes.length / 7)).keys()].map((i) => bytes.slice(i * 7, i * 7 + 7))
    const results = await Effect.runPromise(Stream.runCollect(Plover.importStream(Stream.fromIterable(chunks))))
    expect([...results].flatMap((r) => r.appends).filter((a) => a._tag === "revision" && a.record.type === "event")).toHaveLength(2)
    expect(fail(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])).issues[0]!.reason).toMatch(/not valid UTF-8/)
  })

  it("never throws and never writes anything for hostile input (fast-check)", () => {
    const hostile = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.jsonValue().map((v) => JSON.stringify(v) ?? ""),
      fc.record({ id: fc.oneof(fc.string(), fc.integer()), date: fc.string(), event: fc.oneof(fc.constantFrom(...Codebook.ploverTypes), fc.string()), mode: fc.string(), actor: fc.jsonValue(), event_loc: fc.jsonValue(), size: fc.jsonValue(), __proto__: fc.jsonValue() }, { requiredKeys: [] })
        .map((r) => JSON.stringify(r)),
      fc.constantFrom('{"__proto__":{"polluted":1},"id":"a","date":"2020-01-01","event":"PROTEST","event_loc":{"country":"X"}}', '{"constructor":{"prototype":{}}}')
    )
    fc.assert(
      fc.property(fc.array(hostile, { maxLength: 5 }), fc.boolean(), (lines, skipInvalid) => {
        const r = Plover.importJsonl(lines.join("\n"), { skipInvalid })
        if (Result.isSuccess(r)) {
          for (const a of r.success.appends) expect(Result.isSuccess(Record.decode(a._tag === "revision" ? a.record : undefined))).toBe(true)
        } else expect(r.failure.issues.length).toBeGreaterThan(0)
        expect(({} as { polluted?: unknown }).polluted).toBeUndefined()
      }),
      { numRuns: 400, verbose: true }
    )
    expect(Result.isFailure(Plover.importJsonl(42 as never))).toBe(true)
    expect(Result.isSuccess(Plover.importJsonl("", null as never))).toBe(true)
  })

  it("imports a file of 20,000 lines, planning its shared records once", () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => JSON.stringify(record({ id: `r${i}`, event: "PROTEST", mode: "demo" })))
    const result = ok(lines.join("\n"))
    expect(result.created).toBe(20_000 + 4)
    expect(Mapping.kindMappings.rally.plover).toEqual({ type: "PROTEST", mode: "demo" })
  })
})
