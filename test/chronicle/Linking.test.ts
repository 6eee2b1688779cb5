import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Result } from "effect"
import * as fc from "fast-check"
import { Chronicle, Journal, Projection, Record } from "../../src/index.js"
import type { Link } from "../../src/model/Link.js"
import { arbChronicle } from "../../src/testing/index.js"
import * as zhanaozen from "../fixtures/zhanaozen/index.js"

const { Inference, LinkGraph } = Projection

// These tests are about history, idempotency and links: the ids they cite are not recorded.
const setup = Chronicle.layer({ checkReferences: false }).pipe(Layer.provideMerge(Journal.layerMemory()))

const event = (id: string, kind: string, when: string, extra: object = {}) => ({
  type: "event",
  kind,
  id,
  title: `${kind} ${id}`,
  when,
  where: { place: "zhanaozen", timeZone: "Asia/Aqtau" },
  citations: [{ source: "src-test" }],
  ...extra
})
const rally = (id: string, when: string) => event(id, "rally", when, { form: "gathering" })
const detention = (id: string, when: string) =>
  event(id, "detention", when, { detained: [{ value: { kind: "at-least", value: 10 }, citations: [{ source: "src-test" }] }] })
const link = (id: string, relation: string, from: string, to: string) => ({
  type: "link",
  id,
  relation,
  from,
  to,
  rationale: "test",
  citations: [{ source: "src-test" }]
})

describe("Chronicle: links are checked before they are written", () => {
  it.effect("refuses an impossible link with both events and their dates, writing nothing", () =>
    Effect.gen(function*() {
      const chronicle = yield* Chronicle.Chronicle
      yield* chronicle.record(rally("rally", "2011-12-16"))
      yield* chronicle.record(detention("detention", "2011-12-15"))
      const head = yield* chronicle.journal.head
      const error = yield* Effect.flip(chronicle.link(link("l", "responds-to", "detention", "rally")))
      assert.strictEqual(error._tag, "ImpossibleLinkError")
      assert.strictEqual(
        error.message,
        "link \"l\": \"detention\" (2011-12-15, Asia/Aqtau) responds-to \"rally\" (2011-12-16, Asia/Aqtau) is impossible in time: " +
          "the response starts before what it answers, however the two dates are read. Check both dates, and which event is from and which is to."
      )
      assert.strictEqual(yield* chronicle.journal.head, head)
      // `record` checks a link the same way.
      assert.strictEqual((yield* Effect.flip(chronicle.record(link("l", "responds-to", "detention", "rally"))))._tag, "ImpossibleLinkError")
    }).pipe(Effect.provide(setup)))

  it.effect("refuses a link that closes a cycle, naming it", () =>
    Effect.gen(function*() {
      const chronicle = yield* Chronicle.Chronicle
      for (const id of ["a", "b", "c"]) yield* chronicle.record(rally(id, "2011-12"))
      yield* chronicle.link(link("ab", "causes", "a", "b"))
      yield* chronicle.link(link("bc", "causes", "b", "c"))
      const error = yield* Effect.flip(chronicle.link(link("ca", "causes", "c", "a")))
      assert.deepStrictEqual<unknown>(error._tag === "LinkCycleError" ? [[...error.cycle], [...error.links]] : error._tag, [["c", "a", "b", "c"], ["ca", "ab", "bc"]])
      assert.strictEqual(yield* chronicle.journal.head, 5)
    }).pipe(Effect.provide(setup)))

  it.effect("refuses links to unknown or retracted events", () =>
    Effect.gen(function*() {
      const chronicle = yield* Chronicle.Chronicle
      yield* chronicle.record(rally("a", "2011-12-16"))
      yield* chronicle.record(rally("b", "2011-12-17"))
      const unknown = yield* Effect.flip(chronicle.link(link("l", "causes", "a", "nowhere")))
      assert.deepStrictEqual<unknown>(unknown._tag === "LinkEndpointError" ? [unknown.event, unknown.retracted] : unknown._tag, ["nowhere", false])
      yield* chronicle.retract({ type: "event", id: "b" }, { reason: "duplicate" })
      const gone = yield* Effect.flip(chronicle.link(link("l", "causes", "a", "b")))
      assert.deepStrictEqual<unknown>(gone._tag === "LinkEndpointError" ? [gone.event, gone.retracted] : gone._tag, ["b", true])
    }).pipe(Effect.provide(setup)))

  it.effect("refuses an event correction that would make a recorded link impossible, and a link correction that would", () =>
    Effect.gen(function*() {
      const chronicle = yield* Chronicle.Chronicle
      yield* chronicle.record(rally("rally", "2011-12-16"))
      yield* chronicle.record(detention("detention", "2011-12-17"))
      yield* chronicle.link(link("l", "responds-to", "detention", "rally"))
      const moved = yield* Effect.flip(chronicle.correct(detention("detention", "2011-12-10"), { reason: "new source" }))
      assert.strictEqual(moved._tag, "ImpossibleLinkError")
      const turned = yield* Effect.flip(chronicle.correct(link("l", "responds-to", "rally", "detention"), { reason: "read again" }))
      assert.strictEqual(turned._tag, "ImpossibleLinkError")
      // A correction that keeps the link possible goes through.
      const ok = yield* chronicle.correct(detention("detention", "2011-12-16"), { reason: "same day" })
      assert.strictEqual(ok.revision, 2)
    }).pipe(Effect.provide(setup)))

  it.effect("records the whole Zhanaozen chronicle, accepts an inferred proposal and keeps the graph sound", () =>
    Effect.gen(function*() {
      const chronicle = yield* Chronicle.Chronicle
      for (const r of zhanaozen.all) yield* chronicle.record(r)
      const graph = yield* chronicle.project(LinkGraph.projection)
      const proposal = Inference.propose(graph).find((p) => p.link.from === "zhanaozen-2023-04-11-detentions")!
      yield* chronicle.link(proposal.link, { author: "editor" })
      const after = yield* chronicle.project(LinkGraph.projection)
      assert.strictEqual(LinkGraph.links(after).length, zhanaozen.links.length + 1)
      assert.deepStrictEqual(LinkGraph.problems(after), [])
      // Writing it again is a repeat of the same request: the first entry comes back.
      const again = yield* chronicle.link(proposal.link, { author: "editor" })
      assert.strictEqual(again.stream.id, proposal.link.id)
    }).pipe(Effect.provide(setup)))
})

