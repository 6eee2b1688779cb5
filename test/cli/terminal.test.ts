/**
 * Text from the journal is shown in a terminal, never obeyed: escape sequences, carriage returns,
 * bells, C1 controls and bidirectional overrides in titles and names reach human output as
 * visible escapes, in a pipe and in a terminal with colours on, and layout still keeps within the
 * line. JSON output keeps the text exactly (JSON escapes it by its own rules).
 */
import { fc, test as property } from "@fast-check/vitest"
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { clip, visible, widthOf, wrap } from "../../src/cli/internal/terminal.js"
import { run, runInTerminal, useBin, widest } from "./bin.js"

const unsafe = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/
const unescape = (text: string) => text.replace(/\\r|\\u([0-9a-f]{4})/g, (m, hex: string | undefined) => (hex === undefined ? "\r" : String.fromCharCode(parseInt(hex, 16))))
const anyText = fc.string({ unit: "binary", maxLength: 80 })

describe("visible, wrap and clip", () => {
  property.prop([anyText], { numRuns: 500 })("visible shows every control and override as an escape, and loses nothing", (text) => {
    const shown = visible(text)
    expect(shown).not.toMatch(unsafe)
    if (!text.includes("\\")) expect(unescape(shown)).toBe(text)
  })

  property.prop([anyText, fc.integer({ min: 8, max: 100 })], { numRuns: 500 })("wrap and clip give lines within the width with nothing to obey", (text, width) => {
    for (const line of [...wrap(text, width), clip(text, width)]) {
      expect(line).not.toMatch(unsafe)
      expect(widthOf(line)).toBeLessThanOrEqual(width)
    }
  })
})

const cli = useBin()
const evil = (s: string) => `${s} \u001b[31mRED\u001b[0m\rOVER\u0007 \u202eevil\u001b]0;pwned\u0007 \u009b2J \u0085end`
const records = [
  { type: "place", id: "pl-1", kind: "town", name: evil("Place"), timeZone: "Asia/Aqtau" },
  { type: "actor", id: "a1", kind: "workers", name: evil("Actor") },
  { type: "source", id: "s1", kind: "news", outlet: evil("Outlet") },
  {
    type: "event", kind: "rally", form: "demonstration", id: "evil-1", title: evil("Rally"), when: "2011-12-16",
    where: { place: "pl-1", timeZone: "Asia/Aqtau" }, citations: [{ source: "s1" }],
    size: [{ value: { kind: "exact", value: 5 }, claimant: "a1", citations: [{ source: "s1" }] }, { value: { kind: "exact", value: 7 }, citations: [{ source: "s1" }] }]
  }
]

// What a terminal would obey: ESC not starting one of the colours the command writes, a carriage
// return not ending a line (a pseudo-terminal writes \r\n), a bell, C1 controls, bidi overrides.
const obeyed = /\u001b(?!\[(?:0|1|2|31|32|33|36)m)|\r(?!\n)|[\u0007\u0080-\u009f\u202a-\u202e\u2066-\u2069]/

describe("hostile text in the journal", () => {
  it("is printed as escapes by timeline and history, in a pipe and in a terminal, and kept exactly in JSON", async () => {
    const journal = join(cli.tmp.dir, "hostile.jsonl")
    const file = join(cli.tmp.dir, "hostile-records.jsonl")
    writeFileSync(file, records.map((r) => JSON.stringify(r)).join("\n") + "\n")
    const pc = (args: ReadonlyArray<string>) => run(cli.path, ["--journal", journal, ...args], { cwd: cli.tmp.dir })
    expect((await pc(["add", file])).code).toBe(0)
    for (const args of [["timeline"], ["history", "evil-1"], ["timeline", "--policy", "official"]]) {
      const piped = await pc(args)
      expect(piped.code, args.join(" ")).toBe(0)
      expect(piped.stdout, args.join(" ")).not.toMatch(obeyed)
      expect(piped.stdout, args.join(" ")).toContain("\\u001b[31mRED")
      expect(widest(piped.stdout), args.join(" ")).toBeLessThanOrEqual(100)
      const terminal = runInTerminal(cli.path, ["--journal", journal, ...args], { cwd: cli.tmp.dir })
      expect(terminal.code, args.join(" ")).toBe(0)
      expect(terminal.stdout, args.join(" ")).not.toMatch(obeyed)
      // Colour is on in the terminal: timeline's own codes are there (history has none).
      if (args[0] === "timeline") expect(terminal.stdout, args.join(" ")).toMatch(/\u001b\[(?:1|2|33)m/)
    }
    const json = await pc(["timeline", "--json"])
    expect(JSON.parse(json.stdout).events[0].event.title).toBe(evil("Rally"))
  }, 60_000)
})
