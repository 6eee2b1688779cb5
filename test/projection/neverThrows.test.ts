import { fc } from "@fast-check/vitest"
import { DateTime, Result } from "effect"
import { describe, expect, expectTypeOf, it } from "vitest"
import { Allen, Anniversary, ClaimPolicy, Projection, Record } from "../../src/index.js"
import type { AnyEvent } from "../../src/model/Event.js"
import type { Link } from "../../src/model/Link.js"
import * as zhanaozen from "../fixtures/zhanaozen/index.js"
import { entriesOf } from "./linkHelpers.js"

const { Calendar, Catalog, Hierarchy, Inference, LinkGraph, Timeline } = Projection

// A few real states, kept small so that every call is quick.
const few = ["zhanaozen-2011-12-16-shooting", "zhanaozen-2011-12-16-detentions", "zhanaozen-2011-05-strike"]
const rawRecords = zhanaozen.all.filter((r) => r.type !== "event" || few.includes(r.id as string))
const records = rawRecords.map((r) => Record.decodeUnsafe(r))
const entries = entriesOf(rawRecords)
const timeline = Result.getOrThrow(Timeline.fromRecords(records))
const graph = Projection.replay(LinkGraph.projection, entries)
const catalog = Projection.replay(Catalog.projection, entries)
const hierarchy = Hierarchy.fromCatalog(catalog)
const shooting = records.find((r) => r.id === few[0]) as AnyEvent & { readonly killed: ReadonlyArray<unknown> }
const span = { start: { earliest: 0, latest: 10 }, end: { earliest: 5, latest: 20 } }

/** Values inside and just outside the types the functions take, as JavaScript callers and casts pass them. */
const plausible: ReadonlyArray<unknown> = [
  undefined, null, NaN, Infinity, -Infinity, 0, -1, 1e300, 12, 16, 29, 2, "", "x", Symbol("s"),
  "2011", "2011-12-16", "2011-13-40", "16/12/2011", "2011-05-11/", "Asia/Aqtau", "Mars/Olympus", "zhanaozen-2011-12-16-shooting", "mangystau-region",
  "year", "month", "day", "place", "kind", "actor", "overlaps", "within", "all", "official", "lowest", "highest", "envelope", "sideways",
  [], {}, [null], [1, 2], { toString: 1 }, new Date(Number.NaN), new Date(0), DateTime.makeUnsafe(0),
  { from: NaN, to: 0 }, { from: 10, to: 5 }, { from: -Infinity, to: Infinity }, { from: "2011", to: "2012", timeZone: "Asia/Aqtau" },
  { from: "2012", to: "2011" }, { kind: 5 }, { mode: "sideways" }, { place: ["x"] }, { text: null }, { timeZone: "Mars/Olympus" },
  { measure: () => "lots" }, { measure: 5 }, { maxLength: Infinity, maxCount: Infinity }, { maxDepth: NaN }, { direction: 5 }, { from: 2011, to: 2023 },
  { type: "event" }, { type: "event", id: "x", kind: "rally", when: "2011", where: {} }, { type: "link", id: "l", relation: "causes" }, rawRecords[0], shooting,
  rawRecords, records, [shooting, { id: 5 }], entries, entries[0], { ...entries[0], stream: { type: "event", id: 5 } },
  { ...entries[0], body: { _tag: "revision", record: { type: "event", id: "x" } } }, { ...entries[0], body: { _tag: "retraction" } },
  timeline, graph, catalog, hierarchy, Timeline.projection, LinkGraph.projection, Catalog.projection, { initial: 0, apply: 5 },
  span, { start: span.end, end: span.start }, { start: { earliest: NaN, latest: 0 }, end: span.end }, { start: {}, end: null },
  shooting.killed, [{ value: { kind: "exact", value: 3 } }], [{ value: "three" }], ...Inference.rules,
  { name: "mine", relation: "causes", propose: () => [{ from: shooting, to: { id: "nowhere" }, score: 1 }] },
  { name: "odd", relation: "echoes", propose: () => 5 }, { events: [shooting], hierarchy: { placeName: 1 } }
]

