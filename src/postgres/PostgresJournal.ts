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
 * by its tails) and also look for new entries every `pollInterval`, so a lost connection delays a
 * tail but never stops it.
 *
 * @since 0.1.0
 */
import { Context, Duration, Effect, Layer, Option, PubSub, Queue, Random, Redacted, Result, Stream } from "effect"
import type { SqlClient } from "effect/sql/SqlClient"
import * as Reactivity from "effect/reactivity/Reactivity"
import type { SqlError } from "effect/sql/SqlError"
import { PgClient } from "@effect/sql-pg"
import type { CommitResult, Entry } from "../journal/Entry.js"
import { streamKey } from "../journal/Entry.js"
import { ConflictError, InvalidCommitError, JournalCorruptionError, JournalStoreError } from "../journal/errors.js"
import { validate } from "../journal/internal/core.js"
import { Journal, type JournalOptions, type JournalShape } from "../journal/Journal.js"
import { makeUpcaster } from "../journal/Upcast.js"
import { builtIn } from "../model/Vocabulary.js"
import { entryColumns, type EntryRow, makeEntryCodec, rowToStored, storedBody } from "./internal/entries.js"
import { storeError } from "./internal/storeError.js"
import { channelOf, currentVersion, migrate, schemaNamePattern, type SchemaProblem, verify } from "./internal/schema.js"
import { makeReadModelStore } from "./internal/readModels.js"
import { ReadModelStore } from "./ReadModel.js"

/** Settings of the PostgreSQL store, besides the connection. */
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
 */
export type PostgresConnection = string | Redacted.Redacted<string> | PgClient.PgPoolConfig

/** The settings of `layerPostgres`: the connection and the store's options. */
export interface PostgresConfig extends PostgresOptions {
  readonly connection: PostgresConnection
}

const PAGE = 1000


const schemaMessage = (schema: string, problem: SchemaProblem): string =>
  problem._tag === "Newer"
    ? `schema ${schema} is at version ${problem.version}, newer than this release of protest-chronicle knows (${currentVersion}): upgrade the library`
    : `schema ${schema} is at version ${problem.version}, but this release needs version ${currentVersion}: open it once with migrate: true`

const isSchemaProblem = (e: unknown): e is SchemaProblem =>
  typeof e === "object" && e !== null && "_tag" in e && (e._tag === "Newer" || e._tag === "Behind")

// Text PostgreSQL cannot store: U+0000 (in text and jsonb) and unpaired surrogates (not UTF-8).
const unstorableText = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/
// The same in JSON text, where JSON.stringify has escaped them (an escaped backslash does not count).
const unstorableJson = /(?<!\\)(?:\\\\)*\\u(?:0000|d[89a-f][0-9a-f]{2})/i

const transient = (error: SqlError): boolean => {
  const tag = error.reason._tag
  return tag === "SerializationError" || tag === "DeadlockError" || tag === "UniqueViolation"
}

interface CommitRow {
  readonly outcome: "committed" | "duplicate" | "conflict" | "nothing-to-retract"
  readonly append_index: number | null
  readonly first_position: bigint | number | null
  readonly recorded_ms: bigint | number | null
  readonly actual: ReadonlyArray<number | null> | null
}

