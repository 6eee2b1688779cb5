/**
 * Small files, one idea each: every source file outside an `internal/` folder and the bundled
 * datasets stays within 500 lines. Long algorithms and tables of data go to `internal/` beside
 * the module they serve; a public module that grows past the limit is split by concern.
 */
import { readdirSync, readFileSync } from "node:fs"
import { join, relative } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"

const LIMIT = 500

const src = fileURLToPath(new URL("../src", import.meta.url))

/** Every `.ts` file under `dir`, except in `internal/` folders and `src/datasets`. */
const publicFiles = (dir: string): Array<string> =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === "internal" || path === join(src, "datasets") ? [] : publicFiles(path)
    return entry.name.endsWith(".ts") ? [path] : []
  })

const linesOf = (path: string): number => {
  const text = readFileSync(path, "utf8")
  return text.length === 0 ? 0 : text.split("\n").length - (text.endsWith("\n") ? 1 : 0)
}

describe("file sizes", () => {
  const files = publicFiles(src)

  it("finds the public modules", () => {
    expect(files.map((f) => relative(src, f))).toContain(join("model", "When.ts"))
  })

  it(`keeps every file outside internal/ and the datasets within ${LIMIT} lines`, () => {
    const over = files.map((f) => ({ file: relative(src, f), lines: linesOf(f) })).filter((f) => f.lines > LIMIT)
    expect(over).toEqual([])
  })
})
