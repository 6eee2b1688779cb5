import { pipe, Result, Schema } from "effect"
import * as fc from "fast-check"
import { isDeepStrictEqual } from "node:util"
import { describe, expect, expectTypeOf, it } from "vitest"
import * as Count from "../../src/model/Count.js"
import { arbCount, arbCountOfKind, arbCountWithValue, arbValueIn } from "../../src/testing/Count.js"
import { assertDoesNotMutate, assertRoundTrip } from "../../src/testing/laws.js"

const {
  aboutUnsafe: about,
  atLeastUnsafe: atLeast,
  atMostUnsafe: atMost,
  betweenUnsafe: between,
  bounds,
  exactUnsafe: exact,
  format,
  unknownUnsafe: unknown
} = Count

const failure = (thunk: () => unknown): Count.CountError => {
  try {
    thunk()
  } catch (e) {
    if (e instanceof Count.CountError) return e
    throw e
  }
  throw new Error("expected a CountError")
}

const decode = Schema.decodeUnknownResult(Count.Count)

describe("named examples", () => {
  it("exact: 14 killed is 14, nothing else", () => {
    const c = exact(14, "14 killed")
    expect(c).toEqual({ kind: "exact", value: 14, phrase: "14 killed" })
    expect(bounds(c)).toEqual({ low: 14, high: 14 })
    expect(Count.contains(c, 14)).toBe(true)
    expect(Count.contains(c, 15)).toBe(false)
    expect(format(c)).toBe("14 killed (14)")
    expect(format(exact(1234567))).toBe("1,234,567")
  })

  it("about two thousand allows 1,000–3,000 under the default tolerance", () => {
    const c = about(2000, { phrase: "about two thousand" })
    expect(Count.aboutTolerance).toBe(0.5)
    expect(bounds(c)).toEqual({ low: 1000, high: 3000 })
    expect(format(c)).toBe("about two thousand (1,000–3,000)")
    expect(format(about(2000))).toBe("about 2,000 (1,000–3,000)")
  })

  it("about: small values round inwards, and given bounds replace the default", () => {
    expect(bounds(about(3))).toEqual({ low: 2, high: 4 })
    expect(bounds(about(1))).toEqual({ low: 1, high: 1 })
    expect(bounds(about(0))).toEqual({ low: 0, high: 0 })
    expect(bounds(about(70, { low: 60, high: 80 }))).toEqual({ low: 60, high: 80 })
    expect(bounds(about(70, { high: 75 }))).toEqual({ low: 35, high: 75 })
  })

  it("about: given bounds must straddle the value", () => {
    expect(failure(() => about(70, { low: 71 }))).toMatchObject({ reason: "low (71) must not exceed value (70)", path: ["low"], message: "at [\"low\"]: low (71) must not exceed value (70)" })
    expect(failure(() => about(70, { high: 69 }))).toMatchObject({ reason: "high (69) must not be below value (70)", path: ["high"] })
  })

  it("at least 200 is open above; more than 100 starts at 101", () => {
    expect(bounds(atLeast(200))).toEqual({ low: 200, high: Infinity })
    expect(format(atLeast(200))).toBe("≥200")
    const moreThan100 = atLeast(100, { exclusive: true, phrase: "more than 100" })
    expect(bounds(moreThan100)).toEqual({ low: 101, high: Infinity })
    expect(Count.contains(moreThan100, 100)).toBe(false)
    expect(Count.contains(moreThan100, 101)).toBe(true)
    expect(format(moreThan100)).toBe("more than 100 (≥101)")
  })

  it("at most 50 starts at 0; fewer than 50 ends at 49; fewer than 0 is invalid", () => {
    expect(bounds(atMost(50))).toEqual({ low: 0, high: 50 })
    expect(format(atMost(50, { phrase: "up to fifty" }))).toBe("up to fifty (≤50)")
    expect(bounds(atMost(50, { exclusive: true }))).toEqual({ low: 0, high: 49 })
    expect(failure(() => atMost(0, { exclusive: true })).path).toEqual(["exclusive"])
    expect(bounds(atMost(0))).toEqual({ low: 0, high: 0 })
  })

  it("between 60 and 70 includes both ends", () => {
    const c = between(60, 70)
    expect(bounds(c)).toEqual({ low: 60, high: 70 })
    expect(format(c)).toBe("60–70")
    expect(format(between(60, 70, "60–70"))).toBe("60–70")
    expect([59, 60, 70, 71].map((n) => Count.contains(c, n))).toEqual([false, true, true, false])
  })

  it("between: low above high names the path [\"high\"]", () => {
    const e = failure(() => between(70, 60))
    expect(e._tag).toBe("CountError")
    expect(e.reason).toBe("low (70) must not exceed high (60)")
    expect(e.message).toBe("at [\"high\"]: low (70) must not exceed high (60)")
    expect(e.path).toEqual(["high"])
    expect(Count.between(70, 60)).toEqual(Result.fail(e))
    const r = decode({ kind: "between", low: 70, high: 60 })
    expect(Result.isFailure(r) && r.failure.message).toBe("low (70) must not exceed high (60)\n  at [\"high\"]")
  })

  it("the plain constructors return a Result; the …Unsafe twins throw its failure", () => {
    expect(Count.exact(14)).toEqual(Result.succeed({ kind: "exact", value: 14 }))
    expect(Result.isFailure(Count.exact(-1))).toBe(true)
    expect(Result.isFailure(Count.about(70, { low: 71 }))).toBe(true)
    expect(Result.isFailure(Count.atLeast(1.5))).toBe(true)
    expect(Result.isFailure(Count.atMost(0, { exclusive: true }))).toBe(true)
    expect(Result.isFailure(Count.unknown(""))).toBe(true)
    expect(Count.unknown()).toEqual(Result.succeed({ kind: "unknown" }))
  })

  it("binary combinators are dual: data first, or piped", () => {
    const a = exact(14)
    const b = about(70)
    expect(pipe(a, Count.add(b))).toEqual(Count.add(a, b))
    expect(pipe(a, Count.compare(b))).toBe("less")
    expect(pipe(a, Count.certainlyLess(b))).toBe(true)
    expect(pipe(b, Count.certainlyGreater(a))).toBe(true)
    expect(pipe(a, Count.certainlyEqual(a))).toBe(true)
    expect(pipe(a, Count.possiblyEqual(b))).toBe(false)
    expect(pipe(b, Count.contains(70))).toBe(true)
  })

  it("unknown allows any number", () => {
    expect(bounds(unknown())).toEqual({ low: 0, high: Infinity })
    expect(format(unknown())).toBe("unknown")
    expect(format(unknown("dozens"))).toBe("dozens (unknown)")
  })

  it("constructors reject what is not a non-negative safe integer, and empty phrases", () => {
    expect(failure(() => exact(-1)).path).toEqual(["value"])
    expect(failure(() => exact(1.5)).path).toEqual(["value"])
    expect(failure(() => exact(Number.NaN)).path).toEqual(["value"])
    expect(failure(() => exact(2 ** 53)).path).toEqual(["value"])
    expect(failure(() => between(1, Infinity)).path).toEqual(["high"])
    expect(failure(() => exact(3, "")).path).toEqual(["phrase"])
  })

  it("contains rejects numbers that cannot be counts", () => {
    expect(Count.contains(unknown(), -1)).toBe(false)
    expect(Count.contains(unknown(), 2.5)).toBe(false)
    expect(Count.contains(unknown(), Infinity)).toBe(false)
  })
})

