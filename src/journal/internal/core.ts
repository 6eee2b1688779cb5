/**
 * The logic every journal store shares: validation, expected revisions, idempotency, record time,
 * upcasting and decoding, reads and the live tail. A store supplies only persistence: the entries
 * it held when opened, and a durable, all-or-nothing `append`.
 */
import { Clock, Effect, PubSub, Result, Semaphore, Stream } from "effect"
import type { Vocabulary } from "../../model/Vocabulary.js"
import { builtIn } from "../../model/Vocabulary.js"
import type { Append, CommitRequest, CommitResult, Entry, StoredEntry, StreamRef } from "../Entry.js"
import { streamKey } from "../Entry.js"
import { type CommitError, ConflictError, InvalidCommitError, JournalCorruptionError, type JournalStoreError } from "../errors.js"
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
  /** Makes entries durable before it succeeds; on failure nothing of them may remain. */
  readonly append: (entries: ReadonlyArray<StoredEntry>) => Effect.Effect<void, JournalStoreError>
}

/** Decodes one stored entry: checks its shape, upcasts its body and decodes the record. */
export const decodeStored = (
  stored: StoredEntry,
  upcaster: Upcaster,
  vocabulary: Vocabulary
): Result.Result<Entry, string> => {
  const recordedAt = Date.parse(stored.recordedAt)
  if (!Number.isFinite(recordedAt)) return Result.fail(`recordedAt "${stored.recordedAt}" is not an instant`)
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

const validate = (request: CommitRequest, vocabulary: Vocabulary): InvalidCommitError | undefined => {
  if (typeof request.idempotencyKey !== "string" || request.idempotencyKey.length === 0) {
    return new InvalidCommitError({ reason: "a commit needs a non-empty idempotency key" })
  }
  if (!Array.isArray(request.appends) || request.appends.length === 0) {
    return new InvalidCommitError({ reason: "a commit needs at least one append" })
  }
  const seen = new Set<string>()
  for (let i = 0; i < request.appends.length; i++) {
    const a = request.appends[i]!
    const stream = a._tag === "revision" ? { type: a.record.type, id: a.record.id } : a.stream
    const key = streamKey(stream)
    if (seen.has(key)) return new InvalidCommitError({ append: i, reason: `stream ${key} appears twice in one commit` })
    seen.add(key)
    const e = a.expected
    if (!(e === "none" || e === "any" || (Number.isInteger(e) && e >= 1))) {
      return new InvalidCommitError({ append: i, reason: `expected revision must be "none", "any" or an integer >= 1, got ${String(e)}` })
    }
    if (a._tag === "retraction") {
      if (typeof a.reason !== "string" || a.reason.trim() === "") return new InvalidCommitError({ append: i, reason: "a retraction needs a reason" })
    } else {
      // A record is typed, but may come from an unchecked cast: decode its encoding to be sure.
      let problem: string | undefined
      try {
        const r = vocabulary.decode(vocabulary.encode(a.record))
        if (Result.isFailure(r)) problem = r.failure.message
      } catch (err) {
        problem = err instanceof Error ? err.message : String(err)
      }
      if (problem !== undefined) return new InvalidCommitError({ append: i, reason: `invalid record ${key}:\n${problem}` })
    }
  }
  return undefined
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

    for (const stored of persistence.stored) {
      const corrupt = (reason: string) => new JournalCorruptionError({ path: persistence.name, position: stored.position, reason })
      if (stored.position !== entries.length + 1) {
        return yield* corrupt(`expected position ${entries.length + 1}, found ${stored.position}`)
      }
      const previous = revisions.get(streamKey(stored.stream)) ?? 0
      if (stored.revision !== previous + 1) {
        return yield* corrupt(`stream ${streamKey(stored.stream)} jumps from revision ${previous} to ${stored.revision}`)
      }
      const decoded = decodeStored(stored, upcaster, vocabulary)
      if (Result.isFailure(decoded)) return yield* corrupt(decoded.failure)
      index(decoded.success)
    }

    const lock = yield* Semaphore.make(1)
    const pubsub = yield* PubSub.unbounded<Entry>()

    const resultOf = (key: string, duplicate: boolean): CommitResult => ({
      entries: (commits.get(key) ?? []).map((i) => entries[i]!),
      duplicate
    })

    const streamOfAppend = (a: Append): StreamRef => (a._tag === "revision" ? { type: a.record.type, id: a.record.id } : a.stream)

    const commit: JournalShape["commit"] = (request) =>
      Effect.suspend((): Effect.Effect<CommitResult, CommitError> => {
        const invalid = validate(request, vocabulary)
        if (invalid !== undefined) return Effect.fail(invalid)
        return lock.withPermit(
          Effect.gen(function*() {
            if (commits.has(request.idempotencyKey)) return resultOf(request.idempotencyKey, true)
            for (const a of request.appends) {
              const stream = streamOfAppend(a)
              const actual = revisions.get(streamKey(stream))
              const ok = a.expected === "any" ||
                (a.expected === "none" ? actual === undefined : actual === a.expected)
              if (!ok) return yield* new ConflictError({ stream, expected: a.expected, actual: actual ?? "none" })
            }
            // Record time never goes backwards, so that "as of T" is a prefix of the journal.
            const now = yield* Clock.currentTimeMillis
            const recordedAt = Math.max(now, entries.at(-1)?.recordedAt ?? now)
            const iso = new Date(recordedAt).toISOString()
            const fresh: Array<Entry> = []
            const stored: Array<StoredEntry> = []
            request.appends.forEach((a, i) => {
              const stream = streamOfAppend(a)
              const reason = a.reason ?? request.reason
              const meta = {
                position: entries.length + i + 1,
                stream,
                revision: (revisions.get(streamKey(stream)) ?? 0) + 1,
                idempotencyKey: request.idempotencyKey,
                ...(request.author === undefined ? {} : { author: request.author }),
                ...(reason === undefined ? {} : { reason })
              }
              if (a._tag === "revision") {
                const version = upcaster.currentVersion(stream.type, a.record.type === "event" ? a.record.kind : undefined)
                stored.push({ ...meta, recordedAt: iso, body: { _tag: "revision", schemaVersion: version, record: vocabulary.encode(a.record) } })
                fresh.push({ ...meta, recordedAt, body: { _tag: "revision", record: a.record } })
              } else {
                stored.push({ ...meta, recordedAt: iso, body: { _tag: "retraction", reason: a.reason } })
                fresh.push({ ...meta, recordedAt, body: { _tag: "retraction", reason: a.reason } })
              }
            })
            yield* persistence.append(stored)
            fresh.forEach(index)
            yield* PubSub.publishAll(pubsub, fresh)
            return resultOf(request.idempotencyKey, false)
          })
        )
      })

    const from = (options?: { readonly from?: number }): number => Math.max(1, Math.floor(options?.from ?? 1))

    const readAll: JournalShape["readAll"] = (options) =>
      Stream.suspend(() => Stream.fromArray(entries.slice(from(options) - 1)))

    const readStream: JournalShape["readStream"] = (stream) =>
      Effect.sync(() => (byStream.get(streamKey(stream)) ?? []).map((i) => entries[i]!))

    const tail: JournalShape["tail"] = (options) =>
      Stream.unwrap(
        // Subscribing and taking the snapshot under the commit lock means no commit falls
        // between them: every entry arrives once, from the snapshot or from the subscription.
        lock.withPermit(
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
      )

    return {
      commit,
      readAll,
      readStream,
      tail,
      head: Effect.sync(() => entries.length)
    } satisfies JournalShape
  })
