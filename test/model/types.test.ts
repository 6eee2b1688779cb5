import type { Result } from "effect"
import { describe, expectTypeOf, it } from "vitest"
import { Count, Event, type Id, Record, type TimeZone, When } from "../../src/index.js"
import { arbEvent, arbRecord } from "../../src/testing/index.js"
import type * as fc from "fast-check"

describe("public types", () => {
  it("decode returns a Result of a Record or a RecordDecodeError", () => {
    expectTypeOf(Record.decode).returns.toEqualTypeOf<Result.Result<Record.Record, Record.RecordDecodeError>>()
    expectTypeOf(Record.decodeJsonl).returns.toEqualTypeOf<Result.Result<ReadonlyArray<Record.Record>, Record.RecordDecodeError>>()
  })

  it("narrows events by kind", () => {
    const handle = (e: Event.Event) => {
      if (e.kind === "detention") expectTypeOf(e.detained).toEqualTypeOf<Event.Detention["detained"]>()
      if (e.kind === "rally") expectTypeOf(e.form).toEqualTypeOf<Event.RallyForm>()
      // @ts-expect-error a rally has no `detained` field
      if (e.kind === "rally") void e.detained
    }
    expectTypeOf(handle).parameter(0).toEqualTypeOf<Event.Event>()
  })

  it("records are readonly", () => {
    const mutate = (e: Event.Strike) => {
      // @ts-expect-error fields are readonly
      e.title = "changed"
      // @ts-expect-error arrays are readonly
      e.citations.push({ source: "s" as Id.SourceId })
    }
    expectTypeOf(mutate).toBeFunction()
  })

  it("When values and ids are branded strings, not plain strings", () => {
    expectTypeOf<When.When>().toExtend<string>()
    expectTypeOf<string>().not.toExtend<When.When>()
    expectTypeOf<Id.EventId>().not.toEqualTypeOf<Id.ActorId>()
    expectTypeOf(When.bounds).returns.toEqualTypeOf<Result.Result<When.Bounds, When.WhenError | TimeZone.TimeZoneError>>()
    expectTypeOf(When.boundsUnsafe).returns.toEqualTypeOf<When.Bounds>()
  })

  it("Event.isKind narrows data first and as a filter", () => {
    const events: ReadonlyArray<Event.AnyEvent> = []
    expectTypeOf(events.filter(Event.isKind("detention"))).toEqualTypeOf<Array<Event.Detention>>()
    const e = events[0]!
    if (Event.isKind(e, "rally")) expectTypeOf(e.form).toEqualTypeOf<Event.RallyForm>()
  })

  it("count constructors return a Count", () => {
    expectTypeOf(Count.aboutUnsafe(2000, { phrase: "about two thousand" })).toEqualTypeOf<Count.Count>()
    expectTypeOf(Count.bounds).returns.toEqualTypeOf<Count.Bounds>()
  })

  it("arbitraries produce the encoded form of records", () => {
    expectTypeOf(arbEvent).toExtend<fc.Arbitrary<typeof Event.Event.Encoded>>()
    expectTypeOf(arbRecord).toExtend<fc.Arbitrary<unknown>>()
  })
})
