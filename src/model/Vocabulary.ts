/**
 * Vocabularies: the set of event kinds a chronicle understands. The built-in vocabulary has the
 * thirteen kinds of `Event`; an app adds its own kinds — defined with Schema on top of the common
 * event fields, each with its CAMEO / PLOVER / ACLED mapping — and gets a decoder, an encoder and
 * a JSON Schema that treat them exactly like the built-in ones.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Vocabulary } from "protest-chronicle"
 *
 * const Boycott = Vocabulary.defineKindUnsafe({
 *   kind: "consumer-boycott",
 *   description: "A call to stop buying a company's products.",
 *   fields: { target: Schema.String },
 *   mapping: {
 *     cameo: { code: "143", label: "Conduct strike or boycott" },
 *     plover: { type: "PROTEST", mode: "boycott" },
 *     acled: { eventType: "Protests", subEventType: "Peaceful protest" }
 *   }
 * })
 * const vocabulary = Vocabulary.makeUnsafe([Boycott])
 * vocabulary.decode({
 *   type: "event",
 *   kind: "consumer-boycott",
 *   id: "aqtau-2011-boycott",
 *   title: "Boycott of the company's petrol stations",
 *   when: "2011-07",
 *   where: { place: "aqtau", timeZone: "Asia/Aqtau" },
 *   target: "KazMunayGas",
 *   citations: [{ source: "rferl-2011-07-01" }]
 * }) // Result.succeed(the event, frozen)
 * ```
 *
 * @since 0.1.0
 *
 * @module
 */
import { Data, JsonSchema, Result, Schema } from "effect"
import { Actor } from "./Actor.js"
import { clipText, collectIssues, type DecodeIssue, errorFromSchema, RecordDecodeError } from "./DecodeError.js"
import { type AnyEvent, builtInKindSchemas, type Event, eventFields, mappingOf } from "./Event.js"
import { Link } from "./Link.js"
import type { Mapping } from "./Mapping.js"
import { Place } from "./Place.js"
import { Source } from "./Source.js"
import { compile, type Guard, isExact } from "./internal/guard.js"
import { registerParsedDecoder } from "./internal/parsed.js"
import { referencesOf } from "./internal/references.js"
import { deepFreeze, deepFreezeParsed, snapshot } from "./internal/snapshot.js"

/**
 * The record type an id field names: what `Vocabulary.references` groups a record's ids by.
 *
 * @category models
 * @since 0.1.0
 */
export type ReferenceType = "source" | "place" | "actor" | "event"

/**
 * A vocabulary was defined wrongly (a clashing or malformed kind name). A programming error.
 *
 * @category errors
 * @since 0.1.0
 */
export class VocabularyError extends Data.TaggedError("VocabularyError")<{ readonly reason: string }> {
  override get message(): string {
    return this.reason
  }
}

/**
 * One event kind: its name, its full schema (common fields included) and its mapping.
 *
 * @category models
 * @since 0.1.0
 */
export interface KindDefinition<K extends string = string, S extends Schema.Top = Schema.Top> {
  readonly kind: K
  readonly description: string
  readonly schema: S
  // A method signature, so that a definition of a specific kind is also a `KindDefinition`.
  /** The CAMEO / PLOVER / ACLED mapping of an event of this kind. */
  mapping(event: S["Type"]): Mapping
}

const kindNamePattern = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/

/**
 * Defines an event kind from its own fields. The common event fields (`id`, `title`, `when`,
 * `where`, `citations`, …) are added for you and cannot be redefined. `mapping` is a fixed
 * mapping or a function of the event.
 *
 * Returns a `VocabularyError` when the kind name is not kebab-case or a field clashes with a
 * common field: these are mistakes in code, not in data ({@link defineKindUnsafe} throws it).
 *
 * @category constructors
 * @since 0.1.0
 */
export const defineKind = <const K extends string, const F extends Schema.Struct.Fields>(
  definition: {
    readonly kind: K
    readonly description: string
    readonly fields: F
    readonly mapping: Mapping | ((event: Schema.Struct<typeof eventFields & { readonly kind: Schema.Literal<K> } & F>["Type"]) => Mapping)
  }
): Result.Result<KindDefinition<K, Schema.Struct<typeof eventFields & { readonly kind: Schema.Literal<K> } & F>>, VocabularyError> => attempt(() => defineKindUnsafe<K, F>(definition as never))

const attempt = <A>(build: () => A): Result.Result<A, VocabularyError> => {
  try {
    return Result.succeed(build())
  } catch (e) {
    return Result.fail(e instanceof VocabularyError ? e : new VocabularyError({ reason: `not a kind definition: ${String(e)}` }))
  }
}

/**
 * {@link defineKind} for kinds written in code; throws its `VocabularyError`.
 *
 * @category constructors
 * @since 0.1.0
 */
