/**
 * Laws every projection must obey, as reusable property checks, and an arbitrary of valid journal
 * entry sequences to run them on. Like the other laws they throw on failure, so they work inside
 * any test runner: `assertReplayEqualsIncremental(myProjection, arbEntries)`.
 *
 * @since 0.1.0
 */
import * as fc from "fast-check"
import { Equal } from "effect"
import type { Entry } from "../journal/Entry.js"
import { streamKey } from "../journal/Entry.js"
import * as Record from "../model/Record.js"
import type { AnyRecord } from "../model/Vocabulary.js"
import { applyAll, asOf, type Projection, replay } from "../projection/Projection.js"
import { deepFreeze } from "./laws.js"
import { arbRecord, arbText } from "./Records.js"

const DAY = 86_400_000

const arbStep = fc.record({
  // About one step in six retracts a stream written before (when there is one).
  retract: fc.nat({ max: 5 }).map((n) => n === 0),
  record: arbRecord,
  pick: fc.nat(),
  // Often no time passes: entries of one commit, or commits in the same millisecond, share a time.
  gap: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 * DAY })),
  author: fc.option(fc.constantFrom("editor-a", "editor-b", "importer"), { nil: undefined }),
  reason: fc.option(arbText, { nil: undefined })
})

type Step = typeof arbStep extends fc.Arbitrary<infer A> ? A : never

const build = (steps: ReadonlyArray<Step>): ReadonlyArray<Entry> => {
  const entries: Array<Entry> = []
  const revisions = new Map<string, number>()
  const known: Array<Entry["stream"]> = []
  let recordedAt = Date.UTC(2011, 11, 16)
  let commit = 0
  let inCommit = new Set<string>()
  for (const step of steps) {
    const record: AnyRecord | undefined = step.retract ? undefined : Record.decodeUnsafe(step.record)
    if (record === undefined && known.length === 0) continue
    const stream = record === undefined ? known[step.pick % known.length]! : { type: record.type, id: record.id }
    const key = streamKey(stream)
    // A new commit when time moves on or the stream is already in this one (a commit holds each stream once).
    if (step.gap > 0 || inCommit.has(key) || entries.length === 0) {
      commit++
      inCommit = new Set()
    }
    inCommit.add(key)
    recordedAt += step.gap
    const revision = (revisions.get(key) ?? 0) + 1
    if (revision === 1) known.push(stream)
    revisions.set(key, revision)
    const reason = record === undefined ? step.reason ?? "withdrawn: no source confirms it" : step.reason
    entries.push({
      position: entries.length + 1,
      stream,
      revision,
      recordedAt,
      idempotencyKey: `commit-${commit}`,
      ...(step.author === undefined ? {} : { author: step.author }),
      ...(reason === undefined ? {} : { reason }),
      body: record === undefined ? { _tag: "retraction", reason: reason! } : { _tag: "revision", record }
    })
  }
  return entries
}

/**
 * Valid entry sequences as a journal would give them: positions 1..n, revisions 1, 2, 3, … per
 * stream, record times that never decrease (often equal, as within a commit), records drawn with
 * `arbRecord` and decoded, ids from small pools so that streams get corrections, and some
 * retractions (sometimes of a stream already retracted, sometimes followed by a new revision).
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const arbEntries: fc.Arbitrary<ReadonlyArray<Entry>> = fc.array(arbStep, { maxLength: 25 }).map(build)

/**
 * fast-check parameters the laws accept (those that do not depend on the generated values).
 *
 * @category laws
 * @since 0.1.0
 */
export type LawParameters = Omit<fc.Parameters<unknown>, "examples" | "reporter" | "asyncReporter">

/**
 * Options of the projection laws: how states are compared (default: deep equality) and fast-check's parameters.
 *
 * @category laws
 * @since 0.1.0
 */
export interface LawOptions<S> {
  /** How two states are compared (default: deep equality). */
  readonly equals?: (a: S, b: S) => boolean
  readonly parameters?: LawParameters
}

