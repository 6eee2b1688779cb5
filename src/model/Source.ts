/**
 * Sources and citations. Every fact in a chronicle points at the source it was read from:
 * a `Source` record describes one article, report, decree or post; a `Citation` points at a
 * source from inside another record, optionally with a short quote and a locator.
 *
 * @since 0.1.0
 *
 * @module
 */
import { Schema } from "effect"
import { SourceId } from "./Id.js"
import { LanguageTag, nonEmptyArrayOf, Text, Url } from "./Text.js"
import { When } from "./When.js"

/**
 * What kind of publisher a source is.
 *
 * @category schemas
 * @since 0.1.0
 */
export const SourceKind = Schema.Literals(["news", "official", "court", "ngo", "academic", "social", "other"])
/**
 * @since 0.1.0
 * @category models
 */
export type SourceKind = typeof SourceKind.Type

/**
 * A source record: the outlet, and where known the title, URL, publication date (an EDTF value,
 * so "2011-12" is fine), language and kind. `via` names the source it was read through when a
 * text was republished (an RFE/RL story read on LabourStart).
 *
 * @category schemas
 * @since 0.1.0
 */
export const Source = Schema.Struct({
  type: Schema.Literal("source"),
  id: SourceId,
  outlet: Text,
  kind: SourceKind,
  title: Schema.optionalKey(Text),
  url: Schema.optionalKey(Url),
  published: Schema.optionalKey(When),
  language: Schema.optionalKey(LanguageTag),
  author: Schema.optionalKey(Text),
  via: Schema.optionalKey(SourceId),
  note: Schema.optionalKey(Text)
}).annotate({ identifier: "Source", title: "Source", description: "One article, report, decree or post that facts are read from." })
/**
 * @since 0.1.0
 * @category models
 */
export type Source = typeof Source.Type

/**
 * A citation: the source a fact was read from, optionally with a short quote (in its own
 * language, with an optional translation) and a locator such as a paragraph or a page.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Citation = Schema.Struct({
  source: SourceId,
  quote: Schema.optionalKey(Text),
  quoteLanguage: Schema.optionalKey(LanguageTag),
  translation: Schema.optionalKey(Text),
  locator: Schema.optionalKey(Text)
}).annotate({ identifier: "Citation", title: "Citation", description: "A pointer from a fact to the source it was read from." })
/**
 * @since 0.1.0
 * @category models
 */
export type Citation = typeof Citation.Type

/**
 * At least one citation: the rule for every event and every asserted link.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Citations = nonEmptyArrayOf(Citation, "needs at least one citation")
/**
 * @since 0.1.0
 * @category models
 */
export type Citations = typeof Citations.Type
