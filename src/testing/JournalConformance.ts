/**
 * One conformance suite for every journal store: the behaviour the `Journal` port promises —
 * atomic commits, expected revisions, idempotency, record time, reads, the live tail, retractions
 * — checked case by case, and a model-based property that drives the store with random commits
 * (valid, invalid, conflicting, repeated) next to an in-memory journal and demands that the two
 * never differ. Write a store, then run it against this suite with your own test runner:
 *
 * @example
 * ```ts
 * import { describe, it } from "vitest"
 * import { journalConformance } from "protest-chronicle/testing"
 *
 * journalConformance("postgres", () => layerPostgres(freshSchema()), { describe, it }, { numRuns: 30 })
 * ```
 *
 * @since 0.1.0
 */
import { Cause, Clock, Effect, Exit, Fiber, type Layer, ManagedRuntime, Option, Result, Stream } from "effect"
import * as fc from "fast-check"
import { AssertionError, deepStrictEqual, strictEqual } from "node:assert/strict"
import { type Append, type CommitRequest, type CommitResult, type Entry, type Expected, streamKey, streamOf, type StreamRef } from "../journal/Entry.js"
import type { CommitError, ConflictError, ReadError } from "../journal/errors.js"
import { Journal, type JournalShape, layerMemory } from "../journal/Journal.js"
import * as Record from "../model/Record.js"
import type { AnyRecord } from "../model/Vocabulary.js"
import { assertKeepsNoReferences } from "./JournalImmutability.js"
import { arbMutation } from "./Mutations.js"
import { arbRecord } from "./Records.js"

// ---------------------------------------------------------------------------------------------
// Models
// ---------------------------------------------------------------------------------------------

/**
 * The two functions of a test runner the suite needs: `describe(name, body)` and
 * `it(name, body, timeout?)`, where `body` returns a promise that rejects on failure. vitest's and
 * jest's fit as they are, so the suite never imports a runner itself.
 */
export interface ConformanceRunner {
  /** Groups tests under a name (vitest's or jest's `describe`). */
  readonly describe: (name: string, body: () => void) => void
  /** Declares one asynchronous test with an optional timeout in milliseconds (`it` or `test`). */
  readonly it: (name: string, body: () => Promise<void>, timeout?: number) => void
}

/**
 * Settings of the suite. `numRuns` and `maxCommands` size the model-based property (default 50
 * runs of up to 20 commands; a store that fsyncs every commit is happier with about 30); `seed`
 * replays a failing run; `timeout` (milliseconds, default 60 000) is handed to every `it`.
 * `durable`, for stores that persist, makes a fresh, empty store and returns the function that
 * opens it — once, then again after closing — so that the suite can check that what a store kept
 * is what it answered: `durable: () => { const path = tmpPath(); return () => layerFile(path) }`.
 */
export interface ConformanceOptions {
  readonly numRuns?: number
  readonly maxCommands?: number
  readonly seed?: number
  readonly timeout?: number
  /** For stores that persist: makes a fresh store and returns how to reopen it (see above). */
  readonly durable?: () => MakeJournalLayer
}

/** A store under test, as the suite receives it: a fresh, empty journal each time it is built. */
export type MakeJournalLayer = () => Layer.Layer<Journal, unknown>

/**
 * A clock set by hand, so record times are known. Unlike `TestClock`, its sleeps run on the live
 * clock: a test's timeouts still fire, and a store that sleeps (a lock retry) does not hang.
 */
interface HandClock extends Clock.Clock {
  readonly set: (millis: number) => void
  readonly advance: (millis: number) => void
}

// 16 December 2011, 06:00 UTC: an arbitrary, recognisable start for record time.
const startOfTime = Date.UTC(2011, 11, 16, 6, 0)

const makeHandClock = (live: Clock.Clock): HandClock => {
  let now = startOfTime
  return {
    currentTimeMillisUnsafe: () => now,
    currentTimeMillis: Effect.sync(() => now),
    currentTimeNanosUnsafe: () => BigInt(now) * 1_000_000n,
    currentTimeNanos: Effect.sync(() => BigInt(now) * 1_000_000n),
    monotonicTimeNanosUnsafe: () => live.monotonicTimeNanosUnsafe(),
    monotonicTimeNanos: live.monotonicTimeNanos,
    sleep: (duration) => live.sleep(duration),
    set: (millis) => {
      now = millis
    },
    advance: (millis) => {
      now += millis
    }
  }
}

const liveClock = (): Clock.Clock => Effect.runSync(Clock.clockWith(Effect.succeed))

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const fail = (message: string): never => {
  throw new AssertionError({ message })
}

