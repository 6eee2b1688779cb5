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
