/**
 * Every command of the built `protest-chronicle` bin, run as a child process as a user runs it:
 * help and version, writes with the chronicle's checks, reads as text and as JSON, exports in
 * every format, exit codes (0, 1 for refused data, 2 for usage), standard input, and the width of
 * what it prints.
 */
import { Result } from "effect"
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { Record } from "../../src/index.js"
import { zhanaozen } from "../../src/datasets/index.js"
import { beforeAll, describe, expect, it } from "vitest"
import { run, scratch, useBin, widest } from "./bin.js"

const cli = useBin()
const tmp = cli.tmp
const journal = join(tmp.dir, "zhanaozen.jsonl")
const records = join(tmp.dir, "records.jsonl")

const newEvent = {
  type: "event",
  kind: "rally",
  form: "gathering",
  id: "zhanaozen-2024-01-rally",
  title: "Anniversary gathering in Zhanaozen",
  when: "2024-01~",
  where: { place: "zhanaozen", timeZone: "Asia/Aqtau" },
  participants: [{ actor: "ersai-workers", role: "organizer" }],
  citations: [{ source: "src-hrw-2012-09-10-striking-oil-image" }]
}

const pc = (args: ReadonlyArray<string>, input?: string) =>
  run(cli.path, ["--journal", journal, ...args], { cwd: tmp.dir, ...(input === undefined ? {} : { input }) })

beforeAll(async () => {
  const all = zhanaozen.all.map((r) => Result.getOrThrow(Record.decode(r)))
  writeFileSync(records, Result.getOrThrow(Record.encodeJsonl(all)))
  const imported = await pc(["import", records, "--format", "jsonl"])
  expect(imported.stderr).toBe("")
  expect(imported.code).toBe(0)
}, 120_000)

describe("help, version, completions", () => {
  const commands = ["init", "import", "validate", "add", "correct", "retract", "link", "timeline", "history", "export", "demo", "links paths", "links lineage", "links consequences", "links storylines", "links proposals"]
  it("every command has --help with at least one example", async () => {
    for (const command of commands) {
      const r = await run(cli.path, [...command.split(" "), "--help"])
      expect(r.code, command).toBe(0)
      expect(r.stdout, command).toContain("EXAMPLES")
      expect(r.stdout, command).toContain(`protest-chronicle ${command}`)
      expect(widest(r.stdout), command).toBeLessThanOrEqual(100)
    }
  }, 120_000)

  it("help keeps within the line width, wrapping and never cutting what effect/cli writes", async () => {
    const flat = (text: string) => text.replace(/\s+/g, " ")
    for (const columns of ["100", "60"]) {
      const r = await run(cli.path, ["--help"], { env: { COLUMNS: columns } })
      expect(r.code).toBe(0)
      expect(widest(r.stdout), columns).toBeLessThanOrEqual(Number(columns))
      // The longest texts are there whole, only wrapped.
      expect(flat(r.stdout)).toContain("Sets the minimum log level (choices: all, trace, debug, info, warn, warning, error, fatal, none)")
      expect(flat(r.stdout)).toContain("A PostgreSQL journal instead of the file, e.g. postgres://user@host/db (or PROTEST_CHRONICLE_PG_URL)")
    }
  }, 60_000)

  it("--version prints the package's version; --completions a shell script", async () => {
    const version = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")).version
    expect((await run(cli.path, ["--version"])).stdout).toContain(version)
    const completions = await run(cli.path, ["--completions", "bash"])
    expect(completions.code).toBe(0)
    expect(completions.stdout).toContain("protest-chronicle")
  })
})

describe("usage errors exit 2 with plain lines", () => {
  it.each([
    [["timeline", "--bogus"], "Unrecognized flag: --bogus"],
    [["frobnicate"], "Unknown subcommand"],
    [["export", "--format", "xml"], "Invalid value for flag --format"],
    [["import"], "Missing required flag: --format"],
    [["import", "no-such-file.csv", "--format", "acled"], "no such file: no-such-file.csv"],
    [["timeline", "--from", "2011-13"], "is not an EDTF date"],
    [["timeline", "--as-of", "yesterday-ish"], "--as-of"]
  ])("%j", async (args, message) => {
    const r = await pc(args)
    expect(r.code).toBe(2)
    expect(r.stdout).toBe("")
    expect(r.stderr).toContain(message)
    expect(r.stderr.trim().split("\n").length).toBeLessThanOrEqual(2)
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })
})