/** A valid rally record with the given id; `title` tells revisions apart. */
const rally = (id: string, title = `Rally ${id}`): AnyRecord =>
  Record.decodeUnsafe({
    type: "event",
    kind: "rally",
    id,
    title,
    when: "2011-12-16",
    where: { place: "zhanaozen", site: "the central square", timeZone: "Asia/Aqtau" },
    form: "sit-in",
    citations: [{ source: "source-1" }]
  })

const revise = (record: AnyRecord, expected: Expected, reason?: string): Append =>
  reason === undefined ? { _tag: "revision", record, expected } : { _tag: "revision", record, expected, reason }

const retract = (stream: StreamRef, expected: Expected, reason: string): Append => ({ _tag: "retraction", stream, expected, reason })

const streamOfAppend = (a: Append): StreamRef => (a._tag === "revision" ? { type: a.record.type, id: a.record.id } : a.stream)

const theJournal = Effect.gen(function*() {
  return yield* Journal
})

const readAll = (journal: JournalShape, from?: number) =>
  Stream.runCollect(journal.readAll(from === undefined ? undefined : { from }))

/** What a reader can observe of a whole journal. */
const snapshot = (journal: JournalShape) =>
  Effect.all({ head: journal.head, entries: readAll(journal) })

const expectUnchanged = (journal: JournalShape, before: { readonly head: number; readonly entries: ReadonlyArray<Entry> }, what: string) =>
  Effect.map(snapshot(journal), (after) => deepStrictEqual(after, before, `${what} wrote something`))

/** The error a commit fails with; a success, or a defect, fails the test. */
const commitError = (journal: JournalShape, request: CommitRequest): Effect.Effect<CommitError> =>
  Effect.flatMap(Effect.exit(journal.commit(request)), (exit) => {
    if (Exit.isSuccess(exit)) return Effect.sync(() => fail(`the commit ${request.idempotencyKey} succeeded, but should have failed`))
    const error = Cause.findErrorOption(exit.cause)
    return Option.isSome(error) ? Effect.succeed(error.value) : Effect.die(Cause.squash(exit.cause))
  })

const expectConflict = (error: CommitError, stream: StreamRef, expected: Expected, actual: "none" | number): void => {
  strictEqual(error._tag, "ConflictError", `expected a ConflictError, got ${error._tag}: ${error.message}`)
  const conflict = error as ConflictError
  deepStrictEqual({ stream: conflict.stream, expected: conflict.expected, actual: conflict.actual }, { stream, expected, actual })
}

/** Fails the test instead of hanging when a tail never delivers what it should. */
const within = <A, E>(effect: Effect.Effect<A, E>, what: string): Effect.Effect<A, E> =>
  Effect.timeoutOrElse(effect, { duration: "10 seconds", orElse: () => Effect.sync(() => fail(`${what} did not finish within 10 s`)) })

/** Gives a forked tail time to subscribe, so that it meets later commits live. */
const settle = Effect.sleep("20 millis")

/** Runs a tail in a fiber until it delivers the commit with the key `last`. */
const tailUntil = (journal: JournalShape, last: string, from?: number) =>
  Effect.forkChild(
    Stream.runCollect(Stream.takeUntil(journal.tail(from === undefined ? undefined : { from }), (e) => e.idempotencyKey === last))
  )

// ---------------------------------------------------------------------------------------------
// Arbitraries
// ---------------------------------------------------------------------------------------------

/**
 * A small pool of decoded records (from `arbRecord`) in which several records share a stream, so
 * that commits drawn from it meet on the same streams: the material of `arbCommit`.
 */
export const arbRecordPool: fc.Arbitrary<ReadonlyArray<AnyRecord>> = fc
  .tuple(fc.array(arbRecord, { minLength: 2, maxLength: 4 }), fc.array(arbRecord, { maxLength: 5 }))
  .map(([firsts, laters]) => {
    // A later record takes the id of a first record of its type: another revision of that stream.
    const revisions = laters.map((record, i) => {
      const same = firsts.filter((f) => f.type === record.type)
      return same.length === 0 ? record : { ...record, id: same[i % same.length]!.id }
    })
    return [...firsts, ...revisions].flatMap((encoded) => {
      const decoded = Record.decode(encoded)
      return Result.isSuccess(decoded) ? [decoded.success as AnyRecord] : []
    })
  })

const reasons = ["typo in the title", "a second source", "duplicate of another record", "атауы түзетілді"]

