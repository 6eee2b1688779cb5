/**
 * ACLED's vocabularies and coding rules, transcribed from ACLED's codebook so that tests can check
 * `Mapping`, `Codebooks` and the ACLED importer and exporter against ACLED rather than against a
 * copy of our table.
 *
 * Sources (read 2026-12-01):
 * - ACLED Codebook, https://acleddata.com/knowledge-base/codebook (published 2 June 2023, last
 *   updated 3 October 2024), read in a stored copy of the page: Table 1 "Data Columns", Table 2
 *   "ACLED event types, sub-event types, and disorder types", the actor sections "1: State Forces"
 *   to "8: External/Other Forces", Table 3 "Interaction code descriptions", "Time precision codes",
 *   "Spatial precision codes", "Reported fatalities" and "Tags".
 * - ACLED knowledge base, "Guide to 2023 ACLED Column Changes",
 *   https://acleddata.com/knowledge-base/guide-to-2023-acled-column-changes (the 20 March 2023
 *   removals and additions).
 * - ACLED knowledge base FAQ on fatalities (page "Fatalities", published 27 February 2023, last
 *   updated 7 May 2024), read in a stored copy: the "tens" rule.
 * - R package `dtacled/acledR` (ACLED's own): `vignettes/event_types.Rmd` at commit
 *   2894f78b8b8b5d6e4864ac884733fb8e87627f77, `vignettes/actors_interactions.Rmd` at commit
 *   1bd9c2a448209f1de01a2a247e03b63768c1ed6f, `R/acled_transform_interaction.R` at commit
 *   15ec11b421811f5ecdbd36e878d687d454f9af56, and its `acled_codebook` data set as published at
 *   https://dtacled.r-universe.dev/acledR/data/acled_codebook/ndjson: the older spellings below.
 */

/** The six event types with their sub-event types, both in Table 2's (hierarchical) order. */
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
} as const

/** An ACLED event type. */
export type AcledEventType = keyof typeof acledSubEventTypes

/** The event types in Table 2's order. */
export const acledEventTypes = Object.keys(acledSubEventTypes) as ReadonlyArray<AcledEventType>

/** The values of `disorder_type`: the three of Table 1, and the combined value Table 2 uses. */
export const acledDisorderTypes = [
  "Political violence",
  "Demonstrations",
  "Strategic developments",
  "Political violence; Demonstrations"
] as const

/**
 * The disorder type of each sub-event type (Table 2). Two exceptions within their event types:
 * "Excessive force against protesters" is both political violence and a demonstration, and "Mob
 * violence" is political violence although Riots is otherwise a demonstration type.
 */
export const acledDisorderTypeOf = {
  "Government regains territory": "Political violence",
  "Non-state actor overtakes territory": "Political violence",
  "Armed clash": "Political violence",
  "Excessive force against protesters": "Political violence; Demonstrations",
  "Protest with intervention": "Demonstrations",
  "Peaceful protest": "Demonstrations",
  "Violent demonstration": "Demonstrations",
  "Mob violence": "Political violence",
  "Chemical weapon": "Political violence",
  "Air/drone strike": "Political violence",
  "Suicide bomb": "Political violence",
  "Shelling/artillery/missile attack": "Political violence",
  "Remote explosive/landmine/IED": "Political violence",
  Grenade: "Political violence",
  "Sexual violence": "Political violence",
  Attack: "Political violence",
  "Abduction/forced disappearance": "Political violence",
  Agreement: "Strategic developments",
  Arrests: "Strategic developments",
  "Change to group/activity": "Strategic developments",
  "Disrupted weapons use": "Strategic developments",
  "Headquarters or base established": "Strategic developments",
  "Looting/property destruction": "Strategic developments",
  "Non-violent transfer of territory": "Strategic developments",
  Other: "Strategic developments"
} as const

/**
 * The eight actor types: the text the current files write in `inter1`/`inter2` (Table 3 and the
 * Table 1 examples), the legacy numeric code (the actor section numbers 1–8, still used by older
 * files and the API), and the plural heading the codebook gives each section.
 */
export const acledActorTypes = [
  { code: 1, text: "State forces", heading: "State Forces" },
  { code: 2, text: "Rebel group", heading: "Rebel Groups" },
  { code: 3, text: "Political militia", heading: "Political Militias" },
  { code: 4, text: "Identity militia", heading: "Identity Militias" },
  { code: 5, text: "Rioters", heading: "Rioters" },
  { code: 6, text: "Protesters", heading: "Protesters" },
  { code: 7, text: "Civilians", heading: "Civilians" },
  { code: 8, text: "External/Other forces", heading: "External/Other Forces" }
] as const

