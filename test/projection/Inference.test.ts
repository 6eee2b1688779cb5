import { Result } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Projection, Record } from "../../src/index.js"
import type { Actor } from "../../src/model/Actor.js"
import type { AnyEvent } from "../../src/model/Event.js"
import type { Link } from "../../src/model/Link.js"
import type { Place } from "../../src/model/Place.js"
import { arbChronicle, linkageActors, linkagePlaces } from "../../src/testing/index.js"
import * as zhanaozen from "../fixtures/zhanaozen/index.js"
import { eventOf, link, zhanaozenGraph } from "./linkHelpers.js"

const { Inference, LinkGraph } = Projection

const places = zhanaozen.places.map((p) => Record.decodeUnsafe(p) as Place)
const actors = zhanaozen.actors.map((a) => Record.decodeUnsafe(a) as Actor)
const testPlaces = linkagePlaces.map((p) => Record.decodeUnsafe(p) as Place)
const testActors = linkageActors.map((a) => Record.decodeUnsafe(a) as Actor)

const pairs = (ps: ReadonlyArray<Projection.Inference.Proposal>) => ps.map((p) => `${p.link.from} ${p.link.relation} ${p.link.to}`)

describe("Inference rules", () => {
  it("proposes that a detention responds to a rally at the same place a day before, with the reason in words", () => {
    const g = Result.getOrThrow(LinkGraph.fromRecords([
      eventOf("rally", "rally", "2023-04-10", "astana", "Asia/Almaty"),
      eventOf("detention", "detention", "2023-04-11", "astana", "Asia/Almaty"),
      eventOf("detention", "elsewhere", "2023-04-11", "aktau"),
      eventOf("detention", "too-late", "2023-04-13", "astana", "Asia/Almaty"),
      eventOf("detention", "before", "2023-04-09", "astana", "Asia/Almaty")
    ]))
    const found = Inference.propose(g, { rules: [Inference.forceAfterProtest], places: testPlaces })
    expect(found).toEqual([
      {
        rule: "force-after-protest",
        score: 0.7,
        reason: "detention at Astana 1 day after the rally at Astana",
        link: {
          type: "link",
          id: "force-after-protest:detention~rally",
          relation: "responds-to",
          from: "detention",
          to: "rally",
          inferredBy: { rule: "force-after-protest", score: 0.7, reason: "detention at Astana 1 day after the rally at Astana" }
        }
      }
    ])
    // A proposal is a valid link record, accepted by the graph's checks.
    expect(Result.isSuccess(Record.decode(found[0]!.link))).toBe(true)
    expect(Result.isSuccess(LinkGraph.check(g, found[0]!.link))).toBe(true)
  })

  it("matches places that contain one another, with a lower score", () => {
    const g = Result.getOrThrow(LinkGraph.fromRecords([eventOf("strike", "strike", "2011-12-16", "zhanaozen"), eventOf("dispersal", "d", "2011-12-16", "mangystau")]))
    const [p] = Inference.propose(g, { rules: [Inference.forceAfterProtest], places: testPlaces })
    expect([p?.score, p?.reason]).toEqual([0.7, "dispersal at Mangystau Region on the day of the strike at Zhanaozen"])
  })

  it("proposes that an official statement about the same place within three days responds to an event", () => {
    const g = Result.getOrThrow(LinkGraph.fromRecords([
      eventOf("violence", "shooting", "2011-12-16"),
      { ...eventOf("official-statement", "statement", "2011-12-19", "astana", "Asia/Almaty"), where: { place: "astana", timeZone: "Asia/Almaty", alsoAt: ["zhanaozen"] } } as unknown as AnyEvent,
      eventOf("official-statement", "unrelated", "2011-12-17", "astana", "Asia/Almaty")
    ] as ReadonlyArray<AnyEvent>))
    expect(pairs(Inference.propose(g, { rules: [Inference.statementAfterEvent], places: testPlaces }))).toEqual(["statement responds-to shooting"])
  })

  it("proposes that an event on the anniversary of an earlier one at the same place commemorates it", () => {
    const g = Result.getOrThrow(LinkGraph.fromRecords([
      eventOf("violence", "shooting", "2011-12-16"),
      eventOf("rally", "tenth", "2021-12-16"),
      eventOf("rally", "not-here", "2021-12-16", "aktau"),
      eventOf("rally", "next-day", "2021-12-17")
    ]))
    const found = Inference.propose(g, { rules: [Inference.anniversary], places: testPlaces })
    expect(pairs(found)).toEqual(["tenth commemorates shooting"])
    expect(found[0]!.reason).toBe("rally at Zhanaozen on the 10th anniversary of the violence at Zhanaozen (2011-12-16)")
  })

  it("proposes that events naming the same actors years apart echo each other", () => {
    const g = Result.getOrThrow(LinkGraph.fromRecords([
      eventOf("strike", "old", "2011-05-11", "zhanaozen", "Asia/Aqtau", ["oil-workers", "union"]),
      eventOf("strike", "new", "2022-02-15", "zhanaozen", "Asia/Aqtau", ["oil-workers"]),
      eventOf("strike", "same-year", "2011-09-01", "zhanaozen", "Asia/Aqtau", ["oil-workers"])
    ]))
    const found = Inference.propose(g, { rules: [Inference.sharedActors], actors: testActors })
    expect(pairs(found)).toEqual(["new echoes same-year", "new echoes old"])
    expect(found[1]!.reason).toBe("strike at zhanaozen (2022-02-15) names Oil workers, as did the strike at zhanaozen (2011-05-11) 10 years before")
    expect(found[1]!.score).toBe(0.55)
  })

  it("does not propose what is already linked, even through a same-as duplicate", () => {
    const events = [eventOf("rally", "rally", "2023-04-10"), eventOf("rally", "rally-2", "2023-04-10"), eventOf("detention", "d", "2023-04-11")]
    const linked = Result.getOrThrow(LinkGraph.fromRecords(events, [link("dup", "same-as", "rally", "rally-2"), link("r", "responds-to", "d", "rally-2")]))
    expect(Inference.propose(linked, { rules: [Inference.forceAfterProtest] })).toEqual([])
  })

  it("does not propose a link that would close a cycle", () => {
    const events = [eventOf("rally", "rally", "2023-04-10"), eventOf("detention", "d", "2023-04-10")]
    const g = Result.getOrThrow(LinkGraph.fromRecords(events, [link("odd", "causes", "d", "rally")]))
    expect(Inference.propose(g, { rules: [Inference.forceAfterProtest] })).toEqual([])
  })

  it("over the Zhanaozen chronicle, proposes links the fixture does not hold, and none it holds", () => {
    const found = Inference.propose(zhanaozenGraph, { places, actors })
    const existing = new Set(LinkGraph.links(zhanaozenGraph).map((l) => `${l.from} ${l.relation} ${l.to}`))
    expect(found.length).toBeGreaterThan(0)
    for (const p of pairs(found)) expect(existing.has(p)).toBe(false)
    // The Zhanaozen detentions of 11 April 2023 followed that day's strikes at Zhanaozen.
    expect(pairs(found)).toContain("zhanaozen-2023-04-11-detentions responds-to zhanaozen-2023-04-11-strikes")
  })
})

