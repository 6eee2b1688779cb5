/**
 * The ACLED vocabulary the importer and exporter use, against the codebook's own lists as
 * transcribed once in test/codebooks/acled.ts (sources named there): columns, actor types and
 * their legacy codes and spellings, interactions, disorder types, fatality words.
 */
import { describe, expect, it } from "vitest"
import { disorderTypeOf, interactionOf, readActorType, readTypes } from "../../src/interchange/acledCodes.js"
import { fatalitiesOf } from "../../src/interchange/acledSize.js"
import { Acled } from "../../src/interchange/index.js"
import * as Codebook from "../codebooks/acled.js"

describe("ACLED codes against the codebook", () => {
  it("the columns of an export, in order", () => {
    expect([...Acled.columns]).toEqual([...Codebook.acledColumns])
  })

  it("the eight actor types, their legacy codes and the older plural spellings", () => {
    expect([...Acled.actorTypes]).toEqual(Codebook.acledActorTypes.map((t) => t.text))
    for (const t of Codebook.acledActorTypes) {
      expect(readActorType(String(t.code))).toBe(t.text)
      expect(readActorType(t.heading)).toBe(t.text)
    }
    for (const [code, older] of Object.entries(Codebook.acledLegacyActorTypes)) expect(readActorType(older)).toBe(Codebook.acledActorTypes[Number(code) - 1]!.text)
    expect(readActorType("Protestors")).toBe("Protesters")
  })

  it("every interaction of Table 3, from the two actor types in either order", () => {
    for (const [code, text] of Object.entries(Codebook.acledInteractions)) {
      const a = Codebook.acledActorTypes[Number(code[0]) - 1]!.text
      const b = code[1] === "0" ? undefined : Codebook.acledActorTypes[Number(code[1]) - 1]!.text
      expect(interactionOf(a, b)).toBe(text)
      if (b !== undefined) expect(interactionOf(b, a)).toBe(text)
    }
  })

  it("the disorder type of every sub-event type (Table 2)", () => {
    for (const [eventType, subs] of Object.entries(Codebook.acledSubEventTypes)) {
      for (const sub of subs as ReadonlyArray<string>) {
        expect([sub, disorderTypeOf(eventType as Codebook.AcledEventType, sub)]).toEqual([sub, Codebook.acledDisorderTypeOf[sub as keyof typeof Codebook.acledDisorderTypeOf]])
      }
    }
  })

  it("the older spellings of event and sub-event types", () => {
    expect(readTypes("Protests", "Excessive force against protestors")).toEqual({ eventType: "Protests", subEventType: "Excessive force against protesters" })
    expect(readTypes("Strategic Developments", "Arrests")).toEqual({ eventType: "Strategic developments", subEventType: "Arrests" })
    for (const [eventType, subs] of Object.entries(Codebook.acledSubEventTypes)) {
      for (const sub of subs as ReadonlyArray<string>) expect(readTypes(eventType, sub)).toEqual({ eventType, subEventType: sub })
    }
  })

  it("the fatality words with a single reading, and 0 when none is reported", () => {
    expect(fatalitiesOf([{ value: { kind: "unknown", phrase: "dozens" } }])).toBe(Codebook.acledFatalityWords.dozens)
    expect(fatalitiesOf([{ value: { kind: "unknown", phrase: "hundreds" } }])).toBe(Codebook.acledFatalityWords.hundreds)
    expect(fatalitiesOf([{ value: { kind: "unknown", phrase: "tens" } }])).toBe(Codebook.acledFatalityWords.tens)
    expect(Codebook.acledFatalityWords.several).toContain(fatalitiesOf([{ value: { kind: "unknown", phrase: "several" } }]))
    expect(fatalitiesOf([{ value: { kind: "unknown", phrase: "none reported" } }])).toBe(Codebook.acledFatalityRules.noneReported)
    expect(fatalitiesOf([{ value: { kind: "exact", value: 14 } }, { value: { kind: "about", value: 70 } }])).toBe(14)
  })
})
