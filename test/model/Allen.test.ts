import { fc, test } from "@fast-check/vitest"
import { describe, expect, it } from "vitest"
import * as When from "../../src/model/When.js"
import * as Allen from "../../src/model/Allen.js"
import { arbExactSpan, arbFiniteSpan, arbSpan } from "../../src/testing/Timeline.js"
import { arbTimeZone, arbWhen } from "../../src/testing/When.js"

/** The relation of two concrete intervals [s, e] (inclusive ms), by its definition. */
const relationOf = (s1: number, e1: number, s2: number, e2: number): Allen.Relation => {
  const E1 = e1 + 1
  const E2 = e2 + 1
  if (E1 < s2) return "before"
  if (E1 === s2) return "meets"
  if (E2 < s1) return "after"
  if (E2 === s1) return "met-by"
  if (s1 === s2 && E1 === E2) return "equals"
  if (s1 === s2) return E1 < E2 ? "starts" : "started-by"
  if (E1 === E2) return s1 > s2 ? "finishes" : "finished-by"
  if (s1 < s2) return E1 < E2 ? "overlaps" : "contains"
  return E1 < E2 ? "during" : "overlapped-by"
}

describe("Allen", () => {
  test.prop([arbExactSpan, arbExactSpan])("for exact intervals exactly one relation holds, the right one", (a, b) => {
    const r = Allen.relations(a, b)
    expect(r.possible).toEqual([relationOf(a.start.earliest, a.end.earliest, b.start.earliest, b.end.earliest)])
    expect(r.certain).toEqual(r.possible)
  })

  test.prop([arbSpan, arbSpan])("the relations of (b, a) are the converses of those of (a, b)", (a, b) => {
    const ab = Allen.relations(a, b)
    const ba = Allen.relations(b, a)
    const conv = (rs: ReadonlyArray<Allen.Relation>) => new Set(rs.map(Allen.converse))
    expect(new Set(ba.possible)).toEqual(conv(ab.possible))
    expect(new Set(ba.certain)).toEqual(conv(ab.certain))
  })

  test.prop([arbSpan, arbSpan])("certain lies within possible, and something is possible", (a, b) => {
    const r = Allen.relations(a, b)
    expect(r.possible.length).toBeGreaterThan(0)
    for (const c of r.certain) expect(r.possible).toContain(c)
    for (const rel of Allen.all) {
      expect(Allen.isPossible(a, rel, b)).toBe(r.possible.includes(rel))
      expect(Allen.isCertain(a, rel, b)).toBe(r.certain.includes(rel))
    }
  })

  test.prop([arbFiniteSpan(), arbFiniteSpan(), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })])(
    "every concrete choice inside the spans has a possible relation (soundness)",
    (a, b, u1, u2, u3, u4) => {
      const pick = (lo: number, hi: number, u: number) => Math.floor(lo + (hi - lo) * u)
      const s1 = pick(a.start.earliest, a.start.latest, u1)
      const e1 = pick(Math.max(s1, a.end.earliest), a.end.latest, u2)
      const s2 = pick(b.start.earliest, b.start.latest, u3)
      const e2 = pick(Math.max(s2, b.end.earliest), b.end.latest, u4)
      fc.pre(e1 >= s1 && e2 >= s2)
      expect(Allen.relations(a, b).possible).toContain(relationOf(s1, e1, s2, e2))
    }
  )

  test.prop([arbWhen, arbWhen, arbTimeZone])("spans of EDTF values always have a possible relation", (x, y, zone) => {
    const r = Allen.relations(When.spanUnsafe(x, zone), When.spanUnsafe(y, zone))
    expect(r.possible.length).toBeGreaterThan(0)
    expect(r.certain.length).toBeLessThanOrEqual(1)
  })

  const span = (s: string) => When.spanUnsafe(When.makeUnsafe(s), "Asia/Aqtau")

  it("reads days and intervals", () => {
    expect(Allen.relations(span("2011-12-16"), span("2011-05-26/2011-12-16")).possible).toEqual([
      "during",
      "finishes",
      "overlapped-by",
      "met-by",
      "after"
    ])
    expect(Allen.relations(span("2011-12-16"), span("2011-12-17")).possible).toEqual(["before", "meets"])
    expect(Allen.relations(span("2011-12-16"), span("2011-12-18")).certain).toEqual(["before"])
    expect(Allen.relations(span("2011-12"), span("2011")).certain).toEqual([])
    expect(Allen.relations(span("2011-12"), span("2011-11/2012-01")).certain).toEqual(["during"])
    expect(Allen.relations(span("2011-12-16"), span("2011-12-16")).possible).toEqual(Allen.all)
    expect(Allen.relations(span("2011-05-11/.."), span("2012-05-11/..")).certain).toEqual(["finished-by"])
  })

  it("predicates", () => {
    expect(Allen.certainlyPrecedes(span("2011-12-16"), span("2011-12-17"))).toBe(true)
    expect(Allen.certainlyPrecedes(span("2011-12-16"), span("2011-12"))).toBe(false)
    expect(Allen.possiblyPrecedes(span("2011-12-16"), span("2011-12"))).toBe(true)
    expect(Allen.possiblyPrecedes(span("2011-12-17"), span("2011-12-16"))).toBe(false)
    expect(Allen.certainlyStartsAfter(span("2011-12-17"), span("2011-12-16"))).toBe(true)
    expect(Allen.certainlyStartsAfter(span("2011-12-16"), span("2011-12"))).toBe(false)
    expect(Allen.certainlyStartsBefore(span("2011-11"), span("2011-12-16"))).toBe(true)
    expect(Allen.possiblyStartsNotAfter(span("2011-12"), span("2011-12-16"))).toBe(true)
  })
})
