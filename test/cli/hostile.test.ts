/**
 * The command line against hostile and unusual input, as a user (or a script) gives it: flag
 * values that are not what they look like, input that is not UTF-8, writes refused before
 * anything reaches the journal, several records where one is bad, narrow and dumb terminals, and
 * every example each command's `--help` prints, run as written against the bundled chronicle.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { gzipSync } from "node:zlib"
import { describe, expect, it } from "vitest"
import { root, run, type Run, runInTerminal, useBin, widest } from "./bin.js"

const cli = useBin()
const tmp = cli.tmp
const bundled = join(root, "datasets", "zhanaozen.jsonl")

/** A fresh copy of the bundled chronicle's journal, named `name` in the scratch folder. */
const copyOfBundled = (name: string): string => {
  const path = join(tmp.dir, name)
  copyFileSync(bundled, path)
  return path
}

const at = (journal: string) => (args: ReadonlyArray<string>, input?: string, env?: Record<string, string>) =>
  run(cli.path, ["--journal", journal, ...args], { cwd: tmp.dir, ...(input === undefined ? {} : { input }), ...(env === undefined ? {} : { env }) })

/** A usage error: exit 2, nothing on stdout, one or two plain lines on stderr naming `message`. */
const expectUsage = (r: Run, message: string | RegExp, label: string) => {
  expect(r.code, `${label}: ${r.stderr}`).toBe(2)
  expect(r.stdout, label).toBe("")
  expect(r.stderr, label).toMatch(message)
  expect(r.stderr.trim().split("\n").length, label).toBeLessThanOrEqual(2)
  expect(r.stderr, label).not.toMatch(/\n\s+at /)
}

const source = (id: string, outlet = "Outlet") => JSON.stringify({ type: "source", id, kind: "news", outlet })

describe("flag values that only look right", () => {
  it("--as-of takes real dates and date-times only; --json and --jsonl are not taken together; counts are checked", async () => {
    const pc = at(copyOfBundled("flags.jsonl"))
    // V8's Date.parse reads these as dates (2001-12-01, 2001-05-05, 2011-03-02): they are not.
    for (const value of ["12", "May 5", "2011-02-30", "2011-12-16T24:30:00Z", "2011"]) {
      expectUsage(await pc(["timeline", "--as-of", value]), /--as-of: ".*" is not a date or date-time/, `--as-of ${value}`)
    }
    // A time as `history` prints it (UTC, a space between date and time) is read as UTC.
    const early = await pc(["timeline", "--as-of", "2000-01-01 10:00", "--json"])
    expect(early.code, early.stderr).toBe(0)
    expect(JSON.parse(early.stdout).count).toBe(0)
    expectUsage(await pc(["timeline", "--json", "--jsonl"]), "--json and --jsonl cannot be used together", "--json --jsonl")
    expectUsage(await pc(["links", "lineage", "astana-2023-04-11-detention", "--depth", "-1"]), "--depth must be 0 or more", "--depth -1")
    expectUsage(await pc(["links", "paths", "ozenmunaigas-2011-strike", "astana-2023-04-11-detention", "--max", "0"]), "--max must be at least 1", "--max 0")
    expectUsage(await pc(["links", "proposals", "--limit", "-1"]), "--limit must be 0 or more", "--limit -1")
    expectUsage(await pc(["links", "proposals", "--min-score", "5"]), "--min-score must be between 0 and 1", "--min-score 5")
    expectUsage(await run(cli.path, ["--journal", "", "init"], { cwd: tmp.dir }), "--journal is empty", "--journal ''")
    // An id that cannot be one is not in the link graph (it was a bare "Schema validation failed").
    const notAnId = await pc(["links", "lineage", "not an id"])
    expect(notAnId.code).toBe(1)
    expect(notAnId.stderr).toContain('no event "not an id" in the link graph')
    // A zone that does not exist is one usage error, not an error on every row.
    const fixture = join(root, "test/cli/fixtures/kazakhstan-2011.csv")
    expectUsage(await pc(["import", fixture, "--format", "acled", "--zone", "Mars/Base"]), '--zone: "Mars/Base" is not an IANA time zone', "--zone Mars/Base")
  }, 120_000)
})

