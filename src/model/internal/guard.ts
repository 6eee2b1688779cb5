import type { SchemaAST } from "effect"
import type { Guard } from "../FastDecode.js"

// The type is declared in the module that publishes it to the package's other folders.
export type { Guard } from "../FastDecode.js"

/**
 * What a guard may assume of its input: `"any"` value, or a value straight from `JSON.parse`,
 * which has only plain objects, dense arrays and no symbol keys, so those checks are skipped.
 */
export type Source = "any" | "json"

const options: SchemaAST.ParseOptions = { errors: "all", onExcessProperty: "error" }

const never: Guard = () => false

const withChecks = (ast: SchemaAST.AST, base: Guard): Guard => {
  const checks = ast.checks
  if (checks === undefined) return base
  const flat: Array<SchemaAST.Filter<unknown>> = []
  const collect = (c: SchemaAST.Check<unknown>): void => {
    if (c._tag === "Filter") flat.push(c)
    else c.checks.forEach(collect)
  }
  checks.forEach(collect)
  return (u) => {
    if (!base(u)) return false
    for (let i = 0; i < flat.length; i++) if (flat[i]!.run(u, ast, options) !== undefined) return false
    return true
  }
}

const isPlainObject = (u: unknown): u is Record<string, unknown> => {
  if (typeof u !== "object" || u === null || Array.isArray(u)) return false
  const proto = Object.getPrototypeOf(u)
  return proto === Object.prototype
}

const isJsonObject = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null && !Array.isArray(u)

const compileObjects = (ast: SchemaAST.Objects, source: Source): Guard => {
  if (ast.indexSignatures.length > 0) return never
  const fields = new Map<string, { readonly guard: Guard; readonly required: boolean }>()
  let requiredCount = 0
  for (const ps of ast.propertySignatures) {
    if (typeof ps.name !== "string") return never
    const required = ps.type.context?.isOptional !== true
    if (required) requiredCount++
    fields.set(ps.name, { guard: compile(ps.type, source), required })
  }
  if (source === "json") {
    return (u) => {
      if (!isJsonObject(u)) return false
      let required = 0
      for (const key in u) {
        const field = fields.get(key)
        if (field === undefined || !field.guard(u[key])) return false
        if (field.required) required++
      }
      return required === requiredCount
    }
  }
  // One pass over the keys the value has (the prototype is Object.prototype, which has no
  // enumerable keys): an unknown key fails, as the decoders treat excess keys as errors so that a
  // misspelt field never vanishes; then every required field must have been seen.
  return (u) => {
    if (!isPlainObject(u)) return false
    let required = 0
    for (const key in u) {
      const field = fields.get(key)
      if (field === undefined || !field.guard(u[key])) return false
      if (field.required) required++
    }
    return required === requiredCount && Object.getOwnPropertySymbols(u).length === 0
  }
}

const compileArrays = (ast: SchemaAST.Arrays, source: Source): Guard => {
  if (ast.elements.length !== 0 || ast.rest.length !== 1) return never
  const item = compile(ast.rest[0]!, source)
  if (source === "json") {
    return (u) => {
      if (!Array.isArray(u)) return false
      for (let i = 0; i < u.length; i++) if (!item(u[i])) return false
      return true
    }
  }
  return (u) => {
    if (!Array.isArray(u)) return false
    for (let i = 0; i < u.length; i++) {
      if (!(i in u) || !item(u[i])) return false
    }
    return true
  }
}

/**
 * The name of a property whose literal value tells the members of a union apart (`kind` for
 * counts, `type` and `kind` for records), if there is one.
 */
