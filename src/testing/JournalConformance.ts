/**
 * One conformance suite for every journal store: the behaviour the `Journal` port promises —
 * atomic commits, expected revisions, idempotency, record time, reads, the live tail, retractions
 * — checked case by case, and a model-based property that drives the store with random commits
 * (valid, invalid, conflicting, repeated) next to an in-memory journal and demands that the two
 * never differ. Write a store, then run it against this suite with your own test runner.
 *
 * The suite's cases are in `internal/conformanceWrites.ts` and `internal/conformanceReads.ts`,
 * its model-based property in `JournalModel.ts`, its hand-set clock in
 * `internal/conformanceClock.ts`. It imports no test runner and no `node:` module.
 *
 * @example
 * ```ts
 * import { describe, it } from "vitest"
 * import { layerPostgres } from "protest-chronicle/postgres"
 * import { journalConformance } from "protest-chronicle/testing"
 *
 * // A fresh, empty store for every test: a schema of its own on a test server.
 * let schemas = 0
 * const freshSchema = () => ({ connection: process.env["DATABASE_URL"] ?? "postgres://localhost/test", schema: `conformance_${++schemas}` })
 *
 * journalConformance("postgres", () => layerPostgres(freshSchema()), { describe, it }, { numRuns: 30 })
 * ```
 *
 * @since 0.1.0
 */
import { Clock, Effect, type Layer } from "effect"
import { Journal, type JournalShape } from "../journal/Journal.js"
import { type HandClock, makeHandClock } from "./internal/conformanceClock.js"
import { durabilityCases, readCases } from "./internal/conformanceReads.js"
import { writeCases } from "./internal/conformanceWrites.js"
import { assertKeepsNoReferences } from "./JournalImmutability.js"
import { assertMatchesModel } from "./JournalModel.js"

/**
 * The two functions of a test runner the suite needs: `describe(name, body)` and
 * `it(name, body, timeout?)`, where `body` returns a promise that rejects on failure. vitest's and
 * jest's fit as they are, so the suite never imports a runner itself.
 *
 * @category conformance
 * @since 0.1.0
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
 * is what it answered: `durable: () => { const path = tmpPath(); return () => layerFile(path) }`
 * (`layerFile` from `protest-chronicle/file`).
 *
 * @category conformance
 * @since 0.1.0
 */
export interface ConformanceOptions {
  readonly numRuns?: number
  readonly maxCommands?: number
  readonly seed?: number
  readonly timeout?: number
  /** For stores that persist: makes a fresh store and returns how to reopen it (see above). */
  readonly durable?: () => MakeJournalLayer
}

/**
 * A store under test, as the suite receives it: a fresh, empty journal each time it is built.
 *
 * @category conformance
 * @since 0.1.0
 */
export type MakeJournalLayer = () => Layer.Layer<Journal, unknown>

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
 *
 * In a test file, give it the runner's own functions: `journalConformance("my store", () =>
 * layerMyStore(), { describe, it })` with vitest's or jest's.
 *
 * @example
 * ```ts
 * import { Journal } from "protest-chronicle"
 * import { journalConformance } from "protest-chronicle/testing"
 *
 * // Any runner with `describe` and `it` fits: this one runs every test at once and collects the failures.
 * const runs: Array<Promise<string | undefined>> = []
 * journalConformance("memory", () => Journal.layerMemory(), {
 *   describe: (_name, body) => body(),
 *   it: (name, body) => void runs.push(body().then(() => undefined, (error) => `${name}: ${error}`))
 * }, { numRuns: 3 })
 * const failures = (await Promise.all(runs)).filter((failure) => failure !== undefined)
 * console.log(`${runs.length} tests, ${failures.length} failed`)
 * ```
 *
 * @category conformance
 * @since 0.1.0
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
    writeCases(describe, it)
    readCases(describe, it)
    if (options.durable !== undefined) durabilityCases(runner, options.durable, timeout)

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
