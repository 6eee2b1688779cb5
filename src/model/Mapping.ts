/**
 * How event kinds map to the three codebooks that protest and conflict data are exchanged in:
 * CAMEO (event codes), PLOVER (event type and mode) and ACLED (event and sub-event type).
 *
 * `kindMappings` gives the nearest default for each built-in kind; the `…Mapping` helpers pick a
 * more specific code from an event's details, but only where a codebook itself draws the line
 * (a blockade is CAMEO 144, not 141; a lethal dispersal is ACLED "Excessive force against
 * protesters").
 *
 * Sources checked: the CAMEO manual 1.1b3 (Schrodt, Gerner, Yilmaz; labels and usage notes),
 * the PLOVER manual draft 0.8 (openeventdata/PLOVER, event types and mode tables) with its
 * CAMEO-to-PLOVER table of 2021, and the ACLED codebook (event and sub-event types, 2023–2024).
 *
 * Gotchas: PLOVER's manual calls the request category `DEMAND`; the POLECAT data set that
 * implements PLOVER, and this module, call it `REQUEST`. PLOVER dropped CAMEO's "make public
 * statement" and "appeal" categories, so statements map to the nearest verbal category.
 *
 * @example
 * ```ts
 * import { Mapping } from "protest-chronicle"
 *
 * Mapping.kindMappings.strike.cameo.code          // "143"
 * Mapping.rallyMapping("blockade").plover         // { type: "PROTEST", mode: "obstruct" }
 * Mapping.dispersalMapping({ lethal: true }).acled.subEventType // "Excessive force against protesters"
 * ```
 *
 * @since 0.1.0
 *
 * @module
 */
import { Schema } from "effect"
import { type AcledEventType, type AcledSubEventType, acledSubEventTypes, cameoLabels, type PloverType, ploverTypes } from "./Codebooks.js"

// The codebooks' vocabularies are data, kept in `Codebooks.ts`; this module re-exports them.
export {
  type AcledEventType,
  acledEventTypes,
  type AcledSubEventType,
  acledSubEventTypes,
  ploverModes,
  type PloverType,
  ploverTypes
} from "./Codebooks.js"


// ---------------------------------------------------------------------------------------------
// Schema
// ---------------------------------------------------------------------------------------------

const CameoCode = Schema.String.check(
  Schema.isPattern(/^\d{2,4}$/u, { expected: "a CAMEO code of 2 to 4 digits, such as \"143\"" })
)

const acledStruct = <E extends AcledEventType>(eventType: E) =>
  Schema.Struct({
    eventType: Schema.Literal(eventType),
    subEventType: Schema.Literals(acledSubEventTypes[eventType])
  })

const AcledMapping = Schema.Union([
  acledStruct("Battles"),
  acledStruct("Protests"),
  acledStruct("Riots"),
  acledStruct("Explosions/Remote violence"),
  acledStruct("Violence against civilians"),
  acledStruct("Strategic developments")
]).annotate({ identifier: "AcledMapping", description: "An ACLED event type and one of its own sub-event types." })

/**
 * A kind's place in the three codebooks: a CAMEO code (2–4 digits, as a string: `"143"`) with
 * its label, a PLOVER event type with an optional mode, and an ACLED event type with a sub-event
 * type that belongs to it.
 *
 * @since 0.1.0
 *
 * @category schemas
 */
export const Mapping = Schema.Struct({
  cameo: Schema.Struct({ code: CameoCode, label: Schema.NonEmptyString }),
  plover: Schema.Struct({ type: Schema.Literals(ploverTypes), mode: Schema.optionalKey(Schema.NonEmptyString) }),
  acled: AcledMapping
}).annotate({
  identifier: "Mapping",
  title: "Mapping",
  description: "The nearest CAMEO code, PLOVER type and mode, and ACLED event and sub-event type of an event."
})

/**
 * A decoded mapping.
 *
 * @since 0.1.0
 *
 * @category models
 */
export type Mapping = typeof Mapping.Type

// ---------------------------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------------------------

type KnownCameoCode = keyof typeof cameoLabels
type Acled = typeof AcledMapping.Type

