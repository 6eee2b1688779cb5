/**
 * Lost connections and the server's own words: a tail goes on, every entry once and in order,
 * when the connection of its page query is terminated mid-query and when its listening connection
 * is; each lost connection is one log line; store errors carry PostgreSQL's reason and SQLSTATE.
 */
import { Effect, Fiber, Layer, Logger, Stream } from "effect"
import { SqlClient } from "effect/sql/SqlClient"
import { describe, expect, inject, it } from "vitest"
import type { CommitRequest } from "../../src/journal/Entry.js"
import { Journal } from "../../src/journal/Journal.js"
import { layerPostgres, ReadModel } from "../../src/postgres/index.js"
import { actor } from "../file/fileHelpers.js"
import { freshSchema, sqlLayer } from "./server.js"

const url = inject("pgUrl")
const prefix = inject("pgSchemaPrefix")

const create = (id: string): CommitRequest => ({
  idempotencyKey: `create-${id}`,
  appends: [{ _tag: "revision", record: actor(id), expected: "none" }]
})

interface Line {
  readonly level: string
  readonly text: string
  readonly withCause: boolean
}

/** A logger that keeps what it is given. */
const capture = (lines: Array<Line>) =>
  Logger.layer([
    Logger.make((options) => {
      const parts = Array.isArray(options.message) ? options.message : [options.message]
      lines.push({ level: options.logLevel, text: parts.map(String).join(" "), withCause: options.cause.reasons.length > 0 })
    })
  ])

/** Polls `query` (on the test's own connection) until it returns a row; its first row. */
const waitFor = <A extends object>(sql: SqlClient, query: string) =>
  Effect.gen(function*() {
    for (let i = 0; i < 200; i++) {
      const rows = yield* sql.unsafe<A>(query)
      if (rows.length > 0) return rows[0]!
      yield* Effect.sleep("25 millis")
    }
    return yield* Effect.die(new Error(`nothing came of: ${query}`))
  })

