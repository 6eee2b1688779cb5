/**
 * The chronicle keeps what the README promises: no write vanishes without an error (idempotency
 * keys name the revision a write was made after), records refer only to records it holds, and
 * error messages say what to do.
 */
import { assert, describe, expect, it } from "@effect/vitest"
import { Effect, Layer, Schema } from "effect"
import { Chronicle, Journal, Projection, Vocabulary } from "../../src/index.js"

const stream = { type: "event", id: "astana-2023-04-10-sit-in" } as const
const where = { place: "astana", timeZone: "Asia/Almaty" }
const rally = (title: string) => ({
  type: "event",
  kind: "rally",
  id: stream.id,
  title,
  when: "2023-04-10",
  where,
  form: "sit-in",
  citations: [{ source: "eadaily-2023-04-11" }]
})
const A = rally("Oil workers hold a sit-in in Astana")
const B = rally("Laid-off oil workers from Zhanaozen hold an overnight sit-in in Astana")
const source = { type: "source", id: "eadaily-2023-04-11", outlet: "EADaily", kind: "news" }
const place = { type: "place", id: "astana", name: "Astana", kind: "city", timeZone: "Asia/Almaty" }

const setup = Chronicle.layer().pipe(Layer.provideMerge(Journal.layerMemory()))

const titleNow = (catalog: Projection.Catalog.Catalog) => {
  const current = Projection.Catalog.get(catalog, stream)?.current
  return current?.type === "event" ? current.title : undefined
}

const withReferences = Effect.gen(function*() {
  const chronicle = yield* Chronicle.Chronicle
  yield* chronicle.record(source)
  yield* chronicle.record(place)
  return chronicle
})

describe("Chronicle: a new call is never answered with an older entry", () => {
  it.effect("correcting A to B, B to A and A to B with one reason writes three revisions; B is current", () =>
    Effect.gen(function*() {
      const chronicle = yield* withReferences
      yield* chronicle.record(A)
      const revisions: Array<number> = []
      for (const next of [B, A, B]) revisions.push((yield* chronicle.correct(next, { reason: "wording" })).revision)
      assert.deepStrictEqual(revisions, [2, 3, 4])
      assert.strictEqual(titleNow(yield* chronicle.catalog()), B.title)
    }).pipe(Effect.provide(setup)))

  it.effect("retracting again after a restore writes a new tombstone, and the record is no longer current", () =>
    Effect.gen(function*() {
      const chronicle = yield* withReferences
      yield* chronicle.record(A)
      const first = yield* chronicle.retract(stream, { reason: "duplicate" })
      yield* chronicle.correct(A, { reason: "not a duplicate" })
      const second = yield* chronicle.retract(stream, { reason: "duplicate" })
      assert.deepStrictEqual([first.revision, second.revision], [2, 4])
      assert.isUndefined(titleNow(yield* chronicle.catalog()))
    }).pipe(Effect.provide(setup)))

  it.effect("recording an identical record after its retraction is refused, pointing to correct()", () =>
    Effect.gen(function*() {
      const chronicle = yield* withReferences
      const journal = yield* Journal.Journal
      yield* chronicle.record(A)
      yield* chronicle.retract(stream, { reason: "duplicate" })
      const refused = yield* Effect.flip(chronicle.record(A))
      assert.strictEqual(refused._tag, "ConflictError")
      assert.match(refused.message, /exists already \(revision 2\): to change it, use correct\(\)/)
      assert.strictEqual(yield* journal.head, 4) // source, place, record, retraction
    }).pipe(Effect.provide(setup)))

  it.effect("a retried call (its entry still the stream's last) returns that entry and writes nothing", () =>
    Effect.gen(function*() {
      const chronicle = yield* withReferences
      const journal = yield* Journal.Journal
      const r1 = yield* chronicle.record(A)
      const r2 = yield* chronicle.record(A)
      const c1 = yield* chronicle.correct(B, { reason: "wording" })
      const c2 = yield* chronicle.correct(B, { reason: "wording" })
      const t1 = yield* chronicle.retract(stream, { reason: "duplicate" })
      const t2 = yield* chronicle.retract(stream, { reason: "duplicate" })
      assert.deepStrictEqual([r2, c2, t2], [r1, c1, t1])
      assert.strictEqual(yield* journal.head, 5)
      assert.match(c1.idempotencyKey, /^chronicle:correct:[0-9a-f]{64}:after-1$/)
    }).pipe(Effect.provide(setup)))
})

