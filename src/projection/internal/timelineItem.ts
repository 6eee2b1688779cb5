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
