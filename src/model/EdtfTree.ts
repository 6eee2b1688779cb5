/**
 * The EDTF syntax tree: what `When.parse` gives and `When.format` takes — dates, date-times with
 * their offsets, open and unknown interval ends, and intervals — each with its qualifiers and
 * unspecified digits. Types only: `When` re-exports them (`When.Parsed`, `When.EdtfDate`, …), and
 * the scanner, the formatter and the bounds in `internal/` read them from here.
 *
 * @since 0.1.0
 */
import type { Qualifiers } from "./When.js"

/**
 * Which parts of a date are written with X: how many trailing year digits
 * (`201X` has 1, `20XX` has 2), and whether the month and day are `XX`.
 *
 * @category models
 * @since 0.1.0
 */
export interface Unspecified {
  readonly yearDigits: 0 | 1 | 2 | 3
  readonly month: boolean
  readonly day: boolean
}

/**
 * EDTF level-1 seasons. Like the `edtf` package, they are read as quarters of
 * the calendar year: 21 is January–March, 22 April–June, 23 July–September,
 * 24 October–December (no hemisphere is assumed).
 *
 * @category models
 * @since 0.1.0
 */
export type Season = 21 | 22 | 23 | 24

/**
 * A date (year, year-month, year-month-day, or year-season). `year` reads X
 * digits as 0 (`201X` → 2010, `-201X` → -2010); `month` and `day` are absent
 * when not written or written `XX`.
 *
 * @category models
 * @since 0.1.0
 */
export interface EdtfDate {
  readonly _tag: "Date"
  readonly year: number
  readonly month?: number
  readonly day?: number
  readonly season?: Season
  readonly unspecified: Unspecified
  readonly qualifiers: Qualifiers
}

/**
 * An offset from UTC written after a time, in minutes east of UTC, and how it
 * was written (`Z`, `+05`, `+05:00`) so the text can be rebuilt exactly.
 *
 * @category models
 * @since 0.1.0
 */
export interface UtcOffset {
  readonly minutes: number
  readonly written: "Z" | "±hh" | "±hh:mm"
}

/**
 * A date and time to the second. Without `offset` it is local time in the
 * zone of the place; with one, it names a single UTC instant.
 *
 * @category models
 * @since 0.1.0
 */
export interface EdtfDateTime {
  readonly _tag: "DateTime"
  readonly year: number
  readonly month: number
  readonly day: number
  readonly hour: number
  readonly minute: number
  readonly second: number
  readonly offset?: UtcOffset
}

/**
 * The open end of an interval (`..`): it runs on without limit (`2011-05-11/..`, still ongoing).
 *
 * @category models
 * @since 0.1.0
 */
export interface OpenEnd {
  readonly _tag: "Open"
}

/**
 * The unknown end of an interval (nothing written, as in `2011/`): there is an end, but nobody knows it.
 *
 * @category models
 * @since 0.1.0
 */
export interface UnknownEnd {
  readonly _tag: "Unknown"
}

/**
 * One side of an interval.
 *
 * @category models
 * @since 0.1.0
 */
export type Endpoint = EdtfDate | EdtfDateTime | OpenEnd | UnknownEnd

/**
 * An interval `start/end`. At least one side is a date or date-time.
 *
 * @category models
 * @since 0.1.0
 */
export interface EdtfInterval {
  readonly _tag: "Interval"
  readonly start: Endpoint
  readonly end: Endpoint
}

/**
 * The frozen syntax tree of an EDTF value.
 *
 * @category models
 * @since 0.1.0
 */
export type Parsed = EdtfDate | EdtfDateTime | EdtfInterval
