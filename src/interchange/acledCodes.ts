/**
 * The vocabulary of an ACLED export as data: its columns, the eight actor types (`inter1`,
 * `inter2`) in their text and legacy numeric forms, `interaction`, `disorder_type` by sub-event
 * type, the older sub-event spellings still found in circulating files, and the three date forms.
 * The ACLED importer and exporter read these tables; nothing here knows about records.
 *
 * @since 0.2.0
 */
import { Result } from "effect"
import { acledSubEventTypes, type AcledEventType } from "../model/Codebooks.js"
import * as When from "../model/When.js"

/**
 * The columns of an ACLED export since March 2023, in ACLED's order.
 *
 * @category constants
 * @since 0.2.0
 */
export const columns = [
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

/**
 * An ACLED column name.
 *
 * @category models
 * @since 0.2.0
 */
export type Column = typeof columns[number]

/**
 * The columns an import cannot do without; older exports lack some of the others
 * (`disorder_type`, `civilian_targeting`, `tags`), which are then read as empty.
 *
 * @category constants
 * @since 0.2.0
 */
export const requiredColumns: ReadonlyArray<Column> = [
  "event_id_cnty",
  "event_date",
  "event_type",
  "sub_event_type",
  "actor1",
  "country",
  "location",
  "latitude",
  "longitude",
  "source",
  "fatalities"
]

/**
 * ACLED's eight actor types, in the order of their legacy numeric codes 1–8.
 *
 * @category constants
 * @since 0.2.0
 */
export const actorTypes = [
  "State forces",
  "Rebel group",
  "Political militia",
  "Identity militia",
  "Rioters",
  "Protesters",
  "Civilians",
  "External/Other forces"
] as const

/**
 * An ACLED actor type.
 *
 * @category models
 * @since 0.2.0
 */
export type ActorType = typeof actorTypes[number]

// The current texts, and the plural headings older files and acledR write ("State Forces",
// "Rebel Groups"), with the "Protestors" spelling.
const actorTypeByLowerName = new Map<string, ActorType>([
  ...actorTypes.map((t) => [t.toLowerCase(), t] as const),
  ["state forces", "State forces"],
  ["rebel groups", "Rebel group"],
  ["political militias", "Political militia"],
  ["identity militias", "Identity militia"],
  ["protestors", "Protesters"],
  ["external/other forces", "External/Other forces"]
])

/**
 * Reads an `inter1` / `inter2` cell: the text form ("Protesters") or the legacy code ("6").
 * `undefined` for an empty cell or a legacy 0; `null` when the cell is not an actor type.
 */
export const readActorType = (cell: string): ActorType | undefined | null => {
  const s = cell.trim()
  if (s === "" || s === "0") return undefined
  if (/^[1-8]$/.test(s)) return actorTypes[Number(s) - 1]
  return actorTypeByLowerName.get(s.toLowerCase()) ?? null
}

/**
 * The `interaction` text of two actor types as current exports write it: the two types
 * joined by "-" in the order of their codes ("State forces-Protesters"), or "Protesters only".
 */
export const interactionOf = (a: ActorType, b: ActorType | undefined): string => {
  if (b === undefined) return `${a} only`
  // The codebook's one exception to code order (interaction 78).
  if ((a === "Civilians" && b === "External/Other forces") || (b === "Civilians" && a === "External/Other forces")) return "External/Other forces-Civilians"
  return actorTypes.indexOf(a) <= actorTypes.indexOf(b) ? `${a}-${b}` : `${b}-${a}`
}

/**
 * The `disorder_type` ACLED gives each sub-event type (ACLED Codebook, Table 2): demonstrations
 * for Protests and Riots, political violence for the violent types, both for excessive force
 * against protesters, political violence for mob violence, and strategic developments.
 */
export const disorderTypeOf = (eventType: AcledEventType, subEventType: string): string => {
  switch (eventType) {
    case "Protests":
      return subEventType === "Excessive force against protesters" ? "Political violence; Demonstrations" : "Demonstrations"
    case "Riots":
      return subEventType === "Mob violence" ? "Political violence" : "Demonstrations"
    case "Strategic developments":
      return "Strategic developments"
    default:
      return "Political violence"
  }
}

// Spellings of earlier codebooks (before 2019 and in the 2019 transition files), by the current one.
const legacyEventTypes: ReadonlyMap<string, AcledEventType> = new Map([
  ...Object.keys(acledSubEventTypes).map((t) => [t.toLowerCase(), t as AcledEventType] as const),
  ["riots/protests", "Protests"],
  ["remote violence", "Explosions/Remote violence"],
  ["strategic development", "Strategic developments"],
  ["battle", "Battles"]
])

const legacySubEventTypes: ReadonlyMap<string, string> = new Map([
  ["protest with intervention", "Protest with intervention"],
  ["peaceful protest", "Peaceful protest"],
  ["protest", "Peaceful protest"],
  ["excessive force against protestors", "Excessive force against protesters"],
  ["excessive force against protesters", "Excessive force against protesters"],
  ["violent demonstration", "Violent demonstration"],
  ["mob violence", "Mob violence"],
  ["arrest", "Arrests"],
  ["arrests", "Arrests"],
  ["abduction/forced disappearance", "Abduction/forced disappearance"],
  ["abduction", "Abduction/forced disappearance"],
  ["attack", "Attack"],
  ["agreement", "Agreement"],
  ["change to group/activity", "Change to group/activity"],
  ["other", "Other"]
])

/**
 * Reads an event type and sub-event type, accepting the older spellings ("Riots/Protests",
 * "Excessive force against protestors", "Remote violence"). Returns the current pair, or a reason.
 */
export const readTypes = (
  eventCell: string,
  subCell: string
): { readonly eventType: AcledEventType; readonly subEventType: string } | string => {
  let bySub = types.get(eventCell)
  if (bySub === undefined) {
    if (types.size >= 1_000) types.clear()
    types.set(eventCell, (bySub = new Map()))
  }
  let read = bySub.get(subCell)
  if (read === undefined) {
    if (bySub.size >= 1_000) bySub.clear()
    read = readTypesOnce(eventCell, subCell)
    bySub.set(subCell, read)
  }
  return read
}

// The few pairs of a file, each read once (results are frozen values, safe to share).
const types = new Map<string, Map<string, { readonly eventType: AcledEventType; readonly subEventType: string } | string>>()

const readTypesOnce = (
  eventCell: string,
  subCell: string
): { readonly eventType: AcledEventType; readonly subEventType: string } | string => {
  const eventText = eventCell.trim()
  const subText = subCell.trim()
  const current = (acledSubEventTypes as Record<string, ReadonlyArray<string> | undefined>)[eventText]
  if (current !== undefined && Object.hasOwn(acledSubEventTypes, eventText) && current.includes(subText)) {
    return { eventType: eventText as AcledEventType, subEventType: subText }
  }
  const sub = legacySubEventTypes.get(subText.toLowerCase())
  let eventType = Object.hasOwn(acledSubEventTypes, eventText) ? (eventText as AcledEventType) : legacyEventTypes.get(eventText.toLowerCase())
  // The 2019 "Riots/Protests" type split into Protests and Riots by sub-event.
  if (eventType === "Protests" && (sub === "Violent demonstration" || sub === "Mob violence")) eventType = "Riots"
  if (eventType === undefined) return `"${clip(eventText)}" is not an ACLED event type`
  if (sub === undefined || !(acledSubEventTypes[eventType] as ReadonlyArray<string>).includes(sub)) {
    return `"${clip(subText)}" is not a sub-event type of ${eventType}`
  }
  return { eventType, subEventType: sub }
}

const months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]

