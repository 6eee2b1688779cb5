/**
 * The read-model store behind `ReadModel.ReadModelStore`: rows of `<schema>.read_models`, each a
 * read model's encoded state, its version and its checkpoint.
 */
import { Effect, Result, Stream } from "effect"
import type { SqlClient } from "effect/sql/SqlClient"
import type { Entry } from "../../journal/Entry.js"
import { JournalCorruptionError, type ReadError } from "../../journal/errors.js"
import type { JournalShape } from "../../journal/Journal.js"
import type { Checkpointed, ReadModel, ReadModelStoreShape } from "../ReadModel.js"
import type { EntryCodec } from "./entries.js"
import { storeError } from "./storeError.js"

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
        return yield* storeError("save")(cause)
      }
      // $5 and $6 are the row's version and checkpoint as read; -1 matches no row.
      const condition = expected === "any"
        ? ""
        : `WHERE ${schema}.read_models.version = $5::integer AND ${schema}.read_models.position = $6::bigint`
      const rows = yield* Effect.mapError(
        sql.unsafe(
          `INSERT INTO ${schema}.read_models (name, version, position, state) VALUES ($1, $2, $3::bigint, $4::jsonb)
           ON CONFLICT (name) DO UPDATE SET version = excluded.version, position = excluded.position, state = excluded.state, updated_at = now()
           ${condition} RETURNING position`,
          expected === "any"
            ? [model.name, model.version, String(next.position), json]
            : [model.name, model.version, String(next.position), json, String(expected?.version ?? -1), String(expected?.position ?? -1)]
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
