import { Effect, Exit, Layer, ManagedRuntime, Result, Stream } from "effect"
import { SqlClient } from "effect/sql/SqlClient"
import * as fc from "fast-check"
import { describe, expect, inject, it } from "vitest"
import type { CommitRequest, Entry } from "../../src/journal/Entry.js"
import { Journal } from "../../src/journal/Journal.js"
import { Catalog, make as makeProjection, replay } from "../../src/projection/index.js"
import { layerPostgres, ReadModel } from "../../src/postgres/index.js"
import { arbCommit, arbRecordPool } from "../../src/testing/index.js"
import { actor } from "../file/fileHelpers.js"
import { freshSchema, withSql } from "./server.js"

const url = inject("pgUrl")
const prefix = inject("pgSchemaPrefix")

const open = (schema: string) => layerPostgres({ connection: url, schema })

/** Runs `body` with the journal and read-model store of `schema`, in a layer of its own. */
const run = <A, E>(schema: string, body: Effect.Effect<A, E, Journal | ReadModel.ReadModelStore>): Promise<A> =>
  Effect.runPromise(Effect.provide(body, Layer.fresh(open(schema))))

/** The catalog as a full replay of the journal gives it, in comparable form. */
const replayed = Effect.gen(function*() {
  const journal = yield* Journal
  const entries = yield* Stream.runCollect(journal.readAll())
  return { state: view(replay(Catalog.projection, entries)), position: entries.length }
})

const view = (catalog: Catalog.Catalog) => Catalog.streams(catalog, { includeRetracted: true })

const commit = (request: CommitRequest) => Effect.flatMap(Effect.service(Journal), (journal) => journal.commit(request))

const revise = (id: string, description: string, expected: "none" | number) =>
  commit({ idempotencyKey: `${id}-${description}`, appends: [{ _tag: "revision", record: actor(id, description), expected }] })

const catchUp = <S>(model: ReadModel.ReadModel<S>) => Effect.flatMap(Effect.service(ReadModel.ReadModelStore), (store) => store.catchUp(model))

type Counts = Readonly<Record<string, number>>

/** A read model of counts, one row per count: keyed by `keyOf(entry)`. */
const counting = (name: string, version: number, keyOf: (entry: Entry) => string | undefined) =>
  ReadModel.make<Counts>({
    name,
    version,
    projection: makeProjection<Counts>({}, (counts, entry) => {
      const key = keyOf(entry)
      return key === undefined ? counts : { ...counts, [key]: (counts[key] ?? 0) + 1 }
    }),
    keys: (entry) => {
      const key = keyOf(entry)
      return key === undefined ? [] : [key]
    },
    encode: (counts, key) => counts[key],
    restore: (counts, key, json) => Number.isInteger(json) ? Result.succeed({ ...counts, [key]: json as number }) : Result.fail("not a count")
  })

/** Revisions per record type: a read model that is not the catalog. */
const revisionsByType = counting("revisions-by-type", 1, (entry) => entry.body._tag === "revision" ? entry.stream.type : undefined)

