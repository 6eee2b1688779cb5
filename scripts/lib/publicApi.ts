/**
 * The package's public names, read with the TypeScript compiler: from each entry (root, testing,
 * datasets, postgres, file and interchange when they exist), every exported name, namespace
 * exports followed to their members, each declaration once per entry with the qualified names
 * that reach it. Used by `scripts/public-names.ts` and by the documentation tests.
 */
import * as fs from "node:fs"
import * as path from "node:path"
import ts from "typescript"

/** The package's entries: the subpath and its source file, for those that exist under `root`. */
export const entries = (root: string): ReadonlyArray<readonly [string, string]> =>
  (
    [
      [".", "src/index.ts"],
      ["./testing", "src/testing/index.ts"],
      ["./datasets", "src/datasets/index.ts"],
      ["./postgres", "src/postgres/index.ts"],
      ["./file", "src/file/index.ts"],
      ["./interchange", "src/interchange/index.ts"]
    ] as const
  ).filter(([, file]) => fs.existsSync(path.join(root, file)))

/** One public declaration: the names that reach it from an entry, and where it is declared. */
export interface PublicName {
  readonly names: ReadonlyArray<string>
  readonly declarations: ReadonlyArray<ts.Declaration>
}

/** For each entry, its public declarations. */
export const publicApi = (root: string): ReadonlyMap<string, ReadonlyArray<PublicName>> => {
  const found = entries(root)
  const program = ts.createProgram(found.map(([, file]) => path.join(root, file)), {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    skipLibCheck: true,
    noEmit: true
  })
  const checker = program.getTypeChecker()
  const resolve = (symbol: ts.Symbol): ts.Symbol => (symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol)
  const isModule = (symbol: ts.Symbol): boolean =>
    (symbol.flags & ts.SymbolFlags.ValueModule) !== 0 &&
    (symbol.declarations ?? []).some((d) => ts.isSourceFile(d) || ts.isModuleDeclaration(d))

  const out = new Map<string, ReadonlyArray<PublicName>>()
  for (const [entry, file] of found) {
    const source = program.getSourceFile(path.join(root, file))
    const module = source === undefined ? undefined : checker.getSymbolAtLocation(source)
    if (module === undefined) throw new Error(`cannot read ${file}`)
    const names = new Map<ts.Symbol, Array<string>>()
    const seen = new Set<ts.Symbol>()
    const walk = (m: ts.Symbol, prefix: string): void => {
      if (seen.has(m)) return
      seen.add(m)
      for (const exported of checker.getExportsOfModule(m)) {
        const target = resolve(exported)
        const name = `${prefix}${exported.name}`
        if (isModule(target)) walk(target, `${name}.`)
        else names.set(target, [...(names.get(target) ?? []), name])
      }
    }
    walk(module, "")
    out.set(entry, [...names].map(([symbol, n]) => ({ names: n.sort(), declarations: symbol.declarations ?? [] })))
  }
  return out
}
