/**
 * The test server, as the PostgreSQL tests see it: its URL (empty when the suite is skipped), fresh
 * schema names, a journal layer over a fresh schema, and SQL run directly.
 */
import { Effect, Redacted } from "effect"
import { SqlClient } from "effect/sql/SqlClient"
import { PgClient } from "@effect/sql-pg"
import { layerPostgres, type PostgresOptions } from "../../src/postgres/index.js"

let counter = 0

/** A schema name no other test of this run uses, under the run's prefix. */
export const freshSchema = (prefix: string): string => `${prefix}_${process.pid.toString(36)}_${(counter++).toString(36)}`

/** A journal over a fresh schema of the test server. */
export const freshJournal = (url: string, prefix: string, options: PostgresOptions = {}) =>
  layerPostgres({ connection: url, schema: freshSchema(prefix), ...options })

/** A client of the test server, for SQL the tests run themselves. */
export const sqlLayer = (url: string, maxConnections = 4) => PgClient.layer({ url: Redacted.make(url), maxConnections })

/** Runs `effect` with a client of the test server. */
export const withSql = <A, E>(url: string, effect: Effect.Effect<A, E, SqlClient>): Promise<A> =>
  Effect.runPromise(Effect.provide(effect, sqlLayer(url)))

/** Drops every schema whose name starts with `prefix` (the end of a run on someone's server). */
export const dropSchemas = (url: string, prefix: string): Promise<void> =>
  withSql(
    url,
    Effect.gen(function*() {
      const sql = yield* SqlClient
      const rows = yield* sql.unsafe<{ readonly name: string }>(`SELECT nspname AS name FROM pg_namespace WHERE starts_with(nspname, $1)`, [`${prefix}_`])
      for (const { name } of rows) yield* sql.unsafe(`DROP SCHEMA "${name}" CASCADE`)
    })
  )

/**
 * Writes `count` small entries (actors `bulk-<position>`, revision 1) straight into the journal's
 * table after position `after`, in one statement, and moves the head: a fast way to a large
 * journal, as an import bypassing the store would make it.
 */
export const bulkEntries = (sql: SqlClient, schema: string, after: number, count: number) =>
  Effect.gen(function*() {
    yield* sql.unsafe(
      `INSERT INTO ${schema}.entries (position, stream_type, stream_id, revision, recorded_at, idempotency_key, commit_offset, body)
       SELECT g, 'actor', 'bulk-' || g, 1, '2024-01-01T00:00:00Z', 'bulk-' || (g / 1000), g % 1000,
         jsonb_build_object('_tag', 'revision', 'schemaVersion', 1,
           'record', jsonb_build_object('type', 'actor', 'id', 'bulk-' || g, 'kind', 'workers', 'name', 'Workers bulk-' || g))
       FROM generate_series($1::bigint, $2::bigint) g`,
      [String(after + 1), String(after + count)]
    )
    yield* sql.unsafe(`UPDATE ${schema}.head SET position = $1::bigint, recorded_at = '2024-01-01T00:00:00Z'`, [String(after + count)])
  })