/** Builds the journal over a client, after the schema is in place. */
const makePostgresJournal = (sql: PgClient.PgClient, schema: string, options: PostgresOptions) =>
  Effect.gen(function*() {
    const vocabulary = options.vocabulary ?? builtIn
    const upcaster = makeUpcaster(options.migrations)
    const codec = makeEntryCodec(upcaster, vocabulary)
    const name = `postgres:${schema}`
    const pollInterval = Duration.fromInputUnsafe(options.pollInterval ?? "1 second")
    const scope = yield* Effect.scope

    const decodeRows = (rows: ReadonlyArray<EntryRow>): Effect.Effect<Array<Entry>, JournalCorruptionError> => {
      const entries: Array<Entry> = []
      for (const row of rows) {
        const decoded = codec.decode(rowToStored(row))
        if (Result.isFailure(decoded)) {
          return Effect.fail(new JournalCorruptionError({ path: name, position: Number(row.position), reason: decoded.failure }))
        }
        entries.push(decoded.success)
      }
      return Effect.succeed(entries)
    }

    const page = (after: number, upTo: number | undefined) =>
      Effect.flatMap(
        Effect.mapError(
          upTo === undefined
            ? sql.unsafe<EntryRow>(`SELECT ${entryColumns} FROM ${schema}.entries WHERE position > $1::bigint ORDER BY position LIMIT ${PAGE}`, [String(after)])
            : sql.unsafe<EntryRow>(
              `SELECT ${entryColumns} FROM ${schema}.entries WHERE position > $1::bigint AND position <= $2::bigint ORDER BY position LIMIT ${PAGE}`,
              [String(after), String(upTo)]
            ),
          storeError("read")
        ),
        decodeRows
      )

    const headNow = Effect.mapError(
      Effect.map(sql.unsafe<{ readonly position: bigint | number }>(`SELECT position FROM ${schema}.head`), (rows) => Number(rows[0]?.position ?? 0)),
      storeError("head")
    )

    const readCommit = (key: string) =>
      Effect.flatMap(
        Effect.mapError(
          sql.unsafe<EntryRow>(`SELECT ${entryColumns} FROM ${schema}.entries WHERE idempotency_key = $1 ORDER BY position`, [key]),
          storeError("commit")
        ),
        (rows) => Effect.mapError(decodeRows(rows), storeError("commit"))
      )

    const commit: JournalShape["commit"] = (request) =>
      Effect.suspend(() => {
        const validated = validate(request, vocabulary)
        if (Result.isFailure(validated)) return Effect.fail(validated.failure)
        const checked = validated.success
        if (unstorableText.test(request.idempotencyKey) || (request.author !== undefined && unstorableText.test(request.author))) {
          return Effect.fail(new InvalidCommitError({ reason: "the idempotency key or author holds U+0000 or an unpaired surrogate, which PostgreSQL cannot store" }))
        }
        const parts: Array<string> = []
        for (let i = 0; i < checked.length; i++) {
          const a = request.appends[i]!
          const { revision, stream } = checked[i]!
          const body = a._tag === "retraction"
            ? storedBody(upcaster, { _tag: "retraction", reason: a.reason })
            : storedBody(upcaster, { _tag: "revision", record: revision!.record, encoded: revision!.encoded })
          const part = JSON.stringify({ t: stream.type, i: stream.id, e: a.expected, x: a._tag === "retraction", r: a.reason ?? request.reason ?? null, b: body })
          if (unstorableJson.test(part)) {
            return Effect.fail(new InvalidCommitError({ append: i, reason: "the append holds U+0000 or an unpaired surrogate, which PostgreSQL cannot store" }))
          }
          parts.push(part)
        }
        const appends = `[${parts.join(",")}]`
        const call = (nowIso: string) =>
          sql.unsafe<CommitRow>(`SELECT * FROM ${schema}.append_commit($1, $2, $3::timestamptz, $4::jsonb)`, [
            request.idempotencyKey,
            request.author ?? null,
            nowIso,
            appends
          ])
        const attempt = (nowIso: string, retries: number): Effect.Effect<CommitRow, JournalStoreError> =>
          Effect.catch(
            Effect.map(call(nowIso), (rows) => rows[0]!),
            (error) =>
              transient(error) && retries > 0
                ? Effect.andThen(Effect.flatMap(Random.nextBetween(1, 11), (ms) => Effect.sleep(Duration.millis(ms))), attempt(nowIso, retries - 1))
                : Effect.fail(storeError("commit")(error))
          )
        return Effect.clockWith((clock) => {
          const now = new Date(Math.floor(clock.currentTimeMillisUnsafe())).toISOString()
          return Effect.flatMap(attempt(now, 20), (row): Effect.Effect<CommitResult, ConflictError | InvalidCommitError | JournalStoreError> => {
            switch (row.outcome) {
              case "duplicate":
                return Effect.map(readCommit(request.idempotencyKey), (entries) => ({ entries, duplicate: true }))
              case "conflict": {
                const i = row.append_index!
                const actual = row.actual?.[i] ?? null
                return Effect.fail(new ConflictError({ stream: checked[i]!.stream, expected: request.appends[i]!.expected, actual: actual ?? "none" }))
              }
              case "nothing-to-retract": {
                const i = row.append_index!
                return Effect.fail(new InvalidCommitError({ append: i, reason: `stream ${streamKey(checked[i]!.stream)} has nothing to retract` }))
              }
              case "committed": {
                const first = Number(row.first_position)
                const recordedAt = Number(row.recorded_ms)
                const entries = request.appends.map((a, i): Entry => {
                  const reason = a.reason ?? request.reason
                  const entry: { -readonly [K in keyof Entry]: Entry[K] } = {
                    position: first + i,
                    stream: checked[i]!.stream,
                    revision: (row.actual?.[i] ?? 0) + 1,
                    recordedAt,
                    idempotencyKey: request.idempotencyKey,
                    body: a._tag === "retraction" ? { _tag: "retraction", reason: a.reason } : { _tag: "revision", record: checked[i]!.revision!.record }
                  }
                  if (request.author !== undefined) entry.author = request.author
                  if (reason !== undefined) entry.reason = reason
                  return entry
                })
                return Effect.succeed({ entries, duplicate: false })
              }
            }
          })
        })
      })

    const from = (options?: { readonly from?: number }): number => {
      const f = options?.from
      return typeof f === "number" && Number.isFinite(f) ? Math.max(1, Math.floor(f)) : 1
    }

    const readAll: JournalShape["readAll"] = (options) =>
      Stream.unwrap(
        Effect.map(headNow, (head) =>
          Stream.paginate(from(options) - 1, (after) =>
            after >= head
              ? Effect.succeed([[] as ReadonlyArray<Entry>, Option.none<number>()] as const)
              : Effect.map(page(after, head), (entries): readonly [ReadonlyArray<Entry>, Option.Option<number>] => {
                const last = entries.at(-1)?.position ?? head
                return [entries, last >= head || entries.length < PAGE ? Option.none() : Option.some(last)] as const
              })))
      )

    const readStream: JournalShape["readStream"] = (stream) =>
      Effect.flatMap(
        Effect.mapError(
          sql.unsafe<EntryRow>(`SELECT ${entryColumns} FROM ${schema}.entries WHERE stream_type = $1 AND stream_id = $2 ORDER BY revision`, [
            stream.type,
            stream.id
          ]),
          storeError("readStream")
        ),
        decodeRows
      )

    // Wake-ups for tails: one listening connection per layer, started by the first tail, and
    // started again a second after it fails. Every (re)start wakes the tails, since notifications
    // may have been missed meanwhile.
    const wakeups = yield* PubSub.sliding<void>(1)
    const listen = Effect.scoped(
      Effect.gen(function*() {
        const queue = yield* sql.listen(channelOf(schema))
        yield* PubSub.publish(wakeups, undefined)
        for (;;) {
          yield* Queue.take(queue)
          yield* PubSub.publish(wakeups, undefined)
        }
      })
    ).pipe(
      Effect.catchCause((cause) => Effect.logWarning(`${name}: listening for commits failed; tails poll until it is back`, cause)),
      Effect.andThen(Effect.sleep("1 second")),
      Effect.forever
    )
    let listening = false
    const startListening = Effect.suspend(() => {
      if (listening) return Effect.void
      listening = true
      return Effect.asVoid(Effect.forkIn(listen, scope))
    })

    const tail: JournalShape["tail"] = (options) =>
      Stream.unwrap(
        Effect.gen(function*() {
          yield* startListening
          // Subscribed before the first read: a commit after any read wakes this tail.
          const subscription = yield* PubSub.subscribe(wakeups)
          // A wake-up or the poll interval, whichever comes first. The PubSub keeps one pending
          // wake-up per subscriber at most, so a burst of commits costs at most one extra read.
          const wait = Effect.raceFirst(Effect.asVoid(PubSub.take(subscription)), Effect.sleep(pollInterval))
          return Stream.paginate(from(options) - 1, (after) =>
            Effect.flatMap(page(after, undefined), (entries): Effect.Effect<readonly [ReadonlyArray<Entry>, Option.Option<number>]> =>
              entries.length === 0
                ? Effect.as(wait, [[], Option.some(after)] as const)
                : Effect.succeed([entries, Option.some(entries.at(-1)!.position)] as const)))
        })
      )

    const journal: JournalShape = {
      commit,
      readAll,
      readStream,
      tail,
      // The port's head cannot fail; a lost server is a defect here.
      head: Effect.orDie(headNow)
    }
    return { journal, codec }
  })

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
    const { codec, journal } = yield* makePostgresJournal(pg, schema, options)
    const readModels = makeReadModelStore(pg, schema, journal, codec)
    return Context.make(Journal, journal).pipe(Context.add(ReadModelStore, readModels))
  })

/**
 * The PostgreSQL store over a `PgClient` the application already has (its pool is shared): the
 * `Journal`, and the `ReadModelStore` for read models kept in the same schema. Opening creates or
 * upgrades the schema (unless `migrate: false`) and fails with `JournalStoreError` when the server
 * cannot be reached, the schema is newer than this release, or the name is not acceptable.
 */
export const layerPostgresClient = (
  options: PostgresOptions = {}
): Layer.Layer<Journal | ReadModelStore, JournalStoreError, PgClient.PgClient> =>
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
 * Gotchas: `head` cannot fail in the `Journal` port, so a server lost at that moment is a defect;
 * commits run one after another (batch bulk imports); PostgreSQL cannot store U+0000 or unpaired
 * surrogates, so commits holding them fail with `InvalidCommitError`.
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
 */
export const layerPostgres = (config: PostgresConfig): Layer.Layer<Journal | ReadModelStore, JournalStoreError> =>
  Layer.effectContext(
    Effect.gen(function*() {
      const pg = yield* PgClient.make(poolConfig(config.connection)).pipe(Effect.mapError(storeError("connect")), Effect.provide(Reactivity.layer))
      return yield* build(pg, config)
    })
  )
