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
 * @since 0.2.0
 */
import { Context, Effect, Result, Stream } from "effect"
import type { SqlClient } from "effect/sql/SqlClient"
import type { Entry } from "../journal/Entry.js"
import { JournalCorruptionError, JournalStoreError, type ReadError } from "../journal/errors.js"
import type { JournalShape } from "../journal/Journal.js"
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
  readonly encode: (state: S, entries: EntryCodec) => unknown
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

interface Saved<S> extends Checkpointed<S> {
  /** The version and checkpoint of the row as read, for the conditional save; none when absent. */
  readonly row: { readonly version: number; readonly position: number } | undefined
}

interface ReadModelRow {
  readonly version: number
  readonly position: bigint | number
  readonly state: unknown
}

/** The read-model store over a client, a schema and the journal of the same schema. */
export const makeReadModelStore = (sql: SqlClient, schema: string, journal: JournalShape, codec: EntryCodec): ReadModelStoreShape => {
  const storeError = (method: string) => (cause: unknown) => new JournalStoreError({ method, cause })

  const loadSaved = <S>(model: ReadModel<S>): Effect.Effect<Saved<S>, ReadError> =>
    Effect.gen(function*() {
      const rows = yield* Effect.mapError(
        sql.unsafe<ReadModelRow>(`SELECT version, position, state FROM ${schema}.read_models WHERE name = $1`, [model.name]),
        storeError("load")
      )
      const row = rows[0]
      if (row === undefined) return { state: model.projection.initial, position: 0, row: undefined }
      const position = Number(row.position)
      const at = { version: row.version, position }
      if (row.version !== model.version) return { state: model.projection.initial, position: 0, row: at }
      const decoded = model.decode(row.state, codec)
      if (Result.isFailure(decoded)) {
        return yield* new JournalCorruptionError({ path: `postgres:${schema}/read_models/${model.name}`, position, reason: decoded.failure })
      }
      return { state: decoded.success, position, row: at }
    })

  const feed = <S>(model: ReadModel<S>, start: Checkpointed<S>) =>
    Stream.runFold(
      journal.readAll({ from: start.position + 1 }),
      () => start,
      (acc: Checkpointed<S>, entry: Entry): Checkpointed<S> => ({ state: model.projection.apply(acc.state, entry), position: entry.position })
    )

  /** Saves a state; with `expected`, only over the row as it was read. True when it was saved. */
  const save = <S>(model: ReadModel<S>, next: Checkpointed<S>, expected: Saved<S>["row"] | "any") =>
    Effect.gen(function*() {
      let json: string
      try {
        json = JSON.stringify(model.encode(next.state, codec))
      } catch (cause) {
        return yield* new JournalStoreError({ method: "save", cause })
      }
      const condition = expected === "any"
        ? ""
        : expected === undefined
        ? "WHERE false"
        : `WHERE ${schema}.read_models.version = ${expected.version} AND ${schema}.read_models.position = ${expected.position}`
      const rows = yield* Effect.mapError(
        sql.unsafe(
          `INSERT INTO ${schema}.read_models (name, version, position, state) VALUES ($1, $2, $3::bigint, $4::jsonb)
           ON CONFLICT (name) DO UPDATE SET version = excluded.version, position = excluded.position, state = excluded.state, updated_at = now()
           ${condition} RETURNING position`,
          [model.name, model.version, String(next.position), json]
        ),
        storeError("save")
      )
      return rows.length === 1
    })

  const catchUp = <S>(model: ReadModel<S>): Effect.Effect<Checkpointed<S>, ReadError> =>
    Effect.gen(function*() {
      const saved = yield* loadSaved(model)
      const next = yield* feed(model, { state: saved.state, position: saved.position })
      const unchanged = saved.row !== undefined && saved.row.version === model.version && next.position === saved.position
      if (unchanged) return next
      if (yield* save(model, next, saved.row)) return next
      // Another process saved this read model after it was loaded: continue from its state.
      return yield* catchUp(model)
    })

  return {
    load: (model) => Effect.map(loadSaved(model), ({ position, state }) => ({ state, position })),
    catchUp,
    rebuild: (model) =>
      Effect.gen(function*() {
        const next = yield* feed(model, { state: model.projection.initial, position: 0 })
        yield* save(model, next, "any")
        return next
      })
  }
}
