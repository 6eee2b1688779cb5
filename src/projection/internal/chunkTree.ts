/**
 * A persistent sorted sequence of timeline items kept in small chunks, the chunks arranged in a
 * treap: one length class of the timeline index (see `timelineIndex.ts`).
 *
 * History independence: where the chunks begin and how the treap is shaped depend only on the
 * items held, never on the order they arrived in. A chunk begins at the first item and at every
 * "boundary" item (about one in {@link CHUNK}, chosen by a hash of its id); a chunk's treap
 * priority is another hash of its first item. So two sequences of equal items are structurally
 * equal (the projection laws compare states deeply).
 *
 * Costs: a change copies one or two chunks (about {@link CHUNK} entries each) and one or two treap
 * paths of O(log(n / CHUNK)) nodes; building from sorted items costs O(n) with few allocations;
 * reading a range scans whole chunks in place. Each chunk keeps its items' earliest and latest
 * instants in arrays beside them, and each node its first item's, so that searches and range
 * reads compare numbers and rarely touch the items; each node also keeps the largest latest
 * instant of its subtree, so that range reads skip subtrees that end too early.
 *
 * @internal
 */
import { insertAt, removeAt, replaceAt } from "./arrayCopy.js"
import { hashString, type Item } from "./timelineItem.js"
import { compareBounds, firstNotBefore } from "./order.js"

/** Expected chunk length: an item begins a chunk when its hash says so, with probability 1/CHUNK. */
export const CHUNK = 32

/** One chunk of items, as a treap node over the chunks. */
export interface Node<E> {
  readonly items: ReadonlyArray<Item<E>>
  readonly earliest: ReadonlyArray<number>
  readonly latest: ReadonlyArray<number>
  /** The first item and its instants (the chunk's key in the treap). */
  readonly first: Item<E>
  readonly firstEarliest: number
  readonly firstLatest: number
  readonly firstId: string
  /** The hash of the first item's id: whether it began the chunk by itself, and its priority. */
  readonly hash: number
  readonly priority: number
  /** The largest latest instant in this chunk, and in the whole subtree. */
  readonly own: number
  readonly max: number
  /** The number of items in the subtree. */
  readonly size: number
  readonly left: Node<E> | undefined
  readonly right: Node<E> | undefined
}

export type Tree<E> = Node<E> | undefined

const mix = (h: number, seed: number): number => {
  let x = Math.imul(h ^ seed, 0x85ebca6b)
  x ^= x >>> 13
  x = Math.imul(x, 0xc2b2ae35)
  x ^= x >>> 16
  return x >>> 0
}

/** Whether an item whose id hashes to `hash` begins a chunk. */
export const isBoundary = (hash: number): boolean => (mix(hash, 0x68e31da4) & (CHUNK - 1)) === 0

const priorityOf = (hash: number): number => mix(hash, 0x1b873593)

const maxOf = (xs: ReadonlyArray<number>): number => {
  let m = -Infinity
  for (let i = 0; i < xs.length; i++) if (xs[i]! > m) m = xs[i]!
  return m
}

const node = <E>(
  items: ReadonlyArray<Item<E>>,
  earliest: ReadonlyArray<number>,
  latest: ReadonlyArray<number>,
  hash: number,
  priority: number,
  own: number,
  left: Tree<E>,
  right: Tree<E>
): Node<E> => make(items, earliest, latest, items[0]!, earliest[0]!, latest[0]!, items[0]!.id, hash, priority, own, items.length, left, right)

const make = <E>(
  items: ReadonlyArray<Item<E>>,
  earliest: ReadonlyArray<number>,
  latest: ReadonlyArray<number>,
  first: Item<E>,
  firstEarliest: number,
  firstLatest: number,
  firstId: string,
  hash: number,
  priority: number,
  own: number,
  count: number,
  left: Tree<E>,
  right: Tree<E>
): Node<E> => {
  let max = own
  let size = count
  if (left !== undefined) {
    if (left.max > max) max = left.max
    size += left.size
  }
  if (right !== undefined) {
    if (right.max > max) max = right.max
    size += right.size
  }
  return { items, earliest, latest, first, firstEarliest, firstLatest, firstId, hash, priority, own, max, size, left, right }
}

// A node with new children: its chunk's fields are copied, so that its arrays are not read again.
const withChildren = <E>(n: Node<E>, left: Tree<E>, right: Tree<E>): Node<E> =>
  make(n.items, n.earliest, n.latest, n.first, n.firstEarliest, n.firstLatest, n.firstId, n.hash, n.priority, n.own, n.size - size(n.left) - size(n.right), left, right)

