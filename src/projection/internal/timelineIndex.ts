/**
 * The timeline index: one sorted sequence of chunks (`sortedChunks.ts`) per length class, rows in
 * timeline order. An item of finite length `len` (latest − earliest, in ms) goes to class `c`, the
 * least with `len <= 2^c − 1`; items with an infinite side go to the last class. A window
 * [from, to] then reads, in each class, only the rows that begin in [from − (2^c − 1), to]: a key
 * range, O(log n + scanned), and at least about half of the scanned rows of a class overlap the
 * window (their lengths exceed 2^(c−1) − 1). In the last class the rows that begin at −∞ come
 * first, ordered by their latest instant, and every other row there ends at +∞ (but for lengths
 * too large for a number), so the rows meeting a window are again one key range. With at most 56
 * classes, a window costs O(log n + k) in the number k of answers.
 *
 * A chunk keeps the ids, the events and the four instants of its rows in arrays, not an object per
 * row (see `sortedChunks.ts` for the memory this saves); an item is made again when a caller asks
 * for one. The array of classes is copied on every change (56 pointers), so old states stay valid.
 *
 * @internal
 */
import { compareBounds, firstNotBefore } from "./order.js"
import * as Chunks from "./sortedChunks.js"
import { type Item, sortItems } from "./timelineItem.js"

export const CLASSES = 56
const OPEN = CLASSES - 1

/** What orders rows: an item, or a place in the id map with its id. */
export interface Key {
  readonly earliest: number
  readonly latest: number
  readonly id: string
}

/**
 * A chunk: the ids and events of its rows in timeline order, and the instants of the i-th row at
 * `4i` … `4i + 3` (earliest, latest possible start, earliest possible end, latest), side by side so
 * that a scan reads one stretch of memory. `uncertain` is undefined when no row's date is marked so.
 */
export interface Chunk<E = unknown> {
  readonly ids: ReadonlyArray<string>
  readonly events: ReadonlyArray<E>
  readonly bounds: ReadonlyArray<number>
  readonly uncertain: ReadonlyArray<boolean> | undefined
}

/** One length class: its rows, and the largest earliest instant among them. */
interface Class<E> {
  readonly rows: Chunks.Sequence<Key, Chunk<E>>
  readonly last: number
}

export type Index<E> = ReadonlyArray<Class<E> | undefined>

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

const chunk = <E>(ids: ReadonlyArray<string>, events: ReadonlyArray<E>, bounds: ReadonlyArray<number>, uncertain: ReadonlyArray<boolean> | undefined): Chunk<E> => ({
  ids,
  events,
  bounds,
  // Kept only while some row is uncertain.
  uncertain: uncertain !== undefined && uncertain.includes(true) ? uncertain : undefined
})

const flags = (c: Chunk, n = c.ids.length): Array<boolean> => (c.uncertain === undefined ? new Array<boolean>(n).fill(false) : c.uncertain.slice())

/** Compares the row at `i` with a key. */
const vsRow = (c: Chunk, i: number, k: Key): number => compareBounds(c.bounds[4 * i]!, c.bounds[4 * i + 3]!, c.ids[i]!, k.earliest, k.latest, k.id)

const layout: Chunks.Layout<Key, Item, Chunk> = {
  compare: (a, b) => compareBounds(a.earliest, a.latest, a.id, b.earliest, b.latest, b.id),
  keyOfRow: (row) => row,
  keyAt: (c, i) => ({ earliest: c.bounds[4 * i]!, latest: c.bounds[4 * i + 3]!, id: c.ids[i]! }),
  size: (c) => c.ids.length,
  search: (c, k) => firstNotBefore(c.ids.length, (i) => vsRow(c, i, k) < 0),
  holds: (c, i, k) => vsRow(c, i, k) === 0,
  fromRows: (rows, from, to) => {
    const n = to - from
    const ids = new Array<string>(n)
    const events = new Array<unknown>(n)
    const bounds = new Array<number>(4 * n)
    let uncertain: Array<boolean> | undefined
    for (let k = 0; k < n; k++) {
      const row = rows[from + k]!
      ids[k] = row.id
      events[k] = row.event
      bounds[4 * k] = row.earliest
      bounds[4 * k + 1] = row.startLatest
      bounds[4 * k + 2] = row.endEarliest
      bounds[4 * k + 3] = row.latest
      if (row.uncertain) (uncertain ??= new Array<boolean>(n).fill(false))[k] = true
    }
    return { ids, events, bounds, uncertain }
  },
  insert: (c, i, row) => {
    const ids = c.ids.slice()
    ids.splice(i, 0, row.id)
    const events = c.events.slice()
    events.splice(i, 0, row.event)
    const bounds = c.bounds.slice()
    bounds.splice(4 * i, 0, row.earliest, row.startLatest, row.endEarliest, row.latest)
    const uncertain = c.uncertain === undefined && !row.uncertain ? undefined : flags(c)
    uncertain?.splice(i, 0, row.uncertain)
    return chunk(ids, events, bounds, uncertain)
  },
  replace: (c, i, row) => {
    const events = c.events.slice()
    events[i] = row.event
    const bounds = c.bounds.slice()
    bounds[4 * i + 1] = row.startLatest
    bounds[4 * i + 2] = row.endEarliest
    const uncertain = c.uncertain === undefined && !row.uncertain ? undefined : flags(c)
    if (uncertain !== undefined) uncertain[i] = row.uncertain
    return chunk(c.ids, events, bounds, uncertain)
  },
  remove: (c, i) => {
    const ids = c.ids.slice()
    ids.splice(i, 1)
    const events = c.events.slice()
    events.splice(i, 1)
    const bounds = c.bounds.slice()
    bounds.splice(4 * i, 4)
    const uncertain = c.uncertain?.slice()
    uncertain?.splice(i, 1)
    return chunk(ids, events, bounds, uncertain)
  },
  slice: (c, from, to) => chunk(c.ids.slice(from, to), c.events.slice(from, to), c.bounds.slice(4 * from, 4 * to), c.uncertain?.slice(from, to)),
  concat: (a, b) =>
    chunk(
      a.ids.concat(b.ids),
      a.events.concat(b.events),
      a.bounds.concat(b.bounds),
      a.uncertain === undefined && b.uncertain === undefined ? undefined : flags(a).concat(flags(b))
    )
}