/** Expected revisions: mostly meaningful, sometimes not even valid. */
const arbExpected: fc.Arbitrary<Expected> = fc.oneof(
  { weight: 8, arbitrary: fc.constant("any" as const) },
  { weight: 6, arbitrary: fc.constant("none" as const) },
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 4 }) },
  // Invalid on purpose: a commit carrying one must be rejected whole.
  { weight: 1, arbitrary: fc.constantFrom<unknown>(0, -1, 1.5, Number.NaN, "latest").map((e) => e as Expected) }
)

/**
 * Commit requests over a pool of records (see `arbRecordPool`): revisions, corrections and
 * retractions across streams, with random expected revisions, idempotency keys drawn partly from
 * the small pool `keys` (so that keys repeat, with the same or other content) and partly fresh.
 * Some requests are invalid on purpose — no appends, a stream twice, a bad expected revision, a
 * retraction without a reason, a record that does not decode (an unchecked cast), an empty key —
 * and many conflict once a few have been committed.
 */
export const arbCommit = (
  pool: ReadonlyArray<AnyRecord>,
  keys: ReadonlyArray<string> = ["commit-a", "commit-b", "commit-c"]
): fc.Arbitrary<CommitRequest> => {
  const records = fc.constantFrom(...pool)
  const revision = fc
    .record({ record: records, expected: arbExpected, reason: fc.option(fc.constantFrom(...reasons), { nil: undefined }) })
    .map(({ record, expected, reason }) => revise(record, expected, reason))
  const retraction = fc
    .record({ record: records, expected: arbExpected, reason: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...reasons) }, fc.constantFrom("", "  ")) })
    .map(({ record, expected, reason }) => retract(streamOf(record), expected, reason))
  const broken = fc
    .record({ mutated: records.chain((r) => arbMutation(r as never)), expected: arbExpected })
    .map(({ mutated, expected }) => revise(mutated.record as AnyRecord, expected))
  const append = fc.oneof({ weight: 16, arbitrary: revision }, { weight: 4, arbitrary: retraction }, { weight: 1, arbitrary: broken })
  const appends = fc.oneof(
    { weight: 16, arbitrary: fc.uniqueArray(append, { minLength: 1, maxLength: 3, selector: (a) => streamKey(streamOfAppend(a)) }) },
    { weight: 1, arbitrary: fc.array(append, { maxLength: 3 }) }
  )
  const key = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...keys) },
    { weight: 15, arbitrary: fc.noBias(fc.integer({ min: 1, max: 1_000_000 })).map((n) => `commit-${n}`) },
    { weight: 1, arbitrary: fc.constant("") }
  )
  return fc
    .record({
      idempotencyKey: key,
      author: fc.option(fc.constantFrom("archivist", "Айгерім"), { nil: undefined }),
      reason: fc.option(fc.constantFrom(...reasons), { nil: undefined }),
      appends
    })
    .map(({ idempotencyKey, author, reason, appends }) => ({
      idempotencyKey,
      appends,
      ...(author === undefined ? {} : { author }),
      ...(reason === undefined ? {} : { reason })
    }))
}

// ---------------------------------------------------------------------------------------------
// The model-based property
// ---------------------------------------------------------------------------------------------

/** The model: an in-memory journal, the clock both journals read, and what the commands need. */
interface Model {
  readonly journal: JournalShape
  readonly clock: HandClock
  readonly streams: ReadonlyArray<StreamRef>
  readonly durable: boolean
  last: CommitRequest | undefined
}

/** The store under test; a durable one is closed and opened again by `ReopenCommand`. */
interface Real {
  journal: JournalShape
  close: () => Promise<void>
  readonly open: MakeJournalLayer
}

const runWith = <A, E>(clock: HandClock, effect: Effect.Effect<A, E>): Promise<A> =>
  Effect.runPromise(Effect.provideService(effect, Clock.Clock, clock))

/** A commit's outcome in the terms every store must agree on. */
const outcomeOf = (exit: Exit.Exit<CommitResult, CommitError>): unknown => {
  if (Exit.isSuccess(exit)) return { result: exit.value }
  const error = Cause.findErrorOption(exit.cause)
  if (Option.isNone(error)) return fail(`the commit died:\n${Cause.pretty(exit.cause)}`)
  const e = error.value
  switch (e._tag) {
    case "ConflictError":
      return { error: e._tag, stream: e.stream, expected: e.expected, actual: e.actual }
    case "InvalidCommitError":
      return { error: e._tag, append: e.append }
    default:
      return { error: e._tag, message: e.message }
  }
}

