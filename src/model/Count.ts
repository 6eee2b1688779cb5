/**
 * Counts as sources report them: "14", "about two thousand", "more than 100", "60–70", "unknown".
 *
 * A `Count` keeps the reported phrase next to what it claims, and every count has derived
 * `bounds` (the lowest and highest number it allows). Sums, envelopes and comparisons work on the
 * bounds, so an uncertain count is never silently rounded into a certain one.
 *
 * @example
 * ```ts
 * import { Count } from "protest-chronicle"
 *
 * const official = Count.exactUnsafe(14)
 * const activists = Count.aboutUnsafe(70, { phrase: "about seventy" })
 * Count.compare(official, activists)                    // "less": 14 < 35, the low end of "about 70"
 * Count.format(Count.sum([official, activists]))         // "49–119"
 * ```
 *
 * @since 0.1.0
 *
 * @module
 */
import { type Array as Arr, Data, Order as Ord, Result, Schema, SchemaIssue } from "effect"
import { dual } from "effect/Function"
import { clipMessage, formatPath } from "./DecodeError.js"
import { boundsOf, fromBounds } from "./internal/countBounds.js"
import { boundsText, digits, isObject, orderBy } from "./internal/countText.js"
import { AboutCount, AtLeastCount, AtMostCount, BetweenCount, ExactCount, UnknownCount } from "./internal/countKinds.js"

// ---------------------------------------------------------------------------------------------
// Models
// ---------------------------------------------------------------------------------------------

/**
 * A count as a source reported it, discriminated by `kind`: `exact`, `about`, `at-least`,
 * `at-most`, `between` or `unknown`, each with an optional `phrase` (the words as reported). All
 * numbers are non-negative safe integers. Decoding checks the relations between fields and names
 * the field at fault, e.g. `low (70) must not exceed high (60)` at `["high"]`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Count = Schema.Union([ExactCount, AboutCount, AtLeastCount, AtMostCount, BetweenCount, UnknownCount])
  .annotate({
    identifier: "Count",
    title: "Count",
    description: "A number of people or things as a source reported it, with the phrase used and derivable bounds."
  })

/**
 * A decoded count.
 *
 * @since 0.1.0
 * @category models
 */
export type Count = typeof Count.Type

/**
 * The six kinds of count.
 *
 * @since 0.1.0
 * @category models
 */
export type Kind = Count["kind"]

/**
 * The lowest and highest number a count allows, both inclusive. `high` is `Infinity` for open
 * counts (`at-least`, `unknown`).
 *
 * @since 0.1.0
 * @category models
 */
export interface Bounds {
  readonly low: number
  readonly high: number
}

/**
 * What {@link compare} can say for certain about two counts.
 *
 * @category models
 * @since 0.1.0
 */
export type Comparison = "less" | "greater" | "equal" | "overlapping"

/**
 * The relative width of an `about` count that gives no bounds of its own: `about n` allows
 * `ceil(n × 0.5)` to `floor(n × 1.5)`.
 *
 * This is a policy, not a fact about the source: "about two thousand" is taken to mean somewhere
 * from 1,000 to 3,000. Give `low` and `high` when the source or your own judgement says more.
 *
 * Gotchas: small values collapse (`about 1` allows only 1; `about 3` allows 2–4), and a sum or
 * comparison that involves default-width `about` counts inherits this policy.
 *
 * @since 0.1.0
 * @category constants
 */
export const aboutTolerance = 0.5

/**
 * The numbers do not make a valid count: a negative or fractional number, `low` above `high`, an
 * exclusive `at-most 0`, an empty phrase. `path` names the offending field and `reason` says what
 * is wrong; the message reads `at ["high"]: low (70) must not exceed high (60)`. Returned by
 * {@link decode} and the constructors (`exact`, `about`, …), thrown by their `…Unsafe` twins.
 *
 * @category errors
 * @since 0.1.0
 */
export class CountError extends Data.TaggedError("CountError")<{
  readonly reason: string
  readonly path: ReadonlyArray<PropertyKey>
}> {
  override get message(): string {
    return Array.isArray(this.path) && this.path.length > 0 ? `at ${formatPath(this.path)}: ${this.reason}` : this.reason
  }
}

