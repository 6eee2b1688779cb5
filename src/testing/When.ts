/**
 * fast-check arbitraries for `When` values and time zones. The strings are
 * assembled from their parts (not printed from a syntax tree), so they also
 * test the parser. With `@fast-check/vitest`, `test.prop([arbWhen, arbTimeZone])("…", …)` runs
 * the same property as a test.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check"
 * import { When } from "protest-chronicle"
 * import { arbTimeZone, arbWhen } from "protest-chronicle/testing"
 *
 * fc.assert(fc.property(arbWhen, arbTimeZone, (w, zone) => {
 *   const b = When.boundsUnsafe(w, zone)
 *   return b.earliest <= b.latest // the bounds of any date, in any zone, are ordered
 * }))
 * ```
 *
 * @since 0.1.0
 */
import * as fc from "fast-check"
import type { TimeZone } from "../model/TimeZone.js"
import { isWhen, makeUnsafe, type When } from "../model/When.js"

const pad = (n: number, width: number): string => String(n).padStart(width, "0")

/** Mostly years people write about today, and now and then the edges: 0–99, far past, negative. */
const arbYear4: fc.Arbitrary<number> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1850, max: 2100 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 99 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 9999 }) },
  { weight: 1, arbitrary: fc.integer({ min: -9999, max: -1 }) }
)

const yearText = (year: number): string => `${year < 0 ? "-" : ""}${pad(Math.abs(year), 4)}`

const arbMonth = fc.integer({ min: 1, max: 12 })

/** Year, month and a day that exists in that month. */
// Month lengths of the proleptic Gregorian calendar, written here rather than taken from the
// model, so that the arbitraries do not lean on the calendar code they help to test.
const daysInMonth = (year: number, month: number): number => {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

const arbYmd: fc.Arbitrary<readonly [number, number, number]> = fc
  .tuple(arbYear4, arbMonth, fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }))
  .map(([y, m, f]) => [y, m, 1 + Math.floor(f * daysInMonth(y, m))] as const)

const ymdText = ([y, m, d]: readonly [number, number, number]): string => `${yearText(y)}-${pad(m, 2)}-${pad(d, 2)}`

/** `201X`, `20XX`, `1XXX`, `-201X`: trailing digits replaced by X. */
const arbMaskedYear: fc.Arbitrary<string> = fc
  .tuple(arbYear4, fc.integer({ min: 1, max: 3 }))
  .filter(([y, hidden]) => y >= 0 || Math.floor(-y / 10 ** hidden) > 0)
  .map(([y, hidden]) => yearText(y).slice(0, -hidden) + "X".repeat(hidden))

/** `Y12345`, `Y-12345`: years beyond four digits (up to the supported ±99999). */
const arbLongYear: fc.Arbitrary<string> = fc
  .tuple(fc.boolean(), fc.integer({ min: 10000, max: 99999 }))
  .map(([negative, y]) => `Y${negative ? "-" : ""}${y}`)

/** Every level-0/1 date form, without its qualifier. */
const arbBareDate: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: arbYear4.map(yearText) },
  { weight: 3, arbitrary: fc.tuple(arbYear4, arbMonth).map(([y, m]) => `${yearText(y)}-${pad(m, 2)}`) },
  { weight: 4, arbitrary: arbYmd.map(ymdText) },
  { weight: 1, arbitrary: fc.tuple(arbYear4, fc.integer({ min: 21, max: 24 })).map(([y, s]) => `${yearText(y)}-${s}`) },
  { weight: 1, arbitrary: arbMaskedYear },
  { weight: 1, arbitrary: arbYear4.map((y) => `${yearText(y)}-XX`) },
  { weight: 1, arbitrary: fc.tuple(arbYear4, arbMonth).map(([y, m]) => `${yearText(y)}-${pad(m, 2)}-XX`) },
  { weight: 1, arbitrary: arbYear4.map((y) => `${yearText(y)}-XX-XX`) },
  { weight: 1, arbitrary: arbLongYear }
)

const arbQualifier = fc.constantFrom("", "", "", "?", "~", "%")

/** A date with an optional qualifier: `2011-05~`, `2012-08-06?`, `201X%`. */
const arbDate: fc.Arbitrary<string> = fc.tuple(arbBareDate, arbQualifier).map(([d, q]) => d + q)

