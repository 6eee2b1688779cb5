/**
 * A persistent map from event id to index item: a treap ordered by (hash of id, id), with a second
 * hash as priority. Like the index, its shape depends only on its contents, so equal timelines are
 * structurally equal however they were built; get, set and delete cost O(log n) expected, and a
 * bulk build costs one numeric sort.
 *
 * @internal
 */
import { cartesianShape } from "./timelineTree.js"

export interface IdNode<V> {
  readonly key: number
  readonly id: string
  readonly priority: number
  readonly value: V
  readonly left: IdNode<V> | undefined
  readonly right: IdNode<V> | undefined
}

export type IdMap<V> = IdNode<V> | undefined

const hash = (s: string, seed: number): number => {
  let h = seed
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  h ^= h >>> 15
  h = Math.imul(h, 0x2c1b3c6d)
  h ^= h >>> 12
  h = Math.imul(h, 0x297a2d39)
  h ^= h >>> 15
  return h >>> 0
}

const keyOf = (id: string): number => hash(id, 0x811c9dc5)
const priorityOf = (id: string): number => hash(id, 0x1b873593)

const cmp = (k1: number, id1: string, k2: number, id2: string): number =>
  k1 < k2 ? -1 : k1 > k2 ? 1 : id1 < id2 ? -1 : id1 > id2 ? 1 : 0

const above = <V>(p: number, k: number, id: string, n: IdNode<V>): boolean =>
  p !== n.priority ? p > n.priority : cmp(k, id, n.key, n.id) < 0

const mk = <V>(n: IdNode<V>, left: IdMap<V>, right: IdMap<V>): IdNode<V> => ({
  key: n.key,
  id: n.id,
  priority: n.priority,
  value: n.value,
  left,
  right
})

export const get = <V>(m: IdMap<V>, id: string): V | undefined => {
  const k = keyOf(id)
  let n = m
  while (n !== undefined) {
    const c = cmp(k, id, n.key, n.id)
    if (c === 0) return n.value
    n = c < 0 ? n.left : n.right
  }
  return undefined
}

const split = <V>(n: IdMap<V>, k: number, id: string): readonly [IdMap<V>, IdMap<V>] => {
  if (n === undefined) return [undefined, undefined]
  if (cmp(n.key, n.id, k, id) < 0) {
    const [l, r] = split(n.right, k, id)
    return [mk(n, n.left, l), r]
  }
  const [l, r] = split(n.left, k, id)
  return [l, mk(n, r, n.right)]
}

const merge = <V>(a: IdMap<V>, b: IdMap<V>): IdMap<V> => {
  if (a === undefined) return b
  if (b === undefined) return a
  if (above(a.priority, a.key, a.id, b)) return mk(a, a.left, merge(a.right, b))
  return mk(b, merge(a, b.left), b.right)
}

/** Sets the value of `id` (replacing any). */
export const set = <V>(m: IdMap<V>, id: string, value: V): IdNode<V> => {
  const k = keyOf(id)
  const p = priorityOf(id)
  const go = (n: IdMap<V>): IdNode<V> => {
    if (n === undefined) return { key: k, id, priority: p, value, left: undefined, right: undefined }
    const c = cmp(k, id, n.key, n.id)
    if (c === 0) return { ...n, value }
    if (above(p, k, id, n)) {
      const [l, r] = split(n, k, id)
      return { key: k, id, priority: p, value, left: l, right: r }
    }
    return c < 0 ? mk(n, go(n.left), n.right) : mk(n, n.left, go(n.right))
  }
  return go(m)
}

/** Removes `id`, if present. */
export const remove = <V>(m: IdMap<V>, id: string): IdMap<V> => {
  const k = keyOf(id)
  const go = (n: IdMap<V>): IdMap<V> => {
    if (n === undefined) return undefined
    const c = cmp(k, id, n.key, n.id)
    if (c === 0) return merge(n.left, n.right)
    if (c < 0) {
      const l = go(n.left)
      return l === n.left ? n : mk(n, l, n.right)
    }
    const r = go(n.right)
    return r === n.right ? n : mk(n, n.left, r)
  }
  return go(m)
}

/**
 * Builds the map in O(n log n) with a numeric sort; same shape as inserting one by one. When an id
 * repeats, the last entry wins; `dropped` marks the entries that lost (undefined when none did).
 */
export const fromEntries = <V>(
  ids: ReadonlyArray<string>,
  values: ReadonlyArray<V>
): { readonly map: IdMap<V>; readonly dropped: Uint8Array | undefined } => {
  const all = ids.length
  if (all === 0) return { map: undefined, dropped: undefined }
  const keys = new Float64Array(all)
  for (let i = 0; i < all; i++) keys[i] = keyOf(ids[i]!)
  let n = all
  let order: Int32Array
  if (all < 2 ** 21) {
    // Pack (key, index) into one exactly representable number and sort natively.
    const packed = new Float64Array(n)
    for (let i = 0; i < n; i++) packed[i] = keys[i]! * 2 ** 21 + i
    packed.sort()
    order = new Int32Array(n)
    for (let i = 0; i < n; i++) order[i] = packed[i]! % 2 ** 21
    // Equal hashes: order by id.
    for (let i = 1; i < n; i++) {
      let j = i
      while (j > 0 && keys[order[j - 1]!] === keys[order[j]!] && ids[order[j - 1]!]! > ids[order[j]!]!) {
        const t = order[j]!
        order[j] = order[j - 1]!
        order[j - 1] = t
        j--
      }
    }
  } else {
    order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => cmp(keys[a]!, ids[a]!, keys[b]!, ids[b]!) || a - b)
  }
  // Repeated ids are adjacent, in entry order: keep the last of each run.
  let dropped: Uint8Array | undefined
  let w = 0
  for (let i = 0; i < n; i++) {
    if (i + 1 < n && ids[order[i]!] === ids[order[i + 1]!]) {
      dropped ??= new Uint8Array(all)
      dropped[order[i]!] = 1
      continue
    }
    order[w++] = order[i]!
  }
  n = w
  const pr = new Float64Array(n)
  for (let i = 0; i < n; i++) pr[i] = priorityOf(ids[order[i]!]!)
  const { left, postOrder: post, right, root } = cartesianShape(pr)
  const built = new Array<IdNode<V>>(n)
  for (let c = n - 1; c >= 0; c--) {
    const i = post[c]!
    const o = order[i]!
    built[i] = {
      key: keys[o]!,
      id: ids[o]!,
      priority: pr[i]!,
      value: values[o]!,
      left: left[i]! >= 0 ? built[left[i]!] : undefined,
      right: right[i]! >= 0 ? built[right[i]!] : undefined
    }
  }
  return { map: built[root], dropped }
}