describe("Inference properties over generated chronicles", () => {
  const arb = arbChronicle({ maxEvents: 16, maxLinks: 10 })
  const build = (c: { readonly events: ReadonlyArray<unknown>; readonly links: ReadonlyArray<unknown> }) => {
    const events = c.events.map((e) => Record.decodeUnsafe(e) as AnyEvent)
    let g = Result.getOrThrow(LinkGraph.fromRecords(events))
    const accepted: Array<Link> = []
    for (const input of c.links) {
      const l = Record.decodeUnsafe(input) as Link
      if (Result.isSuccess(LinkGraph.check(g, l))) {
        accepted.push(l)
        g = Result.getOrThrow(LinkGraph.fromRecords(events, accepted))
      }
    }
    return { events, accepted, graph: g }
  }

  it("never proposes a link that is impossible, cyclic, to an unknown event or a duplicate", () => {
    let proposed = 0
    fc.assert(
      fc.property(arb, (c) => {
        const { accepted, graph } = build(c)
        const found = Inference.propose(graph, { places: testPlaces, actors: testActors })
        proposed += found.length
        const keys = new Set<string>()
        for (const p of found) {
          expect(Result.isSuccess(LinkGraph.check(graph, p.link))).toBe(true)
          expect(Result.isSuccess(Record.decode(p.link))).toBe(true)
          expect(p.score).toBeGreaterThanOrEqual(0)
          expect(p.score).toBeLessThanOrEqual(1)
          const key = `${LinkGraph.canonical(graph, p.link.from)} ${p.link.relation} ${LinkGraph.canonical(graph, p.link.to)}`
          expect(keys.has(key)).toBe(false)
          keys.add(key)
          for (const l of accepted) {
            if (l.relation !== p.link.relation) continue
            const same = LinkGraph.canonical(graph, l.from) === LinkGraph.canonical(graph, p.link.from) &&
              LinkGraph.canonical(graph, l.to) === LinkGraph.canonical(graph, p.link.to)
            expect(same).toBe(false)
          }
        }
      }),
      { numRuns: 120 }
    )
    expect(proposed).toBeGreaterThan(0)
  })

  it("is deterministic, whatever order the events come in", () => {
    fc.assert(
      fc.property(arb, fc.nat(), (c, seed) => {
        const { events, accepted, graph } = build(c)
        const shuffled = [...events].sort((a, b) => ((a.id.length * 31 + seed) % 7) - ((b.id.length * 31 + seed) % 7) || (a.id < b.id ? 1 : -1))
        const again = Result.getOrThrow(LinkGraph.fromRecords(shuffled, accepted))
        expect(Inference.propose(again, { places: testPlaces, actors: testActors })).toEqual(
          Inference.propose(graph, { places: testPlaces, actors: testActors })
        )
      }),
      { numRuns: 80 }
    )
  })

  it("never records anything: the graph is unchanged", () => {
    fc.assert(
      fc.property(arb, (c) => {
        const { graph } = build(c)
        const before = LinkGraph.links(graph)
        Inference.propose(graph, { places: testPlaces, actors: testActors })
        expect(LinkGraph.links(graph)).toBe(before)
      }),
      { numRuns: 30 }
    )
  })
})
