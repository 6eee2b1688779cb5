/**
 * Timeline items: an event with the ranges of its start and end instants, and the total order the
 * timeline keeps them in (earliest instant, then latest, then id), with a sort for large inputs.
 *
 * @internal
 */

/** One event as the index keeps it: its key, its start and end ranges, and the event itself. */
export interface Item<E = unknown> {
  readonly id: string
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

/** The order of items: earliest, then latest, then id. */
export const compareItems = (a: Item, b: Item): number =>
  a.earliest < b.earliest
    ? -1
    : a.earliest > b.earliest
      ? 1
      : a.latest < b.latest
        ? -1
        : a.latest > b.latest
          ? 1
          : a.id < b.id
            ? -1
            : a.id > b.id
              ? 1
              : 0

/**
 * Items as columns, read from the items in one pass: what a bulk build sorts and indexes by
 * without going back to the items. `prefix` packs an id's first three UTF-16 units and `prefix2`
 * the next three (missing units count as 0, and equal prefixes fall back to comparing the ids), so
 * that most ties between ids are settled with numbers.
 */
export interface Columns {
  readonly ids: Array<string>
  readonly earliest: Float64Array
  readonly latest: Float64Array
  readonly hashes: Uint32Array
  readonly prefix: Float64Array
  readonly prefix2: Float64Array
}

const U = 65536

export const columnsOf = (items: ReadonlyArray<Item>): Columns => {
  const n = items.length
  const ids = new Array<string>(n)
  const earliest = new Float64Array(n)
  const latest = new Float64Array(n)
  const hashes = new Uint32Array(n)
  const prefix = new Float64Array(n)
  const prefix2 = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    const item = items[i]!
    const id = item.id
    ids[i] = id
    earliest[i] = item.earliest
    latest[i] = item.latest
    hashes[i] = hashString(id)
    const k = id.length
    prefix[i] = ((k > 0 ? id.charCodeAt(0) : 0) * U + (k > 1 ? id.charCodeAt(1) : 0)) * U + (k > 2 ? id.charCodeAt(2) : 0)
    prefix2[i] = ((k > 3 ? id.charCodeAt(3) : 0) * U + (k > 4 ? id.charCodeAt(4) : 0)) * U + (k > 5 ? id.charCodeAt(5) : 0)
  }
  return { ids, earliest, latest, hashes, prefix, prefix2 }
}

/** The columns of the positions kept (`dropped[i] !== 1`). */
export const keepColumns = (c: Columns, dropped: Uint8Array): Columns => {
  const keep = (_: unknown, i: number) => dropped[i] !== 1
  return {
    ids: c.ids.filter(keep),
    earliest: c.earliest.filter(keep),
    latest: c.latest.filter(keep),
    hashes: c.hashes.filter(keep),
    prefix: c.prefix.filter(keep),
    prefix2: c.prefix2.filter(keep)
  }
}

const DIGIT = 13
const BUCKETS = 1 << DIGIT

/**
 * The permutation that sorts items, given as columns, by {@link compareItems}. An LSD radix sort
 * on `earliest` (as integer milliseconds, offset from the smallest finite value; 13-bit digits, as
 * many passes as the spread needs) orders the items, then each run of equal `earliest` is sorted
 * by the full order.
 */
export const sortOrder = (c: Columns): Sorted => {
  const { earliest, ids, latest, prefix, prefix2 } = c
  const n = earliest.length
  let min = Infinity
  let max = -Infinity
  for (let i = 0; i < n; i++) {
    const e = earliest[i]!
    if (Number.isFinite(e)) {
      if (e < min) min = e
      if (e > max) max = e
    }
  }
  // Order-preserving non-negative integers: -Infinity is 0, finite values start at 1, +Infinity last.
  const base = min <= max ? Math.floor(min) : 0
  const top = min <= max ? Math.floor(max) - base + 2 : 2
  let lo = new Uint32Array(n)
  let hi = new Uint32Array(n)
  for (let i = 0; i < n; i++) {
    const e = earliest[i]!
    const v = e === -Infinity ? 0 : e === Infinity ? top : Math.floor(e) - base + 1
    const h = Math.floor(v / 2 ** 32)
    hi[i] = h
    lo[i] = v - h * 2 ** 32
  }
  // Each pass moves positions with their keys, so that every read is sequential.
  let src = new Int32Array(n)
  let dst = new Int32Array(n)
  let loTo = new Uint32Array(n)
  let hiTo = new Uint32Array(n)
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
  // Runs of equal (whole) earliest: order by the full order, reading the columns in sorted order.
  const sE = new Float64Array(n)
  const sL = new Float64Array(n)
  const sP = new Float64Array(n)
  const sP2 = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    const j = src[i]!
    sE[i] = earliest[j]!
    sL[i] = latest[j]!
    sP[i] = prefix[j]!
    sP2[i] = prefix2[j]!
  }
  const full = (a: number, b: number): number => {
    if (sE[a] !== sE[b]) return sE[a]! < sE[b]! ? -1 : 1
    if (sL[a] !== sL[b]) return sL[a]! < sL[b]! ? -1 : 1
    if (sP[a] !== sP[b]) return sP[a]! < sP[b]! ? -1 : 1
    if (sP2[a] !== sP2[b]) return sP2[a]! < sP2[b]! ? -1 : 1
    const ia = ids[src[a]!]!
    const ib = ids[src[b]!]!
    return ia < ib ? -1 : ia > ib ? 1 : src[a]! - src[b]!
  }
  const local = new Int32Array(n)
  const out = new Int32Array(n)
  let start = 0
  while (start < n) {
    const e = Math.floor(sE[start]!)
    let end = start + 1
    while (end < n && Math.floor(sE[end]!) === e) end++
    if (end - start === 1) out[start] = src[start]!
    else {
      const run = local.subarray(start, end)
      for (let i = start; i < end; i++) run[i - start] = i
      run.sort(full)
      for (let i = start; i < end; i++) out[i] = src[run[i - start]!]!
      // The sorted columns follow the run's new order.
      const es = sE.slice(start, end)
      const ls = sL.slice(start, end)
      for (let i = start; i < end; i++) {
        sE[i] = es[run[i - start]! - start]!
        sL[i] = ls[run[i - start]! - start]!
      }
    }
    start = end
  }
  return { order: out, earliest: sE, latest: sL }
}

/** A sort's result: the permutation, and the earliest and latest instants in sorted order. */
export interface Sorted {
  readonly order: Int32Array
  readonly earliest: Float64Array
  readonly latest: Float64Array
}

/** Sorts items by {@link compareItems}. */
export const sortItems = <E>(items: ReadonlyArray<Item<E>>): Array<Item<E>> => {
  const { order } = sortOrder(columnsOf(items))
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
