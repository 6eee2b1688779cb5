/**
 * Journals for the timeline page's tests: the bundled Zhanaozen chronicle replayed as a newsroom
 * would have recorded it (context first, the day before any event, each event the day after it began, each link once both
 * its events are known), with a history to show on the record-time slider: the 16 December
 * shooting first recorded with the first official toll and corrected as the other claims came in,
 * the overnight rally in Astana first recorded on the wrong day and then moved, and a duplicate
 * report recorded and then retracted. Effect's TestClock gives each write its record time.
 */
import { Effect, Layer, Result, Stream } from "effect"
import { TestClock } from "effect/testing"
import { Chronicle, Journal, When } from "../../src/index.js"
import type { Entry } from "../../src/journal/index.js"
import { zhanaozen } from "../../src/datasets/index.js"

const DAY = 86_400_000
const start = Date.parse("2011-05-01T00:00:00Z")

export const shootingId = "zhanaozen-2011-12-16-shooting"
export const movedId = "astana-2023-04-10-overnight-rally"
export const duplicateId = "zhanaozen-shooting-duplicate"

/** When a newsroom would have learned of an event: the day after it began (never before May 2011). */
const learnedOn = (event: { readonly when: string; readonly where: { readonly timeZone: string } }): number => {
  const bounds = When.bounds(event.when as When.When, event.where.timeZone)
  return Result.isSuccess(bounds) && Number.isFinite(bounds.success.earliest) ? Math.max(bounds.success.earliest + DAY, start) : start
}

type Write = { readonly at: number; readonly run: (c: Chronicle.ChronicleShape) => Effect.Effect<unknown, unknown> }

/** The writes of the Zhanaozen chronicle with its history, in record-time order. */
const writes = (): ReadonlyArray<Write> => {
  const events = zhanaozen.events as ReadonlyArray<{ readonly id: string; readonly when: string; readonly where: { readonly timeZone: string } } & { readonly [k: string]: unknown }>
  const at = new Map(events.map((e) => [e.id, learnedOn(e)]))
  const out: Array<Write> = []
  for (const r of [...zhanaozen.sources, ...zhanaozen.places, ...zhanaozen.actors]) out.push({ at: start - DAY, run: (c) => c.record(r, { author: "desk" }) })
  for (const e of events) {
    const day = at.get(e.id)!
    if (e.id === shootingId) {
      const killed = e["killed"] as ReadonlyArray<unknown>
      out.push({ at: day, run: (c) => c.record({ ...e, killed: killed.slice(0, 1) }, { author: "desk", reason: "first official toll" }) })
      out.push({ at: day + 2 * DAY, run: (c) => c.correct(e, { reason: "further tolls and the activists' count reported" }) })
      out.push({ at: day + 3 * DAY, run: (c) => c.record({ ...e, id: duplicateId, killed: killed.slice(0, 1) }, { author: "intern" }) })
      out.push({ at: day + 4 * DAY, run: (c) => c.retract({ type: "event", id: duplicateId }, { reason: `duplicate of ${shootingId}` }) })
    } else if (e.id === movedId) {
      out.push({ at: day, run: (c) => c.record({ ...e, when: "2023-04-12" }, { author: "desk" }) })
      out.push({ at: day + DAY, run: (c) => c.correct(e, { reason: "the sit-in began on 10 April, not 12 April" }) })
    } else out.push({ at: day, run: (c) => c.record(e, { author: "desk" }) })
  }
  for (const l of zhanaozen.links as ReadonlyArray<{ readonly from: string; readonly to: string }>) {
    out.push({ at: Math.max(at.get(l.from) ?? start, at.get(l.to) ?? start) + DAY / 2, run: (c) => c.link(l) })
  }
  return out.map((w, i) => ({ w, i })).sort((a, b) => a.w.at - b.w.at || a.i - b.i).map(({ w }) => w)
}

/** Every entry of the Zhanaozen chronicle's journal, with its history. */
export const zhanaozenEntries = (): Promise<ReadonlyArray<Entry>> =>
  Effect.runPromise(
    Effect.gen(function*() {
      const chronicle = yield* Chronicle.Chronicle
      for (const w of writes()) {
        yield* TestClock.setTime(w.at)
        yield* w.run(chronicle)
      }
      const journal = yield* Journal.Journal
      return Array.from(yield* Stream.runCollect(journal.readAll()))
    }).pipe(
      Effect.provide(Chronicle.layer().pipe(Layer.provideMerge(Journal.layerMemory()))),
      Effect.provide(TestClock.layer())
    ) as unknown as Effect.Effect<ReadonlyArray<Entry>>
  )