const arbArg: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...plausible) },
  { weight: 3, arbitrary: fc.anything({ maxDepth: 2 }) },
  { weight: 1, arbitrary: fc.func(fc.anything({ maxDepth: 1 })) },
  { weight: 1, arbitrary: fc.record({ from: fc.double(), to: fc.double() }) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...plausible), { maxLength: 4 }) }
)

const isClass = (f: Function) => /^class\b/.test(Function.prototype.toString.call(f))

/** Every exported function of a module, and the functions of its exported objects (rules, time rules). */
const functionsOf = (name: string, module: object): Array<readonly [string, Function]> => {
  const out: Array<readonly [string, Function]> = []
  for (const [key, value] of Object.entries(module)) {
    if (typeof value === "function") {
      if (!isClass(value)) out.push([`${name}.${key}`, value])
    } else if (typeof value === "object" && value !== null) {
      for (const [inner, v] of Object.entries(value)) {
        if (typeof v === "function") out.push([`${name}.${key}.${inner}`, v])
        else if (typeof v === "object" && v !== null) for (const [k, f] of Object.entries(v)) if (typeof f === "function") out.push([`${name}.${key}.${inner}.${k}`, f])
      }
    }
  }
  return out
}

const { Calendar: _k, Catalog: _c, Hierarchy: _d, Inference: _e, LinkGraph: _f, Timeline: _g, ...projectionOwn } = Projection
const modules = { Projection: projectionOwn, Allen, Anniversary, Calendar, Catalog, Hierarchy, Inference, LinkGraph, Timeline }

/** Calls a value's functions (a returned predicate, a projection's `apply`, a hierarchy's methods) with `args`. */
const exercise = (result: unknown, args: ReadonlyArray<unknown>): void => {
  if (typeof result === "function") (result as (...xs: ReadonlyArray<unknown>) => unknown)(...args)
  else if (typeof result === "object" && result !== null && !Array.isArray(result)) {
    for (const v of Object.values(result)) if (typeof v === "function" && !isClass(v)) (v as (...xs: ReadonlyArray<unknown>) => unknown)(...args)
  }
}

describe("Projection: no exported function throws, whatever it is given", () => {
  for (const [name, module] of Object.entries(modules)) {
    const functions = functionsOf(name, module)
    it(`${name}: ${functions.length} functions`, () => {
      expect(functions.length).toBeGreaterThan(0)
      fc.assert(
        fc.property(fc.constantFrom(...functions), fc.array(arbArg, { maxLength: 4 }), fc.array(arbArg, { maxLength: 3 }), ([label, f], args, more) => {
          try {
            exercise(f(...args), more)
          } catch (e) {
            throw new Error(`${label}(${args.map((a) => (typeof a === "symbol" ? String(a) : typeof a)).join(", ")}) threw: ${String(e)}`)
          }
        }),
        { numRuns: 60 * functions.length }
      )
    })
  }
})

