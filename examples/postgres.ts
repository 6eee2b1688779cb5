// The journal on your own PostgreSQL server: record an event, correct it, see a stale correction
// refused, and keep the catalog as a read model beside the journal.
//
//   PROTEST_CHRONICLE_PG_URL=postgres://user:password@host:5432/database npx tsx examples/postgres.ts
//
// The tables go into the schema `protest_chronicle` (PROTEST_CHRONICLE_PG_SCHEMA names another),
// created on first use. Running it again changes nothing: every commit carries an idempotency key.
//
// example-test: skip (needs a PostgreSQL server; test/postgres runs it against the suite's own server)
import { Effect, Redacted } from "effect"
import { Journal, Projection, Record } from "protest-chronicle"
import { layerPostgres, ReadModel } from "protest-chronicle/postgres"

const url = process.env["PROTEST_CHRONICLE_PG_URL"]
if (url === undefined || url === "") {
  console.error("Set PROTEST_CHRONICLE_PG_URL to your server, e.g. postgres://user:password@localhost:5432/chronicle")
  process.exit(2)
}

const shooting = (killed: number) =>
  Record.decodeUnsafe({
    type: "event",
    kind: "violence",
    id: "zhanaozen-2011-12-16-shooting",
    title: "Police open fire on the central square of Zhanaozen",
    when: "2011-12-16",
    where: { place: "zhanaozen", timeZone: "Asia/Aqtau" },
    form: "shooting",
    killed: [{ value: { kind: "exact", value: killed }, claimant: "prosecutor-general", citations: [{ source: "rferl-2011-12-17" }] }],
    citations: [{ source: "rferl-2011-12-17" }]
  })

const program = Effect.gen(function*() {
  const journal = yield* Journal.Journal
  const readModels = yield* ReadModel.ReadModelStore

  const first = yield* journal.commit({
    idempotencyKey: "example/shooting/1",
    author: "desk",
    appends: [{ _tag: "revision", record: shooting(10), expected: "none" }]
  })
  const corrected = yield* journal.commit({
    idempotencyKey: "example/shooting/2",
    author: "desk",
    reason: "official toll revised",
    appends: [{ _tag: "revision", record: shooting(14), expected: 1 }]
  })
  console.log(`recorded at position ${first.entries[0]!.position}, corrected at ${corrected.entries[0]!.position}`)

  // A writer that still believes the stream is at revision 1 is refused with a typed conflict.
  const stale = yield* Effect.flip(journal.commit({
    idempotencyKey: "example/shooting/stale",
    appends: [{ _tag: "revision", record: shooting(12), expected: 1 }]
  }))
  console.log(`a stale correction: ${stale.message}`)

  // The catalog, kept in the table read_models with the position it includes.
  const { position, state } = yield* readModels.catchUp(ReadModel.catalog)
  const item = Projection.Catalog.get(state, { type: "event", id: "zhanaozen-2011-12-16-shooting" })
  console.log(`catalog up to position ${position}: ${item?.history.length} revisions, the last says "${item?.history.at(-1)?.reason}"`)
})

await Effect.runPromise(
  program.pipe(Effect.provide(layerPostgres({
    connection: Redacted.make(url),
    schema: process.env["PROTEST_CHRONICLE_PG_SCHEMA"] ?? "protest_chronicle"
  })))
)