/** The item at row `i` of a chunk. */
export const itemAt = <E>(c: Chunk<E>, i: number): Item<E> => ({
  id: c.ids[i]! as Item<E>["id"],
  earliest: c.bounds[4 * i]!,
  startLatest: c.bounds[4 * i + 1]!,
  endEarliest: c.bounds[4 * i + 2]!,
  latest: c.bounds[4 * i + 3]!,
  uncertain: c.uncertain?.[i] === true,
  event: c.events[i]!
})

const lastEarliest = <E>(rows: Chunks.Sequence<Key, Chunk<E>>): number => {
  const c = rows.tree.get(rows.tree.maxKey()!)!
  return c.bounds[4 * (c.ids.length - 1)]!
}

const withClass = <E>(index: Index<E>, c: number, cls: Class<E> | undefined): Index<E> => {
  const next = index.slice()
  next[c] = cls
  return next
}

/** Adds an item (replacing one with its key). */
export const insert = <E>(index: Index<E>, item: Item<E>): Index<E> => {
  const c = classOf(item.earliest, item.latest)
  const cls = index[c]
  if (cls === undefined) return withClass(index, c, { rows: Chunks.fromSorted(layout, [item]) as Class<E>["rows"], last: item.earliest })
  const rows = Chunks.insert(layout, cls.rows, item) as Class<E>["rows"]
  return withClass(index, c, { rows, last: item.earliest > cls.last ? item.earliest : cls.last })
}

/** Removes the item with this key, if present. */
export const remove = <E>(index: Index<E>, key: Key): Index<E> => {
  const c = classOf(key.earliest, key.latest)
  const cls = index[c]
  if (cls === undefined) return index
  const rows = Chunks.remove(layout, cls.rows, key) as Class<E>["rows"]
  if (rows === cls.rows) return index
  if (rows.size === 0) return withClass(index, c, undefined)
  return withClass(index, c, { rows, last: key.earliest === cls.last ? lastEarliest(rows) : cls.last })
}

/** The item with this key, if present. */
export const get = <E>(index: Index<E>, key: Key): Item<E> | undefined => {
  const cls = index[classOf(key.earliest, key.latest)]
  const at = cls === undefined ? undefined : Chunks.find(layout, cls.rows, key)
  return at === undefined ? undefined : itemAt(at.chunk as Chunk<E>, at.i)
}

export const size = (index: Index<unknown>): number => {
  let n = 0
  for (const cls of index) if (cls !== undefined) n += cls.rows.size
  return n
}

/** The index of items with distinct ids: one sort, then each class built from its run in order. */
export const fromItems = <E>(items: ReadonlyArray<Item<E>>): Index<E> => {
  const byClass = new Array<Array<Item<E>>>(CLASSES)
  for (const item of sortItems(items)) (byClass[classOf(item.earliest, item.latest)] ??= []).push(item)
  const index = new Array<Class<E> | undefined>(CLASSES).fill(undefined)
  for (let c = 0; c < CLASSES; c++) {
    const run = byClass[c]
    if (run !== undefined) index[c] = { rows: Chunks.fromSorted(layout, run) as Class<E>["rows"], last: run[run.length - 1]!.earliest }
  }
  return index
}

/**
 * What `make` gives for each row whose [earliest, latest] meets [from, to], in timeline order.
 * Each class gives the chunks that hold its candidates; a cursor per class walks them in place,
 * and the merge takes from the cursor whose next row comes first for as long as it stays first
 * (two rows of different classes never share both earliest and latest, so the merge never
 * compares ids). Nothing is copied but the answers.
 */
export const scan = <E, T>(index: Index<E>, from: number, to: number, make: (chunk: Chunk<E>, i: number) => T): Array<T> => {
  const out: Array<T> = []
  const cursors: Array<Cursor<E>> = []
  for (let c = 0; c < CLASSES; c++) {
    const cls = index[c]
    if (cls === undefined) continue
    const lo = c === OPEN ? -Infinity : from - (2 ** c - 1)
    if (cls.last < lo) continue
    const chunks: Array<Chunk<E>> = []
    const start: Key = c === OPEN ? { earliest: -Infinity, latest: from, id: "" } : { earliest: lo, latest: -Infinity, id: "" }
    Chunks.chunksFrom(cls.rows, start, (chunk) => chunk.bounds[0]! > to, chunks)
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
  readonly chunks: ReadonlyArray<Chunk<E>>
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
const emit = <E, T>(cur: Cursor<E>, from: number, to: number, e2: number, l2: number, make: (chunk: Chunk<E>, i: number) => T, out: Array<T>): boolean => {
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
