/**
 * The rules a fact-checker holds the bundled Zhanaozen chronicle to (issue 19), as tests over the
 * whole dataset, so that no kind of fault found once can come back: every citation names a
 * publication, never the project's own notes; sources carry their title, URL and date or say
 * which were not found; reprints are sources of their own and never stand in for the original;
 * official-looking claims name who made them, and a foreign parliament is never "official";
 * counts are the sources' own figures, scoped so that sums never count a death twice; dates are
 * no more precise than their sources; no event is recorded twice; causal links say who draws them;
 * and the spellings the sources use find the actors they name.
 */
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { ClaimPolicy, Count, Event, Projection, Record, When } from "../../src/index.js"
import { zhanaozen } from "../../src/datasets/index.js"

type Json = null | boolean | number | string | ReadonlyArray<Json> | { readonly [k: string]: Json }
type Obj = { readonly [k: string]: Json }

const all = zhanaozen.all as unknown as ReadonlyArray<Obj & { readonly id: string; readonly type: string }>
const byId = new Map(all.map((r) => [r.id, r]))
const sources = all.filter((r) => r.type === "source")
const events = all.filter((r) => r.type === "event")
const links = all.filter((r) => r.type === "link")
const actors = all.filter((r) => r.type === "actor")

interface Cited {
  readonly record: string
  readonly source: string
}
interface FoundClaim {
  readonly record: string
  readonly field: string
  readonly claim: Obj
}

/** Every citation anywhere in a record, with the record it is in. */
const citationsIn = (r: Obj & { readonly id: string }): ReadonlyArray<Cited> => {
  const out: Array<Cited> = []
  const walk = (node: Json): void => {
    if (node === null || typeof node !== "object") return
    if (Array.isArray(node)) return node.forEach(walk)
    const o = node as Obj
    if (Array.isArray(o["citations"])) for (const c of o["citations"] as ReadonlyArray<Obj>) out.push({ record: r.id, source: String(c["source"]) })
    Object.values(o).forEach(walk)
  }
  walk(r)
  return out
}

/** Every count claim of an event: its count fields and its participants' counts. */
const countClaims = (e: Obj & { readonly id: string }): ReadonlyArray<FoundClaim> => {
  const out: Array<FoundClaim> = []
  for (const [field, value] of Object.entries(e)) {
    if (!Array.isArray(value)) continue
    for (const c of value as ReadonlyArray<Json>) {
      if (c !== null && typeof c === "object" && !Array.isArray(c) && "value" in c && Count.isCount((c as Obj)["value"])) out.push({ record: e.id, field, claim: c as Obj })
    }
  }
  for (const p of (e["participants"] ?? []) as ReadonlyArray<Obj>) {
    for (const c of (p["count"] ?? []) as ReadonlyArray<Obj>) out.push({ record: e.id, field: `participants ${String(p["actor"])}`, claim: c })
  }
  return out
}

const allClaims = events.flatMap(countClaims)
const cited = all.flatMap(citationsIn)
const source = (id: string) => byId.get(id)!

/** The sources that another source was read through: reprints and republications. */
const reprints = new Set(sources.flatMap((s) => (typeof s["via"] === "string" ? [s["via"]] : [])))

/** Names by which a rationale may name the outlet of a source it cites. */
const namesOf = (id: string): ReadonlyArray<string> => {
  const outlet = String(source(id)["outlet"])
  const inParens = /\(([^)]+)\)/.exec(outlet)?.[1]
  const names = [outlet, outlet.replace(/\s*\([^)]*\)/, "").trim(), ...(inParens === undefined ? [] : [inParens])]
  if (id === zhanaozen.seedArticle || id === zhanaozen.seedRepublication) names.push("seed article")
  return names.filter((n) => n.length > 0)
}

