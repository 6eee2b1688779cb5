/**
 * Small string schemas shared by every record: non-blank text, tags, language tags, URLs.
 *
 * @since 0.1.0
 *
 * @module
 */
import { Schema } from "effect"

/**
 * Text that is not empty and not only white space.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Text = Schema.String.check(
  Schema.isPattern(/\S/u, { expected: "a non-blank string" })
)
/**
 * @since 0.1.0
 * @category models
 */
export type Text = typeof Text.Type

/**
 * A tag: lower-case words joined by `-`, such as `oil-workers` or `16-december`.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Tag = Schema.String.check(
  Schema.isPattern(/^[\p{Ll}\p{Lo}0-9]+(?:-[\p{Ll}\p{Lo}0-9]+)*$/u, {
    expected: "a tag: lower-case letters and digits joined by single hyphens"
  })
)
/**
 * @since 0.1.0
 * @category models
 */
export type Tag = typeof Tag.Type

const validLanguage = new Map<string, boolean>()
// True when `s` is a well-formed BCP 47 language tag (`kk`, `ru`, `en-GB`, `kk-Cyrl`).
const isLanguageTag = (s: string): boolean => {
  let ok = validLanguage.get(s)
  if (ok === undefined) {
    try {
      ok = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(s) && Intl.getCanonicalLocales(s).length === 1
    } catch {
      ok = false
    }
    if (validLanguage.size > 1000) validLanguage.clear()
    validLanguage.set(s, ok)
  }
  return ok
}

/**
 * A BCP 47 language tag such as `kk`, `ru`, `en` or `kk-Latn`.
 *
 * @category schemas
 * @since 0.1.0
 */
export const LanguageTag = Schema.String.check(
  Schema.isPattern(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/u, { expected: "a BCP 47 language tag such as \"kk\" or \"en-GB\"" }),
  Schema.makeFilter((s: string) => isLanguageTag(s) || `"${s}" is not a BCP 47 language tag`)
)
/**
 * @since 0.1.0
 * @category models
 */
export type LanguageTag = typeof LanguageTag.Type

/**
 * An ISO 15924 script code such as `Latn`, `Cyrl` or `Arab`.
 *
 * @category schemas
 * @since 0.1.0
 */
export const ScriptCode = Schema.String.check(
  Schema.isPattern(/^[A-Z][a-z]{3}$/u, { expected: "an ISO 15924 script code such as \"Latn\" or \"Cyrl\"" })
)

/**
 * An absolute `http:` or `https:` URL.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Url = Schema.String.check(
  Schema.isPattern(/^https?:\/\/\S+$/u, { expected: "an http(s) URL" }),
  Schema.makeFilter((s: string) => {
    try {
      const u = new URL(s)
      return u.protocol === "http:" || u.protocol === "https:" || `"${s}" is not an http(s) URL`
    } catch {
      return `"${s}" is not a URL`
    }
  })
)
/**
 * @since 0.1.0
 * @category models
 */
export type Url = typeof Url.Type

/**
 * A schema for a list that must hold at least one item. A failure names the list itself
 * (`at ["citations"]: an event needs at least one citation`), not a missing first item.
 *
 * @category combinators
 * @since 0.1.0
 */
export const nonEmptyArrayOf = <S extends Schema.Top>(item: S, message: string) =>
  Schema.Array(item).check(Schema.isMinLength(1, { message, expected: message }))
