/**
 * Which public declarations lack `@since` or `@category`: every declaration reachable from a
 * package entry whose source file is under one of the checked folders.
 */
import * as path from "node:path"
import ts from "typescript"
import { publicApi } from "../../scripts/lib/publicApi.js"

/** A public declaration without a required tag. */
export interface MissingTag {
  readonly where: string
  readonly name: string
  readonly missing: ReadonlyArray<string>
}

const required = ["since", "category"] as const

const tagsOf = (declaration: ts.Declaration): ReadonlySet<string> => new Set(ts.getJSDocTags(declaration).map((t) => t.tagName.text))

/** The public declarations under `folders` (relative paths; `exclude` lists files left out) that miss a tag. */
export const missingTags = (root: string, folders: ReadonlyArray<string>, exclude: ReadonlyArray<string> = []): ReadonlyArray<MissingTag> => {
  const out = new Map<string, MissingTag>()
  for (const names of publicApi(root).values()) {
    for (const { declarations, names: qualified } of names) {
      // An overloaded function is documented once, on its first signature.
      const documented = declarations.filter((d, i) => !(ts.isFunctionDeclaration(d) && i > 0 && ts.isFunctionDeclaration(declarations[i - 1]!)))
      for (const d of documented) {
        const source = d.getSourceFile()
        const file = path.relative(root, source.fileName).split(path.sep).join("/")
        if (!folders.some((f) => file.startsWith(`${f}/`)) || exclude.includes(file) || file.includes("/internal/")) continue
        const tags = tagsOf(d)
        const missing = required.filter((t) => !tags.has(t))
        if (missing.length === 0) continue
        const where = `${file}:${source.getLineAndCharacterOfPosition(d.getStart()).line + 1}`
        out.set(where, { where, name: qualified[0]!, missing })
      }
    }
  }
  return [...out.values()].sort((a, b) => a.where.localeCompare(b.where, "en", { numeric: true }))
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [folders = "src/model,src/chronicle", exclude = ""] = process.argv.slice(2)
  const missing = missingTags(path.resolve("."), folders.split(","), exclude.split(",").filter(Boolean))
  for (const m of missing) console.log(`${m.where} ${m.name}: ${m.missing.map((t) => `@${t}`).join(", ")}`)
  console.log(`${missing.length} missing`)
}