describe("input that is not UTF-8", () => {
  const good = Array.from({ length: 10 }, (_, i) => source(`src-${i}`)).join("\n") + "\n"
  // Line 11 holds a byte that is never UTF-8; line 12 is good again.
  const bytes = Buffer.concat([Buffer.from(good), Buffer.from([0x7b, 0xff, 0x7d, 0x0a]), Buffer.from(source("src-12") + "\n")])

  it("is named by its line in every format, is skipped with --skip-invalid where lines stand alone, and writes nothing otherwise", async () => {
    const file = join(tmp.dir, "not-utf8.jsonl")
    writeFileSync(file, bytes)
    const journal = join(tmp.dir, "utf8.jsonl")
    const pc = at(journal)
    for (const format of ["jsonl", "plover"]) {
      const r = await pc(["validate", file, "--format", format])
      expect(r.code, format).toBe(1)
      expect(r.stdout, format).toMatch(/^line 11: \(record\): is not UTF-8 text/)
    }
    // In a CSV file the line is named too (and the file refused whole: a cell may span lines).
    const lines = readFileSync(join(root, "test/cli/fixtures/kazakhstan-2011.csv"), "utf8").split("\n")
    const badCsv = join(tmp.dir, "not-utf8.csv")
    writeFileSync(badCsv, Buffer.concat([Buffer.from(lines.slice(0, 3).join("\n") + "\n"), Buffer.from([0xff]), Buffer.from(lines.slice(3).join("\n"))]))
    const acled = await pc(["import", badCsv, "--format", "acled", "--skip-invalid"])
    expect(acled.code).toBe(1)
    expect(acled.stderr).toMatch(/^line 4: \(record\): is not UTF-8 text/)
    // --skip-invalid was given: the hint does not ask for it again.
    expect(acled.stderr).not.toContain("pass --skip-invalid")
    expect(existsSync(journal)).toBe(false)
    const skipped = await pc(["import", file, "--format", "jsonl", "--skip-invalid", "--json"])
    expect(skipped.code, skipped.stderr).toBe(0)
    const summary = JSON.parse(skipped.stdout)
    expect(summary.created).toBe(11)
    expect(summary.skipped).toEqual([{ line: 11, path: "", message: expect.stringContaining("is not UTF-8 text") }])
    // `add` refuses it too, rather than recording U+FFFD in place of the bytes.
    const before = readFileSync(journal)
    const added = await pc(["add", file])
    expect(added.code).toBe(1)
    expect(added.stderr).toContain("line 11: (record): is not UTF-8 text")
    expect(readFileSync(journal).equals(before)).toBe(true)
  }, 120_000)
})

