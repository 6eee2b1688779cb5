/**
 * Claims: values attributed to the sources that report them and, optionally, to the actor who
 * made the claim. A contested quantity (the number killed, the size of a crowd) is a non-empty
 * list of claims, each kept as reported; a projection later chooses how to summarise them.
 *
 * @since 0.1.0
 *
 * @module
 */
import { Schema } from "effect"
import { bounds, Count, format } from "./Count.js"
import { ActorId, PlaceId } from "./Id.js"
import { Citations } from "./Source.js"
import { nonEmptyArrayOf, Text } from "./Text.js"
import { When } from "./When.js"

/**
 * A schema for a claim whose value is decoded by `value`: the value, the citations that report
 * it, and optionally the claimant (the actor who made the claim, such as the Prosecutor General's
 * Office), the date it was made (an EDTF value) and a note.
 *
 * @since 0.1.0
 * @category constructors
 */
export const claimOf = <S extends Schema.Top>(value: S) =>
  Schema.Struct({
    value,
    citations: Citations,
    claimant: Schema.optionalKey(ActorId),
    madeOn: Schema.optionalKey(When),
    note: Schema.optionalKey(Text)
  })

/**
 * A schema for a non-empty list of claims about one quantity or fact.
 *
 * @since 0.1.0
 * @category constructors
 */
export const claimsOf = <S extends Schema.Top>(value: S) => nonEmptyArrayOf(claimOf(value), "needs at least one claim")

/**
 * One part of a reported total: "12 shot dead" of 15, "19 security personnel" of 225.
 *
 * @since 0.1.0
 * @category schemas
 */
export const CountPart = Schema.Struct({ label: Text, count: Count }).annotate({ identifier: "CountPart", title: "CountPart" })
/**
 * The type of the `CountPart` schema.
 *
 * @since 0.1.0
 * @category models
 */
export type CountPart = typeof CountPart.Type

/**
 * One claim about a count: "14 dead, according to the Prosecutor General". `breakdown` keeps the
 * parts a source gave with its total (12 shot dead and 3 other deaths; 225 dead including 19
 * security personnel); the parts need not add up to the total, but none may exceed it.
 *
 * @since 0.1.0
 * @category schemas
 */
export const CountClaim = Schema.Struct({
  ...claimOf(Count).fields,
  breakdown: Schema.optionalKey(Schema.Array(CountPart))
}).check(
  Schema.makeFilter((claim) => {
    const high = bounds(claim.value).high
    return (claim.breakdown ?? []).flatMap((part, i) =>
      bounds(part.count).low > high
        ? [{ path: ["breakdown", i, "count"], issue: `part "${part.label}" (${format(part.count)}) exceeds the total (${format(claim.value)})` }]
        : []
    )
  })
).annotate({ identifier: "CountClaim", title: "CountClaim" })
/**
 * The type of the `CountClaim` schema.
 *
 * @since 0.1.0
 * @category models
 */
export type CountClaim = typeof CountClaim.Type

/**
 * Every claim about one count, kept as reported (at least one).
 *
 * @since 0.1.0
 * @category schemas
 */
export const CountClaims = nonEmptyArrayOf(CountClaim, "needs at least one claim").annotate({
  identifier: "CountClaims",
  title: "CountClaims",
  description: "Every reported value of a contested count, each attributed to its sources."
})
/**
 * The type of the `CountClaims` schema.
 *
 * @since 0.1.0
 * @category models
 */
export type CountClaims = typeof CountClaims.Type

/**
 * The value of a claim in a dispute: a text, a count, a date, a set of actors or a place. It lets
 * a record keep any disagreement between sources: which companies were involved, when a strike
 * began, where a sit-in was held.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ClaimedValue = Schema.Union([
  Schema.Struct({ kind: Schema.Literal("text"), text: Text }),
  Schema.Struct({ kind: Schema.Literal("count"), count: Count }),
  Schema.Struct({ kind: Schema.Literal("when"), when: When }),
  Schema.Struct({ kind: Schema.Literal("actors"), actors: nonEmptyArrayOf(ActorId, "needs at least one actor") }),
  Schema.Struct({ kind: Schema.Literal("place"), place: PlaceId, site: Schema.optionalKey(Text) })
]).annotate({ identifier: "ClaimedValue", title: "ClaimedValue" })
/**
 * The type of the `ClaimedValue` schema.
 *
 * @since 0.1.0
 * @category models
 */
export type ClaimedValue = typeof ClaimedValue.Type

/**
 * A dispute: sources disagree about one topic of a record ("company that lost the tender",
 * "start of the strike"). Each version is a claim with its citations.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Dispute = Schema.Struct({
  topic: Text,
  claims: nonEmptyArrayOf(claimOf(ClaimedValue), "needs at least one claim")
}).annotate({ identifier: "Dispute", title: "Dispute" })
/**
 * The type of the `Dispute` schema.
 *
 * @since 0.1.0
 * @category models
 */
export type Dispute = typeof Dispute.Type
