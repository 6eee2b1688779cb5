import { Result, Schema } from "effect"
import { describe, expect, expectTypeOf, it } from "vitest"
import { cameoLabels } from "../../src/model/Codebooks.js"
import * as Acled from "../codebooks/acled.js"
import * as Cameo from "../codebooks/cameo.js"
import * as Plover from "../codebooks/plover.js"
import * as Mapping from "../../src/model/Mapping.js"

const decode = Schema.decodeUnknownResult(Mapping.Mapping)
const sides = ["state-forces", "protesters", "rioters", "civilians", "armed-group", "unknown"] as const

// Every mapping this module can produce, with a name for failure messages.
const everyMapping: ReadonlyArray<readonly [string, Mapping.Mapping]> = [
  ...Mapping.builtInKinds.map((k) => [`kind ${k}`, Mapping.kindMappings[k]] as const),
  ...(["limited", "general"] as const).map((s) => [`strike ${s}`, Mapping.strikeMapping(s)] as const),
  ["strike with a demonstration", Mapping.strikeMapping("limited", { demonstration: true })],
  ...(["leadership-change", "policy-change", "rights", "institutional-change"] as const).flatMap((demandsFor) => [
    [`strike for ${demandsFor}`, Mapping.strikeMapping(undefined, { demandsFor })] as const,
    [`hunger strike for ${demandsFor}`, Mapping.hungerStrikeMapping({ demandsFor, collective: true })] as const,
    [`march for ${demandsFor}`, Mapping.rallyMapping("march", { demandsFor })] as const,
    [`blockade for ${demandsFor}`, Mapping.rallyMapping("blockade", { demandsFor })] as const,
    [`riot for ${demandsFor}`, Mapping.rallyMapping("march", { demandsFor, violent: true })] as const
  ]),
  ["hunger strike declared", Mapping.hungerStrikeMapping({ declaredOnly: true })],
  ["hunger strike individual", Mapping.hungerStrikeMapping({})],
  ...(["demonstration", "march", "sit-in", "picket", "blockade", "gathering"] as const).flatMap((f) => [
    [`rally ${f}`, Mapping.rallyMapping(f)] as const,
    [`rally ${f} violent`, Mapping.rallyMapping(f, { violent: true })] as const,
    [`rally ${f} barricades`, Mapping.rallyMapping(f, { barricades: true })] as const
  ]),
  ...[false, true].flatMap((lethal) =>
    [false, true].map((liveFire) => [`dispersal ${lethal} ${liveFire}`, Mapping.dispersalMapping({ lethal, liveFire })] as const)
  ),
  ...(["physical", "batons", "tear-gas", "stun-grenades", "water-cannon", "rubber-bullets", "warning-shots", "crowd-control", "live-fire", "vehicles", "arrests"] as const)
    .map((f) => [`dispersal with ${f}`, Mapping.dispersalMapping({ lethal: false, force: [f] })] as const),
  ["dispersal seriously injuring", Mapping.dispersalMapping({ lethal: false, seriousInjuries: true })],
  ...(["shooting", "killing", "beating", "clashes", "arson", "death", "other"] as const).flatMap((f) => [
    [`violence ${f}`, Mapping.violenceMapping(f)] as const,
    [`violence ${f} mob`, Mapping.violenceMapping(f, { byMob: true })] as const,
    [`violence ${f} targeted`, Mapping.violenceMapping(f, { targetedKilling: true })] as const,
    ...sides.flatMap((by) => sides.map((against) => [`violence ${f} by ${by} against ${against}`, Mapping.violenceMapping(f, { between: { by, against } })] as const))
  ]),
  ["detention at protest", Mapping.detentionMapping({ atProtest: true })],
  ["detention extrajudicial", Mapping.detentionMapping({ extrajudicial: true })],
  ...(["routine", "mass", "prominent"] as const).map((significance) => [`detention ${significance}`, Mapping.detentionMapping({ significance })] as const),
  ...([
    "state-of-emergency",
    "curfew",
    "ban",
    "organization-ban",
    "party-ban",
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
  ...(["wages", "jobs", "prices", "personnel", "policy", "end-of-action", "other"] as const).map((subject) =>
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
    if (m.acled !== undefined) expect(Mapping.acledSubEventTypes[m.acled.eventType] as ReadonlyArray<string>).toContain(m.acled.subEventType)
  })

  it.each(everyMapping)("%s: the PLOVER mode is one the manual lists for the type", (_, m) => {
    if (m.plover?.mode !== undefined) expect(Mapping.ploverModes[m.plover.type]).toContain(m.plover.mode)
  })

  it.each(everyMapping)("%s: the CAMEO label is the one the table gives the code", (_, m) => {
    expect(m.cameo.label).toBe(cameoLabels[m.cameo.code as keyof typeof cameoLabels])
  })

  it.each(everyMapping)("%s: the CAMEO code starts with a root code of 01–20", (_, m) => {
    const root = Number(m.cameo.code.slice(0, 2))
    expect(root).toBeGreaterThanOrEqual(1)
    expect(root).toBeLessThanOrEqual(20)
  })

  it("cannot be changed by a caller", () => {
    expect(Object.isFrozen(Mapping.kindMappings)).toBe(true)
    expect(Object.isFrozen(Mapping.kindMappings.rally.acled)).toBe(true)
    expect(Object.isFrozen(Mapping.kindMappings.strike.plover)).toBe(true)
    expect(() => {
      ;(Mapping.kindMappings.strike.cameo as { code: string }).code = "999"
    }).toThrow(TypeError)
  })
})

