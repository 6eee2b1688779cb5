/**
 * The timeline's id map: for each id, the earliest and latest instants of its item, which are
 * what the index needs to find the item again (the item itself lives only in the index). A
 * sorted sequence of chunks (`sortedChunks.ts`), rows ordered by id as UTF-16 code units, each
 * chunk one array of ids and one of instants (earliest and latest side by side): 24 bytes an id.
 *
 * @internal
 */
import { firstNotBefore } from "./order.js"
import * as Chunks from "./sortedChunks.js"
import type { Item } from "./timelineItem.js"

/** A chunk: ids in order, and the instants of the i-th at `2i` (earliest) and `2i + 1` (latest). */
interface Chunk {
  readonly ids: ReadonlyArray<string>
  readonly bounds: ReadonlyArray<number>
}

/** Where an id's item sits in the index. */
export interface Place {
  readonly earliest: number
  readonly latest: number
}

export type IdMap = Chunks.Sequence<string, Chunk> | undefined

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

const chunk = (ids: Array<string>, bounds: Array<number>): Chunk => ({ ids, bounds })

const layout: Chunks.Layout<string, Item, Chunk> = {
  compare,
  keyOfRow: (row) => row.id,
  keyAt: (c, i) => c.ids[i]!,
  size: (c) => c.ids.length,
  search: (c, id) => firstNotBefore(c.ids.length, (i) => c.ids[i]! < id),
  holds: (c, i, id) => c.ids[i] === id,
  fromRows: (rows, from, to) => {
    const ids = new Array<string>(to - from)
    const bounds = new Array<number>(2 * (to - from))
    for (let k = from; k < to; k++) {
      ids[k - from] = rows[k]!.id
      bounds[2 * (k - from)] = rows[k]!.earliest
      bounds[2 * (k - from) + 1] = rows[k]!.latest
    }
    return chunk(ids, bounds)
  },
  insert: (c, i, row) => {
    const ids = c.ids.slice()
    ids.splice(i, 0, row.id)
    const bounds = c.bounds.slice()
    bounds.splice(2 * i, 0, row.earliest, row.latest)
    return chunk(ids, bounds)
  },
  replace: (c, i, row) => {
    const bounds = c.bounds.slice()
    bounds[2 * i] = row.earliest
    bounds[2 * i + 1] = row.latest
    return chunk(c.ids as Array<string>, bounds)
  },
  remove: (c, i) => {
    const ids = c.ids.slice()
    ids.splice(i, 1)
    const bounds = c.bounds.slice()
    bounds.splice(2 * i, 2)
    return chunk(ids, bounds)
  },
  slice: (c, from, to) => chunk(c.ids.slice(from, to), c.bounds.slice(2 * from, 2 * to)),
  concat: (a, b) => chunk(a.ids.concat(b.ids), a.bounds.concat(b.bounds))
}

/** Where the item with this id sits, if the map holds it. */
export const get = (m: IdMap, id: string): Place | undefined => {
  if (m === undefined) return undefined
  const at = Chunks.find(layout, m, id)
  return at === undefined ? undefined : { earliest: at.chunk.bounds[2 * at.i]!, latest: at.chunk.bounds[2 * at.i + 1]! }
}

/** Sets the place of the item's id (replacing any). */
export const set = (m: IdMap, item: Item): IdMap => (m === undefined ? Chunks.fromSorted(layout, [item]) : Chunks.insert(layout, m, item))

/** Removes an id, if present. */
export const remove = (m: IdMap, id: string): IdMap => {
  if (m === undefined) return undefined
  const next = Chunks.remove(layout, m, id)
  return next.size === 0 ? undefined : next
}

/**
 * The map of `items`, and the items it kept in order of their ids: when an id repeats, the last
 * item with it wins, as setting them one by one would have it. O(n log n) in one sort.
 */
export const fromItems = <I extends Item>(items: ReadonlyArray<I>): { readonly map: IdMap; readonly byId: ReadonlyArray<I> } => {
  // By id, and by position among equal ids (the sort is stable): the last of a run wins.
  const sorted = items.slice().sort((a, b) => compare(a.id, b.id))
  const byId = sorted.filter((item, k) => k + 1 === sorted.length || sorted[k + 1]!.id !== item.id)
  return { map: byId.length === 0 ? undefined : Chunks.fromSorted(layout, byId), byId }
}

/** The number of ids. */
export const size = (m: IdMap): number => (m === undefined ? 0 : m.size)
