/**
 * The pieces every journal store shares, whatever it keeps entries in: checking a commit request,
 * building the entries a commit writes and their stored form, decoding stored entries (upcast,
 * then decoded), and reading a store's options. The memory and file stores use them through the
 * core (`core.ts`); the PostgreSQL store, which checks revisions and keys in the database, uses
 * them directly. `StoreKit.ts` is their public face for the package's other folders, and declares their types.
 */
import { Effect, Result, Schema } from "effect"
import { clipText } from "../../model/DecodeError.js"
import { decodeParsedJson, guardOf } from "../../model/FastDecode.js"
import type { AnyRecord, Vocabulary } from "../../model/Vocabulary.js"
import { builtIn, VocabularyError } from "../../model/Vocabulary.js"
import type { Append, CommitRequest, Entry, StoredBody } from "../Entry.js"
import { StoredEntry, StreamRef, streamKey } from "../Entry.js"
import { InvalidCommitError, type JournalCorruptionError, type JournalStoreError } from "../errors.js"
import { makeUpcasterUnsafe, MigrationError, type Upcaster } from "../Upcast.js"
import type { JournalOptions } from "../Journal.js"
import type { BodyToStore, Checked, Persistence, Placement } from "../StoreKit.js"

// The types a store author meets are declared in `StoreKit.ts`, the public face of this module.
export type { BodyToStore, Checked, JournalOptions, Persistence, Placement } from "../StoreKit.js"

/** A `load` over entries already in memory. */
export const loadAll = (stored: ReadonlyArray<StoredEntry>): Persistence["load"] => (add) =>
  Effect.suspend(() => {
    for (const s of stored) {
      const error = add(s)
      if (error !== undefined) return Effect.fail(error)
    }
    return Effect.void
  })

const isoInstant = /^-?\d{4,6}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/

/** Parses a stored record time; only the form stores write (Date#toISOString), else NaN. */
export const parseInstant = (iso: string): number =>
  // Date.parse would read other forms in the machine's own time zone.
  isoInstant.test(iso) ? Date.parse(iso) : Number.NaN

/**
 * Decodes one stored entry: upcasts its body and decodes the record. `recordedAt` is the entry's
 * record time already parsed (the entries of a commit share one, so callers parse it once);
 * `parsed` says the entry came straight from `JSON.parse` (a file line), which lets the record's
 * check skip what only other values can fail, unless a migration has rebuilt the record.
 */
export const decodeStored = (
  stored: StoredEntry,
  upcaster: Upcaster,
  vocabulary: Vocabulary,
  recordedAt: number = parseInstant(stored.recordedAt),
  parsed = false
): Result.Result<Entry, string> => {
  if (!Number.isFinite(recordedAt)) return Result.fail(`recordedAt "${clipText(String(stored.recordedAt))}" is not a UTC instant such as 2023-04-12T10:00:00.000Z`)
  const body = stored.body
  let decodedBody: Entry["body"]
  if (body._tag === "retraction") {
    decodedBody = body
  } else {
    let json: unknown = body.record
    let asParsed = parsed
    // Without migrations every body is at version 1: nothing to lift.
    if (!(upcaster.identity && body.schemaVersion === 1)) {
      const lifted = upcaster.upcast(stored.stream.type, body.schemaVersion, body.record)
      if (!lifted.ok) return Result.fail(lifted.reason)
      // A migration may have built (or changed) the record: check it as any value.
      asParsed = false
      json = lifted.record
    }
    const decoded = asParsed ? decodeParsedJson(vocabulary, json) : vocabulary.decode(json)
    if (Result.isFailure(decoded)) return Result.fail(`the record does not decode:\n${decoded.failure.message}`)
    const record = decoded.success
    if (record.type !== stored.stream.type || record.id !== stored.stream.id) {
      return Result.fail(`the record ${record.type}/${record.id} does not belong to stream ${streamKey(stored.stream)}`)
    }
    decodedBody = { _tag: "revision", record }
  }
  // Built as one literal, optional fields set only when present (exact optional types).
  const entry: { -readonly [K in keyof Entry]: Entry[K] } = {
    position: stored.position,
    stream: stored.stream,
    revision: stored.revision,
    recordedAt,
    idempotencyKey: stored.idempotencyKey,
    body: decodedBody
  }
  if (stored.author !== undefined) entry.author = stored.author
  if (stored.reason !== undefined) entry.reason = stored.reason
  return Result.succeed(freezeEntry(entry))
}

