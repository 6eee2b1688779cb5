/**
 * When something happened, as written by the people who reported it: an EDTF
 * value (Extended Date/Time Format, levels 0 and 1) such as `2011-12-16`,
 * `2011-05~`, `2012-08-06?`, `2023-04-10/2023-04-11` or `2011-05-11/..`, or a
 * date-time such as `2011-12-16T10:00:00+05:00`.
 *
 * Values are kept exactly as written. Everything else — precision, qualifiers,
 * and the earliest and latest UTC instants in the place's time zone — is derived.
 *
 * No function here throws for bad input, whatever JavaScript passes it, except
 * those named `…Unsafe`, which exist to throw. Bad values and unknown zones give a `WhenError` or
 * `TimeZoneError` as a `Result` failure; functions whose answer has no room for a
 * failure (precision, orders) give the documented answer for a value that is not
 * valid EDTF.
 *
 * @since 0.1.0
 *
 * @module
 */
import { Data, Order as Ord, Result, Schema } from "effect"
import type { Brand } from "effect"
import { boundsIn, spanIn } from "./internal/edtfBounds.js"
import { MAX_YEAR, MIN_YEAR } from "./internal/edtfCalendar.js"
import { precisionOf, qualifiersOf } from "./internal/edtfFacts.js"
import { format as formatParsed } from "./internal/edtfFormat.js"
import { EDTF_PATTERN } from "./internal/edtfPattern.js"
import type { Endpoint, Parsed } from "./EdtfTree.js"
import { NOT_A_STRING, parsedForZones, parsedOrUndefined, scanCached, zoneFailure } from "./internal/edtfParsed.js"
import { cut, describeValue } from "./internal/shown.js"
import { zoneNamed } from "./internal/zoneOffsets.js"
import type { TimeZone, TimeZoneError } from "./TimeZone.js"

// ---------------------------------------------------------------------------
// models
// ---------------------------------------------------------------------------

/**
 * A syntactically and calendrically valid EDTF string (levels 0–1, or a
 * date-time with an optional offset), kept exactly as written.
 *
 * @category models
 * @since 0.1.0
 */
export type When = string & Brand.Brand<"When">

/**
 * How finely a value is known, from coarsest to finest. An X-masked year is as
 * precise as its known digits (`201X` is a decade, `1985-XX-XX` a year).
 *
 * @category models
 * @since 0.1.0
 */
export type Precision = "millennium" | "century" | "decade" | "year" | "season" | "month" | "day" | "second"

/**
 * The EDTF qualifiers of a date: `?` uncertain, `~` approximate, `%` both.
 *
 * @category models
 * @since 0.1.0
 */
export interface Qualifiers {
  readonly uncertain: boolean
  readonly approximate: boolean
}

// The EDTF syntax tree (what `parse` gives and `format` takes) is in `EdtfTree.ts` (types only).
export type { EdtfDate, EdtfDateTime, EdtfInterval, Endpoint, OpenEnd, Parsed, Season, UnknownEnd, Unspecified, UtcOffset } from "./EdtfTree.js"

/**
 * A span of UTC time in epoch milliseconds. `latest` is the last millisecond
 * inside the span (inclusive). Open and unknown interval ends are `-Infinity` /
 * `Infinity`.
 *
 * @category models
 * @since 0.1.0
 */
export interface Bounds {
  readonly earliest: number
  readonly latest: number
}

/**
 * A value together with the time zone of its place, for ordering events that
 * happened in different zones.
 *
 * @category models
 * @since 0.1.0
 */
export interface Located {
  readonly when: When
  readonly timeZone: TimeZone | string
}