export const defineKindUnsafe = <const K extends string, const F extends Schema.Struct.Fields>(
  definition: {
    readonly kind: K
    readonly description: string
    readonly fields: F
    readonly mapping: Mapping | ((event: Schema.Struct<typeof eventFields & { readonly kind: Schema.Literal<K> } & F>["Type"]) => Mapping)
  }
): KindDefinition<K, Schema.Struct<typeof eventFields & { readonly kind: Schema.Literal<K> } & F>> => {
  if (!kindNamePattern.test(definition.kind)) {
    throw new VocabularyError({ reason: `kind "${definition.kind}" must be kebab-case (such as "consumer-boycott")` })
  }
  for (const key of Object.keys(definition.fields)) {
    if (key in eventFields || key === "kind") {
      throw new VocabularyError({ reason: `kind "${definition.kind}" cannot redefine the common field "${key}"` })
    }
  }
  const schema = Schema.Struct({ ...eventFields, kind: Schema.Literal(definition.kind), ...definition.fields }).annotate({
    identifier: pascal(definition.kind),
    title: pascal(definition.kind),
    description: definition.description
  })
  const mapping = definition.mapping
  return {
    kind: definition.kind,
    description: definition.description,
    schema: schema as never,
    mapping: (typeof mapping === "function" ? mapping : () => mapping) as never
  }
}

const pascal = (kebab: string): string => kebab.split("-").map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("")

/**
 * The definitions of the built-in kinds.
 *
 * @category constants
 * @since 0.1.0
 */
export const builtInKinds: ReadonlyArray<KindDefinition> = Object.entries(builtInKindSchemas).map(([kind, schema]) => ({
  kind,
  description: String(schema.ast.annotations?.description ?? kind),
  schema: schema as Schema.Top,
  mapping: (event: Event) => mappingOf(event)
}))

const otherRecordSchemas = { actor: Actor, place: Place, source: Source, link: Link } as const
const recordTypes = ["event", ...Object.keys(otherRecordSchemas)] as const

/**
 * The decoded type of any record a vocabulary understands.
 *
 * @category models
 * @since 0.1.0
 */
export type AnyRecord = AnyEvent | Actor | Place | Source | Link

/**
 * A vocabulary: a set of event kinds, with everything needed to read and write their records.
 *
 * @category models
 * @since 0.1.0
 */
export interface Vocabulary {
  /** Every kind, built-in ones first. */
  readonly kinds: ReadonlyArray<KindDefinition>
  /** The definition of a kind, if the vocabulary has it. */
  readonly kind: (name: string) => KindDefinition | undefined
  /** The schema of any event of this vocabulary (a union discriminated by `kind`). */
  readonly Event: Schema.Top
  /** The schema of any record of this vocabulary (discriminated by `type`, then `kind`). */
  readonly Record: Schema.Top
  /** Decodes one record from an unknown value; never throws. */
  readonly decode: (input: unknown) => Result.Result<AnyRecord, RecordDecodeError>
  /** Decodes one record from a JSON string; never throws. */
  readonly decodeJson: (json: string) => Result.Result<AnyRecord, RecordDecodeError>
  /**
   * Decodes JSON Lines (one record per line; blank lines are skipped). All or nothing: on any bad
   * line it fails with every issue of every bad line, each naming its line number.
   */
  readonly decodeJsonl: (text: string) => Result.Result<ReadonlyArray<AnyRecord>, RecordDecodeError>
  /** Encodes a record to a plain JSON value; `undefined` for a value that is not a valid record of this vocabulary. */
  readonly encode: (record: AnyRecord) => unknown
  /** The CAMEO / PLOVER / ACLED mapping of an event of this vocabulary. */
  readonly mapping: (event: AnyEvent) => Mapping | undefined
  /** A standalone JSON Schema (draft 2020-12) document for the records of this vocabulary. */
  readonly jsonSchema: () => JsonSchema.JsonSchema
  /**
   * The ids of other records a record refers to — sources it cites, places, actors and events it
   * names, in any field of its schema — by the record type they name; its own id is left out.
   * Empty for a record of a kind this vocabulary does not have.
   */
  readonly references: (record: AnyRecord) => ReadonlyMap<ReferenceType, ReadonlySet<string>>
}

const issue = (path: ReadonlyArray<PropertyKey>, message: string, line?: number): DecodeIssue =>
  line === undefined ? { path, message } : { line, path, message }

/** A UTF-8 byte-order mark at the start of a text is not part of its first line. */
const stripBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)

const failWith = (issues: ReadonlyArray<DecodeIssue>) => Result.fail(new RecordDecodeError({ issues }))

