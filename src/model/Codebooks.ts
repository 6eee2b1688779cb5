/**
 * The codebooks' vocabularies as data: PLOVER's event types and the modes of each, ACLED's event
 * types and the sub-event types of each, and the CAMEO labels of the codes this package uses.
 * Data only: `Mapping` re-exports the vocabularies and builds its mappings from them.
 *
 * @since 0.1.0
 */

/**
 * The sixteen PLOVER event types, in the order of its quad categories (verbal cooperation,
 * material cooperation, verbal conflict, material conflict).
 *
 * @since 0.1.0
 *
 * @category codebooks
 */
export const ploverTypes = [
  "AGREE",
  "CONSULT",
  "SUPPORT",
  "CONCEDE",
  "COOPERATE",
  "AID",
  "RETREAT",
  "REQUEST",
  "ACCUSE",
  "REJECT",
  "THREATEN",
  "PROTEST",
  "SANCTION",
  "MOBILIZE",
  "COERCE",
  "ASSAULT"
] as const

/**
 * A PLOVER event type.
 *
 * @since 0.1.0
 *
 * @category models
 */
export type PloverType = typeof ploverTypes[number]

/**
 * The modes the PLOVER manual (draft 2.0, 2024) lists for each event type; an empty list means the
 * type has none. PLOVER allows extensions, so the `Mapping` schema does not restrict modes to this
 * table. Since draft 0.8 (2021) the manual dropped PROTEST `general`, THREATEN and COERCE `ban`,
 * RETREAT `return` and ASSAULT `execute`, `cleansing` and `massacre`; renamed ASSAULT `assassinate`
 * to `targeted` and COERCE `confiscate` to `seize`; and added PROTEST `vandalize`, COERCE
 * `misinformation` and `cyber`, and ASSAULT `aerial`, `drone` and `crowd-control`.
 *
 * @since 0.1.0
 *
 * @category codebooks
 */
export const ploverModes: { readonly [T in PloverType]: ReadonlyArray<string> } = {
  AGREE: [],
  CONSULT: ["visit", "third-party", "multilateral", "phone"],
  SUPPORT: [],
  CONCEDE: [],
  COOPERATE: [],
  AID: [],
  RETREAT: ["withdraw", "release", "disarm", "ceasefire", "access", "resign"],
  REQUEST: ["assist", "change", "yield", "meet"],
  ACCUSE: ["disapprove", "investigate", "allege"],
  REJECT: ["assist", "change", "yield", "meet"],
  THREATEN: ["restrict", "arrest", "relations", "expel", "territory", "violence"],
  PROTEST: ["demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"],
  SANCTION: ["convict", "expel", "withdraw", "discontinue"],
  MOBILIZE: ["troops", "weapons", "police", "militia"],
  COERCE: ["seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport", "withhold", "misinformation", "cyber"],
  ASSAULT: [
    "abduct",
    "beat",
    "torture",
    "sexual",
    "targeted",
    "destroy",
    "primitive",
    "firearms",
    "explosives",
    "suicide-attack",
    "heavy-weapons",
    "aerial",
    "drone",
    "crowd-control",
    "unconventional"
  ]
}

/**
 * The six ACLED event types.
 *
 * @since 0.1.0
 *
 * @category codebooks
 */
export const acledEventTypes = [
  "Battles",
  "Protests",
  "Riots",
  "Explosions/Remote violence",
  "Violence against civilians",
  "Strategic developments"
] as const

/**
 * An ACLED event type.
 *
 * @since 0.1.0
 *
 * @category models
 */
export type AcledEventType = typeof acledEventTypes[number]

/**
 * The ACLED sub-event types of each event type, spelled as in the codebook.
 *
 * @since 0.1.0
 *
 * @category codebooks
 */