/** Everything a reader can observe: head, every entry, and each stream the run can touch. */
const observe = (journal: JournalShape, streams: ReadonlyArray<StreamRef>) =>
  Effect.gen(function*() {
    const entries = yield* readAll(journal)
    const keys = new Map<string, StreamRef>()
    for (const s of [...streams, ...entries.map((e) => e.stream)]) keys.set(streamKey(s), s)
    const byStream = yield* Effect.forEach([...keys.values()], (s) => Effect.map(journal.readStream(s), (es) => [streamKey(s), es] as const))
    return { head: yield* journal.head, entries, streams: Object.fromEntries(byStream) }
  })

const expectSameState = async (m: Model, r: Real): Promise<void> => {
  const expected = await runWith(m.clock, observe(m.journal, m.streams))
  const actual = await runWith(m.clock, observe(r.journal, m.streams))
  deepStrictEqual(actual, expected, "the store's state differs from the model's")
}

const commitBoth = async (m: Model, r: Real, request: CommitRequest): Promise<void> => {
  m.last = request
  const expected = outcomeOf(await runWith(m.clock, Effect.exit(m.journal.commit(request))))
  const actual = outcomeOf(await runWith(m.clock, Effect.exit(r.journal.commit(request))))
  deepStrictEqual(actual, expected, "the commit's outcome differs from the model's")
  await expectSameState(m, r)
}

const showAppend = (a: Append): string =>
  `${a._tag === "revision" ? "revise" : `retract(${JSON.stringify(a.reason)})`} ${streamKey(streamOfAppend(a))}@${String(a.expected)}`

const showCommit = (request: CommitRequest): string =>
  `commit(${JSON.stringify(request.idempotencyKey)}, [${request.appends.map(showAppend).join(", ")}])`

/** Commits a request; an append marked `aimed` expects whatever revision the model has now. */
class CommitCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly request: CommitRequest, readonly aimed: ReadonlyArray<boolean>) {}
  check(): boolean {
    return true
  }
  async run(m: Model, r: Real): Promise<void> {
    const appends: Array<Append> = []
    for (const [i, a] of this.request.appends.entries()) {
      if (this.aimed[i] !== true) appends.push(a)
      else {
        const entries = await runWith(m.clock, m.journal.readStream(streamOfAppend(a)))
        appends.push({ ...a, expected: entries.at(-1)?.revision ?? "none" })
      }
    }
    await commitBoth(m, r, { ...this.request, appends })
  }
  toString(): string {
    const aimed = this.request.appends.flatMap((a, i) => (this.aimed[i] === true ? [streamKey(streamOfAppend(a))] : []))
    return showCommit(this.request) + (aimed.length === 0 ? "" : ` aiming at the current revision of ${aimed.join(", ")}`)
  }
}

/** Sends the previous request again, byte for byte: a retry after a lost answer. */
class RetryCommand implements fc.AsyncCommand<Model, Real> {
  check(m: Readonly<Model>): boolean {
    return m.last !== undefined
  }
  run(m: Model, r: Real): Promise<void> {
    return commitBoth(m, r, m.last!)
  }
  toString(): string {
    return "retry the previous commit"
  }
}

class ReadAllCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly from: number) {}
  check(): boolean {
    return true
  }
  async run(m: Model, r: Real): Promise<void> {
    const expected = await runWith(m.clock, readAll(m.journal, this.from))
    deepStrictEqual(await runWith(m.clock, readAll(r.journal, this.from)), expected, `readAll from ${this.from} differs`)
  }
  toString(): string {
    return `readAll(from ${this.from})`
  }
}

class ReadStreamCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly stream: StreamRef) {}
  check(): boolean {
    return true
  }
  async run(m: Model, r: Real): Promise<void> {
    const expected = await runWith(m.clock, m.journal.readStream(this.stream))
    deepStrictEqual(await runWith(m.clock, r.journal.readStream(this.stream)), expected, `readStream ${streamKey(this.stream)} differs`)
  }
  toString(): string {
    return `readStream(${streamKey(this.stream)})`
  }
}

class HeadCommand implements fc.AsyncCommand<Model, Real> {
  check(): boolean {
    return true
  }
  async run(m: Model, r: Real): Promise<void> {
    strictEqual(await runWith(m.clock, r.journal.head), await runWith(m.clock, m.journal.head), "head differs")
  }
  toString(): string {
    return "head"
  }
}

/** Closes the store and opens it again: what it kept must be what it answered. */
class ReopenCommand implements fc.AsyncCommand<Model, Real> {
  check(m: Readonly<Model>): boolean {
    return m.durable
  }
  async run(m: Model, r: Real): Promise<void> {
    await r.close()
    const again = await openJournal(r.open())
    r.journal = again.journal
    r.close = again.close
    await expectSameState(m, r)
  }
  toString(): string {
    return "close and reopen the store"
  }
}