const describe = (u: unknown): string => {
  if (u === null) return "null"
  if (Array.isArray(u)) return "an array"
  if (typeof u === "string") return JSON.stringify(clipText(u))
  return typeof u === "object" ? "an object" : typeof u === "function" ? "a function" : `${typeof u} ${clipText(String(u))}`
}

/**
 * Makes a vocabulary from the built-in kinds plus `custom` ones, or a `VocabularyError` when two
 * kinds share a name ({@link makeUnsafe} throws it).
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (custom: ReadonlyArray<KindDefinition> = []): Result.Result<Vocabulary, VocabularyError> =>
  attempt(() => makeUnsafe(custom))

/**
 * {@link make} for vocabularies written in code; throws its `VocabularyError`.
 *
 * @category constructors
 * @since 0.1.0
 */
export const makeUnsafe = (custom: ReadonlyArray<KindDefinition> = []): Vocabulary => {
  const kinds = [...builtInKinds, ...custom]
  const byName = new Map<string, KindDefinition>()
  for (const k of kinds) {
    if (byName.has(k.kind)) throw new VocabularyError({ reason: `kind "${k.kind}" is defined twice` })
    byName.set(k.kind, k)
  }
  type Decoder = { readonly guard: Guard; readonly jsonGuard: Guard; readonly decode: (u: unknown) => Result.Result<unknown, Schema.SchemaError> }
  // Keyed by the schema itself, so that a lookup builds no string.
  const decoders = new Map<Schema.Top, Decoder>()
  const decoderOf = (schema: Schema.Top): Decoder => {
    let d = decoders.get(schema)
    if (d === undefined) {
      d = {
        guard: compile(schema.ast),
        jsonGuard: compile(schema.ast, "json"),
        // Unknown keys are errors: a misspelt field must not be dropped without a word.
        decode: Schema.decodeUnknownResult(schema as Schema.Codec<unknown, unknown>, { errors: "all", onExcessProperty: "error" })
      }
      decoders.set(schema, d)
    }
    return d
  }
  const kindList = kinds.map((k) => k.kind).join(", ")
  const eventSchemas = kinds.map((k) => k.schema)
  const EventSchema = Schema.Union(eventSchemas).annotate({ identifier: "Event", title: "Event" })
  const RecordSchema = Schema.Union([...eventSchemas, ...Object.values(otherRecordSchemas)]).annotate({
    identifier: "Record",
    title: "protest-chronicle record",
    description: "An event, actor, place, source or link record of protest-chronicle."
  })

  // Every record this vocabulary has decoded: deeply frozen and valid, so decoding one again is
  // returning it (a journal checks each record it is given, often one decoded just before).
  const decoded = new WeakSet<object>()

  /**
   * `parsed`: the input came straight from JSON.parse, so nobody else holds it and it is frozen in
   * place; any other input is first copied (see `snapshot`), so that the record never shares an
   * object with the caller's value.
   */
  const decodeAt = (input: unknown, line?: number, parsed = false): Result.Result<AnyRecord, RecordDecodeError> => {
    if (typeof input !== "object" || input === null || Array.isArray(input)) {
      return failWith([issue([], `expected a record (a JSON object), got ${describe(input)}`, line)])
    }
    if (decoded.has(input)) return Result.succeed(input as AnyRecord)
    let value: object = input
    if (!parsed) {
      const copy = snapshot(input)
      if ("problem" in copy) return failWith([issue(copy.problem.path, copy.problem.message, line)])
      value = copy.value as object
    }
    try {
      const type = (value as { readonly type?: unknown }).type
      let schema: Schema.Top
      if (type === "event") {
        const kind = (value as { readonly kind?: unknown }).kind
        const def = typeof kind === "string" ? byName.get(kind) : undefined
        if (def === undefined) {
          return failWith([issue(["kind"], `${kind === undefined ? "missing" : describe(kind) + " is not"} an event kind of this vocabulary (${kindList})`, line)])
        }
        schema = def.schema
      } else if (typeof type === "string" && Object.hasOwn(otherRecordSchemas, type)) {
        schema = otherRecordSchemas[type as keyof typeof otherRecordSchemas]
      } else {
        return failWith([issue(["type"], `${type === undefined ? "missing" : describe(type) + " is not"} a record type (${recordTypes.join(", ")})`, line)])
      }
      const decoder = decoderOf(schema)
      let record: AnyRecord
      // The guard accepts only values the schema would decode to themselves; anything else goes
      // through the schema, which names every issue.
      if ((parsed ? decoder.jsonGuard : decoder.guard)(value)) record = value as AnyRecord
      else {
        const r = decoder.decode(value)
        if (Result.isFailure(r)) return Result.fail(errorFromSchema(r.failure.issue, line))
        record = r.success as AnyRecord
      }
      // Values from JSON.parse are frozen in place; they are not remembered (the readers of files
      // decode millions of them, and a record from a file is rarely handed back to decode).
      if (parsed) deepFreezeParsed(record)
      else {
        deepFreeze(record)
        decoded.add(record)
      }
      return Result.succeed(record)
    } catch (e) {
      return failWith([issue([], `could not be read: ${clipText(e instanceof Error ? e.message : String(e))}`, line)])
    }
  }

  const parseJson = (json: string, line?: number): Result.Result<unknown, RecordDecodeError> => {
    try {
      return Result.succeed(JSON.parse(json))
    } catch (e) {
      return failWith([issue([], `not valid JSON (${clipText(e instanceof Error ? e.message : String(e))})`, line)])
    }
  }

  const decodeLine = (json: string, line?: number) => Result.flatMap(parseJson(json, line), (u) => decodeAt(u, line, true))

  const notText = (what: string, input: unknown) => failWith([issue([], `expected ${what} as a string, got ${describe(input)}`)])

  const encoders = new Map<string, { readonly guard: Guard; readonly exact: boolean; readonly encode: (a: unknown) => unknown }>()
  const encode = (record: AnyRecord): unknown => {
    // A record this vocabulary decoded is valid; anything else is checked first.
    if (!decoded.has(record)) {
      const valid = decodeAt(record)
      if (Result.isFailure(valid)) return undefined
      record = valid.success
    }
    const key = record.type === "event" ? `event:${(record as AnyEvent).kind}` : record.type
    let e = encoders.get(key)
    if (e === undefined) {
      const schema = record.type === "event" ? byName.get((record as AnyEvent).kind)?.schema : otherRecordSchemas[record.type as keyof typeof otherRecordSchemas]
      if (schema === undefined) throw new VocabularyError({ reason: `kind "${(record as AnyEvent).kind}" is not in this vocabulary` })
      e = { guard: compile(schema.ast), exact: isExact(schema.ast), encode: Schema.encodeSync(schema as Schema.Codec<unknown, unknown>, { onExcessProperty: "error" }) }
      encoders.set(key, e)
    }
    // A value the guard accepts is its own encoding (the schema has no transformations); the
    // record is decoded by now, so when the guard accepts every valid value it needs no walk.
    if (e.exact || e.guard(record)) return record
    try {
      return e.encode(record)
    } catch {
      return undefined
    }
  }

  const vocabulary: Vocabulary = {
    kinds,
    kind: (name) => byName.get(name),
    Event: EventSchema,
    Record: RecordSchema,
    decode: (input) => decodeAt(input),
    decodeJson: (json) => (typeof json !== "string" ? notText("JSON text", json) : decodeLine(stripBom(json))),
    decodeJsonl: (text) => {
      if (typeof text !== "string") return notText("JSON Lines text", text)
      const records: Array<AnyRecord> = []
      const issues = collectIssues()
      const lines = stripBom(text).split("\n")
      for (let i = 0; i < lines.length; i++) {
        const raw = lines[i]!
        if (raw.trim() === "") continue
        const r = decodeLine(raw, i + 1)
        if (Result.isSuccess(r)) records.push(r.success)
        else issues.add(r.failure)
      }
      return issues.total === 0 ? Result.succeed(records) : Result.fail(issues.error())
    },
    encode,
    mapping: (event) => {
      const def = byName.get(event.kind)
      return def === undefined ? undefined : def.mapping(event)
    },
    references: (record) => {
      const schema = record?.type === "event"
        ? byName.get((record as AnyEvent).kind)?.schema
        : typeof record?.type === "string" && Object.hasOwn(otherRecordSchemas, record.type)
        ? otherRecordSchemas[record.type as keyof typeof otherRecordSchemas]
        : undefined
      if (schema === undefined) return new Map()
      const found = referencesOf(schema.ast, record)
      const own = found.get(record.type as ReferenceType)
      own?.delete(record.id)
      if (own?.size === 0) found.delete(record.type as ReferenceType)
      return found
    },
    jsonSchema: () => {
      const doc = Schema.toJsonSchemaDocument(RecordSchema, { onExcessProperty: "error", generateDescriptions: true })
      return {
        $schema: JsonSchema.META_SCHEMA_URI_DRAFT_2020_12,
        $id: "urn:protest-chronicle:record",
        ...doc.schema,
        $defs: doc.definitions
      } as JsonSchema.JsonSchema
    }
  }
  registerParsedDecoder(vocabulary, (parsed) => decodeAt(parsed, undefined, true))
  return vocabulary
}

/**
 * The built-in vocabulary: the thirteen kinds of `Event`.
 *
 * @category constants
 * @since 0.1.0
 */
export const builtIn: Vocabulary = makeUnsafe()