const discriminator = (types: ReadonlyArray<SchemaAST.AST>): string | undefined => {
  const first = types[0]
  if (first === undefined || first._tag !== "Objects") return undefined
  for (const ps of first.propertySignatures) {
    if (typeof ps.name !== "string") continue
    const seen = new Set<unknown>()
    const ok = types.every((t) => {
      if (t._tag !== "Objects" || t.encoding !== undefined) return false
      const p = t.propertySignatures.find((q) => q.name === ps.name)
      if (p === undefined || p.type._tag !== "Literal" || p.type.context?.isOptional === true) return false
      if (seen.has(p.type.literal)) return false
      seen.add(p.type.literal)
      return true
    })
    if (ok) return ps.name
  }
  return undefined
}

const compileUnion = (ast: SchemaAST.Union, source: Source): Guard => {
  if (ast.options?.mode === "oneOf") return never
  const members = ast.types.map((t) => compile(t, source))
  const key = discriminator(ast.types)
  if (key !== undefined) {
    // Only the member whose literal matches can accept the value.
    const byLiteral = new Map<unknown, Guard>()
    ast.types.forEach((t, i) => {
      const p = (t as SchemaAST.Objects).propertySignatures.find((q) => q.name === key)!
      byLiteral.set((p.type as SchemaAST.Literal).literal, members[i]!)
    })
    const isObject = source === "json" ? isJsonObject : isPlainObject
    return (u) => {
      if (!isObject(u)) return false
      const member = byLiteral.get(u[key])
      return member !== undefined && member(u)
    }
  }
  return (u) => {
    for (let i = 0; i < members.length; i++) if (members[i]!(u)) return true
    return false
  }
}

const compileBase = (ast: SchemaAST.AST, source: Source): Guard => {
  switch (ast._tag) {
    case "String":
      return (u) => typeof u === "string"
    case "Number":
      return (u) => typeof u === "number"
    case "Boolean":
      return (u) => typeof u === "boolean"
    case "Null":
      return (u) => u === null
    case "Unknown":
    case "Any":
      return () => true
    case "Literal": {
      const literal = ast.literal
      return (u) => u === literal
    }
    case "Objects":
      return compileObjects(ast, source)
    case "Arrays":
      return compileArrays(ast, source)
    case "Union":
      return compileUnion(ast, source)
    default:
      return never
  }
}

const caches: { readonly [S in Source]: WeakMap<SchemaAST.AST, Guard> } = { any: new WeakMap(), json: new WeakMap() }

/**
 * Compiles (once per AST node and source) a guard; unsupported nodes compile to "ask the schema".
 * A `"json"` guard is only for values straight from `JSON.parse`.
 */
export const compile = (ast: SchemaAST.AST, source: Source = "any"): Guard => {
  const cache = caches[source]
  let g = cache.get(ast)
  if (g === undefined) {
    g = ast.encoding !== undefined ? never : withChecks(ast, compileBase(ast, source))
    cache.set(ast, g)
  }
  return g
}

const exactness = new WeakMap<SchemaAST.AST, boolean>()

/**
 * Whether the guard of `ast` accepts every value the schema decodes to: no part of it has an
 * encoding, and none is a shape the guards leave to the schema. Such a schema encodes each of its
 * values as the value itself, so a value it has decoded needs no check before it is written.
 */
export const isExact = (ast: SchemaAST.AST): boolean => {
  let exact = exactness.get(ast)
  if (exact === undefined) {
    exact = ast.encoding === undefined && exactBase(ast)
    exactness.set(ast, exact)
  }
  return exact
}

const exactBase = (ast: SchemaAST.AST): boolean => {
  switch (ast._tag) {
    case "String":
    case "Number":
    case "Boolean":
    case "Null":
    case "Unknown":
    case "Any":
    case "Literal":
      return true
    case "Objects":
      return ast.indexSignatures.length === 0 && ast.propertySignatures.every((ps) => typeof ps.name === "string" && isExact(ps.type))
    case "Arrays":
      return ast.elements.length === 0 && ast.rest.length === 1 && isExact(ast.rest[0]!)
    case "Union":
      return ast.options?.mode !== "oneOf" && ast.types.every(isExact)
    default:
      return false
  }
}
