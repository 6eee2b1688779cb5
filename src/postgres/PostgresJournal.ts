/**
 * The PostgreSQL store: the same journal on a PostgreSQL server, shared by any number of
 * processes on any number of machines. Its tables live in one schema (default
 * `protest_chronicle`), created and upgraded by numbered migrations when the layer opens.
 *
 * **Commits.** A commit is one call of the function `<schema>.append_commit`: one statement, one
 * round trip, all or nothing. It locks the one row of `<schema>.head` for the rest of its
 * transaction, then checks the idempotency key and every expected revision, inserts the entries
 * at the next positions and moves the head. Commits therefore take positions one at a time and
 * without gaps, and the unique constraints on (stream, revision) and (idempotency key, offset)
 * hold even against a writer that bypasses the function: two processes can never both win.
 * The appends travel as one array per column (stream types, ids, expected revisions, reasons,
 * bodies as JSON text), so that a commit of tens of thousands of appends costs the server about
 * what a `COPY` of the same rows does: each body is parsed once, the checks are set-based.
 *
 * **Commit-safe order.** A transaction becomes visible before it releases its locks, and the next
 * commit cannot take positions before it has the head's lock. So by the time any reader can see
 * position n, every position below n is visible too: reading "after position p, in position
 * order" never skips an entry that commits late, which is the problem stores with sequence-based
 * positions solve with transaction ids and snapshot horizons (Emmett) or a high water mark
 * (Marten). The price is that commits do not overlap: a journal takes about as many commits per
 * second as the server can run short transactions one after another, so bulk imports should put
 * many appends into each commit.
 *
 * **Tails** listen on the channel `protest_chronicle:<schema>` (one connection per layer, shared
 * by its tails) and also look for new entries every `pollInterval`. A lost connection delays a
 * tail but never stops it: a page read that loses its connection is read again from the same
 * position after a growing delay, and the listening connection is reopened; each loss is one
 * warning line in the log.
 *
 * **Sizes.** Reads come in pages bounded by count and bytes, and an entry over 1 MiB is fetched
 * apart in slices, so every committed entry stays readable through the driver's `maxMessageSize`.
 * A commit holds at most `MAX_COMMIT_BYTES`; idempotency keys may be of any length.
 *
 * @since 0.1.0
 */
import { Context, Duration, Effect, Layer, Redacted } from "effect"
import type { SqlClient } from "effect/sql/SqlClient"
import * as Reactivity from "effect/reactivity/Reactivity"
import { PgClient } from "@effect/sql-pg"
import { JournalStoreError } from "../journal/errors.js"
import { Journal, type JournalOptions } from "../journal/Journal.js"
import type { MigrationError } from "../journal/Upcast.js"
import type { VocabularyError } from "../model/Vocabulary.js"
import { makeReadModelStore } from "./internal/readModels.js"
import { currentVersion, migrate, schemaNamePattern, type SchemaProblem, verify } from "./internal/schema.js"
import { MAX_COMMIT_BYTES as commitLimit, makeStore } from "./internal/store.js"
import { storeError } from "./internal/storeError.js"
import { ReadModelStore } from "./ReadModel.js"

/**
 * The most a commit may hold (64 MiB), in bytes of JSON as the store sends it to the server: each
 * append's record or retraction and reason, and the idempotency key and author, which every entry
 * repeats. A larger commit fails with `InvalidCommitError` before anything is written: split bulk
 * imports into several commits, and keep large documents outside the journal (cite them).
 *
 * @category constants
 * @since 0.1.0
 */
export const MAX_COMMIT_BYTES: number = commitLimit

/**
 * Settings of the PostgreSQL store, besides the connection.
 *
 * @category models
 * @since 0.1.0
 */
export interface PostgresOptions extends JournalOptions {
  /**
   * The schema that holds the journal's tables (default `"protest_chronicle"`): a lower-case
   * identifier of at most 40 characters (`[a-z_][a-z0-9_]*`). Several journals can share a
   * database in different schemas.
   */
  readonly schema?: string
  /**
   * Whether opening the layer creates and upgrades the schema (default `true`). With `false` the
   * schema must already be at this release's version, for deployments where the application's
   * database user may not run DDL: apply the migrations once with a user that may.
   */
  readonly migrate?: boolean
  /**
   * How often a tail looks for new entries when no notification arrives (default 1 second).
   * Notifications make tails prompt; polling covers a listening connection that was lost.
   */
  readonly pollInterval?: Duration.Input
}

/**
 * Where the server is: a connection URL (`postgres://user:password@host:5432/database`), as text
 * or `Redacted`, or the full settings of `@effect/sql-pg`'s pool (host, port, TLS, pool size…).
 *
 * @category models
 * @since 0.1.0
 */
export type PostgresConnection = string | Redacted.Redacted<string> | PgClient.PgPoolConfig

/**
 * The settings of `layerPostgres`: the connection and the store's options.
 *
 * @category models
 * @since 0.1.0
 */
export interface PostgresConfig extends PostgresOptions {
  readonly connection: PostgresConnection
}

