/**
 * The `Journal` service: an append-only, event-sourced store of record revisions. Commits are all
 * or nothing across streams, guarded by expected revisions and made idempotent by their key;
 * reads give every entry from a position, one stream's entries, or a live tail that delivers every
 * later commit exactly once and in order. Stores: `layerMemory` (here), `layerFile` (the
 * embedded default, from `protest-chronicle/file`) and `layerPostgres` (from
 * `protest-chronicle/postgres`).
 *
 * @since 0.1.0
 */
import { Context, type Effect, Layer, type Stream } from "effect"
import type { CommitRequest, CommitResult, Entry, StoredEntry, StreamRef } from "./Entry.js"
import type { CommitError, JournalCorruptionError, JournalStoreError, ReadError } from "./errors.js"
import type { Vocabulary, VocabularyError } from "../model/Vocabulary.js"
import type { Migration, MigrationError } from "./Upcast.js"
import { makeJournal } from "./internal/core.js"
import { loadAll } from "./internal/kit.js"

/**
 * What a journal can do.
 *
 * @category models
 * @since 0.1.0
 */
export interface JournalShape {
  /** Appends entries to one or more streams, all or nothing. */
  readonly commit: (request: CommitRequest) => Effect.Effect<CommitResult, CommitError>
  /** Every entry from `from` (a 1-based global position; default 1) to the current head. */
  readonly readAll: (options?: { readonly from?: number }) => Stream.Stream<Entry, ReadError>
  /** Every entry of one stream, in revision order (empty when the stream does not exist). */
  readonly readStream: (stream: StreamRef) => Effect.Effect<ReadonlyArray<Entry>, ReadError>
  /**
   * Every entry from `from` (default 1), then every later commit as it lands: each exactly once
   * and in position order. The stream does not end by itself.
   */
  readonly tail: (options?: { readonly from?: number }) => Stream.Stream<Entry, ReadError>
  /**
   * The position of the last entry (0 for an empty journal). A store that asks a server for it
   * fails with a `JournalStoreError` when the server cannot answer.
   */
  readonly head: Effect.Effect<number, JournalStoreError>
  /**
   * The vocabulary the journal decodes records with, so that a chronicle over it can use the same
   * one without being told twice. Optional for stores written before it existed.
   */
  readonly vocabulary?: Vocabulary
}

/**
 * The journal service.
 *
 * @category services
 * @since 0.1.0
 */
export class Journal extends Context.Service<Journal, JournalShape>()("protest-chronicle/Journal") {}

/**
 * Options every store takes.
 *
 * @category models
 * @since 0.1.0
 */
export interface JournalOptions {
  /** The vocabulary records are decoded with (default: the built-in kinds). */
  readonly vocabulary?: Vocabulary
  /** Migrations that lift old stored bodies to the current schema version. */
  readonly migrations?: ReadonlyArray<Migration>
}

/**
 * A journal in memory: for tests, scripts and projections that need no persistence. `initial`
 * seeds it with stored entries (as a file would hold them, older schema versions included), which
 * are upcast and decoded on open like any store's.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Journal, Record } from "protest-chronicle"
 *
 * const town = { type: "place", id: "zhanaozen", kind: "town", name: "Zhanaozen", timeZone: "Asia/Aqtau" } as const
 * const first = Record.decodeUnsafe(town)
 * const renamed = Record.decodeUnsafe({ ...town, name: "Zhanaozen (Жаңаөзен)" })
 * const program = Effect.gen(function*() {
 *   const journal = yield* Journal.Journal
 *   yield* journal.commit({ idempotencyKey: "import-1", appends: [{ _tag: "revision", record: first, expected: "none" }] })
 *   yield* journal.commit({ idempotencyKey: "fix-1", appends: [{ _tag: "revision", record: renamed, expected: 1, reason: "local name" }] })
 *   return yield* journal.readStream(Journal.streamOf(first))
 * }).pipe(Effect.provide(Journal.layerMemory()))
 *
 * const history = await Effect.runPromise(program)
 * console.log(history.map((entry) => `revision ${entry.revision} at position ${entry.position}`)) // two revisions, positions 1 and 2
 * ```
 *
 * @category layers
 * @since 0.1.0
 */
export const layerMemory = (
  options: JournalOptions & { readonly initial?: ReadonlyArray<StoredEntry> } = {}
): Layer.Layer<Journal, JournalCorruptionError | MigrationError | VocabularyError> =>
  Layer.effect(Journal, makeJournal({ name: "memory", load: loadAll(options?.initial ?? []) }, options ?? {}))
