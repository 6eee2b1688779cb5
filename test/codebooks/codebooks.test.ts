/**
 * Checks the codebook transcriptions against the counts and structure their sources state, so a
 * slip in copying (a lost mode, a duplicated code, a sub-event type without a disorder type) shows
 * up before the transcriptions are used to test `Mapping`.
 */
import { describe, expect, it } from "vitest"
import * as Acled from "./acled.js"
import * as Cameo from "./cameo.js"
import * as Plover from "./plover.js"

const unique = <A>(values: ReadonlyArray<A>): boolean => new Set(values).size === values.length

describe("PLOVER transcription", () => {
  it("has the manual's sixteen types, each with a mode list", () => {
    expect(Plover.ploverTypes).toHaveLength(16)
    expect(Object.keys(Plover.ploverModes)).toEqual([...Plover.ploverTypes])
  })

  it("lists no mode twice within a type", () => {
    for (const modes of Object.values(Plover.ploverModes)) expect(unique(modes)).toBe(true)
  })

  it("describes 0.8 → 2.0 so that 0.8 plus the changes gives 2.0", () => {
    const { added, removed, renamed } = Plover.ploverChanges08to20
    for (const type of Plover.ploverTypes) {
      const old: ReadonlyArray<string> = Plover.ploverModes08[type === "REQUEST" ? "DEMAND" : type]
      const gone: ReadonlyArray<string> = (removed as Record<string, ReadonlyArray<string>>)[type] ?? []
      const come: ReadonlyArray<string> = (added as Record<string, ReadonlyArray<string>>)[type] ?? []
      const renames = renamed.filter((r) => r.type === type)
      const expected = old
        .filter((m) => !gone.includes(m) || renames.some((r) => r.from === m))
        .map((m) => renames.find((r) => r.from === m)?.to ?? m)
        .concat(come)
      expect([...Plover.ploverModes[type]].sort()).toEqual([...new Set(expected)].sort())
    }
  })
})

describe("CAMEO transcription", () => {
  const codes = Object.keys(Cameo.cameoCodes)

  it("has the 20 roots and a code under each", () => {
    const roots = codes.filter((c) => c.length === 2)
    expect(roots).toHaveLength(20)
    expect(codes).toHaveLength(316)
  })

  it("hangs every three- and four-digit code under an existing parent", () => {
    for (const code of codes.filter((c) => c.length > 2)) expect(codes).toContain(code.slice(0, code.length - 1))
  })
})

describe("ACLED transcription", () => {
  const subEventTypes = Object.values(Acled.acledSubEventTypes).flat()

  it("has six event types and 25 sub-event types, each with a disorder type", () => {
    expect(Acled.acledEventTypes).toHaveLength(6)
    expect(subEventTypes).toHaveLength(25)
    expect(Object.keys(Acled.acledDisorderTypeOf).sort()).toEqual([...subEventTypes].sort())
    for (const disorder of Object.values(Acled.acledDisorderTypeOf)) expect(Acled.acledDisorderTypes).toContain(disorder)
  })

  it("has the 31 export columns once each", () => {
    expect(Acled.acledColumns).toHaveLength(31)
    expect(unique(Acled.acledColumns)).toBe(true)
  })

  it("writes each interaction from its two actor types, smallest code first", () => {
    const text = (code: number) => Acled.acledActorTypes.find((t) => t.code === code)?.text
    for (const [number, name] of Object.entries(Acled.acledInteractions)) {
      const [a, b] = [Number(number[0]), Number(number[1])]
      expect(a).toBeLessThanOrEqual(b === 0 ? 9 : b)
      // The text is not always in code order: Table 3 writes 78 as "External/Other forces-Civilians".
      const names = b === 0 ? [`${text(a)} only`] : [`${text(a)}-${text(b)}`, `${text(b)}-${text(a)}`]
      expect(names).toContain(name)
    }
  })
})
