/**
 * A memo table that forgets everything once it holds `limit` entries. Clearing in
 * one go is cruder than LRU but costs nothing per hit, and the working set of a
 * dataset (its distinct dates, their day boundaries) is far below the limit.
 *
 * @internal
 */
export interface BoundedCache<K, V> {
  readonly get: (key: K) => V | undefined
  readonly set: (key: K, value: V) => V
}

/** @internal */
export const makeBoundedCache = <K, V>(limit = 10_000): BoundedCache<K, V> => {
  const entries = new Map<K, V>()
  return {
    get: (key) => entries.get(key),
    set: (key, value) => {
      if (entries.size >= limit) entries.clear()
      entries.set(key, value)
      return value
    }
  }
}