/**
 * What a value says about the start and the end of the thing it dates: the range of
 * instants (epoch ms, inclusive) at which it may have begun, and the range at which it
 * may have ended. Interval relations (`Allen`) and link timing are computed from it.
 *
 * A single date (`2011-12-16`, `2011-05~`) dates something that began and ended
 * somewhere inside its {@link bounds}: `start` and `end` are both the whole bounds
 * (with start ≤ end understood). An interval `A/B` began within the bounds of `A` and
 * ended within those of `B`. An unknown side (`2011/`, `/2012`) is a free range: the
 * start anywhere from `-Infinity` up to the last possible end, the end anywhere from the
 * first possible start up to `Infinity`. An open side (`..`) runs on without limit, so it
 * is a fixed point at infinity: `../2011` has `start` = `{-Infinity, -Infinity}` and
 * `2011-05-11/..` has `end` = `{Infinity, Infinity}`.
 *
 * Always `start.earliest === bounds.earliest`, `end.latest === bounds.latest`,
 * `start.latest <= end.latest` and `start.earliest <= end.earliest`. Spans are frozen.
 *
 * @category models
 * @since 0.1.0
 */
export interface Span {
  readonly start: Bounds
  readonly end: Bounds
}

/**
 * Why a value is not a `When`: `input` is the string (cut to 60 characters when
 * longer, or a short description of a value that is not a string), `reason` says
 * what is wrong and, where it can, how to write it. The message reads
 * `"2011-13-40" is not an EDTF date: month 13 does not exist`.
 *
 * @category errors
 * @since 0.1.0
 */
export class WhenError extends Data.TaggedError("WhenError")<{
  readonly input: string
  readonly reason: string
}> {
  override get message(): string {
    const input = typeof this.input === "string" ? this.input : describeValue(this.input)
    const reason = typeof this.reason === "string" ? this.reason : describeValue(this.reason)
    return reason === NOT_A_STRING ? `${input} is not an EDTF date: ${NOT_A_STRING}` : describeFailure(input, reason)
  }
}

const describeFailure = (input: string, reason: string): string => `${JSON.stringify(cut(input))} is not an EDTF date: ${reason}`

const whenError = (input: unknown, reason: string): WhenError =>
  new WhenError({ input: typeof input === "string" ? cut(input) : describeValue(input), reason })

// ---------------------------------------------------------------------------
// policy constants
// ---------------------------------------------------------------------------

/**
 * The smallest year accepted (`Y-99999`). Years are astronomical: `0000` is
 * 1 BCE, `-0001` is 2 BCE. The range is far inside what `Date` can hold
 * (about ±271,821), leaving room for widening and for zone look-ups.
 *
 * @category constants
 * @since 0.1.0
 */
export const minYear: number = MIN_YEAR

/**
 * The largest year accepted (`Y99999`); see {@link minYear}.
 *
 * @category constants
 * @since 0.1.0
 */
export const maxYear: number = MAX_YEAR

/**
 * How far an approximate (`~` or `%`) date is widened on each side, by its
 * precision. Date-times cannot be qualified, so `second` has no entry.
 *
 * @category constants
 * @since 0.1.0
 */
export const approximateWidening: {
  readonly [P in Exclude<Precision, "second">]: { readonly amount: number; readonly unit: "years" | "months" | "days" }
} = Object.freeze({
  millennium: Object.freeze({ amount: 1000, unit: "years" }),
  century: Object.freeze({ amount: 100, unit: "years" }),
  decade: Object.freeze({ amount: 10, unit: "years" }),
  year: Object.freeze({ amount: 1, unit: "years" }),
  season: Object.freeze({ amount: 3, unit: "months" }),
  month: Object.freeze({ amount: 1, unit: "months" }),
  day: Object.freeze({ amount: 1, unit: "days" })
})

/**
 * The widening policy in words, for documentation and user interfaces.
 *
 * @category constants
 * @since 0.1.0
 */
export const wideningPolicy: string =
  "An approximate date (~) is widened by one unit of its precision on each side in the local calendar " +
  "(a day by a day, a month by a month, a season by three months, a year by a year, 201X by ten years). " +
  "An uncertain date (?) keeps its bounds: it only marks the value as uncertain, so queries answer " +
  "'possible' rather than 'certain'. % does both."

