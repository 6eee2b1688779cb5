/**
 * The timeline index side by side with what a user might pick instead, on the 1,000,000 events of
 * the timeline benchmark (bench/timeline.ts): the interval tree `@flatten-js/interval-tree` (a
 * mutable red-black tree) and the static packed index `flatbush` (rectangles of height zero).
 *
 * - bulk build: `Timeline.fromItems` against inserting every interval into a flatten-js tree
 *   (target: faster, ratio ≤ 1);
 * - a window query at 0.001%, 0.01%, 0.1% and 1% selectivity, per query, against flatten-js
 *   (target ≤ 1×), and at 0.1% against flatbush (target ≤ 3×). Every side returns one object per
 *   answer: our hits (which also carry certainty), flatten-js's stored values, and the items at
 *   flatbush's indices (its bare indices are timed too, for reference);
 * - inserting and deleting one event by id in a live timeline, median of single operations, against
 *   a flatten-js tree kept beside a `Map` from id to item, which a delete by id needs (target ≤ 2×);
 * - retained memory of items and index, bytes per event, against a 100-byte budget (target ≤ 1×),
 *   with flatten-js's tree holding the same events, an item object per event and Effect's
 *   `HashMap` from id printed for reference (the last two are why the timeline keeps columns).
 *
 * The events are all whole days, months or day intervals, so a window through the middle of the
 * data already meets some 900 events (about 0.09%); the two smallest selectivities are therefore
 * met by windows past the end of the data, where only the longest late intervals reach.
 */
import IntervalTree from "@flatten-js/interval-tree"
import Flatbush from "flatbush"
import { HashMap, Result } from "effect"
import { setFlagsFromString } from "node:v8"
import { runInNewContext } from "node:vm"
import type { EventId } from "../src/model/Id.js"
import * as Timeline from "../src/projection/Timeline.js"
import { type Benchmark, compare } from "./harness.js"
import { DAY, DAYS, FIRST, random } from "./synthetic.js"
import { eventAt, workload } from "./timeline.js"

type Item = Timeline.Item

/** The structures the window, insert and delete benchmarks share, built once per size. */
interface Indexes {
  readonly size: number
  readonly timeline: Timeline.Timeline
  readonly tree: IntervalTree<Item>
  readonly byId: Map<string, Item>
  readonly flatbush: Flatbush
}

let cached: Indexes | undefined

/** `count` new items, drawn like the workload's, with ids the workload does not use. */
const freshItems = (size: number, count: number): ReadonlyArray<Item> => {
  const next = random(1612)
  return Array.from({ length: count }, (_, i) => {
    const event = eventAt(size + i, next)
    return Result.getOrThrow(Timeline.itemOf({ ...event, id: `new-${i}` } as typeof event))
  })
}

const flattenOf = (items: ReadonlyArray<Item>): IntervalTree<Item> => {
  const tree = new IntervalTree<Item>()
  for (const item of items) tree.insert([item.earliest, item.latest], item)
  return tree
}

const indexes = (size: number): Indexes => {
  if (cached !== undefined && cached.size === size) return cached
  cached = undefined
  const { items } = workload(size)
  const flatbush = new Flatbush(items.length)
  for (const item of items) flatbush.add(item.earliest, 0, item.latest, 0)
  flatbush.finish()
  cached = {
    size,
    timeline: Result.getOrThrow(Timeline.fromItems(items)),
    tree: flattenOf(items),
    byId: new Map(items.map((item) => [item.id, item])),
    flatbush
  }
  return cached
}

/** Bulk build: the timeline from 1M prepared items vs a flatten-js tree of the same intervals. */
export const buildVsBenchmark = (size = 1_000_000): Benchmark => {
  const { items } = workload(size)
  return compare(
    `timeline vs flatten-js: build from ${size.toLocaleString("en-US")} items`,
    () => Result.getOrThrow(Timeline.fromItems(items)),
    () => flattenOf(items),
    { target: 1, repeat: 5, warmup: 1 }
  )
}

/**
 * A window holding about `fraction` of the events: one through mid-2017, widened until it holds
 * enough, or one past the end of the data, moved until it holds few enough; whichever comes
 * closer.
 */
