/**
 * The logic every journal store shares: validation, expected revisions, idempotency, record time,
 * upcasting and decoding, reads and the live tail. A store supplies only persistence: the entries
 * it held when opened, and a durable, all-or-nothing `append`.
 */
import { Cause, Effect, Option, PubSub, Result, Schema, Semaphore, Stream } from "effect"
import type { AnyRecord, Vocabulary } from "../../model/Vocabulary.js"
import { builtIn, VocabularyError } from "../../model/Vocabulary.js"
import { clipText } from "../../model/DecodeError.js"
import type { CommitRequest, CommitResult, Entry } from "../Entry.js"
import { StoredEntry, StreamRef, streamKey } from "../Entry.js"
import { compile } from "../../model/internal/guard.js"
import { decodeParsed } from "../../model/internal/parsed.js"
import { type CommitError, ConflictError, InvalidCommitError, JournalCorruptionError, JournalStoreError } from "../errors.js"
import type { JournalShape } from "../Journal.js"
import { makeUpcasterUnsafe, type Migration, MigrationError, type Upcaster } from "../Upcast.js"

import type { JournalOptions } from "../Journal.js"

/** What a store provides to the core. */
export interface Persistence<E = never> {
  /** A name for messages: the file path, or "memory". */
  readonly name: string
  /**
   * Hands every entry the store holds, in position order, to `add`, and fails with the first
   * error `add` returns. Entries can be handed over while the store reads them, so that none is
   * kept twice.
   */
  readonly load: (add: (stored: StoredEntry) => JournalCorruptionError | undefined) => Effect.Effect<void, JournalCorruptionError | E>
  /**
   * Makes entries durable before it succeeds; on failure nothing of them may remain. It may be
   * asynchronous (a write and an fsync off the main thread): the core runs one commit at a time —
   * checks, append, index, publication to tails — under a semaphore, uninterruptibly once the
   * checks start, so commits stay atomic and ordered, and neither readers nor tails see an entry
   * before its append has succeeded. Absent for stores that keep nothing (memory), whose commits
   * run as one synchronous step and need no semaphore.
   */
  readonly append?: (entries: ReadonlyArray<StoredEntry>) => Effect.Effect<void, JournalStoreError>
  /** True when the store has already checked that every stored value is a `StoredEntry`. */
  readonly shapeChecked?: boolean
  /** True when every stored value comes straight from `JSON.parse` (a file store's lines). */
  readonly parsedJson?: boolean
}

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
const parseInstant = (iso: string): number =>
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
    const decoded = asParsed ? decodeParsed(vocabulary, json) : vocabulary.decode(json)
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
const safeJson = (u: unknown): string => {
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

/**
 * One append, checked: its stream and, for a revision, the record as the decoder reads it and its
 * JSON encoding (what a store writes).
 */
export interface Checked {
  readonly stream: StreamRef
  /** `streamKey(stream)`. */
  readonly key: string
  readonly revision?: { readonly record: AnyRecord; readonly encoded: unknown }
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
      return Effect.fail(new VocabularyError({ reason: "the vocabulary option is not a vocabulary: make one with Vocabulary.make([...your kinds])" }))
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

/** Builds a journal over a store's persistence. Fails when a stored entry cannot be read. */
export const makeJournal = <E>(persistence: Persistence<E>, options: JournalOptions = {}) =>
  Effect.gen(function*() {
    const { upcaster, vocabulary } = yield* settingsOf(options)
    const entries: Array<Entry> = []
    // Per stream (a map of ids per record type, so that lookups hash the id string itself): its
    // revision and the indexes of its entries (`first`, then `more` once there are several). Per
    // idempotency key: its commit's entries, which are always consecutive (a commit is one step).
    type StreamState = { revision: number; readonly first: number; more: Array<number> | undefined }
    const streams = new Map<string, Map<string, StreamState>>()
    const commits = new Map<string, { readonly key: string; readonly first: number; count: number }>()
    let lastCommit: { readonly key: string; readonly first: number; count: number } | undefined

    const idsOf = (type: string): Map<string, StreamState> => {
      let ids = streams.get(type)
      if (ids === undefined) streams.set(type, (ids = new Map()))
      return ids
    }
    const stateOf = (stream: StreamRef): StreamState | undefined => streams.get(stream.type)?.get(stream.id)

    /** Indexes an entry; `known` is its stream's state (looked up by the caller). */
    const index = (entry: Entry, known: StreamState | undefined): void => {
      const at = entry.position - 1
      if (known === undefined) idsOf(entry.stream.type).set(entry.stream.id, { revision: entry.revision, first: at, more: undefined })
      else {
        known.revision = entry.revision
        if (known.more === undefined) known.more = [at]
        else known.more.push(at)
      }
      if (lastCommit !== undefined && lastCommit.key === entry.idempotencyKey) lastCommit.count++
      else commits.set(entry.idempotencyKey, lastCommit = { key: entry.idempotencyKey, first: at, count: 1 })
      entries.push(entry)
    }

    const isStoredEntry = persistence.shapeChecked === true ? undefined : compile(StoredEntry.ast)
    const parsedJson = persistence.parsedJson === true
    // The entries of a commit share one record time and key: parse the time once, and keep one
    // copy of the key.
    let lastIso = ""
    let lastInstant = Number.NaN
    const add = (stored: StoredEntry): JournalCorruptionError | undefined => {
      const corrupt = (reason: string) => new JournalCorruptionError({ path: persistence.name, position: stored.position, reason })
      if (isStoredEntry !== undefined && !isStoredEntry(stored)) {
        return new JournalCorruptionError({
          path: persistence.name,
          position: entries.length + 1,
          reason: `not a stored entry: ${clipText(safeJson(stored), 200)}`
        })
      }
      if (stored.position !== entries.length + 1) return corrupt(`expected position ${entries.length + 1}, found ${stored.position}`)
      const known = stateOf(stored.stream)
      const previous = known?.revision ?? 0
      if (stored.revision !== previous + 1) {
        return corrupt(`stream ${clipText(streamKey(stored.stream), 200)} jumps from revision ${previous} to ${stored.revision}`)
      }
      if (stored.recordedAt !== lastIso) {
        lastIso = stored.recordedAt
        lastInstant = parseInstant(lastIso)
      }
      const last = entries.at(-1)
      // The entries of a commit each parsed their own copy of its key: keep the first. (A store's
      // stored entries are its own, never a caller's, so this changes nothing anyone holds.)
      if (last !== undefined && last.idempotencyKey === stored.idempotencyKey) {
        (stored as { idempotencyKey: string }).idempotencyKey = last.idempotencyKey
      }
      const decoded = decodeStored(stored, upcaster, vocabulary, lastInstant, parsedJson)
      if (Result.isFailure(decoded)) return corrupt(decoded.failure)
      if (last !== undefined && decoded.success.recordedAt < last.recordedAt) {
        return corrupt(`record time ${clipText(stored.recordedAt)} is earlier than the entry before it`)
      }
      if (last !== undefined && last.idempotencyKey !== stored.idempotencyKey && commits.has(stored.idempotencyKey)) {
        return corrupt(`idempotency key "${clipText(stored.idempotencyKey)}" was already used by an earlier commit`)
      }
      index(decoded.success, known)
      return undefined
    }
    yield* persistence.load(add)

    const pubsub = yield* PubSub.unbounded<Entry>()

    const resultOf = (key: string, duplicate: boolean): CommitResult => {
      const commit = commits.get(key)
      return { entries: commit === undefined ? [] : entries.slice(commit.first, commit.first + commit.count), duplicate }
    }

    /** A commit that passed its checks: its entries, what the store writes, and the streams' states. */
    interface Planned {
      readonly fresh: ReadonlyArray<Entry>
      readonly stored: ReadonlyArray<StoredEntry>
      readonly states: ReadonlyArray<StreamState | undefined>
    }

    // Checks a commit against the journal as it stands and builds its entries; a repeated key
    // gives the first commit's result. Runs in the same synchronous step as the indexing of the
    // journal it read (memory), or under the commit semaphore (stores that append).
    const plan = (
      request: CommitRequest,
      checked: ReadonlyArray<Checked>,
      now: number
    ): Result.Result<Planned | CommitResult, CommitError> => {
      if (commits.has(request.idempotencyKey)) return Result.succeed(resultOf(request.idempotencyKey, true))
      const states = checked.map((c) => stateOf(c.stream))
      const current = states.map((state) => state?.revision)
      for (let i = 0; i < checked.length; i++) {
        const expected = request.appends[i]!.expected
        const actual = current[i]
        const ok = expected === "any" || (expected === "none" ? actual === undefined : actual === expected)
        if (!ok) return Result.fail(new ConflictError({ stream: checked[i]!.stream, expected, actual: actual ?? "none" }))
        if (request.appends[i]!._tag === "retraction" && actual === undefined) {
          return Result.fail(new InvalidCommitError({ append: i, reason: `stream ${checked[i]!.key} has nothing to retract` }))
        }
      }
      // Record time never goes backwards, so that "as of T" is a prefix of the journal.
      // Whole milliseconds, as stores keep them.
      const millis = Math.floor(now)
      const recordedAt = Math.max(millis, entries.at(-1)?.recordedAt ?? millis)
      const iso = persistence.append === undefined ? "" : new Date(recordedAt).toISOString()
      const fresh: Array<Entry> = []
      const stored: Array<StoredEntry> = []
      const keeps = persistence.append !== undefined
      for (let i = 0; i < request.appends.length; i++) {
        const a = request.appends[i]!
        const { revision: checkedRevision, stream } = checked[i]!
        const reason = a.reason ?? request.reason
        // Built as plain literals, optional fields set only when present (exact optional types).
        const entry: { -readonly [K in keyof Entry]: Entry[K] } = {
          position: entries.length + i + 1,
          stream,
          revision: (current[i] ?? 0) + 1,
          recordedAt,
          idempotencyKey: request.idempotencyKey,
          body: a._tag === "retraction"
            ? { _tag: "retraction", reason: a.reason }
            : { _tag: "revision", record: checkedRevision!.record }
        }
        if (request.author !== undefined) entry.author = request.author
        if (reason !== undefined) entry.reason = reason
        fresh.push(freezeEntry(entry))
        if (keeps) {
          // Fields in the order files have always had them: the entry's, then the record time as
          // text, then the body with the record as JSON and its schema version.
          const row: { -readonly [K in keyof StoredEntry]?: StoredEntry[K] } = {
            position: entry.position,
            stream,
            revision: entry.revision,
            idempotencyKey: request.idempotencyKey
          }
          if (entry.author !== undefined) row.author = entry.author
          if (entry.reason !== undefined) row.reason = entry.reason
          row.recordedAt = iso
          row.body = a._tag === "retraction"
            ? { _tag: "retraction", reason: a.reason }
            : {
              _tag: "revision",
              schemaVersion: upcaster.identity ? 1 : upcaster.currentVersion(
                stream.type,
                checkedRevision!.record.type === "event" ? checkedRevision!.record.kind : undefined
              ),
              record: checkedRevision!.encoded
            }
          stored.push(row as StoredEntry)
        }
      }
      return Result.succeed({ fresh, stored, states })
    }

    // Indexes and publishes a planned commit's entries, in position order, in one synchronous step.
    const publish = (request: CommitRequest, { fresh, states }: Planned): CommitResult => {
      for (let i = 0; i < fresh.length; i++) {
        index(fresh[i]!, states[i])
        PubSub.publishUnsafe(pubsub, fresh[i]!)
      }
      return resultOf(request.idempotencyKey, false)
    }

    const append = persistence.append
    // One commit at a time from its checks to its publication, so that a commit checks the
    // journal as every earlier commit left it; uninterruptible once begun, so that an append is
    // never abandoned half way (its bytes would be on disk and not in the index).
    const permit = append === undefined ? undefined : yield* Semaphore.make(1)
    const appendOrStoreError = (stored: ReadonlyArray<StoredEntry>): Effect.Effect<void, JournalStoreError> =>
      Effect.catchCause(append!(stored), (cause) => {
        const error = Cause.findErrorOption(cause)
        return Effect.fail(Option.isSome(error) ? error.value : new JournalStoreError({ method: "append", cause: Cause.squash(cause) }))
      })

    const commit: JournalShape["commit"] = (request) =>
      Effect.suspend((): Effect.Effect<CommitResult, CommitError> => {
        const checked = validate(request, vocabulary)
        if (Result.isFailure(checked)) return Effect.fail(checked.failure)
        if (permit === undefined) {
          // Memory: checks, indexing and publication are one synchronous step; no lock is needed.
          return Effect.clockWith((clock) => {
            const planned = plan(request, checked.success, clock.currentTimeMillisUnsafe())
            if (Result.isFailure(planned)) return Effect.fail(planned.failure)
            return Effect.succeed("fresh" in planned.success ? publish(request, planned.success) : planned.success)
          })
        }
        // The commit may wait for earlier ones: it works on a copy of the request as checked, so
        // that a caller changing its request meanwhile cannot change what is written.
        const copy: CommitRequest = { ...request, appends: request.appends.map((a) => ({ ...a })) }
        return permit.withPermits(1)(Effect.uninterruptible(Effect.clockWith((clock) => {
          const planned = plan(copy, checked.success, clock.currentTimeMillisUnsafe())
          if (Result.isFailure(planned)) return Effect.fail(planned.failure)
          const p = planned.success
          if (!("fresh" in p)) return Effect.succeed(p)
          return Effect.map(appendOrStoreError(p.stored), () => publish(copy, p))
        })))
      })

    const from = (options?: { readonly from?: number }): number => {
      const f = options?.from
      return typeof f === "number" && Number.isFinite(f) ? Math.max(1, Math.floor(f)) : 1
    }

    const readAll: JournalShape["readAll"] = (options) =>
      Stream.suspend(() => Stream.fromArray(entries.slice(from(options) - 1)))

    const readStream: JournalShape["readStream"] = (stream) =>
      Effect.sync(() => {
        const state = stateOf(stream)
        if (state === undefined) return []
        const found = [entries[state.first]!]
        if (state.more !== undefined) for (const i of state.more) found.push(entries[i]!)
        return found
      })

    const tail: JournalShape["tail"] = (options) =>
      Stream.unwrap(
        // Subscribe first, then take the snapshot: a commit landing between the two is in both,
        // and the position filter drops the copy; commits publish in position order, in the same
        // synchronous step that indexes them. So every entry arrives once, and in order.
        Effect.gen(function*() {
          const subscription = yield* PubSub.subscribe(pubsub)
          const start = from(options)
          const snapshot = entries.slice(start - 1)
          const last = Math.max(start - 1, entries.length)
          return Stream.concat(
            Stream.fromArray(snapshot),
            Stream.fromSubscription(subscription).pipe(Stream.filter((e) => e.position > last))
          )
        })
      )

    return {
      commit,
      readAll,
      readStream,
      tail,
      head: Effect.sync(() => entries.length),
      vocabulary
    } satisfies JournalShape
  })
