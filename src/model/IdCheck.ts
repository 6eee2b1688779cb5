/**
 * The form every record id has, whatever kind of record it names, for the package's own readers:
 * the journal's stream schema and the file store's line check use it without building a branded
 * id. Sibling folders import this module; it is not part of the package's public entries (users
 * check ids with the schemas of `Id`, such as `Schema.is(Id.EventId)`).
 *
 * @since 0.1.0
 */

/** Letters, digits and `.`, `_`, `:`, `~`, `-`, starting with a letter or digit, at most 200 characters. */
export const idPattern = /^[A-Za-z0-9][A-Za-z0-9._:~-]{0,199}$/u

/** True when `s` is a string of the form every id must have. */
export const isValidId = (s: unknown): s is string => typeof s === "string" && idPattern.test(s)