/** `Z`, `+05`, `+05:00`, `-03:30` (never `-00`), or nothing (local time). */
const arbOffset: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constant("") },
  { weight: 1, arbitrary: fc.constant("Z") },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.integer({ min: -12 * 60, max: 14 * 60 }), fc.constantFrom(0, 0, 30, 45, 17), fc.boolean())
      .map(([rough, m, short]) => {
        const sign = rough < 0 ? -1 : 1
        const total = Math.max(-12 * 60, Math.min(14 * 60, sign * (Math.floor(Math.abs(rough) / 60) * 60 + m)))
        const h = Math.floor(Math.abs(total) / 60)
        const text = total < 0 ? "-" : "+"
        const mm = Math.abs(total) % 60
        return short && mm === 0 ? `${text}${pad(h, 2)}` : `${text}${pad(h, 2)}:${pad(mm, 2)}`
      })
  }
)

/** `2011-12-16T10:00:00`, with or without an offset. */
const arbDateTime: fc.Arbitrary<string> = fc
  .tuple(arbYmd, fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }), arbOffset)
  .map(([ymd, h, mi, s, offset]) => `${ymdText(ymd)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}${offset}`)

const arbSingle: fc.Arbitrary<string> = fc.oneof({ weight: 4, arbitrary: arbDate }, { weight: 1, arbitrary: arbDateTime })

/** A side of an interval: a date, a date-time, open (`..`) or unknown (empty). */
const arbEndpoint: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: arbSingle },
  { weight: 1, arbitrary: fc.constant("..") },
  { weight: 1, arbitrary: fc.constant("") }
)

/**
 * Intervals of every level-1 kind. When the two sides come out in the wrong
 * order they are swapped, which always yields a valid interval.
 */
const arbInterval: fc.Arbitrary<string> = fc
  .tuple(arbSingle, arbEndpoint, fc.boolean())
  .map(([a, b, dateFirst]) => {
    const forward = dateFirst ? `${a}/${b}` : `${b}/${a}`
    return isWhen(forward) ? forward : dateFirst ? `${b}/${a}` : `${a}/${b}`
  })

/**
 * EDTF strings covering every form `When` accepts: years (4-digit, negative,
 * `Y`-prefixed), months, days, seasons 21–24, unspecified `X` digits, the
 * qualifiers `?` `~` `%`, date-times with and without offsets, and intervals
 * with closed, open (`..`) and unknown (empty) ends.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const arbEdtf: fc.Arbitrary<string> = fc.oneof({ weight: 3, arbitrary: arbSingle }, { weight: 2, arbitrary: arbInterval })

/**
 * The same values as {@link arbEdtf}, typed as `When`.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const arbWhen: fc.Arbitrary<When> = arbEdtf.map(makeUnsafe)

/**
 * Real IANA zones with the awkward cases: Kazakhstan (Asia/Aqtau UTC+5,
 * Asia/Almaty which moved from UTC+6 to UTC+5 on 2024-03-01), half- and
 * quarter-hour offsets, a 30-minute DST shift (Australia/Lord_Howe), midnight
 * DST changes (America/Santiago), a skipped day (Pacific/Apia, 2011-12-30),
 * local mean time a few minutes west of Greenwich (Europe/Dublin until 1916,
 * Africa/Monrovia until 1972) and the extremes UTC−11 and UTC+14.
 *
 * @category constants
 * @since 0.1.0
 */
export const timeZoneSamples: ReadonlyArray<TimeZone> = [
  "UTC",
  "Asia/Aqtau",
  "Asia/Almaty",
  "Asia/Oral",
  "Europe/Moscow",
  "Europe/Berlin",
  "Europe/London",
  "Europe/Dublin",
  "Africa/Monrovia",
  "America/New_York",
  "America/Sao_Paulo",
  "America/Santiago",
  "America/St_Johns",
  "Asia/Kolkata",
  "Asia/Kathmandu",
  "Asia/Tehran",
  "Australia/Lord_Howe",
  "Pacific/Chatham",
  "Pacific/Apia",
  "Pacific/Kiritimati",
  "Pacific/Pago_Pago"
].map((id) => id as TimeZone)

/**
 * One of {@link timeZoneSamples}.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const arbTimeZone: fc.Arbitrary<TimeZone> = fc.constantFrom(...timeZoneSamples)
