/**
 * The testing entry's own deep equality (it may not import `node:util`) answers as
 * `isDeepStrictEqual` does, on random values and on the cases that tell the two kinds of
 * equality apart.
 */
import { fc, test } from "@fast-check/vitest"
import { isDeepStrictEqual } from "node:util"
import { describe, expect, it } from "vitest"
import { deepEqual } from "../../src/testing/internal/equal.js"

class Point {
  constructor(readonly x: number, readonly y: number) {}
}

const arbValue = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.anything({ maxDepth: 2, withMap: true, withSet: true, withDate: true, withTypedArray: true, withNullPrototype: true, withBoxedValues: true, withSparseArray: true }),
    fc.tuple(tie("value"), tie("value")).map(([a, b]) => new Map<unknown, unknown>([[a, b], [{ k: a }, b]])),
    fc.tuple(tie("value"), tie("value")).map(([a, b]) => new Set([a, { b }])),
    fc.tuple(fc.integer(), fc.integer()).map(([x, y]) => new Point(x, y))
  )
})).value

describe("deepEqual", () => {
  test.prop([arbValue, arbValue], { numRuns: 500 })("agrees with isDeepStrictEqual on two random values", (a, b) => {
    expect(deepEqual(a, b)).toBe(isDeepStrictEqual(a, b))
  })

  test.prop([arbValue], { numRuns: 500 })("finds a value equal to its structured clone exactly when node:util does", (a) => {
    let copy: unknown
    try {
      copy = structuredClone(a)
    } catch {
      return
    }
    expect(deepEqual(a, copy)).toBe(isDeepStrictEqual(a, copy))
  })

  it("tells apart what strict equality tells apart", () => {
    const pairs: ReadonlyArray<readonly [unknown, unknown]> = [
      [0, -0],
      [Number.NaN, Number.NaN],
      [1, "1"],
      [[1, , 3], [1, undefined, 3]],
      [{ a: undefined }, {}],
      [new Point(1, 2), { x: 1, y: 2 }],
      [new Map([[{ k: 1 }, "a"]]), new Map([[{ k: 1 }, "a"]])],
      [new Map([[{ k: 1 }, "a"]]), new Map([[{ k: 1 }, "b"]])],
      [new Set([{ a: 1 }, { a: 2 }]), new Set([{ a: 2 }, { a: 1 }])],
      [new Date(0), new Date(0)],
      [new Date(0), new Date(1)],
      [/a/g, /a/i],
      [new Uint8Array([1, 2]), new Uint8Array([1, 2])],
      [new Uint8Array([1, 2]), new Int8Array([1, 2])],
      [new Error("x"), new Error("y")],
      [Object.create(null), {}],
      [{ [Symbol.for("s")]: 1 }, { [Symbol.for("s")]: 2 }]
    ]
    for (const [a, b] of pairs) expect([a, b, deepEqual(a, b)]).toEqual([a, b, isDeepStrictEqual(a, b)])
  })

  it("compares cyclic values", () => {
    const a: { self?: unknown; n: number } = { n: 1 }
    a.self = a
    const b: { self?: unknown; n: number } = { n: 1 }
    b.self = b
    expect(deepEqual(a, b)).toBe(true)
    const c: { self?: unknown; n: number } = { n: 2 }
    c.self = c
    expect(deepEqual(a, c)).toBe(false)
  })
})
