import { DateTime } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import type { Journal } from "../../src/index.js"
import { Projection } from "../../src/index.js"
import { arbEntries, assertAsOfEqualsPrefix, assertDeterministic, assertReplayEqualsIncremental } from "../../src/testing/index.js"

type Entry = Journal.Entry

const entryAt = (position: number, recordedAt: number): Entry => ({
  position,
  stream: { type: "event", id: `e-${position}` },
  revision: 1,
  recordedAt,
  idempotencyKey: `k-${position}`,
  body: { _tag: "retraction", reason: "test" }
})

const positions = Projection.make<ReadonlyArray<number>>([], (list, entry) => [...list, entry.position])
const revisionCount = Projection.make(0, (n, entry) => (entry.body._tag === "revision" ? n + 1 : n))

describe("Projection.asOf", () => {
  const entries = [entryAt(1, 100), entryAt(2, 200), entryAt(3, 200), entryAt(4, 300)]

  it("takes every entry recorded at or before the time, ties included", () => {
    expect([50, 100, 150, 200, 250, 300, 400].map((t) => Projection.asOf(positions, entries, t))).toEqual([
      [], [1], [1], [1, 2, 3], [1, 2, 3], [1, 2, 3, 4], [1, 2, 3, 4]
    ])
  })

  it("accepts a Date or a DateTime as the record time", () => {
    expect(Projection.countAsOf(entries, new Date(200))).toBe(3)
    expect(Projection.countAsOf(entries, DateTime.makeUnsafe(299))).toBe(3)
    expect(Projection.countAsOf([], 0)).toBe(0)
  })
})

describe("projection laws", () => {
  it("hold for a list of positions and for a count", () => {
    const all = <S>(p: Projection.Projection<S>) => {
      assertReplayEqualsIncremental(p, arbEntries)
      assertAsOfEqualsPrefix(p, arbEntries)
      assertDeterministic(p, arbEntries)
    }
    all(positions)
    all(revisionCount)
  })

  it("hold for two projections zipped", () => {
    const both = Projection.zip(positions, revisionCount)
    assertReplayEqualsIncremental(both)
    assertAsOfEqualsPrefix(both)
    expect(Projection.replay(both, [entryAt(1, 1), entryAt(2, 2)])).toEqual([[1, 2], 0])
  })

  it("catch a projection that mutates its state", () => {
    const mutating = Projection.make<Array<number>>([], (list, entry) => {
      list.push(entry.position)
      return list
    })
    expect(() => assertReplayEqualsIncremental(mutating, arbEntries, { parameters: { numRuns: 50 } })).toThrow()
  })

  it("catch a projection that depends on something besides its input", () => {
    let calls = 0
    const impure = Projection.make(0, (n) => n + ++calls)
    expect(() => assertDeterministic(impure, arbEntries.filter((es) => es.length > 0), { parameters: { numRuns: 5 } })).toThrow()
  })
})

describe("arbEntries", () => {
  it("gives valid journal sequences", () => {
    fc.assert(
      fc.property(arbEntries, (entries) => {
        const revisions = new Map<string, number>()
        entries.forEach((e, i) => {
          expect(e.position).toBe(i + 1)
          if (i > 0) expect(e.recordedAt).toBeGreaterThanOrEqual(entries[i - 1]!.recordedAt)
          const key = `${e.stream.type}/${e.stream.id}`
          expect(e.revision).toBe((revisions.get(key) ?? 0) + 1)
          revisions.set(key, e.revision)
          if (e.body._tag === "revision") expect({ type: e.body.record.type, id: e.body.record.id }).toEqual(e.stream)
          else expect(e.body.reason.trim()).not.toBe("")
        })
      })
    )
  })

  it("includes corrections, retractions and shared record times", () => {
    const samples = fc.sample(arbEntries, { numRuns: 200, seed: 42 }).flat()
    expect(samples.some((e) => e.body._tag === "retraction")).toBe(true)
    expect(samples.some((e) => e.body._tag === "revision" && e.revision > 1)).toBe(true)
    expect(samples.some((e, i) => i > 0 && e.position > 1 && e.recordedAt === samples[i - 1]!.recordedAt)).toBe(true)
  })
})
