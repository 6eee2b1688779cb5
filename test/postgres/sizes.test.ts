/**
 * Whatever commits stays readable: a record with a 20 MB field and idempotency keys of 10,000
 * characters and 1 MB are read back by every reader (readAll, readStream, a tail, the catalog read
 * model, in this process and a fresh one); a commit over the store's documented limit is refused
 * with a typed error that names the append, the size and the limit, and writes nothing.
 */
import { randomBytes } from "node:crypto"
import { Effect, Layer, Stream } from "effect"
import { describe, expect, inject, it } from "vitest"
import type { CommitRequest, Entry } from "../../src/journal/Entry.js"
import { Journal } from "../../src/journal/Journal.js"
import { layerPostgres, MAX_COMMIT_BYTES, ReadModel } from "../../src/postgres/index.js"
import { Catalog } from "../../src/projection/index.js"
import { actor } from "../file/fileHelpers.js"
import { freshSchema } from "./server.js"

const url = inject("pgUrl")
const prefix = inject("pgSchemaPrefix")

const run = <A, E>(schema: string, body: Effect.Effect<A, E, Journal | ReadModel.ReadModelStore>): Promise<A> =>
  Effect.runPromise(Effect.provide(body, Layer.fresh(layerPostgres({ connection: url, schema, pollInterval: "100 millis" }))))

const create = (id: string, description: string, idempotencyKey = `create-${id}`): CommitRequest => ({
  idempotencyKey,
  appends: [{ _tag: "revision", record: actor(id, description), expected: "none" }]
})

/** Text that does not compress, so that PostgreSQL stores it at its full size. */
const noise = (characters: number): string => randomBytes(Math.ceil(characters / 2)).toString("hex").slice(0, characters)

/** What an entry says, without its record's large field: comparable, and short in a failure report. */
const summary = (entry: Entry) => {
  const record = entry.body._tag === "revision" ? entry.body.record : undefined
  const description = record !== undefined && "description" in record ? String(record.description) : ""
  return { position: entry.position, id: entry.stream.id, key: entry.idempotencyKey.length, description: description.length, head: description.slice(0, 20) }
}

/** Every reader's view of the journal: readAll, readStream of each stream, a tail, and the catalog read model. */
const everyReader = Effect.gen(function*() {
  const journal = yield* Journal
  const all = yield* Stream.runCollect(journal.readAll())
  const streams = yield* Effect.forEach(all, (entry) => journal.readStream(entry.stream))
  const tailed = yield* Effect.timeout(Stream.runCollect(Stream.take(journal.tail(), all.length)), "30 seconds")
  const readModels = yield* ReadModel.ReadModelStore
  const caught = yield* readModels.catchUp(ReadModel.catalog)
  const catalog = Catalog.streams(caught.state).flatMap((item) => item.history)
  return { all: all.map(summary), streams: streams.flat().map(summary), tailed: tailed.map(summary), catalog: catalog.map(summary), position: caught.position }
})

describe.skipIf(url === "")("PostgreSQL store: entries of any size stay readable", () => {
  it("a record with a 20 MB field, between small ones, is read back by readAll, readStream, a tail and the catalog read model", async () => {
    const schema = freshSchema(prefix)
    // 20,000,000 characters (PostgreSQL compresses it on disk; readers still get 20 MB of text).
    const large = "Zhanaozen ".repeat(2_000_000)
    const views = await run(schema, Effect.gen(function*() {
      const journal = yield* Journal
      yield* journal.commit(create("before", "small"))
      yield* journal.commit(create("large", large))
      yield* journal.commit(create("after", "small"))
      return yield* everyReader
    }))
    const expected = [
      { position: 1, id: "before", key: 13, description: 5, head: "small" },
      { position: 2, id: "large", key: 12, description: 20_000_000, head: large.slice(0, 20) },
      { position: 3, id: "after", key: 12, description: 5, head: "small" }
    ]
    expect(views).toEqual({ all: expected, streams: expected, tailed: expected, catalog: expected, position: 3 })
    // Another process loads the catalog's rows, the large one among them, from the table.
    const loaded = await run(schema, Effect.flatMap(Effect.service(ReadModel.ReadModelStore), (store) => store.load(ReadModel.catalog)))
    expect(Catalog.streams(loaded.state).flatMap((item) => item.history).map(summary)).toEqual(expected)
  })

  it("a commit over the store's limit is an InvalidCommitError naming the append, its size and the limit, without the value; nothing is written", async () => {
    const schema = freshSchema(prefix)
    const { error, head } = await run(schema, Effect.gen(function*() {
      const journal = yield* Journal
      const error = yield* Effect.flip(journal.commit({
        idempotencyKey: "too-large",
        appends: [...create("small", "small").appends, ...create("over", "x".repeat(MAX_COMMIT_BYTES)).appends]
      }))
      return { error, head: yield* journal.head }
    }))
    expect(head).toBe(0)
    expect(error._tag).toBe("InvalidCommitError")
    expect(error).toMatchObject({ append: 1 })
    expect(error.message).toMatch(/append 1: the append is 64\.0 MiB as stored, over the PostgreSQL store's limit of 64\.0 MiB per commit/)
    expect(error.message.length).toBeLessThan(300)
  })

  it("idempotency keys of 10,000 characters and of 1 MB commit, read back whole, and answer a repeated commit as duplicates", async () => {
    const schema = freshSchema(prefix)
    const keys = [noise(10_000), noise(1_000_000)]
    const result = await run(schema, Effect.gen(function*() {
      const journal = yield* Journal
      const first = yield* Effect.forEach(keys, (key, i) => journal.commit(create(`k${i}`, "one", key)))
      const again = yield* Effect.forEach(keys, (key, i) => journal.commit(create(`k${i}`, "one", key)))
      // The same key with another last character is another commit.
      const other = yield* journal.commit(create("k2", "one", `${keys[1]!.slice(0, -1)}!`))
      return { first, again, other, views: yield* everyReader, keysRead: (yield* Stream.runCollect(journal.readAll())).map((e) => e.idempotencyKey) }
    }))
    expect(result.first.map((r) => [r.duplicate, r.entries[0]!.position])).toEqual([[false, 1], [false, 2]])
    expect(result.again.map((r) => [r.duplicate, r.entries[0]!.position])).toEqual([[true, 1], [true, 2]])
    expect(result.again.map((r) => r.entries[0]!.idempotencyKey)).toEqual(keys)
    expect([result.other.duplicate, result.other.entries[0]!.position]).toEqual([false, 3])
    expect(result.keysRead).toEqual([...keys, `${keys[1]!.slice(0, -1)}!`])
    expect(result.views.all.map((e) => e.key)).toEqual([10_000, 1_000_000, 1_000_000])
    expect(result.views.catalog).toEqual(result.views.all)
    expect(result.views.tailed).toEqual(result.views.all)
  })
})
