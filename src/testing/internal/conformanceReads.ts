/**
 * The conformance cases about reading: reads from a position and of one stream, retractions and
 * corrections as readers see them, the live tail (alone and with concurrent committers), and,
 * for stores that persist, a reopened store.
 */
import { Clock, Effect, Fiber } from "effect"
import type { Entry, StreamRef } from "../../journal/Entry.js"
import type { CommitError, ReadError } from "../../journal/errors.js"
import type { JournalShape } from "../../journal/Journal.js"
import type { ConformanceRunner, MakeJournalLayer } from "../JournalConformance.js"
import { deepStrictEqual, fail, strictEqual } from "./assert.js"
import { liveClock, makeHandClock, startOfTime } from "./conformanceClock.js"
import {
  type CaseDescribe,
  type CaseIt,
  commitError,
  expectConflict,
  observe,
  rally,
  readAll,
  retract,
  revise,
  settle,
  tailUntil,
  theJournal,
  within
} from "./conformanceSteps.js"

/** Registers the reading cases. */
export const readCases = (describe: CaseDescribe, it: CaseIt): void => {
  describe("reads", () => {
    const fill = (journal: JournalShape) =>
      Effect.gen(function*() {
        yield* journal.commit({ idempotencyKey: "k-1", appends: [revise(rally("a"), "none"), revise(rally("b"), "none")] })
        yield* journal.commit({ idempotencyKey: "k-2", appends: [revise(rally("a", "A2"), 1)] })
        yield* journal.commit({ idempotencyKey: "k-3", appends: [revise(rally("c"), "none"), revise(rally("a", "A3"), 2)] })
        return yield* readAll(journal)
      })

    it("readAll from a position gives the entries from there to the head", (journal) =>
      Effect.gen(function*() {
        const all = yield* fill(journal)
        deepStrictEqual(all.map((e) => e.position), [1, 2, 3, 4, 5])
        for (const from of [1, 2, 4, 5]) deepStrictEqual(yield* readAll(journal, from), all.slice(from - 1), `readAll from ${from}`)
        deepStrictEqual(yield* readAll(journal, 6), [])
        deepStrictEqual(yield* readAll(journal, 100), [])
      }))

    it("readStream gives one stream in revision order; an unknown stream is empty", (journal) =>
      Effect.gen(function*() {
        const all = yield* fill(journal)
        const a = yield* journal.readStream({ type: "event", id: "a" })
        deepStrictEqual(a, all.filter((e) => e.stream.id === "a"))
        deepStrictEqual(a.map((e) => [e.revision, e.position]), [[1, 1], [2, 3], [3, 5]])
        deepStrictEqual(yield* journal.readStream({ type: "actor", id: "a" }), [], "streams of other types are other streams")
        deepStrictEqual(yield* journal.readStream({ type: "event", id: "z" }), [])
      }))

    it("head is the position of the last entry", (journal) =>
      Effect.gen(function*() {
        yield* fill(journal)
        strictEqual(yield* journal.head, 5)
      }))
  })

  describe("retractions and corrections", () => {
    it("a retraction appends a tombstone carrying its reason", (journal) =>
      Effect.gen(function*() {
        yield* journal.commit({ idempotencyKey: "k-1", appends: [revise(rally("a"), "none")] })
        const result = yield* journal.commit({
          idempotencyKey: "k-2",
          author: "editor",
          appends: [retract({ type: "event", id: "a" }, 1, "duplicate of event/b")]
        })
        const tombstone: Entry = {
          position: 2,
          stream: { type: "event", id: "a" },
          revision: 2,
          recordedAt: startOfTime,
          idempotencyKey: "k-2",
          author: "editor",
          reason: "duplicate of event/b",
          body: { _tag: "retraction", reason: "duplicate of event/b" }
        }
        deepStrictEqual(result.entries, [tombstone])
        deepStrictEqual((yield* journal.readStream(tombstone.stream)).at(-1), tombstone)
        deepStrictEqual((yield* readAll(journal)).at(-1), tombstone)
      }))

    it("a correction is a new revision; a revision after a retraction is allowed", (journal) =>
      Effect.gen(function*() {
        const stream: StreamRef = { type: "event", id: "a" }
        yield* journal.commit({ idempotencyKey: "k-1", appends: [revise(rally("a", "Rallly"), "none")] })
        yield* journal.commit({ idempotencyKey: "k-2", appends: [revise(rally("a", "Rally"), 1, "typo in the title")] })
        yield* journal.commit({ idempotencyKey: "k-3", appends: [retract(stream, 2, "not a rally")] })
        const restored = yield* journal.commit({ idempotencyKey: "k-4", appends: [revise(rally("a", "Rally, restored"), 3, "it was one")] })
        deepStrictEqual(restored.entries.map((e) => [e.revision, e.reason]), [[4, "it was one"]])
        const entries = yield* journal.readStream(stream)
        deepStrictEqual(entries.map((e) => [e.revision, e.body._tag === "revision" ? e.body.record.type === "event" && e.body.record.title : e.body.reason]), [
          [1, "Rallly"],
          [2, "Rally"],
          [3, "not a rally"],
          [4, "Rally, restored"]
        ])
      }))
  })

  describe("live tail", () => {
    const commitN = (journal: JournalShape, prefix: string, n: number) =>
      Effect.forEach(Array.from({ length: n }, (_, i) => i), (i) =>
        journal.commit({ idempotencyKey: `${prefix}-${i}`, appends: [revise(rally(`${prefix}-${i % 3}`, `${prefix} ${i}`), "any")] }), { discard: true })

    it("a tail started before any commit delivers every entry once, in order", (journal) =>
      Effect.gen(function*() {
        const tail = yield* tailUntil(journal, "last")
        yield* settle
        yield* commitN(journal, "x", 5)
        yield* journal.commit({ idempotencyKey: "pair", appends: [revise(rally("y"), "any"), revise(rally("z"), "any")] })
        yield* commitN(journal, "w", 2)
        yield* journal.commit({ idempotencyKey: "last", appends: [revise(rally("y"), "any")] })
        const all = yield* readAll(journal)
        strictEqual(all.length, 10)
        deepStrictEqual(yield* within(Fiber.join(tail), "the tail"), all)
      }))

    it("tails started between commits each deliver the earlier and the later entries", (journal) =>
      Effect.gen(function*() {
        const tails = []
        for (let i = 0; i < 5; i++) {
          tails.push(yield* tailUntil(journal, "last"))
          yield* commitN(journal, `x${i}`, 2)
        }
        yield* journal.commit({ idempotencyKey: "last", appends: [revise(rally("y"), "any")] })
        const all = yield* readAll(journal)
        for (const tail of tails) deepStrictEqual(yield* within(Fiber.join(tail), "a tail"), all)
      }))

    it("a tail from a position starts there, then follows new commits", (journal) =>
      Effect.gen(function*() {
        yield* commitN(journal, "x", 4)
        const tail = yield* tailUntil(journal, "last", 3)
        yield* settle
        yield* commitN(journal, "y", 3)
        yield* journal.commit({ idempotencyKey: "last", appends: [revise(rally("z"), "any")] })
        deepStrictEqual(yield* within(Fiber.join(tail), "the tail"), yield* readAll(journal, 3))
      }))

    it("a tail from beyond the head waits for that position", (journal) =>
      Effect.gen(function*() {
        yield* commitN(journal, "x", 2)
        const tail = yield* tailUntil(journal, "last", 5)
        yield* settle
        yield* commitN(journal, "y", 3)
        yield* journal.commit({ idempotencyKey: "last", appends: [revise(rally("z"), "any")] })
        deepStrictEqual((yield* within(Fiber.join(tail), "the tail")).map((e) => e.position), [5, 6])
      }))

    it("with concurrent committers, a running tail sees exactly what readAll returns", (journal, clock) =>
      Effect.gen(function*() {
        const writers = 4
        const rounds = 8
        const shared: StreamRef = { type: "event", id: "shared" }
        const tail = yield* tailUntil(journal, "last")
        const early = yield* tailUntil(journal, "last")
        yield* settle
        // Each writer appends to its own stream and, in the same commit, to a shared stream at
        // the revision it last read: a lost update would show as a wrong revision count.
        const write = (w: number, i: number): Effect.Effect<void, CommitError | ReadError> =>
          Effect.gen(function*() {
            const revision = (yield* journal.readStream(shared)).at(-1)?.revision
            yield* Effect.yieldNow
            clock.advance(w % 2 === 0 ? 7 : -3)
            yield* journal.commit({
              idempotencyKey: `w${w}-${i}`,
              appends: [revise(rally(`w${w}`, `round ${i}`), i === 0 ? "none" : i), revise(rally("shared", `w${w} round ${i}`), revision ?? "none")]
            })
          }).pipe(Effect.catchTag("ConflictError", () => write(w, i)))
        yield* Effect.forEach(Array.from({ length: writers }, (_, w) => w), (w) =>
          Effect.forEach(Array.from({ length: rounds }, (_, i) => i), (i) => write(w, i), { discard: true }), { concurrency: "unbounded", discard: true })
        const late = yield* tailUntil(journal, "last", 10)
        yield* journal.commit({ idempotencyKey: "last", appends: [revise(rally("end"), "none")] })
        const all = yield* readAll(journal)
        const total = writers * rounds * 2 + 1
        deepStrictEqual(all.map((e) => e.position), Array.from({ length: total }, (_, i) => i + 1))
        deepStrictEqual((yield* journal.readStream(shared)).map((e) => e.revision), Array.from({ length: writers * rounds }, (_, i) => i + 1))
        for (let w = 0; w < writers; w++) strictEqual((yield* journal.readStream({ type: "event", id: `w${w}` })).length, rounds)
        for (let i = 1; i < all.length; i++) if (all[i]!.recordedAt < all[i - 1]!.recordedAt) fail(`record time goes back at position ${i + 1}`)
        deepStrictEqual(yield* within(Fiber.join(tail), "the tail"), all)
        deepStrictEqual(yield* within(Fiber.join(early), "a second tail"), all)
        deepStrictEqual(yield* within(Fiber.join(late), "a late tail"), all.slice(9))
      }))
  })
}

