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
import { compareBounds } from "./order.js"
import { type Item, sortByIdsToTimeline } from "./timelineItem.js"

export const CLASSES = 56
const OPEN = CLASSES - 1

export type Key = Tree.Key

/**
 * A leaf: the ids and events of its rows in timeline order, and the instants of the i-th row at
 * `4i` … `4i + 3` (earliest, latest possible start, earliest possible end, latest), side by side so
 * that a scan reads one stretch of memory. `uncertain` is undefined when no row's date is marked so.
 */
export interface Leaf<E = unknown> extends Tree.LeafBase {
  readonly events: ReadonlyArray<E>
  readonly bounds: ReadonlyArray<number>
  readonly uncertain: ReadonlyArray<boolean> | undefined
}

export type Index<E> = ReadonlyArray<Tree.Tree<Leaf<E>> | undefined>

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

const leaf = <E>(ids: ReadonlyArray<string>, events: ReadonlyArray<E>, bounds: ReadonlyArray<number>, uncertain: ReadonlyArray<boolean> | undefined): Leaf<E> => {
  let max = -Infinity
  for (let i = 3; i < bounds.length; i += 4) if (bounds[i]! > max) max = bounds[i]!
  // Flags are kept only while some row is uncertain.
  return { ids, events, bounds, uncertain: uncertain !== undefined && uncertain.includes(true) ? uncertain : undefined, max }
}

const flags = (l: Leaf): ReadonlyArray<boolean> => l.uncertain ?? l.ids.map(() => false)

/** How the index keeps its rows: see {@link Leaf}. */
const layout: Tree.Layout<Item, Leaf> = {
  firstEarliest: (l) => l.bounds[0]!,
  firstLatest: (l) => l.bounds[3]!,
  vsRow: (l, i, k) => compareBounds(l.bounds[4 * i]!, l.bounds[4 * i + 3]!, l.ids[i]!, k.earliest, k.latest, k.id),
  fromRows: (items, from, to) => {
    // Made at their final length: arrays grown by push keep spare room, some 10 bytes a row.
    const n = to - from
    const ids = new Array<string>(n)
    const events = new Array<unknown>(n)
    const bounds = new Array<number>(4 * n)
    const uncertain = new Array<boolean>(n)
    for (let k = 0; k < n; k++) {
      const item = items[from + k]!
      ids[k] = item.id
      events[k] = item.event
      bounds[4 * k] = item.earliest
      bounds[4 * k + 1] = item.startLatest
      bounds[4 * k + 2] = item.endEarliest
      bounds[4 * k + 3] = item.latest
      uncertain[k] = item.uncertain
    }
    return leaf(ids, events, bounds, uncertain)
  },
  splice: (l, at, cut, add) =>
    leaf(
      Tree.spliceCopy(l.ids, at, cut, add.map((item) => item.id)),
      Tree.spliceCopy(l.events, at, cut, add.map((item) => item.event)),
      Tree.spliceCopy(l.bounds, 4 * at, 4 * cut, add.flatMap((item) => [item.earliest, item.startLatest, item.endEarliest, item.latest])),
      l.uncertain === undefined && !add.some((item) => item.uncertain) ? undefined : Tree.spliceCopy(flags(l), at, cut, add.map((item) => item.uncertain))
    ),
  slice: (l, from, to) => leaf(l.ids.slice(from, to), l.events.slice(from, to), l.bounds.slice(4 * from, 4 * to), l.uncertain?.slice(from, to)),
  join: (a, b) =>
    leaf(
      a.ids.concat(b.ids),
      a.events.concat(b.events),
      a.bounds.concat(b.bounds),
      a.uncertain === undefined && b.uncertain === undefined ? undefined : flags(a).concat(flags(b))
    )
}

/** The item at row `i` of a leaf. */
export const itemAt = <E>(l: Leaf<E>, i: number): Item<E> => ({
  id: l.ids[i]! as Item<E>["id"],
  earliest: l.bounds[4 * i]!,
  startLatest: l.bounds[4 * i + 1]!,
  endEarliest: l.bounds[4 * i + 2]!,
  latest: l.bounds[4 * i + 3]!,
  uncertain: l.uncertain?.[i] === true,
  event: l.events[i]!
})

const withClass = <E>(index: Index<E>, c: number, tree: Tree.Tree<Leaf<E>> | undefined): Index<E> => {
  const next = index.slice()
  next[c] = tree
  return next
}

/** Adds an item (replacing one with its key). */
export const insert = <E>(index: Index<E>, item: Item<E>): Index<E> => {
  const c = classOf(item.earliest, item.latest)
  return withClass(index, c, Tree.insert(layout, index[c], item, item) as Tree.Tree<Leaf<E>>)
}

/** Removes the item with this key, if present. */
export const remove = <E>(index: Index<E>, key: Key): Index<E> => {
  const c = classOf(key.earliest, key.latest)
  const tree = Tree.remove(layout, index[c], key) as Tree.Tree<Leaf<E>> | undefined
  return tree === index[c] ? index : withClass(index, c, tree)
}

/** The item with this key, if present. */
export const get = <E>(index: Index<E>, key: Key): Item<E> | undefined => {
  const at = Tree.find(layout, index[classOf(key.earliest, key.latest)], key)
  return at === undefined ? undefined : itemAt(at.leaf as Leaf<E>, at.i)
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
  const index = new Array<Tree.Tree<Leaf<E>> | undefined>(CLASSES).fill(undefined)
  for (let c = 0; c < CLASSES; c++) if (byClass[c] !== undefined) index[c] = Tree.fromSorted(layout, byClass[c]!) as Tree.Tree<Leaf<E>>
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
export const overlapping = <E>(index: Index<E>, from: number, to: number): Array<Item<E>> => scan(index, from, to, itemAt)

/** Every item, in timeline order. */
export const toArray = <E>(index: Index<E>): Array<Item<E>> => scan(index, -Infinity, Infinity, itemAt)
