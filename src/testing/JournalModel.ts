/**
 * The model-based half of the journal conformance suite, usable on its own: random commits
 * (valid, invalid, conflicting, repeated) and reads, run against a store and an in-memory journal
 * side by side (`assertMatchesModel`), and the arbitraries they are drawn from (`arbRecordPool`,
 * `arbCommit`).
 *
 * @since 0.1.0
 */
import { Cause, Clock, Effect, Exit, type Layer, ManagedRuntime, Option, Result } from "effect"
import * as fc from "fast-check"
import { type Append, type CommitRequest, type CommitResult, type Expected, streamKey, streamOf, type StreamRef } from "../journal/Entry.js"
import type { CommitError } from "../journal/errors.js"
import { type Journal, type JournalShape, layerMemory } from "../journal/Journal.js"
import * as Record from "../model/Record.js"
import type { AnyRecord } from "../model/Vocabulary.js"
import { deepStrictEqual, fail, strictEqual } from "./internal/assert.js"
import { type HandClock, liveClock, makeHandClock } from "./internal/conformanceClock.js"
import { observe, readAll, retract, revise, streamOfAppend, theJournal } from "./internal/conformanceSteps.js"
import type { ConformanceOptions, MakeJournalLayer } from "./JournalConformance.js"
import { arbMutation } from "./Mutations.js"
import { arbRecord } from "./Records.js"

/**
 * A small pool of decoded records (from `arbRecord`) in which several records share a stream, so
 * that commits drawn from it meet on the same streams: the material of `arbCommit`.
 *
 * @category arbitraries
 * @since 0.1.0
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
 *
 * @category arbitraries
 * @since 0.1.0
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
 *
 * @category conformance
 * @since 0.1.0
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
