// Writes the JSON Schema of the record format to schema/record.schema.json (shipped in the
// package as `protest-chronicle/record.schema.json`). `--check` fails when the file is stale.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs"
import { Record } from "../src/index.js"

const file = new URL("../schema/record.schema.json", import.meta.url)
const text = JSON.stringify(Record.jsonSchema(), null, 2) + "\n"
if (process.argv.includes("--check")) {
  let current = ""
  try {
    current = readFileSync(file, "utf8")
  } catch {}
  if (current !== text) {
    console.error("schema/record.schema.json is out of date: run `npm run schema`")
    process.exit(1)
  }
  console.log("schema/record.schema.json is up to date")
} else {
  mkdirSync(new URL("../schema/", import.meta.url), { recursive: true })
  writeFileSync(file, text)
  console.log(`wrote schema/record.schema.json (${text.length} bytes)`)
}
