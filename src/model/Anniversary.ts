/**
 * Anniversaries: whether a later event falls on the anniversary of an earlier one — the same
 * month and day in a later year, such as a memorial on 16 December for the shooting of 16
 * December 2011.
 *
 * Days are read in the local calendar the dates are written in (an event's `when` is written in
 * the calendar of its `where.timeZone`), so no time-zone conversion is involved: `2011-12-16` in
 * Zhanaozen is 16 December whatever its UTC instants. A date-time is on the day it names, even
 * with an offset. The earlier event's day is the day it began (for an interval, its start); the
 * later event falls on any day it may cover. 29 February matches only 29 February.
 *
 * Bad input: nothing here throws. Text that is not EDTF, and values that are not strings or have
 * no `when`, have no days: they are on no anniversary (`no`) and have no `yearsBetween`.
 *
 * Certainty: `certain` when the earlier event began on one known day, the later event lies on
 * one known day, neither is uncertain (`?`) or approximate (`~`), and the days share month and
 * day in a later year. `possible` when some day the earlier event may have begun on and some day
 * the later may cover share month and day in a later year — so a year-precision date (`2012`)
 * is never a certain anniversary but may be a possible one. Otherwise `no`.
 *
 * @example
 * ```ts
 * import { Anniversary, When } from "protest-chronicle"
 * Anniversary.ofWhen(When.makeUnsafe("2011-12-16"), When.makeUnsafe("2012-12-16")) // "certain"
 * Anniversary.ofWhen(When.makeUnsafe("2011-12-16"), When.makeUnsafe("2013")) // "possible"
 * ```
 *
 * @since 0.1.0
 *
 * @module
 */
import { Result } from "effect"
import type { AnyEvent } from "./Event.js"
import { MS_PER_DAY, wallOfDateTime } from "./internal/edtfCalendar.js"
import { dateEnd, dateStart } from "./internal/edtfSpan.js"
import { type Endpoint, parse, type When } from "./When.js"

/** An event's `when` as written, or undefined for a value without one. */
const whenOf = (e: unknown): string | undefined => {
  const w = typeof e === "object" && e !== null ? (e as { readonly when?: unknown }).when : undefined
  return typeof w === "string" ? w : undefined
}

/**
 * How sure an anniversary is: `certain`, `possible`, or `no`.
 *
 * @category models
 * @since 0.1.0
 */
export type Certainty = "certain" | "possible" | "no"

/**
 * A local calendar day: year, month (1–12) and day of month.
 *
 * @category models
 * @since 0.1.0
 */
export interface LocalDay {
  readonly year: number
  readonly month: number
  readonly day: number
}

/** Day numbers (days since 1970-01-01, local) that a value may start on and may cover. */
interface Days {
  readonly startFirst: number
  readonly startLast: number
  readonly first: number
  readonly last: number
  /** The start is one known day, without qualifier. */
  readonly exactStart: boolean
  /** The whole value is one known day, without qualifier. */
  readonly exactDay: boolean
}

const dayOfWall = (wall: number): number => Math.floor(wall / MS_PER_DAY)

const firstDay = (e: Endpoint): number => {
  switch (e._tag) {
    case "Open":
    case "Unknown":
      return -Infinity
    case "Date":
      return dayOfWall(dateStart(e, true))
    case "DateTime":
      return dayOfWall(wallOfDateTime(e.year, e.month, e.day, 0, 0, 0))
  }
}

const lastDay = (e: Endpoint): number => {
  switch (e._tag) {
    case "Open":
    case "Unknown":
      return Infinity
    case "Date":
      return dayOfWall(dateEnd(e, true)) - 1
    case "DateTime":
      return firstDay(e)
  }
}

const isExactDay = (e: Endpoint): boolean =>
  e._tag === "DateTime" ||
  (e._tag === "Date" && e.day !== undefined && e.unspecified.yearDigits === 0 && !e.qualifiers.uncertain && !e.qualifiers.approximate)

const daysCache = new Map<string, Days>()

const daysOf = (w: unknown): Days | undefined => {
  if (typeof w !== "string") return undefined
  const known = daysCache.get(w)
  if (known !== undefined) return known
  const parsed = parse(w)
  if (Result.isFailure(parsed)) return undefined
  const p = parsed.success
  const start = p._tag === "Interval" ? p.start : p
  const end = p._tag === "Interval" ? p.end : p
  const first = firstDay(start)
  const startLast = Math.max(first, lastDay(start))
  const last = Math.max(first, lastDay(end))
  const exactStart = isExactDay(start)
  const exactDay = exactStart && (p._tag !== "Interval" || (isExactDay(end) && first === lastDay(end)))
  const days: Days = {
    startFirst: first,
    startLast: p._tag === "Interval" && start._tag === "Unknown" ? last : startLast,
    first,
    last,
    exactStart,
    exactDay
  }
  if (daysCache.size >= 10_000) daysCache.clear()
  daysCache.set(w, days)
  return days
}

/**
 * The local calendar day of a day number (days since 1970-01-01). A day number that is not a
 * finite integer has no day: every field is NaN.
 *
 * @category conversions
 * @since 0.1.0
 */
