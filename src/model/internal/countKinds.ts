/**
 * The six shapes of a count (exact, about, at-least, at-most, between, unknown) as schemas, with
 * the checks that relate their fields. `Count.ts` joins them into the public `Count` union.
 */
import { Schema } from "effect"

const Quantity = Schema.Natural.annotate({ description: "a non-negative safe integer" })
const Phrase = Schema.NonEmptyString.annotate({ description: "the words the source used, as reported" })

const lowAbove = (low: number, high: number, highName: string) =>
  `low (${low}) must not exceed ${highName} (${high})`

export const ExactCount = Schema.Struct({
  kind: Schema.Literal("exact"),
  value: Quantity,
  phrase: Schema.optionalKey(Phrase)
}).annotate({ identifier: "ExactCount", description: "A single number, as reported (\"14 killed\")." })

export const AboutCount = Schema.Struct({
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

export const AtLeastCount = Schema.Struct({
  kind: Schema.Literal("at-least"),
  value: Quantity,
  exclusive: Schema.optionalKey(Schema.Boolean),
  phrase: Schema.optionalKey(Phrase)
}).annotate({ identifier: "AtLeastCount", description: "A floor: \"at least 200\", or \"more than 100\" when exclusive." })

export const AtMostCount = Schema.Struct({
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

export const BetweenCount = Schema.Struct({
  kind: Schema.Literal("between"),
  low: Quantity,
  high: Quantity,
  phrase: Schema.optionalKey(Phrase)
}).check(Schema.makeFilter((c) =>
  c.low <= c.high ? undefined : { path: ["high"], issue: lowAbove(c.low, c.high, "high") }
, { expected: "low ≤ high" })).annotate({ identifier: "BetweenCount", description: "A range: \"60–70\"." })

export const UnknownCount = Schema.Struct({
  kind: Schema.Literal("unknown"),
  phrase: Schema.optionalKey(Phrase)
}).annotate({ identifier: "UnknownCount", description: "No number was given (\"dozens\", \"many\", or nothing)." })
