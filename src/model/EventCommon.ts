/**
 * The fields every event shares, whatever its kind: id, title, summary, when (an EDTF value in the
 * local calendar of `where.timeZone`), where, participants with roles, demands, tags, disputes
 * and at least one citation.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { CountClaims, Dispute } from "./Claim.js"
import { ActorId, EventId, PlaceId } from "./Id.js"
import { Citations } from "./Source.js"
import { Tag, Text } from "./Text.js"
import { TimeZone } from "./TimeZone.js"
import { When } from "./When.js"

/**
 * The part an actor plays in an event.
 *
 * @category schemas
 * @since 0.1.0
 */
export const ParticipantRole = Schema.Literals([
  "organizer",
  "participant",
  "supporter",
  "target",
  "employer",
  "authority",
  "speaker",
  "detainee",
  "victim",
  "perpetrator",
  "defendant",
  "court",
  "mediator",
  "negotiator",
  "observer",
  "other"
])
/**
 * @since 0.1.0
 * @category models
 */
export type ParticipantRole = typeof ParticipantRole.Type

/**
 * An actor taking part in an event in a role, optionally with how many of them took part (as
 * claims) and a note.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Participant = Schema.Struct({
  actor: ActorId,
  role: ParticipantRole,
  count: Schema.optionalKey(CountClaims),
  note: Schema.optionalKey(Text)
}).annotate({ identifier: "Participant", title: "Participant" })
/**
 * @since 0.1.0
 * @category models
 */
export type Participant = typeof Participant.Type

/**
 * Where an event happened: a place record, an optional finer site ("in front of the KazMunayGas
 * office") and the IANA time zone the event's `when` is written in — normally the place's own.
 * `alsoAt` lists further places an event spanned (a strike at two fields, a nationwide emergency
 * declared for two regions); `when` is still read in `timeZone`.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Where = Schema.Struct({
  place: PlaceId,
  site: Schema.optionalKey(Text),
  timeZone: TimeZone,
  alsoAt: Schema.optionalKey(Schema.Array(PlaceId))
}).annotate({ identifier: "Where", title: "Where" })
/**
 * @since 0.1.0
 * @category models
 */
export type Where = typeof Where.Type

/**
 * The fields of every event. `note` is an editorial note on how values were read from the
 * sources ("early June, a Sunday" read as `2011-06`). A kind adds its own fields to these; user-defined kinds (see
 * `Vocabulary`) are built on the same fields, so they decode, project and export like the
 * built-in ones.
 *
 * @category constants
 * @since 0.1.0
 */
export const eventFields = {
  type: Schema.Literal("event"),
  id: EventId,
  title: Text,
  summary: Schema.optionalKey(Text),
  note: Schema.optionalKey(Text),
  when: When,
  where: Where,
  participants: Schema.optionalKey(Schema.Array(Participant)),
  demands: Schema.optionalKey(Schema.Array(Text)),
  tags: Schema.optionalKey(Schema.Array(Tag)),
  disputes: Schema.optionalKey(Schema.Array(Dispute)),
  citations: Citations
} as const

/**
 * The decoded type of the common event fields.
 *
 * @category models
 * @since 0.1.0
 */
export type EventCommon = Schema.Struct<typeof eventFields>["Type"]

/**
 * How many took part, as claims: a rally's crowd, a strike's strikers.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Size = Schema.optionalKey(CountClaims)
