/**
 * Read models at scale: the catalog over 100,000 entries is caught up, saved in rows, loaded by
 * another process, and a later catch-up after k new entries writes k rows. (The benchmark runs
 * the same over 1,000,000 entries: `npm run bench -- --only "read model"`.)
 */
import { Effect, Layer, ManagedRuntime, Stream } from "effect"
import { SqlClient } from "effect/sql/SqlClient"
import { describe, expect, inject, it } from "vitest"
import { Journal } from "../../src/journal/Journal.js"
import { layerPostgres, ReadModel } from "../../src/postgres/index.js"
import { Catalog } from "../../src/projection/index.js"
import { actor } from "../file/fileHelpers.js"
import { bulkEntries, freshSchema, withSql } from "./server.js"

const url = inject("pgUrl")
const prefix = inject("pgSchemaPrefix")

const N = 100_000

describe.skipIf(url === "")("PostgreSQL read models at scale", () => {
  it(`the catalog over ${N.toLocaleString("en")} entries is saved in rows, loaded elsewhere, and k new entries cost k rows`, async () => {
    const schema = freshSchema(prefix)
    const open = () => ManagedRuntime.make(Layer.fresh(layerPostgres({ connection: url, schema })))
    const sql = <A extends object>(text: string) => withSql(url, Effect.flatMap(Effect.service(SqlClient), (client) => client.unsafe<A>(text)))
    const first = open()
    try {
      await first.runPromise(Effect.service(Journal))
      await withSql(url, Effect.flatMap(Effect.service(SqlClient), (client) => bulkEntries(client, schema, 0, N)))
      const caught = await first.runPromise(Effect.flatMap(Effect.service(ReadModel.ReadModelStore), (store) => store.catchUp(ReadModel.catalog)))
      expect([caught.position, Catalog.size(caught.state)]).toEqual([N, N])
      expect(await sql(`SELECT count(*)::integer AS n FROM ${schema}.read_model_rows WHERE name = 'catalog'`)).toEqual([{ n: N }])

      // Another process loads the same state from the rows.
      const other = open()
      const loaded = await other.runPromise(Effect.flatMap(Effect.service(ReadModel.ReadModelStore), (store) => store.load(ReadModel.catalog)))
      await other.dispose()
      expect([loaded.position, Catalog.size(loaded.state)]).toEqual([N, N])
      for (const id of ["bulk-1", `bulk-${N / 2}`, `bulk-${N}`]) {
        expect(Catalog.get(loaded.state, { type: "actor", id })).toEqual(Catalog.get(caught.state, { type: "actor", id }))
      }

      // k new entries: a new stream, a correction and a retraction of bulk streams, in two commits.
      await first.runPromise(Effect.gen(function*() {
        const journal = yield* Journal
        yield* journal.commit({
          idempotencyKey: "after-bulk-1",
          appends: [
            { _tag: "revision", record: actor("fresh", "new"), expected: "none" },
            { _tag: "revision", record: actor("bulk-7", "corrected"), expected: 1 }
          ]
        })
        yield* journal.commit({ idempotencyKey: "after-bulk-2", appends: [{ _tag: "retraction", stream: { type: "actor", id: "bulk-8" }, expected: 1, reason: "a duplicate" }] })
      }))
      const again = await first.runPromise(Effect.flatMap(Effect.service(ReadModel.ReadModelStore), (store) => store.catchUp(ReadModel.catalog)))
      expect([again.position, Catalog.size(again.state)]).toEqual([N + 3, N + 1])
      expect(Catalog.get(again.state, { type: "actor", id: "bulk-7" })?.history.map((e) => e.revision)).toEqual([1, 2])
      expect(Catalog.get(again.state, { type: "actor", id: "bulk-8" })?.retracted?.reason).toBe("a duplicate")
      // The rows the catch-up's transaction wrote (same xmin as the checkpoint's row): one per new entry.
      const written = await sql<{ n: number }>(
        `SELECT count(*)::integer AS n FROM ${schema}.read_model_rows
         WHERE name = 'catalog' AND xmin::text = (SELECT xmin::text FROM ${schema}.read_models WHERE name = 'catalog')`
      )
      expect(written).toEqual([{ n: 3 }])
      expect(await sql(`SELECT count(*)::integer AS n FROM ${schema}.read_model_rows WHERE name = 'catalog'`)).toEqual([{ n: N + 3 }])
      const all = await first.runPromise(Effect.flatMap(Effect.service(Journal), (journal) => Stream.runCount(journal.readAll())))
      expect(all).toBe(N + 3)
    } finally {
      await first.dispose()
    }
  })
})
