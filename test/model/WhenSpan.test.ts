import { fc, test } from "@fast-check/vitest"
import { describe, expect, it } from "vitest"
import * as When from "../../src/model/When.js"
import { arbTimeZone, arbWhen } from "../../src/testing/When.js"

const w = When.makeUnsafe

/** A span agrees with the bounds at its outer edges, and no range of it is inverted. */
const expectOrderedSpan = (value: When.When, zone: string): When.Span => {
  const b = When.boundsUnsafe(value, zone)
  const s = When.spanUnsafe(value, zone)
  expect(s.start.earliest).toBe(b.earliest)
  expect(s.end.latest).toBe(b.latest)
  expect(s.start.earliest).toBeLessThanOrEqual(s.start.latest)
  expect(s.end.earliest).toBeLessThanOrEqual(s.end.latest)
  expect(s.start.latest).toBeLessThanOrEqual(s.end.latest)
  expect(s.start.earliest).toBeLessThanOrEqual(s.end.earliest)
  return s
}

describe("When.span", () => {
  test.prop([arbWhen, arbTimeZone])("agrees with bounds at its outer edges and is ordered", (value, zone) => {
    const s = expectOrderedSpan(value, zone)
    expect(When.spanUnsafe(value, zone)).toEqual(s)
    expect(Object.isFrozen(s) && Object.isFrozen(s.start) && Object.isFrozen(s.end)).toBe(true)
  })

  test.prop([arbWhen, arbTimeZone])("a single date starts and ends within its bounds", (value, zone) => {
    fc.pre(!When.isInterval(value))
    const s = When.spanUnsafe(value, zone)
    expect(s.start).toEqual(When.boundsUnsafe(value, zone))
    expect(s.end).toEqual(When.boundsUnsafe(value, zone))
  })

  it("reads an interval side by side in the local calendar", () => {
    const s = When.spanUnsafe(w("2011-12-16/2011-12-18"), "Asia/Aqtau")
    expect(new Date(s.start.earliest).toISOString()).toBe("2011-12-15T19:00:00.000Z")
    expect(new Date(s.start.latest).toISOString()).toBe("2011-12-16T18:59:59.999Z")
    expect(new Date(s.end.earliest).toISOString()).toBe("2011-12-17T19:00:00.000Z")
    expect(new Date(s.end.latest).toISOString()).toBe("2011-12-18T18:59:59.999Z")
  })

  it("makes an open side a point at infinity and an unknown side a free range", () => {
    const open = When.spanUnsafe(w("2011-05-11/.."), "UTC")
    expect(open.end).toEqual({ earliest: Infinity, latest: Infinity })
    const unknown = When.spanUnsafe(w("2011-05-11/"), "UTC")
    expect(unknown.end.earliest).toBe(Date.UTC(2011, 4, 11))
    expect(unknown.end.latest).toBe(Infinity)
    const unknownStart = When.spanUnsafe(w("/2011-05-11"), "UTC")
    expect(unknownStart.start).toEqual({ earliest: -Infinity, latest: Date.UTC(2011, 4, 12) - 1 })
    expect(When.spanUnsafe(w("../2011"), "UTC").start).toEqual({ earliest: -Infinity, latest: -Infinity })
  })

  it("widens approximate sides like bounds", () => {
    const s = When.spanUnsafe(w("2011-05~/2011-12-16"), "UTC")
    expect(s.start.earliest).toBe(Date.UTC(2011, 3, 1))
    expect(s.start.latest).toBe(Date.UTC(2011, 6, 1) - 1)
  })
})

/** Local days the clocks skipped or repeated whole, and a midnight skipped by daylight saving. */
const arbAwkwardDay = fc.constantFrom(
  ["Pacific/Apia", Date.UTC(2011, 11, 30)], // skipped: UTC-10 to UTC+14
  ["Pacific/Fakaofo", Date.UTC(2011, 11, 30)], // skipped with Samoa
  ["Pacific/Kwajalein", Date.UTC(1993, 7, 21)], // skipped: UTC-12 to UTC+12
  ["America/Sitka", Date.UTC(1867, 9, 18)], // repeated: Alaska moved from Russian to American time
  ["America/Juneau", Date.UTC(1867, 9, 18)],
  ["America/Santiago", Date.UTC(2022, 8, 11)], // midnight skipped
  ["Asia/Manila", Date.UTC(1844, 11, 31)] // skipped: the Philippines moved west of the date line
).chain(([zone, day]) => fc.tuple(fc.constant(zone), fc.integer({ min: -2, max: 2 }).map((d) => new Date(day + d * 86_400_000).toISOString().slice(0, 10))))

const intervalAround = fc.tuple(arbAwkwardDay, fc.integer({ min: 0, max: 2 }), fc.constantFrom("open-end", "open-start", "unknown-end", "unknown-start", "closed", "approximate", "offset-start"))
  .map(([[zone, day], length, form]) => {
    const next = new Date(Date.parse(day) + length * 86_400_000).toISOString().slice(0, 10)
    const text = { "open-end": `${day}/..`, "open-start": `../${day}`, "unknown-end": `${day}/`, "unknown-start": `/${day}`, closed: `${day}/${next}`, approximate: `${day}~/${next}`, "offset-start": `${day}T23:00:00+14:00/${next}` }[form]
    return [w(text), zone] as const
  })

describe("When.span around local days the clocks skipped or repeated", () => {
  it("starts 2011-12-30/.. in Pacific/Apia at the jump, so the span is not inverted", () => {
    const s = When.spanUnsafe(w("2011-12-30/.."), "Pacific/Apia")
    const jump = Date.parse("2011-12-30T10:00:00Z")
    expect(s.start).toEqual({ earliest: jump, latest: jump })
    expect(s.end).toEqual({ earliest: Infinity, latest: Infinity })
  })

  it("ends ../2011-12-30 in Pacific/Apia at the jump", () => {
    const s = When.spanUnsafe(w("../2011-12-30"), "Pacific/Apia")
    const jump = Date.parse("2011-12-30T10:00:00Z")
    expect(s.end).toEqual({ earliest: jump, latest: jump })
  })

  test.prop([intervalAround])("is never inverted and agrees with bounds", ([value, zone]) => {
    expectOrderedSpan(value, zone)
  })

  test.prop([arbAwkwardDay])("consecutive local days never overlap and leave no gap", ([zone, day]) => {
    const next = new Date(Date.parse(day) + 86_400_000).toISOString().slice(0, 10)
    const a = When.boundsUnsafe(w(day), zone)
    const b = When.boundsUnsafe(w(next), zone)
    // A skipped day is the single instant of the jump, which the next day also starts at.
    expect(b.earliest === a.latest + 1 || (a.earliest === a.latest && b.earliest === a.latest)).toBe(true)
  })
})
