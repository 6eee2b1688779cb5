import { describe, expect, it } from "vitest"
import { Chronicle, Journal, Projection } from "../../src/index.js"

const union = (name: string) => ({ type: "actor", id: "oil-workers-union", kind: "union", name })

describe("Chronicle.open (promises)", () => {
  it("records, corrects, retracts and reads the catalog without Effect", async () => {
    const chronicle = await Chronicle.open()
    try {
      const first = await chronicle.record(union("Oil workers' union"), { author: "editor" })
      const second = await chronicle.correct(union("Union of Ozenmunaigas oil workers"), { reason: "full name" })
      expect([first.revision, second.revision]).toEqual([1, 2])
      await chronicle.record({ type: "source", id: "s", outlet: "Radio Azattyq", kind: "news" })
      await chronicle.record({ type: "place", id: "zhanaozen", name: "Zhanaozen", kind: "town", timeZone: "Asia/Aqtau" })
      for (const [id, when] of [["e-1", "2011-12-16"], ["e-2", "2011-12-17"]]) {
        await chronicle.record({
          type: "event", kind: "rally", id, title: "rally", when, where: { place: "zhanaozen", timeZone: "Asia/Aqtau" }, form: "gathering",
          citations: [{ source: "s" }]
        })
      }
      await chronicle.link({
        type: "link", id: "l-1", relation: "responds-to", from: "e-2", to: "e-1", inferredBy: { rule: "same-place", score: 0.5, reason: "same square" }
      })
      const catalog = await chronicle.catalog()
      expect(Projection.Catalog.records(catalog).map((r) => r.id)).toEqual(["oil-workers-union", "s", "zhanaozen", "e-1", "e-2", "l-1"])
      expect(Projection.Catalog.size(await chronicle.catalogAsOf(first.recordedAt - 1))).toBe(0)
      await chronicle.retract({ type: "actor", id: "oil-workers-union" }, { reason: "duplicate" })
      expect(Projection.Catalog.records(await chronicle.catalog(), { type: "actor" })).toEqual([])
    } finally {
      await chronicle.close()
    }
  })

  it("rejects with the typed error", async () => {
    const chronicle = await Chronicle.open(Journal.layerMemory())
    await expect(chronicle.record({ type: "actor", id: "x" })).rejects.toMatchObject({ _tag: "RecordDecodeError" })
    await expect(chronicle.correct(union("U"), { reason: "r" })).rejects.toMatchObject({ _tag: "NoRecordError" })
    expect(Projection.Catalog.size(await chronicle.catalog())).toBe(0)
    await chronicle.close()
  })
})