describe("sum, add and envelope", () => {
  it("adds bounds and picks the narrowest kind", () => {
    expect(Count.sum([])).toEqual(exact(0))
    expect(Count.add(exact(14), exact(2))).toEqual(exact(16))
    expect(Count.sum([exact(14), about(70)])).toEqual(between(49, 119))
    expect(Count.sum([exact(5), atLeast(100, { exclusive: true })])).toEqual(atLeast(106))
    expect(Count.add(unknown(), exact(5))).toEqual(atLeast(5))
    expect(Count.add(unknown(), atMost(3))).toEqual(unknown())
  })

  it("widens instead of losing precision past Number.MAX_SAFE_INTEGER", () => {
    const max = Number.MAX_SAFE_INTEGER
    expect(Count.add(exact(max), exact(max))).toEqual(atLeast(max))
    expect(Count.add(exact(max), between(0, 1))).toEqual(atLeast(max))
  })

  it("envelope of the Zhanaozen death tolls: official 14, Reuters 16, activists about 70", () => {
    const tolls = [exact(14, "14"), exact(16), about(70, { phrase: "about seventy" })] as const
    const e = Count.envelope(tolls)
    expect(e).toEqual(between(14, 105))
    expect(format(e)).toBe("14–105")
    expect(Count.envelope([exact(3)])).toEqual(exact(3))
    expect(Count.envelope([exact(3), atLeast(10)])).toEqual(atLeast(3))
  })
})

