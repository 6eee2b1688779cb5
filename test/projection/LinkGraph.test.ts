import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { Id, Projection } from "../../src/index.js"
import { assertAsOfEqualsPrefix, assertDeterministic, assertReplayEqualsIncremental } from "../../src/testing/index.js"
import { entriesOf, eventOf, link, rally, zhanaozenEntries, zhanaozenGraph } from "./linkHelpers.js"

const { LinkGraph } = Projection

/** An event id from a literal (ids read from records are branded already). */
const eventId = (id: string) => Id.EventId.make(id)

const ids = (events: ReadonlyArray<{ readonly id: string }>) => events.map((e) => e.id)

describe("LinkGraph: the projection", () => {
  it("obeys the projection laws", () => {
    assertReplayEqualsIncremental(LinkGraph.projection)
    assertAsOfEqualsPrefix(LinkGraph.projection)
    assertDeterministic(LinkGraph.projection)
  })

  it("follows retractions and corrections of events and links", () => {
    const entries = entriesOf([
      rally("a", "2011-12-16"),
      rally("b", "2011-12-17"),
      link("l", "responds-to", "b", "a")
    ])
    const graph = Projection.replay(LinkGraph.projection, entries)
    expect(ids(LinkGraph.links(graph))).toEqual(["l"])
    const retracted = LinkGraph.apply(graph, { ...entries[2]!, position: 4, revision: 2, body: { _tag: "retraction", reason: "no source" } })
    expect(LinkGraph.links(retracted)).toEqual([])
    expect(LinkGraph.links(graph)).toHaveLength(1) // the older state is untouched
    const eventGone = LinkGraph.apply(graph, { ...entries[0]!, position: 4, revision: 2, body: { _tag: "retraction", reason: "duplicate" } })
    expect(LinkGraph.links(eventGone)).toEqual([])
    // The link stays in the journal; the graph ignores it and reports it.
    expect(LinkGraph.problems(eventGone).map((p) => p.error.message)).toEqual(["link \"l\": its to event \"a\" is retracted; link a current event instead."])
    expect(LinkGraph.event(eventGone, eventId("a"))).toBeUndefined()
  })
})

