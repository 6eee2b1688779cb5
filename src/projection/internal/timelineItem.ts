/**
 * Timeline items: an event with the ranges of its start and end instants, and the total order the
 * timeline keeps them in (earliest instant, then latest, then id).
 *
 * @internal
 */

import { compareBounds } from "./order.js"

/** The id type of an event type: the branded id of a record, or a plain string for anything else. */
export type IdOf<E> = E extends { readonly id: infer Id extends string } ? Id : string

/** One event as the index keeps it: its key, its start and end ranges, and the event itself. */
export interface Item<E = unknown> {
  readonly id: IdOf<E>
  /** Start range (epoch ms, inclusive): `earliest` … `startLatest`. */
  readonly earliest: number
  readonly startLatest: number
  /** End range: `endEarliest` … `latest`. */
  readonly endEarliest: number
  readonly latest: number
  /** Whether the date is marked uncertain (`?`): its placements are then only possible. */
  readonly uncertain: boolean
  readonly event: E
}

/** The order of items: earliest, then latest, then id (timeline order: see `order.ts`). */
export const compareItems = (a: Item, b: Item): number => compareBounds(a.earliest, a.latest, a.id, b.earliest, b.latest, b.id)

/** Items sorted by {@link compareItems}, in a new array. */
export const sortItems = <E>(items: ReadonlyArray<Item<E>>): Array<Item<E>> => items.slice().sort(compareItems)

/** The distinct values of `xs`, sorted (a native numeric sort: −0 and 0 count as one). */
const distinct = (xs: Float64Array): Float64Array => {
  const sorted = xs.slice().sort()
  let w = 0
  for (let i = 0; i < sorted.length; i++) if (w === 0 || sorted[i] !== sorted[w - 1]) sorted[w++] = sorted[i]!
  return sorted.subarray(0, w)
}

/** The position of `x` in distinct sorted values that hold it. */
const rank = (sorted: Float64Array, x: number): number => {
  let low = 0
  let high = sorted.length - 1
  while (low < high) {
    const mid = (low + high) >>> 1
    if (sorted[mid]! < x) low = mid + 1
    else high = mid
  }
  return low
}

/**
 * Items with distinct ids, given in order of their ids, put in timeline order. Sorting a million
 * items with `Array.prototype.sort` and {@link compareItems} takes about 2 s here (a call of the
 * comparator per comparison), which alone made a bulk build slower than building flatten-js's
 * interval tree (1.46×, bench/timeline-vs.ts). So when the instants take few distinct values, as
 * dates known to the day or month do, each item gets one number that orders it exactly — the rank
 * of its earliest instant, then of its latest, then its position by id — and one native numeric
 * sort of those numbers does the work. When the numbers would not be exact (more than 2^53
 * combinations), the comparator sort does.
 */
export const sortByIdsToTimeline = <E>(byId: ReadonlyArray<Item<E>>): Array<Item<E>> => {
  const n = byId.length
  const earliest = new Float64Array(n)
  const latest = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    earliest[i] = byId[i]!.earliest
    latest[i] = byId[i]!.latest
  }
  const starts = distinct(earliest)
  const ends = distinct(latest)
  if (starts.length * ends.length * n > Number.MAX_SAFE_INTEGER) return sortItems(byId)
  const keys = new Float64Array(n)
  for (let i = 0; i < n; i++) keys[i] = (rank(starts, earliest[i]!) * ends.length + rank(ends, latest[i]!)) * n + i
  keys.sort()
  const out = new Array<Item<E>>(n)
  for (let j = 0; j < n; j++) out[j] = byId[keys[j]! % n]!
  return out
}
