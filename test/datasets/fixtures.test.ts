/**
 * The Zhanaozen 2011–2023 fixtures and the seed article's 2023 events: they decode, re-encode to
 * the same JSON, refer only to records that exist, cover every row and disagreement of the fact
 * sheet, and keep the facts the sheet and the seed article give.
 */
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { Event, type Link, Record, When } from "../../src/model/index.js"
import { disagreements, type FieldPath, notConfirmed, rows } from "../fixtures/coverage.js"
import { akimQuote, seedEvents, seedLinks, seedRecords, seedRepublicationSource, seedSource } from "../fixtures/seed-2023.js"
import { actors, all, events, links as linkFixtures, places, seedArticle, seedRepublication, sources } from "../fixtures/zhanaozen/index.js"

// ---------------------------------------------------------------------------------------------
// helpers
// ---------------------------------------------------------------------------------------------

const links: ReadonlyArray<typeof Link.Link.Encoded> = linkFixtures

type Json = null | boolean | number | string | ReadonlyArray<Json> | { readonly [k: string]: Json }
type Obj = { readonly [k: string]: Json }

const asJson = (r: unknown): Obj => r as Obj
const byId = new Map<string, Obj>(all.map((r) => [r.id, asJson(r)]))
const typeOf = (id: string): string | undefined => byId.get(id)?.["type"] as string | undefined

const get = (record: Obj, path: FieldPath): Json | undefined => {
  let node: Json | undefined = record
  for (const key of path) {
    if (node === null || node === undefined || typeof node !== "object") return undefined
    node = (node as { readonly [k: string]: Json })[String(key)]
  }
  return node
}

const record = (id: string): Obj => {
  const r = byId.get(id)
  if (r === undefined) throw new Error(`no record "${id}"`)
  return r
}

interface Claim {
  readonly value: Obj
  readonly citations: ReadonlyArray<{ readonly source: string; readonly quote?: string }>
  readonly claimant?: string
  readonly madeOn?: string
  readonly note?: string
}
const claims = (id: string, ...path: FieldPath): ReadonlyArray<Claim> => {
  const v = get(record(id), path)
  if (!Array.isArray(v)) throw new Error(`${id} ${JSON.stringify(path)} is not a list of claims`)
  return v as unknown as ReadonlyArray<Claim>
}
const dispute = (id: string, topicPart: string): ReadonlyArray<Claim> => {
  const ds = (get(record(id), ["disputes"]) ?? []) as unknown as ReadonlyArray<{ topic: string; claims: ReadonlyArray<Claim> }>
  const d = ds.find((x) => x.topic.includes(topicPart))
  if (d === undefined) throw new Error(`${id} has no dispute about "${topicPart}"`)
  return d.claims
}
const cites = (c: Claim, source: string) => c.citations.some((x) => x.source === source)
const outletsOf = (c: Claim) => c.citations.map((x) => record(x.source)["outlet"] as string)
const find = (cs: ReadonlyArray<Claim>, pred: (v: Obj) => boolean): Claim => {
  const c = cs.find((x) => pred(x.value))
  if (c === undefined) throw new Error(`no claim matches among ${JSON.stringify(cs.map((x) => x.value))}`)
  return c
}
const isCount = (kind: string, value?: number) => (v: Obj) => v["kind"] === kind && (value === undefined || v["value"] === value)

/** Every id a record refers to, with the type of record it must be. */
const references = (r: Obj): ReadonlyArray<{ readonly id: string; readonly type: string; readonly path: string }> => {
  const out: Array<{ id: string; type: string; path: string }> = []
  const add = (id: Json | undefined, type: string, path: ReadonlyArray<string | number>) => {
    if (typeof id === "string") out.push({ id, type, path: JSON.stringify(path) })
  }
  const addAll = (ids: Json | undefined, type: string, path: ReadonlyArray<string | number>) => {
    if (Array.isArray(ids)) ids.forEach((id, i) => add(id, type, [...path, i]))
  }
  const actorLists = ["employers", "by", "detainees", "defendants", "releasedActors", "parties", "memberOf", "actors"]
  const actorKeys = ["actor", "claimant", "authority", "speaker", "court", "parent", "organization"]
  const walk = (node: Json, path: ReadonlyArray<string | number>) => {
    if (node === null || typeof node !== "object") return
    if (Array.isArray(node)) {
      node.forEach((x, i) => walk(x, [...path, i]))
      return
    }
    const o = node as Obj
    const top = path.length === 0
    for (const [key, value] of Object.entries(o)) {
      const here = [...path, key]
      if (key === "citations" && Array.isArray(value)) value.forEach((c, i) => add((c as Obj)["source"], "source", [...here, i, "source"]))
      else if (key === "via") add(value, "source", here)
      else if (key === "place" || key === "within") add(value, "place", here)
      else if (key === "area" || key === "alsoAt") addAll(value, "place", here)
      else if (actorKeys.includes(key) && r["type"] !== "link") add(value, "actor", here)
      else if (actorLists.includes(key)) addAll(value, "actor", here)
      else if (top && r["type"] === "link" && (key === "from" || key === "to")) add(value, "event", here)
      else if (top && r["type"] === "event" && r["kind"] === "concession" && key === "to") addAll(value, "actor", here)
      walk(value, here)
    }
  }
  walk(r, [])
  return out
}

