/**
 * The command line against PostgreSQL (the throwaway cluster of test/postgres/globalSetup.ts):
 * `--postgres` and `PROTEST_CHRONICLE_PG_URL`, an import read back through `timeline`, and several
 * processes importing overlapping ACLED files into one journal at once: all succeed, nothing is
 * lost or doubled.
 */
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, inject, it } from "vitest"
import { freshSchema } from "../postgres/server.js"
import { acledCsv, run, useBin } from "./bin.js"

const url = inject("pgUrl")
const prefix = inject("pgSchemaPrefix")

const cli = useBin()
const tmp = cli.tmp

describe.skipIf(url === "")("the command line on PostgreSQL", () => {
  it("imports into --postgres and reads back through the variable PROTEST_CHRONICLE_PG_URL", async () => {
    const schema = freshSchema(prefix)
    const file = join(tmp.dir, "one.csv")
    writeFileSync(file, acledCsv(200))
    const init = await run(cli.path, ["init", "--postgres", url, "--pg-schema", schema])
    expect(init.stderr).toBe("")
    expect(init.code).toBe(0)
    const imported = await run(cli.path, ["import", file, "--format", "acled", "--postgres", url, "--pg-schema", schema, "--json"])
    expect(imported.stderr).toBe("")
    expect(JSON.parse(imported.stdout)).toMatchObject({ rows: 200, skippedTotal: 0 })
    const again = await run(cli.path, ["import", file, "--format", "acled", "--pg-schema", schema, "--json"], { env: { PROTEST_CHRONICLE_PG_URL: url } })
    expect(JSON.parse(again.stdout)).toMatchObject({ created: 0, commits: 0 })
    const timeline = await run(cli.path, ["timeline", "--pg-schema", schema, "--json"], { env: { PROTEST_CHRONICLE_PG_URL: url } })
    expect(JSON.parse(timeline.stdout).count).toBe(200)
    // --journal wins over the variable: the file journal is read, and it does not exist.
    const file2 = await run(cli.path, ["timeline", "--journal", join(tmp.dir, "none.jsonl")], { env: { PROTEST_CHRONICLE_PG_URL: url } })
    expect(file2.code).toBe(1)
    expect(file2.stderr).toContain("no journal at")
  }, 120_000)

  it("several processes importing overlapping files at once all succeed and lose nothing", async () => {
    const schema = freshSchema(prefix)
    const PROCESSES = 3
    const ROWS = 400
    // Each file shares half its rows with the next (the same events), and all share places, actors and sources.
    const files = Array.from({ length: PROCESSES }, (_, i) => {
      const file = join(tmp.dir, `part-${i}.csv`)
      writeFileSync(file, acledCsv(ROWS, i * (ROWS / 2)))
      return file
    })
    const runs = await Promise.all(files.map((file) => run(cli.path, ["import", file, "--format", "acled", "--postgres", url, "--pg-schema", schema, "--batch-size", "200", "--json"])))
    for (const r of runs) {
      expect(r.stderr).toBe("")
      expect(r.code).toBe(0)
    }
    const distinct = (PROCESSES + 1) * (ROWS / 2)
    const timeline = JSON.parse((await run(cli.path, ["timeline", "--postgres", url, "--pg-schema", schema, "--json"])).stdout)
    expect(timeline.count).toBe(distinct)
    expect(new Set(timeline.events.map((e: { event: { id: string } }) => e.event.id)).size).toBe(distinct)
    // A last import of everything changes nothing: every record landed once.
    const all = join(tmp.dir, "all.csv")
    writeFileSync(all, acledCsv(distinct))
    const check = JSON.parse((await run(cli.path, ["import", all, "--format", "acled", "--postgres", url, "--pg-schema", schema, "--json"])).stdout)
    expect(check).toMatchObject({ created: 0, corrected: 0, commits: 0 })
  }, 240_000)
})
