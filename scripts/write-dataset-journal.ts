// Writes the Zhanaozen dataset as a journal in the file store's format, datasets/zhanaozen.jsonl
// (shipped as `protest-chronicle/datasets/zhanaozen.jsonl`), so that the same data opens with the
// embedded store. Every record goes through a chronicle, so the file holds only what the library
// accepts: sources, places and actors first, then events, then links. Record times come from a
// fixed clock (the dataset's compilation date), so the file is the same bytes on every run.
// `--check` fails when the shipped file differs from what this script would write.
import { Clock, Effect, Layer } from "effect"
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { Chronicle } from "../src/index.js"
import { zhanaozen } from "../src/datasets/index.js"
import { layerFile } from "../src/file/index.js"

/** When the dataset was compiled: the record time of every entry. */
export const compiledAt = Date.UTC(2026, 10, 28)

const fixedClock: Clock.Clock = {
  currentTimeMillisUnsafe: () => compiledAt,
  currentTimeMillis: Effect.succeed(compiledAt),
  currentTimeNanosUnsafe: () => BigInt(compiledAt) * 1_000_000n,
  currentTimeNanos: Effect.succeed(BigInt(compiledAt) * 1_000_000n),
  monotonicTimeNanosUnsafe: () => 0n,
  monotonicTimeNanos: Effect.succeed(0n),
  sleep: () => Effect.void
}

/** Writes the dataset's journal to `path` (which must not exist yet). */
export const writeDatasetJournal = (path: string): Promise<void> =>
  Effect.runPromise(
    Effect.gen(function*() {
      const chronicle = yield* Chronicle.Chronicle
      for (const record of zhanaozen.all) {
        yield* record.type === "link"
          ? chronicle.link(record, { author: "protest-chronicle dataset" })
          : chronicle.record(record, { author: "protest-chronicle dataset" })
      }
    }).pipe(
      Effect.provide(Chronicle.layer().pipe(Layer.provide(layerFile(path)))),
      Effect.provideService(Clock.Clock, fixedClock)
    )
  )

/** The shipped file. */
export const shippedPath = fileURLToPath(new URL("../datasets/zhanaozen.jsonl", import.meta.url))

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = mkdtempSync(join(tmpdir(), "pc-dataset-"))
  try {
    const fresh = join(dir, "zhanaozen.jsonl")
    await writeDatasetJournal(fresh)
    if (process.argv.includes("--check")) {
      let shipped = Buffer.alloc(0)
      try {
        shipped = readFileSync(shippedPath)
      } catch {}
      if (!shipped.equals(readFileSync(fresh))) {
        console.error("datasets/zhanaozen.jsonl is out of date: run `npm run dataset`")
        process.exitCode = 1
      } else console.log("datasets/zhanaozen.jsonl is up to date")
    } else {
      mkdirSync(join(shippedPath, ".."), { recursive: true })
      copyFileSync(fresh, shippedPath)
      console.log(`wrote datasets/zhanaozen.jsonl (${zhanaozen.all.length} records, ${readFileSync(shippedPath).length} bytes)`)
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