const decoded = (r: unknown) => {
  const d = Record.decode(r)
  if (Result.isFailure(d)) throw new Error(`${(r as Obj)["id"]}: ${d.failure.message}`)
  return d.success
}

// ---------------------------------------------------------------------------------------------
// (a) decoding
// ---------------------------------------------------------------------------------------------

describe("every fixture record", () => {
  it.each(all.map((r) => [r.id, r] as const))("%s decodes and re-encodes to the same JSON", (_, r) => {
    const d = Record.decode(r)
    if (Result.isFailure(d)) expect.fail(d.failure.message)
    expect(Result.getOrThrow(Record.encode(d.success))).toEqual(r)
    expect(JSON.parse(Result.getOrThrow(Record.encodeJson(d.success)))).toEqual(JSON.parse(JSON.stringify(r)))
  })

  it("the records are plain JSON (a JSON round trip changes nothing)", () => {
    expect(JSON.parse(JSON.stringify(all))).toEqual(all)
  })

  it("has the expected numbers of records by type", () => {
    const count = (t: string) => all.filter((r) => r.type === t).length
    expect(count("source")).toBe(sources.length)
    expect(count("place")).toBe(places.length)
    expect(count("actor")).toBe(actors.length)
    expect(count("event")).toBe(events.length)
    expect(count("link")).toBe(links.length)
    expect(events.length).toBeGreaterThanOrEqual(50)
  })
})

// ---------------------------------------------------------------------------------------------
// (b) ids and references
// ---------------------------------------------------------------------------------------------

describe("ids and references", () => {
  it("every id is unique", () => {
    const seen = new Map<string, number>()
    for (const r of all) seen.set(r.id, (seen.get(r.id) ?? 0) + 1)
    expect([...seen].filter(([, n]) => n > 1)).toEqual([])
  })

  it("every referenced id resolves to a record of the right type", () => {
    const bad: Array<string> = []
    for (const r of all) {
      for (const ref of references(asJson(r))) {
        if (typeOf(ref.id) !== ref.type) bad.push(`${r.id} ${ref.path}: "${ref.id}" is not a ${ref.type} (${typeOf(ref.id) ?? "missing"})`)
      }
    }
    expect(bad).toEqual([])
  })

  it("the reference walker sees the fields that matter", () => {
    const refs = references(record("astana-2023-04-11-detention")).map((x) => `${x.type}:${x.id}`)
    expect(refs).toEqual(
      expect.arrayContaining(["place:astana", "actor:astana-police-department", "actor:laid-off-oil-workers-2023", `source:${seedArticle}`])
    )
    const link = references(record("link-2023-zhanaozen-rally-echoes-2011-shooting")).map((x) => `${x.type}:${x.id}`)
    expect(link).toEqual(["event:zhanaozen-2023-04-11-rally", "event:zhanaozen-2011-12-16-shooting", `source:${seedRepublication}`])
  })

  it("place hierarchy and actor parents have no cycles", () => {
    for (const key of ["within", "parent"] as const) {
      for (const r of all) {
        const seen = new Set<string>()
        let cur: string | undefined = r.id
        while (cur !== undefined) {
          expect(seen.has(cur), `${key} cycle through ${cur}`).toBe(false)
          seen.add(cur)
          cur = byId.get(cur)?.[key] as string | undefined
        }
      }
    }
  })

  it("every event is written in the time zone of its place", () => {
    const mismatched = events
      .filter((e) => record(e.where.place)["timeZone"] !== e.where.timeZone)
      .map((e) => `${e.id}: ${e.where.timeZone} vs ${String(record(e.where.place)["timeZone"])}`)
    expect(mismatched).toEqual([])
  })
})