describe.skipIf(url === "")("PostgreSQL read models", () => {
  it("catchUp saves the catalog with its checkpoint; later catch-ups apply only what is new; another process loads it as saved", async () => {
    const schema = freshSchema(prefix)
    const first = await run(schema, Effect.gen(function*() {
      const empty = yield* catchUp(ReadModel.catalog)
      expect([empty.position, Catalog.size(empty.state)]).toEqual([0, 0])
      yield* revise("a", "one", "none")
      yield* revise("b", "one", "none")
      yield* revise("a", "two", 1)
      const caught = yield* catchUp(ReadModel.catalog)
      expect({ state: view(caught.state), position: caught.position }).toEqual(yield* replayed)
      yield* commit({ idempotencyKey: "retract-b", appends: [{ _tag: "retraction", stream: { type: "actor", id: "b" }, expected: 1, reason: "a duplicate" }] })
      yield* revise("c", "one", "none")
      const again = yield* catchUp(ReadModel.catalog)
      expect(again.position).toBe(5)
      expect({ state: view(again.state), position: again.position }).toEqual(yield* replayed)
      return again
    }))
    const rows = await withSql(url, Effect.flatMap(Effect.service(SqlClient), (sql) => sql.unsafe<{ position: bigint; version: number }>(`SELECT position, version FROM ${schema}.read_models WHERE name = 'catalog'`)))
    expect(rows.map((r) => [Number(r.position), r.version])).toEqual([[5, ReadModel.catalog.version]])
    const loaded = await run(schema, Effect.flatMap(Effect.service(ReadModel.ReadModelStore), (store) => store.load(ReadModel.catalog)))
    expect({ state: view(loaded.state), position: loaded.position }).toEqual({ state: view(first.state), position: 5 })
    expect(Catalog.get(loaded.state, { type: "actor", id: "b" })?.retracted?.reason).toBe("a duplicate")
  })

  it("rebuild replays the journal; a damaged saved state is a JournalCorruptionError until rebuilt", async () => {
    const schema = freshSchema(prefix)
    await run(schema, Effect.gen(function*() {
      yield* revise("a", "one", "none")
      yield* catchUp(ReadModel.catalog)
    }))
    await withSql(url, Effect.flatMap(Effect.service(SqlClient), (sql) => sql.unsafe(`UPDATE ${schema}.read_model_rows SET value = '{"position": "x"}'`)))
    const exit = await Effect.runPromiseExit(Effect.provide(catchUp(ReadModel.catalog), open(schema)))
    expect(Exit.isFailure(exit) && JSON.stringify(exit.cause)).toContain("JournalCorruptionError")
    const rebuilt = await run(schema, Effect.gen(function*() {
      const store = yield* ReadModel.ReadModelStore
      const result = yield* store.rebuild(ReadModel.catalog)
      expect({ state: view(result.state), position: result.position }).toEqual(yield* replayed)
      return yield* store.load(ReadModel.catalog)
    }))
    expect(rebuilt.position).toBe(1)
  })

  it("a read model of another version is ignored and rebuilt from the journal", async () => {
    const schema = freshSchema(prefix)
    const counts = await run(schema, Effect.gen(function*() {
      yield* revise("a", "one", "none")
      yield* revise("a", "two", 1)
      const v1 = yield* catchUp(revisionsByType)
      expect(v1).toEqual({ state: { actor: 2 }, position: 2 })
      // Version 2 counts entries by kind: the saved version-1 rows must not be reused.
      const v2 = counting("revisions-by-type", 2, (entry) => entry.body._tag)
      yield* commit({ idempotencyKey: "retract", appends: [{ _tag: "retraction", stream: { type: "actor", id: "a" }, expected: 2, reason: "a hoax" }] })
      return yield* catchUp(v2)
    }))
    expect(counts).toEqual({ state: { revision: 2, retraction: 1 }, position: 3 })
    // The version-1 row ("actor") is gone: only version 2's rows remain.
    const rows = await withSql(url, Effect.flatMap(Effect.service(SqlClient), (sql) =>
      sql.unsafe<{ key: string; value: string }>(`SELECT key, value FROM ${schema}.read_model_rows WHERE name = 'revisions-by-type' ORDER BY key`)))
    expect(rows.map((r) => [r.key, JSON.parse(r.value)])).toEqual([["retraction", 1], ["revision", 2]])
  })

  it("later catch-ups in a process start from its state in memory: they do not read the saved rows again", async () => {
    const schema = freshSchema(prefix)
    const runtime = ManagedRuntime.make(Layer.fresh(open(schema)))
    try {
      await runtime.runPromise(Effect.gen(function*() {
        yield* revise("a", "one", "none")
        yield* revise("b", "one", "none")
        yield* catchUp(ReadModel.catalog)
      }))
      // Damage a row the next entries do not touch: only a catch-up that reads it can notice.
      await withSql(url, Effect.flatMap(Effect.service(SqlClient), (sql) =>
        sql.unsafe(`UPDATE ${schema}.read_model_rows SET value = 'not json' WHERE key = 'actor/a#0000000001'`)))
      const again = await runtime.runPromise(Effect.andThen(revise("c", "one", "none"), catchUp(ReadModel.catalog)))
      expect([again.position, Catalog.size(again.state)]).toEqual([3, 3])
      const elsewhere = await Effect.runPromiseExit(Effect.provide(catchUp(ReadModel.catalog), Layer.fresh(open(schema))))
      expect(Exit.isFailure(elsewhere) && JSON.stringify(elsewhere.cause)).toContain(`row \\"actor/a#0000000001\\": the row is not JSON`)
    } finally {
      await runtime.dispose()
    }
  })

  it("a read model whose key is too long for the table fails with a store error naming it, cut short; nothing is saved", async () => {
    const schema = freshSchema(prefix)
    const long = counting("long-keys", 1, (entry) => `${entry.stream.id}:${"k".repeat(2000)}`)
    const error = await run(schema, Effect.andThen(revise("a", "one", "none"), Effect.flip(catchUp(long))))
    expect(error._tag).toBe("JournalStoreError")
    expect(error.message).toMatch(/^journal save failed: read model long-keys: the key "a:k{58}…" is 2002 bytes long, over the limit of 1000$/)
    const saved = await run(schema, Effect.flatMap(Effect.service(ReadModel.ReadModelStore), (store) => store.load(long)))
    expect(saved).toEqual({ state: {}, position: 0 })
  })

  it("processes catching up at the same time all end with the full state", async () => {
    const schema = freshSchema(prefix)
    await run(schema, Effect.forEach(Array.from({ length: 20 }, (_, i) => i), (i) => revise(`r${i}`, "one", "none")))
    const results = await Promise.all(Array.from({ length: 4 }, () => run(schema, catchUp(revisionsByType))))
    for (const r of results) expect(r).toEqual({ state: { actor: 20 }, position: 20 })
    const loaded = await run(schema, Effect.flatMap(Effect.service(ReadModel.ReadModelStore), (store) => store.load(revisionsByType)))
    expect(loaded).toEqual({ state: { actor: 20 }, position: 20 })
  })

  it("catching up after any sequence of commits equals replaying the journal (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        arbRecordPool.chain((pool) => fc.array(fc.array(arbCommit(pool), { maxLength: 4 }), { minLength: 1, maxLength: 4 })),
        async (batches) => {
          const schema = freshSchema(prefix)
          await run(schema, Effect.gen(function*() {
            for (const batch of batches) {
              for (const request of batch) yield* Effect.exit(commit(request))
              const caught = yield* catchUp(ReadModel.catalog)
              expect({ state: view(caught.state), position: caught.position }).toEqual(yield* replayed)
            }
          }))
          const loaded = await run(schema, Effect.flatMap(Effect.service(ReadModel.ReadModelStore), (store) => store.load(ReadModel.catalog)))
          const expected = await run(schema, replayed)
          expect({ state: view(loaded.state), position: loaded.position }).toEqual(expected)
        }
      ),
      { numRuns: 10 }
    )
  })
})
