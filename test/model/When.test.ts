import { Result } from "effect"
import { describe, expect, expectTypeOf, it } from "vitest"
import type * as TimeZoneModule from "../../src/model/TimeZone.js"
type TimeZone = TimeZoneModule.TimeZone
import * as When from "../../src/model/When.js"

const iso = (ms: number): string => (Number.isFinite(ms) ? new Date(ms).toISOString() : String(ms))
const utcBounds = (s: string): readonly [string, string] => {
  const b = When.boundsUnsafe(When.makeUnsafe(s), "UTC")
  return [iso(b.earliest), iso(b.latest)]
}
const reasonOf = (s: string): string => {
  const r = When.parse(s)
  if (Result.isSuccess(r)) throw new Error(`${s} parsed`)
  return r.failure.reason
}

describe("When: every supported form", () => {
  const forms: ReadonlyArray<readonly [string, When.Precision, When.Qualifiers, string, string]> = [
    ["2011", "year", { uncertain: false, approximate: false }, "2011-01-01T00:00:00.000Z", "2011-12-31T23:59:59.999Z"],
    ["2011-05", "month", { uncertain: false, approximate: false }, "2011-05-01T00:00:00.000Z", "2011-05-31T23:59:59.999Z"],
    ["2011-12-16", "day", { uncertain: false, approximate: false }, "2011-12-16T00:00:00.000Z", "2011-12-16T23:59:59.999Z"],
    ["2011-12-16T10:00:00", "second", { uncertain: false, approximate: false }, "2011-12-16T10:00:00.000Z", "2011-12-16T10:00:00.999Z"],
    ["2011-12-16T10:00:00Z", "second", { uncertain: false, approximate: false }, "2011-12-16T10:00:00.000Z", "2011-12-16T10:00:00.999Z"],
    ["2011-12-16T10:00:00+05:00", "second", { uncertain: false, approximate: false }, "2011-12-16T05:00:00.000Z", "2011-12-16T05:00:00.999Z"],
    ["2011-12-16T10:00:00-03", "second", { uncertain: false, approximate: false }, "2011-12-16T13:00:00.000Z", "2011-12-16T13:00:00.999Z"],
    ["2012-08-06?", "day", { uncertain: true, approximate: false }, "2012-08-06T00:00:00.000Z", "2012-08-06T23:59:59.999Z"],
    ["2011-05~", "month", { uncertain: false, approximate: true }, "2011-04-01T00:00:00.000Z", "2011-06-30T23:59:59.999Z"],
    ["2011%", "year", { uncertain: true, approximate: true }, "2010-01-01T00:00:00.000Z", "2012-12-31T23:59:59.999Z"],
    ["2011-21", "season", { uncertain: false, approximate: false }, "2011-01-01T00:00:00.000Z", "2011-03-31T23:59:59.999Z"],
    ["2011-24~", "season", { uncertain: false, approximate: true }, "2011-07-01T00:00:00.000Z", "2012-03-31T23:59:59.999Z"],
    ["201X", "decade", { uncertain: false, approximate: false }, "2010-01-01T00:00:00.000Z", "2019-12-31T23:59:59.999Z"],
    ["201X~", "decade", { uncertain: false, approximate: true }, "2000-01-01T00:00:00.000Z", "2029-12-31T23:59:59.999Z"],
    ["20XX", "century", { uncertain: false, approximate: false }, "2000-01-01T00:00:00.000Z", "2099-12-31T23:59:59.999Z"],
    ["1XXX", "millennium", { uncertain: false, approximate: false }, "1000-01-01T00:00:00.000Z", "1999-12-31T23:59:59.999Z"],
    ["2004-XX", "year", { uncertain: false, approximate: false }, "2004-01-01T00:00:00.000Z", "2004-12-31T23:59:59.999Z"],
    ["1985-04-XX", "month", { uncertain: false, approximate: false }, "1985-04-01T00:00:00.000Z", "1985-04-30T23:59:59.999Z"],
    ["1985-XX-XX", "year", { uncertain: false, approximate: false }, "1985-01-01T00:00:00.000Z", "1985-12-31T23:59:59.999Z"],
    ["-0001", "year", { uncertain: false, approximate: false }, "-000001-01-01T00:00:00.000Z", "-000001-12-31T23:59:59.999Z"],
    ["-201X", "decade", { uncertain: false, approximate: false }, "-002019-01-01T00:00:00.000Z", "-002010-12-31T23:59:59.999Z"],
    ["0099", "year", { uncertain: false, approximate: false }, "0099-01-01T00:00:00.000Z", "0099-12-31T23:59:59.999Z"],
    ["Y12345", "year", { uncertain: false, approximate: false }, "+012345-01-01T00:00:00.000Z", "+012345-12-31T23:59:59.999Z"],
    ["Y-12345", "year", { uncertain: false, approximate: false }, "-012345-01-01T00:00:00.000Z", "-012345-12-31T23:59:59.999Z"],
    ["2023-04-10/2023-04-11", "day", { uncertain: false, approximate: false }, "2023-04-10T00:00:00.000Z", "2023-04-11T23:59:59.999Z"],
    ["2011-05-11/..", "day", { uncertain: false, approximate: false }, "2011-05-11T00:00:00.000Z", "Infinity"],
    ["../2011", "year", { uncertain: false, approximate: false }, "-Infinity", "2011-12-31T23:59:59.999Z"],
    ["/2011", "year", { uncertain: false, approximate: false }, "-Infinity", "2011-12-31T23:59:59.999Z"],
    ["2011/", "year", { uncertain: false, approximate: false }, "2011-01-01T00:00:00.000Z", "Infinity"],
    ["2011~/2012-06?", "year", { uncertain: true, approximate: true }, "2010-01-01T00:00:00.000Z", "2012-06-30T23:59:59.999Z"],
    ["2011-12-17T18:00:00/2012-01-05T07:00:00", "second", { uncertain: false, approximate: false }, "2011-12-17T18:00:00.000Z", "2012-01-05T07:00:00.999Z"]
  ]

  it.each(forms)("%s parses, formats back, and has its precision, qualifiers and bounds", (s, precision, qualifiers, earliest, latest) => {
    const parsed = Result.getOrThrow(When.parse(s))
    expect(When.format(parsed)).toBe(s)
    const w = When.makeUnsafe(s)
    expect(When.precision(w)).toBe(precision)
    expect(When.qualifiers(w)).toEqual(qualifiers)
    expect(When.isInterval(w)).toBe(s.includes("/"))
    expect(utcBounds(s)).toEqual([earliest, latest])
  })

  it("reads the parts of a date into the syntax tree", () => {
    expect(Result.getOrThrow(When.parse("1985-04-XX~"))).toEqual({
      _tag: "Date",
      year: 1985,
      month: 4,
      unspecified: { yearDigits: 0, month: false, day: true },
      qualifiers: { uncertain: false, approximate: true }
    })
    expect(Result.getOrThrow(When.parse("2011-12-16T10:00:00+05"))).toEqual({
      _tag: "DateTime",
      year: 2011,
      month: 12,
      day: 16,
      hour: 10,
      minute: 0,
      second: 0,
      offset: { minutes: 300, written: "±hh" }
    })
    expect(Result.getOrThrow(When.parse("/2011-21"))).toMatchObject({
      _tag: "Interval",
      start: { _tag: "Unknown" },
      end: { _tag: "Date", year: 2011, season: 21 }
    })
  })

  it("keeps the value exactly as written", () => {
    expect(When.makeUnsafe("2011-12-16T10:00:00+05")).toBe("2011-12-16T10:00:00+05")
    expect(When.makeUnsafe("0003")).toBe("0003")
  })
})

