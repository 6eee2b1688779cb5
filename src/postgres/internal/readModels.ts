/**
 * The read-model store behind `ReadModel.ReadModelStore`. Each read model has one row of
 * `<schema>.read_models` (its version and checkpoint) and rows of `<schema>.read_model_rows` (its
 * state, by key). The checkpoint row is also the lock: a save first moves the checkpoint on the
 * condition that it is still where this process read it, so of two processes saving at once one
 * waits for the other, finds the checkpoint moved and starts again from the other's state.
 *
 * Each process keeps the last state it loaded or saved of each read model. A catch-up whose
 * checkpoint has not moved backwards from that state (another process may have moved it forward)
 * starts from it and reads only the entries after it: a catch-up costs what is new, not the
 * whole state. Only the first catch-up in a process, or one after another process rebuilt the
 * read model, reads every row, inside one repeatable-read transaction so that the rows and the
 * checkpoint are seen as one process saved them.
 */
import { Effect, Result, Stream } from "effect"
import type { SqlClient } from "effect/sql/SqlClient"
import type { Entry } from "../../journal/Entry.js"
import { JournalCorruptionError, JournalStoreError, type ReadError } from "../../journal/errors.js"
import type { JournalShape } from "../../journal/Journal.js"
import { type Checkpointed, type EntryCodec, MAX_KEY_BYTES, type ReadModel, type ReadModelStoreShape } from "../ReadModel.js"
import { type PagedQuery, PAGE_BYTES, PAGE_ROWS, readPage } from "./pages.js"
import { oneLine, storeError } from "./storeError.js"

interface Checkpoint {
  readonly version: number
  readonly position: number
}

interface Cached {
  // Compared by identity only: a state is reused only by the read model object that made it.
  readonly model: object
  readonly state: unknown
  readonly position: number
}

/** A state fed with entries, and the keys of the rows the entries after `since` named. */
interface Fed<S> extends Checkpointed<S> {
  readonly keys: ReadonlySet<string>
}

/** A key as messages show it: on one line, at most 60 characters. */
const shortKey = (key: string): string => {
  const flat = oneLine(key)
  return flat.length <= 60 ? flat : `${flat.slice(0, 60)}…`
}

// Text PostgreSQL cannot store in a key: U+0000 and unpaired surrogates.
const unstorable = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

