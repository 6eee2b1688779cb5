/**
 * A persistent treap of timeline items ordered by (earliest, latest, id), augmented with the
 * largest `latest` of each subtree so that window queries can skip subtrees that end too early.
 *
 * Priorities come from a hash of the id, so the shape of the tree depends only on the set of
 * items, never on the order they were inserted in: two timelines holding the same events are
 * structurally equal (the projection laws compare states deeply). Insert and delete copy one
 * path, O(log n) expected; a sorted array is built in O(n) with a stack.
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

/** A tree node; `undefined` is the empty tree. */
export interface Node<E = unknown> {
  readonly item: Item<E>
  readonly priority: number
  readonly left: Node<E> | undefined
  readonly right: Node<E> | undefined
  readonly maxLatest: number
  readonly size: number
}

export type Tree<E = unknown> = Node<E> | undefined

/** FNV-1a of the id, mixed: a deterministic priority. */
export const priorityOf = (id: string): number => {
  let h = 0x811c9dc5
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  return h >>> 0
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

/** Whether node `a` sits above node `b` in the heap: higher priority, ties by key. */
const above = (pa: number, a: Item, pb: number, b: Item): boolean => (pa !== pb ? pa > pb : compareItems(a, b) < 0)

const node = <E>(item: Item<E>, priority: number, left: Tree<E>, right: Tree<E>): Node<E> => {
  let maxLatest = item.latest
  let size = 1
  if (left !== undefined) {
    if (left.maxLatest > maxLatest) maxLatest = left.maxLatest
    size += left.size
  }
  if (right !== undefined) {
    if (right.maxLatest > maxLatest) maxLatest = right.maxLatest
    size += right.size
  }
  return { item, priority, left, right, maxLatest, size }
}

/** Splits into items ordered before `key` and items at or after it. */
const split = <E>(t: Tree<E>, key: Item): readonly [Tree<E>, Tree<E>] => {
  if (t === undefined) return [undefined, undefined]
  if (compareItems(t.item, key) < 0) {
    const [l, r] = split(t.right, key)
    return [node(t.item, t.priority, t.left, l), r]
  }
  const [l, r] = split(t.left, key)
  return [l, node(t.item, t.priority, r, t.right)]
}

const merge = <E>(a: Tree<E>, b: Tree<E>): Tree<E> => {
  if (a === undefined) return b
  if (b === undefined) return a
  if (above(a.priority, a.item, b.priority, b.item)) return node(a.item, a.priority, a.left, merge(a.right, b))
  return node(b.item, b.priority, merge(a, b.left), b.right)
}

/** Inserts an item whose key is not in the tree. */
export const insert = <E>(t: Tree<E>, item: Item<E>): Node<E> => {
  const priority = priorityOf(item.id)
  const go = (n: Tree<E>): Node<E> => {
    if (n === undefined) return node(item, priority, undefined, undefined)
    if (above(priority, item, n.priority, n.item)) {
      const [l, r] = split(n, item)
      return node(item, priority, l, r)
    }
    return compareItems(item, n.item) < 0
      ? node(n.item, n.priority, go(n.left), n.right)
      : node(n.item, n.priority, n.left, go(n.right))
  }
  return go(t)
}

/** Removes the item with the key of `item`, if present. */
export const remove = <E>(t: Tree<E>, item: Item): Tree<E> => {
  if (t === undefined) return undefined
  const c = compareItems(item, t.item)
  if (c === 0) return merge(t.left, t.right)
  if (c < 0) {
    const left = remove(t.left, item)
    return left === t.left ? t : node(t.item, t.priority, left, t.right)
  }
  const right = remove(t.right, item)
  return right === t.right ? t : node(t.item, t.priority, t.left, right)
}

/**
 * The shape of the Cartesian tree of `priority` (n >= 1) over positions 0..n-1 in order: each
 * position's left and right child (-1 for none), the root, and a post-order of the positions (read
 * it backwards to build children before parents). O(n), without recursion: a treap is deep only
 * with vanishing probability, but a stack keeps it safe anyway. On a tie the earlier position is
 * the parent, as inserting one by one would make it.
 */
export const cartesianShape = (priority: Float64Array): {
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

/**
 * Builds the tree of items already sorted by {@link compareItems} (no duplicate keys), in O(n):
 * the Cartesian tree of their priorities, then the subtree fields bottom-up. It gives the very
 * tree that inserting them one by one would.
 */
export const fromSorted = <E>(items: ReadonlyArray<Item<E>>): Tree<E> => {
  const n = items.length
  if (n === 0) return undefined
  const priority = new Float64Array(n)
  for (let i = 0; i < n; i++) priority[i] = priorityOf(items[i]!.id)
  const { left, postOrder: order, right, root } = cartesianShape(priority)
  const built = new Array<Node<E> | undefined>(n)
  for (let k = n - 1; k >= 0; k--) {
    const i = order[k]!
    const l = left[i]! >= 0 ? built[left[i]!] : undefined
    const r = right[i]! >= 0 ? built[right[i]!] : undefined
    built[i] = node(items[i]!, priority[i]!, l, r)
  }
  return built[root]
}

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
    out.push(n.item)
    cur = n.right
  }
  return out
}

