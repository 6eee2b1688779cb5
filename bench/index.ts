/**
 * Runs the benchmarks: `npm run bench -- [--only <substring>] [--records N] [--json <file>]`.
 * Prints a table for people; `--json <file>` also writes one JSON object per line
 * (name, value, unit, baseline, ratio, target, better).
 */
import { writeFileSync } from "node:fs"
import { parseArgs } from "node:util"
import { acledExportBenchmark, acledImportBenchmark } from "./acled.js"
import { catalogBenchmark } from "./catalog.js"
import { cliImportFileBenchmark, cliImportPostgresBenchmark } from "./cli-import.js"
import { decodeBenchmark } from "./decode.js"
import { inferenceBenchmark } from "./inference.js"
import { commitBenchmark, replayBenchmark } from "./journal-file.js"
import { sqliteCommitBenchmark, sqliteReplayBenchmark } from "./journal-sqlite.js"
import { appendBenchmark, buildBenchmark } from "./timeline.js"
import { timelinePageBenchmarks } from "./timeline-page.js"
import { buildVsBenchmark, memoryVsBenchmark, updateVsBenchmark, windowVsBenchmark } from "./timeline-vs.js"
import { zonesBenchmark } from "./zones.js"
import { journalMemoryBenchmark } from "./journal-memory.js"
import { postgresCommitBenchmark, postgresReadModelBenchmark, stopPostgres } from "./journal-postgres.js"
import { postgresBulkBenchmark } from "./postgres-bulk.js"
import { type Benchmark, formatTable, type Outcome, runBenchmark, toJsonLine } from "./harness.js"

const usage = "usage: tsx bench/index.ts [--only <substring>] [--records N] [--json <file>]"

