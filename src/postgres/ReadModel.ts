/**
 * Read models kept in PostgreSQL: any projection's state, stored in rows that the read model
 * cuts it into (one per key it chooses: per record stream, per day, per record type…) beside the
 * journal position the rows include, the checkpoint. `catchUp` feeds the entries after the
 * checkpoint and writes only the rows those entries changed, with the new checkpoint, in one
 * transaction; `rebuild` replays the whole journal. Any `Projection` becomes a read model with a
 * name, a version and three functions that say how its state maps onto rows; `catalog` is the
 * catalog's, one row per journal entry.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Projection } from "protest-chronicle"
 * import { ReadModel } from "protest-chronicle/postgres"
 *
 * const events = Effect.gen(function*() {
 *   const readModels = yield* ReadModel.ReadModelStore
 *   const { state, position } = yield* readModels.catchUp(ReadModel.catalog)
 *   return { position, events: Projection.Catalog.events(state) }
 * })
 * ```
 *
 * @since 0.1.0
 *
 * @module
 */
import { Context, type Effect, Result } from "effect"
import type { Entry, StoredEntry, StreamRef } from "../journal/Entry.js"
import { streamKey } from "../journal/Entry.js"
import type { ReadError } from "../journal/errors.js"
import * as Catalog from "../projection/Catalog.js"
import type { Projection } from "../projection/Projection.js"

/**
 * Reads stored entries (rows, or read-model JSON) and writes entries back as stored entries, with
 * the journal's migrations and vocabulary: what a read model uses to keep journal entries in its
 * rows, so that records are stored encoded and upcast when read, like the journal's own.
 *
 * @category models
 * @since 0.1.0
 */
export interface EntryCodec {
  /** Checks the shape, upcasts the body and decodes the record; a reason on failure. */
  readonly decode: (stored: unknown) => Result.Result<Entry, string>
  /** The stored form of an entry, its record encoded in the current schema version. */
  readonly encode: (entry: Entry) => StoredEntry
}

/**
 * A projection kept in a table, as rows under keys it chooses. `name` identifies it; `version`
 * says which code wrote its rows (bump it whenever `projection`, `keys`, `encode` or `restore`
 * change: rows of another version are dropped and the state rebuilt from the journal).
 *
 * The contract: `keys(entry)` names every row that applying `entry` may change; `encode(state,
 * key)` is that row's JSON in `state` (`undefined` when the state has nothing under the key, and
 * the row is deleted); `restore` adds one saved row back to a state. Restoring every row, in the
 * byte order of their keys (code point order), from `projection.initial` must give the state
 * that replaying the journal gives. A catch-up after k new entries then writes only the rows
 * those k entries name. Keys are non-empty and at most `MAX_KEY_BYTES` bytes of UTF-8; a row may
 * be of any size, but each is rewritten whole when one of its entries arrives, so keep rows small
 * (a state in one row is rewritten on every catch-up).
 *
 * `encode` and `restore` get an `EntryCodec` for rows that hold journal entries, so that records
 * are stored encoded, and upcast when read, like the journal's own.
 *
 * @category models
 * @since 0.1.0
 */
export interface ReadModel<S> {
  readonly name: string
  readonly version: number
  readonly projection: Projection<S>
  /** The keys of the rows that applying `entry` may change. */
  readonly keys: (entry: Entry) => Iterable<string>
  /** The row of `key` in `state`, as JSON; `undefined` when there is none (the row is deleted). */
  readonly encode: (state: S, key: string, entries: EntryCodec) => unknown
  /** `state` with the saved row `key` added, or why the row cannot be read (a `JournalCorruptionError` naming it). */
  readonly restore: (state: S, key: string, json: unknown, entries: EntryCodec) => Result.Result<S, string>
}

/**
 * The longest key a read model's row may have, in bytes of UTF-8 (the table's index bounds it).
 *
 * @category constants
 * @since 0.1.0
 */
export const MAX_KEY_BYTES = 1000

/**
 * A state and the position of the last journal entry it includes (0 for none).
 *
 * @category models
 * @since 0.1.0
 */
export interface Checkpointed<S> {
  readonly state: S
  readonly position: number
}

/**
 * What the read-model store does with read models.
 *
 * @category models
 * @since 0.1.0
 */
