/**
 * How event kinds map to the three codebooks that protest and conflict data are exchanged in:
 * CAMEO (event codes), PLOVER (event type and mode) and ACLED (event and sub-event type).
 *
 * `kindMappings` gives the nearest default for each built-in kind; the `…Mapping` helpers pick a
 * more specific code from an event's details, but only where a codebook itself draws the line
 * (a blockade is CAMEO 144, not 141; a lethal dispersal is ACLED "Excessive force against
 * protesters"). A standard that does not code an event at all has no entry: PLOVER has no
 * category for a plain public statement, and ACLED records neither strikes without a
 * demonstration, individual hunger strikes, statements, trials, layoffs, concessions, talks nor
 * routine arrests and releases, so `plover` or `acled` is then absent rather than a catch-all.
 *
 * Sources checked: the CAMEO manual 1.1b3 (Schrodt, Gerner, Yilmaz; labels and usage notes), the
 * PLOVER manual draft 2.0 of 2024 (openeventdata/PLOVER, event types and modes) and the ACLED
 * codebook (event and sub-event types). The lists are transcribed into `test/codebooks`, against
 * which the tables here are tested.
 *
 * Gotchas: ACLED codes an event as it stands on one day at one place, so a dispersal or an arrest
 * at a protest is no row of its own there: its mapping names the protest's row it folds into
 * ("Protest with intervention", or "Excessive force against protesters" when anyone was killed,
 * seriously injured or fired upon).
 *
 * @example
 * ```ts
 * import { Mapping } from "protest-chronicle"
 *
 * Mapping.kindMappings.strike.cameo.code          // "143"
 * Mapping.kindMappings.strike.acled               // undefined: ACLED does not code a strike without a demonstration
 * Mapping.rallyMapping("blockade").plover         // { type: "PROTEST", mode: "obstruct" }
 * Mapping.dispersalMapping({ lethal: true }).acled?.subEventType // "Excessive force against protesters"
 * ```
 *
 * @since 0.1.0
 *
 * @module
 */
import { Schema } from "effect"
import { type AcledEventType, acledSubEventTypes, ploverTypes } from "./Codebooks.js"
import { acledOfViolence, civilians, crowdControl, mapping, none, protestCode, protests, riots, strategic } from "./internal/mappingParts.js"

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
 * type that belongs to it. `plover` and `acled` are absent when that standard does not code the
 * event (CAMEO codes everything).
 *
 * @since 0.1.0
 *
 * @category schemas
 */
export const Mapping = Schema.Struct({
  cameo: Schema.Struct({ code: CameoCode, label: Schema.NonEmptyString }),
  plover: Schema.optionalKey(Schema.Struct({ type: Schema.Literals(ploverTypes), mode: Schema.optionalKey(Schema.NonEmptyString) })),
  acled: Schema.optionalKey(AcledMapping)
}).annotate({
  identifier: "Mapping",
  title: "Mapping",
  description: "The nearest CAMEO code, PLOVER type and mode, and ACLED event and sub-event type of an event; PLOVER or ACLED absent when that standard does not code it."
})

/**
 * A decoded mapping.
 *
 * @since 0.1.0
 *
 * @category models
 */
export type Mapping = typeof Mapping.Type

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
 * Gotchas: CAMEO has no labour-relations codes, so a layoff takes the nearest code and the entry
 * says so; ACLED is absent wherever its codebook does not record the kind without more details.
 *
 * @since 0.1.0
 *
 * @category mappings
 */
