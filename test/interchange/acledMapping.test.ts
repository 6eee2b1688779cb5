/**
 * The importer stays in step with the mapping: every ACLED pair of the codebook either imports as
 * an event whose own mapping (`Event.mappingOf`) gives the pair back, or is reported as
 * unmappable. Nothing here restates the mapping table.
 */
import { fc, test as fcTest } from "@fast-check/vitest"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import * as Event from "../../src/model/Event.js"
import * as Mapping from "../../src/model/Mapping.js"
import { Acled } from "../../src/interchange/index.js"
import { baseRow, csvOf, importablePairs, rowsArb } from "./acledHelpers.js"

const allPairs = Mapping.acledEventTypes.flatMap((t) => Mapping.acledSubEventTypes[t].map((s) => [t, s] as const))

describe("ACLED pairs and our kinds", () => {
  it.each(allPairs)("%s / %s imports as an event that maps back to it, or is reported as unmappable", (eventType, subEventType) => {
    const rows = [0, 3].map((fatalities) => ({ ...baseRow, event_id_cnty: `KAZ${fatalities}`, event_type: eventType, sub_event_type: subEventType, actor2: "Police Forces of Kazakhstan", inter2: "State forces", fatalities: String(fatalities) }))
    const result = Acled.importCsv(csvOf(rows), { skipInvalid: true })
    if (Result.isFailure(result)) throw new Error(result.failure.message)
    for (const skipped of result.success.skipped) expect(skipped).toMatchObject({ column: "sub_event_type", reason: expect.stringContaining("unmappable") })
    const events = result.success.appends.flatMap((a) => (a._tag === "revision" && a.record.type === "event" ? [a.record as Event.Event] : []))
    expect(events.length + result.success.skipped.length).toBe(2)
    for (const event of events) expect(Event.mappingOf(event).acled).toEqual({ eventType, subEventType })
  })

  it("imports at least the protest pairs", () => {
    const pairs = importablePairs().map(([t, s]) => `${t} / ${s}`)
    expect(pairs).toContain("Protests / Peaceful protest")
    expect(pairs).toContain("Protests / Protest with intervention")
  })

  fcTest.prop([rowsArb(importablePairs())], { numRuns: 40 })("every imported row's event maps back to the row's types", (rows) => {
    // Some pairs import only with the actor types that give them (an armed clash needs two
    // armed sides): the other rows are reported as unmappable, and nothing else is skipped.
    const result = Acled.importCsv(csvOf(rows), { skipInvalid: true })
    if (Result.isFailure(result)) throw new Error(result.failure.message)
    for (const skipped of result.success.skipped) expect(skipped.reason).toContain("unmappable")
    const byId = new Map(rows.map((r) => [`acled:${r.event_id_cnty}`, r]))
    for (const append of result.success.appends) {
      if (append._tag !== "revision" || append.record.type !== "event") continue
      const row = byId.get(append.record.id)!
      expect(Event.mappingOf(append.record as Event.Event).acled).toEqual({ eventType: row.event_type, subEventType: row.sub_event_type })
    }
  })

  it("the README's ACLED tables are the ones generated from Mapping", async () => {
    const { readFileSync } = await import("node:fs")
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8")
    const generated = Acled.mappingTable()
    const start = readme.indexOf("<!-- acled-mapping:start -->")
    const end = readme.indexOf("<!-- acled-mapping:end -->")
    expect(start).toBeGreaterThan(0)
    expect(readme.slice(start + "<!-- acled-mapping:start -->".length, end).trim()).toBe(generated.trim())
  })
})

void fc
