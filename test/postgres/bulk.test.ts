/**
 * Large commits in the PostgreSQL store, which sends a commit as one array per column (migration
 * 4): every guarantee of `commit` holds at the size of a bulk import. Thousands of appends take
 * gapless positions; a conflict or a retraction of nothing anywhere in them writes nothing and
 * names the append; a retried key returns the first result; concurrent bulk commits from several
 * connections interleave whole; text PostgreSQL cannot store is refused before anything is sent;
 * and a journal written before migration 4 keeps its entries and goes on from its head.
 */
import { Effect, Layer, Stream } from "effect"
import { SqlClient } from "effect/sql/SqlClient"
import { describe, expect, inject, it } from "vitest"
import type { Append, CommitRequest } from "../../src/journal/Entry.js"
import { Journal } from "../../src/journal/Journal.js"
import { layerPostgres, layerPostgresClient } from "../../src/postgres/index.js"
import { migrations } from "../../src/postgres/internal/schema.js"
import { actor } from "../file/fileHelpers.js"
import { freshSchema, sqlLayer, withSql } from "./server.js"

const url = inject("pgUrl")
const prefix = inject("pgSchemaPrefix")

const SIZE = 3_000

const creates = (from: number, count: number, tag = "bulk"): Array<Append> =>
  Array.from({ length: count }, (_, i) => ({ _tag: "revision", record: actor(`${tag}-${from + i}`, `entry ${from + i}`), expected: "none" }))

const withJournal = <A, E>(schema: string, body: (journal: Journal["Service"]) => Effect.Effect<A, E>) =>
  Effect.runPromise(Effect.provide(Effect.flatMap(Effect.service(Journal), body), Layer.fresh(layerPostgres({ connection: url, schema }))))