/**
 * Registers the durability case: a store opened by `durable()`, closed and opened again, gives
 * back what it answered.
 */
export const durabilityCases = (runner: ConformanceRunner, durable: () => MakeJournalLayer, timeout: number): void => {
  runner.describe("durability", () => {
    runner.it("a reopened store gives back every entry as committed, and commits continue from there", async () => {
      const open = durable()
      const clock = makeHandClock(liveClock())
      const session = <A, E>(body: (journal: JournalShape) => Effect.Effect<A, E>): Promise<A> =>
        Effect.runPromise(
          Effect.flatMap(theJournal, body).pipe(Effect.provide(open()), Effect.provideService(Clock.Clock, clock))
        )
      const streams: ReadonlyArray<StreamRef> = [{ type: "event", id: "a" }, { type: "event", id: "b" }]
      const first = await session((journal) =>
        Effect.gen(function*() {
          const one = yield* journal.commit({
            idempotencyKey: "k-1",
            author: "Айгерім",
            reason: "from the court files",
            appends: [revise(rally("a", "Жанаозен: митинг"), "none"), revise(rally("b"), "none")]
          })
          clock.advance(90_000)
          const two = yield* journal.commit({
            idempotencyKey: "k-2",
            appends: [retract({ type: "event", id: "a" }, 1, "a hoax"), revise(rally("b", "B2"), 1, "a second source")]
          })
          const three = yield* journal.commit({ idempotencyKey: "k-3", appends: [revise(rally("a", "A, restored"), 2)] })
          return { written: [...one.entries, ...two.entries, ...three.entries], seen: yield* observe(journal, streams) }
        }))
      deepStrictEqual(first.seen.entries, first.written)
      clock.set(startOfTime) // earlier than every entry: record time must still not go back
      await session((journal) =>
        Effect.gen(function*() {
          deepStrictEqual(yield* observe(journal, streams), first.seen, "the reopened store differs from what it answered")
          const again = yield* journal.commit({ idempotencyKey: "k-1", appends: [revise(rally("c"), "none")] })
          deepStrictEqual(again, { entries: first.written.slice(0, 2), duplicate: true })
          expectConflict(yield* commitError(journal, { idempotencyKey: "k-4", appends: [revise(rally("a", "A4"), 2)] }), streams[0]!, 2, 3)
          const next = yield* journal.commit({ idempotencyKey: "k-4", appends: [revise(rally("a", "A4"), 3)] })
          deepStrictEqual(next.entries.map((e) => [e.position, e.revision, e.recordedAt]), [[6, 4, first.written.at(-1)!.recordedAt]])
        }))
    }, timeout)
  })
}
