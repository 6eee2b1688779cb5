/**
 * Commit-safe order: concurrent writers, some of whose transactions are held open on purpose
 * (they take their positions, then sleep in `pg_sleep` before committing), while a live tail and a
 * reader that polls `readAll` from its last position must each see every entry exactly once, in
 * position order. A store that let a transaction with a higher position commit before one with a
 * lower position would make both readers skip the lower one.
 */
import { Effect, Fiber, Layer, Stream } from "effect"
import { SqlClient } from "effect/sql/SqlClient"
import { describe, expect, inject, it } from "vitest"
import type { CommitResult, Entry } from "../../src/journal/Entry.js"
import { Journal } from "../../src/journal/Journal.js"
import { layerPostgresClient } from "../../src/postgres/index.js"
import { actor } from "../file/fileHelpers.js"
import { freshSchema, sqlLayer } from "./server.js"

const url = inject("pgUrl")
const prefix = inject("pgSchemaPrefix")

const WRITERS = 6
const COMMITS = 15

describe.skipIf(url === "")("PostgreSQL store: commit-safe order", () => {
  it("with transactions delayed before they commit, a tail and a polling reader see every entry once, in order", async () => {
    const layer = layerPostgresClient({ schema: freshSchema(prefix), pollInterval: "50 millis" }).pipe(Layer.provideMerge(sqlLayer(url, 16)))
    const program = Effect.gen(function*() {
      const journal = yield* Journal
      const sql = yield* SqlClient
      const total = WRITERS * COMMITS * 2
      const tail = yield* Effect.forkChild(Stream.runCollect(Stream.take(journal.tail(), total)))
      // Reads from where it stopped, over and over, as a catching-up consumer does.
      const poller = yield* Effect.forkChild(
        Effect.gen(function*() {
          const seen: Array<Entry> = []
          while (seen.length < total) {
            seen.push(...(yield* Stream.runCollect(journal.readAll({ from: (seen.at(-1)?.position ?? 0) + 1 }))))
            yield* Effect.sleep("5 millis")
          }
          return seen
        })
      )
      // Every third commit of a writer runs inside a transaction that sleeps after the commit
      // statement has taken its positions, so its entries stay invisible for a while.
      const write = (w: number, i: number): Effect.Effect<CommitResult, unknown> => {
        const commit = journal.commit({
          idempotencyKey: `w${w}-${i}`,
          appends: [
            { _tag: "revision", record: actor(`writer-${w}`, `commit ${i}`), expected: i === 0 ? "none" : i },
            { _tag: "revision", record: actor(`shared-${i % 3}`, `writer ${w}, commit ${i}`), expected: "any" }
          ]
        })
        if ((w + i) % 3 !== 0) return commit
        const delay = ((w * 7 + i * 13) % 10) * 0.01
        return sql.withTransaction(Effect.tap(commit, () => sql.unsafe(`SELECT pg_sleep(${delay})`)))
      }
      const results = yield* Effect.forEach(
        Array.from({ length: WRITERS }, (_, w) => w),
        (w) => Effect.forEach(Array.from({ length: COMMITS }, (_, i) => i), (i) => write(w, i)),
        { concurrency: "unbounded" }
      )
      const tailed = yield* Fiber.join(tail)
      const polled = yield* Fiber.join(poller)
      const all = yield* Stream.runCollect(journal.readAll())
      return { results: results.flat(), tailed, polled, all }
    })
    const { all, polled, results, tailed } = await Effect.runPromise(Effect.provide(Effect.timeout(program, "60 seconds"), layer))
    const total = WRITERS * COMMITS * 2
    expect(all.map((e) => e.position)).toEqual(Array.from({ length: total }, (_, i) => i + 1))
    expect(tailed).toEqual(all)
    expect(polled).toEqual(all)
    // Every commit's entries are in the journal as the commit returned them.
    const byPosition = new Map(all.map((e) => [e.position, e]))
    for (const result of results) {
      expect(result.duplicate).toBe(false)
      for (const entry of result.entries) expect(byPosition.get(entry.position)).toEqual(entry)
    }
    expect(new Set(results.flatMap((r) => r.entries.map((e) => e.position))).size).toBe(total)
  })
})