describe("When: bad input names the problem", () => {
  it.each([
    ["2011-13-40", "month 13 does not exist"],
    ["2011-02-29", "day 29 does not exist in February 2011, which has 28 days"],
    ["2012-02-30", "day 30 does not exist in February 2012, which has 29 days"],
    ["1900-02-29", "day 29 does not exist in February 1900, which has 28 days"],
    ["2011-05-11/2011-05-01", "the interval starts (2011-05-11) after it ends (2011-05-01)"],
    ["2011-12-16~T10:00:00", "a qualifier (? ~ %) may end a date but cannot precede a time; date-times are not qualified"],
    ["2011-12-16T10:00:00~", "a date-time cannot be qualified (? ~ %); qualify a date instead"],
    ["", "the string is empty"],
    ["hello", "expected a year (YYYY, -YYYY, or Y and five or more digits) but found \"h\" at position 1"],
    ["Y170000002", "year 170000002 is outside the supported range -99999 to 99999"],
    ["Y2000", "a year of four digits or fewer is written without \"Y\" (2000)"],
    ["20111", "a year has four digits; write longer years with a Y prefix (Y20111)"],
    ["-0000", "year zero is written 0000, without a minus sign"],
    ["XXXX", "at least the first digit of a year must be known (XXXX is not supported)"],
    ["2X11", "X may replace only the last digits of a year (201X, 20XX)"],
    ["201X-05", "a year with X digits cannot have a month or day"],
    ["1985-XX-15", "a day cannot be known when its month is unspecified (XX)"],
    ["2011-25", "season 25 is level 2; only the seasons 21–24 are supported"],
    ["2011-21-05", "a season (21–24) cannot have a day"],
    ["2011?~", "use one qualifier: % means uncertain (?) and approximate (~) at once"],
    ["2011?-05", "a qualifier (? ~ %) must come last, but \"-\" at position 6 follows it"],
    ["2011-12-16T24:00:00", "hour 24 does not exist (write 00:00:00 of the next day)"],
    ["2011-12-16T10:60:00", "minute 60 does not exist"],
    ["2011-12-16T10:00", "a time needs seconds (hh:mm:ss) but found the end of the date"],
    ["2011-12-16T10:00:00.5", "fractional seconds are not supported"],
    ["2011-12-16T10:00:00-00:00", "a zero offset is written Z or +00:00, not -00:00"],
    ["2011-12-16T10:00:00+15:00", "the offset +15:00 is outside -12:00 to +14:00"],
    ["2011-12T10:00:00", "a date-time needs a full date (YYYY-MM-DD) before the T"],
    ["..", "\"..\" marks an open end of an interval and cannot stand alone"],
    ["../..", "an interval needs a date on at least one side"],
    ["/", "an interval needs a date on at least one side"],
    ["2011/2012/2013", "an interval has one \"/\", but there is another at position 10"],
    ["2011-12-16 ", "unexpected \" \" at position 11"],
    ["16/12/2011", "write it 2011-12-16 (year-month-day, as EDTF requires)"],
    ["12/16/2011", "write it 2011-12-16 (year-month-day, as EDTF requires)"],
    ["16.12.2011", "write it 2011-12-16 (year-month-day, as EDTF requires)"],
    ["16-12-2011", "write it 2011-12-16 (year-month-day, as EDTF requires)"],
    ["05/06/2011", "write it 2011-06-05 if the day comes first or 2011-05-06 if the month does (year-month-day, as EDTF requires)"],
    ["2011/12/16", "write it 2011-12-16 (year-month-day with hyphens, as EDTF requires)"],
    ["2011.12.16", "write it 2011-12-16 (year-month-day with hyphens, as EDTF requires)"],
    ["2011-1-5", "write it 2011-01-05 (two digits for the month and the day)"],
    ["2011/12", "write it 2011-12 (year-month with a hyphen, as EDTF requires)"],
    ["16/12/11", "write the year in full, year-month-day, such as 2011-12-16"],
    ["31/02/2011", "EDTF dates are written year-month-day with hyphens, such as 2011-12-16"]
  ])("%s: %s", (input, reason) => {
    expect(reasonOf(input)).toBe(reason)
  })

  it("puts the input and the reason in the error message", () => {
    const r = When.make("2011-13-40")
    expect(Result.isFailure(r) && r.failure.message).toBe("\"2011-13-40\" is not an EDTF date: month 13 does not exist")
    expect(Result.isFailure(r) && r.failure._tag).toBe("WhenError")
    expect(() => When.makeUnsafe("2011-02-29")).toThrow("\"2011-02-29\" is not an EDTF date: day 29 does not exist")
  })

  it("shortens a very long input in the message", () => {
    const r = When.make("9".repeat(500))
    expect(Result.isFailure(r) && r.failure.message.length).toBeLessThan(200)
  })

  it("keeps at most 60 characters of a huge input, in the message and in the error", () => {
    const huge = "2011-12-16/".repeat(100_000)
    const r = When.make(huge)
    expect(Result.isFailure(r) && r.failure.input).toBe(`${huge.slice(0, 60)}…`)
    expect(Result.isFailure(r) && r.failure.message).toBe(`${JSON.stringify(`${huge.slice(0, 60)}…`)} is not an EDTF date: it is longer than any EDTF date (64 characters)`)
    const zone = When.bounds(When.makeUnsafe("2011"), "Asia/".repeat(100_000))
    expect(Result.isFailure(zone) && zone.failure.input.length).toBe(61)
    expect(Result.isFailure(zone) && zone.failure.message.length).toBeLessThan(100)
  })

  it("says what a value that is not a string is, without quoting it as if it were one", () => {
    const r = When.parse(undefined as unknown as string)
    expect(Result.isFailure(r) && r.failure.message).toBe("undefined is not an EDTF date: an EDTF date is a string, such as \"2011-12-16\"")
  })

  it("isWhen accepts only valid EDTF strings", () => {
    expect(When.isWhen("2011-12-16")).toBe(true)
    expect(When.isWhen("2011-02-29")).toBe(false)
    expect(When.isWhen(20111216)).toBe(false)
    expect(When.isWhen(null)).toBe(false)
  })
})