// Mappings are shared constants: freeze them so that no caller can change another's.
const mapping = (
  code: KnownCameoCode,
  plover: readonly [PloverType, string?],
  acled: Acled
): Mapping => {
  const [type, mode] = plover
  return Object.freeze({
    cameo: Object.freeze({ code, label: cameoLabels[code] }),
    plover: Object.freeze(mode === undefined ? { type } : { type, mode }),
    acled: Object.freeze({ ...acled })
  })
}

const protests = (subEventType: AcledSubEventType<"Protests">): Acled => ({ eventType: "Protests", subEventType })
const riots = (subEventType: AcledSubEventType<"Riots">): Acled => ({ eventType: "Riots", subEventType })
const civilians = (subEventType: AcledSubEventType<"Violence against civilians">): Acled => ({
  eventType: "Violence against civilians",
  subEventType
})
const strategic = (subEventType: AcledSubEventType<"Strategic developments">): Acled => ({
  eventType: "Strategic developments",
  subEventType
})

// ---------------------------------------------------------------------------------------------
// Built-in kinds
// ---------------------------------------------------------------------------------------------

/**
 * The thirteen built-in event kinds.
 *
 * @since 0.1.0
 *
 * @category mappings
 */
export const builtInKinds = [
  "strike",
  "hunger-strike",
  "rally",
  "dispersal",
  "violence",
  "detention",
  "official-statement",
  "emergency-measure",
  "trial",
  "release",
  "concession",
  "layoff",
  "negotiation"
] as const

/**
 * A built-in event kind.
 *
 * @since 0.1.0
 *
 * @category models
 */
export type BuiltInKind = typeof builtInKinds[number]

/**
 * The nearest default mapping of each built-in kind, for when an event's details are unknown or
 * do not matter. Each entry notes why it was chosen and from which codebook section; the
 * `…Mapping` helpers refine it from the details.
 *
 * Gotchas: some kinds have no good home in a codebook (CAMEO has no labour-relations codes,
 * PLOVER no neutral statements, ACLED records strikes only when people demonstrate); the nearest
 * code is used and the entry says so.
 *
 * @since 0.1.0
 *
 * @category mappings
 */
export const kindMappings: { readonly [K in BuiltInKind]: Mapping } = Object.freeze({
  // CAMEO 14 PROTEST/143; PLOVER PROTEST mode "strike" (limited strike); ACLED Protests counts strikes only when workers demonstrate — nearest.
  strike: mapping("143", ["PROTEST", "strike"], protests("Peaceful protest")),
  // CAMEO 142; PLOVER PROTEST mode "hunger"; ACLED Protests excludes individual hunger strikes — a collective, public one is nearest a peaceful protest.
  "hunger-strike": mapping("142", ["PROTEST", "hunger"], protests("Peaceful protest")),
  // CAMEO 141 "Demonstrate or rally"; PLOVER PROTEST mode "demo"; ACLED Protests/Peaceful protest (no force reported).
  rally: mapping("141", ["PROTEST", "demo"], protests("Peaceful protest")),
  // CAMEO 175 (crowd-control repression, tear gas example); PLOVER COERCE (repression of rights, no mode fits); ACLED Protests/Protest with intervention (no serious injuries).
  dispersal: mapping("175", ["COERCE"], protests("Protest with intervention")),
  // CAMEO 180 (unconventional violence, weapon unspecified); PLOVER ASSAULT; ACLED Violence against civilians/Attack (one-sided violence on unarmed people).
  violence: mapping("180", ["ASSAULT"], civilians("Attack")),
  // CAMEO 173 "Arrest, detain, or charge"; PLOVER COERCE mode "arrest"; ACLED Strategic developments/Arrests (politically significant arrests).
  detention: mapping("173", ["COERCE", "arrest"], strategic("Arrests")),
  // CAMEO 010 "Make statement"; PLOVER dropped CAMEO 01, so ACCUSE, its mildest conflict type, is a forced fit — use statementMapping; ACLED Strategic developments/Other.
  "official-statement": mapping("010", ["ACCUSE"], strategic("Other")),
  // CAMEO 172 "Impose administrative sanctions" (parent of curfew, emergency, bans); PLOVER COERCE; ACLED Strategic developments/Other.
  "emergency-measure": mapping("172", ["COERCE"], strategic("Other")),
  // CAMEO 115 (the state brings a case); PLOVER ACCUSE mode "allege" (indict, bring to trial); ACLED does not code trials — Strategic developments/Other.
  trial: mapping("115", ["ACCUSE", "allege"], strategic("Other")),
  // CAMEO 0841 (incl. pardons, amnesties); PLOVER RETREAT mode "release" (material yielding); ACLED Strategic developments/Agreement lists prisoner releases.
  release: mapping("0841", ["RETREAT", "release"], strategic("Agreement")),
  // CAMEO 0832 (its example is a pay rule, the usual labour concession); PLOVER CONCEDE (CAMEO 081–083); ACLED has no concession type — Strategic developments/Other.
  concession: mapping("0832", ["CONCEDE"], strategic("Other")),
  // No labour code in CAMEO: nearest is 160 "Reduce relations"; PLOVER SANCTION mode "discontinue" (ending an exchange); ACLED does not code layoffs — Strategic developments/Other.
  layoff: mapping("160", ["SANCTION", "discontinue"], strategic("Other")),
  // CAMEO 046 "Engage in negotiation" (talks, bargaining); PLOVER CONSULT (no negotiation mode); ACLED Strategic developments/Agreement includes talks.
  negotiation: mapping("046", ["CONSULT"], strategic("Agreement"))
})

