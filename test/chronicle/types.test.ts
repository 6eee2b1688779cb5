import type { Effect, Scope } from "effect"
import { describe, expectTypeOf, it } from "vitest"
import type { Journal } from "../../src/index.js"
import { Chronicle, Projection, type Record } from "../../src/index.js"

describe("types of the public API", () => {
  it("writes give an entry, with the errors each write can meet", () => {
    type Shape = Chronicle.ChronicleShape
    expectTypeOf<ReturnType<Shape["record"]>>().toEqualTypeOf<
      Effect.Effect<
        Journal.Entry,
        Record.RecordDecodeError | Chronicle.MissingReferenceError | Projection.LinkGraph.LinkError | Journal.CommitError | Journal.ReadError
      >
    >()
    expectTypeOf<Effect.Error<ReturnType<Shape["retract"]>>["_tag"]>().toEqualTypeOf<
      "NoRecordError" | "ConflictError" | "InvalidCommitError" | "JournalStoreError" | "JournalCorruptionError"
    >()
    expectTypeOf<Effect.Error<ReturnType<Shape["link"]>>["_tag"]>().toEqualTypeOf<
      | "RecordDecodeError"
      | "MissingReferenceError"
      | "ImpossibleLinkError"
      | "LinkCycleError"
      | "LinkEndpointError"
      | "ConflictError"
      | "InvalidCommitError"
      | "JournalStoreError"
      | "JournalCorruptionError"
    >()
    expectTypeOf<ReturnType<Shape["live"]>>().toEqualTypeOf<
      Effect.Effect<Chronicle.Live<unknown>, Journal.ReadError, Scope.Scope>
    >()
  })

  it("catalog queries narrow by record type", () => {
    type Links = ReturnType<typeof Projection.Catalog.records<"link">>
    expectTypeOf<Links[number]["relation"]>().toEqualTypeOf<
      "causes" | "responds-to" | "part-of" | "continues" | "commemorates" | "echoes" | "same-as" | "contradicts"
    >()
    expectTypeOf<ReturnType<typeof Projection.Catalog.events>[number]["kind"]>().toBeString()
    expectTypeOf(Projection.zip(Projection.Catalog.projection, Projection.make(0, (n) => n)).initial)
      .toEqualTypeOf<readonly [Projection.Catalog.Catalog, number]>()
  })

  it("the promise client gives promises", () => {
    expectTypeOf(Chronicle.open).returns.toEqualTypeOf<Promise<Chronicle.Client>>()
  })
})
