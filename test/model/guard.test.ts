import { Result, Schema } from "effect"
import * as fc from "fast-check"
import { isDeepStrictEqual } from "node:util"
import { describe, expect, it } from "vitest"
import { Event, Record } from "../../src/index.js"
import { compile, isExact } from "../../src/model/internal/guard.js"
import { arbMutation, arbRecord } from "../../src/testing/index.js"

// The fast path of the decoders must agree with the schemas: whatever the guard accepts, the
// schema decodes to an equal value; and it must accept valid records, or the fast path is dead.
const guard = compile(Record.Record.ast)
const decode = Schema.decodeUnknownResult(Record.Record, { onExcessProperty: "error" })

const agrees = (u: unknown): boolean => {
  if (!guard(u)) return true
  const r = decode(u)
  return Result.isSuccess(r) && isDeepStrictEqual(r.success, u)
}

describe("the compiled guard", () => {
  it("accepts every valid generated record, as JSON.parse gives it", () => {
    fc.assert(fc.property(arbRecord, (r) => guard(JSON.parse(JSON.stringify(r)))), { numRuns: 500 })
  })

  it("never accepts what the schema rejects (valid, mutated and arbitrary inputs)", () => {
    fc.assert(fc.property(arbRecord.chain((r) => arbMutation(r as never)), (m) => agrees(m.record)), { numRuns: 1000 })
    fc.assert(fc.property(fc.jsonValue(), agrees), { numRuns: 1000 })
    fc.assert(fc.property(arbRecord, (r) => agrees(r)), { numRuns: 300 })
  })

  it("for values from JSON.parse, the JSON guard gives the same answer as the general one", () => {
    const jsonGuard = compile(Record.Record.ast, "json")
    const same = (u: unknown): boolean => {
      const parsed: unknown = JSON.parse(JSON.stringify(u) ?? "null")
      return jsonGuard(parsed) === guard(parsed)
    }
    fc.assert(fc.property(arbRecord.chain((r) => arbMutation(r as never)), (m) => same(m.record)), { numRuns: 1000 })
    fc.assert(fc.property(fc.jsonValue(), same), { numRuns: 1000 })
    fc.assert(fc.property(arbRecord, same), { numRuns: 300 })
  })

  it("rejects unknown keys, as the decoders do, so a misspelt field is never dropped", () => {
    const r = Record.decode({
      type: "place",
      id: "zhanaozen",
      kind: "town",
      name: "Zhanaozen",
      timeZone: "Asia/Aqtau",
      coordinate: { lat: 43.33778, lon: 52.85528, precision: "exact" }
    })
    expect(Result.isFailure(r) && r.failure.message).toMatch(/at \["coordinate"\]: unknown field: not part of this record type \(misspelt\?\)/)
  })
})

describe("Event.mappingOf", () => {
  it("refines a dispersal with reported deaths or live fire, and a blockade", () => {
    const base = {
      type: "event", id: "d", title: "Dispersal", when: "2011-12-16", citations: [{ source: "s" }],
      where: { place: "zhanaozen", timeZone: "Asia/Aqtau" }
    }
    const plain = Record.decodeUnsafe({ ...base, kind: "dispersal" }) as Event.Event
    const lethal = Record.decodeUnsafe({
      ...base,
      kind: "dispersal",
      force: ["live-fire"],
      killed: [{ value: { kind: "exact", value: 14 }, citations: [{ source: "s" }] }]
    }) as Event.Event
    expect(Event.mappingOf(plain).acled?.subEventType).toBe("Protest with intervention")
    expect(Event.mappingOf(lethal).acled?.subEventType).toBe("Excessive force against protesters")
    const blockade = Record.decodeUnsafe({ ...base, kind: "rally", form: "blockade" }) as Event.Event
    expect(Event.mappingOf(blockade).plover?.mode).toBe("obstruct")
  })

  it("calls a schema exact only when its guard accepts every value it decodes to", () => {
    // Exact: the encoder returns a decoded record as it is, without walking it.
    expect(isExact(Record.Record.ast)).toBe(true)
    expect(isExact(Schema.Struct({ a: Schema.String, b: Schema.optionalKey(Schema.Array(Schema.Number)) }).ast)).toBe(true)
    // A transformation anywhere, or a shape the guards leave to the schema, is not.
    expect(isExact(Schema.Struct({ n: Schema.NumberFromString }).ast)).toBe(false)
    expect(isExact(Schema.Struct({ xs: Schema.Array(Schema.Struct({ n: Schema.NumberFromString })) }).ast)).toBe(false)
    expect(isExact(Schema.Union([Schema.String, Schema.NumberFromString]).ast)).toBe(false)
    expect(isExact(Schema.Struct({ at: Schema.Date }).ast)).toBe(false)
    expect(isExact(Schema.Record(Schema.String, Schema.String).ast)).toBe(false)
    expect(isExact(Schema.Struct({ maybe: Schema.optional(Schema.String) }).ast)).toBe(false)
  })
})