/**
 * Table 3: every interaction the codebook lists, numeric code → text. The number joins the two
 * inter codes smallest first, 0 standing for no second actor ("10" is state forces alone); the
 * text joins the two type texts with "-", or adds " only". The order of actor 1 and 2 does not
 * matter. Gotchas: the text is not always in code order (78 is "External/Other forces-Civilians");
 * Table 1's example writes "Rebel group – Civilians" with spaced dashes where Table 3 writes
 * "Rebel group-Civilians".
 */
export const acledInteractions = {
  "10": "State forces only",
  "11": "State forces-State forces",
  "12": "State forces-Rebel group",
  "13": "State forces-Political militia",
  "14": "State forces-Identity militia",
  "15": "State forces-Rioters",
  "16": "State forces-Protesters",
  "17": "State forces-Civilians",
  "18": "State forces-External/Other forces",
  "20": "Rebel group only",
  "22": "Rebel group-Rebel group",
  "23": "Rebel group-Political militia",
  "24": "Rebel group-Identity militia",
  "25": "Rebel group-Rioters",
  "26": "Rebel group-Protesters",
  "27": "Rebel group-Civilians",
  "28": "Rebel group-External/Other forces",
  "30": "Political militia only",
  "33": "Political militia-Political militia",
  "34": "Political militia-Identity militia",
  "35": "Political militia-Rioters",
  "36": "Political militia-Protesters",
  "37": "Political militia-Civilians",
  "38": "Political militia-External/Other forces",
  "40": "Identity militia only",
  "44": "Identity militia-Identity militia",
  "45": "Identity militia-Rioters",
  "46": "Identity militia-Protesters",
  "47": "Identity militia-Civilians",
  "48": "Identity militia-External/Other forces",
  "50": "Rioters only",
  "55": "Rioters-Rioters",
  "56": "Rioters-Protesters",
  "57": "Rioters-Civilians",
  "58": "Rioters-External/Other forces",
  "60": "Protesters only",
  "66": "Protesters-Protesters",
  "67": "Protesters-Civilians",
  "68": "Protesters-External/Other forces",
  "70": "Civilians only",
  "77": "Civilians-Civilians",
  "78": "External/Other forces-Civilians",
  "80": "External/Other forces only",
  "88": "External/Other forces-External/Other forces"
} as const

/** Table 1: the 31 columns of an ACLED export, in export order (the same list as issue 16). */
export const acledColumns = [
  "event_id_cnty",
  "event_date",
  "year",
  "time_precision",
  "disorder_type",
  "event_type",
  "sub_event_type",
  "actor1",
  "assoc_actor_1",
  "inter1",
  "actor2",
  "assoc_actor_2",
  "inter2",
  "interaction",
  "civilian_targeting",
  "iso",
  "region",
  "country",
  "admin1",
  "admin2",
  "admin3",
  "location",
  "latitude",
  "longitude",
  "geo_precision",
  "source",
  "source_scale",
  "notes",
  "fatalities",
  "tags",
  "timestamp"
] as const

/** The 20 March 2023 change ("Guide to 2023 ACLED Column Changes"): columns removed and added. */
export const acledColumnChanges2023 = {
  date: "2023-03-20",
  removed: ["event_id_no_cnty", "data_id", "iso3"],
  added: ["disorder_type", "civilian_targeting", "tags"]
} as const

/**
 * Cell formats of Table 1: `event_date` is year-month-day; `civilian_targeting` is
 * "Civilians targeted" or blank; `assoc_actor_*`, `source` and `tags` hold several values
 * separated by ";"; coordinates have four decimals (EPSG:4326); `timestamp` is a Unix time of
 * upload to the API.
 */
export const acledCellFormats = {
  eventDate: "YYYY-MM-DD",
  civilianTargeting: ["Civilians targeted", ""],
  listSeparator: ";",
  coordinateDecimals: 4,
  crs: "EPSG:4326"
} as const

/**
 * "Time precision codes": 1 the actual date is known; 2 the week or a similar span (a weekend)
 * is known, and its middle is recorded; 3 only the month is known, and its midpoint is recorded,
 * or its first or last day when the beginning or end of the month is reported. Events with less
 * temporal information are not recorded.
 */
export const acledTimePrecision = {
  1: { known: "day", dateRecorded: "the day" },
  2: { known: "week or similar span", dateRecorded: "middle of the span" },
  3: { known: "month", dateRecorded: "middle of the month; first or last day if beginning or end is reported" }
} as const

/**
 * "Spatial precision codes": 1 a town with coordinates (a district of a large city recorded as
 * "City – District" is also 1); 2 a small part of a region, or near a town, coded to a nearby
 * town; 3 a larger region, coded to a natural location or the provincial capital.
 */
export const acledGeoPrecision = {
  1: "named town or city district",
  2: "part of a region, or near a town",
  3: "larger region"
} as const

/**
 * "Reported fatalities": the lowest reported figure is recorded; vague words become numbers;
 * 0 means no fatalities reported (or only "casualties"); a total reported over several days or
 * places is divided across them, the first day taking the remainder.
 */
