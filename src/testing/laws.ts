/**
 * Reusable laws for property tests: round-trips and "does not mutate its input". They throw an
 * assertion error on failure, so they work inside `fc.assert(fc.property(...))` and in any test
 * runner.
 *
 * @since 0.1.0
 */
import { Equal, Result, Schema } from "effect"
import * as fc from "fast-check"

/**
 * Freezes a value and everything reachable from it, and returns it.
 *
 * @category utils
 * @since 0.1.0
 */
export const deepFreeze = <A>(value: A): A => {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key])
  }
  return value
}

const fail = (message: string): never => {
  throw new Error(message)
}

/**
 * Asserts that for every value of `arb`, decoding it with `schema`, encoding the result and
 * decoding again gives equal values, and that encoding gives back the input.
 *
 * @example
 * ```ts
 * import { Source } from "protest-chronicle"
 * import { arbSource, assertRoundTrip } from "protest-chronicle/testing"
 *
 * assertRoundTrip(Source.Source, arbSource, { numRuns: 50 }) // throws, naming the value, if the law fails
 * ```
 *
 * @category laws
 * @since 0.1.0
 */
export const assertRoundTrip = <A, I>(
  schema: Schema.Codec<A, I>,
  arb: fc.Arbitrary<I>,
  parameters?: fc.Parameters<[I]>
): void => {
  const decode = Schema.decodeUnknownResult(schema)
  const encode = Schema.encodeUnknownResult(schema)
  fc.assert(
    fc.property(arb, (input) => {
      const decoded = decode(input)
      if (Result.isFailure(decoded)) return fail(`does not decode: ${decoded.failure.message}\n${JSON.stringify(input)}`)
      const encoded = encode(decoded.success)
      if (Result.isFailure(encoded)) return fail(`does not encode: ${encoded.failure.message}`)
      if (!Equal.equals(JSON.parse(JSON.stringify(encoded.success)), JSON.parse(JSON.stringify(input)))) {
        return fail(`encode(decode(x)) differs from x:\n${JSON.stringify(input)}\n${JSON.stringify(encoded.success)}`)
      }
      const again = decode(encoded.success)
      if (Result.isFailure(again) || !Equal.equals(again.success, decoded.success)) {
        return fail("decode(encode(decode(x))) differs from decode(x)")
      }
    }),
    parameters
  )
}

/**
 * Asserts that `f` neither throws on nor mutates any deep-frozen value of `arb` (a mutation of a
 * frozen object throws in strict mode, and the input is compared with a copy taken before).
 *
 * @category laws
 * @since 0.1.0
 */
export const assertDoesNotMutate = <A>(
  arb: fc.Arbitrary<A>,
  f: (a: A) => unknown,
  parameters?: fc.Parameters<[A]>
): void => {
  fc.assert(
    fc.property(arb, (a) => {
      const before = structuredClone(a)
      f(deepFreeze(a))
      // Compare clones: structuredClone drops null prototypes, which would otherwise differ.
      if (!Equal.equals(structuredClone(a), before)) fail("the input changed")
    }),
    parameters
  )
}
