import { Result, Schema } from "effect"
import { describe, expect, expectTypeOf, it } from "vitest"
import * as Mapping from "../../src/model/Mapping.js"

const decode = Schema.decodeUnknownResult(Mapping.Mapping)

// Every mapping this module can produce, with a name for failure messages.
const everyMapping: ReadonlyArray<readonly [string, Mapping.Mapping]> = [
  ...Mapping.builtInKinds.map((k) => [`kind ${k}`, Mapping.kindMappings[k]] as const),
  ...(["limited", "general"] as const).map((s) => [`strike ${s}`, Mapping.strikeMapping(s)] as const),
  ...(["demonstration", "march", "sit-in", "picket", "blockade", "gathering"] as const).flatMap((f) => [
    [`rally ${f}`, Mapping.rallyMapping(f)] as const,
    [`rally ${f} violent`, Mapping.rallyMapping(f, { violent: true })] as const,
    [`rally ${f} barricades`, Mapping.rallyMapping(f, { barricades: true })] as const
  ]),
  ...[false, true].flatMap((lethal) =>
    [false, true].map((liveFire) => [`dispersal ${lethal} ${liveFire}`, Mapping.dispersalMapping({ lethal, liveFire })] as const)
  ),
  ...(["shooting", "killing", "beating", "clashes", "arson", "death", "other"] as const).flatMap((f) => [
    [`violence ${f}`, Mapping.violenceMapping(f)] as const,
    [`violence ${f} mob`, Mapping.violenceMapping(f, { byMob: true })] as const,
    [`violence ${f} targeted`, Mapping.violenceMapping(f, { targetedKilling: true })] as const
  ]),
  ["detention at protest", Mapping.detentionMapping({ atProtest: true })],
  ["detention extrajudicial", Mapping.detentionMapping({ extrajudicial: true })],
  ...([
    "state-of-emergency",
    "curfew",
    "ban",
    "organization-ban",
    "internet-shutdown",
    "deployment",
    "military-deployment",
    "other"
  ] as const).map((m) => [`emergency ${m}`, Mapping.emergencyMapping(m)] as const),
  ...(["charge", "opening", "hearing", "verdict", "appeal", "parole-hearing"] as const).map((s) =>
    [`trial ${s}`, Mapping.trialMapping(s)] as const
  ),
  ["trial custodial verdict", Mapping.trialMapping("verdict", { custodial: true })],
  ...(["release", "amnesty", "parole", "pardon", "acquittal", "bail"] as const).map((f) =>
    [`release ${f}`, Mapping.releaseMapping(f)] as const
  ),
  ...(["wages", "jobs", "prices", "personnel", "policy", "other"] as const).map((subject) =>
    [`concession ${subject}`, Mapping.concessionMapping({ subject })] as const
  ),
  ["concession agreement", Mapping.concessionMapping({ signedAgreement: true })],
  ...(["negotiation", "meeting", "mediation", "commission", "inquiry", "report"] as const).map((f) =>
    [`negotiation ${f}`, Mapping.negotiationMapping(f)] as const
  ),
  ...([
    "appeal",
    "warning",
    "concession",
    "acknowledgement",
    "denial",
    "condemnation",
    "information",
    "other"
  ] as const).map((s) => [`statement ${s}`, Mapping.statementMapping(s)] as const)
]

describe("the codebook vocabularies", () => {
  it("PLOVER has sixteen event types, each with a mode table", () => {
    expect(Mapping.ploverTypes).toHaveLength(16)
    expect(new Set(Mapping.ploverTypes).size).toBe(16)
    expect(Object.keys(Mapping.ploverModes).sort()).toEqual([...Mapping.ploverTypes].sort())
  })

  it("ACLED has six event types and twenty-five sub-event types, none shared", () => {
    expect(Object.keys(Mapping.acledSubEventTypes)).toEqual([...Mapping.acledEventTypes])
    const all = Object.values(Mapping.acledSubEventTypes).flat()
    expect(all).toHaveLength(25)
    expect(new Set(all).size).toBe(25)
  })
})

describe("every mapping", () => {
  it("covers exactly the thirteen built-in kinds", () => {
    expect(Mapping.builtInKinds).toHaveLength(13)
    expect(Object.keys(Mapping.kindMappings).sort()).toEqual([...Mapping.builtInKinds].sort())
  })

  it.each(everyMapping)("%s decodes with the Mapping schema", (_, m) => {
    const r = decode(m)
    expect(Result.isSuccess(r) ? r.success : r.failure.message).toEqual(m)
  })

  it.each(everyMapping)("%s: the ACLED sub-event belongs to its event type", (_, m) => {
    expect(Mapping.acledSubEventTypes[m.acled.eventType] as ReadonlyArray<string>).toContain(m.acled.subEventType)
  })

  it.each(everyMapping)("%s: the PLOVER mode is one the manual lists for the type", (_, m) => {
    if (m.plover.mode !== undefined) expect(Mapping.ploverModes[m.plover.type]).toContain(m.plover.mode)
  })

  it.each(everyMapping)("%s: the CAMEO code starts with a root code of 01–20", (_, m) => {
    const root = Number(m.cameo.code.slice(0, 2))
    expect(root).toBeGreaterThanOrEqual(1)
    expect(root).toBeLessThanOrEqual(20)
  })

  it("cannot be changed by a caller", () => {
    expect(Object.isFrozen(Mapping.kindMappings)).toBe(true)
    expect(Object.isFrozen(Mapping.kindMappings.strike.acled)).toBe(true)
    expect(() => {
      ;(Mapping.kindMappings.strike.cameo as { code: string }).code = "999"
    }).toThrow(TypeError)
  })
})

