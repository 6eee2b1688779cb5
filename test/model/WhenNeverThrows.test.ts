/**
 * No export of `When` or `TimeZone` throws, whatever JavaScript passes it: values outside the
 * TypeScript types (undefined, null, numbers, objects without a prototype, NaN, symbols, huge
 * strings) give a typed failure or the documented answer. The exports are listed from the modules
 * themselves, so a new function is covered as soon as it exists. Only `makeUnsafe`,
 * `boundsUnsafe` and `spanUnsafe` are left out: throwing is what they are for.
 */
import { fc, test } from "@fast-check/vitest"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import * as TimeZone from "../../src/model/TimeZone.js"
import * as When from "../../src/model/When.js"
import { arbOutsideType } from "../../src/testing/Hostile.js"
import { arbEdtf, arbTimeZone } from "../../src/testing/When.js"

const HUGE = "2011-12-16/".repeat(100_000)

/**
 * The package's values outside every type (`arbOutsideType`), the shapes that break code written
 * for dates and zones, and good values, so that calls also get past their first check.
 */
const arbJunk: fc.Arbitrary<unknown> = fc.oneof(
  arbOutsideType,
  fc.constantFrom<unknown>(8.64e15, -8.64e15, 8.64e15 + 1, HUGE, "Asia/" + "x".repeat(70_000), "+05:00", "16/12/2011"),
  fc.constantFrom<unknown>({ earliest: NaN, latest: NaN }, { when: "2011", timeZone: 5 }, { when: 5, timeZone: "UTC" }),
  fc.string({ maxLength: 80 }),
  arbEdtf,
  arbTimeZone
)

const isClass = (f: unknown): boolean => typeof f === "function" && /^class\b/.test(Function.prototype.toString.call(f))
const isUnsafe = (name: string): boolean => /unsafe/i.test(name)

const functionsOf = (module: Record<string, unknown>, label: string) =>
  Object.entries(module)
    .filter(([name, f]) => typeof f === "function" && !isClass(f) && !isUnsafe(name))
    .map(([name, f]) => [`${label}.${name}`, f as (...args: ReadonlyArray<unknown>) => unknown] as const)

const classesOf = (module: Record<string, unknown>, label: string) =>
  Object.entries(module)
    .filter(([, f]) => isClass(f))
    .map(([name, f]) => [`${label}.${name}`, f as new (...args: ReadonlyArray<unknown>) => Error] as const)

const functions = [...functionsOf(When, "When"), ...functionsOf(TimeZone, "TimeZone")]
const classes = [...classesOf(When, "When"), ...classesOf(TimeZone, "TimeZone")]

/** A failure's message must be short, and must not carry a long stretch of any input. */
const expectBoundedFailure = (result: unknown, args: ReadonlyArray<unknown>): void => {
  if (!Result.isResult(result) || !Result.isFailure(result)) return
  const failure = result.failure as { readonly message: unknown; readonly _tag: unknown }
  expect(typeof failure._tag).toBe("string")
  expect(typeof failure.message).toBe("string")
  const message = failure.message as string
  expect(message.length).toBeLessThan(400)
  for (const a of args) if (typeof a === "string" && a.length > 100) expect(message).not.toContain(a.slice(0, 100))
}

describe("When and TimeZone never throw", () => {
  it("cover every exported function and error class", () => {
    const names = functions.map(([name]) => name)
    expect(names).toEqual(expect.arrayContaining(["When.parse", "When.bounds", "When.span", "When.Order", "When.compareLocated", "TimeZone.make", "TimeZone.offsetAt"]))
    expect(classes.map(([name]) => name).sort()).toEqual(["TimeZone.TimeZoneError", "When.WhenError"])
  })

  test.prop([fc.array(arbJunk, { maxLength: 3 }), fc.constantFrom(...functions)], { numRuns: 1000 })(
    "any export, any arguments: a value or a typed failure",
    (args, [, f]) => {
      const result = f(...args)
      expectBoundedFailure(result, args)
    }
  )

  test.prop([arbJunk, arbJunk, fc.constantFrom(...classes)])("an error built from anything still has a message", (input, reason, [, E]) => {
    expect(typeof new E({ input, reason }).message).toBe("string")
  })

  it.each([
    ["When.bounds with an unknown zone", () => When.bounds(When.makeUnsafe("2011"), "Asia/Aqtu")],
    ["When.span with an unknown zone", () => When.span(When.makeUnsafe("2011"), "Asia/Aqtu")],
    ["When.bounds of a value cast from an invalid string", () => When.bounds("16/12/2011" as When.When, "UTC")],
    ["When.bounds with undefined", () => When.bounds(undefined as unknown as When.When, undefined as unknown as string)],
    ["When.parse of an object without a prototype", () => When.parse(Object.create(null) as string)],
    ["TimeZone.make of a number", () => TimeZone.make(5 as unknown as string)]
  ])("%s gives a failure", (_, call: () => Result.Result<unknown, unknown>) => {
    expect(Result.isFailure(call())).toBe(true)
  })

  it("answers for a value that only a cast made a When: not an interval, coarsest, uncertain, ordered last", () => {
    const bad = "16/12/2011" as When.When
    expect(When.isInterval(bad)).toBe(false)
    expect(When.precision(bad)).toBe("millennium")
    expect(When.qualifiers(bad)).toEqual({ uncertain: true, approximate: false })
    expect([bad, When.makeUnsafe("2011")].sort(When.Order)).toEqual(["2011", bad])
    expect(When.format(undefined as unknown as When.Parsed)).toBe("")
  })
})
