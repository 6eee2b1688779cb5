// The timeline as known on a past date. A newsroom records events as reports come in; every entry
// keeps its record time, so the timeline can be read as it stood on any day — here, December 2011
// in Mangystau Region as known on 20 December 2011, and as known a month later.
//
// The example replays those weeks: Effect's TestClock stands in for the calendar, so each write
// gets the record time it would have had then. The records come from the bundled dataset.
//
//   npx tsx examples/timeline-as-of.ts
import { Effect, Layer, Result } from "effect"
import { TestClock } from "effect/testing"
import { Chronicle, Journal, Projection } from "protest-chronicle"
import { zhanaozen } from "protest-chronicle/datasets"

const { Timeline } = Projection

// Which events were recorded when: on the day they happened, as a newsroom would.
const recordedOn = (id: string): string => zhanaozen.events.find((e) => e.id === id)!.when.slice(0, 10)
const december = zhanaozen.events.filter((e) => /^2011-12|^2012-01/.test(e.when)).map((e) => e.id)

const program = Effect.gen(function*() {
  const chronicle = yield* Chronicle.Chronicle
  // Sources, places and actors first.
  yield* TestClock.setTime(Date.parse("2011-12-01T00:00:00Z"))
  for (const r of [...zhanaozen.sources, ...zhanaozen.places, ...zhanaozen.actors]) yield* chronicle.record(r)
  // Then each event on its own day, in the order of those days.
  const ordered = [...december].sort((a, b) => recordedOn(a).localeCompare(recordedOn(b)))
  for (const id of ordered) {
    yield* TestClock.setTime(Math.max(Date.parse(`${recordedOn(id)}T18:00:00Z`), Date.parse("2011-12-01T00:00:00Z")))
    yield* chronicle.record(zhanaozen.events.find((e) => e.id === id)!)
  }

  for (const day of ["2011-12-20", "2012-01-31"]) {
    const timeline = yield* chronicle.project(Timeline.projection, { asOf: Date.parse(`${day}T23:59:59Z`) })
    const hits = Timeline.query(timeline, { from: "2011-12", to: "2011-12", place: "mangystau-region", timeZone: "Asia/Aqtau" })
    if (Result.isFailure(hits)) return yield* Effect.fail(hits.failure)
    console.log(`\nDecember 2011 in Mangystau Region, as known on ${day} (${hits.success.length} events):`)
    for (const hit of hits.success) {
      console.log(`  ${hit.certainty === "certain" ? " " : "?"} ${hit.event.when.padEnd(40)} ${hit.event.title}`)
    }
  }
  console.log("\n(? marks an event that may, but need not, fall in the window)")
})

await Effect.runPromise(
  program.pipe(
    Effect.provide(Chronicle.layer().pipe(Layer.provide(Journal.layerMemory()))),
    Effect.provide(TestClock.layer())
  )
)
