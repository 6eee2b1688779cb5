/**
 * Hostile values: what JavaScript callers and casts can hand a typed function — anything at all,
 * and the awkward cases that break naive code (cycles, vast sparse arrays, getters that throw, proxies,
 * NaN and infinities, huge strings and keys, frozen and prototype-less objects). For checking that
 * a function returns a typed failure instead of throwing: `fc.property(arbHostile, (u) => f(u))`.
 *
 * @since 0.1.0
 */
import * as fc from "fast-check"

const cyclic = (): unknown => {
  const o: Record<string, unknown> = { type: "event", kind: "rally" }
  o["self"] = o
  return o
}

const sparse = (): unknown => {
  const a: Array<unknown> = []
  a.length = 2 ** 32 - 1
  return a
}

const throwingGetter = (): unknown =>
  Object.defineProperty({ type: "event" }, "id", {
    enumerable: true,
    get: () => {
      throw new Error("a getter that throws")
    }
  })

const throwingProxy = (): unknown =>
  new Proxy({}, {
    get: () => {
      throw new Error("a proxy that throws")
    },
    ownKeys: () => {
      throw new Error("a proxy that throws")
    },
    // No `has` trap: fast-check itself asks `in` of every value it generates.
    getPrototypeOf: () => {
      throw new Error("a proxy that throws")
    }
  })

/**
 * Awkward values a cast or a JavaScript caller can produce, each made fresh (some are mutable).
 * Objects that throw when read are apart, in `borderValues`.
 *
 * @category hostile values
 * @since 0.1.0
 */
export const awkwardValues: ReadonlyArray<() => unknown> = [
  () => undefined,
  () => null,
  () => Number.NaN,
  () => Number.POSITIVE_INFINITY,
  () => Number.NEGATIVE_INFINITY,
  () => -0,
  () => 2 ** 53,
  () => 10n,
  () => Symbol("hostile"),
  () => () => "a function",
  () => "",
  () => "x".repeat(1_000_000),
  () => "\u0000\ud800",
  () => new Date(Number.NaN),
  () => new Map([["type", "event"]]),
  () => new Uint8Array([123, 125]),
  () => Object.create(null),
  () => Object.freeze({ type: "event", kind: "rally", id: "x" }),
  () => ({ ["k".repeat(100_000)]: 1 }),
  () => ({ __proto__: { type: "event" } }),
  () => JSON.parse('{"__proto__": {"polluted": true}}'),
  () => [undefined, null],
  cyclic
]

/**
 * What only a border (a decoder) is asked to survive: objects that throw when they are read (a
 * getter, a proxy that throws on every trap), and an array of length 2^32 - 1 with no elements,
 * which code that walks its indexes would take minutes over.
 *
 * @category hostile values
 * @since 0.1.0
 */
export const borderValues: ReadonlyArray<() => unknown> = [throwingGetter, throwingProxy, sparse]

const anything = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withTypedArray: true,
  withSparseArray: true
})

/**
 * Any value outside a function's type, as casts and JavaScript callers produce: anything at all,
 * with the awkward values above mixed in often. Every function of the package must survive it.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const arbOutsideType: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: anything, weight: 2 },
  { arbitrary: fc.constantFrom(...awkwardValues).map((make) => make()), weight: 2 }
)

/**
 * `arbOutsideType`, plus the `borderValues` (objects that throw when read, a vast empty array):
 * what a decoder, which stands at the border between the outside world and typed records, must
 * also survive.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check"
 * import { Record } from "protest-chronicle"
 * import { arbHostile } from "protest-chronicle/testing"
 *
 * // Whatever it is handed, the decoder answers with a `Result` and never throws.
 * fc.assert(fc.property(arbHostile, (u) => void Record.decode(u)), { numRuns: 50 })
 * ```
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const arbHostile: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: arbOutsideType, weight: 4 },
  { arbitrary: fc.constantFrom(...borderValues).map((make) => make()), weight: 1 }
)