describe("a refused write", () => {
  it("leaves no journal behind when there was none, and the journal's bytes as they were when there was one", async () => {
    const missing = join(tmp.dir, "never.jsonl")
    const pc = at(missing)
    const empty = join(tmp.dir, "empty.csv")
    writeFileSync(empty, "")
    const refusals = [
      await pc(["import", empty, "--format", "acled"]),
      await pc(["import", "-", "--format", "jsonl"], "\u0000\u0000\n"),
      await pc(["add"], JSON.stringify({ type: "source", id: "s1" })),
      await pc(["link", "a", "causes", "b", "--rationale", "x", "--source", "s"])
    ]
    for (const [i, r] of refusals.entries()) {
      expect(r.code, `${i}: ${r.stderr}`).toBe(1)
      expect(r.stderr, `${i}`).not.toMatch(/\n\s+at /)
    }
    expect(existsSync(missing)).toBe(false)
    expect(existsSync(`${missing}.lock`)).toBe(false)

    // Several records, one of them bad: every bad one is named by its line (blank lines counted), nothing is written.
    const journal = copyOfBundled("several.jsonl")
    const before = readFileSync(journal)
    const several = ["", source("src-new-1"), "", JSON.stringify({ type: "source", id: "src-new-2", kind: "blog", outlet: "X" }), source("src-new-3"), JSON.stringify({ type: "source", id: "src-new-4", kind: "news", outlet: "X", extra: 1 })].join("\n")
    const bad = await at(journal)(["add"], several)
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/^line 4: kind: /m)
    expect(bad.stderr).toMatch(/^line 6: extra: /m)
    expect(bad.stderr).toContain("2 invalid records of 4; nothing was written")
    expect(readFileSync(journal).equals(before)).toBe(true)
    // An export over the journal it reads would replace the journal.
    expectUsage(await at(journal)(["export", "--format", "csv", "--out", journal]), "is the journal being exported", "export --out <journal>")
    expect(readFileSync(journal).equals(before)).toBe(true)

    // A refusal by the chronicle half-way: what was written before it is printed, and said.
    const event = { type: "event", kind: "rally", form: "gathering", id: "hostile-rally", title: "A rally", when: "2024", where: { place: "atlantis", timeZone: "UTC" }, citations: [{ source: "src-new-1" }] }
    const half = await at(journal)(["add"], [source("src-new-1"), JSON.stringify(event), source("src-new-3")].join("\n"))
    expect(half.code).toBe(1)
    expect(half.stdout).toContain("recorded source src-new-1")
    expect(half.stderr).toMatch(/^protest-chronicle: line 2: .*atlantis/)
    expect(half.stderr).toContain("The record before it was written")
    expect(half.stderr.trim().split("\n")).toHaveLength(2)

    // `import --format jsonl` names the line the chronicle refuses, says what it wrote before it,
    // and with --skip-invalid lists it with the skipped lines (within the width) and goes on.
    const records = join(tmp.dir, "refused.jsonl")
    writeFileSync(records, ["", source("src-imp-1"), JSON.stringify({ ...event, id: "hostile-rally-2" }), source("src-imp-3")].join("\n") + "\n")
    const imported = await at(join(tmp.dir, "import-refused.jsonl"))(["import", records, "--format", "jsonl"])
    expect(imported.code).toBe(1)
    expect(imported.stderr).toMatch(/^protest-chronicle: line 3: .*atlantis/)
    expect(imported.stderr).toContain("The 1 record before it was written")
    const skipping = await at(join(tmp.dir, "import-skipping.jsonl"))(["import", records, "--format", "jsonl", "--skip-invalid"], undefined, { COLUMNS: "60" })
    expect(skipping.code, skipping.stderr).toBe(0)
    expect(skipping.stdout).toContain("written: 2 new records")
    expect(skipping.stdout).toMatch(/^ {2}line 3: \(record\): .*\n {4}/m)
    expect(widest(skipping.stdout)).toBeLessThanOrEqual(60)
  }, 120_000)
})

describe("terminals", () => {
  it("keeps every command's output within COLUMNS, however narrow, and ends", async () => {
    const pc = at(copyOfBundled("narrow.jsonl"))
    const commands = [
      ["timeline"],
      ["timeline", "--group", "year"],
      ["history", "zhanaozen-2011-12-16-shooting"],
      ["links", "paths", "ozenmunaigas-2011-strike", "astana-2023-04-11-detention"],
      ["links", "proposals", "--limit", "5"],
      ["links", "storylines"],
      ["demo"],
      ["timeline", "--help"]
    ]
    for (const columns of ["20", "47"]) {
      for (const args of commands) {
        const r = await pc(args, undefined, { COLUMNS: columns })
        const label = `COLUMNS=${columns} ${args.join(" ")}`
        expect(r.code, `${label}: ${r.stderr}`).toBe(0)
        expect(widest(r.stdout), label).toBeLessThanOrEqual(Number(columns))
      }
    }
  }, 180_000)

  it("writes no colour to a terminal that says it is dumb", () => {
    const journal = copyOfBundled("dumb.jsonl")
    const r = runInTerminal(cli.path, ["--journal", journal, "timeline", "--from", "2011-12-16", "--to", "2011-12-16"], { cwd: tmp.dir, env: { TERM: "dumb" } })
    expect(r.code).toBe(0)
    expect(r.stdout).toContain("Police open fire")
    expect(r.stdout).not.toContain("\u001b[")
  }, 60_000)
})

