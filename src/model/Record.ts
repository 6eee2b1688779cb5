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
import type { RecordDecodeError } from "./DecodeError.js"
import { Event } from "./Event.js"
import { Link } from "./Link.js"
import { Place } from "./Place.js"
import { Source } from "./Source.js"
import { builtIn } from "./Vocabulary.js"

export { RecordDecodeError, type DecodeIssue, formatIssue, formatPath } from "./DecodeError.js"

/** Any record of the built-in vocabulary, as a schema (discriminated by `type`, then `kind`). */
export const Record = Schema.Union([Event, Actor, Place, Source, Link]).annotate({
  identifier: "Record",
  title: "protest-chronicle record"
})
/** @since 0.1.0 */
export type Record = typeof Record.Type
/** The JSON form of a record. */
export type Encoded = typeof Record.Encoded

/** The record types: `event`, `actor`, `place`, `source`, `link`. */
export type RecordType = Record["type"]

const narrow = <A>(r: Result.Result<unknown, RecordDecodeError>) => r as Result.Result<A, RecordDecodeError>

/** Decodes one record from an unknown value (parsed JSON, say). Never throws. */
export const decode = (input: unknown): Result.Result<Record, RecordDecodeError> => narrow(builtIn.decode(input))

/** Decodes one record from a JSON string. Never throws. */
export const decodeJson = (json: string): Result.Result<Record, RecordDecodeError> => narrow(builtIn.decodeJson(json))

/**
 * Decodes JSON Lines, one record a line (blank lines skipped). All or nothing: any bad line fails
 * the whole input, with every issue naming its line.
 */
export const decodeJsonl = (text: string): Result.Result<ReadonlyArray<Record>, RecordDecodeError> =>
  narrow(builtIn.decodeJsonl(text))

/**
 * Decodes one record and throws the `RecordDecodeError` on failure. For literals in code and
 * trusted fixtures; use `decode` for data.
 */
export const decodeOrThrow = (input: unknown): Record => {
  const r = decode(input)
  if (Result.isFailure(r)) throw r.failure
  return r.success
}

/** Encodes a record to its JSON form. */
export const encode = (record: Record): Encoded => builtIn.encode(record) as Encoded

/** Encodes a record as one line of JSON. */
export const encodeJson = (record: Record): string => JSON.stringify(encode(record))

/** Encodes records as JSON Lines, one record a line, ending with a newline. */
export const encodeJsonl = (records: Iterable<Record>): string => {
  let out = ""
  for (const r of records) out += encodeJson(r) + "\n"
  return out
}

/**
 * The JSON Schema (draft 2020-12) of the record format, for other languages and for validating
 * files. The same document ships in the package as `protest-chronicle/record.schema.json`.
 *
 * Gotchas: JSON Schema cannot say everything the decoder checks (calendar validity of dates,
 * interval order, time-zone names, cross-field rules); it checks the shape and the syntax.
 */
export const jsonSchema = (): JsonSchema.JsonSchema => builtIn.jsonSchema()

/** Type guards by record type. */
export const isEvent = (r: Record): r is Event => r.type === "event"
/** @since 0.1.0 */
export const isActor = (r: Record): r is Actor => r.type === "actor"
/** @since 0.1.0 */
export const isPlace = (r: Record): r is Place => r.type === "place"
/** @since 0.1.0 */
export const isSource = (r: Record): r is Source => r.type === "source"
/** @since 0.1.0 */
export const isLink = (r: Record): r is Link => r.type === "link"