describe("LinkGraph: the Zhanaozen chronicle", () => {
  it("accepts every fixture link: none is impossible in time, dangling or cyclic", () => {
    expect(LinkGraph.links(zhanaozenGraph)).toHaveLength(24)
    expect(LinkGraph.problems(zhanaozenGraph).map((p) => p.error.message)).toEqual([])
  })

  it("finds what led to the Astana detentions of April 2023", () => {
    // The layoff caused the Astana rally, which the detention answered; the rally echoes the 2011 strike.
    expect(ids(LinkGraph.lineage(zhanaozenGraph, eventId("astana-2023-04-11-detention")))).toEqual([
      "ozenmunaigas-2011-strike",
      "berali-2023-04-01-layoff",
      "astana-2023-04-10-overnight-rally"
    ])
    expect(ids(LinkGraph.lineage(zhanaozenGraph, eventId("astana-2023-04-11-detention"), { maxDepth: 1 }))).toEqual(["astana-2023-04-10-overnight-rally"])
  })

  it("finds the consequences of the 2011 shooting, down to 2023", () => {
    const after = ids(LinkGraph.consequences(zhanaozenGraph, eventId("zhanaozen-2011-12-16-shooting")))
    expect(after).toEqual(expect.arrayContaining([
      "zhanaozen-2011-12-17-state-of-emergency",
      "shetpe-2011-12-17-rail-blockade",
      "prosecutor-general-2011-12-criminal-case",
      "aktau-2012-05-28-police-sentenced",
      "aktau-2012-06-04-riot-trial-verdict",
      "burgylau-2012-07-25-strike",
      "zhanaozen-2022-01-02-lpg-rally",
      "mangystau-2022-01-04-lpg-price-concession",
      "kazakhstan-2022-01-05-state-of-emergency",
      "zhanaozen-2023-04-11-rally",
      "zhanaozen-akim-2023-04-11-appeal"
    ]))
    expect(after).toHaveLength(11)
    expect(ids(LinkGraph.consequences(zhanaozenGraph, eventId("zhanaozen-2011-12-16-shooting"), { maxDepth: 1 }))).not.toContain("zhanaozen-akim-2023-04-11-appeal")
  })

  it("connects the 2011 shooting to the April 2023 Astana detentions through the Zhanaozen rally", () => {
    const found = LinkGraph.paths(zhanaozenGraph, eventId("zhanaozen-2011-12-16-shooting"), eventId("astana-2023-04-11-detention"))
    expect(found[0]?.events).toEqual(["zhanaozen-2011-12-16-shooting", "zhanaozen-2023-04-11-rally", "astana-2023-04-11-detention"])
    expect(found[0]?.steps.map((s) => [s.link.relation, s.along])).toEqual([["echoes", true], ["responds-to", false]])
    // Not a chain along time: the rally of 11 April answered the detention, it did not lead to it.
    expect(LinkGraph.paths(zhanaozenGraph, eventId("zhanaozen-2011-12-16-shooting"), eventId("astana-2023-04-11-detention"), { direction: "along" })).toEqual([])
  })

  it("connects the 2011 Ozenmunaigas strike to the April 2023 Astana detentions along time", () => {
    const found = LinkGraph.paths(zhanaozenGraph, eventId("ozenmunaigas-2011-strike"), eventId("astana-2023-04-11-detention"), { direction: "along" })
    expect(found.map((p) => p.events)).toEqual([
      ["ozenmunaigas-2011-strike", "astana-2023-04-10-overnight-rally", "astana-2023-04-11-detention"]
    ])
    expect(found[0]!.steps.map((s) => s.link.relation)).toEqual(["echoes", "responds-to"])
  })

  it("gives chains from 2011 to 2023 along time", () => {
    const found = LinkGraph.chains(zhanaozenGraph, { from: 2011, to: 2023 })
    expect(found.map((p) => p.events)).toEqual(expect.arrayContaining([
      ["ozenmunaigas-2011-strike", "astana-2023-04-10-overnight-rally", "astana-2023-04-11-detention"],
      ["ozenmunaigas-2011-strike", "zhanaozen-2011-12-16-shooting", "zhanaozen-2023-04-11-rally"],
      ["zhanaozen-2011-12-16-shooting", "zhanaozen-2023-04-11-rally"],
      ["zhanaozen-2011-12-16-shooting", "zhanaozen-2023-04-11-rally", "zhanaozen-akim-2023-04-11-appeal"]
    ]))
    expect(found).toHaveLength(10)
    for (const p of found) {
      expect(LinkGraph.yearOf(LinkGraph.event(zhanaozenGraph, p.events[0]!)!)).toBe(2011)
      expect(LinkGraph.yearOf(LinkGraph.event(zhanaozenGraph, p.events.at(-1)!)!)).toBe(2023)
    }
    for (const p of found) for (const s of p.steps) expect(s.along).toBe(true)
  })

  it("groups the chronicle into storylines named by their earliest event", () => {
    const lines = LinkGraph.storylines(zhanaozenGraph)
    expect(lines.flatMap((l) => l.events).sort()).toEqual(ids(LinkGraph.events(zhanaozenGraph)).sort())
    const long = lines.find((l) => (l.events as ReadonlyArray<string>).includes("astana-2023-04-11-detention"))!
    expect(long.events as ReadonlyArray<string>).toContain("zhanaozen-2011-12-16-shooting")
    expect(long.events as ReadonlyArray<string>).toContain("berali-2023-04-01-layoff")
    expect(long.first).toBe(long.events[0])
    expect(long.name).toBe(LinkGraph.event(zhanaozenGraph, long.first)!.title)
    const wave = lines.find((l) => l.events.includes(eventId("mangystau-2011-oil-strike-wave")))!
    expect(wave.events).toEqual(expect.arrayContaining(["ersai-2011-05-11-strike", "ozenmunaigas-2011-strike", "mangystau-2011-08-26-mass-sackings"]))
    // The 2011 wave, the shooting, the trials, January 2022 and April 2023 are now one storyline.
    expect(wave).toBe(long)
    expect(wave.events).toEqual(expect.arrayContaining(["kazakhstan-2022-01-05-state-of-emergency", "aktau-2012-06-04-riot-trial-verdict"]))
    expect(wave.links).toHaveLength(24)
  })
})

