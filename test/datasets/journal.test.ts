import { Effect, Layer, Result, Stream } from "effect"
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { Journal, Record } from "../../src/index.js"
import { zhanaozen } from "../../src/datasets/index.js"
import { layerFile } from "../../src/file/index.js"
import { compiledAt, shippedPath, writeDatasetJournal } from "../../scripts/write-dataset-journal.js"

const dir = mkdtempSync(join(tmpdir(), "pc-dataset-test-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe("the dataset's journal file (datasets/zhanaozen.jsonl)", () => {
  it("is what the typed module gives, byte for byte (run `npm run dataset` after changing the data)", async () => {
    const fresh = join(dir, "fresh.jsonl")
    await writeDatasetJournal(fresh)
    expect(readFileSync(shippedPath).equals(readFileSync(fresh))).toBe(true)
  }, 60_000)

  it("opens with the embedded file store and holds every record of the module, in order", async () => {
    const copy = join(dir, "copy.jsonl")
    copyFileSync(shippedPath, copy)
    const entries = await Effect.runPromise(
      Effect.gen(function*() {
        const journal = yield* Journal.Journal
        return yield* Stream.runCollect(journal.readAll())
      }).pipe(Effect.provide(Layer.fresh(layerFile(copy))))
    )
    expect(entries).toHaveLength(zhanaozen.all.length)
    entries.forEach((entry, i) => {
      const decoded = Record.decode(zhanaozen.all[i])
      expect(Result.isSuccess(decoded)).toBe(true)
      expect(entry.revision).toBe(1)
      expect(entry.recordedAt).toBe(compiledAt)
      expect(entry.body).toEqual({ _tag: "revision", record: Result.getOrThrow(decoded) })
    })
  }, 60_000)
})