// ---------------------------------------------------------------------------------------------
// Refinements
// ---------------------------------------------------------------------------------------------

/**
 * A strike, by scope: PLOVER tells a `"general"` strike (abandonment of all workplaces) from a
 * `"limited"` one (a sector or an employer). CAMEO and ACLED do not.
 *
 * @since 0.1.0
 *
 * @category mappings
 */
export const strikeMapping = (scope: "limited" | "general"): Mapping =>
  scope === "general" ? mapping("143", ["PROTEST", "general"], protests("Peaceful protest")) : kindMappings.strike

/**
 * A rally, by form. A blockade obstructs passage (CAMEO 144, PLOVER mode `obstruct`); ACLED
 * counts road-blocking with barricades or other material as a violent demonstration
 * (`barricades: true`). A rally that turned `violent` is a riot in all three codebooks (CAMEO 145,
 * PLOVER mode `riot`, ACLED Riots). Demonstrations, marches, sit-ins, pickets and gatherings are
 * all CAMEO 141 / PLOVER `demo`.
 *
 * @since 0.1.0
 *
 * @category mappings
 */
export const rallyMapping = (
  form: "demonstration" | "march" | "sit-in" | "picket" | "blockade" | "gathering",
  options?: { readonly violent?: boolean; readonly barricades?: boolean }
): Mapping => {
  if (options?.violent === true) return mapping("145", ["PROTEST", "riot"], riots("Violent demonstration"))
  if (form !== "blockade") return kindMappings.rally
  return mapping(
    "144",
    ["PROTEST", "obstruct"],
    options?.barricades === true ? riots("Violent demonstration") : protests("Peaceful protest")
  )
}

/**
 * A dispersal, by severity. ACLED tells "Protest with intervention" from "Excessive force
 * against protesters" (lethal violence, serious injuries, or live fire at peaceful protesters);
 * PLOVER moves from COERCE (repression) to ASSAULT, with mode `firearms` for live fire. CAMEO
 * keeps 175 for both.
 *
 * @since 0.1.0
 *
 * @category mappings
 */
export const dispersalMapping = (details: {
  readonly lethal: boolean
  readonly seriousInjuries?: boolean
  readonly liveFire?: boolean
}): Mapping => {
  if (details?.lethal !== true && details?.seriousInjuries !== true && details?.liveFire !== true) return kindMappings.dispersal
  return mapping(
    "175",
    details.liveFire === true ? ["ASSAULT", "firearms"] : ["ASSAULT"],
    protests("Excessive force against protesters")
  )
}

