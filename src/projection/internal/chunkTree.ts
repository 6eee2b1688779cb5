/**
 * One length class of the timeline index (see `timelineIndex.ts`): a persistent B+ tree whose
 * leaves are chunks of rows in timeline order, kept as columns, and whose every node knows the
 * largest latest instant below it, so that a window skips whatever ends before it begins.
 *
 * Hand-made, because the kept trees missed the targets of bench/timeline-vs.ts (2026-12-01,
 * 2 cores; Effect 4 has no sorted map): the same chunks held in a `sorted-btree` B+ tree, which
 * knows nothing of interval ends, answered a window of 10 events in 3.5 µs against flatten-js's
 * 2.0 µs (1.75×, target ≤ 1×) and one of 95 events in 9.8 against 8.3 µs (1.18×). A tree node or
 * object per row costs more than the 100-byte budget alone (see `timelineIds.ts`). The id map,
 * which needs no interval ends, does use `sorted-btree`.
 *
 * Shape: leaves hold at most {@link MAX} rows, branches at most {@link FAN} children, with the
 * first key and the largest latest instant of each child beside it, so that a search or a change
 * reads no sibling. A change copies one leaf (or two, when one splits or joins a neighbour) and
 * the branches above it, with `toSpliced`; an older tree is never changed. Every array is packed
 * (see `leafOf`). Where leaves begin depends on the order of changes, so trees are compared by
 * their rows, never by their shape.
 *
 * @internal
 */
import { compareBounds, firstNotBefore } from "./order.js"
import type { Item } from "./timelineItem.js"

/** The most rows a leaf holds, the fewest it keeps before joining a neighbour, and a bulk build's fill. */
const MAX = 32
const MIN = 8
const FILL = 24
/** The most children a branch holds, the fewest it keeps before joining a neighbour, and a bulk build's fill. */
const FAN = 32
const FAN_MIN = 8
const FAN_FILL = 24

/** What orders rows: earliest, latest, id. */
export interface Key {
  readonly earliest: number
  readonly latest: number
  readonly id: string
}

/**
 * A leaf: the ids and events of its rows in timeline order, and the instants of the i-th row at
 * `4i` … `4i + 3` (earliest, latest possible start, earliest possible end, latest), side by side so
 * that a scan reads one stretch of memory. `uncertain` is undefined when no row's date is marked so.
 */
export interface Leaf<E = unknown> {
  readonly ids: ReadonlyArray<string>
  readonly events: ReadonlyArray<E>
  readonly bounds: ReadonlyArray<number>
  readonly uncertain: ReadonlyArray<boolean> | undefined
  readonly max: number
}

/**
 * A branch: its children, with the first key and the largest latest instant of each beside them
 * (so that a search or a change reads no sibling), and its own largest latest and number of rows.
 */
export interface Branch<E = unknown> {
  readonly children: ReadonlyArray<Tree<E>>
  /** For child k: its first row's earliest and latest instants, and its largest latest, at 3k … 3k + 2. */
  readonly keys: ReadonlyArray<number>
  /** For child k: its first row's id. */
  readonly ids: ReadonlyArray<string>
  readonly max: number
  readonly size: number
}

export type Tree<E = unknown> = Leaf<E> | Branch<E>

const isLeaf = <E>(t: Tree<E>): t is Leaf<E> => "bounds" in t

export const size = (t: Tree | undefined): number => (t === undefined ? 0 : isLeaf(t) ? t.ids.length : t.size)

// ---------------------------------------------------------------------------
// leaves
// ---------------------------------------------------------------------------

const leaf = <E>(ids: ReadonlyArray<string>, events: ReadonlyArray<E>, bounds: ReadonlyArray<number>, uncertain: ReadonlyArray<boolean> | undefined): Leaf<E> => {
  let max = -Infinity
  for (let i = 3; i < bounds.length; i += 4) if (bounds[i]! > max) max = bounds[i]!
  // Flags are kept only while some row is uncertain.
  return { ids, events, bounds, uncertain: uncertain !== undefined && uncertain.includes(true) ? uncertain : undefined, max }
}

const flags = (l: Leaf): ReadonlyArray<boolean> => l.uncertain ?? packedMap(l.ids, () => false)