/** Moves the clock, backwards too: record time must still never go back. */
class ClockCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly millis: number) {}
  check(): boolean {
    return true
  }
  async run(m: Model): Promise<void> {
    m.clock.advance(this.millis)
  }
  toString(): string {
    return `clock ${this.millis >= 0 ? "+" : ""}${this.millis} ms`
  }
}

const arbCommands = (pool: ReadonlyArray<AnyRecord>, maxCommands: number) => {
  const streams = [...pool.map(streamOf), { type: "actor" as const, id: "never-written" }]
  const command: fc.Arbitrary<fc.AsyncCommand<Model, Real>> = fc.oneof(
    {
      weight: 8,
      arbitrary: fc
        .tuple(arbCommit(pool), fc.array(fc.integer({ min: 0, max: 2 }).map((n) => n > 0), { minLength: 3, maxLength: 3 }))
        .map(([request, aimed]) => new CommitCommand(request, aimed))
    },
    { weight: 1, arbitrary: fc.constant(new RetryCommand()) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 25 }).map((from) => new ReadAllCommand(from)) },
    { weight: 1, arbitrary: fc.constantFrom(...streams).map((s) => new ReadStreamCommand(s)) },
    { weight: 1, arbitrary: fc.constant(new HeadCommand()) },
    { weight: 1, arbitrary: fc.integer({ min: -60_000, max: 3_600_000 }).map((ms) => new ClockCommand(ms)) },
    { weight: 1, arbitrary: fc.constant(new ReopenCommand()) }
  )
  return fc.commands([command], { maxCommands, size: "max" })
}

const openJournal = async (layer: Layer.Layer<Journal, unknown>) => {
  const runtime = ManagedRuntime.make(layer)
  const journal = await runtime.runPromise(theJournal)
  return { journal, close: () => runtime.dispose() }
}

/**
 * The model-based property on its own: random sequences of commits — valid, invalid,
 * conflicting, repeated — and reads, run against a fresh store from `makeLayer` and an in-memory
 * journal side by side, both reading one hand-set clock. After every command the outcomes (entries
 * written, or the error's tag and fields) and the whole observable state (head, every entry, every
 * stream, compared field by field, record time included) must be equal; so a commit that fails
 * for any reason writes nothing. With `durable` (see `ConformanceOptions`) the store is built
 * from it instead, and is also closed and reopened at random points. Rejects with the shrunk
 * counterexample.
 */
export const assertMatchesModel = async (
  makeLayer: MakeJournalLayer,
  options: Pick<ConformanceOptions, "numRuns" | "maxCommands" | "seed" | "durable"> = {}
): Promise<void> => {
  const scenario = arbRecordPool.chain((pool) => fc.tuple(fc.constant(pool), arbCommands(pool, options.maxCommands ?? 20)))
  await fc.assert(
    fc.asyncProperty(scenario, async ([pool, commands]) => {
      const open = options.durable?.() ?? makeLayer
      const model = await openJournal(layerMemory())
      const store = await openJournal(open()).catch(async (e: unknown) => {
        await model.close()
        throw e
      })
      const real: Real = { ...store, open }
      try {
        const setup = {
          model: { journal: model.journal, clock: makeHandClock(liveClock()), streams: pool.map(streamOf), durable: options.durable !== undefined, last: undefined },
          real
        }
        await fc.asyncModelRun(() => Promise.resolve(setup), commands)
      } finally {
        await real.close()
        await model.close()
      }
    }),
    { numRuns: options.numRuns ?? 50, ...(options.seed === undefined ? {} : { seed: options.seed }) }
  )
}

// ---------------------------------------------------------------------------------------------
// The suite
// ---------------------------------------------------------------------------------------------

/**
 * Registers the conformance suite of a journal store with a test runner. `makeLayer` must give a
 * fresh, empty store each time it is called (a new temporary file, a new schema); nothing in the
 * suite assumes a particular store. It checks commits across streams (global, contiguous
 * positions; per-stream revisions; record time from Effect's `Clock`, never going backwards),
 * expected revisions and conflicts, invalid commits, idempotency, reads, the live tail (alone, and
 * with concurrent committers), retractions and corrections, and ends with `assertMatchesModel`.
 * Every failing commit is also checked to have written nothing. With `options.durable` it also
 * closes and reopens a store, and checks that the reopened store answers as the first did.
 * Record time is read from a hand-set `Clock` the suite provides to each test.
 */
