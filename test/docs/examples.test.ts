/**
 * The `@example` blocks of the JSDoc are code that runs, as Effect's docgen makes them: each is
 * written to a module under .tmp/doc-examples with `protest-chronicle` imports pointed at the
 * sources, type-checked with the project's compiler options, then imported (run). The files
 * checked are listed below; the lead widens the list. Examples elsewhere are counted and named.
 */
import * as fs from "node:fs"
import * as path from "node:path"
import { pathToFileURL } from "node:url"
import ts from "typescript"
import { describe, expect, it } from "vitest"
import { examplesOf, publicModules } from "./jsdoc.js"

const root = path.resolve(import.meta.dirname, "../..")
const out = path.join(root, ".tmp/doc-examples")

const checked = publicModules(root, ["src/model", "src/chronicle", "src/projection", "src/journal", "src/file", "src/postgres", "src/testing", "src/datasets", "src/interchange"])
const examples = checked.flatMap((file) => examplesOf(root, file))

const entries: { readonly [name: string]: string } = {
  "protest-chronicle": "src/index.ts",
  "protest-chronicle/testing": "src/testing/index.ts",
  "protest-chronicle/datasets": "src/datasets/index.ts",
  "protest-chronicle/interchange": "src/interchange/index.ts",
  "protest-chronicle/file": "src/file/index.ts",
  "protest-chronicle/postgres": "src/postgres/index.ts"
}

/**
 * Examples that import `protest-chronicle/postgres` are type-checked but not run: they need a
 * PostgreSQL server, which this test does not start (the store's own tests start one, see
 * test/postgres/globalSetup.ts). Every other example runs.
 */
const needsServer = (m: { readonly code: string }): boolean => /from "protest-chronicle\/postgres"/.test(m.code)

const moduleOf = (example: { readonly file: string; readonly line: number; readonly code: string }) => {
  const name = `${example.file.replace(/^src\//, "").replace(/[/.]/g, "_")}_${example.line}.ts`
  const code = example.code.replace(/from "(protest-chronicle(?:\/\w+)?)"/g, (whole, spec: string) => {
    const target = entries[spec]
    return target === undefined ? whole : `from ${JSON.stringify(path.relative(out, path.join(root, target.replace(/\.ts$/, ".js"))))}`
  })
  // A module of its own, whatever it imports, so that top-level await and names stay local.
  return { name, file: path.join(out, name), code: `${code}\nexport {}\n`, needsServer: needsServer(example) }
}

const modules = examples.map(moduleOf)

describe("@example blocks", () => {
  it("are found", () => {
    const elsewhere = publicModules(root, ["src"]).filter((f) => !checked.includes(f)).flatMap((f) => examplesOf(root, f))
    if (elsewhere.length > 0) console.log(`examples not run yet (${elsewhere.length}): ${[...new Set(elsewhere.map((e) => e.file))].join(", ")}`)
    expect(examples.length).toBeGreaterThan(5)
  })

  it("type-check", () => {
    fs.rmSync(out, { recursive: true, force: true })
    fs.mkdirSync(out, { recursive: true })
    for (const m of modules) fs.writeFileSync(m.file, m.code)
    const config = ts.getParsedCommandLineOfConfigFile(path.join(root, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!
    const program = ts.createProgram(modules.map((m) => m.file), { ...config.options, noEmit: true })
    const errors = ts.getPreEmitDiagnostics(program)
      .filter((d) => d.file !== undefined && d.file.fileName.startsWith(out))
      .map((d) => `${path.basename(d.file!.fileName)}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`)
    expect(errors).toEqual([])
  }, 120_000)

  it.each(modules.filter((m) => !m.needsServer).map((m) => [m.name, m] as const))("%s runs", async (_name, m) => {
    fs.mkdirSync(out, { recursive: true })
    fs.writeFileSync(m.file, m.code)
    const log = console.log
    console.log = () => {}
    try {
      await import(pathToFileURL(m.file).href)
    } finally {
      console.log = log
    }
  })
})
