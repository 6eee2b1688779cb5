/**
 * The command line's `import` of N synthetic ACLED rows (bench/acled.ts), streamed from a file
 * and run in this process through the command itself (`main` of src/cli), into the file journal
 * and into PostgreSQL:
 *
 * - file journal: events per second against the ACLED importer alone on the same file (parse and
 *   map, no journal), target at least half of it;
 * - PostgreSQL: events per second against a raw `COPY` of the same entries (the bodies the import
 *   writes) into a table of the same shape (`LIKE entries INCLUDING ALL`), target at least half.
 *   `@effect/sql-pg` speaks no COPY, so the baseline pipes the rows to `psql`'s `\copy`, timed
 *   from the first row sent to the last one stored.
 *
 * Each reports the peak resident memory above the start of the import beside it, which the
 * batch size bounds (not the number of rows), and the absolute rate beside the 60,000 events a
 * second published PostgreSQL event stores claim. `--records N` sets the rows (default 100,000;
 * 1,000,000 is possible on a quiet machine).
 */
import { spawnSync } from "node:child_process"
import { randomBytes } from "node:crypto"
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { layer as NodeServices } from "@effect/platform-node/NodeServices"
import { stringify } from "csv-stringify/sync"
import { Effect, Result } from "effect"
import { Record } from "../src/index.js"
import { Acled } from "../src/interchange/index.js"
import { main } from "../src/cli/main.js"
import { syntheticRow } from "./acled.js"
import type { Benchmark } from "./harness.js"
import { postgresUrl } from "./journal-postgres.js"

const CHUNK = 10_000

/** Writes an ACLED export of `rows` synthetic rows to a file, chunk by chunk. */
export const writeCsv = (path: string, rows: number): void => {
  const fd = openSync(path, "w")
  try {
    for (let start = 0; start < rows; start += CHUNK) {
      const cells: Array<ReadonlyArray<string>> = start === 0 ? [Acled.columns] : []
      for (let i = start; i < Math.min(rows, start + CHUNK); i++) cells.push(syntheticRow(i))
      writeSync(fd, stringify(cells as Array<Array<string>>))
    }
  } finally {
    closeSync(fd)
  }
}

/** Runs the command in this process, its stdout set aside; fails on a non-zero exit code. */
const runCommand = async (args: ReadonlyArray<string>): Promise<void> => {
  const write = process.stdout.write.bind(process.stdout)
  process.stdout.write = ((_: unknown, cb?: unknown) => {
    if (typeof cb === "function") cb()
    return true
  }) as typeof process.stdout.write
  try {
    const code = await Effect.runPromise(main(args).pipe(Effect.provide(NodeServices)))
    if (code !== 0) throw new Error(`protest-chronicle ${args.join(" ")} exited with ${code}`)
  } finally {
    process.stdout.write = write
  }
}

// What the table cannot show in its unit (events/s): the import's peak memory, and its rate
// against the 60,000 events a second published PostgreSQL event stores claim.
const note = (peakMiB: number, perSecond: number): void => {
  process.stderr.write(`(peak memory above the start ${peakMiB.toFixed(0)} MiB with batches of 10,000 appends; ${Math.round(perSecond).toLocaleString("en")} events/s against the 60,000 published PostgreSQL event stores claim) `)
}

/** Runs `f`, sampling the resident memory; gives the seconds taken and the peak above the start. */
export const measured = async (f: () => Promise<unknown>): Promise<{ readonly seconds: number; readonly peakMiB: number }> => {
  const start = process.memoryUsage().rss
  let peak = start
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50)
  const t0 = performance.now()
  try {
    await f()
  } finally {
    clearInterval(sampler)
  }
  return { seconds: (performance.now() - t0) / 1000, peakMiB: (Math.max(peak, process.memoryUsage().rss) - start) / 2 ** 20 }
}

/** Reads the file through the ACLED importer alone, giving every append to `each`. */
export const importerAlone = async (file: string, each: (append: import("../src/journal/index.js").Append) => void = () => {}): Promise<number> => {
  const importer = Acled.makeImporter()
  let events = 0
  const take = (r: ReturnType<typeof importer.push>) => {
    if (Result.isFailure(r)) throw new Error(r.failure.message)
    for (const a of r.success.appends) {
      if (a._tag === "revision" && a.record.type === "event") events++
      each(a)
    }
  }
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) take(importer.push(chunk as Uint8Array))
  take(importer.end())
  return events
}

