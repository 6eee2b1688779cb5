/**
 * A persistent map from id to the value with that id: a hash trie on a 32-bit hash of the id
 * (five bits a level, the highest first; a slot holds one value, a branch, or the values that
 * share a whole hash, sorted by id). A slot becomes a branch only when it holds two or more
 * hashes, and a branch left with a single value or collision gives way to it, so the shape depends
 * only on the contents: equal timelines are structurally equal however they were built. Get, set
 * and delete read and copy at most seven levels; a bulk build costs one radix sort of the hashes.
 *
 * @internal
 */
import { insertAt, removeAt, replaceAt } from "./arrayCopy.js"
import { firstNotBefore } from "./order.js"
import * as Scratch from "./scratch.js"
import { hashString } from "./timelineItem.js"

export interface Identified {
  readonly id: string
}

/** A trie level: a bitmap of the occupied slots and their contents, in slot order. */
export class Branch<V> {
  constructor(readonly bitmap: number, readonly children: ReadonlyArray<V | Branch<V> | Collision<V>>) {}
}

/** Two or more values whose ids share a hash, sorted by id. */
export class Collision<V> {
  constructor(readonly hash: number, readonly values: ReadonlyArray<V>) {}
}

type Child<V> = V | Branch<V> | Collision<V>

export type IdMap<V extends Identified> = Branch<V> | undefined

/** The slot of a hash at a level: bits 31–27 first, then 26–22, …, 6–2, and last bits 1–0. */
const slot = (hash: number, level: number): number => (level < 6 ? (hash >>> (27 - 5 * level)) & 31 : hash & 3)

const popcount = (x: number): number => {
  x = x - ((x >>> 1) & 0x55555555)
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24
}

/** The position of `id` in values sorted by id, or of where it would go. */
const search = <V extends Identified>(values: ReadonlyArray<V>, id: string): number => firstNotBefore(values.length, (i) => values[i]!.id < id)

/** The value with this id; `hash` is `hashString(id)` when the caller has it. */
export const get = <V extends Identified>(m: IdMap<V>, id: string, hash = hashString(id)): V | undefined => {
  let node: Branch<V> | undefined = m
  for (let level = 0; node !== undefined; level++) {
    const bit = 1 << slot(hash, level)
    if ((node.bitmap & bit) === 0) return undefined
    const child: Child<V> = node.children[popcount(node.bitmap & (bit - 1))]!
    if (child instanceof Branch) node = child
    else if (child instanceof Collision) {
      if (child.hash !== hash) return undefined
      const i = search(child.values, id)
      return i < child.values.length && child.values[i]!.id === id ? child.values[i] : undefined
    } else return (child as V).id === id ? (child as V) : undefined
  }
  return undefined
}

/** The smallest subtree holding two children of different hashes, from `level` down. */
const pair = <V>(h1: number, c1: Child<V>, h2: number, c2: Child<V>, level: number): Branch<V> => {
  const s1 = slot(h1, level)
  const s2 = slot(h2, level)
  if (s1 === s2) return new Branch(1 << s1, [pair(h1, c1, h2, c2, level + 1)])
  return new Branch((1 << s1) | (1 << s2), s1 < s2 ? [c1, c2] : [c2, c1])
}

const setIn = <V extends Identified>(node: Branch<V>, value: V, hash: number, level: number): Branch<V> => {
  const bit = 1 << slot(hash, level)
  const i = popcount(node.bitmap & (bit - 1))
  if ((node.bitmap & bit) === 0) return new Branch(node.bitmap | bit, insertAt(node.children, i, value))
  const child = node.children[i]!
  let next: Child<V>
  if (child instanceof Branch) next = setIn(child, value, hash, level + 1)
  else if (child instanceof Collision) {
    if (child.hash === hash) {
      const j = search(child.values, value.id)
      next = new Collision(
        hash,
        j < child.values.length && child.values[j]!.id === value.id ? replaceAt(child.values, j, value) : insertAt(child.values, j, value)
      )
    } else next = pair(child.hash, child, hash, value, level + 1)
  } else {
    const old = child as V
    if (old.id === value.id) next = value
    else {
      const oldHash = hashString(old.id)
      next = oldHash === hash ? new Collision(hash, old.id < value.id ? [old, value] : [value, old]) : pair(oldHash, old, hash, value, level + 1)
    }
  }
  return new Branch(node.bitmap, replaceAt(node.children, i, next))
}

/** Sets the value with this id (replacing any); `hash` is `hashString(value.id)`. */
export const set = <V extends Identified>(m: IdMap<V>, value: V, hash: number): Branch<V> =>
  m === undefined ? new Branch(1 << slot(hash, 0), [value]) : setIn(m, value, hash, 0)