/** The read-model store over a client, a schema and the journal of the same schema. */
export const makeReadModelStore = (sql: SqlClient, schema: string, journal: JournalShape, codec: EntryCodec): ReadModelStoreShape => {
  const cache = new Map<string, Cached>()

  const rowsQuery: PagedQuery = {
    table: `${schema}.read_model_rows`,
    small: ["name", "key"],
    large: ["value"],
    size: "octet_length(value)",
    order: "key",
    orderType: "text",
    where: "name = $2",
    identity: (row) => ({ where: "name = $1 AND key = $2", params: [row["name"], row["key"]] })
  }

  const checkpointOf = (name: string): Effect.Effect<Checkpoint | undefined, JournalStoreError> =>
    Effect.mapError(
      Effect.map(
        sql.unsafe<{ readonly version: number; readonly position: bigint | number }>(`SELECT version, position FROM ${schema}.read_models WHERE name = $1`, [name]),
        (rows) => (rows[0] === undefined ? undefined : { version: rows[0].version, position: Number(rows[0].position) })
      ),
      storeError("load")
    )

  /** The saved state of `model` and its checkpoint, read as one snapshot; none when absent or of another version. */
  const loadRows = <S>(model: ReadModel<S>): Effect.Effect<{ readonly checkpoint: Checkpoint | undefined; readonly state: S }, ReadError> =>
    sql.withTransaction(
      Effect.gen(function*() {
        yield* Effect.mapError(sql.unsafe(`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY`), storeError("load"))
        // Rows are read in key order through the primary key. On a table not yet analyzed (just
        // after a large save), the planner would guess that few rows match and sort them instead,
        // reading every remaining row for each page.
        yield* Effect.mapError(sql.unsafe(`SET LOCAL enable_sort = off`), storeError("load"))
        yield* Effect.mapError(sql.unsafe(`SET LOCAL enable_bitmapscan = off`), storeError("load"))
        const checkpoint = yield* checkpointOf(model.name)
        let state = model.projection.initial
        if (checkpoint === undefined || checkpoint.version !== model.version) return { checkpoint, state }
        let after = ""
        for (;;) {
          const page = yield* Effect.mapError(
            readPage<{ readonly key: string; readonly value: string }>(sql, rowsQuery, after, [model.name]),
            storeError("load")
          )
          for (const row of page.rows) {
            let json: unknown
            try {
              json = JSON.parse(row.value)
            } catch {
              json = undefined
            }
            const restored = json === undefined
              ? Result.fail("the row is not JSON")
              : model.restore(state, row.key, json, codec)
            if (Result.isFailure(restored)) {
              return yield* new JournalCorruptionError({
                path: `postgres:${schema}/read_model_rows/${model.name}`,
                position: checkpoint.position,
                reason: `row "${shortKey(row.key)}": ${restored.failure}`
              })
            }
            state = restored.success
          }
          const last = page.rows.at(-1)
          if (!page.more || last === undefined) return { checkpoint, state }
          after = last.key
        }
      })
    ).pipe(Effect.catchTag("SqlError", (e) => Effect.fail(storeError("load")(e))))

  const feed = <S>(model: ReadModel<S>, start: Checkpointed<S>, since: number): Effect.Effect<Fed<S>, ReadError> =>
    Stream.runFold(
      journal.readAll({ from: start.position + 1 }),
      (): { state: S; position: number; keys: Set<string> } => ({ state: start.state, position: start.position, keys: new Set() }),
      (acc, entry: Entry) => {
        acc.state = model.projection.apply(acc.state, entry)
        acc.position = entry.position
        if (entry.position > since) for (const key of model.keys(entry)) acc.keys.add(key)
        return acc
      }
    )

  const badKey = (name: string, key: unknown): JournalStoreError | undefined => {
    const problem = typeof key !== "string" || key === ""
      ? "is not a non-empty string"
      : Buffer.byteLength(key) > MAX_KEY_BYTES
      ? `is ${Buffer.byteLength(key)} bytes long, over the limit of ${MAX_KEY_BYTES}`
      : unstorable.test(key)
      ? "holds U+0000 or an unpaired surrogate, which PostgreSQL cannot store"
      : undefined
    return problem === undefined
      ? undefined
      : storeError("save")(new Error(`read model ${name}: the key "${shortKey(String(key))}" ${problem}`))
  }

  /** Writes the rows `keys` name, in statements of at most `PAGE_ROWS` rows and about `PAGE_BYTES`. */
  const writeRows = <S>(model: ReadModel<S>, fed: Fed<S>, fresh: boolean) =>
    Effect.gen(function*() {
      let keys: Array<string> = []
      let values: Array<string> = []
      let bytes = 0
      const deleted: Array<string> = []
      // After the rows were all deleted, plain inserts (half the cost of an upsert) suffice.
      const upsert = fresh ? "" : "ON CONFLICT (name, key) DO UPDATE SET value = excluded.value, position = excluded.position"
      const flush = Effect.suspend(() => {
        if (keys.length === 0) return Effect.void
        const statement = sql.unsafe(
          `INSERT INTO ${schema}.read_model_rows (name, key, value, position)
           SELECT $1, r.key, r.value, $2::bigint FROM unnest($3::text[], $4::text[]) AS r (key, value)
           ${upsert}`,
          [model.name, String(fed.position), keys, values]
        )
        keys = []
        values = []
        bytes = 0
        return statement
      })
      for (const key of fed.keys) {
        const bad = badKey(model.name, key)
        if (bad !== undefined) return yield* bad
        let value: string | undefined
        try {
          const json = model.encode(fed.state, key, codec)
          value = json === undefined ? undefined : JSON.stringify(json)
        } catch (cause) {
          return yield* storeError("save")(new Error(`read model ${model.name}: the row "${shortKey(key)}" cannot be written as JSON: ${cause instanceof Error ? cause.message : String(cause)}`))
        }
        if (value === undefined) {
          deleted.push(key)
          continue
        }
        keys.push(key)
        values.push(value)
        bytes += value.length
        if (keys.length >= PAGE_ROWS || bytes >= PAGE_BYTES) yield* flush
      }
      yield* flush
      if (deleted.length > 0) {
        yield* sql.unsafe(`DELETE FROM ${schema}.read_model_rows WHERE name = $1 AND key = ANY($2::text[])`, [model.name, deleted])
      }
    })

  /**
   * Saves `fed` in one transaction: moves the checkpoint (only from `expected`, or from anything
   * with "any"), replaces every row when `fresh`, and writes the rows `fed` names. False when
   * another process moved the checkpoint first; then nothing is written.
   */
  const save = <S>(model: ReadModel<S>, fed: Fed<S>, expected: Checkpoint | undefined | "any", fresh: boolean) =>
    sql.withTransaction(
      Effect.gen(function*() {
        const params = [model.name, model.version, String(fed.position)]
        const claimed = expected === "any"
          ? yield* sql.unsafe(
            `INSERT INTO ${schema}.read_models (name, version, position) VALUES ($1, $2, $3::bigint)
             ON CONFLICT (name) DO UPDATE SET version = excluded.version, position = excluded.position, updated_at = now() RETURNING name`,
            params
          )
          : expected === undefined
          ? yield* sql.unsafe(
            `INSERT INTO ${schema}.read_models (name, version, position) VALUES ($1, $2, $3::bigint) ON CONFLICT (name) DO NOTHING RETURNING name`,
            params
          )
          : yield* sql.unsafe(
            `UPDATE ${schema}.read_models SET version = $2, position = $3::bigint, updated_at = now()
             WHERE name = $1 AND version = $4 AND position = $5::bigint RETURNING name`,
            [...params, expected.version, String(expected.position)]
          )
        if (claimed.length === 0) return false
        if (fresh) yield* sql.unsafe(`DELETE FROM ${schema}.read_model_rows WHERE name = $1`, [model.name])
        yield* writeRows(model, fed, fresh)
        return true
      })
    ).pipe(Effect.catchTag("SqlError", (e) => Effect.fail(storeError("save")(e))))

  const remember = <S>(model: ReadModel<S>, state: Checkpointed<S>): Checkpointed<S> => {
    cache.set(model.name, { model, state: state.state, position: state.position })
    return { state: state.state, position: state.position }
  }

  /** Where a catch-up starts: the state kept in memory when still valid, else the saved rows. */
  const start = <S>(model: ReadModel<S>) =>
    Effect.gen(function*() {
      const checkpoint = yield* checkpointOf(model.name)
      const cached = cache.get(model.name)
      if (checkpoint !== undefined && checkpoint.version === model.version && cached?.model === model && cached.position <= checkpoint.position) {
        return { checkpoint, from: { state: cached.state as S, position: cached.position } }
      }
      if (checkpoint === undefined || checkpoint.version !== model.version) {
        return { checkpoint, from: { state: model.projection.initial, position: 0 } }
      }
      const loaded = yield* loadRows(model)
      const valid = loaded.checkpoint !== undefined && loaded.checkpoint.version === model.version
      return { checkpoint: loaded.checkpoint, from: { state: loaded.state, position: valid ? loaded.checkpoint!.position : 0 } }
    })

  const catchUp = <S>(model: ReadModel<S>): Effect.Effect<Checkpointed<S>, ReadError> =>
    Effect.gen(function*() {
      const { checkpoint, from } = yield* start(model)
      const fresh = checkpoint === undefined || checkpoint.version !== model.version
      const fed = yield* feed(model, from, fresh ? 0 : checkpoint.position)
      if (!fresh && fed.position === checkpoint.position) return remember(model, fed)
      if (yield* save(model, fed, checkpoint, fresh)) return remember(model, fed)
      // Another process saved first: go on from the state this one started with.
      if (!fresh) remember(model, from)
      return yield* catchUp(model)
    })

  return {
    load: (model) =>
      Effect.gen(function*() {
        const checkpoint = yield* checkpointOf(model.name)
        const cached = cache.get(model.name)
        if (checkpoint?.version === model.version && cached?.model === model && cached.position === checkpoint.position) {
          return { state: cached.state as typeof model.projection.initial, position: cached.position }
        }
        const loaded = yield* loadRows(model)
        if (loaded.checkpoint === undefined || loaded.checkpoint.version !== model.version) return { state: model.projection.initial, position: 0 }
        return remember(model, { state: loaded.state, position: loaded.checkpoint.position })
      }),
    catchUp,
    rebuild: (model) =>
      Effect.gen(function*() {
        const fed = yield* feed(model, { state: model.projection.initial, position: 0 }, 0)
        yield* save(model, fed, "any", true)
        return remember(model, fed)
      })
  }
}