export const journalConformance = (
  name: string,
  makeLayer: MakeJournalLayer,
  runner: ConformanceRunner,
  options: ConformanceOptions = {}
): void => {
  const { describe } = runner
  const timeout = options.timeout ?? 60_000
  const it = (title: string, body: (journal: JournalShape, clock: HandClock) => Effect.Effect<void, unknown>) =>
    runner.it(title, () =>
      Effect.runPromise(
        Effect.gen(function*() {
          const clock = makeHandClock(yield* Clock.Clock)
          const journal = yield* Journal
          yield* Effect.provideService(body(journal, clock), Clock.Clock, clock)
        }).pipe(Effect.provide(makeLayer()))
      ), timeout)

  describe(`journal conformance: ${name}`, () => {
    describe("commits", () => {
      it("an empty journal has head 0 and no entries", (journal) =>
        Effect.gen(function*() {
          deepStrictEqual(yield* snapshot(journal), { head: 0, entries: [] })
          deepStrictEqual(yield* journal.readStream({ type: "event", id: "nothing" }), [])
        }))

      it("one append is revision 1 at position 1, stamped with the clock's time", (journal) =>
        Effect.gen(function*() {
          const record = rally("r-1")
          const result = yield* journal.commit({ idempotencyKey: "k-1", appends: [revise(record, "none")] })
          const entry: Entry = {
            position: 1,
            stream: { type: "event", id: "r-1" },
            revision: 1,
            recordedAt: startOfTime,
            idempotencyKey: "k-1",
            body: { _tag: "revision", record }
          }
          deepStrictEqual(result, { entries: [entry], duplicate: false })
          deepStrictEqual(yield* snapshot(journal), { head: 1, entries: [entry] })
          deepStrictEqual(yield* journal.readStream(entry.stream), [entry])
        }))

      it("several appends across streams get contiguous global positions and per-stream revisions", (journal, clock) =>
        Effect.gen(function*() {
          const [a, b, c] = [rally("a"), rally("b"), rally("c")]
          const first = yield* journal.commit({ idempotencyKey: "k-1", appends: [revise(a, "none"), revise(b, "none")] })
          clock.advance(1_000)
          const second = yield* journal.commit({
            idempotencyKey: "k-2",
            appends: [revise(rally("b", "B again"), 1), revise(c, "none"), revise(rally("a", "A again"), 1)]
          })
          deepStrictEqual(first.entries.map((e) => [e.position, streamKey(e.stream), e.revision]), [[1, "event/a", 1], [2, "event/b", 1]])
          deepStrictEqual(second.entries.map((e) => [e.position, streamKey(e.stream), e.revision]), [
            [3, "event/b", 2],
            [4, "event/c", 1],
            [5, "event/a", 2]
          ])
          // One commit, one record time and one key for all its entries.
          deepStrictEqual(second.entries.map((e) => [e.recordedAt, e.idempotencyKey]), Array(3).fill([startOfTime + 1_000, "k-2"]))
          deepStrictEqual(yield* readAll(journal), [...first.entries, ...second.entries])
          strictEqual(yield* journal.head, 5)
          deepStrictEqual((yield* journal.readStream({ type: "event", id: "a" })).map((e) => e.position), [1, 5])
        }))

      it("the commit's author and reason go on every entry; an append's own reason wins", (journal) =>
        Effect.gen(function*() {
          const result = yield* journal.commit({
            idempotencyKey: "k-1",
            author: "archivist",
            reason: "import of the 2011 court files",
            appends: [revise(rally("a"), "none"), revise(rally("b"), "none", "a second source")]
          })
          deepStrictEqual(result.entries.map((e) => [e.author, e.reason]), [
            ["archivist", "import of the 2011 court files"],
            ["archivist", "a second source"]
          ])
          deepStrictEqual(yield* readAll(journal), result.entries)
        }))

      it("record time comes from the Clock and never goes backwards", (journal, clock) =>
        Effect.gen(function*() {
          const times: Array<number> = []
          const commit = (key: string) =>
            Effect.map(journal.commit({ idempotencyKey: key, appends: [revise(rally(key), "any")] }), (r) => times.push(r.entries[0]!.recordedAt))
          clock.set(startOfTime + 5_000)
          yield* commit("t-1")
          clock.set(startOfTime + 2_000) // the clock steps back (NTP, another host's clock)
          yield* commit("t-2")
          clock.set(startOfTime + 9_000)
          yield* commit("t-3")
          deepStrictEqual(times, [startOfTime + 5_000, startOfTime + 5_000, startOfTime + 9_000])
          deepStrictEqual((yield* readAll(journal)).map((e) => e.recordedAt), times)
        }))
    })

    describe("expected revisions", () => {
      it("\"none\" on an existing stream is a conflict naming the stream, expected and actual; nothing is written", (journal) =>
        Effect.gen(function*() {
          yield* journal.commit({ idempotencyKey: "k-1", appends: [revise(rally("a"), "none")] })
          const before = yield* snapshot(journal)
          const error = yield* commitError(journal, { idempotencyKey: "k-2", appends: [revise(rally("a", "again"), "none")] })
          expectConflict(error, { type: "event", id: "a" }, "none", 1)
          yield* expectUnchanged(journal, before, "a conflicting commit")
        }))

      it("a number is a conflict when the stream is at another revision, or missing", (journal) =>
        Effect.gen(function*() {
          yield* journal.commit({ idempotencyKey: "k-1", appends: [revise(rally("a"), "none")] })
          yield* journal.commit({ idempotencyKey: "k-2", appends: [revise(rally("a", "A2"), 1)] })
          const before = yield* snapshot(journal)
          expectConflict(yield* commitError(journal, { idempotencyKey: "k-3", appends: [revise(rally("a", "A3"), 1)] }), { type: "event", id: "a" }, 1, 2)
          expectConflict(yield* commitError(journal, { idempotencyKey: "k-4", appends: [revise(rally("a", "A3"), 3)] }), { type: "event", id: "a" }, 3, 2)
          expectConflict(yield* commitError(journal, { idempotencyKey: "k-5", appends: [revise(rally("b"), 1)] }), { type: "event", id: "b" }, 1, "none")
          yield* expectUnchanged(journal, before, "a conflicting commit")
          const ok = yield* journal.commit({ idempotencyKey: "k-6", appends: [revise(rally("a", "A3"), 2)] })
          strictEqual(ok.entries[0]!.revision, 3)
        }))

      it("\"any\" accepts a missing stream and a stream at any revision", (journal) =>
        Effect.gen(function*() {
          const first = yield* journal.commit({ idempotencyKey: "k-1", appends: [revise(rally("a"), "any")] })
          const second = yield* journal.commit({ idempotencyKey: "k-2", appends: [revise(rally("a", "A2"), "any")] })
          deepStrictEqual([first.entries[0]!.revision, second.entries[0]!.revision], [1, 2])
        }))

      it("a conflict on the second append of a commit writes nothing, not even the first", (journal) =>
        Effect.gen(function*() {
          yield* journal.commit({ idempotencyKey: "k-1", appends: [revise(rally("a"), "none"), revise(rally("b"), "none")] })
          const before = yield* snapshot(journal)
          const streamA = yield* journal.readStream({ type: "event", id: "a" })
          const request: CommitRequest = {
            idempotencyKey: "k-2",
            appends: [revise(rally("a", "A2"), 1), revise(rally("b", "B2"), 7), revise(rally("c"), "none")]
          }
          expectConflict(yield* commitError(journal, request), { type: "event", id: "b" }, 7, 1)
          yield* expectUnchanged(journal, before, "a commit whose second append conflicts")
          deepStrictEqual(yield* journal.readStream({ type: "event", id: "a" }), streamA)
          deepStrictEqual(yield* journal.readStream({ type: "event", id: "c" }), [])
          // A failed commit does not use up its key: the corrected request goes through.
          const fixed = yield* journal.commit({ ...request, appends: [request.appends[0]!, revise(rally("b", "B2"), 1), request.appends[2]!] })
          strictEqual(fixed.duplicate, false)
          deepStrictEqual(fixed.entries.map((e) => e.position), [3, 4, 5])
        }))

      it("a retraction is checked against its expected revision like a revision", (journal) =>
        Effect.gen(function*() {
          yield* journal.commit({ idempotencyKey: "k-1", appends: [revise(rally("a"), "none")] })
          const before = yield* snapshot(journal)
          const error = yield* commitError(journal, { idempotencyKey: "k-2", appends: [retract({ type: "event", id: "a" }, "none", "a hoax")] })
          expectConflict(error, { type: "event", id: "a" }, "none", 1)
          yield* expectUnchanged(journal, before, "a conflicting retraction")
        }))
    })

    describe("invalid commits", () => {
      const a = rally("a")
      const cast = (record: unknown) => record as AnyRecord
      const cases: ReadonlyArray<readonly [string, (existing: AnyRecord) => CommitRequest, number | undefined]> = [
        ["a commit without appends", () => ({ idempotencyKey: "bad", appends: [] }), undefined],
        ["a commit with an empty idempotency key", () => ({ idempotencyKey: "", appends: [revise(rally("b"), "none")] }), undefined],
        ["a stream twice in one commit", () => ({ idempotencyKey: "bad", appends: [revise(rally("b"), "none"), revise(rally("b", "B2"), "any")] }), 1],
        [
          "a revision and a retraction of one stream in one commit",
          (existing) => ({ idempotencyKey: "bad", appends: [revise(existing, "any"), retract(streamOf(existing), "any", "a hoax")] }),
          1
        ],
        ["expected revision 0", () => ({ idempotencyKey: "bad", appends: [revise(rally("b"), 0)] }), 0],
        ["a negative expected revision", () => ({ idempotencyKey: "bad", appends: [revise(rally("b"), -1)] }), 0],
        ["a fractional expected revision", () => ({ idempotencyKey: "bad", appends: [revise(rally("b"), 1.5)] }), 0],
        ["an expected revision that is not a number", () => ({ idempotencyKey: "bad", appends: [revise(rally("b"), "latest" as unknown as Expected)] }), 0],
        ["a retraction with an empty reason", (existing) => ({ idempotencyKey: "bad", appends: [retract(streamOf(existing), 1, "")] }), 0],
        ["a retraction with a blank reason", (existing) => ({ idempotencyKey: "bad", appends: [retract(streamOf(existing), 1, "   ")] }), 0],
        ["a record with a date that is not EDTF", () => ({ idempotencyKey: "bad", appends: [revise(cast({ ...rally("b"), when: "2011-13-40" }), "none")] }), 0],
        ["a record without citations", () => ({ idempotencyKey: "bad", appends: [revise(cast({ ...rally("b"), citations: [] }), "none")] }), 0],
        ["a record with an invalid id", () => ({ idempotencyKey: "bad", appends: [revise(cast({ ...rally("b"), id: "has space" }), "none")] }), 0],
        ["an append without a record", () => ({ idempotencyKey: "bad", appends: [revise(cast(null), "any")] }), 0],
        [
          "a retraction of something that is not a stream",
          () => ({ idempotencyKey: "bad", appends: [retract({ type: "bogus", id: "has space" } as unknown as StreamRef, "any", "a hoax")] }),
          0
        ],
        [
          "a valid append followed by an invalid one",
          (existing) => ({ idempotencyKey: "bad", appends: [revise(existing, 1), revise(cast({ ...rally("b"), title: "  " }), "none")] }),
          1
        ]
      ]
      for (const [label, make, index] of cases) {
        it(`${label} is an InvalidCommitError and writes nothing`, (journal) =>
          Effect.gen(function*() {
            yield* journal.commit({ idempotencyKey: "k-1", appends: [revise(a, "none")] })
            const before = yield* snapshot(journal)
            const error = yield* commitError(journal, make(a))
            strictEqual(error._tag, "InvalidCommitError", `expected an InvalidCommitError, got ${error._tag}: ${error.message}`)
            if (index !== undefined) strictEqual((error as { readonly append?: number }).append, index, "the error names the wrong append")
            yield* expectUnchanged(journal, before, `${label}`)
          }))
      }
    })

    describe("idempotency", () => {
      it("re-sending a commit returns the first result with duplicate: true and writes nothing", (journal, clock) =>
        Effect.gen(function*() {
          const request: CommitRequest = { idempotencyKey: "k-1", appends: [revise(rally("a"), "none"), revise(rally("b"), "none")] }
          const first = yield* journal.commit(request)
          const before = yield* snapshot(journal)
          clock.advance(60_000)
          // Its expected revisions are stale now: still a duplicate, not a conflict.
          const again = yield* journal.commit(request)
          deepStrictEqual(again, { entries: first.entries, duplicate: true })
          yield* expectUnchanged(journal, before, "a repeated commit")
        }))

      it("a used key returns the first result even when the content differs", (journal) =>
        Effect.gen(function*() {
          const first = yield* journal.commit({ idempotencyKey: "k-1", appends: [revise(rally("a"), "none")] })
          yield* journal.commit({ idempotencyKey: "k-2", appends: [revise(rally("b"), "none")] })
          const before = yield* snapshot(journal)
          const other = yield* journal.commit({
            idempotencyKey: "k-1",
            author: "someone else",
            appends: [revise(rally("c"), "none"), retract({ type: "event", id: "b" }, 1, "a hoax")]
          })
          deepStrictEqual(other, { entries: first.entries, duplicate: true })
          yield* expectUnchanged(journal, before, "a commit with a used key")
        }))
    })

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

    const durable = options.durable
    if (durable !== undefined) {
      describe("durability", () => {
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

    describe("immutability", () => {
      it("keeps no reference to what callers commit, and hands out only deeply frozen entries", (journal) =>
        assertKeepsNoReferences(journal))
    })

    describe("model", () => {
      runner.it(
        "no sequence of commits (valid, invalid, conflicting, repeated) leaves the store different from the in-memory model",
        () => assertMatchesModel(makeLayer, options),
        timeout
      )
    })
  })
}
