/**
 * Proleptic Gregorian calendar arithmetic on plain numbers.
 *
 * "Wall time" here means milliseconds counted as if the local clock were UTC: the
 * number `Date.UTC` would give, but computed without `Date`, so years 0–99 keep
 * their meaning (no 1900 offset) and negative (astronomical) years just work.
 *
 * @internal
 */

/** Smallest year accepted anywhere (astronomical numbering: 0 is 1 BCE). */
export const MIN_YEAR = -99999
/** Largest year accepted anywhere. */
export const MAX_YEAR = 99999

export const MS_PER_SECOND = 1000
export const MS_PER_MINUTE = 60_000
export const MS_PER_HOUR = 3_600_000
export const MS_PER_DAY = 86_400_000

/** Leap years of the proleptic Gregorian calendar; works for negative years too. */
export const isLeapYear = (year: number): boolean =>
  year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const

/** Number of days in `month` (1–12) of `year`. */
export const daysInMonth = (year: number, month: number): number =>
  month === 2 && isLeapYear(year) ? 29 : (MONTH_LENGTHS[month - 1] ?? 0)

/**
 * Days from 1970-01-01 to the given civil date. The year is shifted so that it
 * starts in March (the leap day then falls at the end), and counted in 400-year
 * cycles of 146097 days, which makes the computation exact for any integer year.
 */
export const daysFromCivil = (year: number, month: number, day: number): number => {
  const y = month <= 2 ? year - 1 : year
  const cycle = Math.floor(y / 400)
  const yearOfCycle = y - cycle * 400
  const monthFromMarch = (month + 9) % 12
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1
  const dayOfCycle = yearOfCycle * 365 + Math.floor(yearOfCycle / 4) - Math.floor(yearOfCycle / 100) + dayOfYear
  return cycle * 146097 + dayOfCycle - 719468
}

/** Wall-time milliseconds of midnight at the start of a civil date. */
export const wallOfDate = (year: number, month: number, day: number): number =>
  daysFromCivil(year, month, day) * MS_PER_DAY

/** Wall-time milliseconds of the first instant of a month given as `year * 12 + (month - 1)`. */
export const wallOfMonthIndex = (monthIndex: number): number => {
  const year = Math.floor(monthIndex / 12)
  return wallOfDate(year, monthIndex - year * 12 + 1, 1)
}

/** Wall-time milliseconds of a local date and time of day. */
export const wallOfDateTime = (
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number
): number => wallOfDate(year, month, day) + hour * MS_PER_HOUR + minute * MS_PER_MINUTE + second * MS_PER_SECOND
