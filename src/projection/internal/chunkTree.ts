/**
 * A persistent B+ tree of rows kept in leaves of columns, every node knowing the largest latest
 * instant below it: the shape of both halves of the timeline. Each length class of the index is
 * one (rows in timeline order, `timelineIndex.ts`), and so is the id map (rows by id, with no
 * instants to order by, `timelineIds.ts`). What a leaf's columns are is the caller's
 * {@link Layout}; this module places rows in leaves and leaves in branches.
 *
 * Hand-made, because the kept trees missed the targets of bench/timeline-vs.ts (2026-12-01,
 * 2 cores; Effect 4 has no sorted map): the same leaves held in a `sorted-btree` B+ tree, which
 * knows nothing of interval ends, answered a window of 10 events in 3.5 µs against flatten-js's
 * 2.0 µs (1.75×, target ≤ 1×) and of 95 events in 9.8 against 8.3 µs; as the id map, its
 * copy-on-write clone marks every child of each copied node, a write to each sibling. A tree node
 * or object per row costs more than the 100-byte budget alone (see `timelineIds.ts`).
 *
 * Shape: leaves hold at most {@link MAX} rows, branches at most {@link FAN} children, with the
 * first key of each child beside it (earliest, latest and largest latest in one array of numbers,
 * the id in another) so that a search or a change reads no sibling. A change copies one leaf (or
 * two, when one splits or joins a neighbour) and the branches above it; an older tree is never
 * changed. Where leaves begin depends on the order of changes, so trees are compared by their
 * rows, never by their shape.
 *
 * @internal
 */
import { compareBounds } from "./order.js"

/** The most rows a leaf holds, the fewest it keeps before joining a neighbour, and a bulk build's fill. */
const MAX = 32
const MIN = 8
const FILL = 24
/** The most children a branch holds, the fewest it keeps before joining a neighbour, and a bulk build's fill. */
const FAN = 16
const FAN_MIN = 4
const FAN_FILL = 12

/** What orders rows: earliest, latest, id (the id map's rows all have 0 and 0, so only the id counts). */
export interface Key {
  readonly earliest: number
  readonly latest: number
  readonly id: string
}

/** What every leaf has: the ids of its rows, and the largest latest instant among them. */
export interface LeafBase {
  readonly ids: ReadonlyArray<string>
  readonly max: number
}

/** How the rows `R` of one kind of tree are kept in leaves `L`. */
export interface Layout<R, L extends LeafBase> {
  /** The first row's earliest and latest instants (what orders it). */
  readonly firstEarliest: (leaf: L) => number
  readonly firstLatest: (leaf: L) => number
  /** Compares the row at `i` with a key: negative when the row comes first. */
  readonly vsRow: (leaf: L, i: number, k: Key) => number
  /** A leaf of the rows `from` … `to − 1`, given in order. */
  readonly fromRows: (rows: ReadonlyArray<R>, from: number, to: number) => L
  /** Copies with `cut` rows from `at` on replaced by `add` (none or one). */
  readonly splice: (leaf: L, at: number, cut: number, add: ReadonlyArray<R>) => L
  readonly slice: (leaf: L, from: number, to: number) => L
  readonly join: (a: L, b: L) => L
}

/**
 * A branch: its children, with the first key and the largest latest instant of each beside them
 * (so that a search or a change reads no sibling), and its own largest latest and number of rows.
 */
export interface Branch<L> {
  readonly children: ReadonlyArray<Tree<L>>
  /** For child k: its first row's earliest and latest instants, and its largest latest, at 3k … 3k + 2. */
  readonly keys: ReadonlyArray<number>
  /** For child k: its first row's id. */
  readonly ids: ReadonlyArray<string>
  readonly max: number
  readonly size: number
}

export type Tree<L> = L | Branch<L>

const isLeaf = <L extends LeafBase>(t: Tree<L>): t is L => !("children" in t)

export const size = <L extends LeafBase>(t: Tree<L> | undefined): number => (t === undefined ? 0 : isLeaf(t) ? t.ids.length : t.size)

/**
 * A copy of `xs` with `cut` elements from `at` on replaced by `add`. Written out, because the
 * engine's `splice` takes a slow path for arrays of numbers (1.5 µs against 0.6 µs here for a
 * leaf's instants, measured on this machine).
 */
