/**
 * Which `internal/` modules the published declarations reach: emits the declarations of the
 * package's entries in memory (as `tsc -p tsconfig.build.json` writes them to dist/types) and
 * follows their imports from each entry. A declaration file reached this way is part of the
 * public types; one under `internal/` means an internal module leaks into them.
 */
import * as fs from "node:fs"
import * as path from "node:path"
import ts from "typescript"

/** The public entries, as source files relative to the project folder (those that exist). */
export const entrySources = (root: string): ReadonlyArray<string> =>
  ["src/index.ts", "src/testing/index.ts", "src/datasets/index.ts", "src/postgres/index.ts", "src/file/index.ts", "src/interchange/index.ts"]
    .filter((file) => fs.existsSync(path.join(root, file)))

/** For each reachable declaration file under `internal/`, the chain of files that reaches it. */
export const internalLeaks = (root: string): ReadonlyMap<string, ReadonlyArray<string>> => {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(root, "tsconfig.build.json"), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"))
    }
  })
  if (config === undefined) throw new Error("cannot read tsconfig.build.json")
  const src = path.join(root, "src")
  const program = ts.createProgram(entrySources(root).map((f) => path.join(root, f)), { ...config.options, noEmit: false, emitDeclarationOnly: true, declaration: true })
  const outDir = config.options.outDir!
  const declarations = new Map<string, string>()
  program.emit(undefined, (file, text) => void declarations.set(path.relative(outDir, file), text), undefined, true)

  const importsOf = (file: string): ReadonlyArray<string> => {
    const text = declarations.get(file) ?? ""
    const out: Array<string> = []
    for (const m of text.matchAll(/(?:from\s+|import\()\s*["'](\.[^"']+)["']/g)) {
      const target = path.normalize(path.join(path.dirname(file), m[1]!)).replace(/\.js$/, ".d.ts")
      out.push(target)
    }
    return out
  }
  const via = new Map<string, ReadonlyArray<string>>()
  const queue = entrySources(root).map((f) => path.relative(src, path.join(root, f)).replace(/\.ts$/, ".d.ts"))
  for (const file of queue) via.set(file, [file])
  while (queue.length > 0) {
    const file = queue.shift()!
    for (const next of importsOf(file)) {
      if (via.has(next)) continue
      via.set(next, [...via.get(file)!, next])
      queue.push(next)
    }
  }
  return new Map([...via].filter(([file]) => file.split(path.sep).includes("internal")))
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [file, chain] of internalLeaks(path.resolve(process.argv[2] ?? "."))) console.log(`${file}  <-  ${chain.join(" -> ")}`)
}
