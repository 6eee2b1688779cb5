/**
 * Branded ids in the projections' signatures: a plain string, or an id of another kind, is refused
 * where an event, place or actor id is wanted; an id read from a decoded record is accepted as it
 * is; answers that are ids come back branded. The brand is a type only, so at run time the same
 * calls answer as before, and a string smuggled past the types (a JavaScript caller) still gets an
 * answer, not an exception.
 */
import { Option, pipe, Result } from "effect"
import { describe, expect, expectTypeOf, it } from "vitest"
import { Id, Projection, Record } from "../../src/index.js"
import type { Hierarchy, LinkGraph as LinkGraphTypes, Timeline as TimelineTypes } from "../../src/projection/index.js"
import * as zhanaozen from "../fixtures/zhanaozen/index.js"

const { LinkGraph, Timeline } = Projection

const records = zhanaozen.all.map((r) => Record.decodeUnsafe(r))
const events = records.filter(Record.isEvent)
const timeline = Result.getOrThrow(Timeline.fromRecords(records))
const graph = Result.getOrThrow(LinkGraph.fromRecords(events, records.filter(Record.isLink)))
const hierarchy = Timeline.hierarchy(timeline)
const shooting = events.find((e) => e.id === "zhanaozen-2011-12-16-shooting")!

describe("Projections: branded ids", () => {
  it("refuse a plain string or an id of another kind where an event id is wanted", () => {
    const text: string = "zhanaozen-2011-12-16-shooting"
    const place = Id.PlaceId.make("zhanaozen")
    const refused = () => {
      // @ts-expect-error a plain string is not an EventId
      LinkGraph.lineage(graph, text)
      // @ts-expect-error a string literal is not an EventId either
      LinkGraph.paths(graph, "zhanaozen-2011-12-16-shooting", shooting.id)
      // @ts-expect-error a PlaceId is not an EventId
      Timeline.get(timeline, place)
      // @ts-expect-error also in the data-last form
      pipe(graph, LinkGraph.consequences(text))
      // @ts-expect-error an EventId is not a PlaceId
      hierarchy.isWithin(shooting.id, place)
      // @ts-expect-error a plain string is not an ActorId
      hierarchy.membersOf(text)
    }
    expectTypeOf(refused).toBeFunction()
  })

  it("accept the id of a decoded record, and ids made from literals", () => {
    expectTypeOf(shooting.id).toEqualTypeOf<Id.EventId>()
    expectTypeOf(shooting.where.place).toEqualTypeOf<Id.PlaceId>()
    expectTypeOf(LinkGraph.lineage).toBeCallableWith(graph, shooting.id)
    expectTypeOf(Timeline.get).toBeCallableWith(timeline, Id.EventId.make("zhanaozen-2011-12-16-shooting"))
    expectTypeOf(hierarchy.isWithin).toBeCallableWith(shooting.where.place, Id.PlaceId.make("mangystau-region"))
    expect(LinkGraph.event(graph, shooting.id)).toBe(shooting)
    expect(hierarchy.isWithin(shooting.where.place, Id.PlaceId.make("mangystau-region"))).toBe(true)
  })

  it("return branded ids where the answer is an id", () => {
    expectTypeOf(LinkGraph.canonical(graph, shooting.id)).toEqualTypeOf<Id.EventId | undefined>()
    expectTypeOf(LinkGraph.sameAs(graph, shooting.id)).toEqualTypeOf<ReadonlyArray<Id.EventId>>()
    expectTypeOf(LinkGraph.sameAsClasses(graph)).toEqualTypeOf<ReadonlyMap<Id.EventId, Id.EventId>>()
    expectTypeOf(Timeline.sameAsClasses(timeline)).toEqualTypeOf<ReadonlyMap<Id.EventId, Id.EventId>>()
    expectTypeOf<LinkGraphTypes.Path["events"]>().toEqualTypeOf<ReadonlyArray<Id.EventId>>()
    expectTypeOf<LinkGraphTypes.Storyline["links"]>().toEqualTypeOf<ReadonlyArray<Id.LinkId>>()
    expectTypeOf(hierarchy.placesAround(shooting.where.place)).toEqualTypeOf<ReadonlyArray<Id.PlaceId>>()
    expectTypeOf<Hierarchy.Hierarchy["membersOf"]>().returns.toEqualTypeOf<ReadonlySet<Id.ActorId>>()
    expectTypeOf<TimelineTypes.Item["id"]>().toEqualTypeOf<Id.EventId>()
  })

  it("make an id from a literal with the schema's constructors, checked", () => {
    expect(Id.EventId.make("zhanaozen-2011-12-16-shooting")).toBe("zhanaozen-2011-12-16-shooting")
    expect(() => Id.EventId.make("not an id!")).toThrow()
    expect(Id.EventId.makeOption("not an id!")).toEqual(Option.none())
    expect(Id.EventId.makeOption("zhanaozen-2011-12-16-shooting")).toEqual(Option.some("zhanaozen-2011-12-16-shooting"))
  })

  it("answer as before at run time, for a string past the types or for no id at all", () => {
    const loose = (u: unknown) => u as Id.EventId
    expect(LinkGraph.event(graph, loose("zhanaozen-2011-12-16-shooting"))).toBe(shooting)
    expect(Timeline.get(timeline, loose("zhanaozen-2011-12-16-shooting"))).toBe(shooting)
    for (const odd of ["", "not an id!", 42, undefined, null, {}]) {
      expect(LinkGraph.lineage(graph, loose(odd))).toEqual([])
      expect(LinkGraph.canonical(graph, loose(odd))).toBeUndefined()
      expect(LinkGraph.paths(graph, loose(odd), shooting.id)).toEqual([])
      expect(Timeline.get(timeline, loose(odd))).toBeUndefined()
      expect(Timeline.relations(timeline, loose(odd), shooting.id)).toBeUndefined()
      expect(Timeline.size(Timeline.remove(timeline, loose(odd)))).toBe(Timeline.size(timeline))
    }
  })
})
