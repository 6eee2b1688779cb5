import { fc, test } from "@fast-check/vitest"
import { describe, expect, it } from "vitest"
import * as When from "../../src/model/When.js"
import { arbTimeZone, arbWhen } from "../../src/testing/When.js"

const w = When.unsafeMake

describe("When.span", () => {
  test.prop([arbWhen, arbTimeZone])("agrees with bounds at its outer edges and is ordered", (value, zone) => {
    const b = When.bounds(value, zone)
    const s = When.span(value, zone)
    expect(s.start.earliest).toBe(b.earliest)
    expect(s.end.latest).toBe(b.latest)
    expect(s.start.earliest).toBeLessThanOrEqual(s.start.latest)
    expect(s.end.earliest).toBeLessThanOrEqual(s.end.latest)
    expect(s.start.latest).toBeLessThanOrEqual(s.end.latest)
    expect(s.start.earliest).toBeLessThanOrEqual(s.end.earliest)
    expect(When.span(value, zone)).toBe(s)
    expect(Object.isFrozen(s) && Object.isFrozen(s.start) && Object.isFrozen(s.end)).toBe(true)
  })

  test.prop([arbWhen, arbTimeZone])("a single date starts and ends within its bounds", (value, zone) => {
    fc.pre(!When.isInterval(value))
    const s = When.span(value, zone)
    expect(s.start).toEqual(When.bounds(value, zone))
    expect(s.end).toEqual(When.bounds(value, zone))
  })

  it("reads an interval side by side in the local calendar", () => {
    const s = When.span(w("2011-12-16/2011-12-18"), "Asia/Aqtau")
    expect(new Date(s.start.earliest).toISOString()).toBe("2011-12-15T19:00:00.000Z")
    expect(new Date(s.start.latest).toISOString()).toBe("2011-12-16T18:59:59.999Z")
    expect(new Date(s.end.earliest).toISOString()).toBe("2011-12-17T19:00:00.000Z")
    expect(new Date(s.end.latest).toISOString()).toBe("2011-12-18T18:59:59.999Z")
  })

  it("makes an open side a point at infinity and an unknown side a free range", () => {
    const open = When.span(w("2011-05-11/.."), "UTC")
    expect(open.end).toEqual({ earliest: Infinity, latest: Infinity })
    const unknown = When.span(w("2011-05-11/"), "UTC")
    expect(unknown.end.earliest).toBe(Date.UTC(2011, 4, 11))
    expect(unknown.end.latest).toBe(Infinity)
    const unknownStart = When.span(w("/2011-05-11"), "UTC")
    expect(unknownStart.start).toEqual({ earliest: -Infinity, latest: Date.UTC(2011, 4, 12) - 1 })
    expect(When.span(w("../2011"), "UTC").start).toEqual({ earliest: -Infinity, latest: -Infinity })
  })

  it("widens approximate sides like bounds", () => {
    const s = When.span(w("2011-05~/2011-12-16"), "UTC")
    expect(s.start.earliest).toBe(Date.UTC(2011, 3, 1))
    expect(s.start.latest).toBe(Date.UTC(2011, 6, 1) - 1)
  })
})