const isStreamRef = Schema.is(StreamRef)

/** A string as it is, anything else as its JSON (see `safeJson`). */
const textOf = (u: unknown): string => (typeof u === "string" ? u : safeJson(u))

/** JSON of a stored value for a message, or its type when it has none (a cycle, a bigint). */
export const safeJson = (u: unknown): string => {
  try {
    return JSON.stringify(u) ?? typeof u
  } catch {
    return typeof u
  }
}

/**
 * Freezes an entry, its stream and its body (the record in it is frozen by the decoder): readers
 * share entries, so none may change what the others read.
 */
export const freezeEntry = (entry: Entry): Entry => {
  Object.freeze(entry.stream)
  Object.freeze(entry.body)
  return Object.freeze(entry)
}

/** Checks a commit request before anything is written, and gives each append checked. */
export const validate = (
  request: CommitRequest,
  vocabulary: Vocabulary
): Result.Result<ReadonlyArray<Checked>, InvalidCommitError> => {
  const invalid = (reason: string, append?: number) =>
    Result.fail(new InvalidCommitError(append === undefined ? { reason } : { append, reason }))
  if (typeof request.idempotencyKey !== "string" || request.idempotencyKey.length === 0) {
    return invalid("a commit needs a non-empty idempotency key")
  }
  if (!Array.isArray(request.appends) || request.appends.length === 0) return invalid("a commit needs at least one append")
  const seen = new Set<string>()
  const checked: Array<Checked> = []
  for (let i = 0; i < request.appends.length; i++) {
    const a = request.appends[i]!
    const e = a.expected
    if (!(e === "none" || e === "any" || (Number.isInteger(e) && e >= 1))) {
      return invalid(`expected revision must be "none", "any" or an integer >= 1, got ${String(e)}`, i)
    }
    if (a._tag === "retraction") {
      if (!isStreamRef(a.stream)) return invalid(`${clipText(safeJson(a.stream), 200)} is not a stream ({ type, id })`, i)
      if (typeof a.reason !== "string" || a.reason.trim() === "") return invalid("a retraction needs a reason", i)
      // A copy: the caller keeps its stream object and may change it later.
      const stream = Object.freeze({ type: a.stream.type, id: a.stream.id })
      checked.push({ stream, key: streamKey(stream) })
    } else {
      // A record is typed, but may come from an unchecked cast: check it again. The decoder gives
      // a deeply frozen record that shares nothing with the caller's value (a record it decoded
      // before comes back as it is), so the journal never keeps an object the caller can change.
      // Anything else is checked through its encoding,
      // so that memory holds exactly what a store writes.
      let record: AnyRecord | undefined
      let encoded: unknown
      let problem: string | undefined
      try {
        const direct = vocabulary.decode(a.record)
        if (Result.isSuccess(direct)) {
          record = direct.success
          encoded = vocabulary.encode(record)
        } else {
          encoded = vocabulary.encode(a.record)
          const r = vocabulary.decode(encoded)
          if (Result.isFailure(r)) problem = r.failure.message
          else record = r.success
        }
      } catch (err) {
        problem = err instanceof Error ? err.message : String(err)
      }
      if (record === undefined) {
        return invalid(`invalid record ${clipText(textOf(a.record?.type))}/${clipText(textOf(a.record?.id))}:\n${problem ?? "not a record"}`, i)
      }
      const stream = Object.freeze({ type: record.type, id: record.id })
      checked.push({ stream, key: streamKey(stream), revision: { record, encoded } })
    }
    const key = checked[i]!.key
    if (seen.has(key)) return invalid(`stream ${key} appears twice in one commit`, i)
    seen.add(key)
  }
  return Result.succeed(checked)
}

/**
 * The vocabulary and the upcaster of a store's options, checked: migrations written wrongly are a
 * `MigrationError`, a `vocabulary` that is not one a `VocabularyError` — typed failures of the
 * layer, not defects.
 */
export const settingsOf = (options: JournalOptions | null | undefined): Effect.Effect<
  { readonly vocabulary: Vocabulary; readonly upcaster: Upcaster },
  MigrationError | VocabularyError
