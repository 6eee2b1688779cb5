/**
 * Timeline items: an event with the ranges of its start and end instants, and the total order the
 * timeline keeps them in (earliest instant, then latest, then id), with a sort for large inputs.
 *
 * @internal
 */

import { compareBounds } from "./order.js"
import * as Scratch from "./scratch.js"

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

/**
 * Items as columns, read from the items in one pass: what a bulk build sorts and indexes by
 * without going back to the items. `keys` holds four numbers per item, side by side so that a
 * read in sorted order touches one cache line per item: earliest, latest, and two id prefixes
 * (`prefix` packs the id's first three UTF-16 units, `prefix2` the next three; missing units count
 * as 0, and equal prefixes fall back to comparing the ids), so that most ties between ids are
 * settled with numbers.
 *
 * The arrays are scratch (see `scratch.ts`): valid until the next call of `columnsOf`.
 */
export interface Columns {
  readonly hashes: Uint32Array
  /** Item `i`'s earliest, latest, prefix and prefix2 at `4i` … `4i + 3`. */
  readonly keys: Float64Array
}

const U = 65536
const KEYS = 4

export const columnsOf = (items: ReadonlyArray<Item>): Columns => {
  const n = items.length
  const hashes = Scratch.uint32("columns.hashes", n)
  const keys = Scratch.float64("columns.keys", KEYS * n)
  for (let i = 0; i < n; i++) {
    const item = items[i]!
    const id = item.id
    hashes[i] = hashString(id)
    const k = id.length
    const at = KEYS * i
    keys[at] = item.earliest
    keys[at + 1] = item.latest
    keys[at + 2] = ((k > 0 ? id.charCodeAt(0) : 0) * U + (k > 1 ? id.charCodeAt(1) : 0)) * U + (k > 2 ? id.charCodeAt(2) : 0)
    keys[at + 3] = ((k > 3 ? id.charCodeAt(3) : 0) * U + (k > 4 ? id.charCodeAt(4) : 0)) * U + (k > 5 ? id.charCodeAt(5) : 0)
  }
  return { hashes, keys }
}

/** The columns of the positions kept (`dropped[i] !== 1`). */
export const keepColumns = (c: Columns, dropped: Uint8Array): Columns => {
  const n = c.hashes.length
  const hashes = new Uint32Array(n)
  const keys = new Float64Array(c.keys.length)
  let w = 0
  for (let i = 0; i < n; i++) {
    if (dropped[i] === 1) continue
    hashes[w] = c.hashes[i]!
    for (let k = 0; k < KEYS; k++) keys[KEYS * w + k] = c.keys[KEYS * i + k]!
    w++
  }
  return { hashes: hashes.slice(0, w), keys: keys.slice(0, KEYS * w) }
}

const DIGIT = 13
const BUCKETS = 1 << DIGIT

/**
 * The permutation that sorts items, given as columns, by {@link compareItems}. An LSD radix sort
 * on `earliest` (as integer milliseconds, offset from the smallest finite value; 13-bit digits, as
 * many passes as the spread needs) orders the items, then each run of equal `earliest` is sorted
 * by the full order.
 */
