import { execFile } from "node:child_process"
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { promisify } from "node:util"
import { describe, expect, it } from "vitest"

// Every script in examples/ runs, and prints exactly what examples/output/<name>.txt holds: the
// examples are documentation, so their output is checked like any other behaviour. After a change
// that alters an output on purpose, run `UPDATE_EXAMPLES=1 npx vitest run test/examples.test.ts`
// and review the diff. A script whose first lines say `// example-test: skip (<why>)` needs
// something the suite does not provide and is only type-checked (by `tsc`, as all of examples/ is).
const run = promisify(execFile)
const root = new URL("../", import.meta.url)
const examples = readdirSync(new URL("examples/", root)).filter((f) => f.endsWith(".ts")).sort()
const update = process.env["UPDATE_EXAMPLES"] === "1"

describe("examples", () => {
  it("there are examples, and every one has its expected output (or says why it is skipped)", () => {
    expect(examples.length).toBeGreaterThanOrEqual(5)
    for (const file of examples) {
      const source = readFileSync(new URL(`examples/${file}`, root), "utf8")
      const skipped = /^\/\/ example-test: skip \(.+\)$/m.test(source.split("\n").slice(0, 12).join("\n"))
      const expected = new URL(`examples/output/${file.replace(/\.ts$/, ".txt")}`, root)
      if (!skipped && !update) expect(existsSync(expected), `examples/output/${file.replace(/\.ts$/, ".txt")}`).toBe(true)
    }
  })

  for (const file of examples) {
    const source = readFileSync(new URL(`examples/${file}`, root), "utf8")
    if (/^\/\/ example-test: skip \(.+\)$/m.test(source.split("\n").slice(0, 12).join("\n"))) continue
    it(`${file} prints its expected output`, async () => {
      const { stdout } = await run(process.execPath, ["--import", "tsx", `examples/${file}`], {
        cwd: root.pathname,
        env: { ...process.env, NODE_NO_WARNINGS: "1" },
        maxBuffer: 16 * 1024 * 1024
      })
      const expected = new URL(`examples/output/${file.replace(/\.ts$/, ".txt")}`, root)
      if (update) writeFileSync(expected, stdout)
      expect(stdout).toBe(readFileSync(expected, "utf8"))
    }, 120_000)
  }
})
