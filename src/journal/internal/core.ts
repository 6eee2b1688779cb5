/**
 * The logic every journal store shares: validation, expected revisions, idempotency, record time,
 * upcasting and decoding, reads and the live tail. A store supplies only persistence: the entries
 * it held when opened, and a durable, all-or-nothing `append`.
 */
import { Cause, Effect, Exit, Option, PubSub, Result, Schema, Stream } from "effect"
import type { AnyRecord, Vocabulary } from "../../model/Vocabulary.js"
import { builtIn } from "../../model/Vocabulary.js"
import type { CommitRequest, CommitResult, Entry } from "../Entry.js"
import { StoredEntry, StreamRef, streamKey } from "../Entry.js"
import { compile } from "../../model/internal/guard.js"
import { type CommitError, ConflictError, InvalidCommitError, JournalCorruptionError, JournalStoreError } from "../errors.js"
import type { JournalShape } from "../Journal.js"
import { makeUpcaster, type Migration, type Upcaster } from "../Upcast.js"

/** Options every store takes. */
export interface JournalOptions {
  /** The vocabulary records are decoded with (default: the built-in kinds). */
  readonly vocabulary?: Vocabulary
  /** Migrations that lift old stored bodies to the current schema version. */
  readonly migrations?: ReadonlyArray<Migration>
}

/** What a store provides to the core. */
export interface Persistence {
  /** A name for messages: the file path, or "memory". */
  readonly name: string
  /** The entries the store held when opened, in position order. */
  readonly stored: ReadonlyArray<StoredEntry>
  /**
   * Makes entries durable before it succeeds; on failure nothing of them may remain. It must
   * complete synchronously (no asynchronous boundary): the core runs the whole commit — checks,
   * append, index, publication to tails — as one synchronous step, which is what makes commits
   * atomic and ordered without a lock. Absent for stores that keep nothing (memory).
   */
  readonly append?: (entries: ReadonlyArray<StoredEntry>) => Effect.Effect<void, JournalStoreError>
}

const isoInstant = /^-?\d{4,6}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/

/** Decodes one stored entry: checks its shape, upcasts its body and decodes the record. */
export const decodeStored = (
  stored: StoredEntry,
  upcaster: Upcaster,
  vocabulary: Vocabulary
): Result.Result<Entry, string> => {
  // Only the form stores write (Date#toISOString): Date.parse would read other forms in the
  // machine's own time zone.
  const recordedAt = isoInstant.test(stored.recordedAt) ? Date.parse(stored.recordedAt) : Number.NaN
  if (!Number.isFinite(recordedAt)) return Result.fail(`recordedAt "${stored.recordedAt}" is not a UTC instant such as 2023-04-12T10:00:00.000Z`)
  const base = {
    position: stored.position,
    stream: stored.stream,
    revision: stored.revision,
    recordedAt,
    idempotencyKey: stored.idempotencyKey,
    ...(stored.author === undefined ? {} : { author: stored.author }),
    ...(stored.reason === undefined ? {} : { reason: stored.reason })
  }
  if (stored.body._tag === "retraction") return Result.succeed({ ...base, body: stored.body })
  const lifted = upcaster.upcast(stored.stream.type, stored.body.schemaVersion, stored.body.record)
  if (!lifted.ok) return Result.fail(lifted.reason)
  const decoded = vocabulary.decode(lifted.record)
  if (Result.isFailure(decoded)) return Result.fail(`the record does not decode:\n${decoded.failure.message}`)
  const record = decoded.success
  if (record.type !== stored.stream.type || record.id !== stored.stream.id) {
    return Result.fail(`the record ${record.type}/${record.id} does not belong to stream ${streamKey(stored.stream)}`)
  }
  return Result.succeed({ ...base, body: { _tag: "revision", record } })
}

const isStreamRef = Schema.is(StreamRef)

/**
 * One append, checked: its stream and, for a revision, the record as the decoder reads it and its
 * JSON encoding (what a store writes).
 */
export interface Checked {
  readonly stream: StreamRef
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
      if (!isStreamRef(a.stream)) return invalid(`${JSON.stringify(a.stream)} is not a stream ({ type, id })`, i)
      if (typeof a.reason !== "string" || a.reason.trim() === "") return invalid("a retraction needs a reason", i)
      checked.push({ stream: a.stream })
    } else {
      // A record is typed, but may come from an unchecked cast: check it again. A record that
      // decodes to itself is kept; anything else is checked through its encoding and the decoded
      // copy is kept, so that memory holds exactly what a store writes.
      // A record that decodes to itself is also its own encoding.
      let record: AnyRecord | undefined
      let encoded: unknown
      let problem: string | undefined
      try {
        const direct = vocabulary.decode(a.record)
        if (Result.isSuccess(direct) && direct.success === a.record) {
          record = a.record
          encoded = a.record
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
        return invalid(`invalid record ${String(a.record?.type)}/${String(a.record?.id)}:\n${problem ?? "not a record"}`, i)
      }
      checked.push({ stream: { type: record.type, id: record.id }, revision: { record, encoded } })
    }
    const key = streamKey(checked[i]!.stream)
    if (seen.has(key)) return invalid(`stream ${key} appears twice in one commit`, i)
    seen.add(key)
  }
  return Result.succeed(checked)
}