export const acledSubEventTypes = {
  Battles: ["Government regains territory", "Non-state actor overtakes territory", "Armed clash"],
  Protests: ["Excessive force against protesters", "Protest with intervention", "Peaceful protest"],
  Riots: ["Violent demonstration", "Mob violence"],
  "Explosions/Remote violence": [
    "Chemical weapon",
    "Air/drone strike",
    "Suicide bomb",
    "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED",
    "Grenade"
  ],
  "Violence against civilians": ["Sexual violence", "Attack", "Abduction/forced disappearance"],
  "Strategic developments": [
    "Agreement",
    "Arrests",
    "Change to group/activity",
    "Disrupted weapons use",
    "Headquarters or base established",
    "Looting/property destruction",
    "Non-violent transfer of territory",
    "Other"
  ]
} as const satisfies { readonly [E in AcledEventType]: ReadonlyArray<string> }

/**
 * An ACLED sub-event type of the event type `E` (of any event type when `E` is left out).
 *
 * @since 0.1.0
 *
 * @category models
 */
export type AcledSubEventType<E extends AcledEventType = AcledEventType> = typeof acledSubEventTypes[E][number]

/** CAMEO labels as the manual (1.1b3) gives them, for the codes used here. */
export const cameoLabels = {
  "010": "Make statement, not specified below",
  "015": "Acknowledge or claim responsibility",
  "016": "Deny responsibility",
  "020": "Make an appeal or request, not specified below",
  "035": "Express intent to yield, not specified below",
  "040": "Consult, not specified below",
  "045": "Mediate",
  "046": "Engage in negotiation",
  "057": "Sign formal agreement",
  "0831": "Accede to demands for change in leadership",
  "0832": "Accede to demands for change in policy",
  "0841": "Return, release person(s)",
  "082": "Ease political dissent",
  "090": "Investigate, not specified below",
  "111": "Criticize or denounce",
  "115": "Bring lawsuit against",
  "116": "Find guilty or liable (legally)",
  "130": "Threaten, not specified below",
  "133": "Threaten with political dissent, protest",
  "141": "Demonstrate or rally, not specified below",
  "1411": "Demonstrate for leadership change",
  "1412": "Demonstrate for policy change",
  "1413": "Demonstrate for rights",
  "1414": "Demonstrate for change in institutions, regime",
  "142": "Conduct hunger strike, not specified below",
  "1421": "Conduct hunger strike for leadership change",
  "1422": "Conduct hunger strike for policy change",
  "1423": "Conduct hunger strike for rights",
  "1424": "Conduct hunger strike for change in institutions, regime",
  "143": "Conduct strike or boycott, not specified below",
  "1431": "Conduct strike or boycott for leadership change",
  "1432": "Conduct strike or boycott for policy change",
  "1433": "Conduct strike or boycott for rights",
  "1434": "Conduct strike or boycott for change in institutions, regime",
  "144": "Obstruct passage, block, not specified below",
  "1441": "Obstruct passage to demand leadership change",
  "1442": "Obstruct passage to demand policy change",
  "1443": "Obstruct passage to demand rights",
  "1444": "Obstruct passage to demand change in institutions, regime",
  "145": "Protest violently, riot, not specified below",
  "1451": "Engage in violent protest for leadership change",
  "1452": "Engage in violent protest for policy change",
  "1453": "Engage in violent protest for rights",
  "1454": "Engage in violent protest for change in institutions, regime",
  "153": "Mobilize or increase police power",
  "154": "Mobilize or increase armed forces",
  "160": "Reduce relations, not specified below",
  "172": "Impose administrative sanctions, not specified below",
  "1712": "Destroy property",
  "1721": "Impose restrictions on political freedoms",
  "1722": "Ban political parties or politicians",
  "1723": "Impose curfew",
  "1724": "Impose state of emergency or martial law",
  "173": "Arrest, detain, or charge with legal action",
  "175": "Use tactics of violent repression",
  "180": "Use unconventional violence, not specified below",
  "182": "Physically assault, not specified below",
  "1823": "Kill by physical assault",
  "186": "Assassinate",
  "190": "Use conventional military force, not specified below",
  "193": "Fight with small arms and light weapons"
} as const

