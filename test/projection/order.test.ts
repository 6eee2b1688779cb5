import { test } from "@fast-check/vitest"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { Id, Record } from "../../src/index.js"
import type { AnyEvent } from "../../src/model/Event.js"
import type { Link } from "../../src/model/Link.js"
import * as LinkGraph from "../../src/projection/LinkGraph.js"
import * as Timeline from "../../src/projection/Timeline.js"
import { arbTiedRecords } from "../../src/testing/index.js"

const both = (inputs: ReadonlyArray<unknown>) => {
  const records = inputs.map((r) => Record.decodeUnsafe(r))
  const events = records.filter((r) => r.type === "event") as ReadonlyArray<unknown> as ReadonlyArray<AnyEvent>
  const links = records.filter((r) => r.type === "link") as ReadonlyArray<unknown> as ReadonlyArray<Link>
  return { timeline: Result.getOrThrow(Timeline.fromRecords(records)), graph: Result.getOrThrow(LinkGraph.fromRecords(events, links)) }
}

describe("Timeline and LinkGraph: one order of events", () => {
  test.prop([arbTiedRecords])("list events in the same order and name the same same-as representatives", (inputs) => {
    const { graph, timeline } = both(inputs)
    expect(LinkGraph.events(graph).map((e) => e.id)).toEqual(Timeline.events(timeline).map((e) => e.id))
    const classes = Timeline.sameAsClasses(timeline)
    for (const e of Timeline.events(timeline)) expect(LinkGraph.canonical(graph, e.id), e.id).toBe(classes.get(e.id) ?? e.id)
  })

  it("breaks a tie between equal bounds by id, whatever the dates' text and zones", () => {
    const event = (id: string, when: string, timeZone: string) => ({ type: "event", kind: "strike", id, title: id, when, where: { place: "p", timeZone }, citations: [{ source: "s" }] })
    const { graph, timeline } = both([
      event("b", "2011-12-16", "Asia/Aqtau"),
      event("a", "2011-12-16", "Asia/Tashkent"),
      event("c", "2011-12-16/2011-12-16", "Asia/Aqtau"),
      { type: "link", id: "same", relation: "same-as", from: "b", to: "a", rationale: "one event", citations: [{ source: "s" }] }
    ])
    expect(Timeline.events(timeline).map((e) => e.id)).toEqual(["a", "b", "c"])
    expect(LinkGraph.events(graph).map((e) => e.id)).toEqual(["a", "b", "c"])
    expect(Timeline.sameAsClasses(timeline).get(Id.EventId.make("b"))).toBe("a")
    expect(LinkGraph.canonical(graph, Id.EventId.make("b"))).toBe("a")
  })
})