// ---------------------------------------------------------------------------------------------
// Guards
// ---------------------------------------------------------------------------------------------

/**
 * Whether an unknown value is a valid `Count` (every field and relation checked).
 *
 * @since 0.1.0
 * @category guards
 */
export const isCount: (u: unknown) => u is Count = Schema.is(Count)

// ---------------------------------------------------------------------------------------------
// Constructors
// ---------------------------------------------------------------------------------------------

const toStandardIssues = SchemaIssue.makeFormatterStandardSchemaV1()
const decodeCount = Schema.decodeUnknownResult(Count)

/**
 * Reads a count from data (parsed JSON, say): a `Count`, or a `CountError` naming the first bad
 * field. Never throws; the constructors below are for counts written in code.
 *
 * @since 0.1.0
 * @category decoding
 */
export const decode = (input: unknown): Result.Result<Count, CountError> => {
  const result = decodeCount(input)
  if (Result.isSuccess(result)) return Result.succeed(result.success)
  const first = toStandardIssues(result.failure.issue).issues[0]
  const path = (first?.path ?? []).map((segment) => typeof segment === "object" ? segment.key : segment)
  return Result.fail(new CountError({ reason: clipMessage(first?.message ?? result.failure.message), path }))
}

const make = (candidate: { readonly [key: string]: unknown }): Result.Result<Count, CountError> =>
  // Leave out keys given as `undefined` so that plain JavaScript callers get the same result.
  decode(Object.fromEntries(Object.entries(candidate).filter(([, v]) => v !== undefined)))

// The throwing twin of a constructor, for counts written as literals in code.
const unsafe = <Args extends ReadonlyArray<unknown>>(f: (...args: Args) => Result.Result<Count, CountError>) =>
(...args: Args): Count => {
  const result = f(...args)
  if (Result.isSuccess(result)) return result.success
  throw result.failure
}


/**
 * An exact count: `exact(14)`, `exact(14, "fourteen")`; a `CountError` when `value` is not a
 * non-negative safe integer.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Count } from "protest-chronicle"
 *
 * Count.exact(14)                   // Result.succeed({ kind: "exact", value: 14 })
 * Result.isFailure(Count.exact(-1)) // true: a CountError at ["value"]
 * Count.exactUnsafe(14)             // { kind: "exact", value: 14 }, for counts written in code
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const exact = (value: number, phrase?: string): Result.Result<Count, CountError> =>
  make({ kind: "exact", value, phrase })

/**
 * An approximate count: `about(2000, { phrase: "about two thousand" })`. Without `low`/`high` the
 * bounds follow {@link aboutTolerance}; when given they must satisfy `low ≤ value ≤ high`, else
 * the result is a `CountError`.
 *
 * @category constructors
 * @since 0.1.0
 */
export const about = (value: number, options?: { readonly low?: number; readonly high?: number; readonly phrase?: string }): Result.Result<Count, CountError> =>
  make({ kind: "about", value, low: options?.low, high: options?.high, phrase: options?.phrase })

/**
 * A floor: `atLeast(200)` is "at least 200"; `atLeast(100, { exclusive: true })` is "more than
 * 100" (lowest possible value 101). A `CountError` for an invalid number.
 *
 * @category constructors
 * @since 0.1.0
 */
export const atLeast = (value: number, options?: { readonly exclusive?: boolean; readonly phrase?: string }): Result.Result<Count, CountError> =>
  make({ kind: "at-least", value, exclusive: options?.exclusive, phrase: options?.phrase })

/**
 * A ceiling: `atMost(50)` is "at most 50"; `atMost(50, { exclusive: true })` is "fewer than 50"
 * (highest possible value 49). A `CountError` for an invalid number, and for an exclusive ceiling
 * of 0, which no count can meet.
 *
 * @category constructors
 * @since 0.1.0
 */
export const atMost = (value: number, options?: { readonly exclusive?: boolean; readonly phrase?: string }): Result.Result<Count, CountError> =>
  make({ kind: "at-most", value, exclusive: options?.exclusive, phrase: options?.phrase })

/**
 * A range, both ends included: `between(60, 70, "60–70")`. A `CountError` when `low` exceeds
 * `high` or either is not a non-negative safe integer.
 *
 * @category constructors
 * @since 0.1.0
 */
