/**
 * Snapshots of caller values, and deep freezing.
 *
 * A decoded record must never share an object with the value it was decoded from: the caller
 * still holds that value and may change it later, and a chronicle would then see its "immutable"
 * record change under it. So decoding first takes a snapshot of plain data — every plain object
 * and array copied, each property read exactly once by the walk whose copy is kept (a getter
 * cannot answer one thing to the check and another to the copy) — validates the snapshot, and
 * freezes it.
 *
 * Values straight from `JSON.parse` belong to nobody else: they are frozen in place, not copied.
 *
 * @internal
 */

/** A structural problem found while taking a snapshot: where, and what. */
export interface SnapshotProblem {
  readonly path: ReadonlyArray<PropertyKey>
  readonly message: string
}

/** Deeper than any record: the built-in records nest at most about eight levels. */
const MAX_DEPTH = 64

const isPlainPrototype = (proto: unknown): boolean => proto === Object.prototype || proto === null

/**
 * A copy of `input` in which every plain object (prototype `Object.prototype` or `null`, string
 * keys only) and every dense array is new and frozen. Anything else — class instances, dates,
 * maps, functions, objects with symbol keys — is kept as it is, for the schema to reject by name.
 * Cycles, sparse arrays and nesting deeper than 64 levels are problems, reported without
 * walking further.
 */
export const snapshot = (input: unknown): { readonly value: unknown } | { readonly problem: SnapshotProblem } => {
  // Most inputs have no problem: copy them without keeping a path or the ancestors. Anything the
  // quick copy cannot vouch for (a cycle shows as depth) is copied again by the careful walk,
  // which names the problem; the result is then the careful walk's alone.
  try {
    objectsLeft = QUICK_OBJECTS
    const value = copyQuick(input, 0)
    if (value !== unsure) return { value }
  } catch {
    // A proxy or getter that throws: the careful walk reports where.
  }
  return snapshotCarefully(input)
}

const unsure: unique symbol = Symbol("unsure")

// The objects the quick copy may make before it leaves the input to the careful walk. An input
// that shares its parts (one object under two keys, and so on down) would make the quick copy
// visit each part once for every way to reach it, 2^64 times for a chain of 64 shared levels; the
// careful walk copies each object once.
const QUICK_OBJECTS = 100_000
let objectsLeft = 0

/** `snapshot`'s copy, or `unsure` when the input has a hole, nests too deep, is a cycle, or is large. */
const copyQuick = (u: unknown, depth: number): unknown => {
  if (typeof u !== "object" || u === null) return u
  if (depth > MAX_DEPTH || --objectsLeft < 0) return unsure
  if (Array.isArray(u)) {
    const length = u.length
    if (Object.keys(u).length < length) return unsure
    const out = new Array<unknown>(length)
    for (let i = 0; i < length; i++) {
      const value = copyQuick(u[i], depth + 1)
      if (value === unsure) return unsure
      out[i] = value
    }
    return Object.freeze(out)
  }
  if (!isPlainPrototype(Object.getPrototypeOf(u)) || Object.getOwnPropertySymbols(u).length > 0) return u
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(u)) {
    const value = copyQuick((u as Record<string, unknown>)[key], depth + 1)
    if (value === unsure) return unsure
    if (key === "__proto__") Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true })
    else out[key] = value
  }
  return Object.freeze(out)
}

const snapshotCarefully = (input: unknown): { readonly value: unknown } | { readonly problem: SnapshotProblem } => {
  const ancestors = new Set<object>()
  // An object reached again by another way (shared, not a cycle) gets the copy made the first time.
  const copies = new Map<object, unknown>()
  const path: Array<PropertyKey> = []
  let problem: SnapshotProblem | undefined
  const fail = (message: string): undefined => {
    problem = { path: path.slice(), message }
    return undefined
  }
  const copy = (u: unknown, depth: number): unknown => {
    if (typeof u !== "object" || u === null) return u
    if (ancestors.has(u)) return fail("refers to itself (a cycle): a record is a tree of plain values")
    if (copies.has(u)) return copies.get(u)
    if (depth > MAX_DEPTH) return fail(`nested more than ${MAX_DEPTH} levels deep`)
    if (Array.isArray(u)) {
      const length = u.length
      // Object.keys counts only the elements present, so a sparse array is found without
      // walking its holes (an array of length 2^32 - 1 with no elements is cheap to refuse).
      if (Object.keys(u).length < length) return fail("an array with holes (empty slots)")
      ancestors.add(u)
      const out = new Array<unknown>(length)
      for (let i = 0; i < length && problem === undefined; i++) {
        path.push(i)
        out[i] = copy(u[i], depth + 1)
        path.pop()
      }
      ancestors.delete(u)
      copies.set(u, Object.freeze(out))
      return out
    }
    if (!isPlainPrototype(Object.getPrototypeOf(u)) || Object.getOwnPropertySymbols(u).length > 0) return u
    ancestors.add(u)
    const out: Record<string, unknown> = {}
    for (const key of Object.keys(u)) {
      path.push(key)
      const value = copy((u as Record<string, unknown>)[key], depth + 1)
      path.pop()
      if (problem !== undefined) break
      // A key "__proto__" must stay an own data property, not set the prototype.
      if (key === "__proto__") Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true })
      else out[key] = value
    }
    ancestors.delete(u)
    copies.set(u, Object.freeze(out))
    return out
  }
  try {
    const value = copy(input, 0)
    return problem === undefined ? { value } : { problem }
  } catch (e) {
    // A proxy or getter that throws while it is read.
    return { problem: { path: path.slice(), message: `could not be read: ${e instanceof Error ? e.message : String(e)}` } }
  }
}

/**
 * Freezes a value straight from `JSON.parse` in place: a tree (no cycles, nothing shared, nothing
 * frozen yet) of plain objects and dense arrays, so nothing needs checking on the way down.
 */
export const deepFreezeParsed = <A>(value: A): A => {
  const walk = (u: unknown): void => {
    if (typeof u !== "object" || u === null) return
    if (Array.isArray(u)) for (let i = 0; i < u.length; i++) walk(u[i])
    else for (const key in u) walk((u as Record<string, unknown>)[key])
    Object.freeze(u)
  }
  walk(value)
  return value
}

/**
 * Freezes a tree of plain values in place (objects and arrays). Values straight from
 * `JSON.parse` hold no cycles; the depth bound guards anything else.
 */
export const deepFreeze = <A>(value: A): A => {
  const walk = (u: unknown, depth: number): void => {
    if (typeof u !== "object" || u === null || Object.isFrozen(u) || depth > MAX_DEPTH) return
    Object.freeze(u)
    if (Array.isArray(u)) for (let i = 0; i < u.length; i++) walk(u[i], depth + 1)
    else for (const key in u) walk((u as Record<string, unknown>)[key], depth + 1)
  }
  walk(value, 0)
  return value
}
