import { fc, test } from "@fast-check/vitest"
import { describe, expect, it } from "vitest"
import * as When from "../../src/model/When.js"
import * as Anniversary from "../../src/model/Anniversary.js"
import { arbWhen } from "../../src/testing/When.js"

const a = (x: string, y: string) => Anniversary.ofWhen(When.makeUnsafe(x), When.makeUnsafe(y))

describe("Anniversary", () => {
  it("reads days in the local calendar", () => {
    expect(a("2011-12-16", "2012-12-16")).toBe("certain")
    expect(a("2011-12-16", "2021-12-16T10:00:00+05:00")).toBe("certain")
    expect(a("2011-12-16", "2011-12-16")).toBe("no")
    expect(a("2012-12-16", "2011-12-16")).toBe("no")
    expect(a("2011-12-16", "2012-12-17")).toBe("no")
    expect(a("2011-12-16", "2013")).toBe("possible")
    expect(a("2011-12-16", "2012-12")).toBe("possible")
    expect(a("2011-12-16", "2012-11")).toBe("no")
    expect(a("2011-12-16", "2012-12-16?")).toBe("possible")
    expect(a("2011-12-16", "2012-12-17~")).toBe("possible")
    expect(a("2011-12-16", "2012-12-15/2012-12-17")).toBe("possible")
    expect(a("2011-12", "2012-12-16")).toBe("possible")
    expect(a("2011", "2011-12-16")).toBe("no")
    expect(a("2011-12-16/2011-12-18", "2012-12-16")).toBe("certain")
    expect(a("2011-12-15/2011-12-18", "2012-12-16")).toBe("no")
    expect(a("2011-12~/2011-12-18", "2012-12-16")).toBe("possible")
    expect(a("2012-02-29", "2013-02-28")).toBe("no")
    expect(a("2012-02-29", "2016-02-29")).toBe("certain")
    expect(a("2012-02-29", "2013")).toBe("no")
    expect(a("2012-02-29", "2013/2016")).toBe("possible")
    expect(a("2011-12-16", "2012-05-11/..")).toBe("possible")
  })

  it("counts years and months-days", () => {
    const ev = (when: string) => ({ when: When.makeUnsafe(when) })
    expect(Anniversary.yearsBetween(ev("2011-12-16"), ev("2021-12-16"))).toBe(10)
    expect(Anniversary.onMonthDay(When.makeUnsafe("2021-12-16"), 12, 16)).toBe("certain")
    expect(Anniversary.onMonthDay(When.makeUnsafe("2021-12"), 12, 16)).toBe("possible")
    expect(Anniversary.onMonthDay(When.makeUnsafe("2021-11"), 12, 16)).toBe("no")
    expect(Anniversary.localDay(0)).toEqual({ year: 1970, month: 1, day: 1 })
  })

  test.prop([arbWhen, arbWhen])("never throws; certain only when the later value is one known day", (x, y) => {
    const r = Anniversary.ofWhen(x, y)
    expect(["certain", "possible", "no"]).toContain(r)
    if (r === "certain") {
      expect(["day", "second"]).toContain(When.precision(y))
      expect(When.qualifiers(y)).toEqual({ uncertain: false, approximate: false })
      const written = /^-?\d{4}-(\d\d)-(\d\d)/.exec(y)!
      expect(Anniversary.onMonthDay(y, Number(written[1]), Number(written[2]))).toBe("certain")
    }
  })

  test.prop([fc.integer({ min: -200000, max: 200000 }), fc.integer({ min: 1, max: 40 })])(
    "a day and the same month-day some years later is certain; a day later is not",
    (dayNumber, years) => {
      const d = Anniversary.localDay(dayNumber)
      fc.pre(d.year >= 1 && d.year + years <= 9999 && !(d.month === 2 && d.day === 29))
      const pad = (n: number, w: number) => String(n).padStart(w, "0")
      const text = (y: number, m: number, dd: number) => `${pad(y, 4)}-${pad(m, 2)}-${pad(dd, 2)}`
      expect(a(text(d.year, d.month, d.day), text(d.year + years, d.month, d.day))).toBe("certain")
      const next = Anniversary.localDay(dayNumber + 1)
      fc.pre(next.year === d.year && !(next.month === 2 && next.day === 29))
      expect(a(text(d.year, d.month, d.day), text(d.year + years, next.month, next.day))).toBe("no")
      expect(a(text(d.year, d.month, d.day), pad(d.year + years, 4))).toBe("possible")
    }
  )

  test.prop([fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 800 }), fc.integer({ min: 0, max: 800 })])(
    "interval answers agree with a brute-force search over the days",
    (start1, start2, len1, len2) => {
      const base = 15000
      const day = (n: number) => {
        const d = Anniversary.localDay(base + n)
        return `${String(d.year).padStart(4, "0")}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`
      }
      const x = `${day(start1)}/${day(start1 + len1)}`
      const y = `${day(start2)}/${day(start2 + len2)}`
      let brute = false
      for (let i = start1; i <= start1 && !brute; i++) {
        for (let j = start2; j <= start2 + len2 && !brute; j++) {
          const p = Anniversary.localDay(base + i)
          const q = Anniversary.localDay(base + j)
          if (p.month === q.month && p.day === q.day && q.year > p.year) brute = true
        }
      }
      const r = a(x, y)
      if (len2 === 0) expect(r).toBe(brute ? "certain" : "no")
      else expect(r === "no").toBe(!brute)
    }
  )
})