// ---------------------------------------------------------------------------------------------
// (c) citations
// ---------------------------------------------------------------------------------------------

describe("citations", () => {
  it("every event has at least one citation", () => {
    for (const e of events) expect(e.citations.length, e.id).toBeGreaterThan(0)
  })

  it("every claim has at least one citation", () => {
    const walk = (node: Json, where: string) => {
      if (node === null || typeof node !== "object") return
      if (Array.isArray(node)) return node.forEach((x) => walk(x, where))
      const o = node as Obj
      if ("value" in o && "citations" in o) expect((o["citations"] as ReadonlyArray<Json>).length, where).toBeGreaterThan(0)
      Object.values(o).forEach((x) => walk(x, where))
    }
    for (const r of all) walk(asJson(r), r.id)
  })
  // That the seed article's quotes are verbatim is checked against the article itself, which is not
  // in the repository: scripts/check-seed-quotes.ts, run by hand with the article at hand.
})

// ---------------------------------------------------------------------------------------------
// (d) coverage of the fact sheet
// ---------------------------------------------------------------------------------------------

describe("coverage of the fact sheet", () => {
  it("maps every row 1–50 to events that exist", () => {
    for (let n = 1; n <= 50; n++) {
      const ids = rows[n]
      expect(ids, `row ${n}`).toBeDefined()
      expect(ids!.length, `row ${n}`).toBeGreaterThan(0)
      for (const id of ids!) expect(typeOf(id), `row ${n}: ${id}`).toBe("event")
    }
    expect(Object.keys(rows).map(Number).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1))
  })

  it("every event records some row", () => {
    const covered = new Set(Object.values(rows).flat())
    expect(events.map((e) => e.id).filter((id) => !covered.has(id))).toEqual([])
  })

  it("maps every disagreement 1–11 to fields that hold at least two claims in all", () => {
    expect(Object.keys(disagreements).map(Number).sort((a, b) => a - b)).toEqual(Array.from({ length: 11 }, (_, i) => i + 1))
    for (let n = 1; n <= 11; n++) {
      let total = 0
      for (const { id, path } of disagreements[n]!) {
        const v = get(record(id), path)
        expect(v, `disagreement ${n}: ${id} ${JSON.stringify(path)}`).toBeDefined()
        if (Array.isArray(v)) total += v.length
        else if (v !== null && typeof v === "object" && Array.isArray((v as Obj)["claims"])) total += ((v as Obj)["claims"] as ReadonlyArray<Json>).length
        else expect.fail(`disagreement ${n}: ${id} ${JSON.stringify(path)} holds neither claims nor a dispute`)
      }
      expect(total, `disagreement ${n}`).toBeGreaterThanOrEqual(2)
    }
  })

  it("says where every 'Not confirmed' note is kept", () => {
    expect(notConfirmed.length).toBe(3)
    for (const { note, kept } of notConfirmed) {
      expect(kept.length, note).toBeGreaterThan(0)
      for (const { id, path } of kept) expect(get(record(id), path), `${note}: ${id} ${JSON.stringify(path)}`).toBeDefined()
    }
  })
})

// ---------------------------------------------------------------------------------------------
// (e) facts not lost
// ---------------------------------------------------------------------------------------------