const schemaMessage = (schema: string, problem: SchemaProblem): string =>
  problem._tag === "Newer"
    ? `schema ${schema} is at version ${problem.version}, newer than this release of protest-chronicle knows (${currentVersion}): upgrade the library`
    : `schema ${schema} is at version ${problem.version}, but this release needs version ${currentVersion}: open it once with migrate: true`

const isSchemaProblem = (e: unknown): e is SchemaProblem =>
  typeof e === "object" && e !== null && "_tag" in e && (e._tag === "Newer" || e._tag === "Behind")

const openSchema = (sql: SqlClient, schema: string, options: PostgresOptions) =>
  Effect.gen(function*() {
    if (!schemaNamePattern.test(schema)) {
      return yield* new JournalStoreError({
        method: "open",
        cause: new Error(`"${schema}" is not a schema name this store accepts: [a-z_][a-z0-9_]*, at most 40 characters`)
      })
    }
    const run = options.migrate === false ? verify(sql, schema) : migrate(sql, schema)
    yield* Effect.mapError(run, (e) =>
      isSchemaProblem(e)
        ? storeError("migrate")(new Error(schemaMessage(schema, e)))
        : storeError("migrate")(e))
  })

const build = (pg: PgClient.PgClient, options: PostgresOptions) =>
  Effect.gen(function*() {
    const schema = options.schema ?? "protest_chronicle"
    yield* openSchema(pg, schema, options)
    const pollInterval = Duration.fromInputUnsafe(options.pollInterval ?? "1 second")
    const { codec, journal } = yield* makeStore(pg, schema, { ...options, pollInterval })
    const readModels = makeReadModelStore(pg, schema, journal, codec)
    return Context.make(Journal, journal).pipe(Context.add(ReadModelStore, readModels))
  })

/**
 * The PostgreSQL store over a `PgClient` the application already has (its pool is shared): the
 * `Journal`, and the `ReadModelStore` for read models kept in the same schema. Opening creates or
 * upgrades the schema (unless `migrate: false`) and fails with `JournalStoreError` when the server
 * cannot be reached, the schema is newer than this release, or the name is not acceptable.
 *
 * @example
 * ```ts
 * import { Layer, Redacted } from "effect"
 * import { PgClient } from "@effect/sql-pg"
 * import { layerPostgresClient } from "protest-chronicle/postgres"
 *
 * // The application's own pool, shared by its queries and the journal (kept in its own schema).
 * const pool = PgClient.layer({ url: Redacted.make("postgres://chronicle@db.internal:5432/chronicle") })
 * const stores = layerPostgresClient({ schema: "newsroom" }).pipe(Layer.provide(pool))
 * ```
 *
 * @category layers
 * @since 0.1.0
 */
export const layerPostgresClient = (
  options: PostgresOptions = {}
): Layer.Layer<Journal | ReadModelStore, JournalStoreError | MigrationError | VocabularyError, PgClient.PgClient> =>
  // Without the client's name and JSON transforms: the store reads its rows by their column names.
  Layer.effectContext(Effect.flatMap(Effect.service(PgClient.PgClient), (pg) => build(pg.withoutTransforms(), options)))

const poolConfig = (connection: PostgresConnection): PgClient.PgPoolConfig =>
  typeof connection === "string"
    ? { url: Redacted.make(connection) }
    : Redacted.isRedacted(connection)
    ? { url: connection }
    : connection

/**
 * A journal on a PostgreSQL server: the `Journal` every process opening the same database and
 * schema shares, and the `ReadModelStore` for read models kept beside it. The layer opens its own
 * connection pool (closed with the layer's scope), creates or upgrades the schema through
 * numbered migrations (unless `migrate: false`), and fails with `JournalStoreError` when the
 * server cannot be reached or the schema cannot be used. The module doc explains how commits are
 * ordered and why readers never skip an entry.
 *
 * Gotchas: commits run one after another (batch bulk imports); PostgreSQL cannot store U+0000 or unpaired
 * surrogates, so commits holding them fail with `InvalidCommitError`, as do commits over
 * `MAX_COMMIT_BYTES`; a pool configured with a `maxMessageSize` under 2 MiB cannot read large
 * entries.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Journal } from "protest-chronicle"
 * import { layerPostgres } from "protest-chronicle/postgres"
 *
 * const program = Effect.gen(function*() {
 *   const journal = yield* Journal.Journal
 *   return yield* journal.head
 * }).pipe(Effect.provide(layerPostgres({ connection: "postgres://chronicle@db.internal:5432/chronicle" })))
 * ```
 *
 * @category layers
 * @since 0.1.0
 */
export const layerPostgres = (config: PostgresConfig): Layer.Layer<Journal | ReadModelStore, JournalStoreError | MigrationError | VocabularyError> =>
  Layer.effectContext(
    Effect.gen(function*() {
      const pg = yield* PgClient.make(poolConfig(config.connection)).pipe(Effect.mapError(storeError("connect")), Effect.provide(Reactivity.layer))
      return yield* build(pg, config)
    })
  )
