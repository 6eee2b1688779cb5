/**
 * `import` and `validate` of the built bin: ACLED CSV, PLOVER JSON Lines and our own records,
 * from files and standard input; idempotent imports; bad files rejected whole with
 * `line N: <path>: <message>` (exit 1) unless --skip-invalid; the progress bar only on a terminal;
 * colour only on a terminal without NO_COLOR; and Ctrl-C in the middle of an import leaving the
 * journal at a whole commit.
 */
import { Effect, Stream } from "effect"
import { spawn } from "node:child_process"
import { readFileSync, statSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { Journal } from "../../src/index.js"
import { layerFile } from "../../src/file/index.js"
import { describe, expect, it } from "vitest"
import { acledCsv, run, runInTerminal, useBin } from "./bin.js"

const cli = useBin()
const tmp = cli.tmp

const pc = (journal: string, args: ReadonlyArray<string>, input?: string) =>
  run(cli.path, ["--journal", join(tmp.dir, journal), ...args], { cwd: tmp.dir, ...(input === undefined ? {} : { input }) })

/** Every entry of a file journal, read with the library. */
const entriesOf = (path: string) =>
  Effect.runPromise(Effect.gen(function*() {
    const journal = yield* Journal.Journal
    return yield* Stream.runCollect(journal.readAll())
  }).pipe(Effect.provide(layerFile(path))))

const plover = (id: string, fields: object = {}) =>
  JSON.stringify({
    id,
    date: "2011-12-16",
    event: "PROTEST",
    mode: "strike",
    actor: [{ entity_text: "Ozenmunaigas workers", code: "KAZ", sector: "LAB" }],
    event_loc: { resolved_place: "Zhanaozen", city: "Zhanaozen", country: "Kazakhstan", country_code: "KAZ", lat: 43.3412, lon: 52.8619, resolution: 4 },
    cite_info: { publication: "Vlast.kz", url: "https://vlast.kz/example", title: "Oil workers strike", language: "ru" },
    ...fields
  })

describe("ACLED", () => {
  it("imports a file, says what it wrote, and a second import changes nothing", async () => {
    const file = join(tmp.dir, "acled.csv")
    writeFileSync(file, acledCsv(300))
    const first = await pc("acled.jsonl", ["import", file, "--format", "acled", "--json"])
    expect(first.stderr).toBe("")
    expect(first.code).toBe(0)
    const written = JSON.parse(first.stdout)
    expect(written).toMatchObject({ rows: 300, corrected: 0, unchanged: 0, skippedTotal: 0 })
    expect(written.created).toBeGreaterThan(300)
    const second = JSON.parse((await pc("acled.jsonl", ["import", file, "--format", "acled", "--json"])).stdout)
    expect(second).toMatchObject({ rows: 300, created: 0, corrected: 0, commits: 0 })
    const text = await pc("acled.jsonl", ["import", file, "--format", "acled"])
    expect(text.stdout).toContain("300 rows read")
    expect(text.stdout).toContain("0 new records, 0 corrected;")
  }, 60_000)

  it("a newer export of the same events becomes corrections with a reason", async () => {
    const older = acledCsv(20)
    const newer = older.replace(/Kursiv/, "Kursiv; Orda.kz")
    expect(newer).not.toBe(older)
    await pc("newer.jsonl", ["import", "--format", "acled"], older)
    const r = JSON.parse((await pc("newer.jsonl", ["import", "-", "--format", "acled", "--json"], newer)).stdout)
    expect(r.corrected).toBe(1)
    const entries = await entriesOf(join(tmp.dir, "newer.jsonl"))
    expect(entries.at(-1)!.reason).toMatch(/ACLED export updated/)
  }, 60_000)

  it("a bad file is rejected whole: each bad row as `line N: <column>: <reason>`, nothing written, exit 1", async () => {
    const good = acledCsv(5).split("\n")
    const bad = [...good.slice(0, 3), good[3]!.replace(/,\d{4}-\d\d-\d\d,/, ",not-a-date,"), ...good.slice(4)].join("\n")
    const file = join(tmp.dir, "bad.csv")
    writeFileSync(file, bad)
    const validate = await pc("bad.jsonl", ["validate", file, "--format", "acled"])
    expect(validate.code).toBe(1)
    expect(validate.stdout).toMatch(/^line 4: event_date: /m)
    const json = JSON.parse((await pc("bad.jsonl", ["validate", file, "--format", "acled", "--json"])).stdout)
    expect(json).toMatchObject({ valid: false, total: 1 })
    const imported = await pc("bad.jsonl", ["import", file, "--format", "acled"])
    expect(imported.code).toBe(1)
    expect(imported.stderr).toMatch(/^line 4: event_date: /m)
    expect(imported.stderr).toContain("nothing was written")
    expect(imported.stdout).toBe("")
    const skipping = JSON.parse((await pc("bad.jsonl", ["import", file, "--format", "acled", "--skip-invalid", "--json"])).stdout)
    expect(skipping.rows).toBe(5)
    expect(skipping.skippedTotal).toBe(1)
    expect(skipping.skipped[0]).toMatchObject({ line: 4, path: "event_date" })
  }, 60_000)

  it.each([
    ["not CSV at all", "\u0000\u0001binary\u0002"],
    ["a header without the required columns", "a,b,c\n1,2,3\n"],
    ["a truncated quoted field", acledCsv(2).slice(0, -30) + "\"unterminated"],
    ["invalid UTF-8", Buffer.from([0x65, 0x76, 0xff, 0xfe, 0x0a]).toString("latin1")]
  ])("hostile input (%s) exits 1 with plain lines and writes nothing", async (_, input) => {
    const r = await pc("hostile.jsonl", ["import", "-", "--format", "acled"], input)
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/^(line \d+|file): /m)
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })
})