export const between = (low: number, high: number, phrase?: string): Result.Result<Count, CountError> =>
  make({ kind: "between", low, high, phrase })

/**
 * A count the source did not put a number on: `unknown()`, `unknown("dozens")`. Its bounds are 0
 * to `Infinity`. A `CountError` only for an empty phrase.
 *
 * @category constructors
 * @since 0.1.0
 */
export const unknown = (phrase?: string): Result.Result<Count, CountError> => make({ kind: "unknown", phrase })

/**
 * {@link exact} for a count written in code: `exactUnsafe(14)`. Throws its `CountError`.
 *
 * @category constructors
 * @since 0.1.0
 */
export const exactUnsafe: (value: number, phrase?: string) => Count = unsafe(exact)

/**
 * {@link about} for a count written in code. Throws its `CountError`.
 *
 * @category constructors
 * @since 0.1.0
 */
export const aboutUnsafe: (value: number, options?: { readonly low?: number; readonly high?: number; readonly phrase?: string }) => Count = unsafe(about)

/**
 * {@link atLeast} for a count written in code. Throws its `CountError`.
 *
 * @category constructors
 * @since 0.1.0
 */
export const atLeastUnsafe: (value: number, options?: { readonly exclusive?: boolean; readonly phrase?: string }) => Count = unsafe(atLeast)

/**
 * {@link atMost} for a count written in code. Throws its `CountError`.
 *
 * @category constructors
 * @since 0.1.0
 */
export const atMostUnsafe: (value: number, options?: { readonly exclusive?: boolean; readonly phrase?: string }) => Count = unsafe(atMost)

/**
 * {@link between} for a count written in code. Throws its `CountError`.
 *
 * @category constructors
 * @since 0.1.0
 */
export const betweenUnsafe: (low: number, high: number, phrase?: string) => Count = unsafe(between)

/**
 * {@link unknown} for a count written in code. Throws its `CountError`.
 *
 * @category constructors
 * @since 0.1.0
 */
export const unknownUnsafe: (phrase?: string) => Count = unsafe(unknown)

// ---------------------------------------------------------------------------------------------
// Combinators
// ---------------------------------------------------------------------------------------------

/**
 * The lowest and highest number a count allows. `about` without bounds uses
 * {@link aboutTolerance}; `at-least` and `unknown` are open above (`high` is `Infinity`).
 *
 * @since 0.1.0
 * @category getters
 */
export const bounds = (c: Count): Bounds => boundsOf(c, aboutTolerance)

/**
 * Whether `n` is a number the count allows: a non-negative integer within its bounds.
 *
 * @since 0.1.0
 * @category combinators
 */
export const contains: {
  (n: number): (c: Count) => boolean
  (c: Count, n: number): boolean
} = dual(2, (c: Count, n: number): boolean => {
  if (!Number.isInteger(n) || n < 0) return false
  const b = bounds(c)
  return b.low <= n && n <= b.high
})

/**
 * The total of several counts: its low is the sum of the lows, its high the sum of the highs. The
 * result is `exact` when they meet, `at-least` when open above, `unknown` when it allows anything
 * (0 to `Infinity`), else `between`; it has no phrase. The sum of no counts is `exact 0`.
 *
 * Gotchas: totals beyond `Number.MAX_SAFE_INTEGER` widen to `at-least` rather than lose
 * precision.
 *
 * @since 0.1.0
 * @category combinators
 */
export const sum = (counts: ReadonlyArray<Count>): Count => {
  let low = 0
  let high = 0
  if (!Array.isArray(counts)) return fromBounds(0, Infinity)
  for (const c of counts) {
    const b = bounds(c)
    low += b.low
    high += b.high
  }
  return fromBounds(low, high)
}

/**
 * The total of two counts; see {@link sum}. Data first, or piped.
 *
 * @example
 * ```ts
 * import { pipe } from "effect"
 * import { Count } from "protest-chronicle"
 *
 * const shot = Count.exactUnsafe(12)
 * const other = Count.aboutUnsafe(3)
 * Count.format(Count.add(shot, other)) // "14–16"
 * Count.format(pipe(shot, Count.add(other))) // the same
 * ```
 *
 * @since 0.1.0
 * @category combinators
 */
