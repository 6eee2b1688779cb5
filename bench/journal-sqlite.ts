/**
 * The file store against what a user would embed instead: SQLite (`node:sqlite`, no native build)
 * in WAL mode with `synchronous=FULL`, writing the same entries as JSON, one transaction per
 * commit (issue 15's measuring step):
 * - commit throughput with batches of 1, 100 and 1000 entries (target: at least SQLite's entries
 *   per second);
 * - reopening and replaying N entries against opening the database, reading every entry back in
 *   position order and decoding its record from its JSON with `Record.decodeJson` (the checks a
 *   replay of our store makes), kept in an array (target: no slower).
 * Each row holds the entry's fields as columns and the record's JSON as text.
 */
import { Effect, Layer, Result, Stream } from "effect"
import { join } from "node:path"
import type { DatabaseSync } from "node:sqlite"
import { Journal, Record } from "../src/index.js"
import { layerFile } from "../src/file/index.js"
import { asThroughput, type Benchmark, compare } from "./harness.js"
import { commitAll, fillFile, recordAt, smallRecord, withDir } from "./journal-file.js"

/** A database as an embedding application would open it for durable appends. */
const openDatabase = (path: string): DatabaseSync => {
  // Loaded on first use, so that other benchmarks do not print Node's "SQLite is experimental".
  const db = new (process.getBuiltinModule("node:sqlite").DatabaseSync)(path)
  db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;")
  db.exec(`CREATE TABLE IF NOT EXISTS entries (
    position INTEGER PRIMARY KEY,
    stream_type TEXT NOT NULL,
    stream_id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    recorded_at TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    record TEXT NOT NULL,
    UNIQUE (stream_type, stream_id, revision))`)
  return db
}

/** Appends the records as entries, `batch` to a transaction, as a store on SQLite would commit. */
const sqliteAppend = (path: string, records: ReadonlyArray<Record.Record>, batch: number): void => {
  const db = openDatabase(path)
  try {
    const insert = db.prepare("INSERT INTO entries VALUES (?, ?, ?, 1, ?, ?, ?)")
    for (let start = 0; start < records.length; start += batch) {
      const recordedAt = new Date().toISOString()
      db.exec("BEGIN IMMEDIATE")
      for (let i = start; i < Math.min(start + batch, records.length); i++) {
        const record = records[i]!
        insert.run(i + 1, record.type, record.id, recordedAt, `bench-${start}`, JSON.stringify(record))
      }
      db.exec("COMMIT")
    }
  } finally {
    db.close()
  }
}

/** Commit throughput for one batch size against SQLite, `entries` in all per run. */
export const sqliteCommitBenchmark = (batch: number, entries: number, repeat = 3): Benchmark => {
  const records = Array.from({ length: entries }, (_, i) => recordAt(i))
  const name = `file journal vs SQLite: commit throughput, batches of ${batch}`
  return asThroughput(compare(
    name,
    () => withDir((dir) => commitAll(join(dir, "j.jsonl"), records, batch)),
    () => withDir(async (dir) => sqliteAppend(join(dir, "j.db"), records, batch)),
    { target: 1, better: "higher", repeat, warmup: 1 }
  ), entries)
}

/** Reopen and replay `entries` entries against reading them back from SQLite and decoding them. */
export const sqliteReplayBenchmark = (entries: number, repeat = 3): Benchmark => {
  const name = `file journal vs SQLite: reopen and replay ${entries.toLocaleString("en-US")} entries`
  return {
    name,
    unit: "ms",
    target: 1,
    better: "lower",
    run: () =>
      withDir(async (dir) => {
        const file = join(dir, "replay.jsonl")
        const database = join(dir, "replay.db")
        const records = Array.from({ length: entries }, (_, i) => smallRecord(i))
        await fillFile(file, records)
        sqliteAppend(database, records, 1000)
        const ours = () =>
          Effect.runPromise(
            Effect.gen(function*() {
              const journal = yield* Journal.Journal
              return yield* Stream.runCount(journal.readAll())
            }).pipe(Effect.provide(Layer.fresh(layerFile(file))))
          )
        const theirs = () => {
          const db = openDatabase(database)
          try {
            const kept: Array<unknown> = []
            for (const row of db.prepare("SELECT * FROM entries ORDER BY position").iterate()) {
              const record = Record.decodeJson(row["record"] as string)
              if (Result.isFailure(record)) throw new Error(`row ${String(row["position"])} does not decode`)
              kept.push({ ...row, record: record.success })
            }
            if (kept.length !== entries) throw new Error(`read ${kept.length} rows, expected ${entries}`)
            return kept
          } finally {
            db.close()
          }
        }
        return compare(name, ours, theirs, { target: 1, better: "lower", repeat, warmup: 1 }).run()
      })
  }
}