describe("PLOVER and JSON Lines", () => {
  it("imports PLOVER lines from standard input, skipping an unknown mode with --skip-invalid", async () => {
    const input = [plover("p1"), plover("p2", { mode: "levitate" }), plover("p3", { date: "2011-12-17" })].join("\n") + "\n"
    const strict = await pc("plover.jsonl", ["import", "--format", "plover", "--zone", "Asia/Aqtau"], input)
    expect(strict.code).toBe(1)
    expect(strict.stderr).toMatch(/^line 2: mode: /m)
    const r = JSON.parse((await pc("plover.jsonl", ["import", "--format", "plover", "--skip-invalid", "--json"], input)).stdout)
    expect(r).toMatchObject({ rows: 3, skippedTotal: 1 })
    const timeline = JSON.parse((await pc("plover.jsonl", ["timeline", "--json"])).stdout)
    expect(timeline.events.map((e: { event: { id: string } }) => e.event.id).sort()).toEqual(["plover:p1", "plover:p3"])
  }, 60_000)

  it("validates our own JSON Lines with the path of each bad field", async () => {
    const lines = [
      JSON.stringify({ type: "source", id: "src-a", outlet: "A", kind: "news" }),
      JSON.stringify({ type: "source", id: "src-b", outlet: "B", kind: "gossip" })
    ].join("\n")
    const r = await pc("own.jsonl", ["validate", "--format", "jsonl"], lines)
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/^line 2: kind: /m)
    const ok = await pc("own.jsonl", ["import", "--format", "jsonl", "--skip-invalid", "--json"], lines)
    expect(JSON.parse(ok.stdout)).toMatchObject({ created: 1, skippedTotal: 1 })
    // Into a journal that holds them: the same record is unchanged, a changed one corrected.
    const again = await pc("own.jsonl", ["import", "--format", "jsonl", "--skip-invalid", "--json"], lines)
    expect(JSON.parse(again.stdout)).toMatchObject({ created: 0, unchanged: 1, corrected: 0 })
    const changed = await pc("own.jsonl", ["import", "--format", "jsonl", "--json"], JSON.stringify({ type: "source", id: "src-a", outlet: "A (renamed)", kind: "news" }))
    expect(JSON.parse(changed.stdout)).toMatchObject({ created: 0, unchanged: 0, corrected: 1 })
  })
})

describe("the terminal", () => {
  it("colour only on a terminal with NO_COLOR unset; none through a pipe", async () => {
    const file = join(tmp.dir, "colour.csv")
    writeFileSync(file, acledCsv(5))
    await pc("colour.jsonl", ["import", file, "--format", "acled"])
    const args = ["--journal", join(tmp.dir, "colour.jsonl"), "timeline"]
    expect((await run(cli.path, args)).stdout).not.toContain("\x1b[")
    expect(runInTerminal(cli.path, args).stdout).toContain("\x1b[")
    expect(runInTerminal(cli.path, args, { env: { NO_COLOR: "1" } }).stdout).not.toContain("\x1b[")
  }, 60_000)

  it("a progress bar on stderr when it is a terminal, and none when it is not", async () => {
    const file = join(tmp.dir, "progress.csv")
    writeFileSync(file, acledCsv(6_000))
    const args = ["--journal", join(tmp.dir, "progress.jsonl"), "import", file, "--format", "acled", "--batch-size", "1000"]
    const inTerminal = runInTerminal(cli.path, args)
    expect(inTerminal.code).toBe(0)
    // script merges both streams into its stdout: the bar is there, redrawn in place.
    expect(inTerminal.stdout).toMatch(/importing \[#*\.*\] +\d+% [\d,]+ records/)
    const piped = await run(cli.path, ["--journal", join(tmp.dir, "progress2.jsonl"), "import", file, "--format", "acled", "--batch-size", "1000"])
    expect(piped.code).toBe(0)
    expect(piped.stderr).toBe("")
    expect(piped.stdout).not.toContain("importing [")
  }, 120_000)
})

describe("Ctrl-C", () => {
  it("interrupting an import leaves the journal at its last whole commit", async () => {
    const file = join(tmp.dir, "big.csv")
    writeFileSync(file, acledCsv(40_000))
    const journal = join(tmp.dir, "interrupted.jsonl")
    const child = spawn(process.execPath, [cli.path, "--journal", journal, "import", file, "--format", "acled", "--skip-invalid", "--batch-size", "500"], { stdio: ["ignore", "pipe", "pipe"] })
    let stderr = ""
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d))
    // Wait for the first commits to land, then interrupt.
    const started = Date.now()
    while (Date.now() - started < 60_000) {
      await new Promise((r) => setTimeout(r, 50))
      let size = 0
      try {
        size = statSync(journal).size
      } catch {
        // not created yet
      }
      if (size > 200_000) break
    }
    child.kill("SIGINT")
    const code = await new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c)))
    expect(code).toBe(130)
    expect(stderr).toContain("interrupted")
    // The journal opens without a repair, and holds whole commits only.
    const text = readFileSync(journal, "utf8")
    expect(text.endsWith("\n")).toBe(true)
    const entries = await entriesOf(journal)
    expect(entries.length).toBeGreaterThan(0)
    const byCommit = new Map<string, number>()
    for (const e of entries) byCommit.set(e.idempotencyKey, (byCommit.get(e.idempotencyKey) ?? 0) + 1)
    // Every commit holds a batch of 500 appends (or more: a row's records stay together).
    for (const [key, n] of byCommit) expect(n, key).toBeGreaterThanOrEqual(500)
    expect(entries.length).toBeLessThan(40_000)
  }, 120_000)
})