describe.skipIf(url === "")("PostgreSQL store: lost connections", () => {
  it("a tail delivers every entry once, in order, when its page query's connection and its listening connection are terminated; one log line each", async () => {
    const schema = freshSchema(prefix)
    const lines: Array<Line> = []
    const program = Effect.gen(function*() {
      const journal = yield* Journal
      const sql = yield* SqlClient
      const tail = yield* Effect.forkChild(Stream.runCollect(Stream.take(journal.tail(), 5)))
      yield* journal.commit(create("a"))
      yield* Effect.sleep("300 millis")

      // Hold the entries table locked, so that the tail's next page query waits on the lock, and
      // terminate that query's connection while it waits: the query itself fails.
      yield* sql.withTransaction(Effect.gen(function*() {
        yield* sql.unsafe(`LOCK TABLE ${schema}.entries IN ACCESS EXCLUSIVE MODE`)
        const waiting = yield* waitFor<{ pid: number }>(
          sql,
          `SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%FROM ${schema}.entries%' AND pid <> pg_backend_pid()`
        )
        yield* sql.unsafe(`SELECT pg_terminate_backend(${waiting.pid})`)
        yield* Effect.sleep("200 millis")
      }))
      yield* journal.commit(create("b"))
      yield* journal.commit(create("c"))
      yield* Effect.sleep("300 millis")

      // Then the listening connection.
      const listening = yield* waitFor<{ pid: number }>(sql, `SELECT pid FROM pg_stat_activity WHERE query LIKE 'LISTEN %${schema}%'`)
      yield* sql.unsafe(`SELECT pg_terminate_backend(${listening.pid})`)
      yield* journal.commit(create("d"))
      yield* journal.commit(create("e"))
      const tailed = yield* Effect.timeout(Fiber.join(tail), "20 seconds")
      const all = yield* Stream.runCollect(journal.readAll())
      return { tailed, all }
    })
    const layer = Layer.merge(Layer.fresh(layerPostgres({ connection: url, schema, pollInterval: "100 millis" })), sqlLayer(url, 2))
    const { all, tailed } = await Effect.runPromise(program.pipe(Effect.provide(layer), Effect.provide(capture(lines))))
    expect(all.map((e) => e.stream.id)).toEqual(["a", "b", "c", "d", "e"])
    expect(tailed).toEqual(all)
    const warnings = lines.filter((l) => l.level === "Warn")
    expect(warnings.map((l) => l.text)).toEqual([
      expect.stringMatching(/^postgres:\S+: a tail's read lost its connection \(.+\); retrying until it is back$/),
      expect.stringMatching(/^postgres:\S+: listening for commits failed \(terminating connection due to administrator command \(SQLSTATE 57P01\)\); tails poll until it is back$/)
    ])
    for (const line of warnings) {
      expect(line.withCause).toBe(false)
      expect(line.text).not.toContain("\n")
    }
  })
})

describe.skipIf(url === "")("PostgreSQL store: errors in the server's words", () => {
  it("a read, a commit and a read-model catch-up that the server refuses fail with its reason and SQLSTATE", async () => {
    const schema = freshSchema(prefix)
    const errors = await Effect.runPromise(Effect.gen(function*() {
      const journal = yield* Journal
      const readModels = yield* ReadModel.ReadModelStore
      const sql = yield* SqlClient
      yield* journal.commit(create("a"))
      yield* sql.unsafe(`ALTER TABLE ${schema}.read_models RENAME TO read_models_gone`)
      const catchUp = yield* Effect.flip(readModels.catchUp(ReadModel.catalog))
      yield* sql.unsafe(`ALTER TABLE ${schema}.entries RENAME TO entries_gone`)
      const read = yield* Effect.flip(Stream.runCollect(journal.readAll()))
      const commit = yield* Effect.flip(journal.commit(create("b")))
      const stream = yield* Effect.flip(journal.readStream({ type: "actor", id: "a" }))
      return [catchUp, read, commit, stream]
    }).pipe(Effect.provide(Layer.merge(Layer.fresh(layerPostgres({ connection: url, schema })), sqlLayer(url)))))
    expect(errors.map((e) => [e._tag, e.message])).toEqual([
      ["JournalStoreError", `journal load failed: relation "${schema}.read_models" does not exist (SQLSTATE 42P01)`],
      ["JournalStoreError", `journal read failed: relation "${schema}.entries" does not exist (SQLSTATE 42P01)`],
      ["JournalStoreError", expect.stringMatching(new RegExp(`^journal commit failed: relation "${schema}.entries" does not exist \\(SQLSTATE 42P01\\)`))],
      ["JournalStoreError", `journal readStream failed: relation "${schema}.entries" does not exist (SQLSTATE 42P01)`]
    ])
  })

  it("a server's reason that quotes a huge value back is cut short: the message never repeats it", async () => {
    const schema = freshSchema(prefix)
    const key = `k${"0123456789".repeat(100_000)}`
    const error = await Effect.runPromise(Effect.gen(function*() {
      const journal = yield* Journal
      const sql = yield* SqlClient
      yield* journal.head
      // A constraint of the database's owner: its violation's detail quotes the whole failing row.
      yield* sql.unsafe(`ALTER TABLE ${schema}.entries ADD CONSTRAINT short_keys CHECK (length(idempotency_key) < 100)`)
      return yield* Effect.flip(journal.commit({ ...create("a"), idempotencyKey: key }))
    }).pipe(Effect.provide(Layer.merge(Layer.fresh(layerPostgres({ connection: url, schema })), sqlLayer(url)))))
    expect(error.message).toMatch(/^journal commit failed: new row for relation "entries" violates check constraint "short_keys" \(SQLSTATE 23514\); Failing row contains .*… \(\d+ characters\)$/)
    expect(error.message.length).toBeLessThan(400)
    expect(error.message).not.toContain("0123456789".repeat(10))
  })

  it("a server that refuses the connection is named with the driver's reason", async () => {
    const error = await Effect.runPromise(Effect.flip(Effect.provide(Effect.service(Journal), layerPostgres({ connection: "postgres://postgres@127.0.0.1:1/postgres" }))))
    expect(error.message).toMatch(/^journal (connect|migrate) failed: .*ECONNREFUSED/)
  })
})