export const localDay = (dayNumber: number): LocalDay => {
  if (!Number.isSafeInteger(dayNumber)) return { year: NaN, month: NaN, day: NaN }
  // Howard Hinnant's civil_from_days.
  const z = dayNumber + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day }
}

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0

/** The first year ≥ `fromYear` in which month/day exists. */
const yearWith = (month: number, day: number, fromYear: number): number => {
  if (month !== 2 || day !== 29) return fromYear
  let y = fromYear
  while (!isLeap(y)) y++
  return y
}

const dayNumber = (y: number, m: number, d: number): number => {
  const yy = m <= 2 ? y - 1 : y
  const era = Math.floor(yy / 400)
  const yoe = yy - era * 400
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

/**
 * The earliest day in [from, to] on `month`/`day`, or undefined. `from` is finite.
 */
const earliestOn = (month: number, day: number, from: number, to: number): number | undefined => {
  const f = localDay(from)
  const startYear = f.month < month || (f.month === month && f.day <= day) ? f.year : f.year + 1
  const y = yearWith(month, day, startYear)
  const n = dayNumber(y, month, day)
  return n <= to ? n : undefined
}

const FOUR_YEARS = 1461

const compareDays = (earlier: Days, later: Days): Certainty => {
  if (earlier.exactStart && later.exactDay) {
    const a = localDay(earlier.startFirst)
    const b = localDay(later.first)
    return a.month === b.month && a.day === b.day && b.year > a.year ? "certain" : "no"
  }
  // Try each day the later event may cover, latest first; four years hold the latest
  // occurrence of every month-day (29 February included).
  if (later.last === Infinity || earlier.startFirst === -Infinity) {
    // An event with no last day covers every month-day in years after any finite start; an
    // earlier event with no first day may have begun on any month-day in any earlier year.
    return later.first <= later.last && earlier.startFirst <= earlier.startLast ? "possible" : "no"
  }
  const stop = Math.max(later.first, later.last - FOUR_YEARS)
  for (let d = later.last; d >= stop; d--) {
    const b = localDay(d)
    const from = earlier.startFirst
    const to = Math.min(earlier.startLast, d - 1)
    if (from > to) continue
    const found = earliestOn(b.month, b.day, from, to)
    if (found !== undefined && localDay(found).year < b.year) return "possible"
  }
  return "no"
}

/**
 * Whether `later` falls on an anniversary of `earlier`, both EDTF values written in their
 * places' local calendars. Invalid text (a string cast to `When` without checking) answers `no`.
 *
 * @category queries
 * @since 0.1.0
 */
export const ofWhen = (earlier: When | string, later: When | string): Certainty => {
  // Values that are not strings have no days: `daysOf` answers undefined for them.
  const a = daysOf(earlier)
  const b = daysOf(later)
  return a === undefined || b === undefined ? "no" : compareDays(a, b)
}

/**
 * Whether event `later` falls on an anniversary of event `earlier` (same month and day, later
 * year, in their local calendars); see the module comment for certainty.
 *
 * @category queries
 * @since 0.1.0
 */
export const isAnniversary = (earlier: Pick<AnyEvent, "when">, later: Pick<AnyEvent, "when">): Certainty =>
  ofWhen(whenOf(earlier) as When, whenOf(later) as When)

/**
 * How many years after the start of `earlier` the start of `later` falls, counted between the
 * years of their earliest possible start days (`2011-12-16` and `2021-12-16` are 10 years
 * apart). `undefined` when either has no known start.
 *
 * @category queries
 * @since 0.1.0
 */
export const yearsBetween = (earlier: Pick<AnyEvent, "when">, later: Pick<AnyEvent, "when">): number | undefined => {
  const a = daysOf(whenOf(earlier))
  const b = daysOf(whenOf(later))
  if (a === undefined || b === undefined || !Number.isFinite(a.startFirst) || !Number.isFinite(b.startFirst)) return undefined
  return localDay(b.startFirst).year - localDay(a.startFirst).year
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

const isMonthDay = (month: unknown, day: unknown): boolean =>
  Number.isInteger(month) && (month as number) >= 1 && (month as number) <= 12 && Number.isInteger(day) && (day as number) >= 1 && (day as number) <= DAYS_IN_MONTH[(month as number) - 1]!

/**
 * Whether a value may fall on a given month and day (`12, 16` for 16 December): `certain` when
 * it is one known day with that month and day, `possible` when some day it may cover has it.
 * `no` for a month and day that no year has (`2, 30`, `13, 1`), and for invalid text.
 *
 * @category queries
 * @since 0.1.0
 */
export const onMonthDay = (w: When | string, month: number, day: number): Certainty => {
  const d = daysOf(w)
  if (d === undefined || !isMonthDay(month, day)) return "no"
  if (d.exactDay) {
    const x = localDay(d.first)
    return x.month === month && x.day === day ? "certain" : "no"
  }
  if (!Number.isFinite(d.first) || !Number.isFinite(d.last)) return "possible"
  return earliestOn(month, day, d.first, d.last) === undefined ? "no" : "possible"
}
