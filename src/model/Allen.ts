/**
 * Allen's thirteen interval relations between two events whose start and end are known only
 * within ranges (see `When.span`): which relations are certainly true and which are possibly
 * true given what the dates say.
 *
 * Reading: an event occupies the instants from its start up to and including its end (epoch
 * milliseconds, as `When.bounds` counts them), so it is the half-open interval
 * `[start, end + 1)`. Two events that fill 16 and 17 December one after the other *meet*; an
 * event whose last millisecond is 23:59:59.999 is *before* one that starts at 00:00:00.001.
 * An open side (`..`) is a point at infinity, so two open-ended events certainly end together;
 * an unknown side may be any instant on its side of the other end.
 *
 * For every concrete choice of instants exactly one relation holds. Hence `possible` lists the
 * relations that some choice inside the ranges makes true, and `certain` is the single relation
 * when only one is possible, and empty otherwise.
 *
 * Bad input: nothing here throws. A value that is not a span (missing ranges, NaN, not numbers)
 * makes no relation possible: `relations` answers two empty lists and every predicate `false`. A
 * range whose earliest instant is after its latest allows no reading, so no relation is possible
 * either; the start and end predicates compare such bounds as they are given.
 *
 * @example
 * ```ts
 * import { Allen, When } from "protest-chronicle"
 * const strike = When.spanUnsafe(When.makeUnsafe("2011-05-26/2011-12-16"), "Asia/Aqtau")
 * const shooting = When.spanUnsafe(When.makeUnsafe("2011-12-16"), "Asia/Aqtau")
 * Allen.relations(shooting, strike).possible
 * // ["during", "finishes", "overlapped-by", "met-by", "after"]: the strike's last day is the shooting's day
 * ```
 *
 * @since 0.1.0
 *
 * @module
 */
import type { Bounds, Span } from "./When.js"

/**
 * One of Allen's thirteen relations, read as "a … b": `before` (a ends before b starts, with a
 * gap), `meets` (a ends exactly where b starts), `overlaps`, `starts` (same start, a ends
 * first), `during` (a lies strictly inside b), `finishes` (same end, a starts later), `equals`,
 * and the converses `finished-by`, `contains`, `started-by`, `overlapped-by`, `met-by`, `after`.
 *
 * @category models
 * @since 0.1.0
 */
export type Relation =
  | "before"
  | "meets"
  | "overlaps"
  | "starts"
  | "during"
  | "finishes"
  | "equals"
  | "finished-by"
  | "contains"
  | "started-by"
  | "overlapped-by"
  | "met-by"
  | "after"

/**
 * All thirteen relations in their canonical order (from `before` to `after`); results list
 * relations in this order.
 *
 * @category constants
 * @since 0.1.0
 */
export const all: ReadonlyArray<Relation> = Object.freeze([
  "before",
  "meets",
  "overlaps",
  "starts",
  "during",
  "finishes",
  "equals",
  "finished-by",
  "contains",
  "started-by",
  "overlapped-by",
  "met-by",
  "after"
] as const)

const CONVERSE: { readonly [R in Relation]: Relation } = {
  before: "after",
  meets: "met-by",
  overlaps: "overlapped-by",
  starts: "started-by",
  during: "contains",
  finishes: "finished-by",
  equals: "equals",
  "finished-by": "finishes",
  contains: "during",
  "started-by": "starts",
  "overlapped-by": "overlaps",
  "met-by": "meets",
  after: "before"
}

const isRelation = (u: unknown): u is Relation => typeof u === "string" && Object.hasOwn(CONVERSE, u)

/**
 * The converse of a relation: `a r b` exactly when `b (converse r) a` (`before` ↔ `after`,
 * `during` ↔ `contains`; `equals` is its own converse). `undefined` for a value that is not a
 * relation (the second signature).
 *
 * @category combinators
 * @since 0.1.0
 */
export function converse(r: Relation): Relation
export function converse(r: unknown): Relation | undefined
export function converse(r: unknown): Relation | undefined {
  return isRelation(r) ? CONVERSE[r] : undefined
}

/**
 * What is known of the relation between two events: `possible` lists every relation that some
 * choice of start and end instants within their ranges makes true, in canonical order;
 * `certain` is that one relation when it is the only possible one, and empty otherwise. Both
 * are frozen arrays.
 *
 * @category models
 * @since 0.1.0
 */
export interface Relations {
  readonly certain: ReadonlyArray<Relation>
  readonly possible: ReadonlyArray<Relation>
}

// ---------------------------------------------------------------------------
// internals: each relation fixes the order of the four points a.start, a.end, b.start, b.end
// (ends taken as the first instant after the event). A relation is possible exactly when that
// chain can be satisfied with integers inside the ranges, which a greedy pass decides.
// ---------------------------------------------------------------------------

/** Infinite sides as large finite integers, so that +1 steps stay exact. */
const BIG = 2 ** 52

type Range = readonly [number, number]

const finiteRange = (b: Bounds, shift: number): Range => {
  if (b.earliest === b.latest && !Number.isFinite(b.earliest)) return b.earliest < 0 ? [-BIG, -BIG] : [BIG, BIG]
  const low = b.earliest === -Infinity ? -BIG + 1 : b.earliest + shift
  const high = b.latest === Infinity ? BIG - 1 : b.latest + shift
  return [low, high]
}

