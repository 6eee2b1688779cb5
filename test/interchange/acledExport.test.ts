import { Result } from "effect"
import { parse } from "csv-parse/sync"
import { describe, expect, it } from "vitest"
import * as Mapping from "../../src/model/Mapping.js"
import * as Record from "../../src/model/Record.js"
import type { AnyRecord } from "../../src/model/Vocabulary.js"
import type * as Event from "../../src/model/Event.js"
import { Acled } from "../../src/interchange/index.js"

const cite = [{ source: "reuters" }]
const records = [
  { type: "source", id: "reuters", outlet: "Reuters", kind: "news" },
  { type: "source", id: "azattyq", outlet: "Radio Azattyq", kind: "news" },
  { type: "place", id: "kazakhstan", kind: "country", name: "Kazakhstan", timeZone: "Asia/Almaty" },
  { type: "place", id: "mangystau", kind: "region", name: "Mangystau Region", timeZone: "Asia/Aqtau", within: "kazakhstan" },
  { type: "place", id: "zhanaozen", kind: "town", name: "Zhanaozen", timeZone: "Asia/Aqtau", within: "mangystau", coordinates: { lat: 43.34116, lon: 52.86192, precision: "exact" } },
  { type: "actor", id: "oil-workers", kind: "workers", name: "Ozenmunaigas oil workers" },
  { type: "actor", id: "police", kind: "police", name: "Police of Kazakhstan" },
  { type: "actor", id: "prosecutor", kind: "state-body", name: "Prosecutor General's Office" },
  {
    type: "event", kind: "rally", id: "square-2011-12-16", title: "Rally on the square", form: "sit-in", when: "2011-12-16",
    where: { place: "zhanaozen", timeZone: "Asia/Aqtau" }, citations: cite,
    participants: [{ actor: "oil-workers", role: "participant" }],
    size: [{ value: { kind: "about", value: 2000, phrase: "about two thousand" }, citations: cite }]
  },
  {
    type: "event", kind: "dispersal", id: "shooting-2011-12-16", title: "Police open fire", when: "2011-12-16",
    where: { place: "zhanaozen", timeZone: "Asia/Aqtau" }, citations: [{ source: "azattyq" }], by: ["police"], force: ["live-fire"],
    killed: [
      { value: { kind: "exact", value: 14 }, citations: cite, claimant: "prosecutor" },
      { value: { kind: "about", value: 70, phrase: "about seventy" }, citations: [{ source: "azattyq" }] }
    ]
  },
  {
    type: "event", kind: "strike", demonstration: true, id: "strike-2011", title: "=HYPERLINK(\"http://x\") strike", when: "2011-05-26/2011-05-28",
    where: { place: "zhanaozen", timeZone: "Asia/Aqtau" }, citations: cite, summary: "+Oil workers strike for pay.",
    participants: [{ actor: "oil-workers", role: "participant" }],
    disputes: [{ topic: "killed", claims: [{ value: { kind: "count", count: { kind: "exact", value: 5 } }, citations: cite }] }]
  },
  {
    type: "event", kind: "layoff", id: "layoffs-2011", title: "Layoffs", when: "2011-06", where: { place: "zhanaozen", timeZone: "Asia/Aqtau" }, citations: cite
  },
  {
    type: "event", kind: "rally", form: "march", id: "marches-2011", title: "Marches that year", when: "2011", where: { place: "zhanaozen", timeZone: "Asia/Aqtau" }, citations: cite
  }
].map((r) => Record.decodeUnsafe(r)) as ReadonlyArray<AnyRecord>
const events = records.filter((r) => r.type === "event") as ReadonlyArray<Event.AnyEvent>

describe("ACLED export", () => {
  const result = Acled.exportRows(events, { records })

  it("folds a dispersal at a protest into the protest's row, with the most conservative fatality figure", () => {
    expect(result.folded).toEqual([{ event: "shooting-2011-12-16", into: "square-2011-12-16" }])
    const row = result.rows.find((r) => r.event_id_cnty === "square-2011-12-16")!
    expect(row).toMatchObject({
      event_type: "Protests",
      sub_event_type: "Excessive force against protesters",
      disorder_type: "Political violence; Demonstrations",
      actor1: "Ozenmunaigas oil workers",
      inter1: "Protesters",
      actor2: "Police of Kazakhstan",
      inter2: "State forces",
      interaction: "State forces-Protesters",
      fatalities: "14",
      tags: "crowd size=about two thousand",
      country: "Kazakhstan",
      admin1: "Mangystau Region",
      location: "Zhanaozen",
      latitude: "43.3412",
      longitude: "52.8619",
      geo_precision: "1",
      time_precision: "1"
    })
    expect(row.notes).toContain("Fatality claims: 14; about seventy")
  })

  it("writes a multi-day event as a row per day, dividing its fatalities (the first day takes the remainder)", () => {
    const days = result.rows.filter((r) => r.event_id_cnty.startsWith("strike-2011"))
    expect(days.map((r) => [r.event_date, r.fatalities])).toEqual([["2011-05-26", "3"], ["2011-05-27", "1"], ["2011-05-28", "1"]])
  })

  it("leaves out what ACLED does not code, saying why", () => {
    expect(result.skipped.find((s) => s.event === "marches-2011")?.reason).toMatch(/less precise than a day or a month/)
    const layoff = Mapping.kindMappings.layoff as { readonly acled?: unknown }
    if (layoff.acled === undefined) expect(result.skipped.find((s) => s.event === "layoffs-2011")?.reason).toMatch(/ACLED does not code/)
    else expect(result.rows.find((r) => r.event_id_cnty === "layoffs-2011")?.time_precision).toBe("3")
  })

  it("neutralises cells a spreadsheet would run as formulas", () => {
    const strike = result.rows.find((r) => r.event_id_cnty.startsWith("strike-2011"))!
    expect(strike.notes.startsWith("'+Oil workers")).toBe(true)
    const csv = Acled.exportCsv(events, { records }).csv
    const cells = (parse(csv) as Array<Array<string>>).flat()
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c) && !/^-?\d/.test(c))).toEqual([])
  })

  it("writes a CSV that imports again", () => {
    const csv = Acled.exportCsv(events, { records }).csv
    const back = Acled.importCsv(csv)
    if (Result.isFailure(back)) throw new Error(back.failure.message)
    expect(back.success.appends.filter((a) => a._tag === "revision" && a.record.type === "event")).toHaveLength(result.rows.length)
  })

  it("streams in batches, the header once", () => {
    const chunks = [...Acled.exportChunks(events, { records, batchSize: 1 })]
    expect(chunks.join("")).toContain("event_id_cnty,event_date")
    expect(chunks.join("").match(/event_id_cnty,/g)).toHaveLength(1)
  })
})
