/**
 * Actors: the people, groups and institutions that take part in events. An actor may belong to a
 * parent organisation (Ozenmunaigas within KazMunayGas), be a member of others (a union within a
 * federation), carry names in several languages and scripts, and hold offices for a term.
 *
 * @since 0.1.0
 *
 * @module
 */
import { Schema } from "effect"
import { ActorId, PlaceId } from "./Id.js"
import { Citation } from "./Source.js"
import { LanguageTag, ScriptCode, Text } from "./Text.js"
import { When } from "./When.js"
import { whenNotAfter } from "./internal/checks.js"

/**
 * What kind of actor a record describes.
 *
 * @category schemas
 * @since 0.1.0
 */
export const ActorKind = Schema.Literals([
  "person",
  "workers",
  "union",
  "company",
  "state-body",
  "official",
  "police",
  "military",
  "court",
  "party",
  "media",
  "ngo",
  "residents",
  "international-organization",
  "other"
])
/**
 * @since 0.1.0
 * @category models
 */
export type ActorKind = typeof ActorKind.Type

/**
 * Another name of an actor, optionally with its language and script (Жанаозен, Janaozen).
 *
 * @category schemas
 * @since 0.1.0
 */
export const Alias = Schema.Struct({
  name: Text,
  language: Schema.optionalKey(LanguageTag),
  script: Schema.optionalKey(ScriptCode)
}).annotate({ identifier: "Alias", title: "Alias" })
/**
 * @since 0.1.0
 * @category models
 */
export type Alias = typeof Alias.Type

/**
 * An office held by a person for a term: "akim of Zhanaozen", "Prosecutor General". The term's
 * ends are EDTF values; an open term leaves `to` out.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Office = Schema.Struct({
  title: Text,
  organization: Schema.optionalKey(ActorId),
  place: Schema.optionalKey(PlaceId),
  from: Schema.optionalKey(When),
  to: Schema.optionalKey(When)
}).check(whenNotAfter("from", "to")).annotate({ identifier: "Office", title: "Office" })
/**
 * @since 0.1.0
 * @category models
 */
export type Office = typeof Office.Type

const ArrayOf = <S extends Schema.Top>(item: S) => Schema.Array(item)

/**
 * An actor record.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Actor = Schema.Struct({
  type: Schema.Literal("actor"),
  id: ActorId,
  kind: ActorKind,
  name: Text,
  aliases: Schema.optionalKey(ArrayOf(Alias)),
  parent: Schema.optionalKey(ActorId),
  memberOf: Schema.optionalKey(ArrayOf(ActorId)),
  offices: Schema.optionalKey(ArrayOf(Office)),
  description: Schema.optionalKey(Text),
  citations: Schema.optionalKey(ArrayOf(Citation))
}).check(
  Schema.makeFilter((a) => {
    const issues: Array<Schema.FilterIssue> = []
    if (a.parent === a.id) issues.push({ path: ["parent"], issue: `actor "${a.id}" cannot be its own parent` })
    a.memberOf?.forEach((m, i) => {
      if (m === a.id) issues.push({ path: ["memberOf", i], issue: `actor "${a.id}" cannot be a member of itself` })
    })
    return issues
  })
).annotate({ identifier: "Actor", title: "Actor", description: "A person, group or institution that takes part in events." })
/**
 * @since 0.1.0
 * @category models
 */
export type Actor = typeof Actor.Type
