/**
 * Snapshots of caller values: a copy that shares nothing with the input, frozen, each property
 * read once; and the problems (cycles, holes, depth, a throwing getter) named with their path,
 * whichever of the quick copy and the careful walk finds them.
 */
import { describe, expect, it } from "vitest"
import { snapshot } from "../../src/model/internal/snapshot.js"

const problemOf = (input: unknown) => {
  const r = snapshot(input)
  return "problem" in r ? r.problem : undefined
}

describe("snapshot", () => {
  it("copies plain objects and arrays, frozen, sharing nothing with the input; other objects are kept", () => {
    const date = new Date(0)
    const shared = { n: 1 }
    const input = { a: [1, { b: "x" }], c: shared, d: shared, date }
    const r = snapshot(input)
    if (!("value" in r)) throw new Error("expected a value")
    const value = r.value as typeof input
    expect(value).toEqual(input)
    expect(value).not.toBe(input)
    expect(value.a).not.toBe(input.a)
    expect(value.c).not.toBe(shared)
    expect(value.date).toBe(date)
    expect(Object.isFrozen(value) && Object.isFrozen(value.a) && Object.isFrozen(value.a[1])).toBe(true)
  })

  it("copies an input that shares its parts once per part, not once per way to reach it", () => {
    // 60 levels of one object under two keys: 2^60 ways down, 61 objects.
    let node: object = { leaf: 1 }
    const originals: Array<object> = [node]
    for (let i = 0; i < 60; i++) originals.push(node = { a: node, b: node })
    const r = snapshot(node)
    if (!("value" in r)) throw new Error("expected a value")
    let copy = r.value as { a?: object; b?: object; leaf?: number }
    for (let i = 0; i < 60; i++) {
      // Plain booleans: a matcher's deep comparison or diff of this input would never end.
      expect(copy.a === copy.b).toBe(true)
      expect(Object.isFrozen(copy)).toBe(true)
      expect(originals.includes(copy)).toBe(false)
      copy = copy.a as typeof copy
    }
    expect(copy).toEqual({ leaf: 1 })
  })

  it("reads each property once when nothing is wrong", () => {
    let reads = 0
    const input = { get x() { return ++reads } }
    const r = snapshot(input)
    expect("value" in r && r.value).toEqual({ x: 1 })
    expect(reads).toBe(1)
  })

  it("keeps a key __proto__ as an own property", () => {
    const input = JSON.parse(`{"__proto__": {"polluted": true}}`) as object
    const r = snapshot(input)
    if (!("value" in r)) throw new Error("expected a value")
    expect(Object.getPrototypeOf(r.value)).toBe(Object.prototype)
    expect(Object.keys(r.value as object)).toEqual(["__proto__"])
  })

  it("names a cycle, a hole, too deep a nesting and a throwing getter, with the path", () => {
    const cyclic: { a: { b?: unknown } } = { a: {} }
    cyclic.a.b = cyclic
    expect(problemOf(cyclic)).toEqual({ path: ["a", "b"], message: expect.stringContaining("a cycle") })
    expect(problemOf({ list: [1, , 3] })).toEqual({ path: ["list"], message: expect.stringContaining("holes") })
    let deep: unknown = 1
    for (let i = 0; i < 70; i++) deep = [deep]
    expect(problemOf(deep)?.message).toContain("nested more than 64 levels deep")
    const throwing = { ok: 1, inner: { get bad(): never { throw new Error("no") } } }
    expect(problemOf(throwing)).toEqual({ path: ["inner", "bad"], message: "could not be read: no" })
  })
})