describe("comparisons", () => {
  it("answers only what is certain", () => {
    expect(Count.compare(exact(14), about(70))).toBe("less")
    expect(Count.compare(about(70), exact(14))).toBe("greater")
    expect(Count.compare(exact(16), between(16, 16))).toBe("equal")
    expect(Count.compare(exact(16), about(20))).toBe("overlapping")
    expect(Count.compare(unknown(), unknown())).toBe("overlapping")
    expect(Count.certainlyLess(atMost(10), atLeast(11))).toBe(true)
    expect(Count.certainlyLess(atMost(10), atLeast(10))).toBe(false)
    expect(Count.certainlyGreater(atLeast(100, { exclusive: true }), exact(100))).toBe(true)
    expect(Count.certainlyEqual(exact(5), about(5, { low: 5, high: 5 }))).toBe(true)
    expect(Count.possiblyEqual(exact(14), about(20))).toBe(true)
    expect(Count.possiblyEqual(exact(14), atLeast(15))).toBe(false)
  })

  it("Order sorts by low, then high, then kind", () => {
    const sorted = [unknown(), atLeast(10), exact(10), between(5, 20), about(10), atMost(3)].sort(Count.Order)
    expect(sorted.map(format)).toEqual(["≤3", "unknown", "about 10 (5–15)", "5–20", "10", "≥10"])
  })
})

