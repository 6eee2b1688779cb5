/**
 * The README's "Command line" session is run as written, in a fresh folder with the file it
 * imports, and each command must print what the README shows (the seconds an import took aside).
 */
import { copyFileSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { root, run, useBin } from "./bin.js"

const cli = useBin()
const tmp = cli.tmp

/** The commands of the README's session and what each prints. */
const session = (): ReadonlyArray<{ readonly args: ReadonlyArray<string>; readonly output: string }> => {
  const readme = readFileSync(join(root, "README.md"), "utf8")
  const section = readme.slice(readme.indexOf("## Command line"))
  const block = /```console\n([\s\S]*?)```/.exec(section)![1]!
  const steps: Array<{ args: ReadonlyArray<string>; output: string }> = []
  for (const line of block.split("\n")) {
    if (line.startsWith("$ protest-chronicle ")) steps.push({ args: line.slice("$ protest-chronicle ".length).split(" "), output: "" })
    else if (steps.length > 0) steps.at(-1)!.output += `${line}\n`
  }
  return steps
}

const timeless = (text: string) => text.replace(/, \d+\.\d s$/gm, ", N s").trimEnd()

describe("README: command line", () => {
  it("the session prints what the README shows", async () => {
    copyFileSync(join(root, "test/cli/fixtures/kazakhstan-2011.csv"), join(tmp.dir, "kazakhstan-2011.csv"))
    const steps = session()
    expect(steps.map((s) => s.args[0])).toEqual(["init", "import", "import", "timeline", "export"])
    for (const step of steps) {
      const r = await run(cli.path, step.args, { cwd: tmp.dir })
      expect(r.code, step.args.join(" ")).toBe(0)
      expect(timeless(r.stdout + r.stderr), step.args.join(" ")).toBe(timeless(step.output))
    }
  }, 120_000)
})