describe("facts kept from the fact sheet, each from a publication", () => {
  const shooting = "zhanaozen-2011-12-16-shooting"

  const unsourcedNote = (id: string) => String(record(id)["note"])

  it("1: the 16 Dec 2011 death toll keeps every sourced version, attributed, and Shetpe apart", () => {
    const killed = claims(shooting, "killed")
    const made = (c: Claim) => [c.claimant, c.madeOn]
    expect(made(find(killed, isCount("exact", 10)))).toEqual(["daulbayev", "2011-12-16"])
    expect(made(find(killed, isCount("exact", 11)))).toEqual(["prosecutor-generals-office", "2011-12-17"])
    expect(made(find(killed, isCount("exact", 13)))).toEqual(["prosecutor-generals-office", "2011-12-18"])
    expect(killed.filter((c) => c.value["value"] === 14).map((c) => c.madeOn)).toEqual(["2011-12-18", "2012-01-25"])
    expect(outletsOf(find(killed, isCount("exact", 16)))).toEqual(["Reuters", "Eurasianet"])
    expect(made(find(killed, isCount("exact", 17)))).toEqual(["european-parliament", "2012-03-15"])
    expect(find(killed, (v) => v["phrase"] === "12 shot dead").claimant).toBe("hrw")
    expect(find(killed, isCount("exact", 70)).claimant).toBe("activists-2011")
    // no total that adds the Shetpe death, which is counted on its own event only
    expect(killed.filter((c) => c.value["value"] === 15)).toEqual([])
    expect(claims("shetpe-2011-12-17-shooting", "killed")[0]!.value).toEqual({ kind: "exact", value: 1 })
    expect(get(record("shetpe-2011-12-17-shooting"), ["where", "place"])).toBe("shetpe")
    expect(dispute(shooting, "other than by police gunfire").map((c) => c.claimant)).toEqual(["hrw", "prosecutor-generals-office"])
  })

  it("2: injury counts keep 86, 64 and 110, the 35 police apart, and say which figures are unsourced", () => {
    const injured = claims(shooting, "injured")
    expect([find(injured, isCount("exact", 86)).claimant, find(injured, isCount("exact", 86)).madeOn]).toEqual(["prosecutor-generals-office", "2011-12-17"])
    expect(find(injured, isCount("exact", 64)).claimant).toBe("prosecutor-generals-office")
    expect(find(injured, isCount("exact", 110)).claimant).toBe("european-parliament")
    expect(dispute(shooting, "police hurt")[0]!.value).toEqual({ kind: "count", count: { kind: "exact", value: 35, phrase: "35 police sustained bodily injuries" } })
    expect(unsourcedNote(shooting)).toMatch(/Unsourced.*108.*500–800/s)
    expect(get(record("prosecutor-general-2012-01-25-preliminary-findings"), ["findings"])).toEqual(
      expect.arrayContaining(["64 civilians with gunshot wounds", "35 police hurt"])
    )
  })

  it("3: 2011 sackings keep about 900 and about 500 per company, and wider scopes apart", () => {
    const id = "mangystau-2011-08-26-mass-sackings"
    expect(record(id)["dismissed"]).toBeUndefined()
    expect(claims(id, "participants", 0, "count")[0]!.value).toEqual({ kind: "about", value: 900, phrase: "about 900 (Uzen)" })
    expect(claims(id, "participants", 1, "count")[0]!.value).toEqual({ kind: "about", value: 500, phrase: "about 500 (KBM)" })
    const wider = dispute(id, "wider than this event")
    expect(wider.map((c) => c.citations[0]!.source)).toEqual([
      "src-economist-2011-07-21-oilers-inflamed",
      "src-bne-2012-zhanaozen-probe",
      "src-ejatlas-zhanaozen-massacre-2011"
    ])
    expect(unsourcedNote(id)).toMatch(/more than 370/)
  })

  it("4: 2011 strike sizes keep HRW's thousands and 2,500 at OMG; 15,000 and 18,000 are unsourced notes", () => {
    const wave = claims("mangystau-2011-oil-strike-wave", "size")
    expect(find(wave, (v) => v["phrase"] === "thousands").claimant).toBe("hrw")
    expect(unsourcedNote("mangystau-2011-oil-strike-wave")).toMatch(/Unsourced.*15,000.*18,000/s)
    expect(cites(find(claims("ozenmunaigas-2011-strike", "size"), isCount("exact", 2500)), "src-iwpr-2011-strikes-take-toll")).toBe(true)
  })

  it("5: the OMG strike start keeps about 10 days after mid-May and May 2011; 17 May and 1 May are unsourced notes", () => {
    const start = dispute("ozenmunaigas-2011-strike", "start")
    find(start, (v) => v["kind"] === "text" && String(v["text"]).includes("ten days"))
    find(start, (v) => v["kind"] === "when" && v["when"] === "2011-05")
    expect(unsourcedNote("ozenmunaigas-2011-strike")).toMatch(/17 May and 1 May/)
  })

  it("6: January 2022 keeps 225, 230, 238 and 240 dead and up to 9,900 / about 10,000 detained", () => {
    const killed = claims("kazakhstan-2022-01-unrest-deaths", "killed")
    expect(killed.map((c) => c.value["value"])).toEqual([225, 230, 238, 240])
    expect(find(killed, isCount("exact", 225)).madeOn).toBe("2022-01-15")
    expect([find(killed, isCount("exact", 230)).madeOn, find(killed, isCount("exact", 230)).claimant]).toEqual(["2022-03-14", "prosecutor-generals-office"])
    const detained = claims("kazakhstan-2022-01-detentions", "detained")
    find(detained, isCount("at-most", 9900))
    find(detained, isCount("about", 10000))
    expect(unsourcedNote("kazakhstan-2022-01-unrest-deaths")).toMatch(/227/)
    expect(unsourcedNote("kazakhstan-2022-01-detentions")).toMatch(/8,000/)
  })

  it("7: the April 2023 company question keeps both versions as disputes", () => {
    const company = dispute("berali-2023-04-01-layoff", "company")
    const berali = find(company, (v) => v["kind"] === "actors")
    expect(berali.value["actors"]).toEqual(["berali-mangistau-company"])
    expect(outletsOf(berali)).toEqual(["TASS", "Radio Free Europe/Radio Liberty (RFE/RL)", "Eurasianet"])
    expect(cites(find(company, (v) => v["kind"] === "text"), seedArticle)).toBe(true)
    const tender = dispute("berali-2023-04-01-layoff", "tender")
    expect(cites(find(tender, (v) => v["text"] === "a drilling tender"), seedArticle)).toBe(true)
    expect(cites(find(tender, (v) => String(v["text"]).includes("oilfield servicing")), "src-tass-1602835-head-of-zhanaozen")).toBe(true)
    const struck = dispute("zhanaozen-2023-04-11-strikes", "companies")
    const seed = find(struck, (v) => Array.isArray(v["actors"]) && (v["actors"] as ReadonlyArray<Json>).length === 3)
    expect(seed.value["actors"]).toEqual(["ozenmunaigas", "ozenmunaiservice", "burgylau"])
    expect(cites(seed, seedArticle)).toBe(true)
    const solidarity = find(struck, (v) => JSON.stringify(v["actors"]) === JSON.stringify(["burgylau"]))
    expect(solidarity.note).toMatch(/solidarity/)
  })

  it("8: the Astana site keeps the Energy Ministry, the KMG head office and the seed article's KMG office", () => {
    const site = dispute("astana-2023-04-10-overnight-rally", "site")
    const sites = site.map((c) => c.value["site"])
    expect(sites).toEqual(["in front of the Energy Ministry", "outside the head office of KazMunayGas", "in front of the office of KazMunayGas"])
    expect(cites(site[2]!, seedArticle)).toBe(true)
  })

  it("9: Astana protesters keep several dozen, around 80 and more than 100; the rest are unsourced notes", () => {
    const size = claims("astana-2023-04-10-overnight-rally", "size")
    expect(size.map((c) => c.value["phrase"])).toEqual(["several dozen", "around 80", "more than 100"])
    expect(unsourcedNote("astana-2023-04-10-overnight-rally")).toMatch(/60–70, about 150 and at least 200/)
  })

  it("10: the Astana detention keeps more than 80 (the Bureau), about 130 and more than 100 (the police, via the seed)", () => {
    const detained = claims("astana-2023-04-11-detention", "detained")
    const bureau = find(detained, isCount("at-least", 80))
    expect([bureau.value["exclusive"], bureau.claimant]).toEqual([true, "kibhr"])
    expect(find(detained, isCount("about", 130)).claimant).toBeUndefined()
    const seed = find(detained, isCount("at-least", 100))
    expect(seed.value).toEqual({ kind: "at-least", value: 100, exclusive: true, phrase: "more than 100" })
    expect(cites(seed, seedArticle)).toBe(true)
    expect(seed.claimant).toBe("astana-police-department")
  })

  it("11: the Zhanaozen crowd on 11 Apr 2023 keeps up to 2,000 (Orda), thousands and about two thousand", () => {
    const size = claims("zhanaozen-2023-04-11-rally", "size")
    expect(find(size, (v) => v["phrase"] === "up to 2,000").claimant).toBe("orda-kz")
    expect(find(size, (v) => v["phrase"] === "thousands").value["kind"]).toBe("at-least")
    const seed = find(size, isCount("about", 2000))
    expect(seed.value["phrase"]).toBe("about two thousand")
    expect(cites(seed, seedArticle)).toBe(true)
    expect(unsourcedNote("zhanaozen-2023-04-11-rally")).toMatch(/several hundred/)
  })

  it("keeps the exact period of the 2011 state of emergency and the zone of the Astana times", () => {
    const soe = record("zhanaozen-2011-12-17-state-of-emergency")
    expect(soe["when"]).toBe("2011-12-17T18:00:00/2012-01-05T07:00:00")
    expect(get(soe, ["where", "timeZone"])).toBe("Asia/Aqtau")
    const det = record("astana-2023-04-11-detention")
    expect(det["when"]).toBe("2023-04-11T18:50:00/2023-04-11T19:20:00")
    expect(get(det, ["where", "timeZone"])).toBe("Asia/Almaty")
    expect(dispute("astana-2023-04-11-detention", "time zone")[0]!.value["text"]).toMatch(/assumed|read as/)
    expect(record("zhanaozen-2019-03-11-unemployed-rally")["when"]).toBe("2019-03-11?")
  })

  it("keeps the places' coordinates and time zones", () => {
    expect(record("zhanaozen")["coordinates"]).toEqual({ lat: 43.33778, lon: 52.85528, precision: "exact" })
    expect(record("astana")["coordinates"]).toEqual({ lat: 51.1667, lon: 71.4333, precision: "approximate" })
    expect(record("shetpe")["coordinates"]).toEqual({ lat: 44.1422, lon: 52.1558, precision: "administrative-centre" })
    expect(String(record("shetpe")["description"])).toContain("108 km north-east of Aktau")
    expect(record("zhanaozen")["timeZone"]).toBe("Asia/Aqtau")
    expect(record("astana")["timeZone"]).toBe("Asia/Almaty")
    expect(JSON.stringify(record("astana")["aliases"])).toContain("Nur-Sultan")
    expect(JSON.stringify(record("zhanaozen")["aliases"])).toContain("Жанаозен")
  })

  it("keeps company parents and office terms", () => {
    expect(record("ozenmunaigas")["parent"]).toBe("kazmunaygas")
    expect(record("kmg-ep")["parent"]).toBe("kazmunaygas")
    expect(record("kazmunaygas")["parent"]).toBe("samruk-kazyna")
    expect(get(record("nazarbayev"), ["offices", 0])).toEqual({ title: "President of Kazakhstan", place: "kazakhstan", to: "2019-03-20" })
  })
})

