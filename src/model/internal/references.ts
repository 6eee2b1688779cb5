/**
 * The ids a record refers to, found from its schema: every field whose schema is a `SourceId`,
 * `PlaceId`, `ActorId` or `EventId` (in citations, claims, disputes, places, parents, …),
 * however deep, in built-in and custom kinds alike. A reader is compiled once per schema.
 *
 * @internal
 */
import type { SchemaAST } from "effect"
import type { ReferenceType } from "../Vocabulary.js"

/** The kinds of record an id can name, as the `Id` module's schemas are titled. */
const titles: { readonly [title: string]: ReferenceType } = { SourceId: "source", PlaceId: "place", ActorId: "actor", EventId: "event" }

/** Calls `found` with each referenced id of a value and the record type it names. */
type Reader = (value: unknown, found: (type: ReferenceType, id: string) => void) => void

const none: Reader = () => {}

const titleOf = (ast: SchemaAST.AST): string | undefined => {
  const last = ast.checks?.at(-1)
  const title = (last?.annotations ?? ast.annotations)?.["title"]
  return typeof title === "string" ? title : undefined
}

const cache = new WeakMap<SchemaAST.AST, Reader>()

const compile = (ast: SchemaAST.AST): Reader => {
  const known = cache.get(ast)
  if (known !== undefined) return known
  // Recursive schemas (Suspend) read through a reader that is filled in once compiled.
  let reader: Reader = none
  cache.set(ast, (v, f) => reader(v, f))
  reader = build(ast)
  cache.set(ast, reader)
  return reader
}

const build = (ast: SchemaAST.AST): Reader => {
  switch (ast._tag) {
    case "String": {
      const title = titleOf(ast)
      if (title === undefined || !Object.hasOwn(titles, title)) return none
      const type = titles[title]!
      return (v, found) => {
        if (typeof v === "string") found(type, v)
      }
    }
    case "Objects": {
      const fields = ast.propertySignatures
        .filter((ps) => typeof ps.name === "string")
        .map((ps) => ({ name: ps.name as string, read: compile(ps.type) }))
        .filter((f) => f.read !== none)
      if (fields.length === 0) return none
      return (v, found) => {
        if (typeof v !== "object" || v === null) return
        for (const f of fields) f.read((v as Record<string, unknown>)[f.name], found)
      }
    }
    case "Arrays": {
      const items = [...ast.elements, ...ast.rest].map(compile)
      if (items.every((r) => r === none)) return none
      return (v, found) => {
        if (!Array.isArray(v)) return
        for (let i = 0; i < v.length; i++) {
          const read = i < ast.elements.length ? items[i]! : items[items.length - 1]!
          read(v[i], found)
        }
      }
    }
    case "Union": {
      const members = ast.types.map(compile).filter((r) => r !== none)
      if (members.length === 0) return none
      // Members that share a field both report it: ids are collected into sets by the caller.
      return (v, found) => {
        for (const m of members) m(v, found)
      }
    }
    case "Suspend":
      return (v, found) => compile(ast.thunk())(v, found)
    default:
      return none
  }
}

/** The ids a decoded value of the schema `ast` refers to, by the record type they name. */
export const referencesOf = (ast: SchemaAST.AST, value: unknown): Map<ReferenceType, Set<string>> => {
  const out = new Map<ReferenceType, Set<string>>()
  compile(ast)(value, (type, id) => {
    let ids = out.get(type)
    if (ids === undefined) out.set(type, (ids = new Set()))
    ids.add(id)
  })
  return out
}
