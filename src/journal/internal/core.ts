/**
 * The journal over a store's persistence, shared by the memory and file stores: expected
 * revisions, idempotency, record time, the index of streams and commits, reads and the live tail.
 * A store supplies only persistence (`Persistence` in `kit.ts`): the entries it held when opened,
 * and a durable, all-or-nothing `append`.
 */
import { Cause, Effect, Option, PubSub, Result, Semaphore, Stream } from "effect"
import { clipText } from "../../model/DecodeError.js"
import type { CommitRequest, CommitResult, Entry, StoredEntry, StreamRef } from "../Entry.js"
import { streamKey } from "../Entry.js"
import { type CommitError, ConflictError, InvalidCommitError, JournalCorruptionError, JournalStoreError } from "../errors.js"
import type { JournalShape } from "../Journal.js"
import {
  type Checked,
  decodeStored,
  entryOf,
  isStoredEntry as isStoredEntryGuard,
  type JournalOptions,
  parseInstant,
  type Persistence,
  safeJson,
  settingsOf,
  startOf,
  storedBodyOf,
  storedOf,
  validate
} from "./kit.js"

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

    const isStoredEntry = persistence.shapeChecked === true ? undefined : isStoredEntryGuard
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
        const entry = entryOf(request, i, checked[i]!, { position: entries.length + i + 1, revision: (current[i] ?? 0) + 1, recordedAt })
        fresh.push(entry)
        if (keeps) stored.push(storedOf(entry, iso, storedBodyOf(upcaster, request, i, checked[i]!)))
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

    const readAll: JournalShape["readAll"] = (options) =>
      Stream.suspend(() => Stream.fromArray(entries.slice(startOf(options) - 1)))

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
          const start = startOf(options)
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
