/**
 * Read models kept in PostgreSQL: any projection's state, stored in one row of
 * `<schema>.read_models` with the journal position it includes (its checkpoint). `catchUp` feeds
 * the entries after the checkpoint and saves the new state and checkpoint together; `rebuild`
 * replays the whole journal. Any `Projection` becomes a read model with a name, a version and a
 * codec for its state; `catalog` is the catalog's.
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
import type { ReadError } from "../journal/errors.js"
import * as Catalog from "../projection/Catalog.js"
import type { Projection } from "../projection/Projection.js"
import type { EntryCodec } from "./internal/entries.js"

export type { EntryCodec } from "./internal/entries.js"

/**
 * A projection that can be kept in a table: `name` is its row, `version` says which code wrote
 * the row (bump it whenever `projection`, `encode` or `decode` change: a row of another version is
 * ignored and the state rebuilt), `encode` turns a state into JSON and `decode` turns it back.
 * Both get an `EntryCodec` for states that hold journal entries, so that records are stored
 * encoded, and upcast when read, like the journal's own.
 */
export interface ReadModel<S> {
  readonly name: string
  readonly version: number
  readonly projection: Projection<S>
  /** The state as JSON for its row (entries inside it through `entries`). */
  readonly encode: (state: S, entries: EntryCodec) => unknown
  /** The state back from its row, or why the row cannot be read (a `JournalCorruptionError` naming the row). */
  readonly decode: (json: unknown, entries: EntryCodec) => Result.Result<S, string>
}

/** A state and the position of the last journal entry it includes (0 for none). */
export interface Checkpointed<S> {
  readonly state: S
  readonly position: number
}

/** What the read-model store does with read models. */
export interface ReadModelStoreShape {
  /**
   * The saved state and checkpoint; the projection's initial state at position 0 when nothing is
   * saved, or what is saved has another version.
   */
  readonly load: <S>(model: ReadModel<S>) => Effect.Effect<Checkpointed<S>, ReadError>
  /**
   * Loads the saved state, feeds it every entry after its checkpoint and saves the result with
   * the new checkpoint, in one statement; returns it. When another process saved the same read
   * model meanwhile, it starts again from what that process saved.
   */
  readonly catchUp: <S>(model: ReadModel<S>) => Effect.Effect<Checkpointed<S>, ReadError>
  /** Replays the whole journal from the projection's initial state, saves and returns the result. */
  readonly rebuild: <S>(model: ReadModel<S>) => Effect.Effect<Checkpointed<S>, ReadError>
}

/** The read-model store of a PostgreSQL journal, provided by `layerPostgres` with the journal. */
export class ReadModelStore extends Context.Service<ReadModelStore, ReadModelStoreShape>()("protest-chronicle/postgres/ReadModelStore") {}

/** Makes a read model from its parts; a typed identity, for inference. */
export const make = <S>(model: ReadModel<S>): ReadModel<S> => model

/**
 * The catalog as a read model. Its state keeps every entry of every stream, so it is stored as
 * the list of those entries in position order, and decoded by replaying them.
 */
export const catalog: ReadModel<Catalog.Catalog> = make({
  name: "catalog",
  version: 1,
  projection: Catalog.projection,
  encode: (state, entries) =>
    Catalog.streams(state, { includeRetracted: true })
      .flatMap((item) => item.history)
      .sort((a, b) => a.position - b.position)
      .map(entries.encode),
  decode: (json, entries) => {
    if (!Array.isArray(json)) return Result.fail("the saved catalog is not a list of entries")
    let state = Catalog.empty
    let last = 0
    for (const stored of json) {
      const entry = entries.decode(stored)
      if (Result.isFailure(entry)) return Result.fail(entry.failure)
      if (entry.success.position <= last) return Result.fail(`the saved catalog's entries are out of order at position ${entry.success.position}`)
      last = entry.success.position
      state = Catalog.apply(state, entry.success)
    }
    return Result.succeed(state)
  }
})