describe("provenance", () => {
  it("no record cites the project's fact sheet or any other note of the project", () => {
    expect(cited.filter((c) => c.source === "src-fact-sheet")).toEqual([])
    const ownNotes = sources.filter((s) => /protest-chronicle|fact sheet/i.test(`${String(s["outlet"])} ${String(s["title"] ?? "")}`))
    expect(ownNotes.map((s) => s.id)).toEqual([])
  })

  it("every citation points at a source record", () => {
    expect(cited.filter((c) => byId.get(c.source)?.type !== "source").map((c) => `${c.record} → ${c.source}`)).toEqual([])
  })

  it("every source has its title, URL and date, or says in its note which were not found", () => {
    const incomplete = sources.filter((s) => s["title"] === undefined || s["url"] === undefined || s["published"] === undefined)
    expect(incomplete.filter((s) => !String(s["note"] ?? "").includes("Not found:")).map((s) => s.id)).toEqual([])
    // and a note never says the URL is missing when it is there
    const wrongUrlNote = sources.filter((s) => s["url"] !== undefined && /Not found:[^.]*\b(URL|title, URL|URL and date)\b/.test(String(s["note"] ?? "")) && !/own URL|original's URL|resolution's own URL/.test(String(s["note"])))
    expect(wrongUrlNote.map((s) => s.id)).toEqual([])
  })

  it("a reprint is a source of its own: the original names it in `via` and never carries the reprint's URL", () => {
    for (const s of sources.filter((x) => typeof x["via"] === "string")) {
      const reprint = source(String(s["via"]))
      expect(reprint.type, s.id).toBe("source")
      expect(reprint["outlet"], s.id).not.toBe(s["outlet"])
      if (s["url"] !== undefined && reprint["url"] !== undefined) expect(new URL(String(s["url"])).host, s.id).not.toBe(new URL(String(reprint["url"])).host)
    }
  })

  it("facts cite the original, not the reprint it was read in (the seed's republication only for its own commentary)", () => {
    // The English republication of the seed article added closing commentary of its own; only that
    // commentary (the `echoes` link) may cite it.
    const ownContent = new Map([[zhanaozen.seedRepublication, ["link-2023-zhanaozen-rally-echoes-2011-shooting"]]])
    const bad = cited.filter((c) => reprints.has(c.source) && !(ownContent.get(c.source) ?? []).includes(c.record))
    expect(bad.map((c) => `${c.record} → ${c.source}`)).toEqual([])
  })

  it("EADaily's original and the English republication that added the commentary are two sources", () => {
    const original = source(zhanaozen.seedArticle)
    const republication = source(zhanaozen.seedRepublication)
    expect(original["outlet"]).toBe("EADaily")
    expect(original["via"]).toBe(zhanaozen.seedRepublication)
    expect(String(republication["note"])).toMatch(/commentary/)
  })
})

describe("claimants", () => {
  const attribution = ClaimPolicy.attribution({
    actors: zhanaozen.actors.map((r) => Record.decodeUnsafe(r)).filter(Record.isActor),
    sources: zhanaozen.sources.map((r) => Record.decodeUnsafe(r)).filter(Record.isSource)
  })

  it("a claim cited to an official or court publication names who made it", () => {
    const official = allClaims.filter(({ claim }) =>
      (claim["citations"] as ReadonlyArray<Obj>).some((c) => ["official", "court"].includes(String(source(String(c["source"]))["kind"])))
    )
    expect(official.filter(({ claim }) => claim["claimant"] === undefined).map((c) => `${c.record} ${c.field}`)).toEqual([])
  })

  it("every claimant is an actor of the dataset", () => {
    expect(allClaims.filter(({ claim }) => claim["claimant"] !== undefined && byId.get(String(claim["claimant"]))?.type !== "actor")).toEqual([])
  })

  it("the European Parliament is a third party: its figures are never official", () => {
    const ep = allClaims.filter(({ claim }) => claim["claimant"] === "european-parliament")
    expect(ep.length).toBeGreaterThan(0)
    for (const { claim } of ep) {
      expect(ClaimPolicy.claimantKind(claim as never, attribution)).toBe("third-party")
      expect(ClaimPolicy.isOfficial(claim as never, attribution)).toBe(false)
    }
  })

  it("the figures the issue names carry their claimants", () => {
    const claimant = (id: string, pred: (c: Obj) => boolean) => allClaims.filter((c) => c.record === id && pred(c.claim)).map((c) => c.claim["claimant"])
    const phrase = (p: string) => (c: Obj) => (c["value"] as Obj)["phrase"] === p
    expect(claimant("shetpe-2011-12-17-shooting", () => true)).toEqual(["prosecutor-generals-office", "prosecutor-generals-office", "prosecutor-generals-office"])
    expect(claimant("astana-2023-04-11-detention", phrase("more than 80"))).toEqual(["kibhr"])
    expect(claimant("zhanaozen-2023-04-11-rally", phrase("up to 2,000"))).toEqual(["orda-kz"])
    expect(allClaims.filter((c) => c.record === "zhanaozen-2011-12-16-shooting" && (c.claim["value"] as Obj)["value"] === 70).map((c) => c.claim["claimant"])).toEqual(["activists-2011"])
    expect(byId.get("zhanaozen-akim-2023")!["name"]).toBe("Aibek Kosuakov")
  })
})

