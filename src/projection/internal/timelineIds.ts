/**
 * The timeline's id map: for each id, the earliest and latest instants of its item, which is what
 * the index needs to find the item again (the item itself lives only in the index). A B+ tree
 * from `sorted-btree`, persistent through its copy-on-write `clone`, holds chunks of rows ordered
 * by id (as UTF-16 code units) under the id of each chunk's first row; a chunk is one array of ids
 * and one of instants, earliest and latest side by side, so that an id costs 24 bytes.
 *
 * Why chunks, and not the tree's own entries or Effect's `HashMap`: a row kept as an object of its
 * own costs 152 bytes on 64-bit Node (its instants are boxed numbers), and Effect's `HashMap`
 * 134 bytes an entry, each alone above the timeline's budget of 100 bytes an event for items and
 * index together (bench/timeline-vs.ts prints both beside the timeline's figure).
 *
 * A change copies one chunk (two when it splits or joins a neighbour) and one path of tree nodes;
 * an older map is never changed.
 *
 * @internal
 */
import type * as SortedBTree from "sorted-btree"
import { bulkLoad } from "sorted-btree/extended/bulkLoad.js"
import type { Item } from "./timelineItem.js"
import { packedMap } from "./chunkTree.js"

type BTree<K, V> = SortedBTree.default<K, V>

/** The most ids a chunk holds, the fewest it keeps before joining a neighbour, and a bulk build's fill. */
const MAX = 64
const MIN = 16
const FILL = 48
/** The tree's node size (sorted-btree's own default). */
const NODE = 32

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

/** The map: chunks under their first ids, and the number of ids. */
export type IdMap =
  | {
    readonly tree: BTree<string, Chunk>
    readonly size: number
  }
  | undefined

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** The position of `id` in a chunk, or where it would go. */
const search = (c: Chunk, id: string): number => {
  let low = 0
  let high = c.ids.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if (c.ids[mid]! < id) low = mid + 1
    else high = mid
  }
  return low
}

/** A chunk of the items `from` … `to − 1`: packed arrays at their final length (see `chunkTree.ts`). */
const chunkOf = (items: ReadonlyArray<Item>, from: number, to: number): Chunk => {
  const rows = items.slice(from, to)
  const grown: Array<number> = []
  for (const item of rows) grown.push(item.earliest, item.latest)
  return { ids: packedMap(rows, (item) => item.id), bounds: grown.slice() }
}

/** The chunk that holds `id` or would: the last whose first id is not after it, else the first. */
const chunkFor = (tree: BTree<string, Chunk>, id: string): [string, Chunk] | undefined => tree.getPairOrNextLower(id) ?? tree.nextHigherPair(undefined)

/** A copy of the tree with the chunks under `old` replaced by `chunks` (split in halves when too full). */
const replaced = (tree: BTree<string, Chunk>, old: ReadonlyArray<string>, chunks: ReadonlyArray<Chunk>): BTree<string, Chunk> => {
  const next = tree.clone()
  for (const id of old) next.delete(id)
  for (const c of chunks) {
    const n = c.ids.length
    if (n <= MAX) next.set(c.ids[0]!, c)
    else {
      const half = n >>> 1
      next.set(c.ids[0]!, { ids: c.ids.slice(0, half), bounds: c.bounds.slice(0, 2 * half) })
      next.set(c.ids[half]!, { ids: c.ids.slice(half), bounds: c.bounds.slice(2 * half) })
    }
  }
  return next
}

/** Where the item with this id sits, if the map holds it. */
export const get = (m: IdMap, id: string): Place | undefined => {
  const pair = m?.tree.getPairOrNextLower(id)
  if (pair === undefined) return undefined
  const c = pair[1]
  const i = search(c, id)
  return c.ids[i] === id ? { earliest: c.bounds[2 * i]!, latest: c.bounds[2 * i + 1]! } : undefined
}

/**
 * Sets the place of the item's id, and tells where it was before (undefined for a new id): one
 * search for both. The same map when the place does not change.
 */
