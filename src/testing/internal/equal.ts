/**
 * Deep strict equality without `node:util`, so that the testing entry runs in any JavaScript
 * runtime. It follows `isDeepStrictEqual`: primitives by `Object.is`, objects by prototype, tag
 * and own enumerable keys (symbols included), arrays by elements, `Map` and `Set` by contents
 * (object keys and members matched deeply), dates by time, regular expressions by source and
 * flags, errors by name and message too, typed arrays and buffers by bytes. Cycles are allowed.
 */

type Seen = Map<object, Set<object>>

const tagOf = (u: object): string => Object.prototype.toString.call(u)

const enumerableKeys = (o: object): Array<PropertyKey> =>
  Reflect.ownKeys(o).filter((k) => Object.prototype.propertyIsEnumerable.call(o, k))

const sameBytes = (a: ArrayBufferView | ArrayBuffer, b: ArrayBufferView | ArrayBuffer): boolean => {
  const x = ArrayBuffer.isView(a) ? new Uint8Array(a.buffer, a.byteOffset, a.byteLength) : new Uint8Array(a)
  const y = ArrayBuffer.isView(b) ? new Uint8Array(b.buffer, b.byteOffset, b.byteLength) : new Uint8Array(b)
  if (x.length !== y.length) return false
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false
  return true
}

const isPrimitive = (u: unknown): boolean => u === null || (typeof u !== "object" && typeof u !== "function")

const mapsEqual = (a: Map<unknown, unknown>, b: Map<unknown, unknown>, seen: Seen): boolean => {
  if (a.size !== b.size) return false
  const unmatched: Array<unknown> = []
  for (const [key, value] of a) {
    if (isPrimitive(key) || b.has(key)) {
      if (!b.has(key) || !equal(value, b.get(key), seen)) return false
    } else unmatched.push(key)
  }
  if (unmatched.length === 0) return true
  const candidates = [...b.keys()].filter((k) => !isPrimitive(k) && !a.has(k))
  for (const key of unmatched) {
    const i = candidates.findIndex((k) => equal(key, k, seen) && equal(a.get(key), b.get(k), seen))
    if (i < 0) return false
    candidates.splice(i, 1)
  }
  return true
}

const setsEqual = (a: Set<unknown>, b: Set<unknown>, seen: Seen): boolean => {
  if (a.size !== b.size) return false
  const unmatched: Array<unknown> = []
  for (const member of a) {
    if (b.has(member)) continue
    if (isPrimitive(member)) return false
    unmatched.push(member)
  }
  if (unmatched.length === 0) return true
  const candidates = [...b].filter((m) => !isPrimitive(m) && !a.has(m))
  for (const member of unmatched) {
    const i = candidates.findIndex((m) => equal(member, m, seen))
    if (i < 0) return false
    candidates.splice(i, 1)
  }
  return true
}

const equal = (a: unknown, b: unknown, seen: Seen): boolean => {
  if (Object.is(a, b)) return true
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false
  const tag = tagOf(a)
  if (tag !== tagOf(b)) return false
  // A pair met again while it is being compared (a cycle) is taken as equal here; the rest of
  // the comparison decides.
  let pairs = seen.get(a)
  if (pairs?.has(b) === true) return true
  if (pairs === undefined) seen.set(a, (pairs = new Set()))
  pairs.add(b)
  if (Array.isArray(a)) {
    const other = b as Array<unknown>
    if (a.length !== other.length) return false
    for (let i = 0; i < a.length; i++) {
      if ((i in a) !== (i in other) || !equal(a[i], other[i], seen)) return false
    }
  } else if (a instanceof Date) {
    if (!Object.is(a.getTime(), (b as Date).getTime())) return false
  } else if (a instanceof RegExp) {
    const r = b as RegExp
    if (a.source !== r.source || a.flags !== r.flags || a.lastIndex !== r.lastIndex) return false
  } else if (a instanceof Error) {
    const e = b as Error
    if (a.name !== e.name || a.message !== e.message) return false
  } else if (ArrayBuffer.isView(a) || a instanceof ArrayBuffer) {
    if (!sameBytes(a, b as ArrayBufferView | ArrayBuffer)) return false
  } else if (a instanceof Map) {
    if (!mapsEqual(a, b as Map<unknown, unknown>, seen)) return false
  } else if (a instanceof Set) {
    if (!setsEqual(a, b as Set<unknown>, seen)) return false
  } else if (a instanceof Number || a instanceof String || a instanceof Boolean || a instanceof BigInt || a instanceof Symbol) {
    if (!Object.is(a.valueOf(), (b as { valueOf(): unknown }).valueOf())) return false
  }
  const keysA = enumerableKeys(a)
  const keysB = enumerableKeys(b)
  if (keysA.length !== keysB.length) return false
  // An array's indexes were compared above (holes included); the rest are its other keys.
  const isArray = Array.isArray(a)
  for (const key of keysA) {
    if (!Object.prototype.propertyIsEnumerable.call(b, key)) return false
    if (isArray && typeof key === "string" && /^(?:0|[1-9]\d*)$/.test(key)) continue
    if (!equal((a as Record<PropertyKey, unknown>)[key], (b as Record<PropertyKey, unknown>)[key], seen)) return false
  }
  return true
}

/** True when `a` and `b` are deeply and strictly equal (see the module comment). */
export const deepEqual = (a: unknown, b: unknown): boolean => equal(a, b, new Map())
