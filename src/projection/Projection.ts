/**
 * Projections: pure folds over journal entries. A projection is an initial state and a function
 * that takes a state and the next entry and returns the next state, without touching the old one.
 * Replaying entries, feeding them one by one, and taking the state "as of" a record time are plain
 * synchronous functions: no Effect is needed to use them.
 *
 * Bad input: nothing here throws on its own account. A value that is not a projection (an object
 * with an `apply` function) applies nothing: `replay` and `asOf` answer its `initial` (undefined
 * when it has none), `applyAll` the state it was given. A value that is not a list of entries is
 * read as no entries, and a record time that is not one (NaN, an invalid `Date`, anything else) as
 * before every entry. An exception thrown by your own projection's `apply` is yours and reaches
 * you unchanged.
 *
 * The errors of the built-in projections live here, so that their implementations need no public
 * module but this one: `UnreadableRecordError` (a hand-made record `Timeline` or `LinkGraph`
 * cannot read; both export it too) and `TimelineQueryError` (a timeline query that cannot be
 * answered as asked; `Timeline` exports it too).
 *
 * @example
 * ```ts
 * import { Chronicle, Projection } from "protest-chronicle"
 * import { zhanaozen } from "protest-chronicle/datasets"
 *
 * const chronicle = await Chronicle.open() // in memory
 * for (const record of zhanaozen.all) await chronicle.record(record)
 *
 * // A projection is an initial state and a step: here, how many revisions were written.
 * const revisions = Projection.make(0, (n, entry) => (entry.body._tag === "revision" ? n + 1 : n))
 * await chronicle.project(revisions)                                              // all of them
 * await chronicle.project(revisions, { asOf: new Date("2011-12-17T00:00:00Z") }) // those recorded by then: none
 * // Over entries held in memory, the same folds: Projection.replay(revisions, entries),
 * // Projection.asOf(revisions, entries, recordTime).
 * await chronicle.close()
 * ```
 *
 * @since 0.1.0
 */
import { Data, DateTime } from "effect"
import type { Entry } from "../journal/Entry.js"
import { firstNotBefore } from "./internal/order.js"

/**
 * A pure fold over journal entries. `apply` must not mutate `state` (return a new state; sharing
 * unchanged parts is fine) and must depend on nothing but its arguments, so that replaying the
 * same entries always gives the same state.
 *
 * @since 0.1.0
 * @category models
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
 *
 * @since 0.1.0
 * @category models
 */
export type RecordTime = number | Date | DateTime.DateTime

/**
 * A record a projection cannot read: not an object, or without a field it needs (an event's `id`,
 * `kind`, `when`, `where.place` and `where.timeZone`; a link's `relation`, `from` and `to`), or
 * with one of the wrong kind. `index` is its position in the list it came in, when there is one.
 * Nothing was built from it. Records read from a journal are decoded and never fail this way:
 * decode hand-made ones with `Record.decode` first, which names every bad field.
 *
 * @category errors
 * @since 0.1.0
 */
export class UnreadableRecordError extends Data.TaggedError("UnreadableRecordError")<{
  readonly index: number | undefined
  readonly id: string | undefined
  readonly field: string
  readonly reason: string
}> {
  override get message(): string {
    // A whole list of the wrong kind names no record.
    if (this.index === undefined && this.id === undefined && this.field === "") return `${this.reason}: pass an array`
    // The id is the caller's input: never more than about 60 characters of it.
    const id = this.id === undefined ? "" : ` (${JSON.stringify(this.id.length > 60 ? `${this.id.slice(0, 60)}…` : this.id)})`
    const which = `${this.index === undefined ? "record" : `record ${this.index}`}${id}`
    return `${which}: ${this.field === "" ? "" : `${this.field} `}${this.reason}; decode records with Record.decode first, which names every bad field`
  }
}

/**
 * A timeline query that cannot be answered as asked: a part of the wrong kind (as JavaScript
 * callers and casts can pass), a window whose `to` ends before its `from` begins, or a calendar
 * walk outside the years 0000–9999 or over too many units. `field` names the part (`kind`,
 * `mode`, `to`, `by`, …; `query` for the whole value, `window` for the span a calendar walks),
 * `reason` says what is wrong.
 *
 * @category errors
 * @since 0.1.0
 */
