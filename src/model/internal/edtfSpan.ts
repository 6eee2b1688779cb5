/**
 * The wall-time span a date covers: from its first local instant up to (not
 * including) the first instant after it, optionally widened for `~`.
 *
 * A date-time with an explicit offset is placed on the UTC axis instead; this is
 * what makes the interval order check independent of any zone for values that
 * are all local or all offset, and matches a reading in UTC for mixed ones.
 *
 * @internal
 */
import type { EdtfDate, EdtfDateTime, Endpoint } from "../EdtfTree.js"
import {
  MS_PER_DAY,
  MS_PER_MINUTE,
  MS_PER_SECOND,
  wallOfDate,
  wallOfDateTime,
  wallOfMonthIndex
} from "./edtfCalendar.js"

/** Size of one step of `~` widening for a year with `digits` trailing X: 1, 10, 100, 1000 years. */
const yearStep = (digits: number): number => (digits === 0 ? 1 : digits === 1 ? 10 : digits === 2 ? 100 : 1000)

/** First and last year a (possibly X-masked) year can be. */
const yearRange = (d: EdtfDate): readonly [number, number] => {
  const spread = yearStep(d.unspecified.yearDigits) - 1
  if (d.unspecified.yearDigits === 0) return [d.year, d.year]
  // `-201X` is one of -2019 … -2010: the X digits grow the magnitude.
  return d.year < 0 ? [d.year - spread, d.year] : [d.year, d.year + spread]
}

/** How many steps `~` widens by: one when approximate and widening is asked for. */
const steps = (d: EdtfDate, widen: boolean): number => (widen && d.qualifiers.approximate ? 1 : 0)

const monthOfSeason = (d: EdtfDate): number => (d.season === undefined ? 0 : (d.season - 21) * 3)

/** Wall-time ms of the first instant of the date. */
export const dateStart = (d: EdtfDate, widen: boolean): number => {
  const w = steps(d, widen)
  if (d.season !== undefined) return wallOfMonthIndex(d.year * 12 + monthOfSeason(d) - 3 * w)
  if (d.day !== undefined && d.month !== undefined) return wallOfDate(d.year, d.month, d.day) - w * MS_PER_DAY
  if (d.month !== undefined) return wallOfMonthIndex(d.year * 12 + d.month - 1 - w)
  return wallOfDate(yearRange(d)[0] - w * yearStep(d.unspecified.yearDigits), 1, 1)
}

/** Wall-time ms of the first instant after the date. */
export const dateEnd = (d: EdtfDate, widen: boolean): number => {
  const w = steps(d, widen)
  if (d.season !== undefined) return wallOfMonthIndex(d.year * 12 + monthOfSeason(d) + 3 + 3 * w)
  if (d.day !== undefined && d.month !== undefined) return wallOfDate(d.year, d.month, d.day) + (1 + w) * MS_PER_DAY
  if (d.month !== undefined) return wallOfMonthIndex(d.year * 12 + d.month + w)
  return wallOfDate(yearRange(d)[1] + 1 + w * yearStep(d.unspecified.yearDigits), 1, 1)
}

/** Wall-time ms of a date-time's second, or its UTC ms when it carries an offset. */
export const dateTimeStart = (t: EdtfDateTime): number => {
  const wall = wallOfDateTime(t.year, t.month, t.day, t.hour, t.minute, t.second)
  return t.offset === undefined ? wall : wall - t.offset.minutes * MS_PER_MINUTE
}

const startOf = (e: EdtfDate | EdtfDateTime): number => (e._tag === "Date" ? dateStart(e, false) : dateTimeStart(e))
const endOf = (e: EdtfDate | EdtfDateTime): number =>
  e._tag === "Date" ? dateEnd(e, false) : dateTimeStart(e) + MS_PER_SECOND

/**
 * An interval is refused only when its start lies wholly after its end (the
 * start's first instant is past the end's last one). Qualifiers are ignored, and
 * local values are read as if they were UTC.
 */
export const endpointsInOrder = (start: Endpoint, end: Endpoint): boolean => {
  if ((start._tag !== "Date" && start._tag !== "DateTime") || (end._tag !== "Date" && end._tag !== "DateTime")) {
    return true
  }
  return startOf(start) < endOf(end)
}