export const kindMappings: { readonly [K in BuiltInKind]: Mapping } = Object.freeze({
  // CAMEO 143; PLOVER PROTEST "strike"; ACLED records a strike only when the strikers demonstrate (strikeMapping).
  strike: mapping("143", ["PROTEST", "strike"], none),
  // CAMEO 142; PLOVER PROTEST "hunger"; ACLED does not record an individual hunger strike (hungerStrikeMapping for a collective one).
  "hunger-strike": mapping("142", ["PROTEST", "hunger"], none),
  // CAMEO 141 "Demonstrate or rally"; PLOVER PROTEST "demo"; ACLED Protests/Peaceful protest (no force or intervention reported).
  rally: mapping("141", ["PROTEST", "demo"], protests("Peaceful protest")),
  // CAMEO 175 (repression of collective dissent); PLOVER COERCE "restrict" (pushing people back; named crowd-control means make it ASSAULT); ACLED folds it into the protest's row: Protests/Protest with intervention.
  dispersal: mapping("175", ["COERCE", "restrict"], protests("Protest with intervention")),
  // CAMEO 180 (unconventional violence, means unspecified); PLOVER ASSAULT; ACLED Violence against civilians/Attack (one-sided violence on unarmed people).
  violence: mapping("180", ["ASSAULT"], civilians("Attack")),
  // CAMEO 173 "Arrest, detain, or charge"; PLOVER COERCE "arrest"; ACLED records only mass or prominent arrests, or folds arrests into a protest's row (detentionMapping).
  detention: mapping("173", ["COERCE", "arrest"], none),
  // CAMEO 010 "Make statement"; PLOVER 2.0 has no category for a plain statement (statementMapping gives one from the stance); ACLED records no statements.
  "official-statement": mapping("010", none, none),
  // CAMEO 172 "Impose administrative sanctions" (parent of curfew, emergency, bans); PLOVER COERCE; ACLED Strategic developments/Other.
  "emergency-measure": mapping("172", ["COERCE"], strategic("Other")),
  // CAMEO 115 (the state brings a case); PLOVER ACCUSE "allege" (indict, bring to trial); ACLED records no trials.
  trial: mapping("115", ["ACCUSE", "allege"], none),
  // CAMEO 0841 (incl. pardons, amnesties); PLOVER RETREAT "release" (material yielding); ACLED records no routine releases.
  release: mapping("0841", ["RETREAT", "release"], none),
  // CAMEO 0832 (its example is a pay rule, the usual labour concession); PLOVER CONCEDE (CAMEO 081–083); ACLED records no concessions.
  concession: mapping("0832", ["CONCEDE"], none),
  // No labour code in CAMEO: nearest is 160 "Reduce relations"; PLOVER SANCTION "discontinue" (ending an exchange); ACLED records no layoffs.
  layoff: mapping("160", ["SANCTION", "discontinue"], none),
  // CAMEO 046 "Engage in negotiation" (talks, bargaining); PLOVER CONSULT (no negotiation mode); ACLED records no talks.
  negotiation: mapping("046", ["CONSULT"], none)
})

/**
 * What a protest's demands are for: CAMEO refines its protest codes 141–145 by it (1411 a
 * demonstration for leadership change … 1454 a violent protest for a change of regime).
 *
 * @since 0.1.0
 *
 * @category models
 */
export type DemandsFor = "leadership-change" | "policy-change" | "rights" | "institutional-change"

/**
 * The kind of actor on each side of a violent event (see the `violence` kind's `between`).
 *
 * @since 0.1.0
 *
 * @category models
 */
export type Side = "state-forces" | "protesters" | "rioters" | "civilians" | "armed-group" | "unknown"

/**
 * A strike. ACLED records it only when the strikers also `demonstration` in public (then
 * Protests/Peaceful protest); PLOVER 2.0 dropped the `general` strike mode, so the `scope` no
 * longer changes the mapping; `demandsFor` gives CAMEO's four-digit code (1431–1434).
 *
 * @since 0.1.0
 *
 * @category mappings
 */
export const strikeMapping = (
  _scope?: "limited" | "general",
  details?: { readonly demonstration?: boolean; readonly demandsFor?: DemandsFor }
): Mapping =>
  mapping(protestCode("143", details?.demandsFor), ["PROTEST", "strike"], details?.demonstration === true ? protests("Peaceful protest") : none)

