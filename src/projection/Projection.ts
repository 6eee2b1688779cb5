/**
 * Projections: pure folds over journal entries. A projection is an initial state and a function
 * that takes a state and the next entry and returns the next state, without touching the old one.
 * Replaying entries, feeding them one by one, and taking the state "as of" a record time are plain
 * synchronous functions: no Effect is needed to use them.
 *
 * @example
 * ```ts
 * import { Projection } from "protest-chronicle"
 *
 * const revisions = Projection.make(0, (n, entry) => (entry.body._tag === "revision" ? n + 1 : n))
 * Projection.replay(revisions, entries)                                  // every revision written
 * Projection.asOf(revisions, entries, new Date("2011-12-17T00:00:00Z")) // those known by then
 * ```
 *
 * @since 0.1.0
 */
import { DateTime } from "effect"
import type { Entry } from "../journal/Entry.js"

/**
 * A pure fold over journal entries. `apply` must not mutate `state` (return a new state; sharing
 * unchanged parts is fine) and must depend on nothing but its arguments, so that replaying the
 * same entries always gives the same state.
 */
export interface Projection<S> {
  /** The state before any entry. */
  readonly initial: S
  /** The state after one more entry. */
  readonly apply: (state: S, entry: Entry) => S
}

/**
 * A record time: UTC epoch milliseconds (as in `Entry.recordedAt`), a JS `Date`, or an Effect
 * `DateTime`.
 */
export type RecordTime = number | Date | DateTime.DateTime

/** Makes a projection from its initial state and its step function. */
export const make = <S>(initial: S, apply: (state: S, entry: Entry) => S): Projection<S> => ({ initial, apply })

/** A record time as UTC epoch milliseconds. */
export const toEpochMillis = (time: RecordTime): number =>
  typeof time === "number" ? time : time instanceof Date ? time.getTime() : DateTime.toEpochMillis(time)

/** Feeds entries, in order, to `apply`, starting from `state`. */
export const applyAll = <S>(projection: Projection<S>, state: S, entries: Iterable<Entry>): S => {
  let s = state
  for (const entry of entries) s = projection.apply(s, entry)
  return s
}

/** The state after every entry, in order, starting from the projection's initial state. */
export const replay = <S>(projection: Projection<S>, entries: Iterable<Entry>): S =>
  applyAll(projection, projection.initial, entries)

/**
 * How many entries were recorded at or before `recordTime`. Entries must be in position order,
 * where record time never decreases, so they form a prefix: found by binary search.
 */
export const countAsOf = (entries: ReadonlyArray<Entry>, recordTime: RecordTime): number => {
  const t = toEpochMillis(recordTime)
  let low = 0
  let high = entries.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if (entries[mid]!.recordedAt <= t) low = mid + 1
    else high = mid
  }
  return low
}

/**
 * The state as known at `recordTime`: the replay of the entries recorded at or before it.
 *
 * Gotchas: `entries` must be in position order, as journals give them (record time never
 * decreases along positions); in any other order the result is meaningless.
 */
export const asOf = <S>(projection: Projection<S>, entries: ReadonlyArray<Entry>, recordTime: RecordTime): S => {
  const n = countAsOf(entries, recordTime)
  let s = projection.initial
  for (let i = 0; i < n; i++) s = projection.apply(s, entries[i]!)
  return s
}

/** Runs two projections side by side over the same entries; the state is the pair of states. */
export const zip = <A, B>(first: Projection<A>, second: Projection<B>): Projection<readonly [A, B]> =>
  make([first.initial, second.initial] as const, ([a, b], entry) => [first.apply(a, entry), second.apply(b, entry)] as const)