// ---------------------------------------------------------------------------
// parsing
// ---------------------------------------------------------------------------

/**
 * Reads EDTF text into its frozen syntax tree, or explains what is wrong.
 * Results are memoised per string (a bounded cache), so asking again is cheap.
 *
 * @example
 * import { Result } from "effect"
 * import { When } from "protest-chronicle"
 * Result.isSuccess(When.parse("2011-05~")) // true
 * When.parse("2011-02-29") // failure: day 29 does not exist in February 2011, which has 28 days
 * When.parse("16/12/2011") // failure: write it year-month-day, as 2011-12-16 (…)
 *
 * @category parsing
 * @since 0.1.0
 */
export const parse = (input: string): Result.Result<Parsed, WhenError> => {
  if (typeof input !== "string") return Result.fail(whenError(input, NOT_A_STRING))
  const scanned = scanCached(input)
  return typeof scanned === "string" ? Result.fail(whenError(input, scanned)) : Result.succeed(scanned)
}

/**
 * Writes a syntax tree as EDTF text; `format` of a parse result gives back the
 * very string that was parsed. Something that is not a syntax tree gives the
 * empty string, which `parse` refuses.
 *
 * @category parsing
 * @since 0.1.0
 */
export const format = (parsed: Parsed): string => {
  try {
    return formatParsed(parsed)
  } catch {
    return ""
  }
}

// ---------------------------------------------------------------------------
// guards and constructors
// ---------------------------------------------------------------------------

/**
 * Checks a string and brands it as a `When`, or explains what is wrong.
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (input: string): Result.Result<When, WhenError> =>
  Result.map(parse(input), () => input as When)

/**
 * Like {@link make} but throws the {@link WhenError}; meant for literals in code
 * and fixtures (`When.makeUnsafe("2011-12-16")`).
 *
 * @category constructors
 * @since 0.1.0
 */
export const makeUnsafe = (input: string): When => Result.getOrThrow(make(input))


/**
 * Tells whether a value is a string holding a valid EDTF value.
 *
 * @category guards
 * @since 0.1.0
 */
export const isWhen = (u: unknown): u is When => parsedOrUndefined(u) !== undefined

// ---------------------------------------------------------------------------
// derived facts
// ---------------------------------------------------------------------------

/** What a value that is not valid EDTF (made a `When` by a cast) is read as: nothing is known. */
const UNREADABLE_QUALIFIERS: Qualifiers = Object.freeze({ uncertain: true, approximate: false })

/**
 * How finely the value is known. For an interval, the coarser of its two
 * dates (an open or unknown end does not count): `2011/2011-05-03` is `year`.
 * A value that is not valid EDTF (only a cast makes one a `When`) is `millennium`,
 * the coarsest.
 *
 * @category getters
 * @since 0.1.0
 */
export const precision = (w: When): Precision => {
  const p = parsedOrUndefined(w)
  return p === undefined ? "millennium" : precisionOf(p)
}

/**
 * The qualifiers of the value. For an interval, a qualifier on either date
 * counts (`2011~/2012?` is both uncertain and approximate). A value that is not
 * valid EDTF is uncertain, so that nothing is ever called certain on its account.
 *
 * @category getters
 * @since 0.1.0
 */
export const qualifiers = (w: When): Qualifiers => {
  const p = parsedOrUndefined(w)
  return p === undefined ? UNREADABLE_QUALIFIERS : qualifiersOf(p)
}

/**
 * Tells whether the value is an interval (`A/B`, including open and unknown ends);
 * false for a value that is not valid EDTF.
 *
 * @category getters
 * @since 0.1.0
 */
export const isInterval = (w: When): boolean => parsedOrUndefined(w)?._tag === "Interval"

