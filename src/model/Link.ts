/**
 * Links: historical linkages between two events, read as "`from` RELATION `to`" — "the strike
 * causes the layoff", "the detention responds-to the rally", "the 2023 rally commemorates the
 * 2011 shooting". An asserted link gives a rationale and at least one citation; an inferred link
 * names the rule that proposed it, with a score and a reason.
 *
 * @since 0.1.0
 *
 * @module
 */
import { Schema } from "effect"
import { EventId, LinkId } from "./Id.js"
import { Citation } from "./Source.js"
import { Text } from "./Text.js"

/**
 * The relations a link can express:
 * - `causes`: `from` brought `to` about;
 * - `responds-to`: `from` answers `to` (a detention after a rally, a statement after a strike);
 * - `part-of`: `from` is one episode of the larger event `to`;
 * - `continues`: `from` takes up again what `to` began;
 * - `commemorates`: `from` marks the memory of `to` (an anniversary rally);
 * - `echoes`: `from` recalls `to` without being caused by it;
 * - `same-as`: two reports of one event;
 * - `contradicts`: the two records cannot both be right.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Relation = Schema.Literals([
  "causes",
  "responds-to",
  "part-of",
  "continues",
  "commemorates",
  "echoes",
  "same-as",
  "contradicts"
])
/**
 * @since 0.1.0
 * @category models
 */
export type Relation = typeof Relation.Type

/**
 * The rule that proposed an inferred link, its score in [0, 1] and its reason in words.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Inference = Schema.Struct({
  rule: Text,
  score: Schema.Finite.check(Schema.isBetween({ minimum: 0, maximum: 1 })),
  reason: Text
}).annotate({ identifier: "Inference", title: "Inference" })
/**
 * @since 0.1.0
 * @category models
 */
export type Inference = typeof Inference.Type

/**
 * A link record.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Link = Schema.Struct({
  type: Schema.Literal("link"),
  id: LinkId,
  relation: Relation,
  from: EventId,
  to: EventId,
  rationale: Schema.optionalKey(Text),
  citations: Schema.optionalKey(Schema.Array(Citation)),
  inferredBy: Schema.optionalKey(Inference)
}).check(
  Schema.makeFilter((l) => {
    const issues: Array<Schema.FilterIssue> = []
    if (l.from === l.to) issues.push({ path: ["to"], issue: `a link cannot join event "${l.from}" to itself` })
    if (l.inferredBy === undefined) {
      if (l.rationale === undefined) {
        issues.push({ path: ["rationale"], issue: "an asserted link needs a rationale (or inferredBy, for an inferred one)" })
      }
      if (l.citations === undefined || l.citations.length === 0) {
        issues.push({ path: ["citations"], issue: "an asserted link needs at least one citation (or inferredBy, for an inferred one)" })
      }
    }
    return issues
  })
).annotate({ identifier: "Link", title: "Link", description: "A historical linkage between two events." })
/**
 * @since 0.1.0
 * @category models
 */
export type Link = typeof Link.Type

/**
 * True for the relations whose direction matters in time (all but `same-as` and `contradicts`).
 *
 * @category guards
 * @since 0.1.0
 */
export const isDirected = (relation: Relation): boolean => relation !== "same-as" && relation !== "contradicts"
