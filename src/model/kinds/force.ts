/**
 * Event kinds of force and restriction: dispersals, violence with casualties, detentions and
 * emergency measures.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { CountClaims } from "../Claim.js"
import { Count } from "../Count.js"
import { eventFields } from "../EventCommon.js"
import { ActorId, PlaceId } from "../Id.js"
import { nonEmptyArrayOf, Text } from "../Text.js"

/**
 * A means of force reported in a dispersal or clash. `live-fire` is shooting at people with live
 * ammunition; shots fired into the air or over heads are `warning-shots`; `crowd-control` is
 * crowd-control means a source does not name (as PLOVER codes them).
 *
 * @category schemas
 * @since 0.1.0
 */
export const Force = Schema.Literals([
  "physical",
  "batons",
  "tear-gas",
  "stun-grenades",
  "water-cannon",
  "rubber-bullets",
  "warning-shots",
  "crowd-control",
  "live-fire",
  "vehicles",
  "arrests"
])
/**
 * @since 0.1.0
 * @category models
 */
export type Force = typeof Force.Type

/**
 * A dispersal or use of force by authorities against a gathering: who acted (`by`), the means
 * reported, and casualties as claims; `hospitalised` counts the injured who needed hospital care
 * (the codebooks' "serious injuries").
 *
 * @category schemas
 * @since 0.1.0
 */
export const Dispersal = Schema.Struct({
  ...eventFields,
  kind: Schema.Literal("dispersal"),
  by: Schema.optionalKey(Schema.Array(ActorId)),
  force: Schema.optionalKey(Schema.Array(Force)),
  killed: Schema.optionalKey(CountClaims),
  injured: Schema.optionalKey(CountClaims),
  hospitalised: Schema.optionalKey(CountClaims)
}).annotate({ identifier: "Dispersal", title: "Dispersal", description: "Authorities break up a gathering or use force against it." })
/**
 * @since 0.1.0
 * @category models
 */
export type Dispersal = typeof Dispersal.Type

/**
 * The form violence took.
 *
 * @category schemas
 * @since 0.1.0
 */
export const ViolenceForm = Schema.Literals(["shooting", "killing", "beating", "clashes", "arson", "death", "other"])
/**
 * @since 0.1.0
 * @category models
 */
export type ViolenceForm = typeof ViolenceForm.Type

/**
 * The sides of a violent event, by the kind of actor, as the codebooks tell them apart (ACLED's
 * actor types): state forces, protesters (peaceful until then), rioters (a violent crowd or mob),
 * civilians (unarmed people not protesting), an armed group, or not known.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Side = Schema.Literals(["state-forces", "protesters", "rioters", "civilians", "armed-group", "unknown"])
/**
 * @since 0.1.0
 * @category models
 */
export type Side = typeof Side.Type

/**
 * Violence with casualties: a killing, a shooting, clashes. Who is said to be responsible goes in
 * `participants` (role `perpetrator`) or, when sources disagree, in `disputes`; `between` says
 * which kind of actor used violence (`by`) against which (`against`), as far as the record knows;
 * `targeted` marks the killing of a chosen person (a political figure, an activist);
 * `hospitalised` counts the injured who needed hospital care.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Violence = Schema.Struct({
  ...eventFields,
  kind: Schema.Literal("violence"),
  form: ViolenceForm,
  killed: Schema.optionalKey(CountClaims),
  injured: Schema.optionalKey(CountClaims),
  hospitalised: Schema.optionalKey(CountClaims),
  between: Schema.optionalKey(Schema.Struct({ by: Side, against: Side })),
  targeted: Schema.optionalKey(Schema.Boolean)
}).annotate({ identifier: "Violence", title: "Violence", description: "Violence with casualties." })
/**
 * @since 0.1.0
 * @category models
 */
export type Violence = typeof Violence.Type

/**
 * What became of detainees, as far as the record knows; `count` says how many when the outcome
 * differs within the group (5 warned, 10 kept for talks).
 *
 * @category schemas
 * @since 0.1.0
 */
export const DetentionOutcome = Schema.Struct({
  status: Schema.Literals([
    "held",
    "released",
    "released-with-warning",
    "fined",
    "administrative-arrest",
    "charged",
    "sentenced",
    "unknown"
  ]),
  count: Schema.optionalKey(Count),
  detail: Schema.optionalKey(Text)
}).annotate({ identifier: "DetentionOutcome", title: "DetentionOutcome" })
/**
 * @since 0.1.0
 * @category models
 */
export type DetentionOutcome = typeof DetentionOutcome.Type

/**
 * A detention or arrest: how many were detained (as claims), named detainees, the authority that
 * detained them, the legal basis given (such as the law "On Peaceful Assemblies"), charges and
 * outcomes. `atProtest` marks arrests made at a protest, `extrajudicial` a detention outside any
 * legal process (an abduction by state forces), and `significance` a `mass` detention or one of a
 * `prominent` person (the arrests ACLED records as events) as against a `routine` one.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Detention = Schema.Struct({
  ...eventFields,
  kind: Schema.Literal("detention"),
  detained: CountClaims,
  detainees: Schema.optionalKey(Schema.Array(ActorId)),
  authority: Schema.optionalKey(ActorId),
  legalBasis: Schema.optionalKey(Schema.Array(Text)),
  charges: Schema.optionalKey(Schema.Array(Text)),
  outcomes: Schema.optionalKey(Schema.Array(DetentionOutcome)),
  atProtest: Schema.optionalKey(Schema.Boolean),
  extrajudicial: Schema.optionalKey(Schema.Boolean),
  significance: Schema.optionalKey(Schema.Literals(["routine", "mass", "prominent"]))
}).annotate({ identifier: "Detention", title: "Detention", description: "People are detained or arrested." })
/**
 * @since 0.1.0
 * @category models
 */
export type Detention = typeof Detention.Type

/**
 * The kind of emergency measure: `ban` bans gatherings, `organization-ban` bans or suspends a union,
 * NGO or other association, `party-ban` a political party or politicians; `deployment` sends police,
 * `military-deployment` troops.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Measure = Schema.Literals([
  "state-of-emergency",
  "curfew",
  "ban",
  "organization-ban",
  "party-ban",
  "deployment",
  "military-deployment",
  "internet-shutdown",
  "other"
])
/**
 * @since 0.1.0
 * @category models
 */
export type Measure = typeof Measure.Type

/**
 * An emergency measure: a state of emergency, curfew, ban or deployment, decreed by an authority
 * over an area, with the restrictions it imposed. Its `when` is the period it was in force.
 *
 * @category schemas
 * @since 0.1.0
 */
export const EmergencyMeasure = Schema.Struct({
  ...eventFields,
  kind: Schema.Literal("emergency-measure"),
  measures: nonEmptyArrayOf(Measure, "needs at least one measure"),
  authority: Schema.optionalKey(ActorId),
  area: Schema.optionalKey(Schema.Array(PlaceId)),
  restrictions: Schema.optionalKey(Schema.Array(Text)),
  instrument: Schema.optionalKey(Text)
}).annotate({ identifier: "EmergencyMeasure", title: "EmergencyMeasure", description: "A state of emergency, curfew, ban or deployment." })
/**
 * @since 0.1.0
 * @category models
 */
export type EmergencyMeasure = typeof EmergencyMeasure.Type