/** The node without `id`: the same node when absent, undefined when nothing is left. */
const removeIn = <V extends Identified>(node: Branch<V>, id: string, hash: number, level: number): Branch<V> | undefined => {
  const bit = 1 << slot(hash, level)
  if ((node.bitmap & bit) === 0) return node
  const i = popcount(node.bitmap & (bit - 1))
  const child = node.children[i]!
  let next: Child<V> | undefined
  if (child instanceof Branch) {
    const inner = removeIn(child, id, hash, level + 1)
    if (inner === child) return node
    // A branch left with one value or one collision gives way to it.
    next = inner !== undefined && inner.children.length === 1 && !(inner.children[0] instanceof Branch) ? inner.children[0] : inner
  } else if (child instanceof Collision) {
    const j = child.hash === hash ? search(child.values, id) : child.values.length
    if (j >= child.values.length || child.values[j]!.id !== id) return node
    const rest = removeAt(child.values, j)
    next = rest.length === 1 ? rest[0]! : new Collision(hash, rest)
  } else {
    if ((child as V).id !== id) return node
    next = undefined
  }
  if (next !== undefined) return new Branch(node.bitmap, replaceAt(node.children, i, next))
  if (node.children.length === 1) return undefined
  return new Branch(node.bitmap & ~bit, removeAt(node.children, i))
}

/** Removes the value with this id, if present. */
export const remove = <V extends Identified>(m: IdMap<V>, id: string, hash = hashString(id)): IdMap<V> =>
  m === undefined ? undefined : removeIn(m, id, hash, 0)

/**
 * The trie of the values at positions `at[lo]` … `at[hi - 1]` (sorted by hash, `hashes` in the same
 * order), whose hashes agree on the slots above `level`.
 */
const build = <V>(values: ReadonlyArray<V>, at: Int32Array, hashes: Uint32Array, lo: number, hi: number, level: number): Branch<V> => {
  // The occupied slots first, so that the children are made at their final length.
  let bitmap = 0
  for (let a = lo; a < hi; a++) bitmap |= 1 << slot(hashes[a]!, level)
  const children = new Array<Child<V>>(popcount(bitmap))
  let a = lo
  for (let k = 0; a < hi; k++) {
    const s = slot(hashes[a]!, level)
    let b = a + 1
    while (b < hi && slot(hashes[b]!, level) === s) b++
    if (b - a === 1) children[k] = values[at[a]!]!
    else if (hashes[a] === hashes[b - 1]) children[k] = new Collision(hashes[a]!, Array.from(at.subarray(a, b), (j) => values[j]!))
    else children[k] = build(values, at, hashes, a, b, level + 1)
    a = b
  }
  return new Branch(bitmap, children)
}

/**
 * Builds the map of `values` with their id hashes, in O(n) after a radix sort of the hashes; the
 * same map as setting them one by one. When an id repeats, the last value wins; `dropped` marks
 * the positions that lost (undefined when none did).
 */
export const fromValues = <V extends Identified>(
  values: ReadonlyArray<V>,
  hashes: Uint32Array
): { readonly map: IdMap<V>; readonly dropped: Uint8Array | undefined } => {
  const n = values.length
  if (n === 0) return { map: undefined, dropped: undefined }
  // Three stable 11-bit passes order the positions by hash (each hash travels with its position).
  let src = Scratch.int32("ids.src", n)
  let dst = Scratch.int32("ids.dst", n)
  let keys = Scratch.uint32("ids.keys", n)
  keys.set(hashes)
  let keysTo = Scratch.uint32("ids.keysTo", n)
  for (let i = 0; i < n; i++) src[i] = i
  const count = new Int32Array(2049)
  for (const shift of [0, 11, 22]) {
    count.fill(0)
    for (let i = 0; i < n; i++) count[((keys[i]! >>> shift) & 2047) + 1]!++
    for (let b = 0; b < 2048; b++) count[b + 1]! += count[b]!
    for (let i = 0; i < n; i++) {
      const k = keys[i]!
      const at = count[(k >>> shift) & 2047]!++
      dst[at] = src[i]!
      keysTo[at] = k
    }
    const t = src
    src = dst
    dst = t
    const u = keys
    keys = keysTo
    keysTo = u
  }
  // Equal hashes (rare): order by id, repeated ids in entry order.
  let start = 0
  while (start < n) {
    const h = keys[start]!
    let end = start + 1
    while (end < n && keys[end] === h) end++
    if (end - start > 1) {
      src.subarray(start, end).sort((a, b) => {
        const x = values[a]!.id
        const y = values[b]!.id
        return x < y ? -1 : x > y ? 1 : a - b
      })
    }
    start = end
  }
  // Repeated ids are adjacent: keep the last of each run.
  let dropped: Uint8Array | undefined
  let w = 0
  for (let i = 0; i < n; i++) {
    const j = src[i]!
    if (i + 1 < n && keys[i + 1] === keys[i] && values[src[i + 1]!]!.id === values[j]!.id) {
      dropped ??= new Uint8Array(n)
      dropped[j] = 1
      continue
    }
    keys[w] = keys[i]!
    src[w++] = j
  }
  return { map: build(values, src, keys, 0, w, 0), dropped }
}
