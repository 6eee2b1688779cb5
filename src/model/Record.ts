/**
 * Records: the five kinds of record a chronicle holds — events, actors, places, sources and links
 * — and the functions that read and write them with the built-in vocabulary. Decoding never
 * throws: bad input is a `RecordDecodeError` naming the path (and line) of every bad field.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Record } from "protest-chronicle"
 *
 * const r = Record.decode({ type: "event", kind: "rally", when: "2011-13-40" })
 * if (Result.isFailure(r)) console.log(r.failure.message)
 * // at ["id"]: Missing key
 * // at ["when"]: "2011-13-40" is not an EDTF date: ...
 * ```
 *
 * @since 0.1.0
 *
 * @module
 */
import { type JsonSchema, Result, Schema } from "effect"
import { Actor } from "./Actor.js"
import { collectIssues, RecordDecodeError } from "./DecodeError.js"
import { Event } from "./Event.js"
import { Link } from "./Link.js"
import { Place } from "./Place.js"
import { Source } from "./Source.js"
import { builtIn } from "./Vocabulary.js"

export { RecordDecodeError, type DecodeIssue } from "./DecodeError.js"

/**
 * Any record of the built-in vocabulary, as a schema (discriminated by `type`, then `kind`).
 *
 * @category schemas
 * @since 0.1.0
 */
export const Record = Schema.Union([Event, Actor, Place, Source, Link]).annotate({
  identifier: "Record",
  title: "protest-chronicle record"
})
/**
 * @since 0.1.0
 * @category models
 */
export type Record = typeof Record.Type
/**
 * The JSON form of a record.
 *
 * @category models
 * @since 0.1.0
 */
export type Encoded = typeof Record.Encoded

/**
 * The record types: `event`, `actor`, `place`, `source`, `link`.
 *
 * @category models
 * @since 0.1.0
 */
export type RecordType = Record["type"]

const narrow = <A>(r: Result.Result<unknown, RecordDecodeError>) => r as Result.Result<A, RecordDecodeError>

/**
 * Decodes one record from an unknown value (parsed JSON, say). Never throws.
 *
 * @category decoding
 * @since 0.1.0
 */
export const decode = (input: unknown): Result.Result<Record, RecordDecodeError> => narrow(builtIn.decode(input))

/**
 * Decodes one record from a JSON string. Never throws.
 *
 * @category decoding
 * @since 0.1.0
 */
export const decodeJson = (json: string): Result.Result<Record, RecordDecodeError> => narrow(builtIn.decodeJson(json))

/**
 * Decodes JSON Lines, one record a line (blank lines skipped). All or nothing: any bad line fails
 * the whole input, with every issue naming its line.
 *
 * @category decoding
 * @since 0.1.0
 */
export const decodeJsonl = (text: string): Result.Result<ReadonlyArray<Record>, RecordDecodeError> =>
  narrow(builtIn.decodeJsonl(text))

/**
 * Decodes one record and throws the `RecordDecodeError` on failure. For literals in code and
 * trusted fixtures; use `decode` for data.
 *
 * @category decoding
 * @since 0.1.0
 */
export const decodeUnsafe = (input: unknown): Record => {
  const r = decode(input)
  if (Result.isFailure(r)) throw r.failure
  return r.success
}

/**
 * Encodes a record to its JSON form. The record is checked first (a record this library decoded
 * is known good), so that what is encoded always decodes again: a value that is not a valid
 * record is a `RecordDecodeError`, never output.
 *
 * @category encoding
 * @since 0.1.0
 */
export const encode = (record: Record): Result.Result<Encoded, RecordDecodeError> =>
  Result.map(builtIn.decode(record), (valid) => builtIn.encode(valid) as Encoded)

/**
 * Encodes a record as one line of JSON; see {@link encode}.
 *
 * @category encoding
 * @since 0.1.0
 */
export const encodeJson = (record: Record): Result.Result<string, RecordDecodeError> => Result.map(encode(record), (e) => JSON.stringify(e))

/**
 * Encodes records as JSON Lines, one record a line, ending with a newline. All or nothing: any
 * invalid record fails the whole output, each issue naming its line.
 *
 * @category encoding
 * @since 0.1.0
 */
export const encodeJsonl = (records: Iterable<Record>): Result.Result<string, RecordDecodeError> => {
  if (typeof (records as { [Symbol.iterator]?: unknown } | null | undefined)?.[Symbol.iterator] !== "function" || typeof records === "string") {
    return Result.fail(new RecordDecodeError({ issues: [{ path: [], message: "expected records (an array or another iterable of records)" }] }))
  }
  let out = ""
  const issues = collectIssues()
  let line = 0
  for (const r of records) {
    line++
    const e = encodeJson(r)
    if (Result.isSuccess(e)) out += e.success + "\n"
    else issues.add(new RecordDecodeError({ issues: e.failure.issues.map((i) => ({ ...i, line })), ...(e.failure.total === undefined ? {} : { total: e.failure.total }) }))
  }
  return issues.total === 0 ? Result.succeed(out) : Result.fail(issues.error())
}

/**
 * The JSON Schema (draft 2020-12) of the record format, for other languages and for validating
 * files. The same document ships in the package as `protest-chronicle/record.schema.json`.
 *
 * Gotchas: JSON Schema cannot say everything the decoder checks (calendar validity of dates,
 * interval order, time-zone names, cross-field rules); it checks the shape and the syntax.
 *
 * @category encoding
 * @since 0.1.0
 */
export const jsonSchema = (): JsonSchema.JsonSchema => builtIn.jsonSchema()

const typeOf = (r: unknown): unknown => (typeof r === "object" && r !== null ? (r as { readonly type?: unknown }).type : undefined)

/**
 * Type guards by record type (false for anything that is not an object).
 *
 * @category guards
 * @since 0.1.0
 */
export const isEvent = (r: Record): r is Event => typeOf(r) === "event"
/**
 * @since 0.1.0
 * @category guards
 */
export const isActor = (r: Record): r is Actor => typeOf(r) === "actor"
/**
 * @since 0.1.0
 * @category guards
 */
export const isPlace = (r: Record): r is Place => typeOf(r) === "place"
/**
 * @since 0.1.0
 * @category guards
 */
export const isSource = (r: Record): r is Source => typeOf(r) === "source"
/**
 * @since 0.1.0
 * @category guards
 */
export const isLink = (r: Record): r is Link => typeOf(r) === "link"
