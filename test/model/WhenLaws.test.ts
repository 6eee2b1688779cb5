import { fc, test } from "@fast-check/vitest"
import { Result, Schema } from "effect"
import { describe, expect, it } from "vitest"
import * as When from "../../src/model/When.js"
import { arbEdtf, arbTimeZone, arbWhen } from "../../src/testing/When.js"

const sign = (n: number): number => (n < 0 ? -1 : n > 0 ? 1 : 0)

/** Removes the qualifier of every date in the text (`2011~/2012?` → `2011/2012`). */
const unqualified = (s: string): string => s.replace(/[?~%]/g, "")

describe("When: parse and format", () => {
  test.prop([arbEdtf])("every generated value is valid and formats back to itself", (s) => {
    const parsed = When.parse(s)
    expect(Result.isSuccess(parsed) && When.format(parsed.success)).toBe(s)
  })

  test.prop([fc.string({ maxLength: 40 })])("never throws on arbitrary strings", (s) => {
    const r = When.parse(s)
    if (Result.isSuccess(r)) expect(When.format(r.success)).toBe(s)
    else expect(r.failure.reason.length).toBeGreaterThan(0)
  })

  test.prop([arbEdtf, fc.nat(), fc.nat()])("never throws on slices of valid values", (s, a, b) => {
    const slice = s.slice(Math.min(a, b) % (s.length + 1), Math.max(a, b) % (s.length + 1))
    const r = When.parse(slice)
    if (Result.isSuccess(r)) expect(When.format(r.success)).toBe(slice)
  })

  test.prop([arbEdtf])("returns the same frozen tree for the same string (memoised)", (s) => {
    const a = Result.getOrThrow(When.parse(s))
    const b = Result.getOrThrow(When.parse(s))
    expect(a).toBe(b)
    const deepFrozen = (v: unknown): boolean =>
      typeof v !== "object" || v === null || (Object.isFrozen(v) && Object.values(v).every(deepFrozen))
    expect(deepFrozen(a)).toBe(true)
  })
})

describe("When: derived facts", () => {
  test.prop([arbWhen, arbTimeZone])("bounds are ordered in every zone", (w, zone) => {
    const b = When.boundsUnsafe(w, zone)
    expect(b.earliest).toBeLessThanOrEqual(b.latest)
    expect(Number.isNaN(b.earliest) || Number.isNaN(b.latest)).toBe(false)
  })

  test.prop([arbWhen, arbTimeZone])("~ widens, ? keeps the bounds", (w, zone) => {
    const plain = When.boundsUnsafe(When.makeUnsafe(unqualified(w)), zone)
    const b = When.boundsUnsafe(w, zone)
    expect(When.contains(b, plain)).toBe(true)
    if (!When.qualifiers(w).approximate) expect(b).toEqual(plain)
  })

  test.prop([arbWhen])("an interval is as precise as its coarser end, and qualified if either end is", (w) => {
    const parsed = Result.getOrThrow(When.parse(w))
    if (parsed._tag !== "Interval") return
    const sides = [parsed.start, parsed.end]
      .filter((e) => e._tag === "Date" || e._tag === "DateTime")
      .map((e) => When.makeUnsafe(When.format(e)))
    const rank: ReadonlyArray<When.Precision> = ["millennium", "century", "decade", "year", "season", "month", "day", "second"]
    const coarsest = Math.min(...sides.map((e) => rank.indexOf(When.precision(e))))
    expect(When.precision(w)).toBe(rank[coarsest])
    expect(When.qualifiers(w).uncertain).toBe(sides.some((e) => When.qualifiers(e).uncertain))
    expect(When.qualifiers(w).approximate).toBe(sides.some((e) => When.qualifiers(e).approximate))
  })
})