describe("Projection: the bad inputs found in use answer with a typed failure or a documented answer", () => {
  it("ClaimPolicy.summarize of no claims keeps nothing and counts nothing", () => {
    expect(ClaimPolicy.summarize([] as never, "lowest", Timeline.attribution(timeline))).toEqual({ claims: [], count: undefined })
    expect(ClaimPolicy.summarize([] as never, "highest", Timeline.attribution(timeline))).toEqual({ claims: [], count: undefined })
    expect(ClaimPolicy.summarize(shooting.killed as never, "median" as never, Timeline.attribution(timeline))).toEqual({ claims: [], count: undefined })
  })

  it("Timeline.fromRecords of undecoded objects fails, naming the record and the field", () => {
    const bad = Timeline.fromRecords([...records, { type: "event", id: "raw", kind: "rally", when: "16/12/2011", where: { place: "p", timeZone: "Asia/Aqtau" } }] as never)
    expect(Result.isFailure(bad) && bad.failure._tag).toBe("UnreadableRecordError")
    if (Result.isFailure(bad)) {
      expect(bad.failure).toMatchObject({ index: records.length, id: "raw", field: "when" })
      expect(bad.failure.message).toMatch(/^record \d+ \("raw"\): when is "16\/12\/2011", not an EDTF date; decode records with Record\.decode first/)
    }
    const huge = Timeline.fromRecords([{ type: "event", id: "y".repeat(100_000) }] as never)
    expect(Result.isFailure(huge) && huge.failure.message.length).toBeLessThan(300)
    expect(Result.isFailure(Timeline.fromRecords(5 as never))).toBe(true)
    expect(Result.isFailure(Timeline.fromRecords([null] as never))).toBe(true)
  })

  it("Timeline.inWindow of NaN or reversed bounds answers nothing", () => {
    const all = Timeline.inWindow(timeline, { from: -Infinity, to: Infinity })
    expect(all.length).toBe(Timeline.size(timeline))
    expect(Timeline.inWindow(timeline, { from: NaN, to: Infinity })).toEqual([])
    expect(Timeline.inWindow(timeline, { from: -Infinity, to: NaN })).toEqual([])
    // The shooting's day, from its end to its start: no instant lies in it.
    const day = Timeline.relations(timeline, shooting.id, shooting.id) === undefined ? undefined : Timeline.inWindow(timeline, { from: Date.UTC(2011, 11, 16, 18), to: Date.UTC(2011, 11, 15, 19) })
    expect(day).toEqual([])
    expect(Timeline.inWindow(timeline, { from: 0, to: Infinity }, "sideways" as never)).toEqual([])
  })

  it("queries with parts of the wrong kind fail with a typed error", () => {
    const r = Timeline.query(timeline, { kind: 5 } as never)
    expect(Result.isFailure(r) && r.failure._tag).toBe("TimelineQueryError")
    expect(Result.isFailure(r) && r.failure.message).toBe('query field "kind" is 5: expected a string or a list of strings')
    expect(Result.isFailure(Calendar.group(timeline, "week" as never))).toBe(true)
    expect(Result.isFailure(Calendar.gaps(timeline, "week" as never))).toBe(true)
  })

  it("projections leave their state as it is for entries they cannot read", () => {
    const broken = { ...entries[0]!, stream: { type: "event", id: "x" }, body: { _tag: "revision", record: { type: "event", id: "x" } } } as never
    expect(Timeline.apply(timeline, broken)).toBe(timeline)
    expect(LinkGraph.apply(graph, broken)).toBe(graph)
    expect(Catalog.apply(catalog, null as never)).toBe(catalog)
    expect(Projection.replay(Timeline.projection, 5 as never)).toBe(Timeline.empty)
  })

  it("LinkGraph.check of a value that is not a link fails with a typed error", () => {
    const r = LinkGraph.check(graph, { type: "link", id: "l", relation: "causes", from: 5 } as unknown as Link)
    expect(Result.isFailure(r) && r.failure._tag).toBe("UnreadableRecordError")
    expect(Result.isFailure(LinkGraph.fromRecords([{ id: "e" } as never]))).toBe(true)
  })
})

describe("Projection: the types say which functions can fail", () => {
  it("gives a Result where records come in, and keeps a typed link check free of the record error", () => {
    expectTypeOf(Timeline.fromRecords(records)).toEqualTypeOf<Result.Result<Projection.Timeline.Timeline, Projection.Timeline.UnreadableRecordError>>()
    expectTypeOf(Timeline.add(timeline, shooting)).toEqualTypeOf<Result.Result<Projection.Timeline.Timeline, Projection.Timeline.UnreadableRecordError>>()
    expectTypeOf(LinkGraph.check(graph, {} as Link)).toEqualTypeOf<Result.Result<Link, Projection.LinkGraph.LinkError>>()
    expectTypeOf(LinkGraph.check(graph, {} as unknown)).toEqualTypeOf<Result.Result<Link, Projection.LinkGraph.LinkError | Projection.LinkGraph.UnreadableRecordError>>()
    expectTypeOf(ClaimPolicy.summarize([] as never, "all")).toEqualTypeOf<ClaimPolicy.ClaimSummary>()
  })
})