/**
 * A hunger strike. Only announced (`declaredOnly`), it is a threat of protest: CAMEO 133, PLOVER
 * THREATEN. ACLED records a `collective` one (three or more people) as Protests/Peaceful
 * protest and never an individual one; `demandsFor` gives CAMEO's four-digit code (1421–1424).
 *
 * @since 0.1.0
 *
 * @category mappings
 */
export const hungerStrikeMapping = (details?: {
  readonly declaredOnly?: boolean
  readonly collective?: boolean
  readonly demandsFor?: DemandsFor
}): Mapping => {
  if (details?.declaredOnly === true) return mapping("133", ["THREATEN"], none)
  return mapping(protestCode("142", details?.demandsFor), ["PROTEST", "hunger"], details?.collective === true ? protests("Peaceful protest") : none)
}

/**
 * A rally, by form. A blockade obstructs passage (CAMEO 144, PLOVER mode `obstruct`); ACLED
 * counts road-blocking with barricades or other material as a violent demonstration
 * (`barricades: true`). A rally that turned `violent` is a riot in all three codebooks (CAMEO 145,
 * PLOVER mode `riot`, ACLED Riots). Demonstrations, marches, sit-ins, pickets and gatherings are
 * all CAMEO 141 / PLOVER `demo`. `demandsFor` gives CAMEO's four-digit code (1411–1454).
 *
 * @since 0.1.0
 *
 * @category mappings
 */
export const rallyMapping = (
  form: "demonstration" | "march" | "sit-in" | "picket" | "blockade" | "gathering",
  options?: { readonly violent?: boolean; readonly barricades?: boolean; readonly demandsFor?: DemandsFor }
): Mapping => {
  const demandsFor = options?.demandsFor
  if (options?.violent === true) return mapping(protestCode("145", demandsFor), ["PROTEST", "riot"], riots("Violent demonstration"))
  if (form !== "blockade") return mapping(protestCode("141", demandsFor), ["PROTEST", "demo"], protests("Peaceful protest"))
  return mapping(
    protestCode("144", demandsFor),
    ["PROTEST", "obstruct"],
    options?.barricades === true ? riots("Violent demonstration") : protests("Peaceful protest")
  )
}

/**
 * A dispersal, by severity and means. ACLED folds it into the protest's row: "Protest with
 * intervention", or "Excessive force against protesters" when anyone was killed (`lethal`),
 * seriously injured (`seriousInjuries`: needing hospital care) or fired upon with live ammunition
 * (`liveFire`; warning shots are not). Opening fire on a crowd is CAMEO 193 and PLOVER ASSAULT
 * `firearms`; tear gas, water cannon, batons, stun grenades, rubber bullets and shots in the air
 * (`force`) are PLOVER ASSAULT `crowd-control`; other repression stays CAMEO 175 and PLOVER COERCE
 * `restrict` (police pushing people back), `arrest` when only arrests are reported, or ASSAULT
 * when people were killed or seriously injured.
 *
 * @since 0.1.0
 *
 * @category mappings
 */
export const dispersalMapping = (details: {
  readonly lethal: boolean
  readonly seriousInjuries?: boolean
  readonly liveFire?: boolean
  readonly force?: ReadonlyArray<string>
}): Mapping => {
  const force = Array.isArray(details?.force) ? details.force : []
  const liveFire = details?.liveFire === true || force.includes("live-fire")
  const harmed = details?.lethal === true || details?.seriousInjuries === true
  const acled = liveFire || harmed ? protests("Excessive force against protesters") : protests("Protest with intervention")
  if (liveFire) return mapping("193", ["ASSAULT", "firearms"], acled)
  if (force.some((f) => crowdControl.has(f))) return mapping("175", ["ASSAULT", "crowd-control"], acled)
  if (harmed) return mapping("175", ["ASSAULT"], acled)
  if (force.length > 0 && force.every((f) => f === "arrests")) return mapping("175", ["COERCE", "arrest"], acled)
  return kindMappings.dispersal
}

