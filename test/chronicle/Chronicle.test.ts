import { assert, describe, it } from "@effect/vitest"
import { Effect, Fiber, Layer, Stream } from "effect"
import { TestClock } from "effect/testing"
import { Chronicle, Journal, Projection } from "../../src/index.js"

const { Catalog } = Projection

const shooting = (toll: number) => ({
  type: "event",
  kind: "violence",
  id: "zhanaozen-2011-12-16-shooting",
  title: "Police open fire on the central square of Zhanaozen",
  when: "2011-12-16",
  where: { place: "zhanaozen-central-square", timeZone: "Asia/Aqtau" },
  form: "shooting",
  killed: [{ value: { kind: "exact", value: toll }, citations: [{ source: "src-official-toll" }], claimant: "kazakh-authorities" }],
  citations: [{ source: "src-rferl-2011-12-17" }]
})
const stream = { type: "event", id: "zhanaozen-2011-12-16-shooting" } as const
const link = {
  type: "link",
  id: "shooting-responds-to-strike",
  relation: "responds-to",
  from: "zhanaozen-2011-12-16-shooting",
  to: "zhanaozen-2011-05-strike",
  rationale: "the square was held by striking oil workers",
  citations: [{ source: "src-hrw-2012" }]
}

const strike = {
  type: "event",
  kind: "strike",
  id: "zhanaozen-2011-05-strike",
  title: "Ozenmunaigas oil workers strike",
  when: "2011-05",
  where: { place: "zhanaozen", timeZone: "Asia/Aqtau" },
  citations: [{ source: "src-hrw-2012" }]
}

// These tests are about history, idempotency and links: the ids they cite are not recorded.
const setup = Chronicle.layer({ checkReferences: false }).pipe(Layer.provideMerge(Journal.layerMemory()))
const at = (iso: string) => TestClock.setTime(Date.parse(iso))
const tollOf = (catalog: Projection.Catalog.Catalog) => {
  const current = Catalog.get(catalog, stream)?.current as { readonly killed?: ReadonlyArray<{ readonly value: { readonly value?: number } }> } | undefined
  return current?.killed?.[0]?.value.value
}