describe("When: the widening policy", () => {
  it("widens ~ by one unit of precision on each side, and leaves ? alone", () => {
    expect(utcBounds("2011-12-16~")).toEqual(["2011-12-15T00:00:00.000Z", "2011-12-17T23:59:59.999Z"])
    expect(utcBounds("2011-12-16?")).toEqual(utcBounds("2011-12-16"))
    expect(utcBounds("2011-12-16%")).toEqual(utcBounds("2011-12-16~"))
    expect(utcBounds("2011~")).toEqual(["2010-01-01T00:00:00.000Z", "2012-12-31T23:59:59.999Z"])
    expect(utcBounds("20XX~")).toEqual(["1900-01-01T00:00:00.000Z", "2199-12-31T23:59:59.999Z"])
    expect(utcBounds("2004-XX~")).toEqual(["2003-01-01T00:00:00.000Z", "2005-12-31T23:59:59.999Z"])
  })

  it("widens across month and year ends in the calendar (February, leap years)", () => {
    expect(utcBounds("2012-03-01~")).toEqual(["2012-02-29T00:00:00.000Z", "2012-03-02T23:59:59.999Z"])
    expect(utcBounds("2012-01~")).toEqual(["2011-12-01T00:00:00.000Z", "2012-02-29T23:59:59.999Z"])
    expect(utcBounds("2011-21~")).toEqual(["2010-10-01T00:00:00.000Z", "2011-06-30T23:59:59.999Z"])
  })

  it("widens only the qualified end of an interval", () => {
    expect(utcBounds("2011-05~/2011-08")).toEqual(["2011-04-01T00:00:00.000Z", "2011-08-31T23:59:59.999Z"])
  })

  it("publishes the policy as data and as words", () => {
    expect(When.approximateWidening.season).toEqual({ amount: 3, unit: "months" })
    expect(When.approximateWidening.decade).toEqual({ amount: 10, unit: "years" })
    expect(When.wideningPolicy).toMatch(/one unit of its precision/)
    expect(Object.isFrozen(When.approximateWidening)).toBe(true)
  })
})