// Points: 0 = a.start, 1 = a.end, 2 = b.start, 3 = b.end. Each chain is groups of equal points
// in increasing order.
const CHAINS: { readonly [R in Relation]: ReadonlyArray<ReadonlyArray<number>> } = {
  before: [[0], [1], [2], [3]],
  meets: [[0], [1, 2], [3]],
  overlaps: [[0], [2], [1], [3]],
  starts: [[0, 2], [1], [3]],
  during: [[2], [0], [1], [3]],
  finishes: [[2], [0], [1, 3]],
  equals: [[0, 2], [1, 3]],
  "finished-by": [[0], [2], [1, 3]],
  contains: [[0], [2], [3], [1]],
  "started-by": [[0, 2], [3], [1]],
  "overlapped-by": [[2], [0], [3], [1]],
  "met-by": [[2], [3, 0], [1]],
  after: [[2], [3], [0], [1]]
}

const feasible = (ranges: ReadonlyArray<Range>, chain: ReadonlyArray<ReadonlyArray<number>>): boolean => {
  let previous = -Infinity
  for (const group of chain) {
    let low = previous === -Infinity ? -Infinity : previous + 1
    let high = Infinity
    for (const p of group) {
      const r = ranges[p]!
      if (r[0] > low) low = r[0]
      if (r[1] < high) high = r[1]
    }
    if (low > high) return false
    previous = low
  }
  return true
}

const isInstant = (u: unknown): boolean => typeof u === "number" && !Number.isNaN(u)
const isRange = (u: unknown): u is Bounds =>
  typeof u === "object" && u !== null && isInstant((u as Bounds).earliest) && isInstant((u as Bounds).latest)

/** A value whose ranges can be read (they may still be empty, and then allow no reading). */
const isSpan = (u: unknown): u is Span => typeof u === "object" && u !== null && isRange((u as Span).start) && isRange((u as Span).end)

/** The four ranges of two spans, or undefined when either is not a span. */
const rangesOf = (a: Span, b: Span): ReadonlyArray<Range> | undefined =>
  isSpan(a) && isSpan(b) ? [finiteRange(a.start, 0), finiteRange(a.end, 1), finiteRange(b.start, 0), finiteRange(b.end, 1)] : undefined

const NONE: ReadonlyArray<Relation> = Object.freeze([])

/**
 * The relations between `a` and `b` that are certainly and possibly true, given their spans.
 *
 * @category queries
 * @since 0.1.0
 */
export const relations = (a: Span, b: Span): Relations => {
  const ranges = rangesOf(a, b)
  const possible = ranges === undefined ? [] : all.filter((r) => feasible(ranges, CHAINS[r]))
  return Object.freeze({ certain: possible.length === 1 ? Object.freeze([...possible]) : NONE, possible: Object.freeze(possible) })
}

/**
 * Tells whether `a r b` is possible: some choice of instants within the spans makes it true.
 *
 * @category queries
 * @since 0.1.0
 */
export const isPossible = (a: Span, r: Relation, b: Span): boolean => {
  const ranges = rangesOf(a, b)
  return ranges !== undefined && isRelation(r) && feasible(ranges, CHAINS[r])
}

/**
 * Tells whether `a r b` is certain: no choice of instants within the spans makes any other
 * relation true.
 *
 * @category queries
 * @since 0.1.0
 */
export const isCertain = (a: Span, r: Relation, b: Span): boolean => {
  const ranges = rangesOf(a, b)
  if (ranges === undefined || !isRelation(r)) return false
  return feasible(ranges, CHAINS[r]) && all.every((other) => other === r || !feasible(ranges, CHAINS[other]))
}

/**
 * Tells whether `a` certainly starts after `b` starts: the earliest possible start of `a` is
 * later than the latest possible start of `b` (`a.start.earliest > b.start.latest`).
 *
 * @category predicates
 * @since 0.1.0
 */
export const certainlyStartsAfter = (a: Span, b: Span): boolean => isSpan(a) && isSpan(b) && a.start.earliest > b.start.latest

/**
 * Tells whether `a` certainly starts before `b` starts: `a.start.latest < b.start.earliest`.
 *
 * @category predicates
 * @since 0.1.0
 */
export const certainlyStartsBefore = (a: Span, b: Span): boolean => isSpan(a) && isSpan(b) && a.start.latest < b.start.earliest

/**
 * Tells whether `a` can have started no later than `b` started (`a.start.earliest <=
 * b.start.latest`): the negation of {@link certainlyStartsAfter}. A cause must pass this test.
 *
 * @category predicates
 * @since 0.1.0
 */
export const possiblyStartsNotAfter = (a: Span, b: Span): boolean => isSpan(a) && isSpan(b) && !certainlyStartsAfter(a, b)

/**
 * Tells whether `a` is certainly over before `b` begins: its last possible instant is earlier
 * than the first possible instant of `b` (`a.end.latest < b.start.earliest`), that is `a` is
 * certainly `before` or `meets` `b`.
 *
 * @category predicates
 * @since 0.1.0
 */
export const certainlyPrecedes = (a: Span, b: Span): boolean => isSpan(a) && isSpan(b) && a.end.latest < b.start.earliest

/**
 * Tells whether `a` can be over before `b` begins: some choice of instants within the spans
 * makes `a` `before` or `meets` `b`.
 *
 * @category predicates
 * @since 0.1.0
 */
export const possiblyPrecedes = (a: Span, b: Span): boolean => {
  const ranges = rangesOf(a, b)
  return ranges !== undefined && (feasible(ranges, CHAINS.before) || feasible(ranges, CHAINS.meets))
}