describe("LinkGraph: checks", () => {
  const base = Result.getOrThrow(LinkGraph.fromRecords([
    rally("rally", "2011-12-16"),
    eventOf("detention", "early", "2011-12-15"),
    eventOf("detention", "late", "2011-12-17"),
    rally("month", "2011-12")
  ]))

  it("refuses a response that precedes what it answers on every reading, naming both events and dates, in plain words", () => {
    const r = LinkGraph.check(base, link("l1", "responds-to", "early", "rally"))
    expect(Result.isFailure(r)).toBe(true)
    const error = Result.getFailure(r)
    expect(error._tag === "Some" && error.value._tag).toBe("ImpossibleLinkError")
    if (error._tag === "Some" && error.value._tag === "ImpossibleLinkError") {
      expect(error.value.from).toEqual({ id: "early", when: "2011-12-15", timeZone: "Asia/Aqtau" })
      expect(error.value.to).toEqual({ id: "rally", when: "2011-12-16", timeZone: "Asia/Aqtau" })
      expect(error.value.message).toBe(
        "link \"l1\": \"early\" (2011-12-15, Asia/Aqtau) responds-to \"rally\" (2011-12-16, Asia/Aqtau) is impossible in time: " +
          "the response starts before what it answers, however the two dates are read. Check both dates, and which event is from and which is to."
      )
    }
    // Every rule reads as a plain statement of what is wrong: no "cannot certainly".
    for (const rule of Object.values(LinkGraph.timeRules)) expect(rule!.rule).toMatch(/^the \w+ (starts|ends)/)
  })

  it("accepts a response on the same day, a later one, and one that is only possibly later", () => {
    expect(Result.isSuccess(LinkGraph.check(base, link("l", "responds-to", "late", "rally")))).toBe(true)
    expect(Result.isSuccess(LinkGraph.check(base, link("l", "responds-to", "rally", "month")))).toBe(true)
    expect(Result.isSuccess(LinkGraph.check(base, link("l", "responds-to", "month", "rally")))).toBe(true)
  })

  it("reads causes the other way round: a cause may not start after its effect on every reading", () => {
    expect(Result.isSuccess(LinkGraph.check(base, link("l", "causes", "rally", "late")))).toBe(true)
    expect(Result.isFailure(LinkGraph.check(base, link("l", "causes", "late", "rally")))).toBe(true)
  })

  it("refuses a part that certainly lies outside its whole", () => {
    expect(Result.isSuccess(LinkGraph.check(base, link("l", "part-of", "rally", "month")))).toBe(true)
    const outside = Result.getOrThrow(LinkGraph.fromRecords([rally("part", "2012-01-02"), rally("whole", "2011-12")]))
    expect(Result.isFailure(LinkGraph.check(outside, link("l", "part-of", "part", "whole")))).toBe(true)
  })

  it("refuses a link that would close a cycle, naming it", () => {
    const g = Result.getOrThrow(LinkGraph.fromRecords(
      [rally("a", "2011-12"), rally("b", "2011-12"), rally("c", "2011-12")],
      [link("ab", "causes", "a", "b"), link("bc", "causes", "b", "c")]
    ))
    const r = LinkGraph.check(g, link("ca", "causes", "c", "a"))
    const error = Result.getFailure(r)
    expect(error._tag === "Some" && error.value._tag).toBe("LinkCycleError")
    if (error._tag === "Some" && error.value._tag === "LinkCycleError") {
      expect(error.value.cycle).toEqual(["c", "a", "b", "c"])
      expect(error.value.links).toEqual(["ca", "ab", "bc"])
      expect(error.value.message).toBe("link \"ca\" (causes) would close a cycle: c → a → b → c (links ca, ab, bc). One of these links is wrong or points the wrong way.")
    }
    // responds-to runs against from → to: "a responds-to c" is c → a, closing the same cycle.
    expect(Result.isFailure(LinkGraph.check(g, link("x", "responds-to", "a", "c")))).toBe(true)
    expect(Result.isSuccess(LinkGraph.check(g, link("x", "responds-to", "c", "a")))).toBe(true)
  })

  it("counts same-as classes as one event when looking for cycles", () => {
    const g = Result.getOrThrow(LinkGraph.fromRecords(
      [rally("a", "2011-12"), rally("b", "2011-12"), rally("a2", "2011-12")],
      [link("ab", "causes", "a", "b"), link("dup", "same-as", "a", "a2")]
    ))
    expect(Result.isFailure(LinkGraph.check(g, link("x", "causes", "b", "a2")))).toBe(true)
    expect(Result.isFailure(LinkGraph.check(g, link("x", "same-as", "b", "a2")))).toBe(true)
    expect(Result.isFailure(LinkGraph.check(g, link("x", "causes", "a2", "a")))).toBe(true)
    expect(Result.isSuccess(LinkGraph.check(g, link("x", "contradicts", "b", "a2")))).toBe(true)
  })

  it("refuses a link to an unknown or a retracted event", () => {
    const unknown = Result.getFailure(LinkGraph.check(base, link("l", "causes", "rally", "nowhere")))
    expect(unknown._tag === "Some" && unknown.value.message).toBe("link \"l\": its to event \"nowhere\" was never recorded; record the event first.")
    const entries = entriesOf([rally("a", "2011-12-16"), rally("b", "2011-12-17")])
    const g = Projection.replay(LinkGraph.projection, [
      ...entries,
      { ...entries[0]!, position: 3, revision: 2, body: { _tag: "retraction", reason: "duplicate" } }
    ])
    const retracted = Result.getFailure(LinkGraph.check(g, link("l", "causes", "a", "b")))
    expect(retracted._tag === "Some" && retracted.value._tag === "LinkEndpointError" && retracted.value.retracted).toBe(true)
  })

  it("checks a corrected link as the replacement of the old one", () => {
    const g = Result.getOrThrow(LinkGraph.fromRecords([rally("a", "2011-12"), rally("b", "2011-12")], [link("ab", "causes", "a", "b")]))
    expect(Result.isSuccess(LinkGraph.check(g, link("ab", "causes", "b", "a")))).toBe(true)
    expect(Result.isFailure(LinkGraph.check(g, link("ba", "causes", "b", "a")))).toBe(true)
  })

  it("refuses an event correction that makes a link impossible", () => {
    const g = Result.getOrThrow(LinkGraph.fromRecords([rally("rally", "2011-12-16"), eventOf("detention", "late", "2011-12-17")], [link("l", "responds-to", "late", "rally")]))
    const moved = eventOf("detention", "late", "2011-12-14")
    const r = LinkGraph.checkEvent(g, moved)
    expect(Result.isFailure(r) && Result.getFailure(r)._tag === "Some").toBe(true)
    expect(Result.isSuccess(LinkGraph.checkEvent(g, eventOf("detention", "late", "2011-12-16")))).toBe(true)
  })
})

