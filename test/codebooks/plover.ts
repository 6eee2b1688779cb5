/**
 * The PLOVER event types and their modes, transcribed from the PLOVER manual itself so that tests
 * can check `Mapping` and `Codebooks` against the codebook rather than against a copy of our table.
 *
 * Source (read 2026-12-01):
 * - repository `openeventdata/PLOVER`, file `PLOVER_MANUAL.tex`,
 *   commit 840dbef23bdefca65510af2ebc2aa71041b8c685, title page "DRAFT Version: 2.0".
 *   Chapter "Event Categories", one section per type, table "<TYPE> modes" in each; the
 *   "PLOVER conflict--cooperation scores" table (chapter "Event, Mode, and Context") lists the
 *   same type/mode pairs and was used as a cross-check.
 * - A second stored 2.0 version, commit d7f1a7ec8bba67a57f6aaf041289ab26ac196a99, has the same
 *   mode tables (it differs only in prose: the `targeted` gloss and one RETREAT/SANCTION note).
 *   The stored history gives no commit dates and both title pages print `\today`, so which of the
 *   two is the later cannot be told from the text; the lists below hold for both.
 * - Draft 0.8 for comparison: same file at commit 6b85b9a7506bb372bf6828d68bf922f1e92e750a,
 *   title page "DRAFT Version: 0.8" (copyright 2021).
 *
 * Spellings are the manual's: modes are lower case with hyphens (`martial-law`, `crowd-control`).
 */

/** The sixteen event types of draft 2.0, in the manual's order (chapter "Event Categories"). */
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
 * The modes of each type in draft 2.0, in table order; an empty list means the section says
 * "Supplementary fields: None". Rows commented out in the LaTeX source (`%return`, `%execute`,
 * `%cleansing`, `%massacre`, `%sideAB`) are not modes of 2.0 and are left out.
 */
export const ploverModes = {
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
  COERCE: [
    "seize",
    "restrict",
    "censor",
    "curfew",
    "martial-law",
    "arrest",
    "deport",
    "withhold",
    "misinformation",
    "cyber"
  ],
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
    "aerial",
    "drone",
    "heavy-weapons",
    "crowd-control",
    "unconventional"
  ]
} as const satisfies { readonly [T in typeof ploverTypes[number]]: ReadonlyArray<string> }

/**
 * Draft 0.8 (commit 6b85b9a7…): its types and mode tables, for recognising older files. Draft 0.8
 * calls the request category `DEMAND`; its ASSAULT table still lists `sideAB`.
 */
export const ploverModes08 = {
  AGREE: [],
  CONSULT: ["visit", "third-party", "multilateral", "phone"],
  SUPPORT: [],
  CONCEDE: [],
  COOPERATE: [],
  AID: [],
  RETREAT: ["withdraw", "release", "return", "disarm", "ceasefire", "access", "resign"],
  DEMAND: ["assist", "change", "yield", "meet"],
  ACCUSE: ["disapprove", "investigate", "allege"],
  REJECT: ["assist", "change", "yield", "meet"],
  THREATEN: ["restrict", "ban", "arrest", "relations", "expel", "territory", "violence"],
  PROTEST: ["demo", "riot", "general", "strike", "hunger", "boycott", "obstruct"],
  SANCTION: ["convict", "expel", "withdraw", "discontinue"],
  MOBILIZE: ["troops", "weapons", "police", "militia"],
  COERCE: ["confiscate", "restrict", "ban", "censor", "curfew", "martial-law", "arrest", "deport", "withhold"],
  ASSAULT: [
    "abduct",
    "beat",
    "torture",
    "execute",
    "sexual",
    "assassinate",
    "destroy",
    "primitive",
    "firearms",
    "explosives",
    "suicide-attack",
    "heavy-weapons",
    "cleansing",
    "massacre",
    "unconventional",
    "sideAB"
  ]
} as const

/**
 * What changed between 0.8 and 2.0, as read by comparing the two tables above (and the
 * commented-out rows of 2.0). Every claim of issue 16 about PLOVER modes was checked:
 *
 * - confirmed, removed: PROTEST `general` (2.0 `strike` now covers work stoppages "within specific
 *   sectors/industries or across sectors/industries"), COERCE `ban` (2.0 `restrict` now includes
 *   banning individuals or organisations from political life), THREATEN `ban` (2.0 THREATEN
 *   `restrict` now includes banning political activities of parties or individuals), RETREAT
 *   `return` (`%return` commented out), ASSAULT `execute`, `assassinate`, `cleansing`, `massacre`
 *   (the first, third and fourth commented out).
 * - confirmed, renamed: ASSAULT `assassinate` → `targeted` (the `targeted` row covers
 *   assassinations, executions and deliberate mass killings, so it also absorbs `execute` and
 *   `massacre`); COERCE `confiscate` → `seize` (the `seize` row covers search, confiscation, raid).
 * - confirmed, added: PROTEST `vandalize`; COERCE `misinformation`, `cyber`; ASSAULT `aerial`,
 *   `drone`, `crowd-control`.
 * - confirmed, DEMAND is now REQUEST (section title, mode table caption "REQUEST modes", the scores
 *   table and the CAMEO translation table "10 DEMAND → REQUEST").
 * - not in the issue, also changed: ASSAULT `sideAB` is commented out in 2.0 (the prose still
 *   mentions it). 0.8 (like 2.0) has sixteen types; only DEMAND/REQUEST differs.
 * - a leftover in 2.0 itself: the REJECT table caption still says "shared with DEMAND", and the
 *   CAMEO translation table still sends CAMEO 20 to "FIGHT", a type 2.0 no longer has (19 FIGHT
 *   maps to ASSAULT). Read DEMAND as REQUEST and FIGHT as ASSAULT there.
 */