/**
 * Violence with casualties, by form. CAMEO and PLOVER distinguish the means (shooting: CAMEO 193,
 * PLOVER `firearms`; beating: 182, `beat`, or 1823 when someone was beaten to death (`lethal`);
 * arson: 1712, `destroy`; a killing or death whose means are not known: 190) and a
 * `targetedKilling` of a chosen person (186, PLOVER `targeted`). ACLED
 * distinguishes who used violence against whom (`between`): state forces against protesters is
 * "Excessive force against protesters", protesters or rioters fighting is Riots/Violent
 * demonstration (as are `clashes`), a mob (`byMob`, or rioters) attacking others Riots/Mob
 * violence, state forces and an armed group Battles/Armed clash, anyone else Violence against
 * civilians/Attack.
 *
 * @since 0.1.0
 *
 * @category mappings
 */
export const violenceMapping = (
  form: "shooting" | "killing" | "beating" | "clashes" | "arson" | "death" | "other",
  options?: {
    readonly byMob?: boolean
    readonly targetedKilling?: boolean
    readonly lethal?: boolean
    readonly between?: { readonly by: Side; readonly against: Side }
  }
): Mapping => {
  const acled = acledOfViolence(form, options?.between, options?.byMob === true)
  if (form === "clashes") return mapping("145", ["PROTEST", "riot"], acled)
  if (options?.targetedKilling === true) return mapping("186", ["ASSAULT", "targeted"], acled)
  switch (form) {
    case "shooting":
      return mapping("193", ["ASSAULT", "firearms"], acled)
    case "beating":
      return mapping(options?.lethal === true ? "1823" : "182", ["ASSAULT", "beat"], acled)
    case "arson":
      return mapping("1712", ["ASSAULT", "destroy"], acled)
    case "killing":
    case "death":
      return mapping("190", ["ASSAULT"], acled)
    default:
      return mapping("180", ["ASSAULT"], acled)
  }
}

/**
 * A detention, by context. Only ACLED distinguishes: arrests during a protest fold into the
 * protest's row ("Protest with intervention"), extrajudicial detention by state forces is
 * "Abduction/forced disappearance", a `mass` detention or one of a `prominent` person is Strategic
 * developments/Arrests, and a routine arrest is not recorded.
 *
 * @since 0.1.0
 *
 * @category mappings
 */
export const detentionMapping = (context?: {
  readonly atProtest?: boolean
  readonly extrajudicial?: boolean
  readonly significance?: "routine" | "mass" | "prominent"
}): Mapping => {
  if (context?.extrajudicial === true) return mapping("173", ["COERCE", "arrest"], civilians("Abduction/forced disappearance"))
  if (context?.atProtest === true) return mapping("173", ["COERCE", "arrest"], protests("Protest with intervention"))
  if (context?.significance === "mass" || context?.significance === "prominent") return mapping("173", ["COERCE", "arrest"], strategic("Arrests"))
  return kindMappings.detention
}