/**
 * `f` of each element, in a packed array at its final length. `map` is not enough: once the
 * optimizing compiler inlines it, it allocates the result with room for holes, and `toSpliced`
 * copies such an array element by element (see `leafOf`); bulk-built leaves were holey that way.
 */
export const packedMap = <A, B>(xs: ReadonlyArray<A>, f: (a: A) => B): Array<B> => {
  const grown: Array<B> = []
  for (let i = 0; i < xs.length; i++) grown.push(f(xs[i]!))
  return grown.slice()
}

/** A leaf of the items `from` … `to − 1`, given in order. */
const leafOf = <E>(items: ReadonlyArray<Item<E>>, from: number, to: number): Leaf<E> => {
  // Every array is packed (no holes) and at its final length: the engine copies a packed array in
  // one go, but `toSpliced` on an array made with `new Array(n)` took 9.7 µs against 0.2 µs here,
  // and arrays grown by push keep spare room (`slice` of a packed array is packed).
  const rows = items.slice(from, to)
  const ids = packedMap(rows, (item) => item.id)
  const events = packedMap(rows, (item) => item.event)
  const uncertain = packedMap(rows, (item) => item.uncertain)
  const grown: Array<number> = []
  for (const item of rows) grown.push(item.earliest, item.startLatest, item.endEarliest, item.latest)
  const bounds = grown.slice()
  return leaf(ids, events, bounds, uncertain)
}

/** Compares the row at `i` of a leaf with a key. */
const vsRow = (l: Leaf, i: number, k: Key): number => compareBounds(l.bounds[4 * i]!, l.bounds[4 * i + 3]!, l.ids[i]!, k.earliest, k.latest, k.id)

/** The first row of a leaf that is not before `k`. */
const rowFor = (l: Leaf, k: Key): number => firstNotBefore(l.ids.length, (i) => vsRow(l, i, k) < 0)

// Copies with `toSpliced`, which copies in the engine: some four times faster here than a loop,
// and than `splice` on a copy (a slow path for arrays of numbers), measured on this machine.
const withRow = <E>(l: Leaf<E>, i: number, item: Item<E>, replace: boolean): Leaf<E> => {
  const cut = replace ? 1 : 0
  return leaf(
    l.ids.toSpliced(i, cut, item.id),
    l.events.toSpliced(i, cut, item.event),
    l.bounds.toSpliced(4 * i, 4 * cut, item.earliest, item.startLatest, item.endEarliest, item.latest),
    l.uncertain === undefined && !item.uncertain ? undefined : flags(l).toSpliced(i, cut, item.uncertain)
  )
}

const withoutRow = <E>(l: Leaf<E>, i: number): Leaf<E> =>
  leaf(l.ids.toSpliced(i, 1), l.events.toSpliced(i, 1), l.bounds.toSpliced(4 * i, 4), l.uncertain?.toSpliced(i, 1))

const sliceLeaf = <E>(l: Leaf<E>, from: number, to: number): Leaf<E> =>
  leaf(l.ids.slice(from, to), l.events.slice(from, to), l.bounds.slice(4 * from, 4 * to), l.uncertain?.slice(from, to))

const joinLeaves = <E>(a: Leaf<E>, b: Leaf<E>): Leaf<E> =>
  leaf(
    a.ids.concat(b.ids),
    a.events.concat(b.events),
    a.bounds.concat(b.bounds),
    a.uncertain === undefined && b.uncertain === undefined ? undefined : flags(a).concat(flags(b))
  )

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

// ---------------------------------------------------------------------------
// branches
// ---------------------------------------------------------------------------

/** The keys a branch keeps for a child (see `Branch.keys`). */
const keysOf = (t: Tree): ReadonlyArray<number> => (isLeaf(t) ? [t.bounds[0]!, t.bounds[3]!, t.max] : [t.keys[0]!, t.keys[1]!, t.max])

/** The largest of every third number from the third on: the largest latest of a branch's children. */
const maxOf = (keys: ReadonlyArray<number>): number => {
  let m = -Infinity
  for (let i = 2; i < keys.length; i += 3) if (keys[i]! > m) m = keys[i]!
  return m
}

