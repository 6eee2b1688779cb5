/**
 * The PostgreSQL store's part of a bulk import (issue 17): N appends already built (the ACLED
 * importer's output for N synthetic rows, held in memory) committed in commits of 10,000, against
 * a raw `COPY` of the same entries into a table of the same shape (`LIKE entries INCLUDING ALL`:
 * the same columns, the generated body size and the same indexes), both on the same server.
 * Target: at least half of COPY's entries per second. The absolute rate is printed beside the
 * 60,000 events a second published PostgreSQL event stores claim.
 *
 * Our side is everything a commit does: the journal's checks of each record, the bodies as JSON,
 * the refusals of text PostgreSQL cannot store, the server's checks under the head lock and the
 * insert. `@effect/sql-pg` speaks no COPY, so the baseline pipes a file to `psql`'s `\copy`,
 * timed from the start of psql to its end.
 */
import { spawnSync } from "node:child_process"
import { randomBytes } from "node:crypto"
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Effect } from "effect"
import { Journal } from "../src/index.js"
import type { Append } from "../src/journal/index.js"
import { layerPostgres } from "../src/postgres/index.js"
import { copyLine, importerAlone, measured, psql, writeCsv } from "./cli-import.js"
import type { Benchmark } from "./harness.js"
import { postgresUrl } from "./journal-postgres.js"

const COMMIT = 10_000

/** Commits of 10,000 built appends vs raw COPY of the same entries. */
export const postgresBulkBenchmark = (rows = 100_000): Benchmark => ({
  name: `postgres journal: ${rows.toLocaleString("en")} ACLED rows' appends in commits of ${COMMIT.toLocaleString("en")} vs raw COPY`,
  unit: "entries/s",
  target: 0.5,
  better: "higher",
  run: async () => {
    const url = postgresUrl()
    const schema = `bench_${randomBytes(4).toString("hex")}`
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
      const journal = layerPostgres({ connection: url, schema })
      // The schema is created before the clock starts (opening the layer migrates it).
      await Effect.runPromise(Effect.provide(Effect.asVoid(Effect.service(Journal.Journal)), journal))
      const ours = await measured(() =>
        Effect.runPromise(Effect.provide(
          Effect.gen(function*() {
            const j = yield* Journal.Journal
            for (let start = 0; start < appends.length; start += COMMIT) {
              yield* j.commit({ idempotencyKey: `bulk-bench-${start}`, appends: appends.slice(start, start + COMMIT) })
            }
          }),
          journal
        )))
      const create = spawnSync(bin, [url, "-v", "ON_ERROR_STOP=1", "-c", `CREATE TABLE ${schema}.raw (LIKE ${schema}.entries INCLUDING ALL)`], { encoding: "utf8" })
      if (create.status !== 0) throw new Error(create.stderr)
      const copy = await measured(async () => {
        const r = spawnSync(bin, [url, "-v", "ON_ERROR_STOP=1", "-c", `\\copy ${schema}.raw FROM '${tsv}'`], { encoding: "utf8" })
        if (r.status !== 0) throw new Error(r.stderr)
      })
      spawnSync(bin, [url, "-c", `DROP SCHEMA ${schema} CASCADE`])
      const perSecond = appends.length / ours.seconds
      process.stderr.write(`(${appends.length.toLocaleString("en")} entries; ${Math.round(perSecond).toLocaleString("en")} entries/s against the 60,000 events/s published PostgreSQL event stores claim; COPY ${Math.round(appends.length / copy.seconds).toLocaleString("en")}/s) `)
      return { value: perSecond, baseline: appends.length / copy.seconds }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
})