const windowFor = (timeline: Timeline.Timeline, fraction: number): Timeline.Window => {
  const size = Timeline.size(timeline)
  const wanted = Math.max(1, Math.round(size * fraction))
  const count = (w: Timeline.Window) => Timeline.inWindow(timeline, w).length
  const candidates: Array<Timeline.Window> = []
  const from = Date.UTC(2017, 5, 1)
  for (let width = 0; ; width = Math.max(3_600_000, Math.ceil(width * 1.1))) {
    const w = { from, to: from + width }
    candidates.push(w)
    if (count(w) >= wanted || width > 365 * DAY) break
  }
  const end = FIRST + DAYS * DAY
  for (let hours = 0; hours <= 24 * 12; hours++) {
    const w = { from: end + hours * 3_600_000, to: end + (hours + 1) * 3_600_000 }
    if (count(w) === 0) break
    candidates.push(w)
  }
  const distance = (w: Timeline.Window) => Math.abs(Math.log(Math.max(1, count(w)) / wanted))
  return candidates.reduce((best, w) => (distance(w) < distance(best) ? w : best))
}

const percent = (fraction: number) => `${+(fraction * 100).toPrecision(2)}%`

/** Per-query time of a window at `fraction` selectivity: ours vs flatten-js, or vs flatbush. */
export const windowVsBenchmark = (fraction: number, against: "flatten-js" | "flatbush", size = 1_000_000): Benchmark => {
  const { byId: _, flatbush, timeline, tree } = indexes(size)
  const { items } = workload(size)
  const window = windowFor(timeline, fraction)
  const ours = () => Timeline.inWindow(timeline, window)
  const flatten = () => tree.search([window.from, window.to])
  const packed = () => flatbush.search(window.from, 0, window.to, 0).map((i) => items[i]!)
  const found = ours().length
  const theirs = against === "flatten-js" ? flatten().length : packed().length
  if (found !== theirs) throw new Error(`window at ${percent(fraction)}: ours found ${found}, ${against} ${theirs}`)
  process.stderr.write(`(window returns ${found} of ${size} events) `)
  // Enough queries a run that a run takes some tens of milliseconds.
  const rounds = Math.max(20, Math.min(20_000, Math.round(200_000 / Math.max(found, 10))))
  const many = (query: () => ReadonlyArray<unknown>) => () => {
    let n = 0
    for (let r = 0; r < rounds; r++) n += query().length
    return n
  }
  return compare(
    `timeline vs ${against}: window at ${percent(fraction)} of ${size.toLocaleString("en-US")} (${found} events), per query`,
    many(ours),
    many(against === "flatten-js" ? flatten : packed),
    {
      target: against === "flatten-js" ? 1 : 3,
      repeat: 7,
      warmup: 2,
      items: rounds,
      unit: "ns/query",
      // flatbush's own answer is an array of indices; reaching the items behind them costs a
      // scattered read each, so the bare indices are timed beside it, for reference.
      references: against === "flatbush" ? [{ label: "flatbush's bare indices", run: many(() => flatbush.search(window.from, 0, window.to, 0)) }] : []
    }
  )
}

const median = (xs: Float64Array): number => xs.sort()[xs.length >> 1]!

/**
 * Single inserts (`"insert"`: new events) or deletes by id (`"delete"`: events already held) in the
 * live timeline of `size` events, ours and flatten-js's interleaved one by one (alternating which
 * goes first), median of each. The flatten-js tree is restored afterwards, untimed.
 */