describe("LinkGraph: same-as classes", () => {
  const g = Result.getOrThrow(LinkGraph.fromRecords(
    [rally("report-1", "2011-12-16"), rally("report-2", "2011-12-16"), rally("report-3", "2011-12-17"), eventOf("detention", "d", "2011-12-17")],
    [link("s12", "same-as", "report-2", "report-1"), link("s23", "same-as", "report-3", "report-2"), link("r", "responds-to", "d", "report-3")]
  ))

  it("merges transitively, represented by the earliest report", () => {
    expect(LinkGraph.sameAs(g, eventId("report-3"))).toEqual(["report-1", "report-2", "report-3"])
    expect(LinkGraph.canonical(g, eventId("report-3"))).toBe("report-1")
    expect(LinkGraph.sameAsClasses(g).get(eventId("d"))).toBe("d")
  })

  it("treats a class as one event in queries", () => {
    expect(ids(LinkGraph.lineage(g, eventId("d")))).toEqual(["report-1"])
    expect(ids(LinkGraph.consequences(g, eventId("report-2")))).toEqual(["d"])
    expect(LinkGraph.paths(g, eventId("report-1"), eventId("d"))[0]?.events).toEqual(["report-1", "d"])
    expect(LinkGraph.storylines(g)).toEqual([
      { name: "rally report-1", first: "report-1", events: ["report-1", "report-2", "d", "report-3"], links: ["s12", "s23", "r"] }
    ])
  })
})

