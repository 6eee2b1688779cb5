/**
 * The `edtf` package (edtf.js, a dev dependency) as an independent oracle for
 * bounds: in UTC, our earliest and latest instants must equal its `min` and
 * `max` for every generated value.
 *
 * Where edtf differs by design, the comparison is adjusted, never skipped:
 * - `~`: edtf does not widen, so our bounds must contain its bounds.
 * - date-times: edtf treats one as an instant (max = min); we cover its whole
 *   second, so our latest is its max + 999 ms.
 * - unknown interval ends (`/2011`, `2011/`): edtf reports null (no value); we
 *   report -Infinity / Infinity, so only the known end is compared.
 * - forms outside edtf's level-1 grammar (a qualified season, X-year or
 *   Y-year; seasons and Y-years inside intervals) and intervals edtf refuses
 *   because it wants the end to begin strictly after the start begins (we only
 *   refuse a start wholly after the end): each date is then checked on its own,
 *   with its qualifier removed when edtf cannot read it (edtf's min/max ignore
 *   qualifiers anyway).
 * - edtf 4.11 gets three things wrong before 1 CE: for a negative year it swaps
 *   min and max when the month or day is unspecified (`-0001-XX` gives
 *   December … January) and ends a season in the positive year (`-0001-21`
 *   ends 0001-03-31); for year 0, a leap year even by its own `0000-02`, it
 *   gives `0000-02-XX` 28 days. For those it is asked about the same span
 *   written plainly (`-0001`, `0000-02`, or the first and last month of the
 *   season).
 */
import { fc, test } from "@fast-check/vitest"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import * as When from "../../src/model/When.js"
import { arbEdtf } from "../../src/testing/When.js"

interface EdtfValue {
  readonly min: number | null
  readonly max: number | null
}
// edtf ships no type declarations; a computed specifier keeps TypeScript from asking for them.
const specifier: string = "edtf"
const edtf = ((await import(specifier)) as { readonly default: (text: string) => EdtfValue }).default

const tryEdtf = (text: string): EdtfValue | undefined => {
  try {
    return edtf(text)
  } catch {
    return undefined
  }
}

type DateLike = When.EdtfDate | When.EdtfDateTime

/**
 * edtf 4.11 gets these wrong for years before 1 CE; see the header. It also shifts the last two
 * days of February in year 0 by a day (`0000-02-28` ends on the 29th), found by checking every
 * day of several leap and non-leap years against it.
 */
const hitsEarlyYearBug = (d: DateLike): boolean =>
  (d._tag === "DateTime" && d.year === 0 && ((d.month === 2 && d.day >= 27) || (d.month === 3 && d.day === 1))) ||
  d._tag === "Date" &&
  ((d.year <= 0 && (d.unspecified.month || d.unspecified.day)) ||
    (d.year < 0 && d.season !== undefined) ||
    (d.year === 0 && d.month === 2 && d.day !== undefined && d.day >= 28))

const edtfOrFail = (query: string): { readonly min: number; readonly max: number } => {
  // Qualifiers do not move edtf's bounds, so dropping one it cannot read changes nothing.
  const value = tryEdtf(query) ?? tryEdtf(query.replace(/[?~%]$/, ""))
  if (value === undefined || value.min === null || value.max === null) throw new Error(`edtf cannot read ${query}`)
  return { min: value.min, max: value.max }
}

/** edtf's bounds for one date, working around what it lacks or gets wrong (see the header). */
const oracleForDate = (d: DateLike): { readonly min: number; readonly max: number } => {
  const text = When.format(d)
  if (d._tag === "DateTime" && d.year === 0 && ((d.month === 2 && d.day >= 27) || (d.month === 3 && d.day === 1))) {
    // The same February bug for a date-time whose instant may fall on 28 or 29 February of year
    // 0 (an offset moves it across midnight): ask about the same wall time on 26 February and move
    // on by whole days (counted in 2000, whose February and March have the same lengths).
    const shift = Date.UTC(2000, d.month - 1, d.day) - Date.UTC(2000, 1, 26)
    const base = edtfOrFail(text.replace(/^0000-\d\d-\d\d/, "0000-02-26"))
    return { min: base.min + shift, max: base.max + shift }
  }
  if (!hitsEarlyYearBug(d) || d._tag !== "Date") return edtfOrFail(text)
  const year = text.slice(0, 5)
  if (d.year === 0 && d.month === 2 && d.day !== undefined && !d.unspecified.day) {
    // Ask about 27 February (which edtf reads correctly) and move on by whole days.
    const shift = (d.day - 27) * 86_400_000
    const base = edtfOrFail("0000-02-27")
    return { min: base.min + shift, max: base.max + shift }
  }
  if (d.season === undefined) return edtfOrFail(text.replace(/(-XX)+(?=[?~%]?$)/, ""))
  // A season is its three months: ask about the first and the last.
  const first = (d.season - 21) * 3 + 1
  const month = (m: number): string => `${year}-${String(m).padStart(2, "0")}`
  return { min: edtfOrFail(month(first)).min, max: edtfOrFail(month(first + 2)).max }
}