/**
 * Violence with casualties, by form. CAMEO and PLOVER distinguish the means (shooting: CAMEO 193,
 * PLOVER `firearms`; beating: 182, `beat`; arson: 1712, `destroy`) and a `targetedKilling` of a
 * political figure (186, `assassinate`). ACLED distinguishes the perpetrator: a mob (`byMob`) is
 * Riots/Mob violence, clashes are Riots/Violent demonstration, anyone else Violence against
 * civilians/Attack.
 *
 * @since 0.1.0
 *
 * @category mappings
 */
export const violenceMapping = (
  form: "shooting" | "killing" | "beating" | "clashes" | "arson" | "death" | "other",
  options?: { readonly byMob?: boolean; readonly targetedKilling?: boolean }
): Mapping => {
  if (form === "clashes") return mapping("145", ["PROTEST", "riot"], riots("Violent demonstration"))
  const acled = options?.byMob === true ? riots("Mob violence") : civilians("Attack")
  if (options?.targetedKilling === true) return mapping("186", ["ASSAULT", "assassinate"], acled)
  switch (form) {
    case "shooting":
      return mapping("193", ["ASSAULT", "firearms"], acled)
    case "beating":
      return mapping("182", ["ASSAULT", "beat"], acled)
    case "arson":
      return mapping("1712", ["ASSAULT", "destroy"], acled)
    default:
      return mapping("180", ["ASSAULT"], acled)
  }
}

/**
 * A detention, by context. Only ACLED distinguishes: arrests during a protest are "Protest with
 * intervention", extrajudicial detention by state forces is "Abduction/forced disappearance", and
 * other politically significant arrests are Strategic developments/Arrests.
 *
 * @since 0.1.0
 *
 * @category mappings
 */
export const detentionMapping = (context?: {
  readonly atProtest?: boolean
  readonly extrajudicial?: boolean
}): Mapping => {
  if (context?.extrajudicial === true) {
    return mapping("173", ["COERCE", "arrest"], civilians("Abduction/forced disappearance"))
  }
  if (context?.atProtest === true) return mapping("173", ["COERCE", "arrest"], protests("Protest with intervention"))
  return kindMappings.detention
}

/**
 * An emergency measure, by measure: CAMEO 1724 / PLOVER `martial-law` for a state of emergency,
 * 1723 / `curfew`, 1721 / `restrict` for a ban on gatherings, 1722 / `ban` for banning an
 * organisation, 1721 / `withhold` for an internet shutdown, and a deployment of police (153) or
 * troops (154) is PLOVER MOBILIZE and ACLED "Change to group/activity". ACLED has no closer type
 * than Strategic developments/Other for the rest.
 *
 * @since 0.1.0
 *
 * @category mappings
 */
export const emergencyMapping = (
  measure:
    | "state-of-emergency"
    | "curfew"
    | "ban"
    | "organization-ban"
    | "internet-shutdown"
    | "deployment"
    | "military-deployment"
    | "other"
): Mapping => {
  switch (measure) {
    case "state-of-emergency":
      return mapping("1724", ["COERCE", "martial-law"], strategic("Other"))
    case "curfew":
      return mapping("1723", ["COERCE", "curfew"], strategic("Other"))
    case "ban":
      return mapping("1721", ["COERCE", "restrict"], strategic("Other"))
    case "organization-ban":
      return mapping("1722", ["COERCE", "ban"], strategic("Other"))
    case "internet-shutdown":
      return mapping("1721", ["COERCE", "withhold"], strategic("Other"))
    case "deployment":
      return mapping("153", ["MOBILIZE", "police"], strategic("Change to group/activity"))
    case "military-deployment":
      return mapping("154", ["MOBILIZE", "troops"], strategic("Change to group/activity"))
    case "other":
      return kindMappings["emergency-measure"]
  }
}

/**
 * Court proceedings, by stage. A verdict is CAMEO 116 / PLOVER SANCTION `convict`; CAMEO codes a
 * verdict that sends people to prison (`custodial`) as 173 instead. Every other stage is the
 * default (CAMEO 115, PLOVER ACCUSE `allege`). A verdict that acquits is better recorded as a
 * release.
 *
 * @since 0.1.0
 *
 * @category mappings
 */
