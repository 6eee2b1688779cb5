import { Result, Schema } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Event, Record } from "../../src/index.js"
import {
  arbActor,
  arbEventByKind,
  arbLink,
  arbMutation,
  arbPlace,
  arbRecord,
  arbSource,
  assertDoesNotMutate,
  assertRoundTrip,
  deepFreeze
} from "../../src/testing/index.js"
import { Actor } from "../../src/model/Actor.js"
import { Link } from "../../src/model/Link.js"
import { Place } from "../../src/model/Place.js"
import { Source } from "../../src/model/Source.js"

const rally = {
  type: "event",
  kind: "rally",
  id: "astana-2023-04-10-kmg-sit-in",
  title: "Overnight rally of laid-off oil workers at the KazMunayGas office",
  when: "2023-04-10/2023-04-11",
  where: { place: "astana", site: "in front of the KazMunayGas office", timeZone: "Asia/Almaty" },
  form: "sit-in",
  authorised: false,
  overnight: true,
  citations: [{ source: "eadaily-2023-04-11" }]
}

describe("Record.decode", () => {
  it("decodes a valid record", () => {
    const r = Record.decode(rally)
    expect(Result.isSuccess(r)).toBe(true)
  })

  it("names the path of a bad date: at [\"when\"]: \"2011-13-40\" is not an EDTF date", () => {
    const r = Record.decode({ ...rally, when: "2011-13-40" })
    if (Result.isSuccess(r)) throw new Error("expected a failure")
    expect(r.failure._tag).toBe("RecordDecodeError")
    expect(r.failure.message).toMatch(/^at \["when"\]: "2011-13-40" is not an EDTF date/)
    expect(r.failure.issues).toHaveLength(1)
    expect(r.failure.issues[0]!.path).toEqual(["when"])
  })

  it("names every bad field, not just the first", () => {
    const r = Record.decode({ ...rally, when: "2011-13-40", where: { place: "astana", timeZone: "Asia/Astan" }, citations: [] })
    if (Result.isSuccess(r)) throw new Error("expected a failure")
    const paths = r.failure.issues.map((i) => JSON.stringify(i.path))
    expect(paths).toEqual(expect.arrayContaining(['["when"]', '["where","timeZone"]', '["citations"]']))
  })

  it("Event.isKind answers the same data first and piped", () => {
    const decoded = Record.decodeUnsafe(rally) as Event.AnyEvent
    expect(Event.isKind(decoded, "rally")).toBe(true)
    expect(Event.isKind("rally")(decoded)).toBe(true)
    expect([decoded].filter(Event.isKind("strike"))).toEqual([])
  })

  it("rejects an event without citations", () => {
    const { citations: _, ...uncited } = rally
    const r = Record.decode(uncited)
    expect(Result.isFailure(r) && r.failure.message).toMatch(/at \["citations"\]: Missing key/)
  })

  it("says which record types and kinds exist", () => {
    const t = Record.decode({ ...rally, type: "meeting" })
    expect(Result.isFailure(t) && t.failure.message).toMatch(/at \["type"\]: "meeting" is not a record type \(event, actor, place, source, link\)/)
    const k = Record.decode({ ...rally, kind: "picnic" })
    expect(Result.isFailure(k) && k.failure.message).toMatch(/at \["kind"\]: "picnic" is not an event kind of this vocabulary \(strike, hunger-strike, rally/)
  })

  it("reads JSON Lines all or nothing, naming the line of each bad record", () => {
    const good = JSON.stringify(rally)
    const ok = Record.decodeJsonl(`${good}\n\n${good.replace("2023-04-10/2023-04-11", "2023-04-09")}\n`)
    expect(Result.isSuccess(ok) && ok.success.length).toBe(2)
    const bad = Record.decodeJsonl(`${good}\n{"type":"event"\n${good.replace("Asia/Almaty", "Asia/Nowhere")}`)
    if (Result.isSuccess(bad)) throw new Error("expected a failure")
    expect(bad.failure.issues.map((i) => i.line)).toEqual([2, 3])
    expect(bad.failure.message).toMatch(/^line 2: at the record: not valid JSON/)
    expect(bad.failure.message).toMatch(/line 3: at \["where"\]\["timeZone"\]: "Asia\/Nowhere" is not an IANA time zone/)
  })

  it("never throws on arbitrary JSON, and fails on anything that is not a record", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (u) => {
        const r = Record.decode(u)
        return Result.isFailure(r) && r.failure.issues.length > 0
      }),
      { numRuns: 2000 }
    )
  })

  it("never throws on arbitrary values, including odd objects", () => {
    fc.assert(fc.property(fc.anything({ withBoxedValues: true, withMap: true, withSet: true, withNullPrototype: true, withSparseArray: true }), (u) => {
      Record.decode(u)
    }), { numRuns: 2000 })
  })

  it("never throws on arbitrary strings as JSON", () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.json()), (s) => {
      Record.decodeJson(s)
      Record.decodeJsonl(s)
    }))
  })

  it("rejects every known-bad mutation of a valid record, with an issue at the mutated path", () => {
    const wide = fc.oneof(arbRecord, ...Object.values(arbEventByKind))
    fc.assert(
      fc.property(wide.chain((rec) => arbMutation(rec as never)), (m) => {
        const r = Record.decode(m.record)
        if (Result.isSuccess(r)) throw new Error(`accepted ${m.description}`)
        const wanted = JSON.stringify(m.path).slice(0, -1)
        const found = r.failure.issues.some((i) => JSON.stringify(i.path).startsWith(wanted))
        if (!found) throw new Error(`${m.description}: no issue at ${JSON.stringify(m.path)}:\n${r.failure.message}`)
      }),
      { numRuns: 1000 }
    )
  })
})

describe("round-trips", () => {
  for (const [kind, arb] of Object.entries(arbEventByKind)) {
    it(`encode/decode round-trip: ${kind}`, () => {
      assertRoundTrip(Event.builtInKindSchemas[kind as keyof typeof Event.builtInKindSchemas] as Schema.Codec<unknown, unknown>, arb, { numRuns: 200 })
    })
  }
  it("encode/decode round-trip: actor", () => assertRoundTrip(Actor as Schema.Codec<unknown, unknown>, arbActor))
  it("encode/decode round-trip: place", () => assertRoundTrip(Place as Schema.Codec<unknown, unknown>, arbPlace))
  it("encode/decode round-trip: source", () => assertRoundTrip(Source as Schema.Codec<unknown, unknown>, arbSource))
  it("encode/decode round-trip: link", () => assertRoundTrip(Link as Schema.Codec<unknown, unknown>, arbLink))
  it("JSON Lines round-trip of mixed records", () => {
    fc.assert(fc.property(fc.array(arbRecord, { maxLength: 20 }), (records) => {
      const decoded = records.map((r) => Record.decodeUnsafe(r))
      const again = Record.decodeJsonl(Result.getOrThrow(Record.encodeJsonl(decoded)))
      expect(Result.isSuccess(again) && again.success).toEqual(decoded)
    }), { numRuns: 100 })
  })
})

describe("immutability", () => {
  it("decode, encode and bounds do not mutate their (deep-frozen) input", () => {
    assertDoesNotMutate(arbRecord, (r) => {
      const decoded = Record.decodeUnsafe(r)
      Record.encode(deepFreeze(decoded))
      if (decoded.type === "event") Event.bounds(decoded)
    }, { numRuns: 300 })
  })
})
