/**
 * Timeline benchmarks on 1,000,000 generated events (2011–2023, mostly known to the day, some to
 * the month, some intervals of a few days), each measured against a baseline in the same process:
 *
 * - building the timeline from prepared items (sort, index, id map) against a bare sort of the
 *   same bounds (target: at most 2×);
 * - appending one event to the live timeline (median over 20,000 single appends, each timed on its
 *   own) against the 20 µs budget (target: at most 1× the budget).
 *
 * Windows are measured against flatten-js and flatbush in `timeline-vs.ts`; the old target of a
 * window at 1/1000 of a linear scan's time is retired (no structure that returns one object per
 * answer can meet it).
 */
import { Result } from "effect"
import type { AnyEvent } from "../src/model/Event.js"
import * as When from "../src/model/When.js"
import * as Timeline from "../src/projection/Timeline.js"
import { type Benchmark, compare } from "./harness.js"
import { DAY, DAYS, FIRST, isoDay, random } from "./synthetic.js"

const ZONE = "Asia/Aqtau"
const kinds = ["rally", "strike", "detention", "official-statement", "trial", "dispersal"]

/** One generated event: a day (80%), a month (10%) or an interval of 1–10 days (10%). */
export const eventAt = (i: number, next: () => number): AnyEvent => {
  const day = Math.floor(next() * DAYS)
  const r = next()
  const start = isoDay(FIRST + day * DAY)
  const when = r < 0.8 ? start : r < 0.9 ? start.slice(0, 7) : `${start}/${isoDay(FIRST + (day + 1 + Math.floor(next() * 10)) * DAY)}`
  return {
    type: "event",
    kind: kinds[i % kinds.length]!,
    id: `e${i}`,
    title: `Event ${i}`,
    when: when as When.When,
    where: { place: `town-${i % 500}`, timeZone: ZONE },
    citations: [{ source: "s" }]
  } as unknown as AnyEvent
}

export interface Workload {
  readonly events: ReadonlyArray<AnyEvent>
  readonly items: ReadonlyArray<Timeline.Item>
}

let cached: Workload | undefined

/** The generated events and their index items (bounds computed once, shared by every benchmark). */
export const workload = (size = 1_000_000): Workload => {
  if (cached !== undefined && cached.events.length === size) return cached
  const next = random(20111216)
  const events = Array.from({ length: size }, (_, i) => eventAt(i, next))
  const items = events.map((e) => Result.getOrThrow(Timeline.itemOf(e)))
  cached = { events, items }
  return cached
}

/** Building the timeline from 1M prepared items vs sorting their bounds. */
export const buildBenchmark = (size = 1_000_000): Benchmark => {
  const { items } = workload(size)
  const bounds: ReadonlyArray<When.Bounds> = items.map((i) => ({ earliest: i.earliest, latest: i.latest }))
  return compare(
    `timeline: build from ${size.toLocaleString("en-US")} events vs sorting their bounds`,
    () => Result.getOrThrow(Timeline.fromItems(items)),
    () => [...bounds].sort(When.boundsOrder),
    { target: 2, repeat: 5, warmup: 1 }
  )
}

/** Appending one event to a live timeline of 1M events: median of single appends, vs the budget. */
export const appendBenchmark = (size = 1_000_000, appends = 20_000, budgetMicros = 20): Benchmark => ({
  name: `timeline: append one event to a live timeline of ${size.toLocaleString("en-US")} (median) vs the ${budgetMicros} µs budget`,
  unit: "µs",
  target: 1,
  better: "lower",
  run: () => {
    const { events, items } = workload(size)
    let timeline = Result.getOrThrow(Timeline.fromItems(items))
    const next = random(1612)
    const fresh = Array.from({ length: appends }, (_, i) => {
      const e = eventAt(size + i, next)
      return { ...e, id: `new-${i}` } as AnyEvent
    })
    // Warm the date cache and the JIT on another timeline, as a live system would be.
    let warm = Result.getOrThrow(Timeline.fromItems(items.slice(0, 10_000)))
    for (const e of events.slice(0, 5_000)) warm = Result.getOrThrow(Timeline.add(warm, { ...e, id: `w-${e.id}` } as AnyEvent))
    const times = new Float64Array(appends)
    for (let i = 0; i < appends; i++) {
      const t0 = process.hrtime.bigint()
      timeline = Result.getOrThrow(Timeline.add(timeline, fresh[i]!))
      times[i] = Number(process.hrtime.bigint() - t0) / 1000
    }
    if (Timeline.size(timeline) !== size + appends) throw new Error("append benchmark: wrong size")
    times.sort()
    return { value: times[appends >> 1]!, baseline: budgetMicros }
  }
})