/** A branch over these children (at least one), reading each. */
const branch = <E>(children: ReadonlyArray<Tree<E>>): Branch<E> => {
  // Packed and at its final length (`flatMap` leaves holes: see `leafOf`).
  const grown: Array<number> = []
  for (const c of children) grown.push(...keysOf(c))
  const keys = grown.slice()
  let count = 0
  for (const c of children) count += size(c)
  return { children, keys, ids: packedMap(children, (c) => c.ids[0]!), max: maxOf(keys), size: count }
}

/** A copy of a branch with `count` children from `k` on replaced by `nodes`, reading only those. */
const spliceBranch = <E>(b: Branch<E>, k: number, count: number, nodes: ReadonlyArray<Tree<E>>): Branch<E> => {
  if (count === 1 && nodes.length === 1) return replaceChild(b, k, nodes[0]!)
  let rows = b.size
  for (let j = k; j < k + count; j++) rows -= size(b.children[j])
  for (const node of nodes) rows += size(node)
  const keys = b.keys.toSpliced(3 * k, 3 * count, ...nodes.flatMap(keysOf))
  return {
    children: b.children.toSpliced(k, count, ...nodes),
    keys,
    ids: b.ids.toSpliced(k, count, ...nodes.map((t) => t.ids[0]!)),
    max: maxOf(keys),
    size: rows
  }
}

/**
 * A copy of a branch with child `k` replaced: the common change, made cheaply. The keys and ids
 * are shared with the old branch when the child keeps its first row and its largest latest
 * instant, as it does after most inserts and removals; only the children are copied.
 */
const replaceChild = <E>(b: Branch<E>, k: number, node: Tree<E>): Branch<E> => {
  const [earliest, latest, max] = keysOf(node)
  const id = node.ids[0]!
  const sameFirst = b.keys[3 * k] === earliest && b.keys[3 * k + 1] === latest && b.ids[k] === id
  const keys = sameFirst && b.keys[3 * k + 2] === max ? b.keys : b.keys.toSpliced(3 * k, 3, earliest!, latest!, max!)
  return {
    children: b.children.with(k, node),
    keys,
    ids: sameFirst ? b.ids : b.ids.with(k, id),
    max: keys === b.keys ? b.max : maxOf(keys),
    size: b.size - size(b.children[k]) + size(node)
  }
}

/** The child that holds `k` or would: the last whose first key is not after it, else the first. */
const childFor = (b: Branch, k: Key): number =>
  Math.max(0, firstNotBefore(b.children.length, (j) => compareBounds(b.keys[3 * j]!, b.keys[3 * j + 1]!, b.ids[j]!, k.earliest, k.latest, k.id) <= 0) - 1)

/** Splits an over-full node in halves; a node within bounds stays as it is. */
const splitIfFull = <E>(t: Tree<E>): ReadonlyArray<Tree<E>> => {
  if (isLeaf(t)) {
    const n = t.ids.length
    return n <= MAX ? [t] : [sliceLeaf(t, 0, n >>> 1), sliceLeaf(t, n >>> 1, n)]
  }
  const n = t.children.length
  return n <= FAN ? [t] : [branch(t.children.slice(0, n >>> 1)), branch(t.children.slice(n >>> 1))]
}

const isSmall = (t: Tree): boolean => (isLeaf(t) ? t.ids.length < MIN : t.children.length < FAN_MIN)

const join = <E>(a: Tree<E>, b: Tree<E>): Tree<E> =>
  isLeaf(a) ? joinLeaves(a, b as Leaf<E>) : branch((a as Branch<E>).children.concat((b as Branch<E>).children))

// ---------------------------------------------------------------------------
// changes
// ---------------------------------------------------------------------------

const insertIn = <E>(t: Tree<E>, item: Item<E>): ReadonlyArray<Tree<E>> => {
  if (isLeaf(t)) {
    const i = rowFor(t, item)
    return splitIfFull(withRow(t, i, item, i < t.ids.length && vsRow(t, i, item) === 0))
  }
  const k = childFor(t, item)
  return splitIfFull(spliceBranch(t, k, 1, insertIn(t.children[k]!, item)))
}

