/**
 * The README's timeline example runs over the bundled dataset, and what the README prints for it
 * is its real output: its code is `examples/timeline.ts` (whose output the examples test checks
 * against `examples/output/timeline.txt`), and so is the output block below it. The demo excerpt
 * is lines of the demo's checked output, in order.
 */
import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"

const root = new URL("../../", import.meta.url)
const read = (path: string) => readFileSync(new URL(path, root), "utf8")
const readme = read("README.md")

describe("README", () => {
  it("shows the timeline queries of examples/timeline.ts, verbatim, over protest-chronicle/datasets", () => {
    const script = read("examples/timeline.ts")
    const code = script.slice(script.indexOf("// readme: begin\n") + "// readme: begin\n".length, script.indexOf("// readme: end"))
    expect(code).toContain('from "protest-chronicle/datasets"')
    expect(readme).toContain("```ts\n" + code + "```")
  })

  it("prints that example's real output under it", () => {
    const output = read("examples/output/timeline.txt")
    expect(readme).toContain("It prints:\n\n```text\n" + output + "```")
  })

  it("quotes the demo's output: every line of the excerpt is a line of examples/output/demo.txt, in order", () => {
    const start = readme.indexOf("```text\n", readme.indexOf("## The demo")) + "```text\n".length
    const excerpt = readme.slice(start, readme.indexOf("```", start)).split("\n").filter((l) => l !== "" && l.trim() !== "…")
    const demo = read("examples/output/demo.txt").split("\n")
    let at = 0
    for (const line of excerpt) {
      const found = demo.indexOf(line, at)
      expect(found, line).toBeGreaterThanOrEqual(0)
      at = found + 1
    }
  })

  it("says how to install from a clone while unreleased", () => {
    expect(readme).toMatch(/Installing from a clone/)
    expect(readme).toContain("npm pack")
  })
})
