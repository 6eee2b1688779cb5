/**
 * The projections' states are opaque values: equal when they hold the same events, links or
 * entries (however they were built), hashed alike when equal, pipeable, and readable in a
 * console or as JSON without showing their internal trees.
 */
import { Equal, Hash, pipe, Result } from "effect"
import { inspect } from "node:util"
import { describe, expect, it } from "vitest"
import { Projection, Record } from "../../src/index.js"
import * as zhanaozen from "../fixtures/zhanaozen/index.js"
import { entriesOf } from "./linkHelpers.js"

const { Calendar, Catalog, LinkGraph, Timeline } = Projection

const records = zhanaozen.all.map((r) => Record.decodeUnsafe(r))
const entries = entriesOf(records)
const reversed = entriesOf([...records].reverse())
const events = records.filter(Record.isEvent)
const links = records.filter(Record.isLink)

describe("Timeline: an opaque value", () => {
  const replayed = Projection.replay(Timeline.projection, entries)
  const backwards = Projection.replay(Timeline.projection, reversed)
  const built = Result.getOrThrow(Timeline.fromRecords(records))

  it("is equal to any timeline with the same events and context, however it was built", () => {
    expect(Equal.equals(replayed, backwards)).toBe(true)
    expect(Equal.equals(replayed, built)).toBe(true)
    expect(Hash.hash(replayed)).toBe(Hash.hash(backwards))
    expect(Timeline.isTimeline(replayed)).toBe(true)
    expect(Timeline.isTimeline({})).toBe(false)
  })

  it("differs once an event is removed, and equals itself again once it is put back", () => {
    const shooting = Timeline.get(replayed, "zhanaozen-2011-12-16-shooting")!
    const without = Timeline.remove(replayed, shooting.id)
    expect(Equal.equals(replayed, without)).toBe(false)
    expect(Equal.equals(replayed, Result.getOrThrow(Timeline.add(without, shooting)))).toBe(true)
    expect(Equal.equals(Timeline.empty, Timeline.remove(Timeline.empty, "nothing"))).toBe(true)
  })

  it("shows its events, not its index, as JSON, text and in Node's inspector", () => {
    const json = replayed.toJSON() as { readonly _id: string; readonly size: number; readonly events: ReadonlyArray<string> }
    expect(json._id).toBe("Timeline")
    expect(json.size).toBe(Timeline.size(replayed))
    expect(json.events).toEqual(Timeline.events(replayed).map((e) => e.id))
    expect(String(replayed)).toContain("zhanaozen-2011-12-16-shooting")
    expect(inspect(replayed)).not.toContain("byId")
    expect(Object.keys(replayed.toJSON() as object)).toEqual(["_id", "size", "events"])
  })

  it("pipes, and its combinators take it first or last", () => {
    expect(replayed.pipe(Timeline.size)).toBe(Timeline.size(replayed))
    expect(pipe(replayed, Timeline.events)).toEqual(Timeline.events(replayed))
    const december = { from: "2011-12-01", to: "2011-12-31", timeZone: "Asia/Aqtau" }
    expect(pipe(replayed, Timeline.query(december))).toEqual(Timeline.query(replayed, december))
    expect(Timeline.query(replayed)).toEqual(Timeline.query(replayed, {}))
    const window = { from: Date.UTC(2011, 11, 16), to: Date.UTC(2011, 11, 17) }
    expect(pipe(replayed, Timeline.inWindow(window, "within"))).toEqual(Timeline.inWindow(replayed, window, "within"))
    expect(pipe(replayed, Calendar.group("year", {}, { timeZone: "Asia/Aqtau" }))).toEqual(Calendar.group(replayed, "year", {}, { timeZone: "Asia/Aqtau" }))
    expect(pipe(replayed, Calendar.gaps("month", december))).toEqual(Calendar.gaps(replayed, "month", december))
    const shooting = "zhanaozen-2011-12-16-shooting"
    expect(pipe(replayed, Timeline.get(shooting))).toBe(Timeline.get(replayed, shooting))
    expect(Equal.equals(pipe(replayed, Timeline.remove(shooting)), Timeline.remove(replayed, shooting))).toBe(true)
    expect(pipe(replayed, Timeline.anniversariesOf(shooting))).toEqual(Timeline.anniversariesOf(replayed, shooting))
    expect(pipe(replayed, Timeline.onMonthDay(12, 16))).toEqual(Timeline.onMonthDay(replayed, 12, 16))
  })
})

describe("LinkGraph: an opaque value", () => {
  const replayed = Projection.replay(LinkGraph.projection, entries)
  const built = Result.getOrThrow(LinkGraph.fromRecords(events, links))

  it("is equal to any graph with the same events and links, however it was built", () => {
    expect(Equal.equals(replayed, Projection.replay(LinkGraph.projection, reversed))).toBe(true)
    expect(Equal.equals(replayed, built)).toBe(true)
    expect(Hash.hash(replayed)).toBe(Hash.hash(built))
    expect(LinkGraph.isLinkGraph(built)).toBe(true)
    expect(Equal.equals(replayed, Result.getOrThrow(LinkGraph.fromRecords(events, links.slice(1))))).toBe(false)
  })

  it("takes its combinators first or last", () => {
    const detention = "astana-2023-04-11-detention"
    expect(pipe(built, LinkGraph.lineage(detention))).toEqual(LinkGraph.lineage(built, detention))
    expect(pipe(built, LinkGraph.lineage(detention, { maxDepth: 1 }))).toEqual(LinkGraph.lineage(built, detention, { maxDepth: 1 }))
    const shooting = "zhanaozen-2011-12-16-shooting"
    expect(pipe(built, LinkGraph.paths(shooting, detention))).toEqual(LinkGraph.paths(built, shooting, detention))
    expect(pipe(built, LinkGraph.consequences(shooting))).toEqual(LinkGraph.consequences(built, shooting))
    expect(pipe(built, LinkGraph.event(shooting))).toBe(LinkGraph.event(built, shooting))
  })

  it("shows its events and links as JSON", () => {
    const json = built.toJSON() as { readonly _id: string; readonly events: ReadonlyArray<string>; readonly links: ReadonlyArray<string> }
    expect(json._id).toBe("LinkGraph")
    expect(json.events).toEqual(LinkGraph.events(built).map((e) => e.id))
    expect(json.links).toHaveLength(LinkGraph.links(built).length)
    expect(inspect(built)).toContain("LinkGraph")
  })
})

describe("Catalog: an opaque value", () => {
  it("is equal to any catalog with the same entries of the same streams", () => {
    const a = Projection.replay(Catalog.projection, entries)
    const b = Projection.replay(Catalog.projection, entriesOf(records))
    expect(Equal.equals(a, b)).toBe(true)
    expect(Hash.hash(a)).toBe(Hash.hash(b))
    expect(Equal.equals(a, Projection.replay(Catalog.projection, entries.slice(1)))).toBe(false)
    expect(Catalog.isCatalog(a)).toBe(true)
    expect(a.toJSON()).toEqual({ _id: "Catalog", streams: Catalog.size(a) })
  })
})
