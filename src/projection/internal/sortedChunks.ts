/**
 * A persistent sorted sequence of rows kept in chunks of columns, the chunks held in a B+ tree
 * from `sorted-btree` under the key of each chunk's first row. Both halves of the timeline are made
 * of it: the index (one sequence per length class, rows in timeline order, `timelineIndex.ts`) and
 * the id map (rows by id, `timelineIds.ts`). What a chunk's columns are, and how its rows compare,
 * is the caller's {@link Layout}; this module only places rows in chunks and chunks in the tree.
 *
 * Why chunks of columns, and not one tree entry per row: a row kept as an object of its own costs
 * 152 bytes on 64-bit Node (its four instants are boxed numbers), and Effect's `HashMap` costs
 * 134 bytes an entry, each alone above the timeline's budget of 100 bytes an event for items and
 * index together (bench/timeline-vs.ts prints both beside the timeline's figure). In a chunk, an
 * instant is 8 bytes in an array of numbers and an event or id one pointer.
 *
 * Persistence: a change copies the one or two chunks it touches (at most {@link MAX} rows each)
 * and, through the tree's copy-on-write `clone`, the path of tree nodes above them; an older
 * sequence is never changed. Chunks split in halves above {@link MAX} rows and join a neighbour
 * below {@link MIN}; a bulk build fills them to {@link FILL}. Where chunks begin depends on the
 * order of changes, so two sequences are compared by their rows, never by their shape.
 *
 * @internal
 */
import type * as SortedBTree from "sorted-btree"
import { bulkLoad } from "sorted-btree/extended/bulkLoad.js"

type BTree<K, V> = SortedBTree.default<K, V>

/** The most rows a chunk holds; a chunk that would hold more splits in halves. */
export const MAX = 64
/** A chunk left with fewer rows joins a neighbour. */
const MIN = 16
/** The rows a bulk build puts in each chunk: room for a quarter more before the first split. */
const FILL = 48
/** The tree's node size (sorted-btree's own default is 32 too). */
const NODE = 32

/** How the rows of one kind of sequence are kept and compared. `R` is a row to add, `C` a chunk. */
export interface Layout<K, R, C> {
  readonly compare: (a: K, b: K) => number
  readonly keyOfRow: (row: R) => K
  /** The key of the row at `i`. */
  readonly keyAt: (chunk: C, i: number) => K
  readonly size: (chunk: C) => number
  /** The first position whose row is not before `key` (the chunk's size when there is none). */
  readonly search: (chunk: C, key: K) => number
  /** Whether the row at `i` has this key. */
  readonly holds: (chunk: C, i: number, key: K) => boolean
  /** A chunk of the rows `from` … `to − 1` of `rows`, given in order. */
  readonly fromRows: (rows: ReadonlyArray<R>, from: number, to: number) => C
  /** Copies with one row inserted, replaced or removed at `i`. */
  readonly insert: (chunk: C, i: number, row: R) => C
  readonly replace: (chunk: C, i: number, row: R) => C
  readonly remove: (chunk: C, i: number) => C
  /** The rows `from` … `to − 1`, and two chunks joined. */
  readonly slice: (chunk: C, from: number, to: number) => C
  readonly concat: (a: C, b: C) => C
}

/** A sequence: its chunks by first key, and its number of rows. */
export interface Sequence<K, C> {
  readonly tree: BTree<K, C>
  readonly size: number
}

/** The sequence of rows given in order, with no two keys equal. O(n). */
export const fromSorted = <K, R, C>(layout: Layout<K, R, C>, rows: ReadonlyArray<R>): Sequence<K, C> => {
  const keys: Array<K> = []
  const chunks: Array<C> = []
  for (let from = 0; from < rows.length; from += FILL) {
    keys.push(layout.keyOfRow(rows[from]!))
    chunks.push(layout.fromRows(rows, from, Math.min(from + FILL, rows.length)))
  }
  return { tree: bulkLoad(keys, chunks, NODE, layout.compare), size: rows.length }
}

/** The chunk that holds `key` or would: the last whose first key is not after it, else the first. */
const chunkFor = <K, C>(tree: BTree<K, C>, key: K): [K, C] | undefined => tree.getPairOrNextLower(key) ?? tree.nextHigherPair(undefined)