export const spliceCopy = <T>(xs: ReadonlyArray<T>, at: number, cut: number, add: ReadonlyArray<T>): Array<T> => {
  const out = new Array<T>(xs.length - cut + add.length)
  let w = 0
  for (let r = 0; r < at; r++) out[w++] = xs[r]!
  for (let r = 0; r < add.length; r++) out[w++] = add[r]!
  for (let r = at + cut; r < xs.length; r++) out[w++] = xs[r]!
  return out
}

/** The first row of a leaf that is not before `k`. */
const rowFor = <R, L extends LeafBase>(layout: Layout<R, L>, l: L, k: Key): number => {
  let low = 0
  let high = l.ids.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if (layout.vsRow(l, mid, k) < 0) low = mid + 1
    else high = mid
  }
  return low
}

// ---------------------------------------------------------------------------
// branches
// ---------------------------------------------------------------------------

/** The keys a branch keeps for a child (see `Branch.keys`). */
const keysOf = <R, L extends LeafBase>(layout: Layout<R, L>, t: Tree<L>): ReadonlyArray<number> =>
  isLeaf(t) ? [layout.firstEarliest(t), layout.firstLatest(t), t.max] : [t.keys[0]!, t.keys[1]!, t.max]

/** The largest of every third number from the third on: the largest latest of a branch's children. */
const maxOf = (keys: ReadonlyArray<number>): number => {
  let m = -Infinity
  for (let i = 2; i < keys.length; i += 3) if (keys[i]! > m) m = keys[i]!
  return m
}

/** A branch over these children (at least one), reading each. */
const branch = <R, L extends LeafBase>(layout: Layout<R, L>, children: ReadonlyArray<Tree<L>>): Branch<L> => {
  const keys = children.flatMap((c) => keysOf(layout, c))
  let count = 0
  for (const c of children) count += size(c)
  return { children, keys, ids: children.map((c) => c.ids[0]!), max: maxOf(keys), size: count }
}

/** A copy of a branch with `count` children from `k` on replaced by `nodes`, reading only those. */
const spliceBranch = <R, L extends LeafBase>(layout: Layout<R, L>, b: Branch<L>, k: number, count: number, nodes: ReadonlyArray<Tree<L>>): Branch<L> => {
  let rows = b.size
  for (let j = k; j < k + count; j++) rows -= size(b.children[j])
  for (const node of nodes) rows += size(node)
  const keys = spliceCopy(b.keys, 3 * k, 3 * count, nodes.flatMap((t) => keysOf(layout, t)))
  return {
    children: spliceCopy(b.children, k, count, nodes),
    keys,
    ids: spliceCopy(b.ids, k, count, nodes.map((t) => t.ids[0]!)),
    max: maxOf(keys),
    size: rows
  }
}

/** The child that holds `k` or would: the last whose first key is not after it, else the first. */
const childFor = <L>(b: Branch<L>, k: Key): number => {
  // The first child whose first key is after `k`, less one.
  let low = 0
  let high = b.children.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if (compareBounds(b.keys[3 * mid]!, b.keys[3 * mid + 1]!, b.ids[mid]!, k.earliest, k.latest, k.id) <= 0) low = mid + 1
    else high = mid
  }
  return low === 0 ? 0 : low - 1
}

/** Splits an over-full node in halves; a node within bounds stays as it is. */
const fit = <R, L extends LeafBase>(layout: Layout<R, L>, t: Tree<L>): ReadonlyArray<Tree<L>> => {
  if (isLeaf(t)) {
    const n = t.ids.length
    return n <= MAX ? [t] : [layout.slice(t, 0, n >>> 1), layout.slice(t, n >>> 1, n)]
  }
  const n = t.children.length
  return n <= FAN ? [t] : [branch(layout, t.children.slice(0, n >>> 1)), branch(layout, t.children.slice(n >>> 1))]
}

const isSmall = <L extends LeafBase>(t: Tree<L>): boolean => (isLeaf(t) ? t.ids.length < MIN : t.children.length < FAN_MIN)

const join = <R, L extends LeafBase>(layout: Layout<R, L>, a: Tree<L>, b: Tree<L>): Tree<L> =>
  isLeaf(a) ? layout.join(a, b as L) : branch(layout, (a as Branch<L>).children.concat((b as Branch<L>).children))

// ---------------------------------------------------------------------------
// changes
// ---------------------------------------------------------------------------

