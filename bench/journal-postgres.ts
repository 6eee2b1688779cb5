/**
 * PostgreSQL store benchmarks. Commit throughput with batches of 1, 100 and 1000 entries per
 * commit, against a raw `INSERT` of the same rows through the same driver (`@effect/sql-pg`), one
 * statement per batch, into a table with the same columns and constraints as the journal's
 * entries (target: at least half the baseline's entries per second). And the catalog read model
 * over 1,000,000 entries: a catch-up after 1,000 new ones against reading and folding them.
 *
 * The server is PROTEST_CHRONICLE_PG_URL when set (the benchmark works in a schema of its own and
 * drops it); otherwise a throwaway cluster started with scripts/postgres-throwaway.sh, whose
 * durability settings (fsync off) apply to both sides alike.
 */
import { spawnSync } from "node:child_process"
import { randomBytes } from "node:crypto"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { Effect, Layer, ManagedRuntime, Redacted, Result, Stream } from "effect"
import { SqlClient } from "effect/sql/SqlClient"
import { PgClient } from "@effect/sql-pg"
import { Journal, Projection, Record } from "../src/index.js"
import { layerPostgres, ReadModel } from "../src/postgres/index.js"
import { bulkEntries } from "../test/postgres/server.js"
import { all } from "../test/fixtures/zhanaozen/index.js"
import { type Benchmark, compare } from "./harness.js"

const script = fileURLToPath(new URL("../scripts/postgres-throwaway.sh", import.meta.url))

interface Server {
  readonly url: string
  readonly stop: () => void
}

let server: Server | undefined

/** The server for this process's benchmarks, started on first use. */
const theServer = (): Server => {
  if (server !== undefined) return server
  const given = process.env["PROTEST_CHRONICLE_PG_URL"]
  if (given !== undefined && given !== "") {
    server = { url: given, stop: () => {} }
    return server
  }
  const dir = join(tmpdir(), `protest-chronicle-bench-pg-${process.pid}-${randomBytes(3).toString("hex")}`)
  const started = spawnSync("bash", [script, "start", dir], { encoding: "utf8" })
  if (started.status !== 0) {
    spawnSync("bash", [script, "stop", dir])
    throw new Error(`no PostgreSQL for the benchmark: set PROTEST_CHRONICLE_PG_URL or install the server binaries.\n${started.stderr}`)
  }
  server = { url: started.stdout.trim(), stop: () => void spawnSync("bash", [script, "stop", dir]) }
  return server
}

/** The URL of the server for this process's benchmarks (started on first use). */
export const postgresUrl = (): string => theServer().url

/** Stops the throwaway server, if this process started one. */
export const stopPostgres = (): void => {
  server?.stop()
  server = undefined
}

const events = all.filter((r) => r.type === "event")

/** Revision `i` of the bench: one of the Zhanaozen events under a unique id. */
const recordAt = (i: number) => {
  const r = events[i % events.length]!
  return Record.decodeUnsafe({ ...r, id: `${r.id}~${i.toString(36)}` })
}

/** Commit throughput for one batch size; `entries` per run. */
export const postgresCommitBenchmark = (batch: number, entries: number, repeat = 3): Benchmark => {
  const name = `postgres journal: commit throughput, batches of ${batch}`
  const records = Array.from({ length: entries }, (_, i) => recordAt(i))
  const bodies = records.map((r) => JSON.stringify({ _tag: "revision", schemaVersion: 1, record: Result.getOrThrow(Record.encode(r)) }))
  return {
    name,
    unit: "entries/s",
    target: 0.5,
    better: "higher",
    run: async () => {
      const { url } = theServer()
      const schema = `bench_${randomBytes(4).toString("hex")}`
      const client = PgClient.layer({ url: Redacted.make(url), maxConnections: 2 })
      const runtime = ManagedRuntime.make(Layer.merge(layerPostgres({ connection: url, schema }), client))
      try {
        // The baseline's table: the journal's entries table, copied with its constraints.
        await runtime.runPromise(Effect.flatMap(Effect.service(SqlClient), (sql) =>
          sql.unsafe(`CREATE TABLE ${schema}.raw (LIKE ${schema}.entries INCLUDING ALL)`)))
        let round = 0
        let position = 0
        const ours = () => {
          const r = round++
          return runtime.runPromise(Effect.gen(function*() {
            const journal = yield* Journal.Journal
            for (let start = 0; start < records.length; start += batch) {
              const appends = records.slice(start, start + batch).map((record) => ({ _tag: "revision" as const, record, expected: "any" as const }))
              yield* journal.commit({ idempotencyKey: `bench-${r}-${start}`, appends })
            }
          }))
        }
        let rawRound = 0
        const raw = () => {
          const r = rawRound++
          return runtime.runPromise(Effect.gen(function*() {
            const sql = yield* SqlClient
            const now = new Date().toISOString()
            for (let start = 0; start < records.length; start += batch) {
              const rows = records.slice(start, start + batch).map((record, i) => ({
                position: String(++position),
                stream_type: "event",
                stream_id: record.id,
                revision: r + 1,
                recorded_at: now,
                idempotency_key: `raw-${r}-${start}`,
                commit_offset: i,
                author: null,
                reason: null,
                body: bodies[start + i]!
              }))
              const [first, ...rest] = rows
              yield* sql`INSERT INTO ${sql(`${schema}.raw`)} ${sql.insert([first!, ...rest])}`
            }
          }))
        }
        const { baseline, value } = await compare(name, ours, raw, { target: 0.5, better: "higher", repeat, warmup: 1 }).run()
        // compare reports milliseconds per run; throughput is entries per second.
        return { value: entries / (value / 1000), baseline: entries / (baseline / 1000) }
      } finally {
        await runtime.runPromise(Effect.flatMap(Effect.service(SqlClient), (sql) => sql.unsafe(`DROP SCHEMA ${schema} CASCADE`))).catch(() => {})
        await runtime.dispose()
      }
    }
  }
}

