/**
 * The timeline index: one interval treap per length class. An item of finite length `len`
 * (latest − earliest, in ms) goes to class `c`, the least with `len <= 2^c − 1`; items with an
 * infinite side go to the last class. A window [from, to] then reads, in each class, only the items
 * that begin in [from − (2^c − 1), to]: a range of the tree, O(log n + scanned), and at least about
 * half of the scanned items of a class overlap the window (their lengths exceed 2^(c−1) − 1). With
 * at most 56 classes, a window costs O(log n + k) in the number k of answers (the last class, for
 * open-ended events, is read with the subtree maxima instead).
 *
 * The array of classes is copied on every change (56 pointers), so old states stay valid; empty
 * classes are `undefined`, so the shape still depends only on the items.
 *
 * @internal
 */
import * as Tree from "./timelineTree.js"

export const CLASSES = 56
const OPEN = CLASSES - 1

export type Index<E> = ReadonlyArray<Tree.Tree<E>>

export const empty: Index<never> = Object.freeze(new Array<undefined>(CLASSES).fill(undefined))

/** The length class of an item. */
export const classOf = (item: Tree.Item): number => {
  const len = item.latest - item.earliest
  if (!Number.isFinite(len)) return OPEN
  if (len <= 0) return 0
  let c = Math.ceil(Math.log2(len + 1))
  while (c > 0 && 2 ** (c - 1) - 1 >= len) c--
  while (2 ** c - 1 < len) c++
  return Math.min(c, OPEN - 1)
}

const withClass = <E>(index: Index<E>, c: number, tree: Tree.Tree<E>): Index<E> => {
  const next = index.slice()
  next[c] = tree
  return next
}

export const insert = <E>(index: Index<E>, item: Tree.Item<E>): Index<E> => {
  const c = classOf(item)
  return withClass(index, c, Tree.insert(index[c], item))
}

export const remove = <E>(index: Index<E>, item: Tree.Item): Index<E> => {
  const c = classOf(item)
  const tree = Tree.remove(index[c], item)
  return tree === index[c] ? index : withClass(index, c, tree)
}

export const size = (index: Index<unknown>): number => {
  let n = 0
  for (const t of index) n += Tree.size(t)
  return n
}

/** Builds the index of items sorted by `compareItems` (distinct keys). */
export const fromSorted = <E>(sorted: ReadonlyArray<Tree.Item<E>>): Index<E> => {
  const parts: Array<Array<Tree.Item<E>> | undefined> = new Array(CLASSES).fill(undefined)
  for (const item of sorted) {
    const c = classOf(item)
    const part = parts[c]
    if (part === undefined) parts[c] = [item]
    else part.push(item)
  }
  return parts.map((p) => (p === undefined ? undefined : Tree.fromSorted(p)))
}

const merge = <E>(a: Array<Tree.Item<E>>, b: Array<Tree.Item<E>>): Array<Tree.Item<E>> => {
  if (a.length === 0) return b
  if (b.length === 0) return a
  const out = new Array<Tree.Item<E>>(a.length + b.length)
  let i = 0
  let j = 0
  let k = 0
  while (i < a.length && j < b.length) out[k++] = Tree.compareItems(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!
  while (i < a.length) out[k++] = a[i++]!
  while (j < b.length) out[k++] = b[j++]!
  return out
}

/** The items whose [earliest, latest] meets [from, to], in `compareItems` order. */
export const overlapping = <E>(index: Index<E>, from: number, to: number): Array<Tree.Item<E>> => {
  let result: Array<Tree.Item<E>> = []
  for (let c = 0; c < CLASSES; c++) {
    const tree = index[c]
    if (tree === undefined || tree.maxLatest < from) continue
    const found: Array<Tree.Item<E>> = []
    if (c === OPEN) {
      Tree.forEachOverlapping(tree, from, to, (item) => found.push(item))
    } else {
      const lo = from - (2 ** c - 1)
      const go = (n: Tree.Tree<E>): void => {
        if (n === undefined || n.maxLatest < from) return
        const e = n.item.earliest
        if (e >= lo) go(n.left)
        if (e > to) return
        if (e >= lo && n.item.latest >= from) found.push(n.item)
        go(n.right)
      }
      go(tree)
    }
    if (found.length > 0) result = merge(result, found)
  }
  return result
}

/** Every item, in `compareItems` order. */
export const toArray = <E>(index: Index<E>): Array<Tree.Item<E>> => {
  let result: Array<Tree.Item<E>> = []
  for (const tree of index) if (tree !== undefined) result = merge(result, Tree.toArray(tree))
  return result
}
