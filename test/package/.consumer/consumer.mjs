// ESM consumer of the packed tarball, run by scripts/package-test.sh from a throwaway project
// that has only the tarball and effect installed. Any failed check exits non-zero.
// Usage: node consumer.mjs [record.json]   (with a record file, the decode check runs too)
import { readFileSync } from "node:fs"
import { Result } from "effect"
import * as chronicle from "protest-chronicle"
import * as testing from "protest-chronicle/testing"
import * as postgres from "protest-chronicle/postgres"
import * as file from "protest-chronicle/file"
import * as interchange from "protest-chronicle/interchange"
import { checkRecordDecode } from "./record-check.cjs"

const fail = (message) => {
  console.error(`consumer.mjs: FAIL: ${message}`)
  process.exit(1)
}

for (const [entry, mod] of [["protest-chronicle", chronicle], ["protest-chronicle/testing", testing], ["protest-chronicle/postgres", postgres], ["protest-chronicle/file", file], ["protest-chronicle/interchange", interchange]]) {
  const names = Object.keys(mod).sort()
  for (const name of names) {
    if (mod[name] === undefined) fail(`${entry} exports ${name} as undefined`)
  }
  console.log(`consumer.mjs: import ${entry} -> { ${names.map((n) => `${n}: ${typeof mod[n]}`).join(", ") || "(no exports)"} }`)
}

// These paths exist in the tarball (or would, for src/), but are not in the `exports` map.
for (const internal of ["protest-chronicle/dist/index.js", "protest-chronicle/dist/model/When.js", "protest-chronicle/src/index.ts"]) {
  let error
  try {
    await import(internal)
  } catch (caught) {
    error = caught
  }
  if (error === undefined) fail(`import("${internal}") succeeded: the exports map should hide it`)
  if (error.code !== "ERR_PACKAGE_PATH_NOT_EXPORTED") {
    fail(`import("${internal}") failed with ${error.code ?? error}, expected ERR_PACKAGE_PATH_NOT_EXPORTED`)
  }
}
console.log("consumer.mjs: internal paths are hidden by the exports map")

// The PostgreSQL entry builds its layer without a server: nothing connects until it is provided.
const layer = postgres.layerPostgres({ connection: "postgres://nobody@127.0.0.1:1/nothing" })
if (layer === undefined || postgres.ReadModel.catalog.name !== "catalog") fail("protest-chronicle/postgres does not build its layer")
console.log("consumer.mjs: protest-chronicle/postgres builds a layer without a server")

// The file entry builds its layer without touching the disk: nothing opens until it is provided.
if (file.layerFile("nowhere/journal.jsonl") === undefined || typeof file.JournalLockedError !== "function") fail("protest-chronicle/file does not build its layer")
if (file.JournalLockedError !== chronicle.Journal.JournalLockedError) fail("protest-chronicle/file and the root entry have two JournalLockedError classes")
console.log("consumer.mjs: protest-chronicle/file builds a layer; its JournalLockedError is the root entry's")

// The interchange entry exports an empty timeline and graph without anything else installed.
const emptyTimeline = JSON.parse(interchange.TimelineJs.toJson(chronicle.Projection.Timeline.empty))
if (emptyTimeline.events.length !== 0 || !interchange.Dot.fromLinkGraph(chronicle.Projection.LinkGraph.empty).startsWith("digraph")) {
  fail("protest-chronicle/interchange does not export an empty timeline and graph")
}
console.log("consumer.mjs: protest-chronicle/interchange exports TimelineJS and DOT")

const recordFile = process.argv[2]
if (recordFile === undefined) {
  console.log("consumer.mjs: decode check skipped (no record fixture yet)")
} else {
  try {
    console.log(`consumer.mjs: ${checkRecordDecode(chronicle, Result, readFileSync(recordFile, "utf8"))}`)
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error))
  }
}
console.log("consumer.mjs: ok")