/** Adds an item, or replaces the item with its key. */
export const insert = <E>(t: Tree<E> | undefined, item: Item<E>): Tree<E> => {
  if (t === undefined) return leafOf([item], 0, 1)
  const parts = insertIn(t, item)
  return parts.length === 1 ? parts[0]! : branch(parts)
}

/** The node without the row of `k`: the same node when absent, undefined when nothing is left. */
const removeIn = <E>(t: Tree<E>, k: Key): Tree<E> | undefined => {
  if (isLeaf(t)) {
    const i = rowFor(t, k)
    if (i >= t.ids.length || vsRow(t, i, k) !== 0) return t
    return t.ids.length === 1 ? undefined : withoutRow(t, i)
  }
  const j = childFor(t, k)
  const child = t.children[j]!
  const next = removeIn(child, k)
  if (next === child) return t
  const n = t.children.length
  if (next === undefined) return n === 1 ? undefined : spliceBranch(t, j, 1, [])
  if (!isSmall(next) || n === 1) return spliceBranch(t, j, 1, [next])
  // Join a neighbour (the next one, or the one before for the last child), splitting again if too full.
  return j + 1 < n ? spliceBranch(t, j, 2, splitIfFull(join(next, t.children[j + 1]!))) : spliceBranch(t, j - 1, 2, splitIfFull(join(t.children[j - 1]!, next)))
}

/** Removes the row with this key, if present (the same tree when absent). */
export const remove = <E>(t: Tree<E> | undefined, k: Key): Tree<E> | undefined => {
  if (t === undefined) return undefined
  let next = removeIn(t, k)
  // A root branch left with one child gives way to it.
  while (next !== undefined && !isLeaf(next) && next.children.length === 1) next = next.children[0]!
  return next
}

/** The leaf and row of this key, if the tree holds it. */
export const find = <E>(t: Tree<E> | undefined, k: Key): { readonly leaf: Leaf<E>; readonly i: number } | undefined => {
  let node = t
  while (node !== undefined && !isLeaf(node)) node = node.children[childFor(node, k)]
  if (node === undefined) return undefined
  const i = rowFor(node, k)
  return i < node.ids.length && vsRow(node, i, k) === 0 ? { leaf: node, i } : undefined
}

/** The tree of items sorted in timeline order, no two with the same key. O(n). */
export const fromSorted = <E>(items: ReadonlyArray<Item<E>>): Tree<E> | undefined => {
  let level: Array<Tree<E>> = []
  for (let from = 0; from < items.length; from += FILL) level.push(leafOf(items, from, Math.min(from + FILL, items.length)))
  while (level.length > 1) {
    const up: Array<Tree<E>> = []
    for (let from = 0; from < level.length; from += FAN_FILL) up.push(branch(level.slice(from, from + FAN_FILL)))
    level = up
  }
  return level[0]
}

// ---------------------------------------------------------------------------
// reading
// ---------------------------------------------------------------------------

/**
 * Appends to `out`, in order, the leaves that may hold rows whose earliest instant lies in
 * [lo, hi] and whose latest is at least `min`: subtrees that end before `min`, or begin after
 * `hi`, or whose rows all begin before `lo`, are skipped. O(log n + leaves).
 */
export const leavesIn = <E>(t: Tree<E> | undefined, lo: number, hi: number, min: number, out: Array<Leaf<E>>): void => {
  if (t === undefined || t.max < min) return
  if (isLeaf(t)) {
    if (t.bounds[t.bounds.length - 4]! >= lo && t.bounds[0]! <= hi) out.push(t)
    return
  }
  const n = t.children.length
  const keys = t.keys
  // Every row of child k begins no later than the next child's first row, so the children before
  // the last one to begin before `lo` are skipped: the first child to read is found by bisection.
  let low = 0
  let high = n - 1
  while (low < high) {
    const mid = (low + high) >>> 1
    if (keys[3 * mid + 3]! < lo) low = mid + 1
    else high = mid
  }
  for (let k = low; k < n; k++) {
    if (keys[3 * k]! > hi) return
    if (keys[3 * k + 2]! >= min) leavesIn(t.children[k], lo, hi, min, out)
  }
}
