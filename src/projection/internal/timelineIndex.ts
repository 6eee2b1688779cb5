/**
 * The timeline index: one chunk tree (see `chunkTree.ts`) per length class, each keyed by the
 * items' earliest instant. An item of finite length `len` (latest − earliest, in ms) goes to class
 * `c`, the least with `len <= 2^c − 1`; items with an infinite side go to the last class. A window
 * [from, to] then reads, in each class, only the items that begin in [from − (2^c − 1), to]: a key
 * range of the tree, O(log n + scanned), and at least about half of the scanned items of a class
 * overlap the window (their lengths exceed 2^(c−1) − 1). With at most 56 classes, a window costs
 * O(log n + k) in the number k of answers (the last class, for open-ended events, is read with the
 * subtree maxima instead).
 *
 * The array of classes is copied on every change (56 pointers), so old states stay valid; empty
 * classes are `undefined`, so the shape still depends only on the items.
 *
 * @internal
 */
import * as Chunks from "./chunkTree.js"
import * as Scratch from "./scratch.js"
import { type Columns, compareItems, type Item, sortOrder } from "./timelineItem.js"

export const CLASSES = 56
const OPEN = CLASSES - 1

export type Index<E> = ReadonlyArray<Chunks.Tree<E>>

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

const withClass = <E>(index: Index<E>, c: number, tree: Chunks.Tree<E>): Index<E> => {
  const next = index.slice()
  next[c] = tree
  return next
}

/** Adds an item (replacing one with its key); `hash` is `hashString(item.id)` (see `timelineItem.ts`). */
export const insert = <E>(index: Index<E>, item: Item<E>, hash: number): Index<E> => {
  const c = classOf(item.earliest, item.latest)
  return withClass(index, c, Chunks.insert(index[c], item, hash))
}

export const remove = <E>(index: Index<E>, item: Item<E>): Index<E> => {
  const c = classOf(item.earliest, item.latest)
  const tree = Chunks.remove(index[c], item)
  return tree === index[c] ? index : withClass(index, c, tree)
}

export const size = (index: Index<unknown>): number => {
  let n = 0
  for (const t of index) n += Chunks.size(t)
  return n
}

/**
 * Builds the index of items with distinct ids, given with their columns, in O(n) after a radix
 * sort: the very index that inserting them one by one gives. One pass counts the items of each
 * class, a second lists each class's positions in sorted order, and each class's tree reads its
 * items from there.
 */
export const fromItems = <E>(items: ReadonlyArray<Item<E>>, columns: Columns): Index<E> => {
  const n = items.length
  const { earliest, latest, order } = sortOrder(items, columns)
  const classes = Scratch.uint8("index.classes", n)
  const offsets = new Int32Array(CLASSES + 1)
  for (let s = 0; s < n; s++) {
    const c = classOf(earliest[s]!, latest[s]!)
    classes[s] = c
    offsets[c + 1]!++
  }
  for (let c = 0; c < CLASSES; c++) offsets[c + 1]! += offsets[c]!
  const at = Scratch.int32("index.at", n)
  const next = offsets.slice(0, CLASSES)
  for (let s = 0; s < n; s++) at[next[classes[s]!]!++] = s
  const index = new Array<Chunks.Tree<E>>(CLASSES).fill(undefined)
  for (let c = 0; c < CLASSES; c++) {
    if (offsets[c + 1]! > offsets[c]!) {
      index[c] = Chunks.fromSorted(items, order, earliest, latest, columns.hashes, at.subarray(offsets[c]!, offsets[c + 1]!))
    }
  }
  return index
}

/**
 * The items whose [earliest, latest] meets [from, to], in `compareItems` order. Each class gives
 * the chunks that hold its candidates (see `Chunks.chunksIn`); a cursor per class walks them in
 * place, and the merge takes from the cursor whose next item comes first for as long as it stays
 * first (two items of different classes never share both earliest and latest, so the merge never
 * compares ids). Nothing is copied but the answers.
 */
export const overlapping = <E>(index: Index<E>, from: number, to: number): Array<Item<E>> => {
  const out: Array<Item<E>> = []
  const cursors: Array<Cursor<E>> = []
  for (let c = 0; c < CLASSES; c++) {
    const tree = index[c]
    if (tree === undefined || tree.max < from) continue
    const lo = c === OPEN ? -Infinity : from - (2 ** c - 1)
    const chunks: Array<Chunks.Node<E>> = []
    Chunks.chunksIn(tree, lo, to, from, chunks)
    const cursor: Cursor<E> = { chunks, lo, chunk: 0, item: 0, earliest: 0, latest: 0 }
    if (chunks.length > 0 && emit(cursor, from, to, -Infinity, -Infinity, out)) cursors.push(cursor)
  }
  let live = cursors.length
  while (live > 0) {
    // The cursor whose next item comes first, and the next item of the others.
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
    if (!emit(cursors[best]!, from, to, e2, l2, out)) cursors[best] = cursors[--live]!
  }
  return out
}

/** A place in one class's chunks, and the instants of the item there. */
interface Cursor<E> {
  readonly chunks: ReadonlyArray<Chunks.Node<E>>
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
const emit = <E>(cur: Cursor<E>, from: number, to: number, e2: number, l2: number, out: Array<Item<E>>): boolean => {
  const { chunks, lo } = cur
  let i = cur.item
  for (let ci = cur.chunk; ci < chunks.length; ci++, i = 0) {
    const chunk = chunks[ci]!
    const earliest = chunk.earliest
    const latest = chunk.latest
    for (; i < earliest.length; i++) {
      const e = earliest[i]!
      if (e > to) return false
      const l = latest[i]!
      if (e < lo || l < from) continue
      if (e > e2 || (e === e2 && l >= l2)) {
        cur.chunk = ci
        cur.item = i
        cur.earliest = e
        cur.latest = l
        return true
      }
      out.push(chunk.items[i]!)
    }
  }
  return false
}

const merge = <E>(a: Array<Item<E>>, b: Array<Item<E>>): Array<Item<E>> => {
  if (a.length === 0) return b
  if (b.length === 0) return a
  const out = new Array<Item<E>>(a.length + b.length)
  let i = 0
  let j = 0
  let k = 0
  while (i < a.length && j < b.length) out[k++] = compareItems(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!
  while (i < a.length) out[k++] = a[i++]!
  while (j < b.length) out[k++] = b[j++]!
  return out
}

/** Every item, in `compareItems` order. */
export const toArray = <E>(index: Index<E>): Array<Item<E>> => {
  let result: Array<Item<E>> = []
  for (const tree of index) if (tree !== undefined) result = merge(result, Chunks.toArray(tree))
  return result
}