/**
 * The earliest and latest UTC instants the value can denote, reading dates
 * and local times in the calendar of `timeZone`. An explicit offset (`Z`,
 * `+05:00`) overrides the zone. `2011-12-16` in `Asia/Aqtau` (UTC+5) is
 * 2011-12-15T19:00:00.000Z … 2011-12-16T18:59:59.999Z. A value that is not valid
 * EDTF gives its {@link WhenError}, a zone the engine does not know a `TimeZoneError`.
 *
 * Policy: an approximate date (`~`, and `%`) is widened by one unit of its
 * precision on each side, in the local calendar (see {@link approximateWidening}):
 * `2011-05~` spans April–June 2011, `201X~` spans 2000–2029. An uncertain date
 * (`?`) keeps its bounds; only {@link qualifiers} reports it, so that queries can
 * answer "possible" rather than "certain".
 *
 * Gotchas: open (`..`) and unknown (empty) interval ends give `-Infinity` /
 * `Infinity`. A local reading that happened twice (clocks set back) counts from
 * its first occurrence; one that never happened (clocks set forward) is the
 * moment of the jump. A local day the clocks skipped whole (Pacific/Apia,
 * 2011-12-30) is that single instant; if the zone makes a value end before it
 * begins, `latest` is raised to `earliest`. Offsets come from the engine's time-zone
 * data (`Intl`), read once per zone and stretch of years and kept, so a value costs
 * about a microsecond once its zone and years have been seen; results are frozen
 * and not cached (`parse` memoises the syntax tree).
 *
 * @category getters
 * @since 0.1.0
 */
export const bounds = (w: When, timeZone: TimeZone | string): Result.Result<Bounds, WhenError | TimeZoneError> => {
  const parsed = parsedForZones(w)
  if (typeof parsed === "string") return Result.fail(whenError(w, parsed))
  const zone = zoneNamed(timeZone)
  return zone === undefined ? Result.fail(zoneFailure(timeZone)) : Result.succeed(boundsIn(parsed, zone))
}

/**
 * Like {@link bounds} but throws the `WhenError` or `TimeZoneError`; for values and
 * zones already checked (decoded records carry both), where a failure is a bug.
 *
 * @category getters
 * @since 0.1.0
 */
export const boundsUnsafe = (w: When, timeZone: TimeZone | string): Bounds => Result.getOrThrow(bounds(w, timeZone))

/**
 * The {@link Span} of a value read in `timeZone`: ranges of possible start and end
 * instants. `2011-12-16/2011-12-18` in `Asia/Aqtau` starts within 16 December and ends
 * within 18 December (local days); `2011-12-16` starts and ends within that one day.
 * Fails like {@link bounds}.
 *
 * @category getters
 * @since 0.1.0
 */
export const span = (w: When, timeZone: TimeZone | string): Result.Result<Span, WhenError | TimeZoneError> => {
  const parsed = parsedForZones(w)
  if (typeof parsed === "string") return Result.fail(whenError(w, parsed))
  const zone = zoneNamed(timeZone)
  return zone === undefined ? Result.fail(zoneFailure(timeZone)) : Result.succeed(spanIn(parsed, zone))
}

/**
 * Like {@link span} but throws the `WhenError` or `TimeZoneError`; for values and
 * zones already checked.
 *
 * @category getters
 * @since 0.1.0
 */
export const spanUnsafe = (w: When, timeZone: TimeZone | string): Span => Result.getOrThrow(span(w, timeZone))

// ---------------------------------------------------------------------------
// operations on bounds
// ---------------------------------------------------------------------------

// Fields are read with `?.` so that a value outside the type (null, a number) compares as
// nothing in particular instead of throwing.

/**
 * Orders bounds by earliest instant, then by latest.
 *
 * @category instances
 * @since 0.1.0
 */
export const boundsOrder: Ord.Order<Bounds> = (a, b) => {
  const x = a?.earliest
  const y = b?.earliest
  if (x < y) return -1
  if (x > y) return 1
  const u = a?.latest
  const v = b?.latest
  return u < v ? -1 : u > v ? 1 : 0
}

