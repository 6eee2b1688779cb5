import { Cause, Effect, Exit, Layer, Option, Redacted, Stream } from "effect"
import { PgClient } from "@effect/sql-pg"
import { SqlClient } from "effect/sql/SqlClient"
import { describe, expect, inject, it } from "vitest"
import type { CommitRequest } from "../../src/journal/Entry.js"
import { Journal } from "../../src/journal/Journal.js"
import { layerPostgres, layerPostgresClient, type PostgresOptions } from "../../src/postgres/index.js"
import { actor } from "../file/fileHelpers.js"
import { freshSchema, withSql } from "./server.js"

const url = inject("pgUrl")
const prefix = inject("pgSchemaPrefix")

const open = (schema: string, options: PostgresOptions = {}) => Layer.fresh(layerPostgres({ connection: url, schema, ...options }))

const withJournal = <A, E>(schema: string, body: (journal: Journal["Service"]) => Effect.Effect<A, E>, options: PostgresOptions = {}) =>
  Effect.runPromise(Effect.provide(Effect.flatMap(Effect.service(Journal), body), open(schema, options)))

/** The typed error an effect fails with; a success or a defect fails the test. */
const failure = async <A, E>(effect: Promise<Exit.Exit<A, E>>): Promise<E> => {
  const exit = await effect
  if (Exit.isSuccess(exit)) throw new Error("expected a failure, got a success")
  return Option.getOrThrow(Cause.findErrorOption(exit.cause))
}

const openError = (schema: string, options: PostgresOptions = {}) =>
  failure(Effect.runPromiseExit(Effect.provide(Effect.service(Journal), open(schema, options))))

const sql = <A extends object>(text: string) => withSql(url, Effect.flatMap(Effect.service(SqlClient), (client) => client.unsafe<A>(text)))

const create = (id: string, description = "one"): CommitRequest => ({
  idempotencyKey: `create-${id}`,
  appends: [{ _tag: "revision", record: actor(id, description), expected: "none" }]
})

describe.skipIf(url === "")("PostgreSQL store: schema and migrations", () => {
  it("opening creates the schema at the current version once; reopening applies nothing", async () => {
    const schema = freshSchema(prefix)
    await withJournal(schema, (journal) => journal.commit(create("a")))
    await withJournal(schema, (journal) => journal.head)
    const versions = await sql<{ version: number; name: string }>(`SELECT version, name FROM ${schema}.schema_migrations ORDER BY version`)
    expect(versions.map((v) => [v.version, v.name])).toEqual([[1, "journal"], [2, "read models"], [3, "read models in rows, keys of any length"], [4, "commits in columns"]])
  })

  it("with migrate: false, a schema that is missing or behind is a JournalStoreError and nothing is created", async () => {
    const schema = freshSchema(prefix)
    const error = await openError(schema, { migrate: false })
    expect(error._tag).toBe("JournalStoreError")
    expect(error.message).toContain("open it once with migrate: true")
    expect(await sql(`SELECT 1 FROM pg_namespace WHERE nspname = '${schema}'`)).toEqual([])
    await withJournal(schema, (journal) => journal.head)
    expect(await withJournal(schema, (journal) => journal.head, { migrate: false })).toBe(0)
  })

  it("a schema migrated by a newer release is refused, and left as it is", async () => {
    const schema = freshSchema(prefix)
    await withJournal(schema, (journal) => journal.commit(create("a")))
    await sql(`INSERT INTO ${schema}.schema_migrations (version, name) VALUES (99, 'from the future')`)
    for (const migrate of [true, false]) {
      const error = await openError(schema, { migrate })
      expect(error.message).toContain("version 99, newer than this release")
    }
    expect(await sql(`SELECT position FROM ${schema}.entries`)).toHaveLength(1)
  })

  it("a schema name that is not a plain identifier is refused before anything runs", async () => {
    for (const schema of ["Public", "a-b", "x; DROP TABLE y", "", "a".repeat(41)]) {
      const error = await openError(schema)
      expect(error._tag).toBe("JournalStoreError")
      expect(error.message).toContain("is not a schema name this store accepts")
    }
  })

  it("over an application's own client, whatever name transforms it applies", async () => {
    const camel = (name: string) => name.replace(/_(\w)/g, (_, c: string) => c.toUpperCase())
    const client = PgClient.layer({ url: Redacted.make(url), transformResultNames: camel, transformQueryNames: (n) => n.toLowerCase() })
    const entries = await Effect.runPromise(
      Effect.provide(
        Effect.gen(function*() {
          const journal = yield* Journal
          yield* journal.commit(create("a"))
          return yield* Stream.runCollect(journal.readAll())
        }),
        layerPostgresClient({ schema: freshSchema(prefix) }).pipe(Layer.provide(client))
      )
    )
    expect(entries.map((e) => [e.position, e.stream.id, e.revision])).toEqual([[1, "a", 1]])
  })

  it("a server that cannot be reached is a JournalStoreError", async () => {
    const error = await failure(
      Effect.runPromiseExit(Effect.provide(Effect.service(Journal), layerPostgres({ connection: "postgres://postgres@127.0.0.1:1/postgres" })))
    )
    expect(error._tag).toBe("JournalStoreError")
  })
})

describe.skipIf(url === "")("PostgreSQL store: what the database enforces", () => {
  it("a second revision n or a reused idempotency key is refused by the database itself, even bypassing the store", async () => {
    const schema = freshSchema(prefix)
    await withJournal(schema, (journal) => journal.commit(create("a")))
    const insert = (position: number, revision: number, key: string, offset = 0) =>
      withSql(url, Effect.flatMap(Effect.service(SqlClient), (client) =>
        Effect.exit(client.unsafe(
          `INSERT INTO ${schema}.entries (position, stream_type, stream_id, revision, recorded_at, idempotency_key, commit_offset, body)
           SELECT ${position}, stream_type, stream_id, ${revision}, recorded_at, '${key}', ${offset}, body FROM ${schema}.entries WHERE position = 1`
        ))))
    for (const exit of [await insert(2, 1, "other"), await insert(2, 2, "create-a"), await insert(1, 2, "other")]) {
      expect(Exit.isFailure(exit) && JSON.stringify(exit.cause)).toMatch(/UniqueViolation/)
    }
  })

  it("text PostgreSQL cannot store (U+0000, unpaired surrogates) is an InvalidCommitError naming the append; nothing is written", async () => {
    const schema = freshSchema(prefix)
    const errors = await withJournal(schema, (journal) =>
      Effect.gen(function*() {
        const results = []
        for (const request of [
          { ...create("a", "nul \u0000 here") },
          { idempotencyKey: "k", appends: [...create("b").appends, ...create("c", "half \ud800 a pair").appends] },
          { ...create("d"), author: "x\u0000" },
          { ...create("e"), idempotencyKey: "\udc00" }
        ] satisfies ReadonlyArray<CommitRequest>) {
          results.push(yield* Effect.flip(journal.commit(request)))
        }
        expect(yield* journal.head).toBe(0)
        // A backslash before "u0000" in the text itself is ordinary text.
        yield* journal.commit(create("f", "a path: C:\\u0000\\file"))
        return results
      }))
    expect(errors.map((e) => [e._tag, "append" in e ? e.append : undefined])).toEqual([
      ["InvalidCommitError", 0],
      ["InvalidCommitError", 1],
      ["InvalidCommitError", undefined],
      ["InvalidCommitError", undefined]
    ])
  })
})
