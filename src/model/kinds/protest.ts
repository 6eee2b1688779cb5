/**
 * Event kinds of collective action: strikes, hunger strikes and rallies.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { eventFields, Size } from "../EventCommon.js"
import { ActorId } from "../Id.js"

/**
 * How a work stoppage was organised.
 *
 * @category schemas
 * @since 0.1.0
 */
export const StrikeForm = Schema.Literals(["strike", "work-stoppage", "wildcat", "sit-down", "go-slow", "refusal-to-work"])
/**
 * @since 0.1.0
 * @category models
 */
export type StrikeForm = typeof StrikeForm.Type

/**
 * Whether a stoppage was lawful, as far as the record knows.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Legality = Schema.Literals(["lawful", "ruled-unlawful", "disputed", "unknown"])
/**
 * @since 0.1.0
 * @category models
 */
export type Legality = typeof Legality.Type

/**
 * What a protest's demands are for, in the four categories CAMEO uses to refine its protest codes
 * (1411–1454): a change of leadership, a change of policy (wages, jobs and prices are policy), rights,
 * or a change of institutions or regime. The demands themselves are the event's `demands` texts.
 *
 * @category schemas
 * @since 0.1.0
 */
export const DemandCategory = Schema.Literals(["leadership-change", "policy-change", "rights", "institutional-change"])
/**
 * @since 0.1.0
 * @category models
 */
export type DemandCategory = typeof DemandCategory.Type

/**
 * A strike: workers stop work. `size` is the number of strikers, as claims; `demonstration` is
 * true when strikers also gathered in public (ACLED records a strike only then); `demandsFor`
 * categorises the demands.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Strike = Schema.Struct({
  ...eventFields,
  kind: Schema.Literal("strike"),
  form: Schema.optionalKey(StrikeForm),
  employers: Schema.optionalKey(Schema.Array(ActorId)),
  size: Size,
  legality: Schema.optionalKey(Legality),
  demonstration: Schema.optionalKey(Schema.Boolean),
  demandsFor: Schema.optionalKey(DemandCategory)
}).annotate({ identifier: "Strike", title: "Strike", description: "Workers stop work." })
/**
 * @since 0.1.0
 * @category models
 */
export type Strike = typeof Strike.Type

/**
 * A hunger strike, or a declared one: `declaredOnly` marks a warning that a hunger strike would
 * begin, when the record does not know that it did. `size` (as claims) tells an individual hunger
 * strike from a collective one; `demandsFor` categorises the demands.
 *
 * @category schemas
 * @since 0.1.0
 */
export const HungerStrike = Schema.Struct({
  ...eventFields,
  kind: Schema.Literal("hunger-strike"),
  employers: Schema.optionalKey(Schema.Array(ActorId)),
  size: Size,
  declaredOnly: Schema.optionalKey(Schema.Boolean),
  demandsFor: Schema.optionalKey(DemandCategory)
}).annotate({ identifier: "HungerStrike", title: "HungerStrike", description: "People refuse food as a protest." })
/**
 * @since 0.1.0
 * @category models
 */
export type HungerStrike = typeof HungerStrike.Type

/**
 * The form a rally took.
 *
 * @category schemas
 * @since 0.1.0
 */
export const RallyForm = Schema.Literals(["demonstration", "march", "sit-in", "picket", "blockade", "gathering"])
/**
 * @since 0.1.0
 * @category models
 */
export type RallyForm = typeof RallyForm.Type

/**
 * A rally: a demonstration, march, sit-in, picket or blockade. `size` is the crowd as claims;
 * `authorised` is true or false when a source says so and absent when unknown; `overnight` marks a
 * protest that went on through the night; `demandsFor` categorises the demands.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Rally = Schema.Struct({
  ...eventFields,
  kind: Schema.Literal("rally"),
  form: RallyForm,
  size: Size,
  authorised: Schema.optionalKey(Schema.Boolean),
  overnight: Schema.optionalKey(Schema.Boolean),
  demandsFor: Schema.optionalKey(DemandCategory)
}).annotate({ identifier: "Rally", title: "Rally", description: "A demonstration, march, sit-in, picket or blockade." })
/**
 * @since 0.1.0
 * @category models
 */
export type Rally = typeof Rally.Type
