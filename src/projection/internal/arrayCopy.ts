/**
 * Copies of a small array with one element inserted, removed or replaced: the persistent
 * structures of the timeline (index chunks, id-trie levels) change by copying, never in place.
 *
 * @internal
 */

export const insertAt = <T>(xs: ReadonlyArray<T>, i: number, x: T): Array<T> => {
  const out = new Array<T>(xs.length + 1)
  for (let j = 0; j < i; j++) out[j] = xs[j]!
  out[i] = x
  for (let j = i; j < xs.length; j++) out[j + 1] = xs[j]!
  return out
}

export const removeAt = <T>(xs: ReadonlyArray<T>, i: number): Array<T> => {
  const out = new Array<T>(xs.length - 1)
  for (let j = 0; j < i; j++) out[j] = xs[j]!
  for (let j = i + 1; j < xs.length; j++) out[j - 1] = xs[j]!
  return out
}

export const replaceAt = <T>(xs: ReadonlyArray<T>, i: number, x: T): Array<T> => {
  const out = xs.slice()
  out[i] = x
  return out
}