/**
 * Reads an `event_date` in any of the forms ACLED has published: `2018-04-02` (current),
 * `02-04-2018` (day first, older files) and `02 April 2018`. Returns an EDTF day, or a reason.
 */
export const readDate = (cell: string): { readonly day: When.When } | string => {
  // A file holds a few thousand distinct dates over many rows: read each once.
  let date = dates.get(cell)
  if (date === undefined) {
    if (dates.size >= 10_000) dates.clear()
    date = readDateOnce(cell)
    dates.set(cell, date)
  }
  return date
}

const dates = new Map<string, { readonly day: When.When } | string>()

const readDateOnce = (cell: string): { readonly day: When.When } | string => {
  const s = cell.trim()
  let y: string, m: string, d: string
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s)
  if (match !== null) [, y, m, d] = match as unknown as [string, string, string, string]
  else if ((match = /^(\d{1,2})[-/](\d{1,2})[-/](\d{4})$/.exec(s)) !== null) [, d, m, y] = match as unknown as [string, string, string, string]
  else if ((match = /^(\d{1,2})[ -]([A-Za-z]+)[ -](\d{4})$/.exec(s)) !== null) {
    const index = months.findIndex((name) => name === match![2]!.toLowerCase() || name.slice(0, 3) === match![2]!.toLowerCase())
    if (index < 0) return `"${clip(s)}" names no month`
    ;[d, m, y] = [match[1]!, String(index + 1), match[3]!]
  } else return `"${clip(s)}" is not a date (expected YYYY-MM-DD, DD-MM-YYYY or "02 April 2018")`
  const made = When.make(`${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`)
  return Result.isSuccess(made) ? { day: made.success } : `"${clip(s)}": ${made.failure.message}`
}

/** Shows at most 60 characters of a cell in a message. */
export const clip = (s: string): string => (s.length > 60 ? `${s.slice(0, 57)}...` : s)