export const sortOrder = (items: ReadonlyArray<Item>, c: Columns): Sorted => {
  const { keys } = c
  const n = items.length
  let min = Infinity
  let max = -Infinity
  for (let i = 0; i < n; i++) {
    const e = keys[KEYS * i]!
    if (Number.isFinite(e)) {
      if (e < min) min = e
      if (e > max) max = e
    }
  }
  // Order-preserving non-negative integers: -Infinity is 0, finite values start at 1, +Infinity last.
  const base = min <= max ? Math.floor(min) : 0
  const top = min <= max ? Math.floor(max) - base + 2 : 2
  let lo = Scratch.uint32("sort.lo", n)
  let hi = Scratch.uint32("sort.hi", n)
  for (let i = 0; i < n; i++) {
    const e = keys[KEYS * i]!
    const v = e === -Infinity ? 0 : e === Infinity ? top : Math.floor(e) - base + 1
    const h = Math.floor(v / 2 ** 32)
    hi[i] = h
    lo[i] = v - h * 2 ** 32
  }
  // Each pass moves positions with their keys, so that every read is sequential.
  let src = Scratch.int32("sort.src", n)
  let dst = Scratch.int32("sort.dst", n)
  let loTo = Scratch.uint32("sort.loTo", n)
  let hiTo = Scratch.uint32("sort.hiTo", n)
  for (let i = 0; i < n; i++) src[i] = i
  const count = new Int32Array(BUCKETS + 1)
  const digit = (l: number, h: number, shift: number): number =>
    (shift + DIGIT <= 32 ? l >>> shift : shift < 32 ? (l >>> shift) | (h << (32 - shift)) : h >>> (shift - 32)) & (BUCKETS - 1)
  for (let shift = 0; shift === 0 || 2 ** shift <= top; shift += DIGIT) {
    count.fill(0)
    for (let i = 0; i < n; i++) count[digit(lo[i]!, hi[i]!, shift) + 1]!++
    for (let b = 0; b < BUCKETS; b++) count[b + 1]! += count[b]!
    for (let i = 0; i < n; i++) {
      const l = lo[i]!
      const h = hi[i]!
      const at = count[digit(l, h, shift)]!++
      dst[at] = src[i]!
      loTo[at] = l
      hiTo[at] = h
    }
    const t = src
    src = dst
    dst = t
    const v = lo
    lo = loTo
    loTo = v
    const u = hi
    hi = hiTo
    hiTo = u
  }
  // The keys in sorted order (one cache line read per item), then runs of equal (whole) earliest
  // ordered by the full order.
  const sK = Scratch.float64("sort.keys", KEYS * n)
  for (let i = 0; i < n; i++) {
    const from = KEYS * src[i]!
    const to = KEYS * i
    sK[to] = keys[from]!
    sK[to + 1] = keys[from + 1]!
    sK[to + 2] = keys[from + 2]!
    sK[to + 3] = keys[from + 3]!
  }
  const full = (a: number, b: number): number => {
    const x = KEYS * a
    const y = KEYS * b
    if (sK[x] !== sK[y]) return sK[x]! < sK[y]! ? -1 : 1
    if (sK[x + 1] !== sK[y + 1]) return sK[x + 1]! < sK[y + 1]! ? -1 : 1
    if (sK[x + 2] !== sK[y + 2]) return sK[x + 2]! < sK[y + 2]! ? -1 : 1
    if (sK[x + 3] !== sK[y + 3]) return sK[x + 3]! < sK[y + 3]! ? -1 : 1
    const ia = items[src[a]!]!.id
    const ib = items[src[b]!]!.id
    return ia < ib ? -1 : ia > ib ? 1 : src[a]! - src[b]!
  }
  const local = Scratch.int32("sort.local", n)
  const out = Scratch.int32("sort.order", n)
  let mergeBuffer = new Int32Array(64)
  let rows = new Float64Array(KEYS * 64)
  let start = 0
  while (start < n) {
    const e = Math.floor(sK[KEYS * start]!)
    let end = start + 1
    while (end < n && Math.floor(sK[KEYS * end]!) === e) end++
    if (end - start === 1) out[start] = src[start]!
    else {
      const run = local.subarray(start, end)
      for (let i = start; i < end; i++) run[i - start] = i
      if (mergeBuffer.length < run.length) mergeBuffer = new Int32Array(run.length * 2)
      mergeSort(run, mergeBuffer, full)
      for (let i = start; i < end; i++) out[i] = src[run[i - start]!]!
      // The sorted keys follow the run's new order.
      if (rows.length < KEYS * run.length) rows = new Float64Array(KEYS * run.length * 2)
      rows.set(sK.subarray(KEYS * start, KEYS * end))
      for (let i = start; i < end; i++) {
        const from = KEYS * (run[i - start]! - start)
        const to = KEYS * i
        sK[to] = rows[from]!
        sK[to + 1] = rows[from + 1]!
        sK[to + 2] = rows[from + 2]!
        sK[to + 3] = rows[from + 3]!
      }
    }
    start = end
  }
  const sE = Scratch.float64("sort.earliest", n)
  const sL = Scratch.float64("sort.latest", n)
  for (let i = 0; i < n; i++) {
    sE[i] = sK[KEYS * i]!
    sL[i] = sK[KEYS * i + 1]!
  }
  return { order: out, earliest: sE, latest: sL }
}

/**
 * Sorts `xs` by `cmp` (a total order), using `buffer` (at least as long): insertion sort on short
 * stretches, then bottom-up merges. Written out here rather than `TypedArray.prototype.sort` with a
 * comparator, so that the comparator is inlined instead of called from the engine's builtin.
 */
const mergeSort = (xs: Int32Array, buffer: Int32Array, cmp: (a: number, b: number) => number): void => {
  const n = xs.length
  const RUN = 16
  for (let lo = 0; lo < n; lo += RUN) {
    const hi = Math.min(lo + RUN, n)
    for (let i = lo + 1; i < hi; i++) {
      const x = xs[i]!
      let j = i - 1
      while (j >= lo && cmp(xs[j]!, x) > 0) {
        xs[j + 1] = xs[j]!
        j--
      }
      xs[j + 1] = x
    }
  }
  let a = xs
  let b = buffer
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n)
      const hi = Math.min(lo + 2 * width, n)
      let i = lo
      let j = mid
      let k = lo
      while (i < mid && j < hi) b[k++] = cmp(a[i]!, a[j]!) <= 0 ? a[i++]! : a[j++]!
      while (i < mid) b[k++] = a[i++]!
      while (j < hi) b[k++] = a[j++]!
    }
    const t = a
    a = b
    b = t
  }
  if (a !== xs) xs.set(a.subarray(0, n))
}

/**
 * A sort's result: the permutation, and the earliest and latest instants in sorted order. The
 * arrays are scratch (see `scratch.ts`): valid until the next call of `sortOrder`.
 */
export interface Sorted {
  readonly order: Int32Array
  readonly earliest: Float64Array
  readonly latest: Float64Array
}

/** Sorts items by {@link compareItems}. */
export const sortItems = <E>(items: ReadonlyArray<Item<E>>): Array<Item<E>> => {
  const { order } = sortOrder(items, columnsOf(items))
  const out = new Array<Item<E>>(items.length)
  for (let i = 0; i < items.length; i++) out[i] = items[order[i]!]!
  return out
}

/** A 32-bit hash of an id (FNV-1a, then mixed): it places the id in the id map and the index's chunks. */
export const hashString = (s: string): number => {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}