const chunk = <E>(items: ReadonlyArray<Item<E>>, earliest: ReadonlyArray<number>, latest: ReadonlyArray<number>, hash: number): Node<E> =>
  node(items, earliest, latest, hash, priorityOf(hash), maxOf(latest), undefined, undefined)

/** Compares an item with the first item of a chunk: earliest, latest, then id. */
const vsFirst = (x: Item, n: Node<unknown>): number => compareBounds(x.earliest, x.latest, x.id, n.firstEarliest, n.firstLatest, n.firstId)

/** Compares an item with the item at position `i` of a chunk. */
const vsAt = (x: Item, n: Node<unknown>, i: number): number => compareBounds(x.earliest, x.latest, x.id, n.earliest[i]!, n.latest[i]!, n.items[i]!.id)

/** The first position in the chunk whose item is not before `x`. */
const lowerBound = (x: Item, n: Node<unknown>): number => firstNotBefore(n.items.length, (i) => vsAt(x, n, i) > 0)

/** The last chunk whose first item is at or before `x` (`strict`: before it). */
const chunkAt = <E>(t: Tree<E>, x: Item, strict: boolean): Node<E> | undefined => {
  let found: Node<E> | undefined
  let n = t
  while (n !== undefined) {
    const c = vsFirst(x, n)
    if (c < 0 || (strict && c === 0)) n = n.left
    else {
      found = n
      if (c === 0) break
      n = n.right
    }
  }
  return found
}

const leftmost = <E>(t: Node<E>): Node<E> => {
  let n = t
  while (n.left !== undefined) n = n.left
  return n
}

/** Whether chunk `a` sits above chunk `b` in the heap: higher priority, ties by order. */
const above = (a: Node<unknown>, b: Node<unknown>): boolean => (a.priority !== b.priority ? a.priority > b.priority : vsFirst(a.first, b) < 0)

/** Replaces the contents of the chunk that begins with `first` (which stays first), copying one path. */
const replaceChunk = <E>(
  t: Node<E>,
  first: Item,
  items: ReadonlyArray<Item<E>>,
  earliest: ReadonlyArray<number>,
  latest: ReadonlyArray<number>
): Node<E> => {
  const go = (n: Node<E>): Node<E> => {
    const c = vsFirst(first, n)
    if (c === 0) return node(items, earliest, latest, n.hash, n.priority, maxOf(latest), n.left, n.right)
    return c < 0 ? withChildren(n, go(n.left!), n.right) : withChildren(n, n.left, go(n.right!))
  }
  return go(t)
}

/**
 * Like `replaceChunk` when the chunk gains `added` items none of which ends after `latestAdded`
 * (or keeps its size, with `added` 0): every node on the path knows its new size and maximum from
 * its own, so no sibling is read.
 */
const growChunk = <E>(
  t: Node<E>,
  first: Item,
  items: ReadonlyArray<Item<E>>,
  earliest: ReadonlyArray<number>,
  latest: ReadonlyArray<number>,
  added: number,
  latestAdded: number
): Node<E> => {
  const grown = (n: Node<E>, left: Tree<E>, right: Tree<E>, own: number, target: boolean): Node<E> => ({
    items: target ? items : n.items,
    earliest: target ? earliest : n.earliest,
    latest: target ? latest : n.latest,
    // A replaced first item keeps its key, but the node must hold the new one.
    first: target ? items[0]! : n.first,
    firstEarliest: n.firstEarliest,
    firstLatest: n.firstLatest,
    firstId: n.firstId,
    hash: n.hash,
    priority: n.priority,
    own,
    max: n.max > latestAdded ? n.max : latestAdded,
    size: n.size + added,
    left,
    right
  })
  const go = (n: Node<E>): Node<E> => {
    const c = vsFirst(first, n)
    if (c === 0) return grown(n, n.left, n.right, n.own > latestAdded ? n.own : latestAdded, true)
    return c < 0 ? grown(n, go(n.left!), n.right, n.own, false) : grown(n, n.left, go(n.right!), n.own, false)
  }
  return go(t)
}

const merge = <E>(a: Tree<E>, b: Tree<E>): Tree<E> => {
  if (a === undefined) return b
  if (b === undefined) return a
  return above(a, b) ? withChildren(a, a.left, merge(a.right, b)) : withChildren(b, merge(a, b.left), b.right)
}

/** Removes the chunk that begins with `first`, copying one path. */
const removeChunk = <E>(t: Node<E>, first: Item): Tree<E> => {
  const go = (n: Node<E>): Tree<E> => {
    const c = vsFirst(first, n)
    if (c === 0) return merge(n.left, n.right)
    return c < 0 ? withChildren(n, go(n.left!), n.right) : withChildren(n, n.left, go(n.right!))
  }
  return go(t)
}