describe("When.Order", () => {
  test.prop([arbWhen])("is reflexive", (a) => {
    expect(When.Order(a, a)).toBe(0)
  })

  test.prop([arbWhen, arbWhen])("is antisymmetric and total: equal only for the same string", (a, b) => {
    expect(sign(When.Order(a, b)) + sign(When.Order(b, a))).toBe(0)
    expect(When.Order(a, b) === 0).toBe(a === b)
  })

  test.prop([arbWhen, arbWhen, arbWhen])("is transitive", (a, b, c) => {
    const [x, y, z] = [a, b, c].sort(When.Order)
    expect(When.Order(x!, y!)).toBeLessThanOrEqual(0)
    expect(When.Order(y!, z!)).toBeLessThanOrEqual(0)
    expect(When.Order(x!, z!)).toBeLessThanOrEqual(0)
  })

  test.prop([arbWhen, arbWhen])("agrees with bounds in UTC", (a, b) => {
    const x = When.boundsUnsafe(a, "UTC")
    const y = When.boundsUnsafe(b, "UTC")
    if (x.earliest < y.earliest) expect(When.Order(a, b)).toBe(-1)
    if (x.earliest === y.earliest && x.latest < y.latest) expect(When.Order(a, b)).toBe(-1)
  })

  test.prop([fc.array(arbWhen, { maxLength: 20 })])("sorts the same whatever the input order", (ws) => {
    const forward = [...ws].sort(When.Order)
    const backward = [...ws].reverse().sort(When.Order)
    expect(backward).toEqual(forward)
  })

  it.each([
    ["2011-05~", "2011-06"],
    ["2011-01", "2011"],
    ["../2011", "2011"],
    ["2011", "2011/.."],
    ["2011-12-16T10:00:00+05:00", "2011-12-16T06:00:00Z"],
    ["2011-12-16T00:00:00", "2011-12-16"],
    ["2011-12-16T00:00:00", "2011-12-16T00:00:00Z"],
    ["-0001", "0000"],
    ["2011-12-16", "2011-12-16?"]
  ])("orders %s before %s", (a, b) => {
    expect(When.Order(When.makeUnsafe(a), When.makeUnsafe(b))).toBe(-1)
    expect(When.Order(When.makeUnsafe(b), When.makeUnsafe(a))).toBe(1)
  })
})

describe("When.compareLocated", () => {
  const arbLocated = fc.record({ when: arbWhen, timeZone: arbTimeZone })

  test.prop([arbLocated, arbLocated])("is antisymmetric and total", (a, b) => {
    expect(sign(When.compareLocated(a, b)) + sign(When.compareLocated(b, a))).toBe(0)
    expect(When.compareLocated(a, b) === 0).toBe(a.when === b.when && a.timeZone === b.timeZone)
  })

  test.prop([arbLocated, arbLocated, arbLocated])("is transitive", (a, b, c) => {
    const [x, y, z] = [a, b, c].sort(When.compareLocated)
    expect(When.compareLocated(x!, z!)).toBeLessThanOrEqual(0)
    expect(When.compareLocated(x!, y!)).toBeLessThanOrEqual(0)
  })

  test.prop([arbLocated, arbLocated])("agrees with bounds in each zone", (a, b) => {
    if (When.boundsUnsafe(a.when, a.timeZone).earliest < When.boundsUnsafe(b.when, b.timeZone).earliest) {
      expect(When.compareLocated(a, b)).toBe(-1)
    }
  })

  it("orders the same local day in Zhanaozen (UTC+5) after Astana in 2023 (UTC+6)", () => {
    const day = When.makeUnsafe("2023-12-16")
    expect(When.compareLocated({ when: day, timeZone: "Asia/Almaty" }, { when: day, timeZone: "Asia/Aqtau" })).toBe(-1)
  })
})