export const updateVsBenchmark = (op: "insert" | "delete", size = 1_000_000, count = 20_000): Benchmark => ({
  name: `timeline vs flatten-js: ${op} one event by id in a live timeline of ${size.toLocaleString("en-US")} (median)`,
  unit: "µs",
  target: 2,
  better: "lower",
  run: () => {
    const live = indexes(size)
    const { items } = workload(size)
    const { byId, tree } = live
    let timeline = live.timeline
    const next = random(op === "insert" ? 1612 : 2112)
    const chosen: ReadonlyArray<Item> = op === "insert"
      ? freshItems(size, count)
      : Array.from({ length: count }, () => items[Math.floor(next() * size)]!).filter((item, i, all) => all.indexOf(item) === i)
    const oursOne = op === "insert"
      ? (item: Item) => {
        timeline = Result.getOrThrow(Timeline.addItem(timeline, item))
      }
      : (item: Item) => {
        timeline = Timeline.remove(timeline, item.id)
      }
    const insertTheirs = (item: Item) => {
      tree.insert([item.earliest, item.latest], item)
      byId.set(item.id, item)
    }
    const deleteTheirs = (id: EventId) => {
      const item = byId.get(id)
      if (item === undefined) return
      tree.remove([item.earliest, item.latest], item)
      byId.delete(id)
    }
    const theirsOne = op === "insert" ? insertTheirs : (item: Item) => deleteTheirs(item.id)
    // Warm both sides on a small structure of their own, so the JIT has seen every path.
    const sample = items.slice(0, 10_000)
    let warm = Result.getOrThrow(Timeline.fromItems(sample))
    const warmTree = flattenOf(sample)
    for (const item of sample.slice(0, 5_000)) {
      warm = Timeline.remove(Result.getOrThrow(Timeline.addItem(warm, { ...item, id: `w-${item.id}` as EventId })), item.id)
      warmTree.insert([item.earliest, item.latest], item)
      warmTree.remove([item.earliest, item.latest], item)
    }
    const n = chosen.length
    const ours = new Float64Array(n)
    const theirs = new Float64Array(n)
    const time = (f: (item: Item) => void, item: Item) => {
      const t0 = process.hrtime.bigint()
      f(item)
      return Number(process.hrtime.bigint() - t0) / 1000
    }
    for (let i = 0; i < n; i++) {
      if (i % 2 === 0) {
        ours[i] = time(oursOne, chosen[i]!)
        theirs[i] = time(theirsOne, chosen[i]!)
      } else {
        theirs[i] = time(theirsOne, chosen[i]!)
        ours[i] = time(oursOne, chosen[i]!)
      }
    }
    const expected = op === "insert" ? size + n : size - n
    if (Timeline.size(timeline) !== expected || tree.size !== expected) {
      throw new Error(`${op}: timeline holds ${Timeline.size(timeline)}, flatten-js ${tree.size}, expected ${expected}`)
    }
    for (const item of chosen) (op === "insert" ? deleteTheirs(item.id) : insertTheirs(item))
    return { value: median(ours), baseline: median(theirs) }
  }
})

/** A forced full collection; `--expose-gc` is switched on at run time if the process lacks it. */
const collect = (): (() => void) => {
  const existing = (globalThis as { gc?: () => void }).gc
  if (existing !== undefined) return existing
  setFlagsFromString("--expose-gc")
  return runInNewContext("gc") as () => void
}

/** Heap bytes that `build` adds and keeps, per event, after full collections on both sides. */
const retainedPerEvent = (size: number, build: () => unknown): number => {
  const gc = collect()
  const settle = () => {
    for (let i = 0; i < 3; i++) gc()
    return process.memoryUsage().heapUsed
  }
  const before = settle()
  let kept: unknown = build()
  const after = settle()
  if (kept === undefined) throw new Error("nothing built")
  kept = undefined
  return (after - before) / size
}

/**
 * Retained memory of items and index, bytes per event (the events themselves are shared and not
 * counted): the timeline built from fresh items against the 100-byte budget; flatten-js's tree of
 * the same events, and that tree with the `Map` from id that deletes need, for reference.
 */
export const memoryVsBenchmark = (size = 1_000_000, budget = 100): Benchmark => ({
  name: `timeline vs a ${budget}-byte budget: retained bytes per event (items and index) of ${size.toLocaleString("en-US")}`,
  unit: "B/event",
  target: 1,
  better: "lower",
  run: () => {
    const { events, items } = workload(size)
    const ours = retainedPerEvent(size, () => Result.getOrThrow(Timeline.fromItems(events.map((e) => Result.getOrThrow(Timeline.itemOf(e))))))
    const flatten = retainedPerEvent(size, () => {
      const tree = new IntervalTree<unknown>()
      for (const item of items) tree.insert([item.earliest, item.latest], item.event)
      return tree
    })
    const withIds = retainedPerEvent(size, () => {
      const tree = new IntervalTree<unknown>()
      const byId = new Map<string, unknown>()
      for (const item of items) {
        tree.insert([item.earliest, item.latest], item.event)
        byId.set(item.id, item.event)
      }
      return [tree, byId]
    })
    // What the timeline's module comments cite against a kept structure per row: an item object
    // per event (what `Timeline.itemOf` returns), and Effect's HashMap from id to event.
    const objects = retainedPerEvent(size, () => events.map((e) => Result.getOrThrow(Timeline.itemOf(e))))
    const hashMap = retainedPerEvent(size, () => HashMap.fromIterable(items.map((item) => [item.id, item.event] as const)))
    return {
      value: ours,
      baseline: budget,
      references: [
        { label: "flatten-js's tree of the events", value: flatten },
        { label: "flatten-js's tree and a Map from id", value: withIds },
        { label: "an item object per event, no index", value: objects },
        { label: "Effect's HashMap from id to event", value: hashMap }
      ]
    }
  }
})