describe("counts as the sources give them", () => {
  it("no claim stores a sum: no phrase adds figures, no note says the value is a sum", () => {
    const summed = allClaims.filter(({ claim }) => / \+ |\bplus\b/.test(String((claim["value"] as Obj)["phrase"] ?? "")) || /\b(is|are) their sum\b|sum of/.test(String(claim["note"] ?? "")))
    expect(summed.map((c) => `${c.record} ${c.field}`)).toEqual([])
  })

  it("a death is counted on the event where it happened: no toll elsewhere names Shetpe", () => {
    const shetpe = new Set(events.filter((e) => (e["where"] as Obj)["place"] === "shetpe").map((e) => e.id))
    const elsewhere = allClaims.filter(
      ({ record, claim }) => !shetpe.has(record) && /shetpe/i.test(JSON.stringify([(claim["value"] as Obj)["phrase"] ?? "", claim["breakdown"] ?? []]))
    )
    expect(elsewhere.map((c) => `${c.record} ${c.field}`)).toEqual([])
  })

  it("the same death toll, summed over the events of 16–17 December 2011, counts Shetpe once", () => {
    const killed = (id: string, pick: (c: Obj) => boolean) => {
      const e = events.find((x) => x.id === id)!
      return ((e["killed"] ?? []) as ReadonlyArray<Obj>).filter(pick).map((c) => c["value"] as unknown as Count.Count)
    }
    const zhanaozenToll = killed("zhanaozen-2011-12-16-shooting", (c) => c["madeOn"] === "2012-01-25")
    const shetpeToll = killed("shetpe-2011-12-17-shooting", () => true)
    expect(Count.format(Count.sum([...zhanaozenToll, ...shetpeToll]))).toBe("15") // the Prosecutor General's 15, computed
  })

  it("'about 50 hooligans' is the prosecutors' count of those who resisted police at Shetpe, not the size of a protest", () => {
    const hooligans = allClaims.filter(({ claim }) => /hooligan/i.test(String((claim["value"] as Obj)["phrase"] ?? "")))
    expect(hooligans.map((c) => [c.record, c.field, c.claim["claimant"]])).toEqual([
      ["shetpe-2011-12-17-shooting", "participants shetpe-protesters", "prosecutor-generals-office"]
    ])
  })

  it("phrase readings follow one rule: 'hundreds' and 'several hundred' at least 200, 'dozens' at least 24, 'thousands' at least 2,000", () => {
    const reading: Record<string, Count.Count> = {}
    for (const { claim } of allClaims) {
      const v = claim["value"] as Obj
      const phrase = String(v["phrase"] ?? "")
      if (/^(hundreds|several hundred)$/.test(phrase)) reading[phrase] = v as unknown as Count.Count
      if (/dozen/.test(phrase)) expect(v, phrase).toMatchObject({ kind: "at-least", value: 24 })
      if (phrase === "thousands") expect(v).toMatchObject({ kind: "at-least", value: 2000 })
    }
    for (const v of Object.values(reading)) expect(v).toMatchObject({ kind: "at-least", value: 200 })
  })
})

describe("dates no more precise than their sources", () => {
  const when = (id: string) => events.find((e) => e.id === id)!["when"]

  it("the criminal case of December 2011 is one uncertain day, not an interval", () => {
    expect(when("prosecutor-general-2011-12-criminal-case")).toBe("2011-12-27?")
  })

  it("the BerAli layoff keeps its day uncertain; 1 April is the date of the job offer", () => {
    expect(when("berali-2023-04-01-layoff")).toBe("2023-04-01?")
    expect(String(events.find((e) => e.id === "astana-2023-04-kmg-job-offer")!["summary"])).toMatch(/1 April/)
  })

  it("the Aktau appeal is dated by a source that gives the day of the decision, not by a report's publication date", () => {
    const appeal = events.find((e) => e.id === "aktau-2012-08-06-appeal-ruling")!
    expect(appeal["when"]).toBe("2012-08-06")
    expect(JSON.stringify(appeal["citations"])).toContain("6th of August, 2012, the decision")
  })

  it("every event date and every claim date is a valid EDTF value", () => {
    for (const e of events) expect(Event.bounds(Record.decodeUnsafe(e) as Event.Event).earliest, e.id).toBeTypeOf("number")
  })
})