describe("writes", () => {
  it("init creates a journal and says so; a read of a missing journal says how to make one", async () => {
    const s = scratch()
    try {
      const missing = await run(cli.path, ["timeline"], { cwd: s.dir })
      expect(missing.code).toBe(1)
      expect(missing.stderr).toContain("no journal at ./chronicle.jsonl")
      expect(missing.stderr).toContain("protest-chronicle init")
      const init = await run(cli.path, ["init"], { cwd: s.dir })
      expect(init.code).toBe(0)
      expect(init.stdout).toContain("created an empty journal")
      expect(existsSync(join(s.dir, "chronicle.jsonl"))).toBe(true)
      expect((await run(cli.path, ["timeline"], { cwd: s.dir })).stdout).toContain("no events match")
      // A file that is not a journal is named as such, and left as it was.
      writeFileSync(join(s.dir, "notes.txt"), "not a journal\n")
      const wrong = await run(cli.path, ["--journal", "notes.txt", "timeline"], { cwd: s.dir })
      expect(wrong.code).toBe(1)
      expect(wrong.stderr).toContain("Check --journal: it names a file that is not a protest-chronicle journal.")
      expect(readFileSync(join(s.dir, "notes.txt"), "utf8")).toBe("not a journal\n")
    } finally {
      s.remove()
    }
  })

  it("add (from a file and from stdin), correct, retract, history", async () => {
    const file = join(tmp.dir, "event.json")
    writeFileSync(file, JSON.stringify(newEvent))
    const added = await pc(["add", file, "--author", "tester"])
    expect(added.stdout).toContain("recorded event zhanaozen-2024-01-rally (revision 1")
    expect(added.code).toBe(0)
    // The same record again is refused: it exists.
    const again = await pc(["add"], JSON.stringify(newEvent))
    expect(again.code).toBe(1)
    expect(again.stderr).toContain("is in the journal already")
    expect(again.stderr).toContain("protest-chronicle correct")
    const corrected = await pc(["correct", "--reason", "the source calls it commemorative"], JSON.stringify({ ...newEvent, title: "Commemorative gathering in Zhanaozen" }))
    expect(corrected.stdout).toContain("corrected event zhanaozen-2024-01-rally (revision 2")
    const noReason = await pc(["correct"], JSON.stringify(newEvent))
    expect(noReason.code).toBe(2)
    const retracted = await pc(["retract", "zhanaozen-2024-01-rally", "--reason", "a duplicate"])
    expect(retracted.stdout).toContain("retracted event zhanaozen-2024-01-rally (revision 3")
    const history = await pc(["history", "zhanaozen-2024-01-rally", "--json"])
    const revisions = JSON.parse(history.stdout).revisions
    expect(revisions.map((r: { change: string }) => r.change)).toEqual(["recorded", "corrected", "retracted"])
    expect(revisions[0].author).toBe("tester")
    expect(revisions[1].reason).toBe("the source calls it commemorative")
    expect(revisions[1].changed).toEqual(["title"])
    const text = await pc(["history", "zhanaozen-2024-01-rally"])
    expect(text.stdout).toMatch(/2 +\d{4}-\d\d-\d\d \d\d:\d\d:\d\d +corrected +the source calls it commemorative \[title\]/)
  }, 60_000)

  it("refusals are typed and plain: an invalid record, a missing reference, an unknown id, a link to nowhere", async () => {
    const invalid = await pc(["add"], JSON.stringify({ ...newEvent, id: "x-1", when: "2011-13-45" }))
    expect(invalid.code).toBe(1)
    expect(invalid.stderr).toMatch(/^protest-chronicle: when: /)
    const missing = await pc(["add"], JSON.stringify({ ...newEvent, id: "x-2", where: { place: "atlantis", timeZone: "UTC" } }))
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain("atlantis")
    const unknown = await pc(["retract", "no-such-event", "--reason", "x"])
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain("it was never recorded")
    const link = await pc(["link", "zhanaozen-2011-12-16-shooting", "causes", "no-such-event", "--rationale", "x", "--source", "src-hrw-2012-09-10-striking-oil-image"])
    expect(link.code).toBe(1)
    for (const r of [invalid, missing, unknown, link]) expect(r.stderr).not.toMatch(/\n\s+at /)
    const bad = await pc(["add"], "{ not json")
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain("line 1: (record): not JSON")
  })

  it("link records a link with its rationale and sources, and `links paths` finds it", async () => {
    const r = await pc([
      "link", "zhanaozen-2011-12-16-shooting", "causes", "zhanaozen-2011-12-17-state-of-emergency",
      "--rationale", "The state of emergency was declared the day after the shooting.", "--source", "src-hrw-2012-09-10-striking-oil-image", "--quote", "declared"
    ])
    if (r.code !== 0) expect(r.stderr).toContain("") // the dataset may hold it already
    const paths = await pc(["links", "paths", "ozenmunaigas-2011-strike", "astana-2023-04-11-detention", "--json"])
    expect(paths.code).toBe(0)
    const found = JSON.parse(paths.stdout).paths
    expect(found.length).toBeGreaterThan(0)
    expect(found[0].events[0]).toBe("ozenmunaigas-2011-strike")
  })
})