export const add: {
  (that: Count): (self: Count) => Count
  (self: Count, that: Count): Count
} = dual(2, (self: Count, that: Count): Count => sum([self, that]))

/**
 * The smallest count that contains every given count: from the lowest low to the highest high.
 * Useful to summarise contested claims ("between 14 and about 70"). The result has no phrase.
 *
 * @since 0.1.0
 * @category combinators
 */
export const envelope = (counts: Arr.NonEmptyReadonlyArray<Count>): Count => {
  let low = Infinity
  let high = 0
  if (!Array.isArray(counts) || counts.length === 0) return fromBounds(0, Infinity)
  for (const c of counts) {
    const b = bounds(c)
    low = Math.min(low, b.low)
    high = Math.max(high, b.high)
  }
  return fromBounds(low, high)
}

/**
 * What can be said for certain about two counts. `"less"` when every value `a` allows is below
 * every value `b` allows (`a.high < b.low`), `"greater"` the other way round, `"equal"` only when
 * both allow exactly the same single value, and `"overlapping"` otherwise.
 *
 * @since 0.1.0
 * @category combinators
 */
export const compare: {
  (b: Count): (a: Count) => Comparison
  (a: Count, b: Count): Comparison
} = dual(2, (a: Count, b: Count): Comparison => {
  const x = bounds(a)
  const y = bounds(b)
  if (x.high < y.low) return "less"
  if (x.low > y.high) return "greater"
  if (x.low === x.high && y.low === y.high) return "equal"
  return "overlapping"
})


/**
 * Whether `a` is certainly smaller than `b`, whatever the true numbers are.
 *
 * @since 0.1.0
 * @category combinators
 */
export const certainlyLess: {
  (b: Count): (a: Count) => boolean
  (a: Count, b: Count): boolean
} = dual(2, (a: Count, b: Count): boolean => compare(a, b) === "less")

/**
 * Whether `a` is certainly larger than `b`, whatever the true numbers are.
 *
 * @since 0.1.0
 * @category combinators
 */
export const certainlyGreater: {
  (b: Count): (a: Count) => boolean
  (a: Count, b: Count): boolean
} = dual(2, (a: Count, b: Count): boolean => compare(a, b) === "greater")

/**
 * Whether both counts pin down the same single number (`exact 14` and `between 14 and 14`).
 *
 * @since 0.1.0
 * @category combinators
 */
export const certainlyEqual: {
  (b: Count): (a: Count) => boolean
  (a: Count, b: Count): boolean
} = dual(2, (a: Count, b: Count): boolean => compare(a, b) === "equal")

/**
 * Whether the two counts could be reports of the same number: their bounds share a value.
 *
 * @since 0.1.0
 * @category combinators
 */
export const possiblyEqual: {
  (b: Count): (a: Count) => boolean
  (a: Count, b: Count): boolean
} = dual(2, (a: Count, b: Count): boolean => {
  const x = bounds(a)
  const y = bounds(b)
  return x.low <= y.high && y.low <= x.high
})

/**
 * A count for people to read: the reported phrase if any, then the bounds in parentheses, never
 * rounded — `about two thousand (1,000–3,000)`, `more than 100 (≥101)`, `60–70`, `unknown`.
 * Without a phrase an `about` count reads `about 2,000 (1,000–3,000)`.
 *
 * @since 0.1.0
 * @category combinators
 */
export const format = (c: Count): string => {
  const range = boundsText(c, bounds(c))
  if (!isObject(c)) return range
  const label = typeof c.phrase === "string" ? c.phrase : c.kind === "about" ? `about ${digits(c.value)}` : undefined
  if (label === undefined || label === range) return range
  return `${label} (${range})`
}

// ---------------------------------------------------------------------------------------------
// Instances
// ---------------------------------------------------------------------------------------------

/**
 * A total, deterministic order: by low bound, then high bound, then kind (exact, about,
 * at-least, at-most, between, unknown), then value, then phrase (absent first, then by UTF-16
 * code units), then the remaining optional fields. Two counts compare equal only when they are
 * the same count.
 *
 * @since 0.1.0
 * @category instances
 */
export const Order: Ord.Order<Count> = orderBy(bounds)