const EVENTS = "events/s"

/** `protest-chronicle import` into the file journal vs the importer alone. */
export const cliImportFileBenchmark = (rows = 100_000): Benchmark => ({
  name: `command line: import ${rows.toLocaleString("en")} ACLED rows into the file journal vs the importer alone`,
  unit: EVENTS,
  target: 0.5,
  better: "higher",
  run: async () => {
    const dir = mkdtempSync(join(tmpdir(), "pc-bench-cli-"))
    try {
      const csv = join(dir, "acled.csv")
      writeCsv(csv, rows)
      let events = 0
      const alone = await measured(async () => (events = await importerAlone(csv)))
      const ours = await measured(() => runCommand(["--journal", join(dir, "journal.jsonl"), "import", csv, "--format", "acled"]))
      note(ours.peakMiB, events / ours.seconds)
      return { value: events / ours.seconds, baseline: events / alone.seconds }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
})

export const psql = (): string => {
  const script = fileURLToPath(new URL("../scripts/postgres-throwaway.sh", import.meta.url))
  const found = spawnSync("bash", [script, "find"], { encoding: "utf8" })
  if (found.status !== 0) throw new Error("no PostgreSQL binaries (psql) for the COPY baseline")
  return join(found.stdout.trim(), "psql")
}

// One entry as a line of COPY's text format (tabs between columns; JSON escapes its own tabs and
// newlines, so only backslashes need doubling).
export const copyLine = (position: number, append: import("../src/journal/index.js").Append, at: string): string => {
  if (append._tag !== "revision") return ""
  const record = Result.getOrThrow(Record.encodeJson(append.record as Record.Record))
  const body = `{"_tag":"revision","schemaVersion":1,"record":${record}}`.replaceAll("\\", "\\\\")
  return `${position}\t${append.record.type}\t${append.record.id}\t1\t${at}\tbench-copy-${Math.floor(position / 10_000)}\t${position % 10_000}\t\\N\t\\N\t${body}\n`
}

/**
 * Seconds `psql`'s `\copy` takes to load a file of entries (`copyLine`) into a new table
 * `<schema>.raw` shaped like the journal's entries (`LIKE entries INCLUDING ALL`).
 */
export const timedCopy = async (url: string, schema: string, tsv: string): Promise<number> => {
  const bin = psql()
  const create = spawnSync(bin, [url, "-v", "ON_ERROR_STOP=1", "-c", `CREATE TABLE ${schema}.raw (LIKE ${schema}.entries INCLUDING ALL)`], { encoding: "utf8" })
  if (create.status !== 0) throw new Error(create.stderr)
  const { seconds } = await measured(async () => {
    const r = spawnSync(bin, [url, "-v", "ON_ERROR_STOP=1", "-c", `\\copy ${schema}.raw FROM '${tsv}'`], { encoding: "utf8" })
    if (r.status !== 0) throw new Error(r.stderr)
  })
  return seconds
}

/** `protest-chronicle import --postgres` vs a raw COPY of the same entries. */
export const cliImportPostgresBenchmark = (rows = 100_000): Benchmark => ({
  name: `command line: import ${rows.toLocaleString("en")} ACLED rows into PostgreSQL vs raw COPY`,
  unit: EVENTS,
  target: 0.5,
  better: "higher",
  run: async () => {
    const url = postgresUrl()
    const schema = `bench_${randomBytes(4).toString("hex")}`
    const dir = mkdtempSync(join(tmpdir(), "pc-bench-cli-pg-"))
    try {
      const csv = join(dir, "acled.csv")
      writeCsv(csv, rows)
      const ours = await measured(() => runCommand(["--postgres", url, "--pg-schema", schema, "import", csv, "--format", "acled"]))
      // The same entries, as COPY reads them, into a copy of the entries table.
      const at = new Date().toISOString()
      let position = 0
      let events = 0
      const tsv = join(dir, "entries.tsv")
      const fd = openSync(tsv, "w")
      try {
        events = await importerAlone(csv, (a) => void writeSync(fd, copyLine(++position, a, at)))
      } finally {
        closeSync(fd)
      }
      const copy = { seconds: await timedCopy(url, schema, tsv) }
      spawnSync(psql(), [url, "-c", `DROP SCHEMA ${schema} CASCADE`])
      note(ours.peakMiB, events / ours.seconds)
      return { value: events / ours.seconds, baseline: events / copy.seconds }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
})