describe("reads", () => {
  it("timeline: December 2011 in Zhanaozen's zone, as text within 100 columns and as JSON", async () => {
    const text = await pc(["timeline", "--from", "2011-12", "--to", "2011-12", "--zone", "Asia/Aqtau"])
    expect(text.code).toBe(0)
    expect(text.stdout).toContain("Police open fire")
    expect(text.stdout).toContain("killed: 9 claims")
    expect(widest(text.stdout)).toBeLessThanOrEqual(100)
    expect(text.stdout).not.toContain("\x1b[")
    const json = await pc(["timeline", "--from", "2011-12", "--to", "2011-12", "--zone", "Asia/Aqtau", "--json"])
    const doc = JSON.parse(json.stdout)
    expect(doc.count).toBe(doc.events.length)
    expect(doc.events.every((e: { event: { when: string } }) => typeof e.event.when === "string")).toBe(true)
    const lines = await pc(["timeline", "--from", "2011-12", "--to", "2011-12", "--zone", "Asia/Aqtau", "--jsonl"])
    expect(lines.stdout.trim().split("\n").map((l) => JSON.parse(l).event.id)).toEqual(doc.events.map((e: { event: { id: string } }) => e.event.id))
  })

  it("timeline filters, groups and policies", async () => {
    const strikes = JSON.parse((await pc(["timeline", "--kind", "strike", "--json"])).stdout)
    expect(strikes.events.length).toBeGreaterThan(3)
    expect(strikes.events.every((e: { event: { kind: string } }) => e.event.kind === "strike")).toBe(true)
    const groups = JSON.parse((await pc(["timeline", "--group", "year", "--json"])).stdout)
    expect(groups.groups.map((g: { key: string }) => g.key)).toContain("2011")
    const grouped = await pc(["timeline", "--group", "year"])
    expect(grouped.stdout).toMatch(/── 2011: \d+ events/)
    expect(widest(grouped.stdout)).toBeLessThanOrEqual(100)
    const official = await pc(["timeline", "--from", "2011-12-16", "--to", "2011-12-16", "--zone", "Asia/Aqtau", "--policy", "official"])
    expect(official.stdout).toMatch(/killed: official: /)
    const text = JSON.parse((await pc(["timeline", "--text", "Shetpe", "--json"])).stdout)
    expect(text.events.length).toBeGreaterThan(0)
  })

  it("timeline --as-of: what was known before anything was recorded is nothing", async () => {
    const before = JSON.parse((await pc(["timeline", "--as-of", "2000-01-01", "--json"])).stdout)
    expect(before.count).toBe(0)
    const now = JSON.parse((await pc(["timeline", "--as-of", new Date().toISOString(), "--json"])).stdout)
    expect(now.count).toBeGreaterThan(80)
  })

  it("links: lineage, consequences, storylines, proposals", async () => {
    const lineage = JSON.parse((await pc(["links", "lineage", "astana-2023-04-11-detention", "--json"])).stdout)
    expect(lineage.events.map((e: { id: string }) => e.id)).toContain("ozenmunaigas-2011-strike")
    const consequences = JSON.parse((await pc(["links", "consequences", "ozenmunaigas-2011-strike", "--json"])).stdout)
    expect(consequences.events.length).toBeGreaterThan(0)
    const storylines = JSON.parse((await pc(["links", "storylines", "--json"])).stdout)
    expect(storylines.storylines.some((s: { links: ReadonlyArray<string> }) => s.links.length > 3)).toBe(true)
    const proposals = JSON.parse((await pc(["links", "proposals", "--limit", "3", "--json"])).stdout)
    expect(proposals.proposals).toHaveLength(3)
    expect(proposals.proposals[0]).toMatchObject({ rule: expect.any(String), reason: expect.any(String), score: expect.any(Number) })
    const text = await pc(["links", "paths", "ozenmunaigas-2011-strike", "astana-2023-04-11-detention"])
    expect(text.stdout).toContain("↓ echoes:")
    expect(widest(text.stdout)).toBeLessThanOrEqual(100)
    const unknown = await pc(["links", "lineage", "no-such-event"])
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain('no event "no-such-event"')
  })
})