describe("Chronicle: links over generated chronicles", () => {
  it.effect("writes exactly the links the pure check accepts, and nothing for the others", () =>
    Effect.promise(() =>
      fc.assert(
        fc.asyncProperty(arbChronicle({ maxEvents: 8, maxLinks: 15 }), (c) =>
          Effect.runPromise(
            Effect.gen(function*() {
              const chronicle = yield* Chronicle.Chronicle
              for (const e of c.events) yield* chronicle.record(e)
              let expected = Result.getOrThrow(LinkGraph.fromRecords(yield* chronicle.project(LinkGraph.projection).pipe(Effect.map(LinkGraph.events))))
              const accepted: Array<Link> = []
              for (const input of c.links) {
                const l = Record.decodeUnsafe(input) as Link
                const verdict = LinkGraph.check(expected, l)
                const head = yield* chronicle.journal.head
                const written = yield* Effect.result(chronicle.link(input))
                if (Result.isSuccess(verdict)) {
                  assert.isTrue(Result.isSuccess(written))
                  accepted.push(l)
                  expected = Result.getOrThrow(LinkGraph.fromRecords(LinkGraph.events(expected), accepted))
                } else {
                  assert.isTrue(Result.isFailure(written) && written.failure._tag === verdict.failure._tag)
                  assert.strictEqual(yield* chronicle.journal.head, head)
                }
              }
              const graph = yield* chronicle.project(LinkGraph.projection)
              assert.deepStrictEqual(LinkGraph.links(graph).map((l) => l.id), accepted.map((l) => l.id))
              assert.deepStrictEqual(LinkGraph.problems(graph), [])
            }).pipe(Effect.provide(setup))
          )),
        { numRuns: 25 }
      )
    ))
})
