/**
 * The three small algorithms the timeline and the link graph share, written once: the comparison
 * behind "timeline order" (earliest instant, then latest, then id as UTF-16 code units), a binary
 * search for the first position that is not before a target, and the union-find that gathers
 * same-as reports into classes represented by their earliest report.
 *
 * @internal
 */

/**
 * Timeline order on the three keys of an event: its earliest instant, its latest instant, its id.
 * Negative when the first event comes first, positive when the second does, 0 for the same keys.
 * Every sort and search of the timeline and the link graph reads events through this comparison
 * (the index compares its columns with it, without building items).
 */
export const compareBounds = (earliestA: number, latestA: number, idA: string, earliestB: number, latestB: number, idB: string): number =>
  earliestA !== earliestB
    ? earliestA < earliestB ? -1 : 1
    : latestA !== latestB
      ? latestA < latestB ? -1 : 1
      : idA < idB
        ? -1
        : idA > idB
          ? 1
          : 0

/**
 * The first position in `0 … length` at which `isBefore` is false, for a predicate that is true on
 * a prefix of the positions and false after it (so `length` when it is true everywhere). O(log n).
 */
export const firstNotBefore = (length: number, isBefore: (position: number) => boolean): number => {
  let low = 0
  let high = length
  while (low < high) {
    const mid = (low + high) >>> 1
    if (isBefore(mid)) low = mid + 1
    else high = mid
  }
  return low
}

/**
 * The classes of an equivalence given by pairs (its reflexive, symmetric and transitive closure):
 * each element of a pair mapped to its class's representative, the element that `precedes` puts
 * first. Elements in no pair are absent (they represent themselves). Union by that order, with
 * path compression: about linear in the number of pairs.
 */
export const classesOf = <A>(pairs: Iterable<readonly [A, A]>, precedes: (a: A, b: A) => boolean): Map<A, A> => {
  const parent = new Map<A, A>()
  const find = (x: A): A => {
    let root = x
    for (let p = parent.get(root)!; p !== root; p = parent.get(root)!) root = p
    for (let y = x; y !== root; ) {
      const next = parent.get(y)!
      parent.set(y, root)
      y = next
    }
    return root
  }
  for (const [a, b] of pairs) {
    if (!parent.has(a)) parent.set(a, a)
    if (!parent.has(b)) parent.set(b, b)
    const ra = find(a)
    const rb = find(b)
    if (ra === rb) continue
    if (precedes(ra, rb)) parent.set(rb, ra)
    else parent.set(ra, rb)
  }
  const classes = new Map<A, A>()
  for (const x of parent.keys()) classes.set(x, find(x))
  return classes
}
