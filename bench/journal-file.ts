/**
 * File store benchmarks, each against a raw `node:fs` baseline in the same run:
 * - commit throughput with batches of 1, 100 and 1000 entries per commit, against a raw append of
 *   the same entries (`JSON.stringify`, one write + fdatasync per batch: the store syncs as often) (target: at least half the
 *   baseline's entries per second);
 * - reopening and replaying a file of N entries (default 1,000,000), against reading the file
 *   and `JSON.parse` of its lines into an array (target: at most 2×).
 */
import { Effect, Layer, Stream } from "effect"
import { closeSync, fdatasyncSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Journal, Record } from "../src/index.js"
import { layerFile } from "../src/file/index.js"
import { all } from "../test/fixtures/zhanaozen/index.js"
import { asThroughput, type Benchmark, compare } from "./harness.js"

const events = all.filter((r) => r.type === "event")

/** Revision `i` of the bench: one of the Zhanaozen events under a unique id. */
export const recordAt = (i: number) => {
  const r = events[i % events.length]!
  return Record.decodeUnsafe({ ...r, id: `${r.id}~${i.toString(36)}` })
}

export const withDir = async <A>(f: (dir: string) => Promise<A>): Promise<A> => {
  const dir = mkdtempSync(join(tmpdir(), "pc-bench-"))
  try {
    return await f(dir)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export const commitAll = (path: string, records: ReadonlyArray<Record.Record>, batch: number) =>
  Effect.runPromise(
    Effect.gen(function*() {
      const journal = yield* Journal.Journal
      for (let start = 0; start < records.length; start += batch) {
        const appends = records.slice(start, start + batch).map((record) => ({ _tag: "revision" as const, record, expected: "none" as const }))
        yield* journal.commit({ idempotencyKey: `bench-${start}`, appends })
      }
    }).pipe(Effect.provide(layerFile(path)))
  )

/**
 * Commit throughput for one batch size; `entries` total per run. The baseline is the plainest
 * durable append of the same entries: each entry (the record in an envelope of the same fields)
 * serialized with `JSON.stringify` and a newline, one `writeSync` and one `fdatasyncSync` per batch
 * (the store syncs as often: it writes each commit through an `O_DSYNC` descriptor, on libuv's thread pool).
 * The envelopes are built before timing starts, so the baseline pays only for serializing and
 * writing; the store also validates each record, builds its entry, checksums and frames each line.
 */
export const commitBenchmark = (batch: number, entries: number, repeat = 3): Benchmark => {
  const records = Array.from({ length: entries }, (_, i) => recordAt(i))
  const recordedAt = new Date().toISOString()
  const envelopes = records.map((r, i) => ({
    position: i + 1,
    stream: { type: "event", id: r.id },
    revision: 1,
    recordedAt,
    idempotencyKey: `bench-${i - (i % batch)}`,
    body: { _tag: "revision", schemaVersion: 1, record: r }
  }))
  // For reference: the bare I/O floor, the same lines serialized before timing starts.
  const lines = envelopes.map((e) => `${JSON.stringify(e)}\n`)
  const name = `file journal: commit throughput, batches of ${batch}`
  const ours = () => withDir((dir) => commitAll(join(dir, "j.jsonl"), records, batch))
  const append = (serialize: (from: number, to: number) => string) => () =>
    withDir(async (dir) => {
      const fd = openSync(join(dir, "raw.jsonl"), "a")
      try {
        for (let start = 0; start < envelopes.length; start += batch) {
          writeSync(fd, serialize(start, Math.min(start + batch, envelopes.length)))
          fdatasyncSync(fd)
        }
      } finally {
        closeSync(fd)
      }
    })
  const raw = append((from, to) => {
    let text = ""
    for (let i = from; i < to; i++) text += `${JSON.stringify(envelopes[i])}\n`
    return text
  })
  const bytes = append((from, to) => lines.slice(from, to).join(""))
  return asThroughput(compare(name, ours, raw, {
    target: 0.5,
    better: "higher",
    repeat,
    warmup: 1,
    references: [{ label: "writing the same lines serialized in advance", run: bytes }]
  }), entries)
}

/** A small rally record under a unique id, so that a 1,000,000-entry file stays near 500 MB. */
export const smallRecord = (i: number) =>
  Record.decodeUnsafe({
    type: "event",
    kind: "rally",
    id: `rally-${i.toString(36)}`,
    title: `Rally ${i} in Zhanaozen`,
    when: "2023-04-11",
    where: { place: "zhanaozen", timeZone: "Asia/Aqtau" },
    form: "gathering",
    size: [{ value: { kind: "about", value: 2000, phrase: "about two thousand" }, citations: [{ source: "eadaily-2023-04-11" }] }],
    citations: [{ source: "eadaily-2023-04-11" }]
  })

/** Writes `records` into a new file journal at `path`, 1000 to a commit: the file a replay reads. */
export const fillFile = (path: string, records: ReadonlyArray<Record.Record>): Promise<void> =>
  commitAll(path, records, 1000)

/** Reads a file in 8 MiB chunks and calls `line` with each complete line (without its newline). */
const forEachLine = (path: string, line: (text: string) => void): void => {
  const fd = openSync(path, "r")
  const chunk = Buffer.allocUnsafe(8 * 1024 * 1024)
  let rest = ""
  try {
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, null)
      if (n === 0) break
      const text = rest + chunk.toString("utf8", 0, n)
      let start = 0
      for (let end = text.indexOf("\n", start); end !== -1; end = text.indexOf("\n", start)) {
        line(text.slice(start, end))
        start = end + 1
      }
      rest = text.slice(start)
    }
  } finally {
    closeSync(fd)
  }
}

/**
 * Reopen and replay a file of `entries` entries against reading the same file in the same chunks
 * and `JSON.parse` of each entry's JSON into an array: a reopened store holds every entry, so the
 * baseline keeps what it parses too. For reference, the same parse with every value dropped at
 * once (which spares the garbage collector almost all of its work) is timed beside them.
 */
export const replayBenchmark = (entries: number, repeat = 3): Benchmark => {
  const name = `file journal: reopen and replay ${entries.toLocaleString("en-US")} entries vs JSON.parse of the lines, kept`
  return {
    name,
    unit: "ms",
    target: 2,
    better: "lower",
    run: () =>
      withDir(async (dir) => {
        const path = join(dir, "replay.jsonl")
        await fillFile(path, Array.from({ length: entries }, (_, i) => smallRecord(i)))
        const ours = () =>
          Effect.runPromise(
            Effect.gen(function*() {
              const journal = yield* Journal.Journal
              return yield* Stream.runCount(journal.readAll())
            }).pipe(Effect.provide(Layer.fresh(layerFile(path))))
          ).then((n) => {
            if (n !== entries) throw new Error(`replayed ${n} entries, expected ${entries}`)
            return n
          })
        const parseLines = (keep: (value: unknown) => void) => () => {
          let count = -1 // the header line
          forEachLine(path, (text) => {
            if (count >= 0) keep(JSON.parse(text.slice(0, text.indexOf("\t"))))
            count++
          })
          return count
        }
        const baseline = () => {
          const kept: Array<unknown> = []
          parseLines((value) => void kept.push(value))()
          return kept
        }
        const dropped = parseLines(() => {})
        return compare(name, ours, baseline, {
          target: 2,
          better: "lower",
          repeat,
          warmup: 1,
          references: [{ label: "JSON.parse of the lines, each value dropped at once", run: dropped }]
        }).run()
      })
  }
}
