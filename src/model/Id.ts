/**
 * Branded identifiers for records. Ids are readable slugs such as
 * `zhanaozen-2011-12-16-shooting`, or UUIDs: letters, digits and `.`, `_`, `:`, `~`, `-`,
 * starting with a letter or digit, at most 200 characters.
 *
 * The brand is a type only: at run time an id is its string. It says what an id names, so the
 * projections that take ids (`LinkGraph.lineage`, `Timeline.get`, `Hierarchy.isWithin`, …) refuse
 * a plain string, or a place id where an event id is wanted. Decoded records carry branded ids
 * already; a literal is made with its schema's `make`, which throws on a malformed id, or
 * `makeOption`, which returns `Option.none()` instead.
 *
 * @example
 * ```ts
 * import { Option } from "effect"
 * import { Id } from "protest-chronicle"
 *
 * const shooting = Id.EventId.make("zhanaozen-2011-12-16-shooting") // an EventId
 * Option.isNone(Id.EventId.makeOption("not an id!")) // true
 * ```
 *
 * @since 0.1.0
 *
 * @module
 */
import { Schema } from "effect"
import { idPattern } from "./IdCheck.js"

const idCheck = Schema.isPattern(idPattern, {
  expected: "an id: letters, digits and . _ : ~ - (starting with a letter or digit, at most 200 characters)"
})

const IdString = Schema.String.check(idCheck)
const about = (title: string, what: string) => ({ title, description: `The id of ${what}.` })

/**
 * The id of an event record (a strike, a rally, a detention, …).
 *
 * @category schemas
 * @since 0.1.0
 */
export const EventId = IdString.pipe(Schema.brand("EventId")).annotate(about("EventId", "an event"))
/**
 * @since 0.1.0
 * @category models
 */
export type EventId = typeof EventId.Type

/**
 * The id of an actor record: a person, a workers' group, a company, a state body, …
 *
 * @category schemas
 * @since 0.1.0
 */
export const ActorId = IdString.pipe(Schema.brand("ActorId")).annotate(about("ActorId", "an actor"))
/**
 * @since 0.1.0
 * @category models
 */
export type ActorId = typeof ActorId.Type

/**
 * The id of a place record: a country, a region, a town, an oilfield, …
 *
 * @category schemas
 * @since 0.1.0
 */
export const PlaceId = IdString.pipe(Schema.brand("PlaceId")).annotate(about("PlaceId", "a place"))
/**
 * @since 0.1.0
 * @category models
 */
export type PlaceId = typeof PlaceId.Type

/**
 * The id of a source record: one article, report, decree or post.
 *
 * @category schemas
 * @since 0.1.0
 */
export const SourceId = IdString.pipe(Schema.brand("SourceId")).annotate(about("SourceId", "a source"))
/**
 * @since 0.1.0
 * @category models
 */
export type SourceId = typeof SourceId.Type

/**
 * The id of a link record between two events.
 *
 * @category schemas
 * @since 0.1.0
 */
export const LinkId = IdString.pipe(Schema.brand("LinkId")).annotate(about("LinkId", "a link"))
/**
 * @since 0.1.0
 * @category models
 */
export type LinkId = typeof LinkId.Type