/** The chunk and position of the row with this key, if the sequence holds one. */
export const find = <K, R, C>(layout: Layout<K, R, C>, seq: Sequence<K, C>, key: K): { readonly chunk: C; readonly i: number } | undefined => {
  const pair = seq.tree.getPairOrNextLower(key)
  if (pair === undefined) return undefined
  const chunk = pair[1]
  const i = layout.search(chunk, key)
  return i < layout.size(chunk) && layout.holds(chunk, i, key) ? { chunk, i } : undefined
}

/** Puts chunks under their first keys, in a copy of the tree without `old`'s key. */
const rebuilt = <K, R, C>(layout: Layout<K, R, C>, tree: BTree<K, C>, old: ReadonlyArray<K>, chunks: ReadonlyArray<C>): BTree<K, C> => {
  const next = tree.clone()
  for (const key of old) next.delete(key)
  for (const chunk of chunks) {
    const n = layout.size(chunk)
    if (n <= MAX) next.set(layout.keyAt(chunk, 0), chunk)
    else {
      const half = n >>> 1
      next.set(layout.keyAt(chunk, 0), layout.slice(chunk, 0, half))
      next.set(layout.keyAt(chunk, half), layout.slice(chunk, half, n))
    }
  }
  return next
}

/** Adds a row, or replaces the row with its key. */
export const insert = <K, R, C>(layout: Layout<K, R, C>, seq: Sequence<K, C>, row: R): Sequence<K, C> => {
  const key = layout.keyOfRow(row)
  const pair = chunkFor(seq.tree, key)
  if (pair === undefined) return fromSorted(layout, [row])
  const [first, chunk] = pair
  const i = layout.search(chunk, key)
  if (i < layout.size(chunk) && layout.holds(chunk, i, key)) {
    const next = seq.tree.clone()
    next.set(first, layout.replace(chunk, i, row))
    return { tree: next, size: seq.size }
  }
  const grown = layout.insert(chunk, i, row)
  if (i > 0 && layout.size(grown) <= MAX) {
    // The chunk keeps its first row, and so its key: one path of the tree is copied.
    const next = seq.tree.clone()
    next.set(first, grown)
    return { tree: next, size: seq.size + 1 }
  }
  return { tree: rebuilt(layout, seq.tree, [first], [grown]), size: seq.size + 1 }
}

/** Removes the row with this key, if present (the same sequence when absent). */
export const remove = <K, R, C>(layout: Layout<K, R, C>, seq: Sequence<K, C>, key: K): Sequence<K, C> => {
  const pair = seq.tree.getPairOrNextLower(key)
  if (pair === undefined) return seq
  const [first, chunk] = pair
  const i = layout.search(chunk, key)
  if (i >= layout.size(chunk) || !layout.holds(chunk, i, key)) return seq
  const shrunk = layout.remove(chunk, i)
  const n = layout.size(shrunk)
  if (n >= MIN || seq.size - 1 <= n) {
    if (n === 0) return { tree: rebuilt(layout, seq.tree, [first], []), size: 0 }
    if (i > 0) {
      const next = seq.tree.clone()
      next.set(first, shrunk)
      return { tree: next, size: seq.size - 1 }
    }
    return { tree: rebuilt(layout, seq.tree, [first], [shrunk]), size: seq.size - 1 }
  }
  // Too few rows left: join the next chunk, or the one before when this is the last.
  const after = seq.tree.nextHigherPair(first)
  if (after !== undefined) {
    return { tree: rebuilt(layout, seq.tree, [first, after[0]], [layout.concat(shrunk, after[1])]), size: seq.size - 1 }
  }
  const before = seq.tree.nextLowerPair(first)!
  return { tree: rebuilt(layout, seq.tree, [before[0], first], [layout.concat(before[1], shrunk)]), size: seq.size - 1 }
}

/** Calls `f` with each chunk in order. */
export const forEachChunk = <K, C>(seq: Sequence<K, C>, f: (chunk: C) => void): void => {
  for (const chunk of seq.tree.values()) f(chunk)
}

/**
 * Appends to `out`, in order, the chunks that may hold rows from `key` on, up to the first chunk
 * for which `past` says no later chunk is wanted (that chunk excluded).
 */
export const chunksFrom = <K, C>(seq: Sequence<K, C>, key: K, past: (chunk: C) => boolean, out: Array<C>): void => {
  const pair = chunkFor(seq.tree, key) as [K, C] | undefined
  // One search a chunk: a window reads few chunks, and the tree's iterator costs more to set up.
  while (pair !== undefined && !past(pair[1])) {
    out.push(pair[1])
    if (seq.tree.nextHigherPair(pair[0], pair) === undefined) return
  }
}