const isApproximate = (d: DateLike): boolean => d._tag === "Date" && d.qualifiers.approximate

const expectStartMatches = (earliest: number, d: DateLike, edtfMin: number): void => {
  if (isApproximate(d)) expect(earliest).toBeLessThanOrEqual(edtfMin)
  else expect(earliest).toBe(edtfMin)
}

const expectEndMatches = (latest: number, d: DateLike, edtfMax: number): void => {
  if (d._tag === "DateTime") expect(latest).toBe(edtfMax + 999)
  else if (isApproximate(d)) expect(latest).toBeGreaterThanOrEqual(edtfMax)
  else expect(latest).toBe(edtfMax)
}

const checkAgainstEdtf = (s: string): void => {
  const parsed = Result.getOrThrow(When.parse(s))
  const ours = When.boundsUnsafe(When.makeUnsafe(s), "UTC")
  const start = parsed._tag === "Interval" ? parsed.start : parsed
  const end = parsed._tag === "Interval" ? parsed.end : parsed

  if (start._tag === "Open" || start._tag === "Unknown") expect(ours.earliest).toBe(-Infinity)
  else expectStartMatches(ours.earliest, start, oracleForDate(start).min)
  if (end._tag === "Open" || end._tag === "Unknown") expect(ours.latest).toBe(Infinity)
  else expectEndMatches(ours.latest, end, oracleForDate(end).max)

  // When edtf reads a whole interval, its own interval bounds must agree too.
  const whole = parsed._tag === "Interval" ? tryEdtf(s) : undefined
  if (whole === undefined) return
  if (start._tag === "Open") expect(whole.min).toBe(-Infinity)
  else if (start._tag !== "Unknown" && !hitsEarlyYearBug(start)) expectStartMatches(ours.earliest, start, whole.min ?? NaN)
  if (end._tag === "Open") expect(whole.max).toBe(Infinity)
  else if (end._tag !== "Unknown" && !hitsEarlyYearBug(end)) expectEndMatches(ours.latest, end, whole.max ?? NaN)
}

describe("When.bounds against the edtf package (UTC)", () => {
  test.prop([arbEdtf], { numRuns: 2000 })("agrees with edtf's min and max", checkAgainstEdtf)

  it("agrees on a date-time in year 0 whose offset moves it onto 29 February (a case edtf shifts by a day)", () => {
    checkAgainstEdtf("0000-03-01T00:00:00+01:00")
    // Year 0 is a leap year in the proleptic Gregorian calendar: the instant is 29 February, 23:00 UTC.
    const instant = new Date(0)
    instant.setUTCFullYear(0, 1, 29)
    instant.setUTCHours(23, 0, 0, 0)
    expect(When.boundsUnsafe(When.makeUnsafe("0000-03-01T00:00:00+01:00"), "UTC").earliest).toBe(instant.getTime())
  })

  it.each([
    "2011", "2011-05", "2011-12-16", "2011-12-16T10:00:00", "2011-12-16T10:00:00Z", "2011-12-16T10:00:00+05:00",
    "2011-12-16T10:00:00-03", "2011-05~", "2012-08-06?", "2011%", "2011-21", "2011-22", "2011-23", "2011-24",
    "2011-24~", "201X", "20XX", "1XXX", "-201X", "2004-XX", "1985-04-XX", "1985-XX-XX", "-0001-XX", "-0001-05-XX", "0000-02-XX", "-0001-21",
    "0000", "0000-02-28", "0000-02-29", "../0000-02-28", "0099-02-28", "-0001", "Y12345", "Y-12345", "2011-05-11/..", "../2011", "/2011", "2011/",
    "2011~/2012?", "2011-12-17T18:00:00/2012-01-05T07:00:00", "2011-21/2011-23", "2011-05-20/2011-05"
  ])("agrees on %s", checkAgainstEdtf)

  it("reads most generated values whole, so the oracle is not mostly workarounds", () => {
    const sample = fc.sample(arbEdtf, { numRuns: 1000, seed: 42 })
    const readWhole = sample.filter((s) => tryEdtf(s) !== undefined).length
    expect(readWhole).toBeGreaterThan(700)
  })
})