export const set = (m: IdMap, item: Item): { readonly map: IdMap; readonly before: Place | undefined } => {
  const pair = m === undefined ? undefined : chunkFor(m.tree, item.id)
  if (m === undefined || pair === undefined) return { map: fromSortedUnique([item]), before: undefined }
  const [first, c] = pair
  const i = search(c, item.id)
  const found = c.ids[i] === item.id
  const before = found ? { earliest: c.bounds[2 * i]!, latest: c.bounds[2 * i + 1]! } : undefined
  if (before !== undefined && before.earliest === item.earliest && before.latest === item.latest) return { map: m, before }
  const next: Chunk = {
    ids: found ? c.ids : c.ids.toSpliced(i, 0, item.id),
    bounds: c.bounds.toSpliced(2 * i, found ? 2 : 0, item.earliest, item.latest)
  }
  const size = found ? m.size : m.size + 1
  // A chunk that keeps its first id and fits keeps its key: one path of the tree is copied.
  if ((i > 0 || found) && next.ids.length <= MAX) {
    const tree = m.tree.clone()
    tree.set(first, next)
    return { map: { tree, size }, before }
  }
  return { map: { tree: replaced(m.tree, [first], [next]), size }, before }
}

/** Removes an id, and tells where its item was: undefined when the map does not hold it. */
export const take = (m: IdMap, id: string): { readonly map: IdMap; readonly place: Place } | undefined => {
  const pair = m?.tree.getPairOrNextLower(id)
  if (m === undefined || pair === undefined) return undefined
  const [first, c] = pair
  const i = search(c, id)
  if (c.ids[i] !== id) return undefined
  const place = { earliest: c.bounds[2 * i]!, latest: c.bounds[2 * i + 1]! }
  if (m.size === 1) return { map: undefined, place }
  const rest: Chunk = { ids: c.ids.toSpliced(i, 1), bounds: c.bounds.toSpliced(2 * i, 2) }
  const size = m.size - 1
  if (rest.ids.length >= MIN || rest.ids.length === size) {
    if (rest.ids.length > 0 && i > 0) {
      const tree = m.tree.clone()
      tree.set(first, rest)
      return { map: { tree, size }, place }
    }
    return { map: { tree: replaced(m.tree, [first], rest.ids.length > 0 ? [rest] : []), size }, place }
  }
  // Too few ids left: join the next chunk, or the one before when this is the last.
  const join = (a: Chunk, b: Chunk): Chunk => ({ ids: a.ids.concat(b.ids), bounds: a.bounds.concat(b.bounds) })
  const after = m.tree.nextHigherPair(first)
  if (after !== undefined) return { map: { tree: replaced(m.tree, [first, after[0]], [join(rest, after[1])]), size }, place }
  const before = m.tree.nextLowerPair(first)!
  return { map: { tree: replaced(m.tree, [before[0], first], [join(before[1], rest)]), size }, place }
}

/** The map of items with distinct ids, given in order of their ids. O(n). */
const fromSortedUnique = (items: ReadonlyArray<Item>): IdMap => {
  if (items.length === 0) return undefined
  const keys: Array<string> = []
  const chunks: Array<Chunk> = []
  for (let from = 0; from < items.length; from += FILL) {
    keys.push(items[from]!.id)
    chunks.push(chunkOf(items, from, Math.min(from + FILL, items.length)))
  }
  return { tree: bulkLoad(keys, chunks, NODE, compare), size: items.length }
}

/**
 * The map of `items`, and the items it kept in order of their ids: when an id repeats, the last
 * item with it wins, as setting them one by one would have it. O(n log n) in one sort.
 */
export const fromItems = <I extends Item>(items: ReadonlyArray<I>): { readonly map: IdMap; readonly byId: ReadonlyArray<I> } => {
  // By id, and by position among equal ids (the sort is stable): the last of a run wins.
  const sorted = items.slice().sort((a, b) => compare(a.id, b.id))
  const byId = sorted.filter((item, k) => k + 1 === sorted.length || sorted[k + 1]!.id !== item.id)
  return { map: fromSortedUnique(byId), byId }
}