const median = (xs: ReadonlyArray<number>): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!

/**
 * The catalog read model over a large journal (`entries` small entries written straight into the
 * table): a catch-up after `added` new entries, in a process that has the read model in memory,
 * against reading those entries and folding them into the catalog without saving anything
 * (target: at most 3× that). The first catch-up (every entry read, every row written) and a
 * load in another process (every row read) are reported beside it.
 */
export const postgresReadModelBenchmark = (entries: number, added: number, repeat = 5): Benchmark => {
  const name = `postgres read model: catalog catch-up after ${added.toLocaleString("en")} new entries on ${entries.toLocaleString("en")}`
  return {
    name,
    unit: "ms",
    target: 3,
    better: "lower",
    run: async () => {
      const { url } = theServer()
      const schema = `bench_${randomBytes(4).toString("hex")}`
      const client = PgClient.layer({ url: Redacted.make(url), maxConnections: 2 })
      const runtime = ManagedRuntime.make(Layer.merge(layerPostgres({ connection: url, schema }), client))
      const time = async <A>(f: () => Promise<A>): Promise<{ readonly ms: number; readonly result: A }> => {
        const start = performance.now()
        const result = await f()
        return { ms: performance.now() - start, result }
      }
      try {
        await runtime.runPromise(Effect.flatMap(Effect.service(SqlClient), (sql) => bulkEntries(sql, schema, 0, entries)))
        const catchUp = () => runtime.runPromise(Effect.flatMap(Effect.service(ReadModel.ReadModelStore), (store) => store.catchUp(ReadModel.catalog)))
        const first = await time(catchUp)
        const loaded = await time(() =>
          Effect.runPromise(Effect.provide(Effect.flatMap(Effect.service(ReadModel.ReadModelStore), (store) => store.load(ReadModel.catalog)), layerPostgres({ connection: url, schema }))))
        let state = first.result.state
        const ours: Array<number> = []
        const baseline: Array<number> = []
        for (let round = 0; round < repeat; round++) {
          const head = await runtime.runPromise(Effect.gen(function*() {
            const journal = yield* Journal.Journal
            const appends = Array.from({ length: added }, (_, i) => ({ _tag: "revision" as const, record: recordAt(round * added + i), expected: "none" as const }))
            yield* journal.commit({ idempotencyKey: `read-model-bench-${round}`, appends })
            return yield* journal.head
          }))
          const caught = await time(catchUp)
          ours.push(caught.ms)
          const replayed = await time(() =>
            runtime.runPromise(Effect.flatMap(Effect.service(Journal.Journal), (journal) =>
              Stream.runFold(journal.readAll({ from: head - added + 1 }), () => state, Projection.Catalog.apply))))
          baseline.push(replayed.ms)
          state = caught.result.state
        }
        return {
          value: median(ours),
          baseline: median(baseline),
          references: [
            { label: `first catch-up of ${entries.toLocaleString("en")} entries, ms`, value: first.ms },
            { label: "load in another process, ms", value: loaded.ms }
          ]
        }
      } finally {
        await runtime.runPromise(Effect.flatMap(Effect.service(SqlClient), (sql) => sql.unsafe(`DROP SCHEMA ${schema} CASCADE`))).catch(() => {})
        await runtime.dispose()
      }
    }
  }
}
