/**
 * The link graph's invariants over generated chronicles: link attempts of every relation are
 * checked one after another, the accepted ones recorded, and the outcome compared with answers
 * computed here independently (spans straight from `When.span`, classes from a union-find of our
 * own, acyclicity from effect's `Graph`).
 */
import { Graph, Result } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Projection, Record, When } from "../../src/index.js"
import type { AnyEvent } from "../../src/model/Event.js"
import type { EventId } from "../../src/model/Id.js"
import type { Link } from "../../src/model/Link.js"
import { arbChronicle, assertAsOfEqualsPrefix, assertDeterministic, assertReplayEqualsIncremental, type GeneratedChronicle } from "../../src/testing/index.js"
import { entriesOf } from "./linkHelpers.js"

const { LinkGraph } = Projection

const directed = (l: Link) => l.relation !== "same-as" && l.relation !== "contradicts"
const ends = (l: Link): readonly [EventId, EventId] => (l.relation === "causes" || l.relation === "part-of" ? [l.from, l.to] : [l.to, l.from])

// The time rules, restated: the later end cannot certainly start before the earlier one starts;
// a part cannot certainly start before, or end after, its whole.
const impossible = (l: Link, byId: ReadonlyMap<EventId, AnyEvent>): boolean => {
  if (!directed(l)) return false
  const [first, second] = ends(l).map((id) => {
    const e = byId.get(id)!
    return When.spanUnsafe(e.when, e.where.timeZone)
  }) as [When.Span, When.Span]
  if (l.relation === "part-of") return first.start.latest < second.start.earliest || first.end.earliest > second.end.latest
  return second.start.latest < first.start.earliest
}

const classesOf = (ids: ReadonlyArray<string>, links: ReadonlyArray<Link>): Map<string, string> => {
  const parent = new Map(ids.map((id) => [id, id]))
  const find = (x: string): string => (parent.get(x) === x ? x : find(parent.get(x)!))
  for (const l of links) if (l.relation === "same-as") parent.set(find(l.from), find(l.to))
  return new Map(ids.map((id) => [id, find(id)]))
}

const acyclic = (ids: ReadonlyArray<string>, links: ReadonlyArray<Link>): boolean => {
  const cls = classesOf(ids, links)
  const roots = [...new Set(cls.values())]
  const node = new Map(roots.map((r, i) => [r, i]))
  const g = Graph.directed<string, string>((m) => {
    for (const r of roots) Graph.addNode(m, r)
    for (const l of links.filter(directed)) {
      const [a, b] = ends(l)
      Graph.addEdge(m, node.get(cls.get(a)!)!, node.get(cls.get(b)!)!, l.id)
    }
  })
  return Graph.isAcyclic(g)
}

interface Outcome {
  readonly events: ReadonlyArray<AnyEvent>
  readonly byId: ReadonlyMap<EventId, AnyEvent>
  readonly accepted: ReadonlyArray<Link>
  readonly refused: ReadonlyArray<{ readonly link: Link; readonly before: ReadonlyArray<Link>; readonly error: Projection.LinkGraph.LinkError }>
  readonly graph: Projection.LinkGraph.LinkGraph
}

const run = (c: GeneratedChronicle): Outcome => {
  const events = c.events.map((e) => Record.decodeUnsafe(e) as AnyEvent)
  const byId = new Map(events.map((e) => [e.id, e]))
  const accepted: Array<Link> = []
  const refused: Array<Outcome["refused"][number]> = []
  let graph = Result.getOrThrow(LinkGraph.fromRecords(events))
  for (const input of c.links) {
    const l = Record.decodeUnsafe(input) as Link
    const r = LinkGraph.check(graph, l)
    if (Result.isSuccess(r)) {
      accepted.push(l)
      graph = Result.getOrThrow(LinkGraph.fromRecords(events, accepted))
    } else refused.push({ link: l, before: [...accepted], error: r.failure })
  }
  return { events, byId, accepted, refused, graph }
}

const arb = arbChronicle()
const params = { numRuns: 150 }