export class TimelineQueryError extends Data.TaggedError("TimelineQueryError")<{
  readonly field: string
  readonly reason: string
}> {
  override get message(): string {
    return `query ${this.field === "query" ? "" : `field "${this.field}" `}${this.reason}`
  }
}

/**
 * Makes a projection from its initial state and its step function.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = <S>(initial: S, apply: (state: S, entry: Entry) => S): Projection<S> => ({ initial, apply })

/**
 * A record time as UTC epoch milliseconds; NaN for a value that is not a record time.
 *
 * @since 0.1.0
 * @category record time
 */
export const toEpochMillis = (time: RecordTime): number =>
  typeof time === "number" ? time : time instanceof Date ? time.getTime() : DateTime.isDateTime(time) ? DateTime.toEpochMillis(time) : NaN

const isProjection = (u: unknown): u is Projection<unknown> =>
  typeof u === "object" && u !== null && typeof (u as Projection<unknown>).apply === "function"

const isIterable = (u: unknown): u is Iterable<unknown> =>
  typeof u === "object" && u !== null && typeof (u as { [Symbol.iterator]?: unknown })[Symbol.iterator] === "function"

const initialOf = <S>(projection: Projection<S>): S =>
  (typeof projection === "object" && projection !== null ? projection.initial : undefined) as S

/**
 * Feeds entries, in order, to `apply`, starting from `state`.
 *
 * @since 0.1.0
 * @category projections
 */
export const applyAll = <S>(projection: Projection<S>, state: S, entries: Iterable<Entry>): S => {
  if (!isProjection(projection) || !isIterable(entries)) return state
  let s = state
  for (const entry of entries) s = projection.apply(s, entry)
  return s
}

/**
 * The state after every entry, in order, starting from the projection's initial state.
 *
 * @since 0.1.0
 * @category projections
 */
export const replay = <S>(projection: Projection<S>, entries: Iterable<Entry>): S =>
  applyAll(projection, initialOf(projection), entries)

/**
 * How many entries were recorded at or before `recordTime`. Entries must be in position order,
 * where record time never decreases, so they form a prefix: found by binary search.
 *
 * @since 0.1.0
 * @category record time
 */
export const countAsOf = (entries: ReadonlyArray<Entry>, recordTime: RecordTime): number => {
  if (!Array.isArray(entries)) return 0
  const t = toEpochMillis(recordTime)
  return firstNotBefore(entries.length, (i) => {
    const at = (entries[i] as Partial<Entry> | null | undefined)?.recordedAt
    return typeof at === "number" && at <= t
  })
}

/**
 * The state as known at `recordTime`: the replay of the entries recorded at or before it.
 *
 * Gotchas: `entries` must be in position order, as journals give them (record time never
 * decreases along positions); in any other order the result is meaningless.
 *
 * @since 0.1.0
 * @category projections
 */
export const asOf = <S>(projection: Projection<S>, entries: ReadonlyArray<Entry>, recordTime: RecordTime): S => {
  let s = initialOf(projection)
  if (!isProjection(projection)) return s
  const n = countAsOf(entries, recordTime)
  for (let i = 0; i < n; i++) s = projection.apply(s, entries[i]!)
  return s
}

/**
 * Runs two projections side by side over the same entries; the state is the pair of states.
 *
 * @since 0.1.0
 * @category combinators
 */
export const zip = <A, B>(first: Projection<A>, second: Projection<B>): Projection<readonly [A, B]> => {
  const step = <S>(p: Projection<S>, s: S, entry: Entry): S => (isProjection(p) ? p.apply(s, entry) : s)
  return make([initialOf(first), initialOf(second)] as const, (pair, entry) => {
    const [a, b] = Array.isArray(pair) ? pair : [initialOf(first), initialOf(second)]
    return [step(first, a, entry), step(second, b, entry)] as const
  })
}