describe("export", () => {
  it("writes every format, to a file and to stdout", async () => {
    for (const format of ["timelinejs", "geojson", "csv", "mermaid", "dot"]) {
      const out = join(tmp.dir, `out.${format}`)
      const r = await pc(["export", "--format", format, "--out", out])
      expect(r.code, format).toBe(0)
      expect(r.stdout, format).toBe("")
      const text = readFileSync(out, "utf8")
      if (format === "timelinejs") expect(JSON.parse(text).events.length).toBeGreaterThan(80)
      if (format === "geojson") expect(JSON.parse(text).type).toBe("FeatureCollection")
      if (format === "csv") expect(text.startsWith("event_id_cnty,event_date")).toBe(true)
      if (format === "mermaid") expect(text.startsWith("flowchart")).toBe(true)
      if (format === "dot") expect(text.startsWith("digraph")).toBe(true)
    }
    const filtered = await pc(["export", "--format", "geojson", "--from", "2011-12-16", "--to", "2011-12-16", "--zone", "Asia/Aqtau"])
    const features = JSON.parse(filtered.stdout).features
    expect(features.length).toBeGreaterThan(0)
    expect(features.length).toBeLessThan(20)
  })

  it("writes the timeline page as one HTML file, and refuses query flags for it", async () => {
    const out = join(tmp.dir, "page.html")
    const r = await pc(["export", "--format", "html", "--title", "Zhanaozen <2011>", "--out", out])
    expect(r.code, r.stderr).toBe(0)
    const html = readFileSync(out, "utf8")
    expect(html.toLowerCase().startsWith("<!doctype html>")).toBe(true)
    expect(html).toContain("Zhanaozen &lt;2011&gt;")
    expect(html).not.toContain("Zhanaozen <2011>")
    const current = await pc(["export", "--format", "html", "--no-history"])
    expect(current.code, current.stderr).toBe(0)
    expect(current.stdout.toLowerCase().startsWith("<!doctype html>")).toBe(true)
    const filtered = await pc(["export", "--format", "html", "--kind", "strike"])
    expect(filtered.code).toBe(1)
    expect(filtered.stderr).toContain("filters of its own")
  })

  it("an export that cannot be written leaves no partial file", async () => {
    const r = await pc(["export", "--format", "csv", "--out", join(tmp.dir, "no-such-folder", "x.csv")])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain("cannot write")
  })
})

describe("demo", () => {
  it("prints the bundled chronicle as npm run demo does, through the same renderers, within 100 columns", async () => {
    const r = await run(cli.path, ["demo"], { cwd: tmp.dir })
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^The Zhanaozen chronicle, 2011–2023: \d+ events/)
    expect(r.stdout).toContain("From the 2011 strike to the April 2023 detentions in Astana:")
    expect(r.stdout).toContain("Link proposals from the inference rules")
    expect(widest(r.stdout)).toBeLessThanOrEqual(100)
    // It says what `npm run demo` says (examples/output/demo.txt, checked by test/examples.test.ts):
    // the same years with the same counts, every event once, the same chains and proposals.
    const npmDemo = readFileSync(new URL("../../examples/output/demo.txt", import.meta.url), "utf8")
    const summary = (text: string) => ({
      years: [...text.matchAll(/^── (\d{4}: \d+ events?(?: \(\d+ not certainly in it\))?) ─/gm)].map((m) => m[1]),
      listed: /^(\d+) events listed, each once/m.exec(text)?.[1],
      chains: /^Every chain of recorded links from 2011 to 2023, along time \((\d+)\)/m.exec(text)?.[1],
      proposals: /^Link proposals from the inference rules \((\d+);/m.exec(text)?.[1],
      claims: [...text.matchAll(/· (\d[\d,]*) — ([^,\n]+)/g)].map((m) => `${m[1]} — ${m[2]!.trim()}`).sort()
    })
    const expected = summary(npmDemo)
    expect(expected.years.length).toBeGreaterThan(5)
    expect(expected.claims.length).toBeGreaterThan(10)
    expect(summary(r.stdout)).toEqual(expected)
    // It reads a copy: the journal given with --journal is not touched.
    copyFileSync(journal, `${journal}.before`)
    await run(cli.path, ["--journal", journal, "demo"], { cwd: tmp.dir })
    expect(readFileSync(journal, "utf8")).toBe(readFileSync(`${journal}.before`, "utf8"))
  }, 60_000)
})