const check = <S>(options: LawOptions<S>, a: S, b: S, what: string): void => {
  if (!(options.equals ?? Equal.equals)(a, b)) throw new Error(`projection law broken: ${what}`)
}

// A structured clone to compare states before and after, or undefined when a state cannot be cloned.
const snapshot = (value: unknown): { readonly value: unknown } | undefined => {
  try {
    return { value: structuredClone(value) }
  } catch {
    return undefined
  }
}

const unchanged = (value: unknown, before: { readonly value: unknown } | undefined): boolean =>
  before === undefined || Equal.equals(snapshot(value)?.value, before.value)

/**
 * Asserts that feeding entries one by one equals replaying them all, that resuming from a stored
 * intermediate state gives the same result, and that `apply` mutates neither its state nor the
 * entries (deep-frozen first): earlier states, the initial state included, are compared with
 * structured clones taken before later entries were applied.
 *
 * @category laws
 * @since 0.1.0
 */
export const assertReplayEqualsIncremental = <S>(
  projection: Projection<S>,
  arb: fc.Arbitrary<ReadonlyArray<Entry>> = arbEntries,
  options: LawOptions<S> = {}
): void => {
  fc.assert(
    fc.property(arb, fc.nat(), (entries, split) => {
      deepFreeze(entries)
      const k = split % (entries.length + 1)
      const initial = snapshot(projection.initial)
      const states: Array<S> = [projection.initial]
      let atK = k === 0 ? initial : undefined
      for (const entry of entries) {
        states.push(projection.apply(states.at(-1)!, entry))
        if (states.length === k + 1) atK = snapshot(states[k])
      }
      if (!unchanged(projection.initial, initial)) throw new Error("projection law broken: apply mutated the initial state")
      if (!unchanged(states[k], atK)) throw new Error(`projection law broken: the state after ${k} entries changed when later entries were applied`)
      const whole = replay(projection, entries)
      check(options, states.at(-1)!, whole, "feeding entries one by one differs from replaying them all")
      check(options, states[k]!, replay(projection, entries.slice(0, k)), `the state after ${k} entries differs from the replay of ${k} entries`)
      check(options, applyAll(projection, states[k]!, entries.slice(k)), whole, `resuming after ${k} entries differs from replaying them all`)
    }),
    options.parameters
  )
}

/**
 * Asserts that the state as of record time T equals the replay of the entries recorded at or
 * before T, for T on entry times, a millisecond either side of them, and before and after all.
 *
 * @category laws
 * @since 0.1.0
 */
export const assertAsOfEqualsPrefix = <S>(
  projection: Projection<S>,
  arb: fc.Arbitrary<ReadonlyArray<Entry>> = arbEntries,
  options: LawOptions<S> = {}
): void => {
  fc.assert(
    fc.property(arb, fc.nat(), fc.constantFrom(-1, 0, 1), (entries, pick, offset) => {
      deepFreeze(entries)
      const times = [Date.UTC(2000, 0, 1), ...entries.map((e) => e.recordedAt), Date.UTC(2100, 0, 1)]
      const t = times[pick % times.length]! + offset
      const known = entries.filter((e) => e.recordedAt <= t)
      check(options, asOf(projection, entries, t), replay(projection, known), `as of ${new Date(t).toISOString()} differs from the replay of ${known.length} entries`)
    }),
    options.parameters
  )
}

/**
 * Asserts that replaying equal entries (deep copies) twice gives equal states.
 *
 * @category laws
 * @since 0.1.0
 */
export const assertDeterministic = <S>(
  projection: Projection<S>,
  arb: fc.Arbitrary<ReadonlyArray<Entry>> = arbEntries,
  options: LawOptions<S> = {}
): void => {
  fc.assert(
    fc.property(arb, (entries) => {
      check(options, replay(projection, structuredClone(entries)), replay(projection, structuredClone(entries)), "two replays of the same entries differ")
    }),
    options.parameters
  )
}
