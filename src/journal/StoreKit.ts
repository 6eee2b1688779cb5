/**
 * What a journal store needs from the journal, in one place: the file store (`protest-chronicle/file`)
 * and the PostgreSQL store (`protest-chronicle/postgres`) are written with it, and so would a new
 * store be. Not a public entry of the package: its shape may change with the stores.
 *
 * Two ways to write a store:
 *
 * - Give `makeJournal` a `Persistence` (the entries the store holds when opened, and a durable,
 *   all-or-nothing `append`); the journal keeps its index in memory and does the rest. The memory
 *   and file stores are built so.
 * - Or check revisions and keys where the entries are (a database): `validate` a request, build
 *   the committed entries with `entryOf` and their stored form with `storedBody` / `storedOf`, and
 *   read stored entries back with `decodeStored`, as the PostgreSQL store does.
 *
 * The types are declared here and the functions typed here, so that this module's declarations
 * stand on their own: the implementations in `internal/` follow them.
 *
 * @since 0.1.0
 */
import type { Effect, Result } from "effect"
import type { Guard } from "../model/FastDecode.js"
import type { AnyRecord, Vocabulary, VocabularyError } from "../model/Vocabulary.js"
import type { CommitRequest, Entry, StoredBody, StoredEntry, StreamRef } from "./Entry.js"
import type { InvalidCommitError, JournalCorruptionError, JournalStoreError } from "./errors.js"
import * as core from "./internal/core.js"
import * as kit from "./internal/kit.js"
import type { JournalOptions, JournalShape } from "./Journal.js"
import type { MigrationError, Upcaster } from "./Upcast.js"

export type { JournalOptions } from "./Journal.js"

/** What a store provides to `makeJournal`. */
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
  /**
   * For a store that can read its entries back (the file store): the journal keeps the first
   * `keep` entries it decodes in memory, and reads later ones back with `read` when asked for
   * them, so that its memory grows with the number of streams and commits (its index), not with
   * the entries. `read(from, to)` gives the stored entries at positions `from` to `to` (1-based,
   * both included), each exactly as `load` handed it over; it is only asked for positions whose
   * append has succeeded. Absent: every entry is kept in memory.
   */
  readonly readBack?: {
    readonly keep: number
    readonly read: (from: number, to: number) => Effect.Effect<ReadonlyArray<StoredEntry>, JournalStoreError | JournalCorruptionError>
  }
  /** True when the store has already checked that every stored value is a `StoredEntry`. */
  readonly shapeChecked?: boolean
  /** True when every stored value comes straight from `JSON.parse` (a file store's lines). */
  readonly parsedJson?: boolean
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

/** Where a commit put one of its entries: its position, its stream's new revision, the record time. */
export interface Placement {
  readonly position: number
  readonly revision: number
  readonly recordedAt: number
}

/** A body to store: a revision's record with its JSON encoding, or a retraction. */
export type BodyToStore =
  | { readonly _tag: "revision"; readonly record: AnyRecord; readonly encoded: unknown }
  | { readonly _tag: "retraction"; readonly reason: string }

/** Builds a journal over a store's persistence. Fails when a stored entry cannot be read. */
export const makeJournal: <E>(
  persistence: Persistence<E>,
  options?: JournalOptions
) => Effect.Effect<JournalShape, JournalCorruptionError | E | MigrationError | VocabularyError> = core.makeJournal

/** A `load` over entries already in memory. */
export const loadAll: (stored: ReadonlyArray<StoredEntry>) => Persistence["load"] = kit.loadAll

/**
 * Decodes one stored entry: upcasts its body and decodes the record. `recordedAt` is the entry's
 * record time already parsed (the entries of a commit share one, so callers parse it once);
 * `parsed` says the entry came straight from `JSON.parse` (a file line), which lets the record's
 * check skip what only other values can fail, unless a migration has rebuilt the record.
 */
export const decodeStored: (
  stored: StoredEntry,
  upcaster: Upcaster,
  vocabulary: Vocabulary,
  recordedAt?: number,
  parsed?: boolean
) => Result.Result<Entry, string> = kit.decodeStored

/**
 * Freezes an entry, its stream and its body (the record in it is frozen by the decoder): readers
 * share entries, so none may change what the others read.
 */
export const freezeEntry: (entry: Entry) => Entry = kit.freezeEntry

/** Checks a commit request before anything is written, and gives each append checked. */
export const validate: (request: CommitRequest, vocabulary: Vocabulary) => Result.Result<ReadonlyArray<Checked>, InvalidCommitError> =
  kit.validate

/**
 * The vocabulary and the upcaster of a store's options, checked: migrations written wrongly are a
 * `MigrationError`, a `vocabulary` that is not one a `VocabularyError`.
 */
export const settingsOf: (options: JournalOptions | null | undefined) => Effect.Effect<
  { readonly vocabulary: Vocabulary; readonly upcaster: Upcaster },
  MigrationError | VocabularyError
> = kit.settingsOf

/**
 * A check that a value is certainly a `StoredEntry`; `false` means it is not one, or holds
 * something only the schema can judge (stores treat both as corruption).
 */
export const isStoredEntry: Guard = kit.isStoredEntry

/** The first position a read asks for: `from` (1-based, rounded down), 1 when absent or not a number. */
export const startOf: (options?: { readonly from?: number }) => number = kit.startOf

/**
 * The entry a commit writes for its append `i` (checked by `validate`), frozen: the commit's key
 * and author, the append's reason (else the commit's), the record as checked or the retraction.
 */
export const entryOf: (request: CommitRequest, i: number, checked: Checked, at: Placement) => Entry = kit.entryOf

/** The stored body of a revision (its encoded record, at the current schema version) or a retraction. */
export const storedBody: (upcaster: Upcaster, body: BodyToStore) => StoredBody = kit.storedBody

/** The body a commit stores for its append `i` (checked by `validate`). */
export const storedBodyOf: (upcaster: Upcaster, request: CommitRequest, i: number, checked: Checked) => StoredBody = kit.storedBodyOf

/**
 * An entry as stores keep it, with its record time as `recordedAt` (an ISO instant) and its body
 * as stored, fields in the order journal files have always had them.
 */
export const storedOf: (entry: Entry, recordedAt: string, body: StoredBody) => StoredEntry = kit.storedOf