export const trialMapping = (
  stage: "charge" | "lawsuit" | "opening" | "hearing" | "verdict" | "appeal" | "parole-hearing",
  options?: { readonly custodial?: boolean }
): Mapping => {
  if (stage !== "verdict") return kindMappings.trial
  return mapping(options?.custodial === true ? "173" : "116", ["SANCTION", "convict"], strategic("Other"))
}

/**
 * A release, by form. PLOVER codes a formal `amnesty` or `pardon` as CONCEDE and the actual
 * freeing of people as RETREAT `release`; CAMEO (0841) and ACLED do not distinguish.
 *
 * @since 0.1.0
 *
 * @category mappings
 */
export const releaseMapping = (form: "release" | "amnesty" | "parole" | "pardon" | "acquittal" | "bail"): Mapping =>
  form === "amnesty" || form === "pardon"
    ? mapping("0841", ["CONCEDE"], strategic("Agreement"))
    : kindMappings.release

/**
 * A concession, by subject. A signed agreement is CAMEO 057 / PLOVER SUPPORT / ACLED Agreement;
 * a concession on `personnel` (a manager or official removed on demand) is CAMEO 0831; any other
 * subject is the default (0832, a change of policy).
 *
 * @since 0.1.0
 *
 * @category mappings
 */
export const concessionMapping = (details: {
  readonly subject?: "wages" | "jobs" | "prices" | "personnel" | "policy" | "other"
  readonly signedAgreement?: boolean
}): Mapping => {
  if (details?.signedAgreement === true) return mapping("057", ["SUPPORT"], strategic("Agreement"))
  if (details?.subject === "personnel") return mapping("0831", ["CONCEDE"], strategic("Other"))
  return kindMappings.concession
}

/**
 * Talks, by form: negotiation (CAMEO 046, ACLED Agreement, which covers talks), a meeting without
 * bargaining (040), mediation (045) — all PLOVER CONSULT — and a commission, inquiry or its
 * report, which investigate (CAMEO 090, PLOVER ACCUSE `investigate`, whose definition names
 * commissions).
 *
 * @since 0.1.0
 *
 * @category mappings
 */
export const negotiationMapping = (
  form: "negotiation" | "meeting" | "mediation" | "commission" | "inquiry" | "report"
): Mapping => {
  switch (form) {
    case "negotiation":
      return kindMappings.negotiation
    case "meeting":
      return mapping("040", ["CONSULT"], strategic("Other"))
    case "mediation":
      return mapping("045", ["CONSULT"], strategic("Agreement"))
    default:
      return mapping("090", ["ACCUSE", "investigate"], strategic("Other"))
  }
}

/**
 * An official statement, by stance. PLOVER has no category for plain statements, so the stance
 * decides: an `appeal` is REQUEST (CAMEO 020), a `warning` THREATEN (130), a `concession`
 * CONCEDE (035), an `acknowledgement` AGREE (015), a `denial` REJECT (016) and a `condemnation`
 * ACCUSE `disapprove` (111) — the 015/016 choices follow the PLOVER manual's suggestion. Anything
 * else keeps the default. ACLED has no statement type (Strategic developments/Other).
 *
 * @since 0.1.0
 *
 * @category mappings
 */
export const statementMapping = (
  stance: "appeal" | "warning" | "concession" | "acknowledgement" | "denial" | "condemnation" | "information" | "other"
): Mapping => {
  switch (stance) {
    case "appeal":
      return mapping("020", ["REQUEST"], strategic("Other"))
    case "warning":
      return mapping("130", ["THREATEN"], strategic("Other"))
    case "concession":
      return mapping("035", ["CONCEDE"], strategic("Other"))
    case "acknowledgement":
      return mapping("015", ["AGREE"], strategic("Other"))
    case "denial":
      return mapping("016", ["REJECT"], strategic("Other"))
    case "condemnation":
      return mapping("111", ["ACCUSE", "disapprove"], strategic("Other"))
    default:
      return kindMappings["official-statement"]
  }
}
