/**
 * The EDTF syntax accepted by `When`, as a regular expression for JSON Schema.
 *
 * It describes the shape only (digit counts, separators, qualifiers); calendar
 * rules such as "February 2011 has 28 days" and "an interval must not start
 * after it ends" are checked by the scanner. Every alternative is anchored and
 * free of nested repetition, so matching takes linear time.
 *
 * @internal
 */
const YEAR = "(?:Y-?[1-9][0-9]{4,}|-?(?:[0-9]{4}|[0-9]{3}X|[0-9]{2}XX|[0-9]XXX))"
const DATE = `${YEAR}(?:-(?:[0-9]{2}|XX)(?:-(?:[0-9]{2}|XX))?)?[?~%]?`
const DATE_TIME = "-?[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:Z|[+-][0-9]{2}(?::[0-9]{2})?)?"
const SINGLE = `(?:${DATE_TIME}|${DATE})`
const END = `(?:${SINGLE}|\\.\\.)?`

/** Unicode flag set: only `u` patterns are exported to JSON Schema by effect. */
export const EDTF_PATTERN = new RegExp(`^(?:${SINGLE}|${END}/${END})$`, "u")