describe("spot checks", () => {
  it("strike → CAMEO 143, PLOVER PROTEST strike, ACLED Protests / Peaceful protest", () => {
    expect(Mapping.kindMappings.strike).toEqual({
      cameo: { code: "143", label: "Conduct strike or boycott" },
      plover: { type: "PROTEST", mode: "strike" },
      acled: { eventType: "Protests", subEventType: "Peaceful protest" }
    })
    expect(Mapping.strikeMapping("general").plover).toEqual({ type: "PROTEST", mode: "general" })
  })

  it("detention → CAMEO 173, PLOVER COERCE arrest, ACLED Strategic developments / Arrests", () => {
    expect(Mapping.kindMappings.detention).toEqual({
      cameo: { code: "173", label: "Arrest, detain, or charge with legal action" },
      plover: { type: "COERCE", mode: "arrest" },
      acled: { eventType: "Strategic developments", subEventType: "Arrests" }
    })
    expect(Mapping.detentionMapping({ atProtest: true }).acled.subEventType).toBe("Protest with intervention")
  })

  it("a blockade obstructs passage; barricades make it a violent demonstration in ACLED", () => {
    expect(Mapping.rallyMapping("blockade").cameo.code).toBe("144")
    expect(Mapping.rallyMapping("blockade").plover).toEqual({ type: "PROTEST", mode: "obstruct" })
    expect(Mapping.rallyMapping("blockade", { barricades: true }).acled).toEqual({
      eventType: "Riots",
      subEventType: "Violent demonstration"
    })
    expect(Mapping.rallyMapping("sit-in")).toBe(Mapping.kindMappings.rally)
  })

  it("a lethal dispersal is excessive force against protesters", () => {
    expect(Mapping.dispersalMapping({ lethal: false })).toBe(Mapping.kindMappings.dispersal)
    expect(Mapping.dispersalMapping({ lethal: false }).acled.subEventType).toBe("Protest with intervention")
    const shooting = Mapping.dispersalMapping({ lethal: true, liveFire: true })
    expect(shooting.acled.subEventType).toBe("Excessive force against protesters")
    expect(shooting.plover).toEqual({ type: "ASSAULT", mode: "firearms" })
    expect(shooting.cameo.code).toBe("175")
  })

  it("emergency measures follow CAMEO 172x", () => {
    expect(Mapping.emergencyMapping("state-of-emergency").cameo.code).toBe("1724")
    expect(Mapping.emergencyMapping("curfew").cameo.code).toBe("1723")
    expect(Mapping.emergencyMapping("ban").cameo.code).toBe("1721")
    expect(Mapping.emergencyMapping("organization-ban").plover).toEqual({ type: "COERCE", mode: "ban" })
    expect(Mapping.emergencyMapping("military-deployment").plover).toEqual({ type: "MOBILIZE", mode: "troops" })
  })

  it("PLOVER separates a declared amnesty from an actual release", () => {
    expect(Mapping.releaseMapping("amnesty").plover).toEqual({ type: "CONCEDE" })
    expect(Mapping.releaseMapping("parole").plover).toEqual({ type: "RETREAT", mode: "release" })
    expect(Mapping.releaseMapping("amnesty").cameo.code).toBe("0841")
  })

  it("a verdict that imprisons is CAMEO 173, otherwise 116", () => {
    expect(Mapping.trialMapping("verdict").cameo.code).toBe("116")
    expect(Mapping.trialMapping("verdict", { custodial: true }).cameo.code).toBe("173")
    expect(Mapping.trialMapping("hearing")).toBe(Mapping.kindMappings.trial)
  })
})

describe("the Mapping schema", () => {
  const strike = Mapping.kindMappings.strike

  it("rejects a sub-event type of another event type, naming the path", () => {
    const r = decode({ ...strike, acled: { eventType: "Protests", subEventType: "Arrests" } })
    expect(Result.isFailure(r) && r.failure.message).toMatch(/at \["acled"\]\["subEventType"\]/)
  })

  it("rejects a CAMEO code that is not 2–4 digits and an unknown PLOVER type", () => {
    for (const code of ["1", "14a", "12345", ""]) {
      const r = decode({ ...strike, cameo: { code, label: "x" } })
      expect(Result.isFailure(r) && r.failure.message).toMatch(/at \["cameo"\]\["code"\]/)
    }
    const r = decode({ ...strike, plover: { type: "DEMAND" } })
    expect(Result.isFailure(r) && r.failure.message).toMatch(/at \["plover"\]\["type"\]/)
  })

  it("accepts a user-defined PLOVER mode (PLOVER allows extensions)", () => {
    expect(Result.isSuccess(decode({ ...strike, plover: { type: "PROTEST", mode: "work-to-rule" } }))).toBe(true)
  })
})

describe("types", () => {
  it("ties ACLED sub-event types to their event type", () => {
    expectTypeOf<Mapping.AcledSubEventType<"Riots">>().toEqualTypeOf<"Violent demonstration" | "Mob violence">()
    expectTypeOf<Mapping.Mapping["acled"]>().toExtend<{ eventType: Mapping.AcledEventType }>()
    expectTypeOf<Extract<Mapping.Mapping["acled"], { eventType: "Protests" }>["subEventType"]>()
      .toEqualTypeOf<Mapping.AcledSubEventType<"Protests">>()
    expectTypeOf<Mapping.BuiltInKind>().toExtend<keyof typeof Mapping.kindMappings>()
    expectTypeOf(Mapping.kindMappings.strike.plover.type).toEqualTypeOf<Mapping.PloverType>()
  })
})
