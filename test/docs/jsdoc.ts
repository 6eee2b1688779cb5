/**
 * Reads the JSDoc of a module's exports with the TypeScript parser: which export lacks `@since`
 * or `@category`, and the `@example` code blocks. Shared by the doc-tag test and the example test.
 */
import * as fs from "node:fs"
import * as path from "node:path"
import ts from "typescript"

/** One exported declaration of a module, with the JSDoc tags it carries. */
export interface Exported {
  readonly file: string
  readonly name: string
  readonly line: number
  readonly tags: ReadonlySet<string>
}

/**
 * The `.ts` files of `folders` (relative to `root`), internal folders and `exclude` left out, and
 * each folder's own `index.ts` (its public face, re-exports only); an `index.ts` further down,
 * such as a dataset's, is a module like any other.
 */
export const publicModules = (root: string, folders: ReadonlyArray<string>, exclude: ReadonlyArray<string> = []): ReadonlyArray<string> => {
  const out: Array<string> = []
  const visit = (dir: string): void => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = path.posix.join(dir, entry.name)
      if (entry.isDirectory()) {
        if (entry.name !== "internal") visit(rel)
      } else if (entry.name.endsWith(".ts") && !(entry.name === "index.ts" && folders.includes(dir)) && !exclude.includes(rel)) out.push(rel)
    }
  }
  for (const folder of folders) visit(folder)
  return out.sort()
}

const isExported = (node: ts.Node): boolean =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)

const tagsOf = (node: ts.Node): Set<string> => new Set(ts.getJSDocTags(node).map((t) => t.tagName.text))

/** Every declaration `file` exports itself (re-exports are documented where they are declared). */
export const exportsOf = (root: string, file: string): ReadonlyArray<Exported> => {
  const text = fs.readFileSync(path.join(root, file), "utf8")
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
  const out: Array<Exported> = []
  const add = (name: string, node: ts.Node, tagged: ts.Node) =>
    out.push({ file, name, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, tags: tagsOf(tagged) })
  for (const statement of source.statements) {
    if (!isExported(statement)) continue
    if (ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations) add(d.name.getText(source), d, d)
    } else if (
      (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isInterfaceDeclaration(statement) ||
        ts.isTypeAliasDeclaration(statement) || ts.isEnumDeclaration(statement) || ts.isModuleDeclaration(statement)) &&
      statement.name !== undefined
    ) {
      add(statement.name.getText(source), statement, statement)
    }
  }
  return out
}

/** One `@example` block: the module it documents and its code. */
export interface Example {
  readonly file: string
  readonly line: number
  readonly code: string
}

/** The `@example` blocks of a file's JSDoc comments, fenced (```ts) or not. */
export const examplesOf = (root: string, file: string): ReadonlyArray<Example> => {
  const text = fs.readFileSync(path.join(root, file), "utf8")
  const out: Array<Example> = []
  for (const comment of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
    const lines = comment[0].split("\n").map((l) => l.replace(/^\s*\/?\*\*?\/?\s?/, "").replace(/\*\/\s*$/, ""))
    const startLine = text.slice(0, comment.index).split("\n").length
    for (let i = 0; i < lines.length; i++) {
      if (!lines[i]!.startsWith("@example")) continue
      const body: Array<string> = []
      let j = i + 1
      for (; j < lines.length && !/^@\w/.test(lines[j]!); j++) body.push(lines[j]!)
      const code = body.filter((l) => !l.startsWith("```")).join("\n").trim()
      if (code !== "") out.push({ file, line: startLine + i, code })
      i = j - 1
    }
  }
  return out
}