describe("spot checks, one per correction of issue 16", () => {
  const acledOf = (m: Mapping.Mapping) => m.acled === undefined ? undefined : `${m.acled.eventType}/${m.acled.subEventType}`

  it("a strike is CAMEO 143, PLOVER PROTEST strike; ACLED only when the strikers demonstrate", () => {
    expect(Mapping.kindMappings.strike).toEqual({
      cameo: { code: "143", label: "Conduct strike or boycott, not specified below" },
      plover: { type: "PROTEST", mode: "strike" }
    })
    // PLOVER 2.0 dropped the "general" mode: a general strike is a strike.
    expect(Mapping.strikeMapping("general").plover).toEqual({ type: "PROTEST", mode: "strike" })
    expect(acledOf(Mapping.strikeMapping("limited", { demonstration: true }))).toBe("Protests/Peaceful protest")
    expect(Mapping.strikeMapping(undefined, { demandsFor: "policy-change" }).cameo).toEqual({ code: "1432", label: "Conduct strike or boycott for policy change" })
  })

  it("a hunger strike only announced is CAMEO 133; ACLED records only a collective one", () => {
    expect(Mapping.hungerStrikeMapping({ declaredOnly: true }).cameo.code).toBe("133")
    expect(Mapping.hungerStrikeMapping({ declaredOnly: true }).plover?.type).toBe("THREATEN")
    expect(Mapping.kindMappings["hunger-strike"].acled).toBeUndefined()
    expect(acledOf(Mapping.hungerStrikeMapping({ collective: true }))).toBe("Protests/Peaceful protest")
  })

  it("statements, trials, layoffs, concessions, talks and routine releases are not ACLED events", () => {
    for (const kind of ["official-statement", "trial", "layoff", "concession", "negotiation", "release", "detention"] as const) {
      expect(Mapping.kindMappings[kind].acled, kind).toBeUndefined()
    }
    for (const stance of ["appeal", "warning", "condemnation", "information"] as const) expect(Mapping.statementMapping(stance).acled).toBeUndefined()
    for (const form of ["negotiation", "meeting", "mediation", "commission"] as const) expect(Mapping.negotiationMapping(form).acled).toBeUndefined()
    expect(Mapping.trialMapping("verdict", { custodial: true }).acled).toBeUndefined()
    for (const form of ["release", "parole", "bail", "acquittal"] as const) expect(Mapping.releaseMapping(form).acled).toBeUndefined()
  })

  it("a plain statement has no PLOVER category; a stance gives one", () => {
    expect(Mapping.kindMappings["official-statement"]).toEqual({ cameo: { code: "010", label: "Make statement, not specified below" } })
    expect(Mapping.statementMapping("information").plover).toBeUndefined()
    expect(Mapping.statementMapping("appeal").plover).toEqual({ type: "REQUEST" })
    expect(Mapping.statementMapping("condemnation").plover).toEqual({ type: "ACCUSE", mode: "disapprove" })
  })

  it("a dispersal folds into the protest's row; killing, serious injury or live fire make it excessive force", () => {
    expect(acledOf(Mapping.kindMappings.dispersal)).toBe("Protests/Protest with intervention")
    expect(acledOf(Mapping.dispersalMapping({ lethal: true }))).toBe("Protests/Excessive force against protesters")
    expect(acledOf(Mapping.dispersalMapping({ lethal: false, seriousInjuries: true }))).toBe("Protests/Excessive force against protesters")
    expect(acledOf(Mapping.dispersalMapping({ lethal: false, force: ["live-fire"] }))).toBe("Protests/Excessive force against protesters")
    expect(acledOf(Mapping.dispersalMapping({ lethal: false, force: ["warning-shots", "tear-gas"] }))).toBe("Protests/Protest with intervention")
  })

  it("police opening fire on a crowd is CAMEO 193; tear gas, water cannon and batons are ASSAULT crowd-control", () => {
    const fire = Mapping.dispersalMapping({ lethal: true, liveFire: true })
    expect(fire.cameo.code).toBe("193")
    expect(fire.plover).toEqual({ type: "ASSAULT", mode: "firearms" })
    for (const f of ["tear-gas", "water-cannon", "batons", "warning-shots"] as const) {
      expect(Mapping.dispersalMapping({ lethal: false, force: [f] }).plover).toEqual({ type: "ASSAULT", mode: "crowd-control" })
    }
    expect(Mapping.dispersalMapping({ lethal: false, force: ["arrests"] }).plover).toEqual({ type: "COERCE", mode: "arrest" })
    // Police pushing people back, with no named weapon: COERCE restrict.
    expect(Mapping.dispersalMapping({ lethal: false, force: ["physical"] }).plover).toEqual({ type: "COERCE", mode: "restrict" })
    expect(Mapping.dispersalMapping({ lethal: false })).toBe(Mapping.kindMappings.dispersal)
  })

  it("a killing with the weapon unknown is CAMEO 190; a targeted killing is PLOVER ASSAULT targeted", () => {
    expect(Mapping.violenceMapping("killing").cameo.code).toBe("190")
    expect(Mapping.violenceMapping("killing", { targetedKilling: true }).plover).toEqual({ type: "ASSAULT", mode: "targeted" })
  })

  it("who used violence against whom decides the ACLED type", () => {
    const between = (by: typeof sides[number], against: typeof sides[number]) => acledOf(Mapping.violenceMapping("shooting", { between: { by, against } }))
    expect(between("state-forces", "protesters")).toBe("Protests/Excessive force against protesters")
    expect(between("state-forces", "civilians")).toBe("Violence against civilians/Attack")
    expect(between("rioters", "civilians")).toBe("Riots/Mob violence")
    expect(between("protesters", "state-forces")).toBe("Riots/Violent demonstration")
    expect(between("state-forces", "armed-group")).toBe("Battles/Armed clash")
    expect(acledOf(Mapping.violenceMapping("clashes"))).toBe("Riots/Violent demonstration")
  })

  it("arrests: at a protest they fold into its row; mass or prominent ones are Arrests; routine ones are not coded", () => {
    expect(Mapping.kindMappings.detention).toEqual({
      cameo: { code: "173", label: "Arrest, detain, or charge with legal action" },
      plover: { type: "COERCE", mode: "arrest" }
    })
    expect(acledOf(Mapping.detentionMapping({ atProtest: true }))).toBe("Protests/Protest with intervention")
    expect(acledOf(Mapping.detentionMapping({ significance: "mass" }))).toBe("Strategic developments/Arrests")
    expect(acledOf(Mapping.detentionMapping({ significance: "prominent" }))).toBe("Strategic developments/Arrests")
    expect(Mapping.detentionMapping({ significance: "routine" }).acled).toBeUndefined()
    expect(acledOf(Mapping.detentionMapping({ extrajudicial: true }))).toBe("Violence against civilians/Abduction/forced disappearance")
  })

  it("banning a union or NGO is CAMEO 1721, a party 1722; PLOVER 2.0 has no ban mode", () => {
    expect(Mapping.emergencyMapping("organization-ban").cameo.code).toBe("1721")
    expect(Mapping.emergencyMapping("party-ban").cameo.code).toBe("1722")
    expect(Mapping.emergencyMapping("organization-ban").plover).toEqual({ type: "COERCE", mode: "restrict" })
    expect(Mapping.emergencyMapping("state-of-emergency").cameo.code).toBe("1724")
    expect(Mapping.emergencyMapping("curfew").cameo.code).toBe("1723")
    expect(Mapping.emergencyMapping("military-deployment").plover).toEqual({ type: "MOBILIZE", mode: "troops" })
  })

  it("a union calling off a strike is CAMEO 082; a signed agreement is ACLED Agreement", () => {
    expect(Mapping.concessionMapping({ subject: "end-of-action" }).cameo).toEqual({ code: "082", label: "Ease political dissent" })
    expect(acledOf(Mapping.concessionMapping({ signedAgreement: true }))).toBe("Strategic developments/Agreement")
  })

  it("a custodial verdict is CAMEO 173, otherwise 116; an acquittal is CONCEDE", () => {
    expect(Mapping.trialMapping("verdict").cameo.code).toBe("116")
    expect(Mapping.trialMapping("verdict", { custodial: true }).cameo.code).toBe("173")
    expect(Mapping.trialMapping("hearing")).toBe(Mapping.kindMappings.trial)
    expect(Mapping.releaseMapping("acquittal").plover).toEqual({ type: "CONCEDE" })
    expect(Mapping.releaseMapping("amnesty").plover).toEqual({ type: "CONCEDE" })
    expect(Mapping.releaseMapping("parole").plover).toEqual({ type: "RETREAT", mode: "release" })
  })

  it("a blockade obstructs passage; barricades make it a violent demonstration in ACLED", () => {
    expect(Mapping.rallyMapping("blockade").cameo.code).toBe("144")
    expect(Mapping.rallyMapping("blockade").plover).toEqual({ type: "PROTEST", mode: "obstruct" })
    expect(acledOf(Mapping.rallyMapping("blockade", { barricades: true }))).toBe("Riots/Violent demonstration")
    expect(Mapping.rallyMapping("sit-in")).toEqual(Mapping.kindMappings.rally)
    expect(Mapping.rallyMapping("march", { demandsFor: "rights" }).cameo.code).toBe("1413")
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
    expectTypeOf<NonNullable<Mapping.Mapping["acled"]>>().toExtend<{ eventType: Mapping.AcledEventType }>()
    expectTypeOf<Extract<NonNullable<Mapping.Mapping["acled"]>, { eventType: "Protests" }>["subEventType"]>()
      .toEqualTypeOf<Mapping.AcledSubEventType<"Protests">>()
    expectTypeOf<Mapping.BuiltInKind>().toExtend<keyof typeof Mapping.kindMappings>()
    expectTypeOf(Mapping.kindMappings.strike.plover!.type).toEqualTypeOf<Mapping.PloverType>()
  })
})