const parseCli = () => {
  try {
    const { values } = parseArgs({
      options: { json: { type: "string" }, only: { type: "string" }, records: { type: "string" } },
      strict: true
    })
    const records = values.records === undefined ? undefined : Number(values.records.replaceAll("_", ""))
    if (records !== undefined && !(Number.isInteger(records) && records > 0)) {
      throw new Error(`--records must be a positive integer, got ${values.records}`)
    }
    return { json: values.json, only: values.only, records }
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`)
    process.exit(2)
  }
}

const cli = parseCli()

// Benchmarks are built lazily: each prepares its data only when selected.
const benchmarks: ReadonlyArray<{ readonly name: string; readonly make: () => Benchmark }> = [
  { name: "decode+validate JSONL record vs JSON.parse", make: () => decodeBenchmark(cli.records === undefined ? {} : { records: cli.records }) },
  { name: "file journal: commit throughput, batches of 1", make: () => commitBenchmark(1, 1_000) },
  { name: "file journal: commit throughput, batches of 100", make: () => commitBenchmark(100, 20_000) },
  { name: "file journal: commit throughput, batches of 1000", make: () => commitBenchmark(1000, 100_000) },
  { name: "file journal: reopen and replay", make: () => replayBenchmark(cli.records ?? 1_000_000) },
  { name: "file journal vs SQLite: commit throughput, batches of 1", make: () => sqliteCommitBenchmark(1, 1_000) },
  { name: "file journal vs SQLite: commit throughput, batches of 100", make: () => sqliteCommitBenchmark(100, 20_000) },
  { name: "file journal vs SQLite: commit throughput, batches of 1000", make: () => sqliteCommitBenchmark(1000, 100_000) },
  { name: "file journal vs SQLite: reopen and replay", make: () => sqliteReplayBenchmark(cli.records ?? 1_000_000) },
  { name: "memory journal vs Emmett", make: () => journalMemoryBenchmark() },
  { name: "catalog: replay", make: () => catalogBenchmark(cli.records ?? 1_000_000) },
  { name: "inference: propose links over 200,000 vs 100,000 events", make: () => inferenceBenchmark() },
  { name: "timeline: build", make: () => buildBenchmark(cli.records ?? 1_000_000) },
  { name: "timeline: append", make: () => appendBenchmark(cli.records ?? 1_000_000) },
  // Side by side with @flatten-js/interval-tree and flatbush (issue 15); memory first, on a quiet heap.
  { name: "timeline vs a budget: retained bytes per event", make: () => memoryVsBenchmark(cli.records ?? 1_000_000) },
  { name: "timeline vs flatten-js: build", make: () => buildVsBenchmark(cli.records ?? 1_000_000) },
  ...[0.00001, 0.0001, 0.001, 0.01].map((fraction) => ({
    name: `timeline vs flatten-js: window at ${fraction * 100}%`,
    make: () => windowVsBenchmark(fraction, "flatten-js", cli.records ?? 1_000_000)
  })),
  { name: "timeline vs flatbush: window at 0.1%", make: () => windowVsBenchmark(0.001, "flatbush", cli.records ?? 1_000_000) },
  { name: "timeline vs flatten-js: insert", make: () => updateVsBenchmark("insert", cli.records ?? 1_000_000) },
  { name: "timeline vs flatten-js: delete", make: () => updateVsBenchmark("delete", cli.records ?? 1_000_000) },
  { name: "zones: When.bounds of distinct zoned dates", make: () => zonesBenchmark(cli.records ?? 1_000_000) },
  // Issue 16: ACLED CSV in and out, against csv-parse and csv-stringify alone.
  { name: "ACLED import: rows from a file (streaming) vs csv-parse alone", make: () => acledImportBenchmark(cli.records ?? 1_000_000) },
  { name: "ACLED export: events vs csv-stringify alone", make: () => acledExportBenchmark(cli.records ?? 1_000_000) },
  // PostgreSQL: PROTEST_CHRONICLE_PG_URL, or a throwaway cluster started for the run.
  { name: "postgres journal: commit throughput, batches of 1", make: () => postgresCommitBenchmark(1, 1_000) },
  { name: "postgres journal: commit throughput, batches of 100", make: () => postgresCommitBenchmark(100, 10_000) },
  { name: "postgres journal: commit throughput, batches of 1000", make: () => postgresCommitBenchmark(1000, 20_000) },
  // Issue 17: the store's part of a bulk import, against a raw COPY of the same entries.
  { name: "postgres journal: bulk commits vs raw COPY", make: () => postgresBulkBenchmark(cli.records ?? 100_000) },
  { name: "postgres read model: catalog catch-up", make: () => postgresReadModelBenchmark(cli.records ?? 1_000_000, 1_000) },
  // Issue 18: the timeline page with 10,000 events in Chromium, against the issue's budgets.
  ...timelinePageBenchmarks().map((b) => ({ name: b.name, make: () => b })),
  // Issue 17: the command line's import, into the file journal and into PostgreSQL.
  { name: "command line: import into the file journal", make: () => cliImportFileBenchmark(cli.records ?? 100_000) },
  { name: "command line: import into PostgreSQL", make: () => cliImportPostgresBenchmark(cli.records ?? 100_000) }
]

const selected = benchmarks.filter((b) => cli.only === undefined || b.name.includes(cli.only))
if (selected.length === 0) {
  console.error(`no benchmark name contains "${cli.only}"; there are:\n${benchmarks.map((b) => `  ${b.name}`).join("\n")}`)
  process.exit(2)
}

const outcomes: Array<Outcome> = []
try {
  for (const entry of selected) {
    const benchmark = entry.make()
    const started = performance.now()
    process.stderr.write(`running: ${benchmark.name} … `)
    outcomes.push(await runBenchmark(benchmark))
    process.stderr.write(`${((performance.now() - started) / 1000).toFixed(1)} s\n`)
  }
} finally {
  stopPostgres()
}

console.log(`\nNode ${process.version}\n${formatTable(outcomes)}`)
if (cli.json !== undefined) {
  writeFileSync(cli.json, outcomes.map((o) => `${toJsonLine(o)}\n`).join(""))
  console.log(`\nwrote ${outcomes.length} result(s) to ${cli.json}`)
}