/**
 * Tells whether two spans share at least one millisecond.
 *
 * @category combinators
 * @since 0.1.0
 */
export const overlaps = (a: Bounds, b: Bounds): boolean => a?.earliest <= b?.latest && b?.earliest <= a?.latest

/**
 * Tells whether `outer` includes every millisecond of `inner`.
 *
 * @category combinators
 * @since 0.1.0
 */
export const contains = (outer: Bounds, inner: Bounds): boolean =>
  outer?.earliest <= inner?.earliest && inner?.latest <= outer?.latest

// ---------------------------------------------------------------------------
// schema
// ---------------------------------------------------------------------------

const isEdtf = Schema.makeFilter(
  (s: string) => {
    const scanned = scanCached(s)
    return typeof scanned === "string" ? describeFailure(s, scanned) : true
  },
  { expected: "an EDTF date (levels 0–1)" },
  true
)

/**
 * Schema for {@link When}: a string that is valid EDTF (levels 0–1, or a
 * date-time with an optional offset), branded, kept as written. Decoding
 * `"2011-13-40"` fails with `"2011-13-40" is not an EDTF date: month 13 does
 * not exist`. Its JSON Schema carries a `pattern` for the EDTF shape (calendar
 * rules are checked only here).
 *
 * @category schemas
 * @since 0.1.0
 */
export const When = Schema.String.pipe(
  Schema.check(isEdtf, Schema.isPattern(EDTF_PATTERN)),
  Schema.brand("When")
).annotate({
  title: "When",
  description:
    "An EDTF date (levels 0 and 1), kept as written: 2011-12-16, 2011-05~, 2012-08-06?, 201X, 2011-21, " +
    "2023-04-10/2023-04-11, 2011-05-11/.., or a date-time such as 2011-12-16T10:00:00+05:00. " +
    `Years from ${MIN_YEAR} to ${MAX_YEAR}.`
})

// ---------------------------------------------------------------------------
// instances
// ---------------------------------------------------------------------------

const compareText = (x: unknown, y: unknown): -1 | 0 | 1 => {
  const a = typeof x === "string" ? x : ""
  const b = typeof y === "string" ? y : ""
  return a < b ? -1 : a > b ? 1 : 0
}

/** By bounds, then text; a value without bounds (not valid EDTF, or an unknown zone) after every other. */
const byBoundsThenText = (a: Result.Result<Bounds, unknown>, b: Result.Result<Bounds, unknown>, x: unknown, y: unknown): -1 | 0 | 1 => {
  if (Result.isSuccess(a) && Result.isSuccess(b)) {
    const byBounds = boundsOrder(a.success, b.success)
    if (byBounds !== 0) return byBounds
  } else if (Result.isSuccess(a) || Result.isSuccess(b)) {
    return Result.isSuccess(a) ? -1 : 1
  }
  return compareText(x, y)
}

/**
 * A total, deterministic order on values read in UTC: by earliest instant, then
 * latest, then the text. It agrees with {@link bounds} in `UTC`: if one value
 * can begin earlier, it comes first (`2011-05~` before `2011-06`). Strings that
 * are not valid EDTF come after every value, by text.
 *
 * @category instances
 * @since 0.1.0
 */
export const Order: Ord.Order<When> = (a, b) => (a === b ? 0 : byBoundsThenText(bounds(a, "UTC"), bounds(b, "UTC"), a, b))

/**
 * A total order for values each in its own time zone: by their bounds, then
 * the text, then the zone id. Use it to merge events from several places. A value
 * whose bounds cannot be read (not valid EDTF, or a zone the engine does not know)
 * comes after every other.
 *
 * @category instances
 * @since 0.1.0
 */
export const compareLocated: Ord.Order<Located> = (a, b) => {
  const byWhen = byBoundsThenText(bounds(a?.when, a?.timeZone), bounds(b?.when, b?.timeZone), a?.when, b?.when)
  return byWhen !== 0 ? byWhen : compareText(a?.timeZone, b?.timeZone)
}
