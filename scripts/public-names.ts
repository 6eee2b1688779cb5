/**
 * Counts the public names of the package: for each entry (root, testing, datasets, postgres,
 * file when it exists), every name reachable from it, namespace exports followed to their
 * members (`Projection.Timeline.query`), each declaration counted once per entry however many
 * paths reach it. Prints a table and the total, so that a change to the public surface shows as a
 * number in review.
 *
 *   npx tsx scripts/public-names.ts [project folder] [--list]
 *
 * `--list` also prints every qualified name, one a line, entry by entry.
 */
import * as fs from "node:fs"
import * as path from "node:path"
import ts from "typescript"

const args = process.argv.slice(2)
const list = args.includes("--list")
const root = path.resolve(args.find((a) => !a.startsWith("--")) ?? ".")

const entries: ReadonlyArray<readonly [string, string]> = (
  [
    [".", "src/index.ts"],
    ["./testing", "src/testing/index.ts"],
    ["./datasets", "src/datasets/index.ts"],
    ["./postgres", "src/postgres/index.ts"],
    ["./file", "src/file/index.ts"],
    ["./interchange", "src/interchange/index.ts"]
  ] as const
).filter(([, file]) => fs.existsSync(path.join(root, file)))

const program = ts.createProgram(entries.map(([, file]) => path.join(root, file)), {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  skipLibCheck: true,
  noEmit: true
})
const checker = program.getTypeChecker()

const resolve = (symbol: ts.Symbol): ts.Symbol =>
  symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol

const isModule = (symbol: ts.Symbol): boolean =>
  (symbol.flags & ts.SymbolFlags.ValueModule) !== 0 &&
  (symbol.declarations ?? []).some((d) => ts.isSourceFile(d) || ts.isModuleDeclaration(d))

/** Every exported name under `module`, qualified by `prefix`, with the declaration it names. */
const walk = (module: ts.Symbol, prefix: string, seenModules: Set<ts.Symbol>, out: Map<ts.Symbol, Array<string>>): void => {
  if (seenModules.has(module)) return
  seenModules.add(module)
  for (const exported of checker.getExportsOfModule(module)) {
    const target = resolve(exported)
    const name = `${prefix}${exported.name}`
    if (isModule(target)) {
      walk(target, `${name}.`, seenModules, out)
      continue
    }
    const names = out.get(target) ?? []
    names.push(name)
    out.set(target, names)
  }
}

const rows: Array<readonly [string, number, number]> = []
let total = 0
for (const [entry, file] of entries) {
  const source = program.getSourceFile(path.join(root, file))
  const module = source === undefined ? undefined : checker.getSymbolAtLocation(source)
  if (module === undefined) throw new Error(`cannot read ${file}`)
  const names = new Map<ts.Symbol, Array<string>>()
  walk(module, "", new Set(), names)
  const paths = [...names.values()].reduce((n, p) => n + p.length, 0)
  rows.push([entry, names.size, paths])
  total += names.size
  if (list) {
    console.log(`# ${entry}`)
    for (const qualified of [...names.values()].map((p) => p.sort()[0]!).sort()) console.log(qualified)
  }
}

const width = Math.max(...rows.map(([e]) => e.length), 5)
console.log(`${"entry".padEnd(width)}  names  (paths)`)
for (const [entry, names, paths] of rows) console.log(`${entry.padEnd(width)}  ${String(names).padStart(5)}  (${paths})`)
console.log(`${"total".padEnd(width)}  ${String(total).padStart(5)}`)