export interface ReadModelStoreShape {
  /**
   * The saved state and checkpoint; the projection's initial state at position 0 when nothing is
   * saved, or what is saved has another version. Reads every row once per process; later calls
   * reuse the state this process last loaded or saved.
   */
  readonly load: <S>(model: ReadModel<S>) => Effect.Effect<Checkpointed<S>, ReadError>
  /**
   * Brings the read model up to the journal's head and returns it: feeds the saved state every
   * entry after its checkpoint, then writes the rows those entries name and the new checkpoint
   * in one transaction, on the condition that no other process moved the checkpoint meanwhile
   * (if one did, it starts again from there). The first call in a process reads every row; later
   * calls start from the state kept in memory, so they read and write in proportion to what is
   * new. A saved state of another version is dropped and rebuilt.
   */
  readonly catchUp: <S>(model: ReadModel<S>) => Effect.Effect<Checkpointed<S>, ReadError>
  /** Replays the whole journal from the projection's initial state, replaces every row and returns the result. */
  readonly rebuild: <S>(model: ReadModel<S>) => Effect.Effect<Checkpointed<S>, ReadError>
}

/**
 * The read-model store of a PostgreSQL journal, provided by `layerPostgres` with the journal.
 *
 * @category services
 * @since 0.1.0
 */
export class ReadModelStore extends Context.Service<ReadModelStore, ReadModelStoreShape>()("protest-chronicle/postgres/ReadModelStore") {}

/**
 * Makes a read model from its parts; a typed identity, for inference.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { ReadModel } from "protest-chronicle/postgres"
 *
 * // How many entries each record type has: one small row per type.
 * const entriesPerType = ReadModel.make<ReadonlyMap<string, number>>({
 *   name: "entries-per-type",
 *   version: 1,
 *   projection: {
 *     initial: new Map(),
 *     apply: (state, entry) => new Map(state).set(entry.stream.type, (state.get(entry.stream.type) ?? 0) + 1)
 *   },
 *   keys: (entry) => [entry.stream.type],
 *   encode: (state, key) => state.get(key),
 *   restore: (state, key, json) =>
 *     typeof json === "number" ? Result.succeed(new Map(state).set(key, json)) : Result.fail(`the row ${key} is not a count`)
 * })
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = <S>(model: ReadModel<S>): ReadModel<S> => model

// The catalog's row of an entry: its stream and its revision, zero-padded so that byte order is
// revision order and a stream's rows are restored revision 1 first.
const entryKey = (entry: Entry): string => `${streamKey(entry.stream)}#${String(entry.revision).padStart(10, "0")}`

/**
 * The catalog as a read model. Its state is every entry of every stream, so it keeps one row per
 * entry (key `type/id#revision`, the entry as the journal stores it): a catch-up writes one row
 * per new entry, and no row is ever rewritten. Restoring checks that each stream's revisions
 * follow 1, 2, 3… and belong to the row they are in.
 *
 * @category read models
 * @since 0.1.0
 */
export const catalog: ReadModel<Catalog.Catalog> = make({
  name: "catalog",
  version: 2,
  projection: Catalog.projection,
  keys: (entry) => [entryKey(entry)],
  encode: (state, key, entries) => {
    const hash = key.lastIndexOf("#")
    const revision = Number(key.slice(hash + 1))
    // The stream key is "type/id": types hold no slash, ids may.
    const slash = key.indexOf("/")
    const entry = Catalog.entryAt(state, { type: key.slice(0, slash), id: key.slice(slash + 1, hash) } as StreamRef, revision)
    return entry === undefined ? undefined : entries.encode(entry)
  },
  restore: (state, key, json, entries) => {
    const decoded = entries.decode(json)
    if (Result.isFailure(decoded)) return Result.fail(decoded.failure)
    const entry = decoded.success
    if (entryKey(entry) !== key) return Result.fail(`the row holds revision ${entry.revision} of ${streamKey(entry.stream)}`)
    const count = Catalog.revisionOf(state, entry.stream)
    if (count !== entry.revision - 1) return Result.fail(`revision ${count + 1} of ${streamKey(entry.stream)} is missing`)
    return Result.succeed(Catalog.apply(state, entry))
  }
})