/** The examples of every command's --help, as written. */
const commands = ["", "init", "import", "validate", "add", "correct", "retract", "link", "timeline", "history", "export", "demo", "links", "links paths", "links lineage", "links consequences", "links storylines", "links proposals"]

/** Splits a shell command into words (double quotes group; nothing else is special here). */
const words = (command: string): Array<string> => [...command.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!)

describe("--help examples", () => {
  it("every example runs as written against the bundled chronicle (PostgreSQL ones aside)", async () => {
    const journal = copyOfBundled("chronicle.jsonl")
    const fixture = readFileSync(join(root, "test/cli/fixtures/kazakhstan-2011.csv"))
    for (const name of ["acled.csv", "2011-kazakhstan.csv"]) writeFileSync(join(tmp.dir, name), fixture)
    writeFileSync(join(tmp.dir, "big.csv.gz"), gzipSync(fixture))
    const plover = { id: "p1", date: "2011-12-16", event: "PROTEST", mode: "strike", actor: [{ entity_text: "Ozenmunaigas workers", code: "KAZ", sector: "LAB" }], event_loc: { resolved_place: "Zhanaozen", city: "Zhanaozen", country: "Kazakhstan", country_code: "KAZ", lat: 43.3412, lon: 52.8619, resolution: 4 }, cite_info: { publication: "Vlast.kz", url: "https://vlast.kz/example", title: "Oil workers strike", language: "ru" } }
    writeFileSync(join(tmp.dir, "events.jsonl"), JSON.stringify(plover) + "\n")
    writeFileSync(join(tmp.dir, "strike.json"), JSON.stringify({ type: "event", kind: "strike", form: "strike", id: "zhanaozen-2024-05-strike", title: "A strike in Zhanaozen", when: "2024-05-16", where: { place: "zhanaozen", timeZone: "Asia/Aqtau" }, citations: [{ source: "src-hrw-2012-09-10-striking-oil-image" }] }))
    writeFileSync(join(tmp.dir, "sources.jsonl"), source("src-example-1") + "\n" + source("src-example-2") + "\n")
    writeFileSync(join(tmp.dir, "records.jsonl"), source("src-example-3") + "\n")
    const examples: Array<string> = []
    for (const command of commands) {
      const help = await run(cli.path, [...(command === "" ? [] : command.split(" ")), "--help"])
      expect(help.stdout, command).toContain("EXAMPLES")
      // A long example is continued with ` \` on the next line, as a shell reads it.
      const section = help.stdout.slice(help.stdout.indexOf("EXAMPLES")).replace(/ \\\n\s*/g, " ")
      examples.push(...[...section.matchAll(/^ +((?:\S[^|\n]* \| )?protest-chronicle [^\n]*)$/gm)].map((m) => m[1]!))
    }
    expect(examples.length).toBeGreaterThan(25)
    for (const example of examples) {
      if (example.includes("--postgres")) continue
      // `cat f | …` and `zcat f.gz | …` give the file on standard input; what follows a `|` reads the output.
      const [first, ...rest] = example.split(" | ")
      const piped = first!.startsWith("protest-chronicle") ? undefined : first!
      const command = piped === undefined ? first! : rest[0]!
      const input = piped === undefined ? undefined : piped.startsWith("zcat") ? fixture.toString("utf8") : readFileSync(join(tmp.dir, words(piped)[1]!), "utf8")
      const r = await run(cli.path, ["--journal", journal, ...words(command).slice(1)], { cwd: tmp.dir, ...(input === undefined ? {} : { input }) })
      expect(r.code, `${example}\n${r.stderr}`).toBe(0)
    }
  }, 300_000)
})