/** Splits into the chunks that begin before `x` and the rest. */
const split = <E>(t: Tree<E>, x: Item): readonly [Tree<E>, Tree<E>] => {
  if (t === undefined) return [undefined, undefined]
  if (vsFirst(x, t) > 0) {
    const [l, r] = split(t.right, x)
    return [withChildren(t, t.left, l), r]
  }
  const [l, r] = split(t.left, x)
  return [l, withChildren(t, r, t.right)]
}

/** Inserts a new chunk (whose first item begins no chunk of the tree). */
const insertChunk = <E>(t: Tree<E>, c: Node<E>): Node<E> => {
  if (t === undefined) return c
  if (above(c, t)) {
    const [l, r] = split(t, c.first)
    return withChildren(c, l, r)
  }
  return vsFirst(c.first, t) < 0 ? withChildren(t, insertChunk(t.left, c), t.right) : withChildren(t, t.left, insertChunk(t.right, c))
}

/**
 * Inserts an item (its id hashed to `hash`), or replaces the item with its key (earliest, latest,
 * id). O(log n) expected.
 */
export const insert = <E>(t: Tree<E>, x: Item<E>, hash: number): Node<E> => {
  if (t === undefined) return chunk([x], [x.earliest], [x.latest], hash)
  const at = chunkAt(t, x, false)
  if (at === undefined) {
    // A new first item: it begins the first chunk, which it joins unless that chunk began at a boundary.
    const first = leftmost(t)
    if (isBoundary(first.hash)) return insertChunk(t, chunk([x], [x.earliest], [x.latest], hash))
    const joined = chunk(insertAt(first.items, 0, x), insertAt(first.earliest, 0, x.earliest), insertAt(first.latest, 0, x.latest), hash)
    return insertChunk(removeChunk(t, first.first), joined)
  }
  const i = lowerBound(x, at)
  if (i < at.items.length && vsAt(x, at, i) === 0) return growChunk(t, at.first, replaceAt(at.items, i, x), at.earliest, at.latest, 0, x.latest)
  if (!isBoundary(hash)) {
    return growChunk(t, at.first, insertAt(at.items, i, x), insertAt(at.earliest, i, x.earliest), insertAt(at.latest, i, x.latest), 1, x.latest)
  }
  // A boundary item splits its chunk: the items from it on form a new chunk.
  const kept = replaceChunk(t, at.first, at.items.slice(0, i), at.earliest.slice(0, i), at.latest.slice(0, i))
  const items = at.items.slice(i)
  const earliest = at.earliest.slice(i)
  const latest = at.latest.slice(i)
  items.unshift(x)
  earliest.unshift(x.earliest)
  latest.unshift(x.latest)
  return insertChunk(kept, chunk(items, earliest, latest, hash))
}

/** Removes the item with the key of `x`, if present. O(log n) expected. */
export const remove = <E>(t: Tree<E>, x: Item): Tree<E> => {
  const at = chunkAt(t, x, false)
  if (at === undefined) return t
  const i = lowerBound(x, at)
  if (i >= at.items.length || vsAt(x, at, i) !== 0) return t
  if (i > 0) return replaceChunk(t!, at.first, removeAt(at.items, i), removeAt(at.earliest, i), removeAt(at.latest, i))
  // The chunk's first item goes: the rest joins the chunk before, or begins the sequence.
  const items = at.items.slice(1)
  const earliest = at.earliest.slice(1)
  const latest = at.latest.slice(1)
  const before = chunkAt(t, x, true)
  const without = removeChunk(t!, at.first)
  if (before === undefined) return items.length === 0 ? without : insertChunk(without, chunk(items, earliest, latest, hashString(items[0]!.id)))
  return replaceChunk(without!, before.first, before.items.concat(items), before.earliest.concat(earliest), before.latest.concat(latest))
}

/**
 * Builds the tree of sorted items (no two equal) in O(n): the very tree that inserting them one by
 * one gives. The items are read in place from a bulk build's columns: the k-th item of the tree is
 * `items[order[at[k]]]`, with its instants at `earliest[at[k]]` and `latest[at[k]]` and its id's
 * hash at `hashes[order[at[k]]]`. Each chunk's arrays are filled once, at their final length.
 */