describe("LinkGraph: paths", () => {
  // a → b → d, a → c → d, a → d
  const g = Result.getOrThrow(LinkGraph.fromRecords(
    ["a", "b", "c", "d"].map((id) => rally(id, "2011-12")),
    [link("ab", "causes", "a", "b"), link("bd", "causes", "b", "d"), link("ac", "causes", "a", "c"), link("cd", "causes", "c", "d"), link("ad", "causes", "a", "d")]
  ))

  it("lists simple paths shortest first, bounded by length and count", () => {
    expect(LinkGraph.paths(g, eventId("a"), eventId("d")).map((p) => p.events)).toEqual([["a", "d"], ["a", "b", "d"], ["a", "c", "d"]])
    expect(LinkGraph.paths(g, eventId("a"), eventId("d"), { maxLength: 1 }).map((p) => p.events)).toEqual([["a", "d"]])
    expect(LinkGraph.paths(g, eventId("a"), eventId("d"), { maxCount: 2 })).toHaveLength(2)
    expect(LinkGraph.paths(g, eventId("d"), eventId("a"), { direction: "along" })).toEqual([])
    // No bound runs away: an unbounded length is capped at the number of events.
    expect(LinkGraph.paths(g, eventId("d"), eventId("a"), { direction: "along", maxLength: Infinity, maxCount: Infinity })).toEqual([])
    expect(LinkGraph.paths(g, eventId("a"), eventId("d"), { maxLength: Infinity }).map((p) => p.events)).toEqual([["a", "d"], ["a", "b", "d"], ["a", "c", "d"]])
    expect(LinkGraph.paths(g, eventId("d"), eventId("a"), { direction: "against" })).toHaveLength(3)
    expect(LinkGraph.paths(g, eventId("a"), eventId("a"))).toEqual([{ events: ["a"], steps: [] }])
    expect(LinkGraph.paths(g, eventId("a"), eventId("nowhere"))).toEqual([])
  })
})

describe("LinkGraph: anniversaries", () => {
  it("lists events on anniversaries of an event, with the years between", () => {
    const g = Result.getOrThrow(LinkGraph.fromRecords(
      [rally("shooting", "2011-12-16"), rally("tenth", "2021-12-16"), rally("other", "2021-12-17"), rally("first", "2012-12-16", "astana", "Asia/Almaty")],
      [link("c", "commemorates", "tenth", "shooting")]
    ))
    const found = LinkGraph.anniversaries(g, eventId("shooting"))
    expect(found.map((a) => [a.event.id, a.years, a.linked])).toEqual([["first", 1, false], ["tenth", 10, true]])
    expect(LinkGraph.anniversaries(g, eventId("shooting"), { samePlace: true }).map((a) => a.event.id)).toEqual(["tenth"])
  })
})

it("replays the fixtures in any split without changing the graph", () => {
  const half = Projection.replay(LinkGraph.projection, zhanaozenEntries.slice(0, 120))
  const whole = Projection.applyAll(LinkGraph.projection, half, zhanaozenEntries.slice(120))
  expect(LinkGraph.storylines(whole)).toEqual(LinkGraph.storylines(zhanaozenGraph))
})
