/**
 * Writes the ACLED mapping tables into README.md, between the `acled-mapping` markers, from
 * `Acled.mappingTable()` (itself generated from `Mapping` and `Event.mappingOf`). A test fails
 * when the README and the generated tables differ: run `npx tsx scripts/write-acled-table.ts`.
 */
import { readFileSync, writeFileSync } from "node:fs"
import { Acled } from "../src/interchange/index.js"

const path = new URL("../README.md", import.meta.url)
const readme = readFileSync(path, "utf8")
const start = "<!-- acled-mapping:start -->"
const end = "<!-- acled-mapping:end -->"
const from = readme.indexOf(start)
const to = readme.indexOf(end)
if (from < 0 || to < from) throw new Error("README.md has no acled-mapping markers")
writeFileSync(path, `${readme.slice(0, from + start.length)}\n${Acled.mappingTable()}${readme.slice(to)}`)
console.log("README.md: ACLED mapping tables written")
