import { pipe, Result, Schema } from "effect"
import { describe, expect, it } from "vitest"
import * as TimeZone from "../../src/model/TimeZone.js"
import * as When from "../../src/model/When.js"
import { timeZoneSamples } from "../../src/testing/When.js"

const inZone = (s: string, zone: string): readonly [string, string] => {
  const b = When.boundsUnsafe(When.makeUnsafe(s), zone)
  return [new Date(b.earliest).toISOString(), new Date(b.latest).toISOString()]
}

describe("When.bounds in the place's time zone", () => {
  it("reads a day in Zhanaozen (Asia/Aqtau, UTC+5)", () => {
    expect(inZone("2011-12-16", "Asia/Aqtau")).toEqual(["2011-12-15T19:00:00.000Z", "2011-12-16T18:59:59.999Z"])
    expect(inZone("2011-12-16T11:00:00", "Asia/Aqtau")).toEqual(["2011-12-16T06:00:00.000Z", "2011-12-16T06:00:00.999Z"])
  })

  it("reads Astana (Asia/Almaty) at UTC+6 in 2023", () => {
    expect(inZone("2023-03-20", "Asia/Almaty")).toEqual(["2023-03-19T18:00:00.000Z", "2023-03-20T17:59:59.999Z"])
  })

  it("reads Astana (Asia/Almaty) at UTC+5 from 2024-03-01", () => {
    expect(inZone("2024-03-01", "Asia/Almaty")).toEqual(["2024-02-29T19:00:00.000Z", "2024-03-01T18:59:59.999Z"])
    expect(inZone("2024-06-15", "Asia/Almaty")).toEqual(["2024-06-14T19:00:00.000Z", "2024-06-15T18:59:59.999Z"])
  })

  it("gives the day of the change in Astana its 25 hours (clocks went back at midnight)", () => {
    expect(inZone("2024-02-29", "Asia/Almaty")).toEqual(["2024-02-28T18:00:00.000Z", "2024-02-29T18:59:59.999Z"])
    expect(inZone("2024-02-29T23:30:00", "Asia/Almaty")).toEqual(["2024-02-29T17:30:00.000Z", "2024-02-29T17:30:00.999Z"])
  })

  it("lets an explicit offset override the zone", () => {
    expect(inZone("2011-12-16T10:00:00Z", "Asia/Aqtau")).toEqual(["2011-12-16T10:00:00.000Z", "2011-12-16T10:00:00.999Z"])
    expect(inZone("2011-12-16T10:00:00+06:00", "Asia/Aqtau")).toEqual(["2011-12-16T04:00:00.000Z", "2011-12-16T04:00:00.999Z"])
    expect(inZone("2011-12-16T10:00:00+06:00", "America/New_York")).toEqual(inZone("2011-12-16T10:00:00+06:00", "UTC"))
  })

  it("reads a month and a year in the local calendar", () => {
    expect(inZone("2024-03", "Asia/Almaty")).toEqual(["2024-02-29T19:00:00.000Z", "2024-03-31T18:59:59.999Z"])
    expect(inZone("2011", "Asia/Aqtau")).toEqual(["2010-12-31T19:00:00.000Z", "2011-12-31T18:59:59.999Z"])
  })

  it("maps a skipped local time to the moment the clocks jumped, a repeated one to its first occurrence", () => {
    expect(inZone("2021-03-14T02:30:00", "America/New_York")).toEqual(["2021-03-14T07:00:00.000Z", "2021-03-14T07:00:00.999Z"])
    expect(inZone("2021-11-07T01:30:00", "America/New_York")).toEqual(["2021-11-07T05:30:00.000Z", "2021-11-07T05:30:00.999Z"])
    expect(inZone("2021-11-07", "America/New_York")).toEqual(["2021-11-07T04:00:00.000Z", "2021-11-08T04:59:59.999Z"])
  })

  it("starts a day whose midnight was skipped at the jump (America/Santiago)", () => {
    expect(inZone("2022-09-11", "America/Santiago")).toEqual(["2022-09-11T04:00:00.000Z", "2022-09-12T02:59:59.999Z"])
  })

  it("keeps bounds ordered for a local day that never happened (Pacific/Apia skipped 2011-12-30)", () => {
    const b = When.boundsUnsafe(When.makeUnsafe("2011-12-30"), "Pacific/Apia")
    expect(b.earliest).toBe(b.latest)
    expect(new Date(b.earliest).toISOString()).toBe("2011-12-30T10:00:00.000Z")
    expect(inZone("2011-12", "Pacific/Apia")).toEqual(["2011-12-01T10:00:00.000Z", "2011-12-31T09:59:59.999Z"])
  })

  it("uses local mean time before standard time existed", () => {
    // Aqtau kept LMT (UTC+3:21:04) until 1924.
    expect(inZone("1900-01-01", "Asia/Aqtau")).toEqual(["1899-12-31T20:38:56.000Z", "1900-01-01T20:38:55.999Z"])
  })

  it("gives a TimeZoneError for a zone the engine does not know, and throws only from boundsUnsafe", () => {
    const r = When.bounds(When.makeUnsafe("2011"), "Asia/Aqtu")
    expect(Result.isFailure(r) && r.failure._tag).toBe("TimeZoneError")
    expect(Result.isFailure(r) && r.failure.message).toBe("\"Asia/Aqtu\" is not an IANA time zone")
    expect(() => When.boundsUnsafe(When.makeUnsafe("2011"), "Asia/Aqtu")).toThrow("\"Asia/Aqtu\" is not an IANA time zone")
  })

  it("tells a caller who passes an offset where the zone belongs where offsets go", () => {
    const r = When.bounds(When.makeUnsafe("2011"), "+05:00")
    expect(Result.isFailure(r) && r.failure.message).toContain("write the offset in the date itself (2011-12-16T10:00:00+05:00)")
  })
})