describe("each event once", () => {
  const decoded = events.map((e) => Record.decodeUnsafe(e) as Event.Event)
  const linked = new Set(
    links.filter((l) => l["relation"] === "same-as" || l["relation"] === "part-of").flatMap((l) => [`${String(l["from"])} ${String(l["to"])}`, `${String(l["to"])} ${String(l["from"])}`])
  )
  const leading = (e: Event.Event) => new Set((e.participants ?? []).filter((p) => ["organizer", "detainee", "negotiator", "defendant", "speaker"].includes(p.role)).map((p) => p.actor))

  // Pairs checked by hand and found to be different events, each with the reason.
  const distinct = new Map([
    ["kezbi-2022-strike-ruled-unlawful kezbi-2022-05-04-lawsuit", "two proceedings: the ruling on the strike's legality and the civil suit against 21 workers"]
  ])

  it("no two events of one kind, at one place, overlapping in time, with the same leading actor, unless linked same-as or part-of", () => {
    const doubles: Array<string> = []
    decoded.forEach((a, i) => {
      for (const b of decoded.slice(i + 1)) {
        if (a.kind !== b.kind || a.where.place !== b.where.place) continue
        if (!When.overlaps(Event.bounds(a), Event.bounds(b))) continue
        const shared = [...leading(a)].filter((x) => leading(b).has(x))
        if (shared.length > 0 && !linked.has(`${a.id} ${b.id}`) && !distinct.has(`${a.id} ${b.id}`)) doubles.push(`${a.id} / ${b.id} (${shared.join(", ")})`)
      }
    })
    expect(doubles).toEqual([])
  })

  it("the duplicates the issue found are one record each", () => {
    const ids = new Set(events.map((e) => e.id))
    for (const gone of ["zhanaozen-2023-04-job-offer-at-winning-firm", "astana-2023-04-11-dispersal", "zhanaozen-2023-04-04-town-hall-protest", "aktau-2012-08-02-appeal-hearing"]) {
      expect(ids.has(gone), gone).toBe(false)
    }
  })

  it("the demo's year groups hold every event exactly once", () => {
    const timeline = Result.getOrThrow(Projection.Timeline.fromRecords(zhanaozen.all.map((r) => Record.decodeUnsafe(r))))
    const years = Result.getOrThrow(Projection.Calendar.group(timeline, "year", {}, { timeZone: "Asia/Aqtau", eventTimeZone: true, once: true }))
    const listed = years.flatMap((y) => [...y.certain, ...y.possible].map((e) => e.id))
    expect(listed.length).toBe(Projection.Timeline.size(timeline))
    expect(new Set(listed).size).toBe(listed.length)
    // an event dated in Almaty time in January 2022 is in 2022, not 2021
    expect(years.find((y) => y.key === "2021")!.certain.concat(years.find((y) => y.key === "2021")!.possible).filter((e) => String(e.when).startsWith("2022"))).toEqual([])
  })
})

describe("links", () => {
  it("a causal link names in its rationale who draws that reading", () => {
    const causal = links.filter((l) => l["relation"] === "causes" || l["relation"] === "responds-to")
    const unnamed = causal.filter((l) => {
      const rationale = String(l["rationale"] ?? "")
      const ids = ((l["citations"] ?? []) as ReadonlyArray<Obj>).map((c) => String(c["source"]))
      return !ids.some((id) => namesOf(id).some((n) => rationale.includes(n)))
    })
    expect(unnamed.map((l) => l.id)).toEqual([])
  })

  it("the contested reading that the shooting responded to the strike cites both sides", () => {
    const l = links.find((x) => x.id === "link-shooting-responds-to-ozenmunaigas-strike")!
    expect(String(l["rationale"])).toMatch(/contested/)
    expect(((l["citations"] as ReadonlyArray<Obj>).map((c) => source(String(c["source"]))["outlet"]))).toEqual(["The Diplomat", "Reuters", "Human Rights Watch"])
  })
})

describe("aliases", () => {
  const find = (spelling: string): ReadonlyArray<string> =>
    actors
      .filter((a) => [a["name"], ...((a["aliases"] ?? []) as ReadonlyArray<Obj>).map((x) => x["name"])].some((n) => String(n).toLowerCase() === spelling.toLowerCase()))
      .map((a) => a.id)

  it.each([
    ["Ozenmunaigaz", "ozenmunaigas"],
    ["OzenMunaiGaz", "ozenmunaigas"],
    ["UzenMunaiGaz", "ozenmunaigas"],
    ["Uzenmunaigas", "ozenmunaigas"],
    ["KazMunaiGas", "kazmunaygas"],
    ["Kazmunaigaz", "kazmunaygas"],
    ["BerAli Mangistau Company", "berali-mangistau-company"],
    ["BerAli Mangystau Company", "berali-mangistau-company"],
    ["BerAli Manghystau Company", "berali-mangistau-company"],
    ["Berali Mangistau Company", "berali-mangistau-company"]
  ])("%s finds %s", (spelling, id) => {
    expect(find(spelling)).toEqual([id])
  })

  it("every actor spelling quoted from a source is one of the actor's names", () => {
    // Citations on an actor that carry a short quote of the spelling used (e.g. "UzenMunaiGaz").
    for (const a of actors) {
      const names = [a["name"], ...((a["aliases"] ?? []) as ReadonlyArray<Obj>).map((x) => x["name"])].map((n) => String(n).toLowerCase())
      for (const c of (a["citations"] ?? []) as ReadonlyArray<Obj>) {
        const quote = String(c["quote"] ?? "")
        if (quote !== "" && !quote.includes(" ")) expect(names, `${a.id}: "${quote}"`).toContain(quote.toLowerCase())
      }
    }
  })
})
