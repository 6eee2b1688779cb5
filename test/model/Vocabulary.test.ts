import { Result, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { Vocabulary } from "../../src/index.js"

const Boycott = Vocabulary.defineKindUnsafe({
  kind: "consumer-boycott",
  description: "A call to stop buying a company's goods.",
  fields: { target: Schema.String, callers: Schema.optionalKey(Schema.Array(Schema.String)) },
  mapping: {
    cameo: { code: "143", label: "Conduct strike or boycott" },
    plover: { type: "PROTEST", mode: "boycott" },
    acled: { eventType: "Protests", subEventType: "Peaceful protest" }
  }
})
const vocabulary = Vocabulary.makeUnsafe([Boycott])

const boycott = {
  type: "event",
  kind: "consumer-boycott",
  id: "boycott-1",
  title: "Call to boycott a fuel retailer",
  when: "2022-01-03",
  where: { place: "zhanaozen", timeZone: "Asia/Aqtau" },
  target: "a fuel retailer",
  citations: [{ source: "some-source" }]
}

describe("Vocabulary", () => {
  it("decodes and encodes a user-defined kind like a built-in one", () => {
    const r = vocabulary.decode(boycott)
    if (Result.isFailure(r)) throw r.failure
    expect(r.success).toEqual(boycott)
    expect(vocabulary.encode(r.success)).toEqual(boycott)
  })

  it("validates the common fields of a user-defined kind", () => {
    const r = vocabulary.decode({ ...boycott, when: "2022-02-30", target: 3 })
    if (Result.isSuccess(r)) throw new Error("expected a failure")
    expect(r.failure.issues.map((i) => i.path)).toEqual([["when"], ["target"]])
  })

  it("carries the kind's mapping", () => {
    const r = vocabulary.decode(boycott)
    if (Result.isFailure(r)) throw r.failure
    expect(vocabulary.mapping(r.success as never)?.plover).toEqual({ type: "PROTEST", mode: "boycott" })
  })

  it("still decodes the built-in kinds, and the built-in vocabulary does not know the custom one", () => {
    const { target: _, ...common } = boycott
    const rally = { ...common, kind: "rally", form: "picket" }
    expect(Result.isSuccess(vocabulary.decode(rally))).toBe(true)
    const r = Vocabulary.builtIn.decode(boycott)
    expect(Result.isFailure(r) && r.failure.message).toMatch(/"consumer-boycott" is not an event kind/)
  })

  it("puts the custom kind in the JSON Schema", () => {
    const doc = JSON.stringify(vocabulary.jsonSchema())
    expect(doc).toContain("ConsumerBoycott")
    expect(doc).toContain("consumer-boycott")
  })

  it("refuses kind names that clash or are malformed, and redefined common fields", () => {
    expect(() => Vocabulary.makeUnsafe([Boycott, Boycott])).toThrow(/defined twice/)
    expect(() => Vocabulary.makeUnsafe([{ ...Boycott, kind: "rally" }])).toThrow(/"rally" is defined twice/)
    expect(() => Vocabulary.defineKindUnsafe({ kind: "Sit In", description: "x", fields: {}, mapping: Boycott.mapping({} as never) })).toThrow(/kebab-case/)
    expect(() => Vocabulary.defineKindUnsafe({ kind: "x", description: "x", fields: { when: Schema.String }, mapping: Boycott.mapping({} as never) })).toThrow(/common field "when"/)
  })

  it("make and defineKind return the same error as a Result", () => {
    const twice = Vocabulary.make([Boycott, Boycott])
    expect(Result.isFailure(twice) && twice.failure._tag).toBe("VocabularyError")
    const bad = Vocabulary.defineKind({ kind: "Sit In", description: "x", fields: {}, mapping: Boycott.mapping({} as never) })
    expect(Result.isFailure(bad) && bad.failure.message).toMatch(/kebab-case/)
    expect(Result.isSuccess(Vocabulary.make([Boycott]))).toBe(true)
  })

  it("encodes a decoded record of a kind with a transformation through its schema", () => {
    const Tally = Vocabulary.defineKindUnsafe({
      kind: "tally",
      description: "A count kept as text in files.",
      fields: { counted: Schema.NumberFromString },
      mapping: Boycott.mapping({} as never)
    })
    const tallies = Vocabulary.makeUnsafe([Tally])
    const { target: _, ...rest } = boycott
    const record = Result.getOrThrow(tallies.decode({ ...rest, kind: "tally", counted: "12" }))
    expect((record as unknown as { counted: unknown }).counted).toBe(12)
    // The same record, encoded twice (once decoded, it is known to the vocabulary): text both times.
    expect((tallies.encode(record) as { counted: unknown }).counted).toBe("12")
    expect((tallies.encode(record) as { counted: unknown }).counted).toBe("12")
  })
})
