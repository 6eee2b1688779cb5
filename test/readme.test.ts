import { execFileSync } from "node:child_process"
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { describe, expect, it } from "vitest"

// README snippets are code: every ```ts block must type-check against the library as it is.
const root = new URL("../", import.meta.url)
const dir = new URL(".tmp/readme/", root)

describe("README", () => {
  it("every TypeScript snippet type-checks", () => {
    const readme = readFileSync(new URL("README.md", root), "utf8")
    const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!)
    expect(blocks.length).toBeGreaterThanOrEqual(3)
    rmSync(dir, { recursive: true, force: true })
    mkdirSync(dir, { recursive: true })
    blocks.forEach((code, i) => writeFileSync(new URL(`snippet-${i + 1}.ts`, dir), `${code}\nexport {}\n`))
    writeFileSync(new URL("tsconfig.json", dir), JSON.stringify({ extends: "../../tsconfig.json", include: ["*.ts"] }))
    const tsc = new URL("node_modules/typescript/bin/tsc", root).pathname
    try {
      execFileSync(process.execPath, [tsc, "--noEmit", "-p", new URL("tsconfig.json", dir).pathname], { encoding: "utf8" })
    } catch (e) {
      throw new Error(`README snippets do not type-check:\n${(e as { stdout?: string }).stdout ?? String(e)}`)
    }
  })
})