/** Builds a journal over a store's persistence. Fails when a stored entry cannot be read. */
export const makeJournal = (persistence: Persistence, options: JournalOptions = {}) =>
  Effect.gen(function*() {
    const vocabulary = options.vocabulary ?? builtIn
    const upcaster = makeUpcaster(options.migrations)
    const entries: Array<Entry> = []
    const revisions = new Map<string, number>()
    const byStream = new Map<string, Array<number>>()
    const commits = new Map<string, Array<number>>()

    const index = (entry: Entry): void => {
      const key = streamKey(entry.stream)
      revisions.set(key, entry.revision)
      let list = byStream.get(key)
      if (list === undefined) byStream.set(key, (list = []))
      list.push(entry.position - 1)
      let commit = commits.get(entry.idempotencyKey)
      if (commit === undefined) commits.set(entry.idempotencyKey, (commit = []))
      commit.push(entry.position - 1)
      entries.push(entry)
    }

    const isStoredEntry = compile(StoredEntry.ast)
    for (const stored of persistence.stored) {
      const corrupt = (reason: string) => new JournalCorruptionError({ path: persistence.name, position: stored.position, reason })
      if (!isStoredEntry(stored)) {
        return yield* new JournalCorruptionError({
          path: persistence.name,
          position: entries.length + 1,
          reason: `not a stored entry: ${JSON.stringify(stored)?.slice(0, 200)}`
        })
      }
      if (stored.position !== entries.length + 1) {
        return yield* corrupt(`expected position ${entries.length + 1}, found ${stored.position}`)
      }
      const previous = revisions.get(streamKey(stored.stream)) ?? 0
      if (stored.revision !== previous + 1) {
        return yield* corrupt(`stream ${streamKey(stored.stream)} jumps from revision ${previous} to ${stored.revision}`)
      }
      const decoded = decodeStored(stored, upcaster, vocabulary)
      if (Result.isFailure(decoded)) return yield* corrupt(decoded.failure)
      const last = entries.at(-1)
      if (last !== undefined && decoded.success.recordedAt < last.recordedAt) {
        return yield* corrupt(`record time ${stored.recordedAt} is earlier than the entry before it`)
      }
      if (last !== undefined && last.idempotencyKey !== stored.idempotencyKey && commits.has(stored.idempotencyKey)) {
        return yield* corrupt(`idempotency key "${stored.idempotencyKey}" was already used by an earlier commit`)
      }
      index(decoded.success)
    }

    const pubsub = yield* PubSub.unbounded<Entry>()

    const resultOf = (key: string, duplicate: boolean): CommitResult => ({
      entries: (commits.get(key) ?? []).map((i) => entries[i]!),
      duplicate
    })

    // The whole commit after validation runs as one synchronous step: no other fiber can commit,
    // subscribe or read between its checks and its publication, so no lock is needed.
    const commitNow = (
      request: CommitRequest,
      checked: ReadonlyArray<Checked>,
      now: number
    ): Result.Result<CommitResult, CommitError> => {
      if (commits.has(request.idempotencyKey)) return Result.succeed(resultOf(request.idempotencyKey, true))
      const streams = checked.map((c) => c.stream)
      const current = streams.map((stream) => revisions.get(streamKey(stream)))
      for (let i = 0; i < streams.length; i++) {
        const expected = request.appends[i]!.expected
        const actual = current[i]
        const ok = expected === "any" || (expected === "none" ? actual === undefined : actual === expected)
        if (!ok) return Result.fail(new ConflictError({ stream: streams[i]!, expected, actual: actual ?? "none" }))
        if (request.appends[i]!._tag === "retraction" && actual === undefined) {
          return Result.fail(new InvalidCommitError({ append: i, reason: `stream ${streamKey(streams[i]!)} has nothing to retract` }))
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
        fresh.push(entry)
        if (keeps) {
          const { body: _, recordedAt: __, ...meta } = entry
          stored.push({
            ...meta,
            recordedAt: iso,
            body: a._tag === "retraction"
              ? { _tag: "retraction", reason: a.reason }
              : {
                _tag: "revision",
                schemaVersion: upcaster.currentVersion(
                  stream.type,
                  checkedRevision!.record.type === "event" ? checkedRevision!.record.kind : undefined
                ),
                record: checkedRevision!.encoded
              }
          })
        }
      }
      if (persistence.append !== undefined) {
        const exit = Effect.runSyncExit(persistence.append(stored))
        if (Exit.isFailure(exit)) {
          const error = Cause.findErrorOption(exit.cause)
          return Result.fail(
            Option.isSome(error) ? error.value : new JournalStoreError({ method: "append", cause: Cause.squash(exit.cause) })
          )
        }
      }
      for (const e of fresh) {
        index(e)
        PubSub.publishUnsafe(pubsub, e)
      }
      return Result.succeed(resultOf(request.idempotencyKey, false))
    }

    const commit: JournalShape["commit"] = (request) =>
      Effect.suspend((): Effect.Effect<CommitResult, CommitError> => {
        const checked = validate(request, vocabulary)
        if (Result.isFailure(checked)) return Effect.fail(checked.failure)
        return Effect.clockWith((clock) => Effect.fromResult(commitNow(request, checked.success, clock.currentTimeMillisUnsafe())))
      })

    const from = (options?: { readonly from?: number }): number => {
      const f = options?.from
      return typeof f === "number" && Number.isFinite(f) ? Math.max(1, Math.floor(f)) : 1
    }

    const readAll: JournalShape["readAll"] = (options) =>
      Stream.suspend(() => Stream.fromArray(entries.slice(from(options) - 1)))

    const readStream: JournalShape["readStream"] = (stream) =>
      Effect.sync(() => (byStream.get(streamKey(stream)) ?? []).map((i) => entries[i]!))

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
      head: Effect.sync(() => entries.length)
    } satisfies JournalShape
  })
