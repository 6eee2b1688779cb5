// Correct and retract with history: the official death toll of 16 December 2011 in Zhanaozen grew
// from 10 to 11, 13 and then 14 as the days went by. Each new figure is a correction with a reason;
// nothing is overwritten, and the catalog can be read as it stood on any day. A duplicate entered
// by mistake is retracted, with a reason, and stays in the history.
//
// The example replays those days: Effect's TestClock stands in for the calendar, so each write
// gets the record time it would have had then.
//
//   npx tsx examples/history.ts
import { Effect, Layer } from "effect"
import { TestClock } from "effect/testing"
import { Chronicle, Count, Event, Journal, Projection } from "protest-chronicle"
import { zhanaozen } from "protest-chronicle/datasets"

const stream = { type: "event", id: "zhanaozen-2011-12-16-shooting" } as const

// The shooting as first recorded, with the toll known so far; each later figure is added as a claim.
const tolls = [
  { day: "2011-12-16T20:00:00Z", value: 10, by: "daulbayev", source: "src-reuters-2011-12-16-clashes", reason: "first official figure" },
  { day: "2011-12-17T12:00:00Z", value: 11, by: "kazakh-authorities", source: "src-reuters-2011-12-18-clashes", reason: "officials raise the toll to 11" },
  { day: "2011-12-18T12:00:00Z", value: 13, by: "prosecutor-generals-office", source: "src-aljazeera-2011-12-18-riots-spread", reason: "report: death toll rises to 13" },
  { day: "2012-01-25T12:00:00Z", value: 14, by: "prosecutor-generals-office", source: "src-bne-2012-zhanaozen-probe", reason: "Prosecutor General's preliminary findings" }
]

const shooting = (known: number) => ({
  type: "event",
  kind: "dispersal",
  id: stream.id,
  title: "Police open fire on strikers and residents on Zhanaozen's central square",
  when: "2011-12-16",
  where: { place: "zhanaozen", site: "central square", timeZone: "Asia/Aqtau" },
  force: ["live-fire"],
  killed: tolls.slice(0, known).map((t) => ({
    value: { kind: "exact", value: t.value },
    claimant: t.by,
    madeOn: t.day.slice(0, 10),
    citations: [{ source: t.source }]
  })),
  citations: [{ source: "src-rferl-2011-12-17-state-of-emergency" }]
})

const program = Effect.gen(function*() {
  const chronicle = yield* Chronicle.Chronicle
  // The sources, places and actors the records cite and name come first: a chronicle refuses a
  // record that refers to one it does not hold.
  yield* TestClock.setTime(Date.parse("2011-12-16T00:00:00Z"))
  for (const r of [...zhanaozen.sources, ...zhanaozen.places, ...zhanaozen.actors]) yield* chronicle.record(r)

  for (const [i, toll] of tolls.entries()) {
    yield* TestClock.setTime(Date.parse(toll.day))
    if (i === 0) yield* chronicle.record(shooting(1), { author: "desk", reason: toll.reason })
    else yield* chronicle.correct(shooting(i + 1), { author: "desk", reason: toll.reason })
  }

  // The same event entered twice by mistake, then retracted.
  yield* TestClock.setTime(Date.parse("2012-01-26T09:00:00Z"))
  yield* chronicle.record({ ...shooting(1), id: "zhanaozen-shooting-duplicate" }, { author: "intern" })
  yield* chronicle.retract({ type: "event", id: "zhanaozen-shooting-duplicate" }, {
    author: "desk",
    reason: `duplicate of ${stream.id}`
  })

  const now = yield* chronicle.catalog()
  const item = Projection.Catalog.get(now, stream)!
  console.log(`history of ${stream.id}:`)
  for (const entry of item.history) {
    const body = entry.body
    const tollsSaid = body._tag === "revision" && body.record.type === "event" && Event.isKind(body.record, "dispersal")
      ? (body.record.killed ?? []).map((c) => Count.format(c.value)).join(" → ")
      : ""
    console.log(`  revision ${entry.revision}, ${new Date(entry.recordedAt).toISOString().slice(0, 10)}, by ${entry.author}: ${entry.reason} (killed: ${tollsSaid})`)
  }

  for (const day of ["2011-12-17T23:59:59Z", "2012-01-31T00:00:00Z"]) {
    const then = yield* chronicle.catalogAsOf(Date.parse(day))
    const said = Projection.Catalog.get(then, stream)?.current
    const latest = said?.type === "event" && Event.isKind(said, "dispersal") ? said.killed?.at(-1) : undefined
    console.log(`as known on ${day.slice(0, 10)}: latest official toll ${latest === undefined ? "none" : Count.format(latest.value)}`)
  }

  const duplicate = Projection.Catalog.get(now, { type: "event", id: "zhanaozen-shooting-duplicate" })!
  console.log(`\nzhanaozen-shooting-duplicate: retracted (${duplicate.retracted?.reason}); still in the history with ${duplicate.history.length} entries`)
  console.log(`current events: ${Projection.Catalog.events(now).map((e) => e.id).join(", ")}`)
})

await Effect.runPromise(
  program.pipe(
    Effect.provide(Chronicle.layer().pipe(Layer.provide(Journal.layerMemory()))),
    Effect.provide(TestClock.layer())
  )
)
