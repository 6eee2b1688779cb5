/**
 * The timeline index: one tree of rows (`chunkTree.ts`) per length class, rows in timeline order.
 * An item of finite length `len` (latest − earliest, in ms) goes to class `c`, the least with
 * `len <= 2^c − 1`; items with an infinite side go to the last class. A window [from, to] then
 * reads, in each class, only the rows that begin in [from − (2^c − 1), to]: a key range, O(log n +
 * scanned), and at least about half of the scanned rows of a class overlap the window (their
 * lengths exceed 2^(c−1) − 1). The last class, for open-ended events, is read with the trees'
 * largest latest instants instead. With at most 56 classes, a window costs O(log n + k) in the
 * number k of answers.
 *
 * A leaf keeps the ids, the events and the four instants of its rows in arrays, not an object per
 * row; an item is made again when a caller asks for one. The array of classes is copied on every
 * change (56 pointers), so old states stay valid.
 *
 * @internal
 */
import * as Tree from "./chunkTree.js"
import { type Item, sortByIdsToTimeline } from "./timelineItem.js"

const CLASSES = 56
const OPEN = CLASSES - 1

export type Key = Tree.Key
export type Leaf<E = unknown> = Tree.Leaf<E>

export type Index<E> = ReadonlyArray<Tree.Tree<E> | undefined>

export const empty: Index<never> = Object.freeze(new Array<undefined>(CLASSES).fill(undefined))

/** The length class of an item spanning [earliest, latest]. */
export const classOf = (earliest: number, latest: number): number => {
  const len = latest - earliest
  if (!Number.isFinite(len)) return OPEN
  if (len <= 0) return 0
  // The least c with 2^c − 1 >= len is the bit length of ceil(len).
  const whole = Math.ceil(len)
  const c = whole < 2 ** 32 ? 32 - Math.clz32(whole) : 64 - Math.clz32(Math.floor(whole / 2 ** 32))
  return Math.min(c, OPEN - 1)
}

const withClass = <E>(index: Index<E>, c: number, tree: Tree.Tree<E> | undefined): Index<E> => {
  const next = index.slice()
  next[c] = tree
  return next
}

/** Adds an item (replacing one with its key). */
export const insert = <E>(index: Index<E>, item: Item<E>): Index<E> => {
  const c = classOf(item.earliest, item.latest)
  return withClass(index, c, Tree.insert(index[c], item))
}

/** Removes the item with this key, if present. */
export const remove = <E>(index: Index<E>, key: Key): Index<E> => {
  const c = classOf(key.earliest, key.latest)
  const tree = Tree.remove(index[c], key)
  return tree === index[c] ? index : withClass(index, c, tree)
}

/** The item with this key, if present. */
export const get = <E>(index: Index<E>, key: Key): Item<E> | undefined => {
  const at = Tree.find(index[classOf(key.earliest, key.latest)], key)
  return at === undefined ? undefined : Tree.itemAt(at.leaf, at.i)
}

export const size = (index: Index<unknown>): number => {
  let n = 0
  for (const tree of index) n += Tree.size(tree)
  return n
}

/**
 * The index of items with distinct ids, given in order of their ids: one sort (see
 * `sortByIdsToTimeline`), then each class built from its run in order.
 */
export const fromItemsById = <E>(byId: ReadonlyArray<Item<E>>): Index<E> => {
  const byClass = new Array<Array<Item<E>>>(CLASSES)
  for (const item of sortByIdsToTimeline(byId)) (byClass[classOf(item.earliest, item.latest)] ??= []).push(item)
  const index = new Array<Tree.Tree<E> | undefined>(CLASSES).fill(undefined)
  for (let c = 0; c < CLASSES; c++) if (byClass[c] !== undefined) index[c] = Tree.fromSorted(byClass[c]!)
  return index
}

/**
 * What `make` gives for each row whose [earliest, latest] meets [from, to], in timeline order.
 * Each class gives the chunks that hold its candidates; a cursor per class walks them in place,
 * and the merge takes from the cursor whose next row comes first for as long as it stays first
 * (two rows of different classes never share both earliest and latest, so the merge never
 * compares ids). Nothing is copied but the answers.
 */
export const scan = <E, T>(index: Index<E>, from: number, to: number, make: (leaf: Leaf<E>, i: number) => T): Array<T> => {
  const out: Array<T> = []
  const cursors: Array<Cursor<E>> = []
  for (let c = 0; c < CLASSES; c++) {
    const tree = index[c]
    if (tree === undefined || tree.max < from) continue
    const lo = c === OPEN ? -Infinity : from - (2 ** c - 1)
    const chunks: Array<Leaf<E>> = []
    Tree.leavesIn(tree, lo, to, from, chunks)
    const cursor: Cursor<E> = { chunks, lo, chunk: 0, item: 0, earliest: 0, latest: 0 }
    if (chunks.length > 0 && emit(cursor, from, to, -Infinity, -Infinity, make, out)) cursors.push(cursor)
  }
  let live = cursors.length
  while (live > 0) {
    // The cursor whose next row comes first, and the next row of the others.
    let best = 0
    for (let j = 1; j < live; j++) if (before(cursors[j]!, cursors[best]!)) best = j
    // NaN bounds nothing (every comparison with it is false): a lone cursor runs to its end.
    let e2 = NaN
    let l2 = NaN
    for (let j = 0; j < live; j++) {
      const cur = cursors[j]!
      if (j !== best && (!(cur.earliest >= e2) || (cur.earliest === e2 && cur.latest < l2))) {
        e2 = cur.earliest
        l2 = cur.latest
      }
    }
    if (!emit(cursors[best]!, from, to, e2, l2, make, out)) cursors[best] = cursors[--live]!
  }
  return out
}

/** A place in one class's chunks, and the instants of the row there. */
interface Cursor<E> {
  readonly chunks: ReadonlyArray<Leaf<E>>
  readonly lo: number
  chunk: number
  item: number
  earliest: number
  latest: number
}

const before = (a: Cursor<unknown>, b: Cursor<unknown>): boolean => a.earliest < b.earliest || (a.earliest === b.earliest && a.latest < b.latest)

/**
 * From the cursor's place on, appends to `out` its answers that come before (e2, l2), and stops at
 * the first that does not (returning true, the cursor left there) or at the end (returning false).
 * With (e2, l2) at -Infinity it only finds the cursor's next answer; with NaN it runs to the end.
 */
const emit = <E, T>(cur: Cursor<E>, from: number, to: number, e2: number, l2: number, make: (leaf: Leaf<E>, i: number) => T, out: Array<T>): boolean => {
  const { chunks, lo } = cur
  let i = cur.item
  for (let ci = cur.chunk; ci < chunks.length; ci++, i = 0) {
    const chunk = chunks[ci]!
    const bounds = chunk.bounds
    const n = chunk.ids.length
    for (; i < n; i++) {
      const e = bounds[4 * i]!
      if (e > to) return false
      const l = bounds[4 * i + 3]!
      if (e < lo || l < from) continue
      if (e > e2 || (e === e2 && l >= l2)) {
        cur.chunk = ci
        cur.item = i
        cur.earliest = e
        cur.latest = l
        return true
      }
      out.push(make(chunk, i))
    }
  }
  return false
}

/** The items whose [earliest, latest] meets [from, to], in timeline order. */
export const overlapping = <E>(index: Index<E>, from: number, to: number): Array<Item<E>> => scan(index, from, to, Tree.itemAt)

/** Every item, in timeline order. */
export const toArray = <E>(index: Index<E>): Array<Item<E>> => scan(index, -Infinity, Infinity, Tree.itemAt)
