/**
 * The timeline's id map: for each id, the earliest and latest instants of its item, which is what
 * the index needs to find the item again (the item itself lives only in the index). The same
 * B+ tree as the index (`chunkTree.ts`), its rows ordered by id as UTF-16 code units; a leaf is one
 * array of ids and one of instants, earliest and latest side by side, so that an id costs about
 * 24 bytes.
 *
 * Why leaves of columns, and not a kept map: a row kept as an object of its own costs 152 bytes on
 * 64-bit Node (its instants are boxed numbers), and Effect's `HashMap` 134 bytes an entry, each
 * alone above the timeline's budget of 100 bytes an event for items and index together
 * (bench/timeline-vs.ts prints both beside the timeline's figure).
 *
 * @internal
 */
import * as Tree from "./chunkTree.js"
import type { Item } from "./timelineItem.js"

/** A leaf: ids in order, and the instants of the i-th at `2i` (earliest) and `2i + 1` (latest). */
interface Leaf extends Tree.LeafBase {
  readonly bounds: ReadonlyArray<number>
}

/** Where an id's item sits in the index. */
export interface Place {
  readonly earliest: number
  readonly latest: number
}

export type IdMap = Tree.Tree<Leaf> | undefined

/** The rows of the id map all order as (0, 0, id): only the id counts. */
const keyOf = (id: string): Tree.Key => ({ earliest: 0, latest: 0, id })

const leaf = (ids: ReadonlyArray<string>, bounds: ReadonlyArray<number>): Leaf => ({ ids, bounds, max: -Infinity })

const layout: Tree.Layout<Item, Leaf> = {
  firstEarliest: () => 0,
  firstLatest: () => 0,
  vsRow: (l, i, k) => (l.ids[i]! < k.id ? -1 : l.ids[i]! > k.id ? 1 : 0),
  fromRows: (items, from, to) => {
    // Made at their final length: arrays grown by push keep spare room.
    const ids = new Array<string>(to - from)
    const bounds = new Array<number>(2 * (to - from))
    for (let k = from; k < to; k++) {
      ids[k - from] = items[k]!.id
      bounds[2 * (k - from)] = items[k]!.earliest
      bounds[2 * (k - from) + 1] = items[k]!.latest
    }
    return leaf(ids, bounds)
  },
  splice: (l, at, cut, add) =>
    leaf(Tree.spliceCopy(l.ids, at, cut, add.map((item) => item.id)), Tree.spliceCopy(l.bounds, 2 * at, 2 * cut, add.flatMap((item) => [item.earliest, item.latest]))),
  slice: (l, from, to) => leaf(l.ids.slice(from, to), l.bounds.slice(2 * from, 2 * to)),
  join: (a, b) => leaf(a.ids.concat(b.ids), a.bounds.concat(b.bounds))
}

/** Where the item with this id sits, if the map holds it. */
export const get = (m: IdMap, id: string): Place | undefined => {
  const at = Tree.find(layout, m, keyOf(id))
  return at === undefined ? undefined : { earliest: at.leaf.bounds[2 * at.i]!, latest: at.leaf.bounds[2 * at.i + 1]! }
}

/** Sets the place of the item's id, and tells where it was before (undefined for a new id). */
export const set = (m: IdMap, item: Item): { readonly map: IdMap; readonly before: Place | undefined } => {
  const before = get(m, item.id)
  if (before !== undefined && before.earliest === item.earliest && before.latest === item.latest) return { map: m, before }
  return { map: Tree.insert(layout, m, item, keyOf(item.id)), before }
}

/** Removes an id, and tells where its item was: undefined when the map does not hold it. */
export const take = (m: IdMap, id: string): { readonly map: IdMap; readonly place: Place } | undefined => {
  const place = get(m, id)
  return place === undefined ? undefined : { map: Tree.remove(layout, m, keyOf(id)), place }
}

/**
 * The map of `items`, and the items it kept in order of their ids: when an id repeats, the last
 * item with it wins, as setting them one by one would have it. O(n log n) in one sort.
 */
export const fromItems = <I extends Item>(items: ReadonlyArray<I>): { readonly map: IdMap; readonly byId: ReadonlyArray<I> } => {
  // By id, and by position among equal ids (the sort is stable): the last of a run wins.
  const sorted = items.slice().sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const byId = sorted.filter((item, k) => k + 1 === sorted.length || sorted[k + 1]!.id !== item.id)
  return { map: Tree.fromSorted(layout, byId), byId }
}