describe("When schema", () => {
  test.prop([arbWhen])("decodes and encodes without change", (w) => {
    const decoded = Schema.decodeUnknownSync(When.When)(w)
    expect(decoded).toBe(w)
    expect(Schema.encodeSync(When.When)(decoded)).toBe(w)
  })

  test.prop([fc.jsonValue()])("never throws on arbitrary JSON", (u) => {
    const r = Schema.decodeUnknownResult(When.When)(u)
    expect(Result.isSuccess(r)).toBe(When.isWhen(u))
  })

  test.prop([fc.anything()])("never throws on anything", (u) => {
    const r = Schema.decodeUnknownResult(When.When)(u)
    expect(Result.isSuccess(r)).toBe(When.isWhen(u))
  })

  test.prop([fc.string({ maxLength: 30 }).filter((s) => !When.isWhen(s))])("names the bad value in the message", (s) => {
    const r = Schema.decodeUnknownResult(When.When)(s)
    expect(Result.isFailure(r) && r.failure.message).toContain(`${JSON.stringify(s)} is not an EDTF date: `)
  })

  it("reports the calendar problem, once", () => {
    const r = Schema.decodeUnknownResult(When.When)("2011-13-40", { errors: "all" })
    expect(Result.isFailure(r) && r.failure.message).toBe("\"2011-13-40\" is not an EDTF date: month 13 does not exist")
  })

  it("names a non-string value when the caller opts in with reportInput (effect hides inputs by default)", () => {
    const r = Schema.decodeUnknownResult(When.When)(20111216, { reportInput: true })
    expect(Result.isFailure(r) && r.failure.message).toBe("Expected string, got 20111216")
  })

  it("exports a JSON Schema with the EDTF pattern, a title and a description", () => {
    const doc = Schema.toJsonSchemaDocument(When.When)
    const json = JSON.stringify(doc)
    expect(json).toContain("\"pattern\"")
    expect(json).toContain("\"title\":\"When\"")
    expect(json).toContain("EDTF")
  })

  test.prop([arbEdtf])("the exported pattern accepts every valid value", (s) => {
    expect(patternOf(When.When).test(s)).toBe(true)
  })

  it("the exported pattern refuses plain junk", () => {
    for (const s of ["hello", "2011-1", "2011-12-16T10:00", "2011~~", "20111", "2011 "]) {
      expect(patternOf(When.When).test(s)).toBe(false)
    }
  })
})

describe("When: frozen inputs", () => {
  const deepFreeze = <A>(value: A): A => {
    if (typeof value === "object" && value !== null) {
      for (const v of Object.values(value)) deepFreeze(v)
      Object.freeze(value)
    }
    return value
  }

  test.prop([arbWhen, arbWhen, arbTimeZone])("bounds helpers and orders accept frozen values", (a, b, zone) => {
    const x = deepFreeze({ ...When.boundsUnsafe(a, zone) })
    const y = deepFreeze({ ...When.boundsUnsafe(b, zone) })
    expect(() => [When.overlaps(x, y), When.contains(x, y), When.boundsOrder(x, y)]).not.toThrow()
    const la = deepFreeze({ when: a, timeZone: zone })
    const lb = deepFreeze({ when: b, timeZone: "UTC" })
    expect(() => When.compareLocated(la, lb)).not.toThrow()
  })

  test.prop([arbEdtf])("format reads a deep-frozen copy of the tree", (s) => {
    const copy = deepFreeze(structuredClone(Result.getOrThrow(When.parse(s))))
    expect(When.format(copy)).toBe(s)
  })

  it("bounds results are frozen, so a cached value cannot be changed by a caller", () => {
    const b = When.boundsUnsafe(When.makeUnsafe("2011-12-16"), "Asia/Aqtau")
    expect(Object.isFrozen(b)).toBe(true)
  })
})

const patternOf = (schema: typeof When.When): RegExp => {
  const json = JSON.stringify(Schema.toJsonSchemaDocument(schema))
  const match = /"pattern":("(?:[^"\\]|\\.)*")/.exec(json)
  if (match === null) throw new Error("no pattern in the JSON Schema")
  return new RegExp(JSON.parse(match[1]!) as string, "u")
}
