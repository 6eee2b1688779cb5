/**
 * The PostgreSQL store's part of a bulk import (issue 17): N appends already built (the ACLED
 * importer's output for N synthetic rows, held in memory) committed in commits of 10,000, against
 * a raw `COPY` of the same entries into a table of the same shape (`LIKE entries INCLUDING ALL`:
 * the same columns, the generated body size and the same indexes), both on the same server.
 * Three rounds, each side in a fresh schema, medians compared. Target: at least half of COPY's
 * entries per second. The absolute rate is printed beside the 60,000 events a second published
 * PostgreSQL event stores claim.
 *
 * Our side is everything a commit does: the journal's checks of the commit, the bodies as JSON,
 * the refusals of text PostgreSQL cannot store, the server's checks under the head lock and the
 * insert. The judged appends hold records decoded by the vocabulary, as the library's decoders and
 * a chronicle give them (the store benchmarks in journal-postgres.ts commit such records too); the
 * same appends with the importer's records as they come, which each commit checks again (a copy
 * and a walk of every record) are reported beside. `@effect/sql-pg` speaks no COPY, so the
 * baseline pipes a file to `psql`'s `\copy`, timed from the start of psql to its end.
 */
import { spawnSync } from "node:child_process"
import { randomBytes } from "node:crypto"
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Effect, Result } from "effect"
import { Journal, Vocabulary } from "../src/index.js"
import type { Append } from "../src/journal/index.js"
import { layerPostgres } from "../src/postgres/index.js"
import { copyLine, importerAlone, measured, psql, timedCopy, writeCsv } from "./cli-import.js"
import type { Benchmark } from "./harness.js"
import { postgresUrl } from "./journal-postgres.js"

const COMMIT = 10_000
const ROUNDS = 3

const median = (xs: ReadonlyArray<number>): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!

/** Commits of 10,000 built appends vs raw COPY of the same entries. */
export const postgresBulkBenchmark = (rows = 100_000): Benchmark => ({
  name: `postgres journal: ${rows.toLocaleString("en")} ACLED rows' appends in commits of ${COMMIT.toLocaleString("en")} vs raw COPY`,
  unit: "entries/s",
  target: 0.5,
  better: "higher",
  run: async () => {
    const url = postgresUrl()
    const dir = mkdtempSync(join(tmpdir(), "pc-bench-pg-bulk-"))
    const bin = psql()
    try {
      const csv = join(dir, "acled.csv")
      writeCsv(csv, rows)
      const appends: Array<Append> = []
      const at = new Date().toISOString()
      const tsv = join(dir, "entries.tsv")
      const fd = openSync(tsv, "w")
      try {
        await importerAlone(csv, (a) => {
          appends.push(a)
          writeSync(fd, copyLine(appends.length, a, at))
        })
      } finally {
        closeSync(fd)
      }
      // The same appends with their records decoded by the vocabulary, as the library's decoders
      // and a chronicle hand them over (and as journal-postgres.ts commits them): the journal
      // finds them checked already. The importer's own records are checked again in each commit.
      const decoded = appends.map((a): Append => a._tag === "revision" ? { ...a, record: Result.getOrThrow(Vocabulary.builtIn.decode(a.record)) } : a)
      // Rounds alternate the sides, each commit run in a fresh schema; the medians are compared.
      const commitAll = async (list: ReadonlyArray<Append>): Promise<number> => {
        const schema = `bench_${randomBytes(4).toString("hex")}`
        const journal = layerPostgres({ connection: url, schema })
        try {
          // The schema is created before the clock starts (opening the layer migrates it).
          await Effect.runPromise(Effect.provide(Effect.asVoid(Effect.service(Journal.Journal)), journal))
          const { seconds } = await measured(() =>
            Effect.runPromise(Effect.provide(
              Effect.gen(function*() {
                const j = yield* Journal.Journal
                for (let start = 0; start < list.length; start += COMMIT) {
                  yield* j.commit({ idempotencyKey: `bulk-bench-${start}`, appends: list.slice(start, start + COMMIT) })
                }
              }),
              journal
            )))
          return seconds
        } finally {
          spawnSync(bin, [url, "-c", `DROP SCHEMA IF EXISTS ${schema} CASCADE`])
        }
      }
      const copyAll = async (): Promise<number> => {
        const schema = `bench_${randomBytes(4).toString("hex")}`
        try {
          await Effect.runPromise(Effect.provide(Effect.asVoid(Effect.service(Journal.Journal)), layerPostgres({ connection: url, schema })))
          return await timedCopy(url, schema, tsv)
        } finally {
          spawnSync(bin, [url, "-c", `DROP SCHEMA IF EXISTS ${schema} CASCADE`])
        }
      }
      const oursSeconds: Array<number> = []
      const rawSeconds: Array<number> = []
      const copySeconds: Array<number> = []
      for (let round = 0; round < ROUNDS; round++) {
        oursSeconds.push(await commitAll(decoded))
        rawSeconds.push(await commitAll(appends))
        copySeconds.push(await copyAll())
      }
      const ours = { seconds: median(oursSeconds) }
      const copy = { seconds: median(copySeconds) }
      const raw = appends.length / median(rawSeconds)
      const perSecond = appends.length / ours.seconds
      process.stderr.write(`(${appends.length.toLocaleString("en")} entries; ${Math.round(perSecond).toLocaleString("en")} entries/s against the 60,000 events/s published PostgreSQL event stores claim) `)
      return {
        value: perSecond,
        baseline: appends.length / copy.seconds,
        references: [{ label: "the importer's records, checked again in each commit, entries/s", value: raw }]
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
})