> =>
  Effect.suspend((): Effect.Effect<{ readonly vocabulary: Vocabulary; readonly upcaster: Upcaster }, MigrationError | VocabularyError> => {
    const given = options?.vocabulary
    if (given !== undefined && (typeof given !== "object" || given === null || typeof given.decode !== "function")) {
      return Effect.fail(new VocabularyError({ reason: "the vocabulary option is not a vocabulary: make one with Vocabulary.makeUnsafe([...your kinds])" }))
    }
    const migrations = options?.migrations
    if (migrations !== undefined && !Array.isArray(migrations)) {
      return Effect.fail(new MigrationError({ reason: "the migrations option must be an array of migrations ({ type, kind?, from, up })" }))
    }
    try {
      return Effect.succeed({ vocabulary: given ?? builtIn, upcaster: makeUpcasterUnsafe(migrations) })
    } catch (e) {
      return Effect.fail(
        e instanceof MigrationError
          ? e
          : new MigrationError({ reason: "a migration could not be read: each is { type, kind?, from, up } with from an integer >= 1 and up a function" })
      )
    }
  })


/**
 * A check that a value is certainly a `StoredEntry`; `false` means it is not one, or holds
 * something only the schema can judge (stores treat both as corruption).
 */
export const isStoredEntry = guardOf(StoredEntry)

/** The first position a read asks for: `from` (1-based, rounded down), 1 when absent or not a number. */
export const startOf = (options?: { readonly from?: number }): number => {
  const f = options?.from
  return typeof f === "number" && Number.isFinite(f) ? Math.max(1, Math.floor(f)) : 1
}

/**
 * The entry a commit writes for its append `i` (checked by `validate`), frozen: the commit's key
 * and author, the append's reason (else the commit's), the record as checked or the retraction.
 */
export const entryOf = (request: CommitRequest, i: number, checked: Checked, at: Placement): Entry => {
  const a: Append = request.appends[i]!
  const reason = a.reason ?? request.reason
  // Built as one literal, optional fields set only when present (exact optional types).
  const entry: { -readonly [K in keyof Entry]: Entry[K] } = {
    position: at.position,
    stream: checked.stream,
    revision: at.revision,
    recordedAt: at.recordedAt,
    idempotencyKey: request.idempotencyKey,
    body: a._tag === "retraction" ? { _tag: "retraction", reason: a.reason } : { _tag: "revision", record: checked.revision!.record }
  }
  if (request.author !== undefined) entry.author = request.author
  if (reason !== undefined) entry.reason = reason
  return freezeEntry(entry)
}

/** The stored body of a revision (its encoded record, at the current schema version) or a retraction. */
export const storedBody = (upcaster: Upcaster, body: BodyToStore): StoredBody =>
  body._tag === "retraction"
    ? { _tag: "retraction", reason: body.reason }
    : {
      _tag: "revision",
      schemaVersion: upcaster.identity ? 1 : upcaster.currentVersion(body.record.type, body.record.type === "event" ? body.record.kind : undefined),
      record: body.encoded
    }

/** The body a commit stores for its append `i` (checked by `validate`). */
export const storedBodyOf = (upcaster: Upcaster, request: CommitRequest, i: number, checked: Checked): StoredBody => {
  const a = request.appends[i]!
  return a._tag === "retraction"
    ? storedBody(upcaster, { _tag: "retraction", reason: a.reason })
    : storedBody(upcaster, { _tag: "revision", ...checked.revision! })
}

/**
 * An entry as stores keep it, with its record time as `recordedAt` (an ISO instant) and its body
 * as stored. Fields in the order journal files have always had them: the entry's, then the
 * record time, then the body.
 */
export const storedOf = (entry: Entry, recordedAt: string, body: StoredBody): StoredEntry => {
  const row: { -readonly [K in keyof StoredEntry]?: StoredEntry[K] } = {
    position: entry.position,
    stream: entry.stream,
    revision: entry.revision,
    idempotencyKey: entry.idempotencyKey
  }
  if (entry.author !== undefined) row.author = entry.author
  if (entry.reason !== undefined) row.reason = entry.reason
  row.recordedAt = recordedAt
  row.body = body
  return row as StoredEntry
}