describe("local mean time west of Greenwich (offsets between -01:00 and 00:00)", () => {
  // @date-fns/tz read these offsets with the wrong sign: Dublin's day came out 51 minutes off.
  it("reads 1913-08-26 in Europe/Dublin (Dublin Mean Time, UTC-0:25:21) from 00:25:21 UTC", () => {
    expect(inZone("1913-08-26", "Europe/Dublin")).toEqual(["1913-08-26T00:25:21.000Z", "1913-08-27T00:25:20.999Z"])
    expect(inZone("1913-08-26T12:00:00", "Europe/Dublin")).toEqual(["1913-08-26T12:25:21.000Z", "1913-08-26T12:25:21.999Z"])
    expect(TimeZone.offsetAt("Europe/Dublin", Date.UTC(1913, 7, 26))).toEqual(Result.succeed(-(25 * 60 + 21) * 1000))
    expect(pipe("Europe/Dublin", TimeZone.offsetAt(Date.UTC(1913, 7, 26)))).toEqual(Result.succeed(-(25 * 60 + 21) * 1000))
  })

  it.each([
    ["Europe/Lisbon", "1900-06-01", "1900-06-01T00:36:45.000Z"],
    ["Europe/Madrid", "1900-06-01", "1900-06-01T00:14:44.000Z"],
    ["Africa/Abidjan", "1900-06-01", "1900-06-01T00:16:08.000Z"],
    ["Africa/Monrovia", "1971-06-01", "1971-06-01T00:44:30.000Z"]
  ])("reads a day in %s (%s) from its local midnight", (zone, day, start) => {
    expect(inZone(day, zone)[0]).toBe(start)
  })
})

describe("TimeZone.offsetAt", () => {
  it("gives the offset in force at an instant, in milliseconds east of UTC", () => {
    expect(TimeZone.offsetAt("Asia/Almaty", Date.UTC(2023, 0, 1))).toEqual(Result.succeed(6 * 3_600_000))
    expect(TimeZone.offsetAt("Asia/Almaty", Date.UTC(2024, 5, 1))).toEqual(Result.succeed(5 * 3_600_000))
    expect(TimeZone.offsetAt("America/New_York", Date.UTC(2021, 2, 14, 6, 59, 59, 999))).toEqual(Result.succeed(-5 * 3_600_000))
    expect(TimeZone.offsetAt("America/New_York", Date.UTC(2021, 2, 14, 7))).toEqual(Result.succeed(-4 * 3_600_000))
  })

  it("refuses an unknown zone and an instant that is not one", () => {
    expect(Result.isFailure(TimeZone.offsetAt("Asia/Aqtu", 0))).toBe(true)
    expect(Result.isFailure(TimeZone.offsetAt("UTC", NaN))).toBe(true)
    expect(Result.isFailure(TimeZone.offsetAt("UTC", 9e15))).toBe(true)
  })

  it("answers at the very ends of the range of Date", () => {
    expect(Result.isSuccess(TimeZone.offsetAt("Europe/Berlin", 8.64e15))).toBe(true)
    expect(Result.isSuccess(TimeZone.offsetAt("Europe/Berlin", -8.64e15))).toBe(true)
  })
})

describe("TimeZone", () => {
  it("decodes real zones and explains a typo", () => {
    expect(Schema.decodeUnknownSync(TimeZone.TimeZone)("Asia/Aqtau")).toBe("Asia/Aqtau")
    const r = Schema.decodeUnknownResult(TimeZone.TimeZone)("Asia/Aqtu")
    expect(Result.isFailure(r) && r.failure.message).toBe("\"Asia/Aqtu\" is not an IANA time zone")
  })

  it("refuses offsets and junk that are not IANA ids", () => {
    for (const id of ["+05:00", "", "Asia/", "/UTC", "Asia/Aqtau ", "Mars/Olympus_Mons"]) {
      expect(TimeZone.isTimeZone(id)).toBe(false)
    }
    expect(TimeZone.isTimeZone(5)).toBe(false)
  })

  it("knows every sample zone the arbitraries draw from", () => {
    for (const zone of timeZoneSamples) expect(TimeZone.isTimeZone(zone)).toBe(true)
    expect(timeZoneSamples).toEqual(expect.arrayContaining(["Asia/Aqtau", "Asia/Almaty", "UTC", "America/New_York", "Europe/Berlin", "Australia/Lord_Howe"]))
  })

  it("make and makeUnsafe", () => {
    expect(Result.isSuccess(TimeZone.make("Europe/Berlin"))).toBe(true)
    expect(() => TimeZone.makeUnsafe("Europe/Berlim")).toThrow("\"Europe/Berlim\" is not an IANA time zone")
  })
})