export const ploverChanges08to20 = {
  removed: {
    PROTEST: ["general"],
    COERCE: ["ban"],
    THREATEN: ["ban"],
    RETREAT: ["return"],
    ASSAULT: ["execute", "assassinate", "cleansing", "massacre", "sideAB"]
  },
  renamed: [
    { type: "ASSAULT", from: "assassinate", to: "targeted" },
    { type: "COERCE", from: "confiscate", to: "seize" }
  ],
  added: {
    PROTEST: ["vandalize"],
    COERCE: ["misinformation", "cyber"],
    ASSAULT: ["aerial", "drone", "crowd-control"]
  },
  renamedTypes: [{ from: "DEMAND", to: "REQUEST" }]
} as const

/**
 * The CAMEO cue category → PLOVER type table of draft 2.0 (chapter "CAMEO vs. PLOVER", section
 * "CAMEO to PLOVER translation"). `null` is the manual's "dropped". CAMEO 08 splits: 081–083 to
 * CONCEDE, 084–087 to RETREAT. The manual's entry for 20 is "FIGHT" (see the note above); it is
 * recorded here as written.
 */
export const cameoToPlover = {
  "01": null,
  "02": null,
  "03": "AGREE",
  "04": "CONSULT",
  "05": "SUPPORT",
  "06": "COOPERATE",
  "07": "AID",
  "081-083": "CONCEDE",
  "084-087": "RETREAT",
  "09": "ACCUSE",
  "10": "REQUEST",
  "11": "ACCUSE",
  "12": "REJECT",
  "13": "THREATEN",
  "14": "PROTEST",
  "15": "MOBILIZE",
  "16": "SANCTION",
  "17": "COERCE",
  "18": "ASSAULT",
  "19": "ASSAULT",
  "20": "FIGHT"
} as const

/**
 * Placement rules of draft 2.0 that bear on our kinds, each as the type and mode the manual
 * names and the section that says so (paraphrased as a short label, not quoted).
 *
 * - Plain public statements: CAMEO 01 MAKE PUBLIC STATEMENT (and 02 APPEAL) are "dropped" in the
 *   translation table; no 2.0 type covers a neutral statement. A statement of disapproval is
 *   ACCUSE `disapprove`; a demand is REQUEST. Confirmed: there is no statement category.
 * - Tear gas, water cannon, firing in the air, lathi (baton) charges: ASSAULT `crowd-control`
 *   (ASSAULT mode table). The ASSAULT ambiguities reserve it for an explicit crowd-control weapon
 *   or tactic; a vaguer "police pushed back protesters" goes to "RESTRICT" (the manual's word; it
 *   is no type, so read COERCE `restrict`). Confirmed.
 * - Acquittals, formal pardons and amnesties: CONCEDE (CONCEDE ambiguities; SUPPORT repeats it for
 *   pardons and amnesties); the actual release of prisoners is RETREAT `release`. Confirmed.
 * - Suspending protests: CONCEDE (CONCEDE definition).
 * - Convictions: SANCTION `convict`; a sentence that includes imprisonment also gets COERCE
 *   `arrest` (SANCTION ambiguities and the `convict` row).
 * - Arrest warrants in absentia: THREATEN `arrest`, not COERCE `arrest` (THREATEN, COERCE).
 * - Diplomatic protests, delegations, social-media protests: ACCUSE `disapprove`, not PROTEST
 *   (PROTEST ambiguities).
 * - Combatants captured in fighting: ASSAULT `abduct`, not COERCE `arrest` (COERCE, ASSAULT).
 * - Beatings without a named tool: ASSAULT `beat`; with blunt instruments `beat` and `primitive`;
 *   knives, fire, rocks: `primitive` only (ASSAULT ambiguities).
 */
export const ploverPlacements = [
  { subject: "plain public statement", type: null, mode: null, section: "CAMEO to PLOVER translation (01 dropped)" },
  { subject: "tear gas, water cannon, firing in the air, baton charge", type: "ASSAULT", mode: "crowd-control", section: "ASSAULT modes" },
  { subject: "police pushed back protesters (no named weapon)", type: "COERCE", mode: "restrict", section: "ASSAULT ambiguities" },
  { subject: "acquittal, formal pardon, amnesty", type: "CONCEDE", mode: null, section: "CONCEDE ambiguities" },
  { subject: "actual release of prisoners", type: "RETREAT", mode: "release", section: "CONCEDE ambiguities" },
  { subject: "suspending protests", type: "CONCEDE", mode: null, section: "CONCEDE" },
  { subject: "conviction", type: "SANCTION", mode: "convict", section: "SANCTION modes" },
  { subject: "custodial sentence (in addition to convict)", type: "COERCE", mode: "arrest", section: "SANCTION ambiguities" },
  { subject: "arrest warrant in absentia", type: "THREATEN", mode: "arrest", section: "THREATEN ambiguities" },
  { subject: "diplomatic or social-media protest", type: "ACCUSE", mode: "disapprove", section: "PROTEST ambiguities" },
  { subject: "indictment, bringing to trial", type: "ACCUSE", mode: "allege", section: "ACCUSE modes" },
  { subject: "banning a party or organisation from political life", type: "COERCE", mode: "restrict", section: "COERCE modes" },
  { subject: "internet or utility shutdown", type: "COERCE", mode: "withhold", section: "COERCE modes" }
] as const