export const fromSorted = <E>(
  items: ReadonlyArray<Item<E>>,
  order: Int32Array,
  earliest: Float64Array,
  latest: Float64Array,
  hashes: Uint32Array,
  at: Int32Array
): Tree<E> => {
  const n = at.length
  if (n === 0) return undefined
  let m = 1
  for (let k = 1; k < n; k++) if (isBoundary(hashes[order[at[k]!]!]!)) m++
  const starts = new Int32Array(m + 1)
  const priority = new Float64Array(m)
  starts[0] = 0
  priority[0] = priorityOf(hashes[order[at[0]!]!]!)
  for (let k = 1, j = 1; k < n; k++) {
    const h = hashes[order[at[k]!]!]!
    if (isBoundary(h)) {
      starts[j] = k
      priority[j++] = priorityOf(h)
    }
  }
  starts[m] = n
  const { left, postOrder, right, root } = cartesianShape(priority)
  const built = new Array<Node<E>>(m)
  for (let q = m - 1; q >= 0; q--) {
    const j = postOrder[q]!
    const s = starts[j]!
    const len = starts[j + 1]! - s
    // Arrays made at their final length (no growth, no spare capacity) and filled in order.
    const its = new Array<Item<E>>(len)
    const es = new Array<number>(len)
    const ls = new Array<number>(len)
    let own = -Infinity
    for (let k = 0; k < len; k++) {
      const p = at[s + k]!
      its[k] = items[order[p]!]!
      es[k] = earliest[p]!
      const l = latest[p]!
      ls[k] = l
      if (l > own) own = l
    }
    const l = left[j]!
    const r = right[j]!
    built[j] = node(its, es, ls, hashes[order[at[s]!]!]!, priority[j]!, own, l >= 0 ? built[l] : undefined, r >= 0 ? built[r] : undefined)
  }
  return built[root]
}

/**
 * The shape of the Cartesian tree of `priority` (n >= 1) over positions 0..n-1 in order: each
 * position's left and right child (-1 for none), the root, and a post-order of the positions (read
 * it backwards to build children before parents). O(n), without recursion. On a tie the earlier
 * position is the parent, as inserting one by one would make it.
 */
const cartesianShape = (priority: Float64Array): {
  readonly left: Int32Array
  readonly right: Int32Array
  readonly root: number
  readonly postOrder: Int32Array
} => {
  const n = priority.length
  const left = new Int32Array(n).fill(-1)
  const right = new Int32Array(n).fill(-1)
  const stack = new Int32Array(n)
  let top = 0
  for (let i = 0; i < n; i++) {
    let last = -1
    // Pop nodes that must sit below i (i has the higher priority).
    while (top > 0 && priority[i]! > priority[stack[top - 1]!]!) last = stack[--top]!
    left[i] = last
    if (top > 0) right[stack[top - 1]!] = i
    stack[top++] = i
  }
  const root = stack[0]!
  const postOrder = new Int32Array(n)
  let count = 0
  top = 0
  stack[top++] = root
  while (top > 0) {
    const i = stack[--top]!
    postOrder[count++] = i
    if (left[i]! >= 0) stack[top++] = left[i]!
    if (right[i]! >= 0) stack[top++] = right[i]!
  }
  return { left, right, root, postOrder }
}

/** The number of items. */
export const size = (t: Tree<unknown>): number => (t === undefined ? 0 : t.size)

/** Every item in order. */
export const toArray = <E>(t: Tree<E>): Array<Item<E>> => {
  const out: Array<Item<E>> = []
  const stack: Array<Node<E>> = []
  let cur = t
  while (cur !== undefined || stack.length > 0) {
    while (cur !== undefined) {
      stack.push(cur)
      cur = cur.left
    }
    const n = stack.pop()!
    for (const v of n.items) out.push(v)
    cur = n.right
  }
  return out
}

/**
 * Appends to `out`, in order, the chunks that may hold items whose earliest instant lies in
 * [lo, hi] and whose latest is at least `min`: chunks whose items all end before `min` are skipped,
 * and so are subtrees that end before `min` or begin outside the range. O(log n + chunks). The
 * caller reads the chunks' `earliest` and `latest` arrays in place, so nothing is copied.
 */
export const chunksIn = <E>(t: Tree<E>, lo: number, hi: number, min: number, out: Array<Node<E>>): void => {
  if (t === undefined || t.max < min) return
  const first = t.firstEarliest
  // Everything left of this chunk begins at or before its first item.
  if (first >= lo) chunksIn(t.left, lo, hi, min, out)
  if (first > hi) return
  const earliest = t.earliest
  if (earliest[earliest.length - 1]! >= lo && t.own >= min) out.push(t)
  if (earliest[earliest.length - 1]! > hi) return
  chunksIn(t.right, lo, hi, min, out)
}