describe("When: bounds helpers", () => {
  const b = (earliest: number, latest: number): When.Bounds => ({ earliest, latest })

  it("overlaps when the spans share a millisecond", () => {
    expect(When.overlaps(b(0, 10), b(10, 20))).toBe(true)
    expect(When.overlaps(b(0, 9), b(10, 20))).toBe(false)
    expect(When.overlaps(b(-Infinity, Infinity), b(5, 5))).toBe(true)
  })

  it("contains when every millisecond of the inner span is inside", () => {
    const year = When.boundsUnsafe(When.makeUnsafe("2011"), "UTC")
    const day = When.boundsUnsafe(When.makeUnsafe("2011-12-16"), "UTC")
    expect(When.contains(year, day)).toBe(true)
    expect(When.contains(day, year)).toBe(false)
  })

  it("orders bounds by earliest, then latest", () => {
    expect(When.boundsOrder(b(0, 5), b(0, 9))).toBe(-1)
    expect(When.boundsOrder(b(1, 5), b(0, 9))).toBe(1)
    expect(When.boundsOrder(b(1, 5), b(1, 5))).toBe(0)
  })
})

describe("When: types", () => {
  it("infers what users expect", () => {
    expectTypeOf(When.makeUnsafe("2011")).toEqualTypeOf<When.When>()
    expectTypeOf<typeof When.When.Type>().toEqualTypeOf<When.When>()
    expectTypeOf<typeof When.When.Encoded>().toEqualTypeOf<string>()
    expectTypeOf(When.parse).returns.toEqualTypeOf<Result.Result<When.Parsed, When.WhenError>>()
    expectTypeOf(When.bounds).parameter(1).toEqualTypeOf<TimeZone | string>()
    expectTypeOf(When.bounds).returns.toEqualTypeOf<Result.Result<When.Bounds, When.WhenError | TimeZoneModule.TimeZoneError>>()
    expectTypeOf(When.boundsUnsafe).returns.toEqualTypeOf<When.Bounds>()
    expectTypeOf<When.When>().toMatchTypeOf<string>()
  })
})