describe("LinkGraph properties over generated chronicles", () => {
  it("obeys the projection laws on generated chronicles", () => {
    const entries = arb.map((c) => entriesOf([...c.events, ...c.links]))
    assertReplayEqualsIncremental(LinkGraph.projection, entries, { parameters: { numRuns: 50 } })
    assertAsOfEqualsPrefix(LinkGraph.projection, entries, { parameters: { numRuns: 50 } })
    assertDeterministic(LinkGraph.projection, entries, { parameters: { numRuns: 50 } })
  })

  it("accepts no directed link that is impossible in time, and keeps the directed graph acyclic", () => {
    fc.assert(
      fc.property(arb, (c) => {
        const o = run(c)
        for (const l of o.accepted) expect(impossible(l, o.byId)).toBe(false)
        expect(acyclic([...o.byId.keys()], o.accepted)).toBe(true)
        expect(LinkGraph.problems(o.graph)).toEqual([])
      }),
      params
    )
  })

  it("refuses only for a real reason, and names it", () => {
    let seen = { time: 0, cycle: 0, endpoint: 0 }
    fc.assert(
      fc.property(arb, (c) => {
        const o = run(c)
        for (const { link: l, before, error } of o.refused) {
          if (error._tag === "LinkEndpointError") {
            seen = { ...seen, endpoint: seen.endpoint + 1 }
            expect(o.byId.has(error.event)).toBe(false)
            expect(error.event).toBe(l[error.role])
          } else if (error._tag === "ImpossibleLinkError") {
            seen = { ...seen, time: seen.time + 1 }
            expect(impossible(l, o.byId)).toBe(true)
            expect(error.from).toEqual({ id: l.from, when: o.byId.get(l.from)!.when, timeZone: o.byId.get(l.from)!.where.timeZone })
            expect(error.to.when).toBe(o.byId.get(l.to)!.when)
          } else {
            seen = { ...seen, cycle: seen.cycle + 1 }
            expect(impossible(l, o.byId)).toBe(false)
            expect(acyclic([...o.byId.keys()], [...before, l])).toBe(false)
            // The cycle named is a real closed walk: each named link joins consecutive events
            // (up to same-as), the refused link first.
            const all = new Map([...before, l].map((x) => [x.id as string, x]))
            const cls = classesOf([...o.byId.keys()], [...before, l])
            const same = (a: string, b: string) => cls.get(a) === cls.get(b)
            expect(error.links[0]).toBe(l.id)
            expect(error.cycle[0]).toBe(error.cycle.at(-1))
            error.links.forEach((id, i) => {
              const x = all.get(id)!
              const [a, b] = directed(x) ? ends(x) : [error.cycle[i]!, error.cycle[i + 1]!]
              expect(same(a, error.cycle[i]!)).toBe(true)
              expect(b).toBe(error.cycle[i + 1])
            })
            for (let i = error.links.length; i + 1 < error.cycle.length; i++) expect(same(error.cycle[i]!, error.cycle[i + 1]!)).toBe(true)
          }
        }
      }),
      params
    )
    // The generator reaches every kind of refusal.
    expect(seen.time).toBeGreaterThan(0)
    expect(seen.cycle).toBeGreaterThan(0)
    expect(seen.endpoint).toBeGreaterThan(0)
  })

  it("makes same-as an equivalence: reflexive, symmetric, transitive, exactly the same-as connections", () => {
    fc.assert(
      fc.property(arb, (c) => {
        const o = run(c)
        const ours = classesOf([...o.byId.keys()], o.accepted)
        for (const a of o.byId.keys()) {
          expect(LinkGraph.sameAs(o.graph, a)).toContain(a)
          for (const b of LinkGraph.sameAs(o.graph, a)) {
            expect(LinkGraph.sameAs(o.graph, b)).toEqual(LinkGraph.sameAs(o.graph, a))
            expect(LinkGraph.canonical(o.graph, b)).toBe(LinkGraph.canonical(o.graph, a))
          }
          for (const b of o.byId.keys()) expect(LinkGraph.canonical(o.graph, a) === LinkGraph.canonical(o.graph, b)).toBe(ours.get(a) === ours.get(b))
        }
      }),
      params
    )
  })

  it("keeps lineage, consequences and paths consistent", () => {
    fc.assert(
      fc.property(arb, (c) => {
        const o = run(c)
        const ids = [...o.byId.keys()]
        for (const a of ids) {
          const after = new Set(LinkGraph.consequences(o.graph, a).map((e) => e.id as string))
          for (const b of ids) {
            const ca = LinkGraph.canonical(o.graph, a)
            const cb = LinkGraph.canonical(o.graph, b)
            if (ca === cb) continue
            const reached = after.has(cb!)
            expect(LinkGraph.paths(o.graph, a, b, { direction: "along", maxLength: ids.length, maxCount: 1 }).length > 0).toBe(reached)
            expect(LinkGraph.lineage(o.graph, b).some((e) => e.id === ca)).toBe(reached)
          }
        }
        // Every path found is a real walk over links, without repeated events.
        const [a, b] = [ids[0]!, ids.at(-1)!]
        for (const p of LinkGraph.paths(o.graph, a, b, { maxLength: 5 })) {
          expect(new Set(p.events).size).toBe(p.events.length)
          p.steps.forEach((s, i) => {
            const [x, y] = directed(s.link) && s.along ? ends(s.link) : directed(s.link) ? [ends(s.link)[1], ends(s.link)[0]] : [s.link.from, s.link.to]
            const pair = [LinkGraph.canonical(o.graph, x), LinkGraph.canonical(o.graph, y)]
            expect(directed(s.link) ? pair : [...pair].sort()).toEqual(directed(s.link) ? [p.events[i], p.events[i + 1]] : [p.events[i], p.events[i + 1]].sort())
          })
        }
      }),
      { numRuns: 60 }
    )
  })

  it("partitions the events into storylines that no link crosses", () => {
    fc.assert(
      fc.property(arb, (c) => {
        const o = run(c)
        const lines = LinkGraph.storylines(o.graph)
        const all = lines.flatMap((l) => l.events)
        expect([...all].sort()).toEqual([...o.byId.keys()].sort())
        const lineOf = new Map(lines.flatMap((l, i) => l.events.map((e) => [e as string, i])))
        for (const l of o.accepted) expect(lineOf.get(l.from)).toBe(lineOf.get(l.to))
        for (const line of lines) {
          expect(line.first).toBe(line.events[0])
          expect(line.name).toBe(o.byId.get(line.first)!.title)
          const order = LinkGraph.events(o.graph).map((e): string => e.id)
          expect([...line.events].sort((x, y) => order.indexOf(x) - order.indexOf(y))).toEqual(line.events)
        }
      }),
      params
    )
  })
})