/**
 * Calls `f` on every item whose [earliest, latest] meets [from, to], in order. Subtrees whose
 * largest `latest` is before `from` are skipped, and nothing right of a node starting after `to`
 * is visited.
 */
export const forEachOverlapping = <E>(t: Tree<E>, from: number, to: number, f: (item: Item<E>) => void): void => {
  const go = (n: Tree<E>): void => {
    if (n === undefined || n.maxLatest < from) return
    go(n.left)
    if (n.item.earliest > to) return
    if (n.item.latest >= from) f(n.item)
    go(n.right)
  }
  go(t)
}

/** Number of items. */
export const size = (t: Tree): number => (t === undefined ? 0 : t.size)

const TWO32 = 2 ** 32

/**
 * Sorts items by {@link compareItems}. Large inputs are sorted by `earliest` with an LSD radix
 * sort on the integer milliseconds (four passes), then each run of equal `earliest` by the full
 * order; small inputs use the built-in sort.
 */
export const sortItems = <E>(items: ReadonlyArray<Item<E>>): Array<Item<E>> => {
  const n = items.length
  if (n < 2048) return [...items].sort(compareItems)
  const lo = new Uint32Array(n)
  const hi = new Uint32Array(n)
  for (let i = 0; i < n; i++) {
    const e = items[i]!.earliest
    // Order-preserving non-negative integer: every finite bound lies well inside ±2^52.
    const v = e === -Infinity ? 0 : e === Infinity ? 2 ** 53 - 1 : Math.floor(e) + 2 ** 52
    const h = Math.floor(v / TWO32)
    hi[i] = h
    lo[i] = v - h * TWO32
  }
  let src = new Int32Array(n)
  let dst = new Int32Array(n)
  for (let i = 0; i < n; i++) src[i] = i
  const pass = (digit: (i: number) => number, buckets: number) => {
    const count = new Int32Array(buckets + 1)
    for (let i = 0; i < n; i++) count[digit(src[i]!) + 1]!++
    for (let b = 0; b < buckets; b++) count[b + 1]! += count[b]!
    for (let i = 0; i < n; i++) {
      const j = src[i]!
      dst[count[digit(j)]!++] = j
    }
    const t = src
    src = dst
    dst = t
  }
  pass((i) => lo[i]! & 0xffff, 0x10000)
  pass((i) => lo[i]! >>> 16, 0x10000)
  pass((i) => hi[i]! & 0x7ff, 0x800)
  pass((i) => hi[i]! >>> 11, 0x800)
  const out = new Array<Item<E>>(n)
  for (let i = 0; i < n; i++) out[i] = items[src[i]!]!
  // Runs of equal earliest: order by latest, then id.
  let start = 0
  while (start < n) {
    let end = start + 1
    const e = out[start]!.earliest
    while (end < n && out[end]!.earliest === e) end++
    if (end - start > 1) {
      if (end - start <= 16) {
        for (let i = start + 1; i < end; i++) {
          const x = out[i]!
          let j = i - 1
          while (j >= start && compareItems(out[j]!, x) > 0) {
            out[j + 1] = out[j]!
            j--
          }
          out[j + 1] = x
        }
      } else {
        const run = out.slice(start, end).sort(compareItems)
        for (let i = 0; i < run.length; i++) out[start + i] = run[i]!
      }
    }
    start = end
  }
  return out
}