describe("Chronicle", () => {
  it.effect("records, corrects and retracts, keeping the history", () =>
    Effect.gen(function*() {
      const chronicle = yield* Chronicle.Chronicle
      yield* at("2011-12-16T15:00:00Z")
      const first = yield* chronicle.record(shooting(10), { author: "editor" })
      assert.strictEqual(first.revision, 1)
      yield* at("2011-12-17T09:00:00Z")
      const second = yield* chronicle.correct(shooting(14), { reason: "official toll revised to 14", author: "editor" })
      assert.deepStrictEqual([second.revision, second.reason, second.author], [2, "official toll revised to 14", "editor"])
      assert.strictEqual(tollOf(yield* chronicle.catalog()), 14)
      yield* at("2011-12-18T09:00:00Z")
      yield* chronicle.retract(stream, { reason: "merged into another record" })
      const item = Catalog.get(yield* chronicle.catalog(), stream)!
      assert.isUndefined(item.current)
      assert.deepStrictEqual(item.retracted, { at: Date.parse("2011-12-18T09:00:00Z"), revision: 3, reason: "merged into another record" })
      assert.deepStrictEqual(item.history.map((e) => e.body._tag), ["revision", "revision", "retraction"])
    }).pipe(Effect.provide(setup)))

  it.effect("shows what was known as of a past record time: the toll before and after a correction", () =>
    Effect.gen(function*() {
      const chronicle = yield* Chronicle.Chronicle
      yield* at("2011-12-16T18:00:00Z")
      yield* chronicle.record(shooting(10))
      yield* at("2011-12-17T18:00:00Z")
      yield* chronicle.correct(shooting(14), { reason: "official toll revised to 14" })
      assert.strictEqual(tollOf(yield* chronicle.catalogAsOf(new Date("2011-12-17T06:00:00Z"))), 10)
      assert.strictEqual(tollOf(yield* chronicle.catalogAsOf(Date.parse("2011-12-17T18:00:00Z"))), 14)
      assert.isUndefined(tollOf(yield* chronicle.catalogAsOf(Date.parse("2011-12-16T17:59:59Z"))))
      assert.strictEqual(tollOf(yield* chronicle.catalog()), 14)
    }).pipe(Effect.provide(setup)))

  it.effect("rejects a bad record with a typed error and writes nothing", () =>
    Effect.gen(function*() {
      const chronicle = yield* Chronicle.Chronicle
      const journal = yield* Journal.Journal
      const error = yield* Effect.flip(chronicle.record({ ...shooting(10), when: "2011-13-40" }))
      assert.strictEqual(error._tag, "RecordDecodeError")
      assert.match(error.message, /at \["when"\]/)
      const notALink = yield* Effect.flip(chronicle.link(shooting(10)))
      assert.strictEqual(notALink._tag, "RecordDecodeError")
      const correction = yield* Effect.flip(chronicle.correct({ ...shooting(14), citations: [] }, { reason: "toll" }))
      assert.strictEqual(correction._tag, "RecordDecodeError")
      assert.strictEqual(yield* journal.head, 0)
    }).pipe(Effect.provide(setup)))

  it.effect("rejects a record whose stream exists, unless `expected` allows it", () =>
    Effect.gen(function*() {
      const chronicle = yield* Chronicle.Chronicle
      yield* chronicle.record(shooting(10))
      const conflict = yield* Effect.flip(chronicle.record(shooting(14)))
      assert.strictEqual(conflict._tag, "ConflictError")
      const second = yield* chronicle.record(shooting(14), { expected: 1, reason: "revised" })
      assert.strictEqual(second.revision, 2)
      const stale = yield* Effect.flip(chronicle.correct(shooting(16), { reason: "Reuters", expected: 1 }))
      assert.strictEqual(stale._tag, "ConflictError")
    }).pipe(Effect.provide(setup)))

  it.effect("applies a retried call once (deterministic idempotency keys)", () =>
    Effect.gen(function*() {
      const chronicle = yield* Chronicle.Chronicle
      const journal = yield* Journal.Journal
      const a = yield* chronicle.record(shooting(10), { author: "editor" })
      const b = yield* chronicle.record(shooting(10), { author: "editor" })
      assert.deepStrictEqual(b, a)
      const c1 = yield* chronicle.correct(shooting(14), { reason: "revised" })
      const c2 = yield* chronicle.correct(shooting(14), { reason: "revised" })
      assert.deepStrictEqual(c2, c1)
      const r1 = yield* chronicle.retract(stream, { reason: "duplicate" })
      const r2 = yield* chronicle.retract(stream, { reason: "duplicate" })
      assert.deepStrictEqual(r2, r1)
      assert.strictEqual(yield* journal.head, 3)
      assert.match(a.idempotencyKey, /^chronicle:record:[0-9a-f]{64}:after-0$/)
      // Key order in the input does not matter: the key hashes the encoded record.
      // A link needs both its events current.
      yield* chronicle.record(strike)
      yield* chronicle.correct(shooting(14), { reason: "not a duplicate after all" })
      const { relation, ...rest } = link
      const l1 = yield* chronicle.link(link)
      const l2 = yield* chronicle.link({ ...rest, relation })
      assert.deepStrictEqual(l2, l1)
      // A caller's own key is used as given.
      const own = yield* chronicle.correct(shooting(16), { reason: "Reuters", idempotencyKey: "import-42" })
      assert.strictEqual(own.idempotencyKey, "import-42")
      const misused = yield* Effect.flip(chronicle.record(link, { idempotencyKey: "import-42", expected: "any" }))
      assert.strictEqual(misused._tag, "InvalidCommitError")
    }).pipe(Effect.provide(setup)))

  it.effect("refuses to correct or retract what is not there, and changes without a reason", () =>
    Effect.gen(function*() {
      const chronicle = yield* Chronicle.Chronicle
      const never = yield* Effect.flip(chronicle.correct(shooting(14), { reason: "revised" }))
      assert.deepStrictEqual([never._tag, never._tag === "NoRecordError" && never.retracted], ["NoRecordError", false])
      yield* chronicle.record(shooting(10))
      const noReason = yield* Effect.flip(chronicle.correct(shooting(14), { reason: "  " }))
      assert.strictEqual(noReason._tag, "InvalidCommitError")
      const badStream = yield* Effect.flip(chronicle.retract({ type: "event", id: "not an id" }, { reason: "x" }))
      assert.strictEqual(badStream._tag, "InvalidCommitError")
      yield* chronicle.retract(stream, { reason: "duplicate" })
      const twice = yield* Effect.flip(chronicle.retract(stream, { reason: "another reason" }))
      assert.strictEqual(twice.message, "cannot retract event/zhanaozen-2011-12-16-shooting: it is retracted already")
      // A correction of a retracted record restores it.
      const restored = yield* chronicle.correct(shooting(14), { reason: "not a duplicate after all" })
      assert.strictEqual(restored.revision, 3)
      assert.strictEqual(tollOf(yield* chronicle.catalog()), 14)
    }).pipe(Effect.provide(setup)))

  it.effect("records links", () =>
    Effect.gen(function*() {
      const chronicle = yield* Chronicle.Chronicle
      yield* chronicle.record(shooting(10))
      yield* chronicle.record(strike)
      const entry = yield* chronicle.link(link, { author: "editor" })
      assert.deepStrictEqual(entry.stream, { type: "link", id: "shooting-responds-to-strike" })
      const links = Catalog.records(yield* chronicle.catalog(), { type: "link" })
      assert.deepStrictEqual(links.map((l) => [l.relation, l.from, l.to]), [["responds-to", "zhanaozen-2011-12-16-shooting", "zhanaozen-2011-05-strike"]])
    }).pipe(Effect.provide(setup)))

  it.effect("keeps a live projection current as commits land", () =>
    Effect.gen(function*() {
      const chronicle = yield* Chronicle.Chronicle
      yield* chronicle.record(shooting(10))
      const live = yield* chronicle.live(Catalog.projection)
      assert.strictEqual(tollOf(yield* live.get), 10)
      const seen = yield* live.changes.pipe(Stream.map(tollOf), Stream.take(3), Stream.runCollect, Effect.forkChild({ startImmediately: true }))
      const corrected = yield* chronicle.correct(shooting(14), { reason: "revised" })
      assert.strictEqual(tollOf(yield* live.waitFor(corrected.position)), 14)
      const again = yield* chronicle.correct(shooting(16), { reason: "Reuters" })
      yield* live.waitFor(again.position)
      assert.strictEqual(tollOf(yield* live.get), 16)
      assert.deepStrictEqual(yield* Fiber.join(seen), [10, 14, 16])
      const count = yield* chronicle.live(Projection.make(0, (n) => n + 1))
      assert.strictEqual(yield* count.get, 3)
    }).pipe(Effect.provide(setup)))

  it.effect("a live projection stops with its scope", () =>
    Effect.gen(function*() {
      const chronicle = yield* Chronicle.Chronicle
      const live = yield* Effect.scoped(chronicle.live(Catalog.projection))
      yield* chronicle.record(shooting(10))
      yield* Effect.yieldNow
      assert.strictEqual(Catalog.size(yield* live.get), 0)
    }).pipe(Effect.provide(setup)))
})