export const acledFatalityWords = {
  several: [3, 10],
  many: [3, 10],
  few: [3, 10],
  "fatalities (plural, number unknown)": [3, 10],
  tens: 10,
  dozens: 12,
  hundreds: 100
} as const

/**
 * The other fatality rules of "Reported fatalities". The words above that map to `[3, 10]` take
 * 3 or 10 depending on the scale and context of the attack; "tens" is from the fatality FAQ, the
 * rest from the codebook.
 */
export const acledFatalityRules = {
  conservative: "lowest reported figure",
  noneReported: 0,
  casualtiesOnly: 0,
  multiDay: "divide the total across days; the first day takes the extra one when it does not divide evenly"
} as const

/**
 * "Tags": separated by ";"; the "crowd size" tag is applied to every Protests and Riots event.
 * The codebook names the tag without showing its cell form; `crowd size=…` (e.g.
 * `crowd size=no report`) is the form public code that reads ACLED exports expects, not a
 * codebook statement.
 */
export const acledTags = {
  separator: ";",
  crowdSizeKey: "crowd size",
  crowdSizeOn: ["Protests", "Riots"]
} as const

/**
 * Older spellings still in circulation, with where each was found. None of them appears in the
 * current codebook.
 */
export const acledLegacySpellings = [
  {
    current: "Excessive force against protesters",
    older: "Excessive force against protestors",
    foundIn: "acledR vignettes/event_types.Rmd (2894f78b…, sub-event list) and the acledR acled_codebook data set"
  },
  {
    current: "Strategic developments",
    older: "Strategic Developments",
    foundIn: "acledR acled_codebook data set (event_type values)"
  },
  {
    current: "Protesters",
    older: "Protestors",
    foundIn: "acledR vignettes/actors_interactions.Rmd (1bd9c2a4…, actor type 6)"
  },
  {
    current: "State forces",
    older: "State Forces",
    foundIn: "acledR R/acled_transform_interaction.R and actors_interactions.Rmd; likewise Rebel Groups, Political Militias, Identity Militias, External/Other Forces"
  },
  {
    current: "event_date YYYY-MM-DD",
    older: "event_date dd-mm-yyyy",
    foundIn: "acledR acled_codebook data set (event_date: 'Date in dd-mm-yyyy format'; the same data set describes time_precision 3 wrongly, as the middle of a week)"
  }
] as const

/** The older plural actor-type texts, by legacy code, as acledR writes them. */
export const acledLegacyActorTypes = {
  1: "State Forces",
  2: "Rebel Groups",
  3: "Political Militias",
  4: "Identity Militias",
  5: "Rioters",
  6: "Protesters",
  7: "Civilians",
  8: "External/Other Forces"
} as const

/**
 * What the codebook's "Protests", "Riots", "Violence against civilians" and "Strategic
 * developments" sections count, in short labels: the scope an importer and exporter must respect.
 */
export const acledScope = {
  /** "Protests": the minimum number of participants of a Protests (and Riots) event. */
  minimumParticipants: 3,
  /** "Protests": not recorded as Protests events. */
  notProtests: [
    "symbolic public acts (flags, public prayers) without a demonstration",
    "legislative protests (walkouts, silence in parliament)",
    "strikes not accompanied by a demonstration",
    "individual acts such as self-immolation or an individual hunger strike"
  ],
  /** How the three Protests sub-event types are told apart. */
  protestSubEventTypes: {
    "Peaceful protest": "no violence by demonstrators, no force or intervention against them",
    "Protest with intervention":
      "a physical attempt to disperse or suppress, or arrests, without serious or lethal injuries and without lethal weapons aimed at protesters; dispersal orders or citations alone stay Peaceful protest",
    "Excessive force against protesters":
      "lethal violence or violence causing serious injuries (e.g. needing hospital care), including by non-state actors or explosives"
  },
  /** "Violent demonstration" includes road-blocking with barricades, burning tyres or other material. */
  barricadesAreViolentDemonstration: true,
  /** "Abduction/forced disappearance": extrajudicial detention by state forces and arrests by non-state groups. */
  extrajudicialDetention: { eventType: "Violence against civilians", subEventType: "Abduction/forced disappearance" },
  /** "Arrests": a particularly significant individual, or politically significant mass arrests. */
  arrests: { eventType: "Strategic developments", subEventType: "Arrests" },
  /** "Agreement" examples: peace agreements and talks, ceasefires, prisoner exchanges and releases, surrenders. */
  agreementIncludesTalksAndPrisonerReleases: true,
  /** "Event aggregation": a peaceful protest that turns into clashes the same day is one Riots event. */
  protestTurnedRiotIsOneRiotsEvent: true,
  /** "Event aggregation": in Violence against civilians the target is always Actor 2; otherwise order has no meaning. */
  civilianTargetIsActor2: true
} as const