// ---------------------------------------------------------------------------------------------
// (f) fields added after the fixtures were written: note, where.alsoAt, breakdown, outcomes, lawsuit
// ---------------------------------------------------------------------------------------------

describe("fields added to the model", () => {
  interface Part {
    readonly label: string
    readonly count: Obj
  }
  const breakdownOf = (c: Claim): ReadonlyArray<[string, Json | undefined]> =>
    ((c as unknown as { readonly breakdown?: ReadonlyArray<Part> }).breakdown ?? []).map((p) => [p.label, p.count["value"]])
  const shooting = "zhanaozen-2011-12-16-shooting"

  it("1: reading notes are in `note`, not in the summary", () => {
    const note = (id: string) => String(record(id)["note"])
    expect(record("aktau-2011-06-march-for-sokolova")["when"]).toBe("2011-06")
    expect(note("aktau-2011-06-march-for-sokolova")).toMatch(/early June 2011, a Sunday/i)
    expect(record("shetpe-2011-12-17-shooting")["when"]).toBe("2011-12-17")
    expect(note("shetpe-2011-12-17-shooting")).toMatch(/About 20:00/)
    expect(note("burgylau-2012-07-25-strike")).toMatch(/2 hours/)
    expect(note("astana-2023-04-12-detainees-freed")).toMatch(/08:57/)
    expect(note("zhanaozen-2019-03-11-unemployed-rally")).toMatch(/2019 is inferred/)
    // no summary still explains how a value was read
    const reading = /hence '|stands for|is assumed|read as|EDTF|the day is not given|the year/i
    expect(events.filter((e) => reading.test(String(asJson(e)["summary"] ?? ""))).map((e) => e.id)).toEqual([])
  })

  it("2: multi-place events list their further places in where.alsoAt", () => {
    const at = (id: string) => [get(record(id), ["where", "place"]), get(record(id), ["where", "alsoAt"])]
    expect(at("mangystau-2011-08-26-mass-sackings")).toEqual(["zhanaozen", ["karazhanbas-field"]]) // row 10
    expect(at("nazarbayev-2011-12-22-statement")).toEqual(["aktau", ["zhanaozen"]]) // row 15
    expect(at("nazarbayev-2011-12-22-dismissals")).toEqual(["aktau", ["zhanaozen"]])
    expect(at("kazakhstan-2022-01-05-state-of-emergency")).toEqual(["kazakhstan", ["mangystau-region", "almaty"]]) // row 35
    expect(at("karazhanbas-2011-05-strike")).toEqual(["karazhanbas-field", ["aktau"]]) // row 02
    for (const e of events) {
      const also = e.where.alsoAt ?? []
      expect(also.includes(e.where.place), e.id).toBe(false)
      expect(new Set(also).size, e.id).toBe(also.length)
    }
  })

  it("3: count claims keep the parts a source gave with its total, and no total a source did not give", () => {
    const jan2022 = find(claims("kazakhstan-2022-01-unrest-deaths", "killed"), isCount("exact", 225))
    expect(breakdownOf(jan2022)).toEqual([["police officers and service members", 19]])
    const verdict = claims("aktau-2012-06-04-riot-trial-verdict", "defendantCount")[0]!
    expect(breakdownOf(verdict)).toEqual(expect.arrayContaining([["found guilty", 34], ["acquitted", 3]]))
    // HRW gives 12 shot dead and 3 other deaths without a total: two figures, not a sum
    expect(breakdownOf(find(claims(shooting, "killed"), (v) => v["phrase"] === "12 shot dead"))).toEqual([])
    // troop figures no publication was found for are not claims
    expect(get(record("csto-2022-01-deployment"), ["participants", 0, "count"])).toBeUndefined()
    expect(String(record("csto-2022-01-deployment")["note"])).toMatch(/Unsourced.*2,030/s)
    expect(breakdownOf(claims("kezbi-2021-06-30-strike", "size")[0]!)).toEqual([])
    expect(String(record("kezbi-2021-06-30-strike")["note"])).toMatch(/share of KEZBI's workforce/)
  })

  it("3: the decoder rejects a part larger than its total", () => {
    const id = "kazakhstan-2022-01-unrest-deaths"
    const r = JSON.parse(JSON.stringify(record(id))) as { killed: Array<{ value: Obj; breakdown?: Array<Part> }> }
    r.killed[0]!.breakdown = [{ label: "police officers and service members", count: { kind: "exact", value: 300 } }]
    const d = Record.decode(r)
    expect(Result.isFailure(d)).toBe(true)
    if (Result.isFailure(d)) expect(d.failure.message).toMatch(/exceeds the total/)
  })

  it("4: detention outcomes can differ within the group (row 49)", () => {
    const outcomes = get(record("astana-2023-04-11-detention"), ["outcomes"]) as unknown as ReadonlyArray<Obj>
    expect(outcomes.map((o) => [o["status"], (o["count"] as Obj | undefined)?.["value"]])).toEqual([
      ["released-with-warning", 5],
      ["released", 10],
      ["released", undefined]
    ])
    expect(String(outcomes[1]!["detail"])).toMatch(/talks/)
    expect(String(outcomes[2]!["detail"])).toMatch(/sent home/)
    const sokolova = get(record("sokolova-2011-05-24-jailed"), ["outcomes"]) as unknown as ReadonlyArray<Obj>
    expect(sokolova.map((o) => o["status"])).toEqual(["administrative-arrest", "charged"])
  })

  it("5: row 42's '21 sued' is a civil suit at the lawsuit stage, apart from the ruling on the strike", () => {
    const suit = record("kezbi-2022-05-04-lawsuit")
    expect(suit["stage"]).toBe("lawsuit")
    expect(claims("kezbi-2022-05-04-lawsuit", "defendantCount")[0]!.value).toEqual({ kind: "exact", value: 21, phrase: "21 sued" })
    expect(JSON.stringify(suit["citations"])).toContain("src-russianreader-2022-05-17")
    const ruling = record("kezbi-2022-strike-ruled-unlawful")
    expect([ruling["stage"], ruling["defendantCount"]]).toEqual(["verdict", undefined])
  })
})

describe("facts kept from the seed article", () => {
  it("the Astana rally is unauthorised and overnight, in front of the KazMunayGas office", () => {
    const rally = record("astana-2023-04-10-overnight-rally")
    expect(rally["authorised"]).toBe(false)
    expect(rally["overnight"]).toBe(true)
    expect(rally["demands"]).toEqual(["employment"])
  })

  it("the Astana detention names its authority and legal basis", () => {
    const det = record("astana-2023-04-11-detention")
    expect(det["authority"]).toBe("astana-police-department")
    expect(det["legalBasis"]).toEqual(["the law \"On Peaceful Assemblies\""])
    expect(JSON.stringify(det["citations"])).toContain("taken to the police")
  })

  it("the akim's appeal keeps the quote verbatim, attributed", () => {
    const appeal = record("zhanaozen-akim-2023-04-11-appeal")
    expect(appeal["speaker"]).toBe("zhanaozen-akim-2023")
    expect(appeal["stance"]).toBe("appeal")
    expect(get(appeal, ["quotes", 0, "text"])).toBe(akimQuote)
    expect(akimQuote.startsWith("In the holy month of Ramadan, I urge everyone to calm down.")).toBe(true)
    expect(JSON.stringify(appeal["citations"])).toContain(seedArticle)
  })

  it("the offer through a contractor and its refusal are kept", () => {
    expect(record("astana-2023-04-kmg-job-offer")["outcome"]).toMatch(/rejected/)
  })

  it("the strikes of 11 April name Ozenmunaigas JSC, Ozenmunaiservice LLP and Burgylau LLP", () => {
    expect(record("zhanaozen-2023-04-11-strikes")["employers"]).toEqual(["ozenmunaigas", "ozenmunaiservice", "burgylau"])
  })

  it("the recollection of 2011 is an attributed echoes link, not a cause", () => {
    const echoes = (seedLinks as ReadonlyArray<typeof Link.Link.Encoded>).filter((l) => l.relation === "echoes")
    expect(echoes.map((l) => [l.from, l.to])).toEqual([["zhanaozen-2023-04-11-rally", "zhanaozen-2011-12-16-shooting"]])
    expect(JSON.stringify(echoes[0]!.citations)).toContain("Zhanaozen massacre")
    expect(links.filter((l) => l.to === "zhanaozen-2011-12-16-shooting" && l.relation === "causes")).toEqual([])
  })

  it("seed records are the seed's two sources, the seed events and the links citing either", () => {
    expect(seedSource.id).toBe(seedArticle)
    expect(seedRepublicationSource.id).toBe(seedRepublication)
    expect((seedSource as { readonly via?: string }).via).toBe(seedRepublication)
    expect(seedRecords.length).toBe(2 + seedEvents.length + seedLinks.length)
    for (const e of seedEvents) expect(JSON.stringify(e.citations), e.id).toContain(seedArticle)
    for (const r of seedRecords) decoded(r)
  })
})

// ---------------------------------------------------------------------------------------------
// links
// ---------------------------------------------------------------------------------------------

describe("links", () => {
  const eventById = new Map(events.map((e) => [e.id, decoded(e) as Event.Event]))

  it("every directed link is possible in time", () => {
    // `causes`: the cause (from) does not begin after the effect (to) ends. `part-of`: the part
    // overlaps the whole. The others (responds-to, continues, commemorates, echoes): what is
    // answered or recalled (to) does not begin after the answer (from) ends.
    for (const l of links) {
      if (l.relation === "same-as" || l.relation === "contradicts") continue
      const from = Event.bounds(eventById.get(l.from)!)
      const to = Event.bounds(eventById.get(l.to)!)
      const ok =
        l.relation === "causes"
          ? from.earliest <= to.latest
          : l.relation === "part-of"
            ? When.overlaps(from, to)
            : to.earliest <= from.latest
      expect(ok, `${l.id}: ${l.from} ${l.relation} ${l.to} is impossible in time`).toBe(true)
    }
  })

  it("the directed link graph is acyclic", () => {
    const next = new Map<string, Array<string>>()
    for (const l of links) if (l.relation !== "same-as" && l.relation !== "contradicts") next.set(l.from, [...(next.get(l.from) ?? []), l.to])
    const state = new Map<string, "open" | "done">()
    const visit = (id: string, trail: ReadonlyArray<string>): void => {
      if (state.get(id) === "done") return
      expect(state.get(id), `cycle: ${[...trail, id].join(" → ")}`).not.toBe("open")
      state.set(id, "open")
      for (const n of next.get(id) ?? []) visit(n, [...trail, id])
      state.set(id, "done")
    }
    for (const id of next.keys()) visit(id, [])
  })

  it("ties 2011 to 2023", () => {
    const years = (id: string) => String(record(id)["when"]).slice(0, 4)
    expect(links.some((l) => years(l.from) === "2023" && years(l.to) === "2011")).toBe(true)
  })

  it("every event date parses as When", () => {
    for (const e of events) expect(When.isWhen(e.when), e.id).toBe(true)
  })
})
