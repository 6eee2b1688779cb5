import { execFileSync } from "node:child_process"
import { fileURLToPath } from "node:url"
import { describe, expect, inject, it } from "vitest"
import { freshSchema } from "./server.js"

const url = inject("pgUrl")
const prefix = inject("pgSchemaPrefix")
const root = fileURLToPath(new URL("../../", import.meta.url))

// The README's PostgreSQL example is code that runs.
describe.skipIf(url === "")("examples/postgres.ts", () => {
  it("runs against the server and prints what it did", () => {
    const env = { ...process.env, PROTEST_CHRONICLE_PG_URL: url, PROTEST_CHRONICLE_PG_SCHEMA: freshSchema(prefix) }
    const run = () => execFileSync(process.execPath, ["--import", "tsx", "examples/postgres.ts"], { cwd: root, env, encoding: "utf8" })
    const expected = [
      "recorded at position 1, corrected at 2",
      "a stale correction: conflict on event/zhanaozen-2011-12-16-shooting: expected revision 1, found 2 (someone else wrote to it since you read it: read it again and retry)",
      "catalog up to position 2: 2 revisions, the last says \"official toll revised\""
    ]
    expect(run().trim().split("\n")).toEqual(expected)
  })
})