/**
 * An emergency measure, by measure: CAMEO 1724 / PLOVER `martial-law` for a state of emergency,
 * 1723 / `curfew`, 1721 / `restrict` for a ban on gatherings or on a union or NGO
 * (`organization-ban`), 1722 / `restrict` for banning a political party or politicians
 * (`party-ban`), 1721 / `withhold` for an internet shutdown, and a deployment of police (153) or
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
    | "party-ban"
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
    case "organization-ban":
      return mapping("1721", ["COERCE", "restrict"], strategic("Other"))
    case "party-ban":
      return mapping("1722", ["COERCE", "restrict"], strategic("Other"))
    case "internet-shutdown":
      return mapping("1721", ["COERCE", "withhold"], strategic("Other"))
    case "deployment":
      return mapping("153", ["MOBILIZE", "police"], strategic("Change to group/activity"))
    case "military-deployment":
      return mapping("154", ["MOBILIZE", "troops"], strategic("Change to group/activity"))
    default:
      return kindMappings["emergency-measure"]
  }
}

/**
 * Court proceedings, by stage. A verdict is CAMEO 116 / PLOVER SANCTION `convict`; CAMEO codes a
 * verdict that sends people to prison (`custodial`) as 173 instead. Every other stage is the
 * default (CAMEO 115, PLOVER ACCUSE `allege`). ACLED records no trials. A verdict that acquits is
 * better recorded as a release (form `acquittal`).
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
  return mapping(options?.custodial === true ? "173" : "116", ["SANCTION", "convict"], none)
}

/**
 * A release, by form. PLOVER codes a formal `amnesty` or `pardon`, and an `acquittal`, as
 * CONCEDE, and the actual freeing of people as RETREAT `release`; CAMEO (0841) does not
 * distinguish. ACLED records an amnesty or pardon among Strategic developments/Agreement (its
 * prisoner releases) and no routine release (on bail, on parole, after a term).
 *
 * @since 0.1.0
 *
 * @category mappings
 */
export const releaseMapping = (form: "release" | "amnesty" | "parole" | "pardon" | "acquittal" | "bail"): Mapping => {
  if (form === "amnesty" || form === "pardon") return mapping("0841", ["CONCEDE"], strategic("Agreement"))
  if (form === "acquittal") return mapping("0841", ["CONCEDE"], none)
  return kindMappings.release
}

/**
 * A concession, by subject. A `signed` agreement is CAMEO 057 / PLOVER AGREE / ACLED Strategic
 * developments/Agreement; a concession on `personnel` (a manager or official removed on demand)
 * is CAMEO 0831; protesters or a union calling off their action (`end-of-action`) is CAMEO 082
 * "Ease political dissent"; any other subject is the default (0832, a change of policy). ACLED
 * records no concession but a signed agreement.
 *
 * @since 0.1.0
 *
 * @category mappings
 */
export const concessionMapping = (details: {
  readonly subject?: "wages" | "jobs" | "prices" | "personnel" | "policy" | "end-of-action" | "other"
  readonly signedAgreement?: boolean
}): Mapping => {
  if (details?.signedAgreement === true) return mapping("057", ["AGREE"], strategic("Agreement"))
  if (details?.subject === "personnel") return mapping("0831", ["CONCEDE"], none)
  if (details?.subject === "end-of-action") return mapping("082", ["CONCEDE"], none)
  return kindMappings.concession
}

/**
 * Talks, by form: negotiation (CAMEO 046), a meeting without bargaining (040), mediation (045) —
 * all PLOVER CONSULT — and a commission, inquiry or its report, which investigate (CAMEO 090,
 * PLOVER ACCUSE `investigate`, whose definition names commissions). ACLED records no talks.
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
      return mapping("040", ["CONSULT"], none)
    case "mediation":
      return mapping("045", ["CONSULT"], none)
    default:
      return mapping("090", ["ACCUSE", "investigate"], none)
  }
}

/**
 * An official statement, by stance. PLOVER 2.0 has no category for a plain statement, so only a
 * stance gives one: an `appeal` is REQUEST (CAMEO 020), a `warning` THREATEN (130), a
 * `concession` CONCEDE (035), an `acknowledgement` AGREE (015), a `denial` REJECT (016) and a
 * `condemnation` ACCUSE `disapprove` (111). Information and anything else keep CAMEO 010 with no
 * PLOVER category. ACLED records no statements.
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
      return mapping("020", ["REQUEST"], none)
    case "warning":
      return mapping("130", ["THREATEN"], none)
    case "concession":
      return mapping("035", ["CONCEDE"], none)
    case "acknowledgement":
      return mapping("015", ["AGREE"], none)
    case "denial":
      return mapping("016", ["REJECT"], none)
    case "condemnation":
      return mapping("111", ["ACCUSE", "disapprove"], none)
    default:
      return kindMappings["official-statement"]
  }
}
