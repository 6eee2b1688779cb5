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
 * const official = Count.exact(14)
 * const activists = Count.about(70, { phrase: "about seventy" })
 * Count.compare(official, activists)                    // "less": 14 < 35, the low end of "about 70"
 * Count.format(Count.sum([official, activists]))         // "49–119"
 * ```
 *
 * @since 0.1.0
 *
 * @module
 */
import { type Array as Arr, Data, Order as Ord, Result, Schema, SchemaIssue } from "effect"
import { clipMessage } from "./DecodeError.js"

// ---------------------------------------------------------------------------------------------
// Models
// ---------------------------------------------------------------------------------------------

const Quantity = Schema.Natural.annotate({ description: "a non-negative safe integer" })
const Phrase = Schema.NonEmptyString.annotate({ description: "the words the source used, as reported" })

const lowAbove = (low: number, high: number, highName: string) =>
  `low (${low}) must not exceed ${highName} (${high})`

const ExactCount = Schema.Struct({
  kind: Schema.Literal("exact"),
  value: Quantity,
  phrase: Schema.optionalKey(Phrase)
}).annotate({ identifier: "ExactCount", description: "A single number, as reported (\"14 killed\")." })

const AboutCount = Schema.Struct({
  kind: Schema.Literal("about"),
  value: Quantity,
  low: Schema.optionalKey(Quantity),
  high: Schema.optionalKey(Quantity),
  phrase: Schema.optionalKey(Phrase)
}).check(Schema.makeFilter((c) => {
  const issues: Array<Schema.FilterIssue> = []
  if (c.low !== undefined && c.low > c.value) issues.push({ path: ["low"], issue: lowAbove(c.low, c.value, "value") })
  if (c.high !== undefined && c.high < c.value) {
    issues.push({ path: ["high"], issue: `high (${c.high}) must not be below value (${c.value})` })
  }
  return issues
}, { expected: "low ≤ value ≤ high" })).annotate({
  identifier: "AboutCount",
  description: "An approximate number (\"about two thousand\"); without low/high the default tolerance applies."
})

const AtLeastCount = Schema.Struct({
  kind: Schema.Literal("at-least"),
  value: Quantity,
  exclusive: Schema.optionalKey(Schema.Boolean),
  phrase: Schema.optionalKey(Phrase)
}).annotate({ identifier: "AtLeastCount", description: "A floor: \"at least 200\", or \"more than 100\" when exclusive." })

const AtMostCount = Schema.Struct({
  kind: Schema.Literal("at-most"),
  value: Quantity,
  exclusive: Schema.optionalKey(Schema.Boolean),
  phrase: Schema.optionalKey(Phrase)
}).check(Schema.makeFilter((c) =>
  c.exclusive === true && c.value === 0
    ? { path: ["exclusive"], issue: "an exclusive at-most count needs a value above 0 (no count is below 0)" }
    : undefined
, { expected: "a value above 0 when exclusive" })).annotate({
  identifier: "AtMostCount",
  description: "A ceiling: \"at most 50\", or \"fewer than 50\" when exclusive."
})

const BetweenCount = Schema.Struct({
  kind: Schema.Literal("between"),
  low: Quantity,
  high: Quantity,
  phrase: Schema.optionalKey(Phrase)
}).check(Schema.makeFilter((c) =>
  c.low <= c.high ? undefined : { path: ["high"], issue: lowAbove(c.low, c.high, "high") }
, { expected: "low ≤ high" })).annotate({ identifier: "BetweenCount", description: "A range: \"60–70\"." })

const UnknownCount = Schema.Struct({
  kind: Schema.Literal("unknown"),
  phrase: Schema.optionalKey(Phrase)
}).annotate({ identifier: "UnknownCount", description: "No number was given (\"dozens\", \"many\", or nothing)." })

/**
 * A count as a source reported it, discriminated by `kind`: `exact`, `about`, `at-least`,
 * `at-most`, `between` or `unknown`, each with an optional `phrase` (the words as reported). All
 * numbers are non-negative safe integers. Decoding checks the relations between fields and names
 * the field at fault, e.g. `low (70) must not exceed high (60)` at `["high"]`.
 *
 * @since 0.1.0
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
 */
export type Count = typeof Count.Type

/**
 * The six kinds of count.
 *
 * @since 0.1.0
 */
export type Kind = Count["kind"]

/**
 * The lowest and highest number a count allows, both inclusive. `high` is `Infinity` for open
 * counts (`at-least`, `unknown`).
 *
 * @since 0.1.0
 */
export interface Bounds {
  readonly low: number
  readonly high: number
}

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
 */
export const aboutTolerance = 0.5

/**
 * Thrown by the constructors (`exact`, `about`, …) when the numbers do not make a valid count:
 * a negative or fractional number, `low` above `high`, an exclusive `at-most 0`, an empty phrase.
 * `path` names the offending field. To validate untrusted data without exceptions, decode with
 * `Schema.decodeUnknownResult(Count.Count)` instead.
 *
 * @since 0.1.0
 */
export class CountError extends Data.TaggedError("CountError")<{
  readonly message: string
  readonly path: ReadonlyArray<PropertyKey>
}> {}

// ---------------------------------------------------------------------------------------------
// Guards
// ---------------------------------------------------------------------------------------------

/**
 * Whether an unknown value is a valid `Count` (every field and relation checked).
 *
 * @since 0.1.0
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
 */
export const decode = (input: unknown): Result.Result<Count, CountError> => {
  const result = decodeCount(input)
  if (Result.isSuccess(result)) return Result.succeed(result.success)
  const first = toStandardIssues(result.failure.issue).issues[0]
  const path = (first?.path ?? []).map((segment) => typeof segment === "object" ? segment.key : segment)
  return Result.fail(new CountError({ message: clipMessage(first?.message ?? result.failure.message), path }))
}

const make = (candidate: { readonly [key: string]: unknown }): Count => {
  // Leave out keys given as `undefined` so that plain JavaScript callers get the same result.
  const input = Object.fromEntries(Object.entries(candidate).filter(([, v]) => v !== undefined))
  const result = decode(input)
  if (Result.isSuccess(result)) return result.success
  throw result.failure
}

/**
 * An exact count: `exact(14)`, `exact(14, "fourteen")`. Throws `CountError` when `value` is not a
 * non-negative safe integer.
 *
 * @since 0.1.0
 */
export const exact = (value: number, phrase?: string): Count => make({ kind: "exact", value, phrase })

/**
 * An approximate count: `about(2000, { phrase: "about two thousand" })`. Without `low`/`high` the
 * bounds follow {@link aboutTolerance}; when given they must satisfy `low ≤ value ≤ high`, else
 * `CountError` is thrown.
 *
 * @since 0.1.0
 */
export const about = (
  value: number,
  options?: { readonly low?: number; readonly high?: number; readonly phrase?: string }
): Count => make({ kind: "about", value, low: options?.low, high: options?.high, phrase: options?.phrase })

/**
 * A floor: `atLeast(200)` is "at least 200"; `atLeast(100, { exclusive: true })` is "more than
 * 100" (lowest possible value 101). Throws `CountError` on an invalid number.
 *
 * @since 0.1.0
 */
export const atLeast = (
  value: number,
  options?: { readonly exclusive?: boolean; readonly phrase?: string }
): Count => make({ kind: "at-least", value, exclusive: options?.exclusive, phrase: options?.phrase })

/**
 * A ceiling: `atMost(50)` is "at most 50"; `atMost(50, { exclusive: true })` is "fewer than 50"
 * (highest possible value 49). Throws `CountError` on an invalid number, and for an exclusive
 * ceiling of 0, which no count can meet.
 *
 * @since 0.1.0
 */
export const atMost = (
  value: number,
  options?: { readonly exclusive?: boolean; readonly phrase?: string }
): Count => make({ kind: "at-most", value, exclusive: options?.exclusive, phrase: options?.phrase })

/**
 * A range, both ends included: `between(60, 70, "60–70")`. Throws `CountError` when `low` exceeds
 * `high` or either is not a non-negative safe integer.
 *
 * @since 0.1.0
 */
export const between = (low: number, high: number, phrase?: string): Count =>
  make({ kind: "between", low, high, phrase })

/**
 * A count the source did not put a number on: `unknown()`, `unknown("dozens")`. Its bounds are 0
 * to `Infinity`. Throws `CountError` only for an empty phrase.
 *
 * @since 0.1.0
 */
export const unknown = (phrase?: string): Count => make({ kind: "unknown", phrase })

// ---------------------------------------------------------------------------------------------
// Combinators
// ---------------------------------------------------------------------------------------------

/**
 * The lowest and highest number a count allows. `about` without bounds uses
 * {@link aboutTolerance}; `at-least` and `unknown` are open above (`high` is `Infinity`).
 *
 * @since 0.1.0
 */
export const bounds = (c: Count): Bounds => {
  // Anything that is not a count (a cast, a JavaScript caller) allows every number, as "unknown".
  const u = c as { readonly [key: string]: unknown } | null | undefined
  const num = (v: unknown): v is number => typeof v === "number" && !Number.isNaN(v)
  switch (typeof u === "object" && u !== null ? u["kind"] : undefined) {
    case "exact":
      if (num(u!["value"])) return { low: u!["value"], high: u!["value"] }
      break
    case "about": {
      const value = u!["value"]
      const low = u!["low"]
      const high = u!["high"]
      if (num(value)) {
        return {
          low: num(low) ? low : Math.ceil(value * (1 - aboutTolerance)),
          high: num(high) ? high : Math.floor(value * (1 + aboutTolerance))
        }
      }
      break
    }
    case "at-least":
      if (num(u!["value"])) return { low: u!["exclusive"] === true ? u!["value"] + 1 : u!["value"], high: Infinity }
      break
    case "at-most":
      if (num(u!["value"])) return { low: 0, high: u!["exclusive"] === true ? u!["value"] - 1 : u!["value"] }
      break
    case "between":
      if (num(u!["low"]) && num(u!["high"])) return { low: u!["low"], high: u!["high"] }
      break
  }
  return { low: 0, high: Infinity }
}

/**
 * Whether `n` is a number the count allows: a non-negative integer within its bounds.
 *
 * @since 0.1.0
 */
export const contains = (c: Count, n: number): boolean => {
  if (!Number.isInteger(n) || n < 0) return false
  const b = bounds(c)
  return b.low <= n && n <= b.high
}

// The count that allows exactly [low, high], widened where a number would leave the safe-integer
// range (a wider count never excludes a true value; a rounded one could).
const fromBounds = (low: number, high: number): Count => {
  const top = high > Number.MAX_SAFE_INTEGER ? Infinity : high
  const bottom = Math.min(low, Number.MAX_SAFE_INTEGER)
  if (top === Infinity) return bottom === 0 ? { kind: "unknown" } : { kind: "at-least", value: bottom }
  return bottom === top ? { kind: "exact", value: bottom } : { kind: "between", low: bottom, high: top }
}

/**
 * The total of several counts: its low is the sum of the lows, its high the sum of the highs. The
 * result is `exact` when they meet, `at-least` when open above, `unknown` when it allows anything
 * (0 to `Infinity`), else `between`; it has no phrase. The sum of no counts is `exact 0`.
 *
 * Gotchas: totals beyond `Number.MAX_SAFE_INTEGER` widen to `at-least` rather than lose
 * precision.
 *
 * @since 0.1.0
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
 * The total of two counts; see {@link sum}.
 *
 * @since 0.1.0
 */
export const add = (a: Count, b: Count): Count => sum([a, b])

/**
 * The smallest count that contains every given count: from the lowest low to the highest high.
 * Useful to summarise contested claims ("between 14 and about 70"). The result has no phrase.
 *
 * @since 0.1.0
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
 */
export const compare = (a: Count, b: Count): "less" | "greater" | "equal" | "overlapping" => {
  const x = bounds(a)
  const y = bounds(b)
  if (x.high < y.low) return "less"
  if (x.low > y.high) return "greater"
  if (x.low === x.high && y.low === y.high) return "equal"
  return "overlapping"
}

/**
 * Whether `a` is certainly smaller than `b`, whatever the true numbers are.
 *
 * @since 0.1.0
 */
export const certainlyLess = (a: Count, b: Count): boolean => compare(a, b) === "less"

/**
 * Whether `a` is certainly larger than `b`, whatever the true numbers are.
 *
 * @since 0.1.0
 */
export const certainlyGreater = (a: Count, b: Count): boolean => compare(a, b) === "greater"

/**
 * Whether both counts pin down the same single number (`exact 14` and `between 14 and 14`).
 *
 * @since 0.1.0
 */
export const certainlyEqual = (a: Count, b: Count): boolean => compare(a, b) === "equal"

/**
 * Whether the two counts could be reports of the same number: their bounds share a value.
 *
 * @since 0.1.0
 */
export const possiblyEqual = (a: Count, b: Count): boolean => {
  const x = bounds(a)
  const y = bounds(b)
  return x.low <= y.high && y.low <= x.high
}

const isObject = (u: unknown): u is { readonly [key: string]: unknown } & Count => typeof u === "object" && u !== null

const digits = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",")

const boundsText = (c: Count): string => {
  if (!isObject(c) || c.kind === "unknown") return "unknown"
  const b = bounds(c)
  if (b.low === b.high) return digits(b.low)
  if (b.high === Infinity) return `≥${digits(b.low)}`
  if (c.kind === "at-most") return `≤${digits(b.high)}`
  return `${digits(b.low)}–${digits(b.high)}`
}

/**
 * A count for people to read: the reported phrase if any, then the bounds in parentheses, never
 * rounded — `about two thousand (1,000–3,000)`, `more than 100 (≥101)`, `60–70`, `unknown`.
 * Without a phrase an `about` count reads `about 2,000 (1,000–3,000)`.
 *
 * @since 0.1.0
 */
export const format = (c: Count): string => {
  const range = boundsText(c)
  if (!isObject(c)) return range
  const label = typeof c.phrase === "string" ? c.phrase : c.kind === "about" ? `about ${digits(c.value)}` : undefined
  if (label === undefined || label === range) return range
  return `${label} (${range})`
}

// ---------------------------------------------------------------------------------------------
// Instances
// ---------------------------------------------------------------------------------------------

const kindRank: { readonly [K in Kind]: number } = {
  exact: 0,
  about: 1,
  "at-least": 2,
  "at-most": 3,
  between: 4,
  unknown: 5
}

// Absent sorts before present; present values by the given order.
const optional = <A>(order: Ord.Order<A>): Ord.Order<A | undefined> =>
  Ord.make((x, y) => x === undefined ? (y === undefined ? 0 : -1) : y === undefined ? 1 : order(x, y))

const field = <A>(order: Ord.Order<A>, get: (c: Count) => A): Ord.Order<Count> => Ord.mapInput(order, get)

/**
 * A total, deterministic order: by low bound, then high bound, then kind (exact, about,
 * at-least, at-most, between, unknown), then value, then phrase (absent first, then by UTF-16
 * code units), then the remaining optional fields. Two counts compare equal only when they are
 * the same count.
 *
 * @since 0.1.0
 */
export const Order: Ord.Order<Count> = Ord.combineAll([
  field(Ord.Number, (c) => bounds(c).low),
  field(Ord.Number, (c) => bounds(c).high),
  field(Ord.Number, (c) => kindRank[c.kind]),
  field(optional(Ord.Number), (c) => "value" in c ? c.value : undefined),
  field(optional(Ord.String), (c) => c.phrase),
  field(optional(Ord.Number), (c) => c.kind === "about" ? c.low : undefined),
  field(optional(Ord.Number), (c) => c.kind === "about" ? c.high : undefined),
  field(optional(Ord.Boolean), (c) => c.kind === "at-least" || c.kind === "at-most" ? c.exclusive : undefined)
])