describe("laws", () => {
  it("every generated count is valid", () => {
    fc.assert(fc.property(arbCount, (c) => Count.isCount(c)))
  })

  it("the constructors accept every valid count and give it back unchanged", () => {
    const rebuild = (c: Count.Count): Count.Count => {
      switch (c.kind) {
        case "exact":
          return exact(c.value, c.phrase)
        case "about":
          return about(c.value, c)
        case "at-least":
          return atLeast(c.value, c)
        case "at-most":
          return atMost(c.value, c)
        case "between":
          return between(c.low, c.high, c.phrase)
        case "unknown":
          return unknown(c.phrase)
      }
    }
    fc.assert(fc.property(arbCount, (c) => isDeepStrictEqual(rebuild(c), c)))
  })

  it("bounds contain the values a count names", () => {
    fc.assert(fc.property(arbCount, (c) => {
      const { low, high } = bounds(c)
      expect(low).toBeLessThanOrEqual(high)
      expect(low).toBeGreaterThanOrEqual(0)
      switch (c.kind) {
        case "exact":
          return low === c.value && high === c.value
        case "about":
          return low <= c.value && c.value <= high && (c.low ?? low) === low && (c.high ?? high) === high
        case "at-least":
          return high === Infinity && low === (c.exclusive === true ? c.value + 1 : c.value)
        case "at-most":
          return low === 0 && high === (c.exclusive === true ? c.value - 1 : c.value)
        case "between":
          return low === c.low && high === c.high
        case "unknown":
          return low === 0 && high === Infinity
      }
    }))
  })

  it("arbValueIn only picks numbers the count contains", () => {
    fc.assert(fc.property(arbCountWithValue, ([c, n]) => Count.contains(c, n) || n > Number.MAX_SAFE_INTEGER))
  })

  it("sum never excludes a possible true total", () => {
    fc.assert(fc.property(fc.array(arbCountWithValue, { maxLength: 8 }), (pairs) => {
      const total = pairs.reduce((acc, [, n]) => acc + BigInt(n), 0n)
      const { low, high } = bounds(Count.sum(pairs.map(([c]) => c)))
      return BigInt(low) <= total && (high === Infinity || total <= BigInt(high))
    }))
  })

  it("add agrees with sum", () => {
    fc.assert(fc.property(arbCount, arbCount, (a, b) => isDeepStrictEqual(Count.add(a, b), Count.sum([a, b]))))
  })

  it("envelope contains every member and every value of every member", () => {
    fc.assert(fc.property(fc.array(arbCountWithValue, { minLength: 1, maxLength: 6 }), (pairs) => {
      const e = bounds(Count.envelope(pairs.map(([c]) => c) as [Count.Count, ...Array<Count.Count>]))
      return pairs.every(([c, n]) => {
        const b = bounds(c)
        return e.low <= b.low && (b.high <= e.high || e.high === Infinity) && e.low <= n && n <= e.high
      })
    }))
  })

  it("compare is consistent with the true values inside the bounds", () => {
    fc.assert(fc.property(arbCountWithValue, arbCountWithValue, ([a, x], [b, y]) => {
      switch (Count.compare(a, b)) {
        case "less":
          return x < y
        case "greater":
          return x > y
        case "equal":
          return x === y
        case "overlapping":
          return bounds(a).high >= bounds(b).low && bounds(a).low <= bounds(b).high
      }
    }))
  })

  it("compare is antisymmetric", () => {
    const flip = { less: "greater", greater: "less", equal: "equal", overlapping: "overlapping" } as const
    fc.assert(fc.property(arbCount, arbCount, (a, b) => Count.compare(b, a) === flip[Count.compare(a, b)]))
    fc.assert(fc.property(arbCount, (a) => Count.compare(a, a) !== "less" && Count.compare(a, a) !== "greater"))
  })

  it("Order is a total order that separates different counts", () => {
    fc.assert(fc.property(fc.oneof(arbCount, fc.constant({ kind: "unknown" } as const)), arbCount, arbCount, (a, b, c) => {
      const ab = Count.Order(a, b)
      expect(Count.Order(b, a)).toBe(ab === 0 ? 0 : -ab) // 0, not -0: Object.is tells them apart
      expect(ab === 0).toBe(isDeepStrictEqual(a, b))
      if (ab <= 0 && Count.Order(b, c) <= 0) expect(Count.Order(a, c)).toBeLessThanOrEqual(0)
    }))
    fc.assert(fc.property(fc.array(arbCountOfKind("about")), fc.array(arbCount), (xs, ys) => {
      const all = [...xs, ...ys]
      const once = [...all].sort(Count.Order)
      const reversed = [...all].reverse().sort(Count.Order)
      expect(reversed).toEqual(once)
    }))
  })

  it("format never throws and starts with the reported phrase", () => {
    fc.assert(fc.property(arbCount, (c) => {
      const text = format(c)
      return text.length > 0 && (c.phrase === undefined || text.startsWith(c.phrase))
    }))
  })

  it("round-trips through the Schema", () => {
    assertRoundTrip(Count.Count, arbCount)
  })

  it("decoding arbitrary JSON never throws, and what decodes is a count", () => {
    const check = (input: unknown) => {
      const r = decode(input)
      if (Result.isSuccess(r)) expect(Count.isCount(r.success)).toBe(true)
    }
    fc.assert(fc.property(fc.jsonValue(), check))
    const anyNumber = fc.oneof(fc.integer(), fc.double(), fc.constant(-0), fc.constant(2 ** 53))
    const nearlyCounts = fc.record({
      kind: fc.constantFrom("exact", "about", "at-least", "at-most", "between", "unknown", "many"),
      value: anyNumber,
      low: anyNumber,
      high: anyNumber,
      exclusive: fc.oneof(fc.boolean(), fc.constant("yes")),
      phrase: fc.oneof(fc.string(), fc.integer())
    }, { requiredKeys: ["kind"] })
    fc.assert(fc.property(nearlyCounts, check), { numRuns: 500 })
  })

  it("does not mutate deep-frozen inputs", () => {
    assertDoesNotMutate(fc.array(arbCount, { minLength: 1, maxLength: 5 }), (cs) => {
      const [a, ...rest] = cs as [Count.Count, ...Array<Count.Count>]
      const b = rest[0] ?? a
      bounds(a)
      Count.contains(a, 3)
      Count.sum(cs)
      Count.add(a, b)
      Count.envelope([a, ...rest])
      Count.compare(a, b)
      Count.possiblyEqual(a, b)
      Count.Order(a, b)
      format(a)
      Schema.encodeSync(Count.Count)(a)
      return [...cs].sort(Count.Order)
    })
  })
})

describe("types", () => {
  it("infers what users expect", () => {
    expectTypeOf(exact(1)).toEqualTypeOf<Count.Count>()
    expectTypeOf<Count.Kind>().toEqualTypeOf<"exact" | "about" | "at-least" | "at-most" | "between" | "unknown">()
    expectTypeOf(bounds).returns.toEqualTypeOf<Count.Bounds>()
    expectTypeOf(Count.compare(exact(1), exact(2))).toEqualTypeOf<"less" | "greater" | "equal" | "overlapping">()
    expectTypeOf<Extract<Count.Count, { kind: "between" }>>().toHaveProperty("low").toEqualTypeOf<number>()
    // @ts-expect-error envelope needs at least one count
    Count.envelope([])
  })
})

describe("arbValueIn", () => {
  it("returns the only value of a single-valued count", () => {
    fc.assert(fc.property(arbValueIn(exact(7)), (n) => n === 7))
  })
})