const insertIn = <R, L extends LeafBase>(layout: Layout<R, L>, t: Tree<L>, row: R, k: Key): ReadonlyArray<Tree<L>> => {
  if (isLeaf(t)) {
    const i = rowFor(layout, t, k)
    return fit(layout, layout.splice(t, i, i < t.ids.length && layout.vsRow(t, i, k) === 0 ? 1 : 0, [row]))
  }
  const j = childFor(t, k)
  return fit(layout, spliceBranch(layout, t, j, 1, insertIn(layout, t.children[j]!, row, k)))
}

/** Adds a row with key `k`, or replaces the row with that key. */
export const insert = <R, L extends LeafBase>(layout: Layout<R, L>, t: Tree<L> | undefined, row: R, k: Key): Tree<L> => {
  if (t === undefined) return layout.fromRows([row], 0, 1)
  const parts = insertIn(layout, t, row, k)
  return parts.length === 1 ? parts[0]! : branch(layout, parts)
}

/** The node without the row of `k`: the same node when absent, undefined when nothing is left. */
const removeIn = <R, L extends LeafBase>(layout: Layout<R, L>, t: Tree<L>, k: Key): Tree<L> | undefined => {
  if (isLeaf(t)) {
    const i = rowFor(layout, t, k)
    if (i >= t.ids.length || layout.vsRow(t, i, k) !== 0) return t
    return t.ids.length === 1 ? undefined : layout.splice(t, i, 1, [])
  }
  const j = childFor(t, k)
  const child = t.children[j]!
  const next = removeIn(layout, child, k)
  if (next === child) return t
  const n = t.children.length
  if (next === undefined) return n === 1 ? undefined : spliceBranch(layout, t, j, 1, [])
  if (!isSmall(next) || n === 1) return spliceBranch(layout, t, j, 1, [next])
  // Join a neighbour (the next one, or the one before for the last child), splitting again if too full.
  return j + 1 < n
    ? spliceBranch(layout, t, j, 2, fit(layout, join(layout, next, t.children[j + 1]!)))
    : spliceBranch(layout, t, j - 1, 2, fit(layout, join(layout, t.children[j - 1]!, next)))
}

/** Removes the row with this key, if present (the same tree when absent). */
export const remove = <R, L extends LeafBase>(layout: Layout<R, L>, t: Tree<L> | undefined, k: Key): Tree<L> | undefined => {
  if (t === undefined) return undefined
  let next = removeIn(layout, t, k)
  // A root branch left with one child gives way to it.
  while (next !== undefined && !isLeaf(next) && next.children.length === 1) next = next.children[0]!
  return next
}

/** The leaf and row of this key, if the tree holds it. */
export const find = <R, L extends LeafBase>(layout: Layout<R, L>, t: Tree<L> | undefined, k: Key): { readonly leaf: L; readonly i: number } | undefined => {
  let node = t
  while (node !== undefined && !isLeaf(node)) node = node.children[childFor(node, k)]
  if (node === undefined) return undefined
  const i = rowFor(layout, node, k)
  return i < node.ids.length && layout.vsRow(node, i, k) === 0 ? { leaf: node, i } : undefined
}

/** The tree of rows given in order, no two with the same key. O(n). */
export const fromSorted = <R, L extends LeafBase>(layout: Layout<R, L>, rows: ReadonlyArray<R>): Tree<L> | undefined => {
  let level: Array<Tree<L>> = []
  for (let from = 0; from < rows.length; from += FILL) level.push(layout.fromRows(rows, from, Math.min(from + FILL, rows.length)))
  while (level.length > 1) {
    const up: Array<Tree<L>> = []
    for (let from = 0; from < level.length; from += FAN_FILL) up.push(branch(layout, level.slice(from, from + FAN_FILL)))
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
export const leavesIn = <L extends LeafBase>(t: Tree<L> | undefined, lo: number, hi: number, min: number, out: Array<L>): void => {
  if (t === undefined || t.max < min) return
  if (isLeaf(t)) {
    out.push(t)
    return
  }
  const n = t.children.length
  const keys = t.keys
  for (let k = 0; k < n; k++) {
    if (keys[3 * k]! > hi) return
    // Every row of child k begins no later than the next child's first row.
    if ((k + 1 < n && keys[3 * k + 3]! < lo) || keys[3 * k + 2]! < min) continue
    leavesIn(t.children[k], lo, hi, min, out)
  }
}

/** Calls `f` with each leaf in order. */
export const forEachLeaf = <L extends LeafBase>(t: Tree<L> | undefined, f: (l: L) => void): void => {
  if (t === undefined) return
  if (isLeaf(t)) f(t)
  else for (const c of t.children) forEachLeaf(c, f)
}
