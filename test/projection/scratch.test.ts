import { describe, expect, it } from "vitest"
import * as Scratch from "../../src/projection/internal/scratch.js"

describe("scratch arrays for bulk builds", () => {
  it("a slot hands back its memory while it is large enough, without zeroing it", () => {
    const a = Scratch.int32("test.a", 100)
    a.fill(7)
    const b = Scratch.int32("test.a", 50)
    expect(b.buffer).toBe(a.buffer)
    expect(b.length).toBe(50)
    // Not zeroed: callers write before they read.
    expect(b[0]).toBe(7)
  })

  it("a larger request gets a new buffer, and slots never share one", () => {
    const a = Scratch.float64("test.b", 10)
    const bigger = Scratch.float64("test.b", 10_000)
    expect(bigger.buffer).not.toBe(a.buffer)
    expect(bigger.length).toBe(10_000)
    expect(Scratch.float64("test.c", 10).buffer).not.toBe(Scratch.float64("test.b", 10).buffer)
  })
})
