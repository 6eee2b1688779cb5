/**
 * The journal over a store's persistence, shared by the memory and file stores: expected
 * revisions, idempotency, record time, the index of streams and commits, reads and the live tail.
 * A store supplies only persistence (`Persistence` in `kit.ts`): the entries it held when opened,
 * and a durable, all-or-nothing `append`. A store that can read its entries back (`readBack`)
 * has only its first entries kept in memory; later ones are read back, a page at a time, when a
 * reader asks for them.
 */
import { Cause, Effect, Option, PubSub, Result, Semaphore, Stream } from "effect"
import { clipText } from "../../model/DecodeError.js"
import type { CommitRequest, CommitResult, Entry, StoredEntry, StreamRef } from "../Entry.js"
import { streamKey } from "../Entry.js"
import { type CommitError, ConflictError, InvalidCommitError, JournalCorruptionError, JournalStoreError, type ReadError } from "../errors.js"
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

/** Entries read back from a store at a time. */
const PAGE = 1024

/** Builds a journal over a store's persistence. Fails when a stored entry cannot be read. */
export const makeJournal = <E>(persistence: Persistence<E>, options: JournalOptions = {}) =>
  Effect.gen(function*() {
    const { upcaster, vocabulary } = yield* settingsOf(options)
    // The entries kept in memory: positions 1 to `kept.length`, at most `keep` of them. `count`
    // is the head; `last` the entry at it (its record time and key are what commits check).
    const readBack = persistence.readBack
    const keep = readBack === undefined ? Number.POSITIVE_INFINITY : Math.max(0, Math.floor(readBack.keep) || 0)
    const kept: Array<Entry> = []
    let count = 0
    let last: Entry | undefined
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
      if (count < keep) kept.push(entry)
      count++
      last = entry
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
          position: count + 1,
          reason: `not a stored entry: ${clipText(safeJson(stored), 200)}`
        })
      }
      if (stored.position !== count + 1) return corrupt(`expected position ${count + 1}, found ${stored.position}`)
      const known = stateOf(stored.stream)
      const previous = known?.revision ?? 0
      if (stored.revision !== previous + 1) {
        return corrupt(`stream ${clipText(streamKey(stored.stream), 200)} jumps from revision ${previous} to ${stored.revision}`)
      }
      if (stored.recordedAt !== lastIso) {
        lastIso = stored.recordedAt
        lastInstant = parseInstant(lastIso)
      }
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

    // Decodes entries read back from the store; one that does not decode (or is not at its
    // position) means the store changed behind the journal's back.
    const decodeRead = (stored: ReadonlyArray<StoredEntry>, from: number): Result.Result<Array<Entry>, JournalCorruptionError> => {
      const out: Array<Entry> = []
      let iso = ""
      let instant = Number.NaN
      for (let i = 0; i < stored.length; i++) {
        const s = stored[i]!
        const corrupt = (reason: string) =>
          Result.fail(new JournalCorruptionError({ path: persistence.name, position: from + i, reason: `${reason} (read back after the journal was opened: was the file changed by another program?)` }))
        if (s.position !== from + i) return corrupt(`expected position ${from + i}, found ${s.position}`)
        if (s.recordedAt !== iso) {
          iso = s.recordedAt
          instant = parseInstant(iso)
        }
        const decoded = decodeStored(s, upcaster, vocabulary, instant, parsedJson)
        if (Result.isFailure(decoded)) return corrupt(decoded.failure)
        out.push(decoded.success)
      }
      return Result.succeed(out)
    }

    /** The entries at indexes `from` (included) to `to` (excluded): from memory, or read back. */
    const between = (from: number, to: number): Effect.Effect<ReadonlyArray<Entry>, ReadError> => {
      if (to <= kept.length || readBack === undefined) return Effect.succeed(kept.slice(from, to))
      const start = Math.max(from, kept.length)
      const inMemory = from < kept.length ? kept.slice(from) : []
      return Effect.flatMap(readBack.read(start + 1, to), (stored) => {
        if (stored.length !== to - start) {
          return Effect.fail(new JournalCorruptionError({ path: persistence.name, position: start + 1, reason: `${to - start} entries were asked for, ${stored.length} read back` }))
        }
        const decoded = decodeRead(stored, start + 1)
        return Result.isFailure(decoded) ? Effect.fail(decoded.failure) : Effect.succeed(inMemory.length === 0 ? decoded.success : inMemory.concat(decoded.success))
      })
    }

    /** The entries at positions `start` to `end` (1-based, included), a page at a time. */
    const positions = (start: number, end: number): Stream.Stream<Entry, ReadError> =>
      end < start
        ? Stream.empty
        : end <= kept.length
        ? Stream.fromArray(kept.slice(start - 1, end))
        : Stream.paginate(start - 1, (from) => {
          const to = Math.min(end, from + PAGE)
          return Effect.map(between(from, to), (page) => [page, to < end ? Option.some(to) : Option.none()] as const)
        })

    const resultOf = (key: string, duplicate: boolean): Effect.Effect<CommitResult, ReadError> => {
      const commit = commits.get(key)
      return commit === undefined
        ? Effect.succeed({ entries: [], duplicate })
        : Effect.map(between(commit.first, commit.first + commit.count), (entries) => ({ entries, duplicate }))
    }

    // A repeated key's result, read back when its entries are no longer in memory: a failed read
    // fails the commit as the store's error.
    const repeated = (key: string): Effect.Effect<CommitResult, CommitError> =>
      Effect.mapError(resultOf(key, true), (e) => (e._tag === "JournalStoreError" ? e : new JournalStoreError({ method: "commit", cause: e })))

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
    ): Result.Result<Planned | "duplicate", CommitError> => {
      if (commits.has(request.idempotencyKey)) return Result.succeed("duplicate")
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
      const recordedAt = Math.max(millis, last?.recordedAt ?? millis)
      const iso = persistence.append === undefined ? "" : new Date(recordedAt).toISOString()
      const fresh: Array<Entry> = []
      const stored: Array<StoredEntry> = []
      const keeps = persistence.append !== undefined
      for (let i = 0; i < request.appends.length; i++) {
        const entry = entryOf(request, i, checked[i]!, { position: count + i + 1, revision: (current[i] ?? 0) + 1, recordedAt })
        fresh.push(entry)
        if (keeps) stored.push(storedOf(entry, iso, storedBodyOf(upcaster, request, i, checked[i]!)))
      }
      return Result.succeed({ fresh, stored, states })
    }

    // Indexes and publishes a planned commit's entries, in position order, in one synchronous step.
    const publish = ({ fresh, states }: Planned): CommitResult => {
      for (let i = 0; i < fresh.length; i++) {
        index(fresh[i]!, states[i])
        PubSub.publishUnsafe(pubsub, fresh[i]!)
      }
      return { entries: fresh, duplicate: false }
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
          return Effect.clockWith((clock): Effect.Effect<CommitResult, CommitError> => {
            const planned = plan(request, checked.success, clock.currentTimeMillisUnsafe())
            if (Result.isFailure(planned)) return Effect.fail(planned.failure)
            return planned.success === "duplicate" ? repeated(request.idempotencyKey) : Effect.succeed(publish(planned.success))
          })
        }
        // The commit may wait for earlier ones: it works on a copy of the request as checked, so
        // that a caller changing its request meanwhile cannot change what is written.
        const copy: CommitRequest = { ...request, appends: request.appends.map((a) => ({ ...a })) }
        return permit.withPermits(1)(Effect.uninterruptible(Effect.clockWith((clock): Effect.Effect<CommitResult, CommitError> => {
          const planned = plan(copy, checked.success, clock.currentTimeMillisUnsafe())
          if (Result.isFailure(planned)) return Effect.fail(planned.failure)
          const p = planned.success
          if (p === "duplicate") return repeated(copy.idempotencyKey)
          return Effect.map(appendOrStoreError(p.stored), () => publish(p))
        })))
      })

    const readAll: JournalShape["readAll"] = (options) => Stream.suspend(() => positions(startOf(options), count))

    const readStream: JournalShape["readStream"] = (stream) =>
      Effect.suspend(() => {
        const state = stateOf(stream)
        if (state === undefined) return Effect.succeed([])
        const at = state.more === undefined ? [state.first] : [state.first, ...state.more]
        if (at[at.length - 1]! < kept.length) return Effect.succeed(at.map((i) => kept[i]!))
        // Runs of consecutive indexes are read together.
        const runs: Array<[number, number]> = []
        for (const i of at) {
          const run = runs.at(-1)
          if (run !== undefined && run[1] === i) run[1] = i + 1
          else runs.push([i, i + 1])
        }
        return Effect.map(Effect.forEach(runs, ([from, to]) => between(from, to)), (pages) => pages.flat())
      })

    const tail: JournalShape["tail"] = (options) =>
      Stream.unwrap(
        // Subscribe first, then take the snapshot: a commit landing between the two is in both,
        // and the position filter drops the copy; commits publish in position order, in the same
        // synchronous step that indexes them. So every entry arrives once, and in order.
        Effect.gen(function*() {
          const subscription = yield* PubSub.subscribe(pubsub)
          const start = startOf(options)
          const head = Math.max(start - 1, count)
          return Stream.concat(
            positions(start, count),
            Stream.fromSubscription(subscription).pipe(Stream.filter((e) => e.position > head))
          )
        })
      )

    return {
      commit,
      readAll,
      readStream,
      tail,
      head: Effect.sync(() => count),
      vocabulary
    } satisfies JournalShape
  })
