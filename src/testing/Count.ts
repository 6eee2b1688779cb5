/**
 * fast-check arbitraries for `Count`: valid counts of every kind, and true values inside a count,
 * for property tests of code that sums, compares or displays counts. With `@fast-check/vitest`,
 * `test.prop([arbCount])("…", (c) => …)` runs the same property as a test.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check"
 * import { Count } from "protest-chronicle"
 * import { arbCount } from "protest-chronicle/testing"
 *
 * fc.assert(fc.property(arbCount, (c) => typeof Count.format(c) === "string")) // format never throws
 * ```
 *
 * @since 0.1.0
 */
import * as fc from "fast-check"
import { bounds, type Count, type Kind } from "../model/Count.js"

/**
 * Non-negative safe integers, mostly small (crowd-sized) and sometimes anywhere up to
 * `Number.MAX_SAFE_INTEGER`, so that overflow edges are exercised too.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const arbQuantity: fc.Arbitrary<number> = fc.oneof(
  { weight: 4, arbitrary: fc.nat({ max: 10_000 }) },
  { weight: 1, arbitrary: fc.maxSafeNat() }
)

const arbPhrase = fc.option(fc.string({ minLength: 1, maxLength: 24 }), { nil: undefined })

// Build a count from fields, leaving out the optional ones that came out `undefined`.
const build = (fields: { readonly [key: string]: unknown }): Count =>
  Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Count

const arbExclusive = fc.option(fc.boolean(), { nil: undefined })

const byKind: { readonly [K in Kind]: fc.Arbitrary<Count> } = {
  exact: fc.record({ value: arbQuantity, phrase: arbPhrase }).map((r) => build({ kind: "exact", ...r })),
  about: arbQuantity.chain((value) =>
    fc.record({
      low: fc.option(fc.nat({ max: value }), { nil: undefined }),
      high: fc.option(fc.integer({ min: value, max: Number.MAX_SAFE_INTEGER }), { nil: undefined }),
      phrase: arbPhrase
    }).map((r) => build({ kind: "about", value, ...r }))
  ),
  "at-least": fc.record({ value: arbQuantity, exclusive: arbExclusive, phrase: arbPhrase })
    .map((r) => build({ kind: "at-least", ...r })),
  "at-most": fc.record({ value: arbQuantity, exclusive: arbExclusive, phrase: arbPhrase })
    // an exclusive ceiling of 0 is invalid: nudge it to 1
    .map((r) => build({ kind: "at-most", ...r, value: r.exclusive === true ? Math.max(1, r.value) : r.value })),
  between: fc.tuple(arbQuantity, arbQuantity, arbPhrase).map(([a, b, phrase]) =>
    build({ kind: "between", low: Math.min(a, b), high: Math.max(a, b), phrase })
  ),
  unknown: arbPhrase.map((phrase) => build({ kind: "unknown", phrase }))
}

/**
 * A valid count of the given kind.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const arbCountOfKind = (kind: Kind): fc.Arbitrary<Count> => byKind[kind]

/**
 * Any valid count: every kind, with and without phrase, explicit bounds and `exclusive`.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const arbCount: fc.Arbitrary<Count> = fc.oneof(...Object.values(byKind))

/**
 * A number the count allows: an integer inside its bounds. For counts open above, values up to
 * 10,000 past the low bound (or up to `Number.MAX_SAFE_INTEGER` when that is nearer).
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const arbValueIn = (count: Count): fc.Arbitrary<number> => {
  const { low, high } = bounds(count)
  const top = high === Infinity ? Math.max(low, Math.min(low + 10_000, Number.MAX_SAFE_INTEGER)) : high
  // `low` of an exclusive `at-least MAX_SAFE_INTEGER` is 2^53, beyond `fc.integer`: it is the only value.
  return low > Number.MAX_SAFE_INTEGER ? fc.constant(low) : fc.integer({ min: low, max: Math.min(top, Number.MAX_SAFE_INTEGER) })
}

/**
 * A count together with one number it allows, for properties like "the sum of true values lies
 * within the bounds of the summed counts".
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const arbCountWithValue: fc.Arbitrary<readonly [Count, number]> = arbCount.chain((count) =>
  arbValueIn(count).map((value) => [count, value] as const)
)
