/**
 * The layers of src/, checked on the source: no folder imports another folder's `internal/`
 * (what a sibling needs is a public module of its owner), and the platform-neutral part of the
 * library imports no Node built-in module, neither itself nor through anything it imports. Only
 * `file/` and `postgres/` (and a future command line) may touch the operating system.
 */
import { readdirSync, readFileSync } from "node:fs"
import { builtinModules } from "node:module"
import { dirname, join, relative, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"

const src = fileURLToPath(new URL("../src/", import.meta.url))

/** Folders whose code may use Node's built-in modules. */
const platformFolders = new Set(["file", "postgres", "cli"])
/** The entries that must run in any JavaScript runtime. */
const neutralEntries = ["index.ts", "testing/index.ts", "datasets/index.ts", "interchange/index.ts"]

const sourceFiles = (dir: string): Array<string> =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name)
    return d.isDirectory() ? sourceFiles(path) : d.name.endsWith(".ts") ? [path] : []
  })

// Comments are dropped first, so that an import in a JSDoc example does not count.
const withoutComments = (code: string): string => code.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "")
const importPattern = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)(["'])([^"'\n]+)\1/gm

/** Every module specifier a file imports or re-exports (type-only imports included). */
const importsOf = (file: string): Array<string> =>
  [...withoutComments(readFileSync(file, "utf8")).matchAll(importPattern)].map((m) => m[2]!)

const builtins = new Set(builtinModules)
const isBuiltin = (specifier: string): boolean => specifier.startsWith("node:") || builtins.has(specifier.split("/")[0]!)

/** The file a relative specifier names (`./x.js` is the source `./x.ts`). */
const resolveSource = (from: string, specifier: string): string => resolve(dirname(from), specifier).replace(/\.js$/, ".ts")

/** The top-level folder of a file under src/ ("" for src/index.ts). */
const folderOf = (file: string): string => {
  const parts = relative(src, file).split(/[\\/]/)
  return parts.length === 1 ? "" : parts[0]!
}

const files = sourceFiles(src)

describe("architecture of src/", () => {
  it("reads the source tree", () => {
    expect(files.length).toBeGreaterThan(50)
    expect(files.some((f) => importsOf(f).some((s) => s.includes("/internal/")))).toBe(true)
  })

  it("no folder imports another folder's internal/", () => {
    const crossings = files.flatMap((file) =>
      importsOf(file)
        .filter((s) => s.startsWith("."))
        .map((s) => resolveSource(file, s))
        .filter((target) => relative(src, target).split(/[\\/]/).includes("internal") && folderOf(target) !== folderOf(file))
        .map((target) => `${relative(src, file)} -> ${relative(src, target)}`)
    )
    expect(crossings).toEqual([])
  })

  it("only file/ and postgres/ import Node built-in modules", () => {
    const found = files
      .filter((file) => !platformFolders.has(folderOf(file)))
      .flatMap((file) => importsOf(file).filter(isBuiltin).map((s) => `${relative(src, file)} imports ${s}`))
    expect(found).toEqual([])
  })

  it("the neutral entries (root, testing, datasets, interchange) reach neither file/ nor postgres/ nor a Node built-in", () => {
    for (const entry of neutralEntries) {
      const start = join(src, entry)
      const path = new Map<string, string>([[start, entry]])
      const queue = [start]
      const problems: Array<string> = []
      while (queue.length > 0) {
        const file = queue.shift()!
        if (platformFolders.has(folderOf(file))) problems.push(`${path.get(file)} is in ${folderOf(file)}/`)
        for (const specifier of importsOf(file)) {
          if (isBuiltin(specifier)) problems.push(`${path.get(file)} imports ${specifier}`)
          if (!specifier.startsWith(".")) continue
          const target = resolveSource(file, specifier)
          if (!path.has(target)) {
            path.set(target, `${path.get(file)} -> ${relative(src, target)}`)
            queue.push(target)
          }
        }
      }
      expect(problems, entry).toEqual([])
      expect(path.size, entry).toBeGreaterThan(1)
    }
  })
})