// The tables against the codebooks themselves, as transcribed in test/codebooks (sources named there).
describe("against the codebooks' own lists", () => {
  const inCameo = Cameo.cameoCodes as Readonly<Record<string, string>>

  it("PLOVER: the sixteen types and each type's modes are draft 2.0's", () => {
    expect([...Mapping.ploverTypes]).toEqual([...Plover.ploverTypes])
    for (const type of Plover.ploverTypes) expect([...Mapping.ploverModes[type]].sort(), type).toEqual([...Plover.ploverModes[type]].sort())
  })

  it.each(everyMapping)("%s: its PLOVER type and mode are in draft 2.0, and its CAMEO code and label in chapter 6", (_, m) => {
    if (m.plover?.mode !== undefined) expect(Plover.ploverModes[m.plover.type] as ReadonlyArray<string>).toContain(m.plover.mode)
    expect(inCameo[m.cameo.code]).toBe(m.cameo.label)
  })

  it("CAMEO: every label the package knows is chapter 6's", () => {
    for (const [code, label] of Object.entries(cameoLabels)) expect(inCameo[code], code).toBe(label)
  })

  it("ACLED: the event and sub-event types are the codebook's", () => {
    expect(Mapping.acledSubEventTypes).toEqual(Acled.acledSubEventTypes)
  })

  it("follows the PLOVER manual's placements", () => {
    const placement = (subject: string) => Plover.ploverPlacements.find((p) => p.subject.startsWith(subject))!
    const plover = (m: Mapping.Mapping) => (m.plover === undefined ? { type: null, mode: null } : { type: m.plover.type, mode: m.plover.mode ?? null })
    const expectPlaced = (m: Mapping.Mapping, subject: string) => {
      const p = placement(subject)
      expect(plover(m), subject).toEqual({ type: p.type, mode: p.mode })
    }
    expectPlaced(Mapping.kindMappings["official-statement"], "plain public statement")
    for (const force of ["tear-gas", "water-cannon", "warning-shots", "batons"] as const) {
      expectPlaced(Mapping.dispersalMapping({ lethal: false, force: [force] }), "tear gas, water cannon")
    }
    expectPlaced(Mapping.dispersalMapping({ lethal: false, force: ["physical"] }), "police pushed back")
    for (const form of ["acquittal", "pardon", "amnesty"] as const) expectPlaced(Mapping.releaseMapping(form), "acquittal, formal pardon")
    expectPlaced(Mapping.releaseMapping("release"), "actual release of prisoners")
    expectPlaced(Mapping.concessionMapping({ subject: "end-of-action" }), "suspending protests")
    expectPlaced(Mapping.trialMapping("verdict"), "conviction")
    expectPlaced(Mapping.trialMapping("charge"), "indictment")
    expectPlaced(Mapping.emergencyMapping("party-ban"), "banning a party")
    expectPlaced(Mapping.emergencyMapping("organization-ban"), "banning a party")
    expectPlaced(Mapping.emergencyMapping("internet-shutdown"), "internet or utility shutdown")
  })

  it("gives the CAMEO codes the usage notes confirm", () => {
    const confirmed = (claim: string) => {
      const finding = Cameo.cameoFindings.find((f) => f.claim.startsWith(claim))!
      expect(finding.status, claim).not.toBe("not confirmed")
      return finding.codes[0]
    }
    expect(Mapping.dispersalMapping({ lethal: true, force: ["live-fire"] }).cameo.code).toBe(confirmed("police opening fire on a crowd"))
    expect(Mapping.violenceMapping("killing").cameo.code).toBe(confirmed("a killing with the weapon unknown"))
    expect(Mapping.hungerStrikeMapping({ declaredOnly: true }).cameo.code).toBe(confirmed("a hunger strike only announced"))
    expect(Mapping.emergencyMapping("organization-ban").cameo.code).toBe(confirmed("banning a union or NGO"))
    expect(Mapping.emergencyMapping("party-ban").cameo.code).toBe("1722")
    expect(Mapping.concessionMapping({ subject: "end-of-action" }).cameo.code).toBe(confirmed("a union calling off a strike"))
    expect(Mapping.trialMapping("verdict", { custodial: true }).cameo.code).toBe(confirmed("a custodial verdict"))
    expect(Mapping.kindMappings.dispersal.cameo.code).toBe(confirmed("175"))
    expect(Mapping.rallyMapping("blockade").cameo.code).toBe(confirmed("(not in the issue) a blockade"))
  })

  it("ACLED: what its scope leaves out has no ACLED mapping", () => {
    expect(Mapping.kindMappings.strike.acled).toBeUndefined()
    expect(Mapping.hungerStrikeMapping({ collective: false }).acled).toBeUndefined()
    for (const kind of ["official-statement", "trial", "layoff", "concession", "negotiation"] as const) expect(Mapping.kindMappings[kind].acled).toBeUndefined()
  })
})