describe("Chronicle: references are checked", () => {
  it.effect("refuses a record citing a source, or naming a place or actor, that was never recorded; writes nothing", () =>
    Effect.gen(function*() {
      const chronicle = yield* Chronicle.Chronicle
      const journal = yield* Journal.Journal
      const withClaimant = {
        ...A,
        size: [{ value: { kind: "about", value: 100 }, claimant: "astana-police", citations: [{ source: "bureau-kz-2023-04-11" }] }]
      }
      const refused = yield* Effect.flip(chronicle.record(withClaimant))
      assert.strictEqual(refused._tag, "MissingReferenceError")
      if (refused._tag !== "MissingReferenceError") return
      assert.sameDeepMembers([...refused.missing], [
        { type: "source", id: "eadaily-2023-04-11" },
        { type: "source", id: "bureau-kz-2023-04-11" },
        { type: "place", id: "astana" },
        { type: "actor", id: "astana-police" }
      ])
      assert.match(refused.message, /event\/astana-2023-04-10-sit-in refers to records this chronicle does not hold/)
      assert.match(refused.message, /Record them first, or open the chronicle with checkReferences: false/)
      assert.strictEqual(yield* journal.head, 0)
    }).pipe(Effect.provide(setup)))

  it.effect("accepts the record once what it names is recorded, and refuses it again once a source is retracted", () =>
    Effect.gen(function*() {
      const chronicle = yield* withReferences
      yield* chronicle.record(A)
      yield* chronicle.retract({ type: "source", id: source.id }, { reason: "the outlet withdrew the article" })
      const refused = yield* Effect.flip(chronicle.correct(B, { reason: "wording" }))
      assert.strictEqual(refused._tag, "MissingReferenceError")
    }).pipe(Effect.provide(setup)))

  it.effect("checks the sources a link cites, and the place a place lies within", () =>
    Effect.gen(function*() {
      const chronicle = yield* withReferences
      const square = { type: "place", id: "astana-square", name: "Square", kind: "site", within: "nur-sultan", timeZone: "Asia/Almaty" }
      const refused = yield* Effect.flip(chronicle.record(square))
      assert.strictEqual(refused._tag, "MissingReferenceError")
      assert.deepStrictEqual(refused._tag === "MissingReferenceError" ? refused.missing : [], [{ type: "place", id: "nur-sultan" }])
    }).pipe(Effect.provide(setup)))

  it.effect("can be turned off, for imports that bring their sources after their events", () =>
    Effect.gen(function*() {
      const chronicle = yield* Chronicle.Chronicle
      const entry = yield* chronicle.record(A)
      assert.strictEqual(entry.revision, 1)
    }).pipe(Effect.provide(Chronicle.layer({ checkReferences: false }).pipe(Layer.provideMerge(Journal.layerMemory())))))
})

describe("Chronicle: records are the chronicle's own", () => {
  it.effect("changing the caller's object after record() changes nothing the chronicle holds; what it gives back is frozen", () =>
    Effect.gen(function*() {
      const chronicle = yield* withReferences
      const input = structuredClone(A) as { title: string; citations: Array<{ source: string }> }
      const entry = yield* chronicle.record(input)
      input.title = "changed afterwards"
      input.citations.push({ source: "nowhere" })
      const catalog = yield* chronicle.catalog()
      assert.strictEqual(titleNow(catalog), A.title)
      const current = Projection.Catalog.get(catalog, stream)!.current!
      assert.isTrue(Object.isFrozen(current))
      assert.isTrue(Object.isFrozen((current as { readonly citations: ReadonlyArray<unknown> }).citations))
      assert.isTrue(Object.isFrozen(entry.body))
    }).pipe(Effect.provide(setup)))
})

describe("Chronicle: a custom vocabulary is given once", () => {
  const Boycott = Vocabulary.defineKindUnsafe({
    kind: "consumer-boycott",
    description: "A call to stop buying a company's goods.",
    fields: { target: Schema.String },
    mapping: {
      cameo: { code: "143", label: "Conduct strike or boycott" },
      plover: { type: "PROTEST", mode: "boycott" },
      acled: { eventType: "Protests", subEventType: "Peaceful protest" }
    }
  })
  const vocabulary = Vocabulary.makeUnsafe([Boycott])
  const boycott = { ...A, kind: "consumer-boycott", id: "boycott", target: "KazMunayGas" } as Record<string, unknown>
  delete boycott["form"]

  it.effect("to the journal layer: the chronicle takes it from the journal", () =>
    Effect.gen(function*() {
      const chronicle = yield* withReferences
      const entry = yield* chronicle.record(boycott)
      assert.strictEqual(entry.body._tag === "revision" && entry.body.record.type === "event" ? entry.body.record.kind : undefined, "consumer-boycott")
    }).pipe(Effect.provide(Chronicle.layer().pipe(Layer.provideMerge(Journal.layerMemory({ vocabulary }))))))

  it("to Chronicle.open without a journal: the in-memory journal gets it", async () => {
    const chronicle = await Chronicle.open(undefined, { vocabulary, checkReferences: false })
    const entry = await chronicle.record(boycott)
    expect(entry.revision).toBe(1)
    await chronicle.close()
  })
})
