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
 * @example
 * ```ts
 * import { Allen } from "protest-chronicle"
 * import { When } from "protest-chronicle"
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
import type { Bounds, Span } from "../model/When.js"

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

/**
 * The converse of a relation: `a r b` exactly when `b (converse r) a` (`before` ↔ `after`,
 * `during` ↔ `contains`; `equals` is its own converse).
 *
 * @category combinators
 * @since 0.1.0
 */
export const converse = (r: Relation): Relation => CONVERSE[r]

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

const rangesOf = (a: Span, b: Span): ReadonlyArray<Range> => [
  finiteRange(a.start, 0),
  finiteRange(a.end, 1),
  finiteRange(b.start, 0),
  finiteRange(b.end, 1)
]

const NONE: ReadonlyArray<Relation> = Object.freeze([])

/**
 * The relations between `a` and `b` that are certainly and possibly true, given their spans.
 *
 * @category queries
 * @since 0.1.0
 */
export const relations = (a: Span, b: Span): Relations => {
  const ranges = rangesOf(a, b)
  const possible = all.filter((r) => feasible(ranges, CHAINS[r]))
  return Object.freeze({ certain: possible.length === 1 ? Object.freeze([...possible]) : NONE, possible: Object.freeze(possible) })
}

/**
 * Tells whether `a r b` is possible: some choice of instants within the spans makes it true.
 *
 * @category queries
 * @since 0.1.0
 */
export const isPossible = (a: Span, r: Relation, b: Span): boolean => feasible(rangesOf(a, b), CHAINS[r])

/**
 * Tells whether `a r b` is certain: no choice of instants within the spans makes any other
 * relation true.
 *
 * @category queries
 * @since 0.1.0
 */
export const isCertain = (a: Span, r: Relation, b: Span): boolean => {
  const ranges = rangesOf(a, b)
  return feasible(ranges, CHAINS[r]) && all.every((other) => other === r || !feasible(ranges, CHAINS[other]))
}

/**
 * Tells whether `a` certainly starts after `b` starts: the earliest possible start of `a` is
 * later than the latest possible start of `b` (`a.start.earliest > b.start.latest`).
 *
 * @category predicates
 * @since 0.1.0
 */
export const certainlyStartsAfter = (a: Span, b: Span): boolean => a.start.earliest > b.start.latest

/**
 * Tells whether `a` certainly starts before `b` starts: `a.start.latest < b.start.earliest`.
 *
 * @category predicates
 * @since 0.1.0
 */
export const certainlyStartsBefore = (a: Span, b: Span): boolean => a.start.latest < b.start.earliest

/**
 * Tells whether `a` can have started no later than `b` started (`a.start.earliest <=
 * b.start.latest`): the negation of {@link certainlyStartsAfter}. A cause must pass this test.
 *
 * @category predicates
 * @since 0.1.0
 */
export const possiblyStartsNotAfter = (a: Span, b: Span): boolean => !certainlyStartsAfter(a, b)

/**
 * Tells whether `a` is certainly over before `b` begins: its last possible instant is earlier
 * than the first possible instant of `b` (`a.end.latest < b.start.earliest`), that is `a` is
 * certainly `before` or `meets` `b`.
 *
 * @category predicates
 * @since 0.1.0
 */
export const certainlyPrecedes = (a: Span, b: Span): boolean => a.end.latest < b.start.earliest

/**
 * Tells whether `a` can be over before `b` begins: some choice of instants within the spans
 * makes `a` `before` or `meets` `b`.
 *
 * @category predicates
 * @since 0.1.0
 */
export const possiblyPrecedes = (a: Span, b: Span): boolean => {
  const ranges = rangesOf(a, b)
  return feasible(ranges, CHAINS.before) || feasible(ranges, CHAINS.meets)
}
