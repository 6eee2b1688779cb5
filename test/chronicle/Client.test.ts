import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import type { Entry } from "../../src/journal/Entry.js"
import { layerFile } from "../../src/file/index.js"
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

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "client-"))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

const actor = (id: string) => ({ type: "actor", id, kind: "union", name: id })

/** Takes `n` entries from an async iterable, then leaves the loop (which closes the iterator). */
const take = async (entries: AsyncIterable<Entry>, n: number): Promise<Array<Entry>> => {
  const out: Array<Entry> = []
  for await (const entry of entries) {
    out.push(entry)
    if (out.length === n) break
  }
  return out
}

describe.each([
  ["memory", () => undefined],
  ["a file journal", () => layerFile(path.join(dir, `${Math.random().toString(36).slice(2)}.jsonl`))]
])("Chronicle.open on %s", (_name, store) => {
  it("closes with await using: the client is unusable afterwards", async () => {
    let escaped: Chronicle.Client | undefined
    {
      await using chronicle = await Chronicle.open(store())
      escaped = chronicle
      expect(await chronicle.head()).toBe(0)
      await chronicle.record(actor("a"))
      expect(await chronicle.head()).toBe(1)
    }
    await expect(escaped.head()).rejects.toBeDefined()
  })

  it("tail gives the entries so far, then each commit as it lands; break closes it", async () => {
    await using chronicle = await Chronicle.open(store())
    await chronicle.record(actor("a"))
    const later = take(chronicle.tail(), 3)
    await chronicle.record(actor("b"))
    await chronicle.record(actor("c"))
    expect((await later).map((e) => [e.position, e.stream.id])).toEqual([[1, "a"], [2, "b"], [3, "c"]])
    expect((await take(chronicle.tail({ from: 3 }), 1)).map((e) => e.stream.id)).toEqual(["c"])
  })

  it("closing the client ends a tail that is waiting for the next commit", async () => {
    const chronicle = await Chronicle.open(store())
    await chronicle.record(actor("a"))
    const seen: Array<number> = []
    const loop = (async () => {
      for await (const entry of chronicle.tail()) seen.push(entry.position)
    })()
    while (seen.length < 1) await new Promise((resolve) => setTimeout(resolve, 5))
    await chronicle.close()
    await loop
    expect(seen).toEqual([1])
  })

  it("takes record time from the clock option, and reads as of it", async () => {
    const times = [Date.UTC(2011, 11, 16), Date.UTC(2011, 11, 17), Date.UTC(2011, 11, 18)]
    let i = 0
    await using chronicle = await Chronicle.open(store(), { clock: () => new Date(times[i++]!) })
    const written = [await chronicle.record(actor("a")), await chronicle.record(actor("b")), await chronicle.record(actor("c"))]
    expect(written.map((e) => e.recordedAt)).toEqual(times)
    expect(Projection.Catalog.size(await chronicle.catalogAsOf(Date.UTC(2011, 11, 17)))).toBe(2)
    expect(await chronicle.project(Projection.Catalog.projection, { asOf: Date.UTC(2011, 11, 15) })).toEqual(Projection.Catalog.empty)
  })

  it("a clock that gives no time rejects the write and writes nothing", async () => {
    await using chronicle = await Chronicle.open(store(), { clock: () => Number.NaN })
    await expect(chronicle.record(actor("a"))).rejects.toThrow(/not a record time/)
    expect(await chronicle.head()).toBe(0)
  })
})

describe("Chronicle.open on a file", () => {
  it("releases the file's lock when the scope of await using ends", async () => {
    const file = path.join(dir, "lock.jsonl")
    {
      await using chronicle = await Chronicle.open(layerFile(file))
      await chronicle.record(actor("a"))
    }
    await using again = await Chronicle.open(layerFile(file))
    expect(await again.head()).toBe(1)
  })
})