describe.skipIf(url === "")("PostgreSQL store: large commits", () => {
  it("a commit of thousands of appends takes gapless positions and reads back as written", async () => {
    const schema = freshSchema(prefix)
    const request: CommitRequest = { idempotencyKey: "bulk-1", author: "importer", reason: "imported", appends: creates(0, SIZE) }
    const { read, result } = await withJournal(schema, (journal) =>
      Effect.gen(function*() {
        yield* journal.commit({ idempotencyKey: "first", appends: creates(0, 1, "first") })
        const result = yield* journal.commit(request)
        return { result, read: yield* Stream.runCollect(journal.readAll({ from: 2 })) }
      }))
    expect(result.duplicate).toBe(false)
    expect(result.entries.map((e) => e.position)).toEqual(Array.from({ length: SIZE }, (_, i) => i + 2))
    expect(read.map((e) => [e.position, e.stream.id, e.revision, e.author, e.reason])).toEqual(
      result.entries.map((e) => [e.position, e.stream.id, 1, "importer", "imported"])
    )
    expect(read.map((e) => e.body)).toEqual(result.entries.map((e) => e.body))
  })

  it("a conflict or a retraction of nothing deep in a large commit names the append and writes nothing", async () => {
    const schema = freshSchema(prefix)
    const errors = await withJournal(schema, (journal) =>
      Effect.gen(function*() {
        yield* journal.commit({ idempotencyKey: "seed", appends: creates(1_500, 1) })
        const conflict = yield* Effect.flip(journal.commit({ idempotencyKey: "k1", appends: creates(0, SIZE) }))
        const stale = creates(SIZE, SIZE)
        stale[2_000] = { _tag: "revision", record: actor("bulk-1500", "again"), expected: 2 }
        const wrongRevision = yield* Effect.flip(journal.commit({ idempotencyKey: "k2", appends: stale }))
        const retract = creates(SIZE, SIZE)
        retract[2_500] = { _tag: "retraction", stream: { type: "actor", id: "never-written" }, expected: "any", reason: "no such actor" }
        const nothing = yield* Effect.flip(journal.commit({ idempotencyKey: "k3", appends: retract }))
        expect(yield* journal.head).toBe(1)
        return [conflict, wrongRevision, nothing]
      }))
    expect(errors.map((e) => [e._tag, "append" in e ? e.append : undefined])).toEqual([
      ["ConflictError", undefined],
      ["ConflictError", undefined],
      ["InvalidCommitError", 2_500]
    ])
    expect(errors.map((e) => "stream" in e ? [e.stream.id, e.expected, e.actual] : e.message)).toEqual([
      ["bulk-1500", "none", 1],
      ["bulk-1500", 2, 1],
      expect.stringContaining("has nothing to retract")
    ])
  })

  it("an expected revision beyond PostgreSQL's integer range is a conflict, as in every store, and writes nothing", async () => {
    const schema = freshSchema(prefix)
    const errors = await withJournal(schema, (journal) =>
      Effect.gen(function*() {
        yield* journal.commit({ idempotencyKey: "seed", appends: creates(0, 1) })
        const found: Array<unknown> = []
        for (const expected of [2 ** 31, Number.MAX_SAFE_INTEGER]) {
          found.push(yield* Effect.flip(journal.commit({ idempotencyKey: `far-${expected}`, appends: [{ _tag: "revision", record: actor("bulk-0", "again"), expected }] })))
        }
        expect(yield* journal.head).toBe(1)
        return found
      }))
    for (const [i, expected] of [2 ** 31, Number.MAX_SAFE_INTEGER].entries()) {
      expect(errors[i]).toMatchObject({ _tag: "ConflictError", expected, actual: 1 })
    }
  })

  it("the first failing append wins, and a conflict before a retraction of nothing at the same append", async () => {
    const schema = freshSchema(prefix)
    const errors = await withJournal(schema, (journal) =>
      Effect.gen(function*() {
        const appends = creates(0, 10)
        appends[4] = { _tag: "retraction", stream: { type: "actor", id: "gone" }, expected: 3, reason: "both wrong" }
        appends[7] = { _tag: "retraction", stream: { type: "actor", id: "gone-too" }, expected: "any", reason: "nothing there" }
        const first = yield* Effect.flip(journal.commit({ idempotencyKey: "a", appends }))
        appends[4] = { _tag: "retraction", stream: { type: "actor", id: "gone" }, expected: "none", reason: "nothing there" }
        const second = yield* Effect.flip(journal.commit({ idempotencyKey: "b", appends }))
        expect(yield* journal.head).toBe(0)
        return [first, second]
      }))
    expect(errors.map((e) => [e._tag, "stream" in e ? e.stream.id : "append" in e ? e.append : undefined])).toEqual([
      ["ConflictError", "gone"],
      ["InvalidCommitError", 4]
    ])
  })

  it("a large commit sent again with its key returns the first result and writes nothing", async () => {
    const schema = freshSchema(prefix)
    const request: CommitRequest = { idempotencyKey: "retried", appends: creates(0, SIZE) }
    const [first, again, head] = await withJournal(schema, (journal) =>
      Effect.gen(function*() {
        const first = yield* journal.commit(request)
        const again = yield* journal.commit(request)
        return [first, again, yield* journal.head] as const
      }))
    expect(head).toBe(SIZE)
    expect(again.duplicate).toBe(true)
    expect(again.entries.map((e) => [e.position, e.stream.id, e.revision, e.recordedAt])).toEqual(
      first.entries.map((e) => [e.position, e.stream.id, e.revision, e.recordedAt])
    )
  })

  it("bulk commits from several connections at once interleave whole: positions gapless, each commit contiguous", async () => {
    const WRITERS = 4
    const COMMITS = 4
    const BATCH = 500
    const layer = layerPostgresClient({ schema: freshSchema(prefix) }).pipe(Layer.provideMerge(sqlLayer(url, WRITERS + 2)))
    const read = await Effect.runPromise(Effect.provide(
      Effect.gen(function*() {
        const journal = yield* Journal
        yield* Effect.forEach(
          Array.from({ length: WRITERS }, (_, w) => w),
          (w) =>
            Effect.forEach(Array.from({ length: COMMITS }, (_, c) => c), (c) =>
              journal.commit({
                idempotencyKey: `w${w}-c${c}`,
                // The shared stream makes every commit depend on the ones before it.
                appends: [...creates((w * COMMITS + c) * BATCH, BATCH - 1, `w${w}`), { _tag: "revision", record: actor("shared", `w${w} c${c}`), expected: "any" }]
              })),
          { concurrency: "unbounded" }
        )
        return yield* Stream.runCollect(journal.readAll())
      }),
      layer
    ))
    const total = WRITERS * COMMITS * BATCH
    expect(read.map((e) => e.position)).toEqual(Array.from({ length: total }, (_, i) => i + 1))
    for (let start = 0; start < total; start += BATCH) {
      const commit = read.slice(start, start + BATCH)
      expect(new Set(commit.map((e) => e.idempotencyKey)).size).toBe(1)
    }
    const shared = read.filter((e) => e.stream.id === "shared")
    expect(shared.map((e) => e.revision)).toEqual(Array.from({ length: WRITERS * COMMITS }, (_, i) => i + 1))
  })

  it("text PostgreSQL cannot store anywhere in a large commit (a body, a reason) is refused naming the append; nothing is written", async () => {
    const schema = freshSchema(prefix)
    const errors = await withJournal(schema, (journal) =>
      Effect.gen(function*() {
        yield* journal.commit({ idempotencyKey: "seed", appends: creates(0, 1, "seed") })
        const inBody = creates(0, SIZE)
        inBody[1_234] = { _tag: "revision", record: actor("nul", "a \u0000 in it"), expected: "none" }
        const inReason = creates(0, SIZE)
        inReason[2_345] = { _tag: "retraction", stream: { type: "actor", id: "seed-0" }, expected: 1, reason: "half \ud800 a pair" }
        const inOwnReason = creates(0, SIZE)
        inOwnReason[10] = { ...inOwnReason[10]!, reason: "nul \u0000" }
        const results = []
        for (const appends of [inBody, inReason, inOwnReason]) results.push(yield* Effect.flip(journal.commit({ idempotencyKey: "k", appends })))
        expect(yield* journal.head).toBe(1)
        return results
      }))
    expect(errors.map((e) => [e._tag, "append" in e ? e.append : undefined])).toEqual([
      ["InvalidCommitError", 1_234],
      ["InvalidCommitError", 2_345],
      ["InvalidCommitError", 10]
    ])
  })

  it("a journal written before commits went in columns keeps its entries and goes on from its head", async () => {
    const schema = freshSchema(prefix)
    // The schema as release 3 of the migrations left it, with one commit through its function.
    await withSql(url, Effect.gen(function*() {
      const sql = yield* SqlClient
      yield* sql.unsafe(`CREATE SCHEMA ${schema}`)
      yield* sql.unsafe(`CREATE TABLE ${schema}.schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`)
      for (const migration of migrations.filter((m) => m.version <= 3)) {
        for (const statement of migration.statements(schema)) yield* sql.unsafe(statement)
        yield* sql.unsafe(`INSERT INTO ${schema}.schema_migrations (version, name) VALUES ($1, $2)`, [migration.version, migration.name])
      }
      const body = JSON.stringify({ _tag: "revision", schemaVersion: 1, record: { type: "actor", id: "old", kind: "workers", name: "Workers old" } })
      yield* sql.unsafe(`SELECT * FROM ${schema}.append_commit($1, $2, $3::timestamptz, $4::jsonb)`, [
        "old-commit",
        null,
        "2024-01-01T00:00:00Z",
        `[{"t":"actor","i":"old","e":"none","x":false,"r":null,"b":${body}}]`
      ])
    }))
    const read = await withJournal(schema, (journal) =>
      Effect.gen(function*() {
        yield* journal.commit({ idempotencyKey: "new-commit", appends: [{ _tag: "revision", record: actor("old", "corrected"), expected: 1 }, ...creates(0, 2)] })
        return yield* Stream.runCollect(journal.readAll())
      }))
    expect(read.map((e) => [e.position, e.stream.id, e.revision, e.idempotencyKey])).toEqual([
      [1, "old", 1, "old-commit"],
      [2, "old", 2, "new-commit"],
      [3, "bulk-0", 1, "new-commit"],
      [4, "bulk-1", 1, "new-commit"]
    ])
    const functions = await withSql(url, Effect.flatMap(Effect.service(SqlClient), (sql) =>
      sql.unsafe<{ readonly args: string }>(`SELECT pg_get_function_identity_arguments(p.oid) AS args FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = $1 AND p.proname = 'append_commit'`, [schema])))
    expect(functions.map((f) => f.args)).toEqual([expect.stringContaining("p_bodies text[]")])
  })
})
