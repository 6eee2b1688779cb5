/**
 * One ACLED row read into records: the event (its kind found from the event and sub-event type),
 * the actors, the place hierarchy and the sources it names. Pure and deterministic: the same row
 * always gives the same records with the same ids, so that importing a file twice changes nothing.
 * A row that cannot be read gives its issues instead, each naming the column at fault.
 *
 * @since 0.2.0
 */
import type { Actor } from "../model/Actor.js"
import type { CountClaim, CountClaims } from "../model/Claim.js"
import type { Count } from "../model/Count.js"
import * as Event from "../model/Event.js"
import type { ActorId, EventId, PlaceId, SourceId } from "../model/Id.js"
import { isValidId } from "../model/IdCheck.js"
import type { Place } from "../model/Place.js"
import type { Citation, Source } from "../model/Source.js"
import * as TimeZone from "../model/TimeZone.js"
import type { When } from "../model/When.js"
import { type ActorType, clip, type Column, columns, readActorType, readDate, readTypes } from "./acledCodes.js"
import { type Candidate, candidatesFor } from "./acledKinds.js"
import { readCrowdSize } from "./acledSize.js"
import { shortHash, slug } from "./internal/ids.js"

/**
 * A problem with one row: its number (1 is the first row after the header; 0 for the file or its
 * header), the physical line where csv-parse knows it, the column and why.
 *
 * @category models
 * @since 0.2.0
 */
export interface RowIssue {
  readonly row: number
  readonly line?: number
  readonly column?: string
  readonly reason: string
}

/** The records one row describes. */
export interface RowRecords {
  readonly event: Event.Event
  readonly actors: ReadonlyArray<Actor>
  readonly places: ReadonlyArray<Place>
  readonly sources: ReadonlyArray<Source>
}

/**
 * How rows are read: `timeZoneOf` names the IANA time zone of a row's places (default "UTC").
 *
 * @category models
 * @since 0.2.0
 */
export interface RowOptions {
  /** The IANA time zone of a row's places, from its country, ISO code and admin1 (default "UTC"). */
  readonly timeZoneOf?: (place: { readonly country: string; readonly iso: string; readonly admin1: string }) => string | undefined
}

/**
 * The actor every imported fatality figure is attributed to: ACLED itself.
 *
 * @category constants
 * @since 0.2.0
 */
export const acledActor: Actor = Object.freeze({
  type: "actor",
  id: "acled" as ActorId,
  kind: "ngo",
  name: "ACLED (Armed Conflict Location & Event Data)",
  description: "The data project whose exports were imported; claimant of the fatality figures it codes."
})

/** The prefix of the note block that keeps the ACLED fields no record field holds. */
export const notePrefix = "acled "

const keptInNote: ReadonlyArray<Column> = ["source_scale", "civilian_targeting", "region", "iso", "timestamp"]

/** The id of ACLED's event `event_id_cnty`. */
export const eventIdOf = (eventIdCnty: string): string => `acled:${eventIdCnty}`

/** The `event_id_cnty` an event id stands for (the id itself for events not imported from ACLED). */
export const eventIdCntyOf = (id: string): string => (id.startsWith("acled:") ? id.slice("acled:".length) : id)

export const actorIdOf = (name: string): ActorId => `acled-actor:${slug(name)}` as ActorId
export const sourceIdOf = (outlet: string): SourceId => `acled-source:${slug(outlet)}` as SourceId

const placeIdOf = (names: ReadonlyArray<string>): PlaceId => {
  const id = `acled-place:${names.map(slug).join(".")}`
  return (id.length <= 200 ? id : `acled-place:${shortHash(names.join("\u0000"), 24)}`) as PlaceId
}

/** The ACLED actor type kept in an actor's description. */
export const actorTypeNote = (type: ActorType): string => `ACLED actor type: ${type}`

// The kind of actor an ACLED name and type suggest; "other" when neither says.
const actorKindOf = (name: string, type: ActorType | undefined): Actor["kind"] => {
  if (/\bpolice\b/i.test(name)) return "police"
  if (/\bmilitary\b|\barmy\b/i.test(name)) return "military"
  if (/\bunion\b|\bsyndicat|\bconfederation of labou?r/i.test(name)) return "union"
  if (/\bworkers\b|\blabou?r group\b/i.test(name)) return "workers"
  if (/\bparty\b/i.test(name)) return "party"
  if (type === "State forces") return "state-body"
  if (type === "Civilians") return "residents"
  return "other"
}

const splitList = (cell: string): Array<string> => {
  if (cell.indexOf(";") < 0) {
    const one = cell.trim()
    return one === "" ? [] : [one]
  }
  const out: Array<string> = []
  for (const part of cell.split(";")) {
    const item = part.trim()
    if (item !== "") out.push(item)
  }
  return out
}

const PRECISION = { "1": "exact", "2": "approximate", "3": "centroid" } as const

// Adds days to an ISO day, in the proleptic Gregorian calendar.
const plusDays = (day: string, days: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

// The week around a day, as an EDTF interval (time_precision 2); days repeat across a file.
const weeks = new Map<string, string>()
const weekAround = (day: string): string => {
  let week = weeks.get(day)
  if (week === undefined) {
    if (weeks.size >= 10_000) weeks.clear()
    week = `${plusDays(day, -3)}/${plusDays(day, 3)}`
    weeks.set(day, week)
  }
  return week
}

// The zone the caller gives a row's places ("UTC" without `timeZoneOf`); a failing or odd answer
// is refused by the time-zone check that follows, as any bad zone is.
const zoneOf = (options: RowOptions, country: string, iso: string, admin1: string): unknown => {
  const timeZoneOf = (options as { readonly timeZoneOf?: unknown } | null | undefined)?.timeZoneOf
  if (typeof timeZoneOf !== "function") return "UTC"
  try {
    return timeZoneOf({ country, iso, admin1 }) ?? "UTC"
  } catch (error) {
    return { failed: error }
  }
}

// Records shared by many rows are built once and kept (the first row that names them decides
// their content); bounded, so that a file of distinct names does not grow memory without end.
class Cache<V> {
  private readonly map = new Map<string, V>()
  get(key: string): V | undefined {
    return this.map.get(key)
  }
  set(key: string, value: V): V {
    if (this.map.size >= 100_000) this.map.clear()
    this.map.set(key, value)
    return value
  }
}

// The sources a `source` cell names, and the citations of them (shared by the rows that cite
// the same sources: records are immutable).
interface Cited {
  readonly sources: ReadonlyArray<Source>
  readonly citations: Event.Event["citations"]
}

const citedBy = (cell: string, cache: Cache<Source>): Cited => {
  const sources: Array<Source> = []
  for (const outlet of splitList(cell)) {
    const source = cache.get(outlet) ?? cache.set(outlet, { type: "source", id: sourceIdOf(outlet), outlet, kind: "other" })
    if (!sources.some((s) => s.id === source.id)) sources.push(source)
  }
  return { sources, citations: sources.map((s): Citation => ({ source: s.id })) as unknown as Event.Event["citations"] }
}

const levelKinds: ReadonlyArray<Place["kind"]> = ["country", "region", "district", "district", "other"]

// The places of country > admin1 > admin2 > admin3 > location (empty levels left out), each
// within the one before; the location holds the coordinates.
const placeChain = (levels: ReadonlyArray<string>, zone: unknown, coordinates: Place["coordinates"] | undefined): ReadonlyArray<Place> => {
  const chain: Array<Place> = []
  const names: Array<string> = []
  let within: PlaceId | undefined
  levels.forEach((name, i) => {
    if (name === "") return
    const kind = levelKinds[i]!
    names.push(name)
    const id = placeIdOf(names)
    chain.push({
      type: "place",
      id,
      kind,
      name,
      timeZone: zone as Place["timeZone"],
      ...(within === undefined ? {} : { within }),
      ...(kind === "other" && coordinates !== undefined ? { coordinates } : {})
    })
    within = id
  })
  return chain
}

// The actor of a name (built once per name), added to the row's actors; its id.
const addActor = (actors: Array<Actor>, cache: Cache<Actor>, name: string, type: ActorType | undefined): ActorId => {
  const actor = cache.get(name) ?? cache.set(name, {
    type: "actor",
    id: actorIdOf(name),
    kind: actorKindOf(name, type),
    name,
    ...(type === undefined ? {} : { description: actorTypeNote(type) })
  })
  if (!actors.includes(actor)) actors.push(actor)
  return actor.id
}

// Adds an actor in a role to the participants, once; the actor's id.
const join = (participants: Array<Event.Participant>, actor: ActorId, role: Event.ParticipantRole): ActorId => {
  if (!participants.some((p) => p.actor === actor && p.role === role)) participants.push({ actor, role })
  return actor
}

// A cell on one line: trimmed, every run of white space one space (most cells need nothing).
const oneLine = (cell: string): string => {
  const s = cell.trim()
  return /\s\s|[\t\n\r\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/.test(s) ? s.replace(/\s+/g, " ") : s
}

/**
 * A row reader: `read(cell, row)` reads one row, where `cell` gives a column's text ("" when the
 * file has no such column). It keeps the places, actors and sources it built, so that the rows
 * of a file share them.
 */
export const makeRowReader = (options: RowOptions) => {
  const caches: Caches = { source: new Cache(), cited: new Cache(), actor: new Cache(), chain: new ChainCache() }
  return (cells: ReadonlyArray<string>, at: ColumnAt, row: number): RowRecords | ReadonlyArray<RowIssue> => readRow(cells, at, row, options, caches)
}

/** Where each column is in a row's cells (-1: the file has no such column). */
export type ColumnAt = { readonly [C in Column]: number }

/**
 * The positions of the columns a header names. Every `ColumnAt` is built in the same order, so
 * that the row reader's reads of it stay monomorphic (a keyed lookup per cell cost a sixth of
 * the row's time).
 */
export const columnAt = (found: Partial<{ readonly [C in Column]: number }>): ColumnAt => {
  const at: { [C in Column]?: number } = {}
  for (const column of columns) at[column] = found[column] ?? -1
  return at as ColumnAt
}

// A cell's text ("" for a column the file lacks), without the "'" the exporter writes before a
// cell a spreadsheet would run as a formula.
const cellAt = (cells: ReadonlyArray<string>, i: number): string => {
  if (i < 0) return ""
  const cell = cells[i]!
  return cell.charCodeAt(0) === 39 && /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell
}

interface Caches {
  readonly source: Cache<Source>
  readonly cited: Cache<Cited>
  readonly actor: Cache<Actor>
  readonly chain: ChainCache
}

// The place chains, by country, admin1, admin2, admin3 and location in nested maps: looking up
// the cells one by one hashes each once, where one joined key would be built and hashed anew for
// every row (a tenth of the row's time).
class ChainCache {
  private root = new Map<string, unknown>()
  private size = 0
  get(names: ReadonlyArray<string>): ReadonlyArray<Place> | undefined {
    let level: Map<string, unknown> | undefined = this.root
    for (let i = 0; i < names.length && level !== undefined; i++) level = level.get(names[i]!) as Map<string, unknown> | undefined
    return level as ReadonlyArray<Place> | undefined
  }
  set(names: ReadonlyArray<string>, chain: ReadonlyArray<Place>): ReadonlyArray<Place> {
    if (this.size >= 100_000) {
      this.root = new Map()
      this.size = 0
    }
    let level = this.root
    for (let i = 0; i < names.length - 1; i++) {
      let next = level.get(names[i]!) as Map<string, unknown> | undefined
      if (next === undefined) level.set(names[i]!, (next = new Map()))
      level = next
    }
    level.set(names[names.length - 1]!, chain)
    this.size++
    return chain
  }
}

// A row's problems, made only when there is one.
const addIssue = (issues: Array<RowIssue> | undefined, row: number, column: Column | undefined, reason: string): Array<RowIssue> => {
  const list = issues ?? []
  list.push(column === undefined ? { row, reason } : { row, column, reason })
  return list
}

// What the kind candidates may ask of a row (see `KindContext`): one object a row, its claims
// made when asked, with methods rather than closures so that nothing else is allocated per row.
class RowContext {
  private killedClaims: CountClaims | undefined = undefined
  constructor(
    readonly citations: Event.Event["citations"],
    readonly fatalities: number,
    readonly actor1: ActorId,
    readonly inter1: ActorType | undefined,
    readonly inter2: ActorType | undefined
  ) {}
  unknownCount(): CountClaims {
    return [{ value: { kind: "unknown", phrase: "not reported" }, citations: this.citations }] as unknown as CountClaims
  }
  killed(): CountClaims {
    return this.killedClaims ??= [{
      value: this.fatalities === 0 ? { kind: "unknown", phrase: "none reported" } : { kind: "exact", value: this.fatalities },
      citations: this.citations,
      claimant: acledActor.id,
      note: "ACLED's most conservative reported figure"
    } as CountClaim] as unknown as CountClaims
  }
}

const readRow = (cells: ReadonlyArray<string>, at: ColumnAt, row: number, options: RowOptions, caches: Caches): RowRecords | ReadonlyArray<RowIssue> => {
  let issues: Array<RowIssue> | undefined

  const eventIdCnty = cellAt(cells, at.event_id_cnty).trim()
  const eventId = eventIdOf(eventIdCnty)
  if (eventIdCnty === "" || !isValidId(eventId)) issues = addIssue(issues, row, "event_id_cnty", eventIdCnty === "" ? "is empty" : `"${clip(eventIdCnty)}" is not a usable id`)

  const date = readDate(cellAt(cells, at.event_date))
  if (typeof date === "string") issues = addIssue(issues, row, "event_date", date)
  const precisionCell = cellAt(cells, at.time_precision).trim()
  if (!/^[123]?$/.test(precisionCell)) issues = addIssue(issues, row, "time_precision", `"${clip(precisionCell)}" is not 1, 2 or 3`)

  const types = readTypes(cellAt(cells, at.event_type), cellAt(cells, at.sub_event_type))
  if (typeof types === "string") issues = addIssue(issues, row, types.includes("sub-event") ? "sub_event_type" : "event_type", types)

  const actor1 = cellAt(cells, at.actor1).trim()
  if (actor1 === "") issues = addIssue(issues, row, "actor1", "is empty")
  const inter1 = readActorType(cellAt(cells, at.inter1))
  if (inter1 === null) issues = addIssue(issues, row, "inter1", `"${clip(cellAt(cells, at.inter1))}" is not an ACLED actor type`)
  const inter2 = readActorType(cellAt(cells, at.inter2))
  if (inter2 === null) issues = addIssue(issues, row, "inter2", `"${clip(cellAt(cells, at.inter2))}" is not an ACLED actor type`)

  const country = cellAt(cells, at.country).trim()
  const location = cellAt(cells, at.location).trim()
  if (country === "") issues = addIssue(issues, row, "country", "is empty")
  if (location === "") issues = addIssue(issues, row, "location", "is empty")
  const lat = cellAt(cells, at.latitude).trim()
  const lon = cellAt(cells, at.longitude).trim()
  const decimal = /^[+-]?\d{1,3}(?:\.\d+)?$/
  const latitude = decimal.test(lat) ? Number(lat) : NaN
  const longitude = decimal.test(lon) ? Number(lon) : NaN
  const hasCoordinates = lat !== "" || lon !== ""
  if (hasCoordinates && !(lat !== "" && Number.isFinite(latitude) && latitude >= -90 && latitude <= 90)) issues = addIssue(issues, row, "latitude", `"${clip(lat)}" is not a latitude`)
  if (hasCoordinates && !(lon !== "" && Number.isFinite(longitude) && longitude >= -180 && longitude <= 180)) issues = addIssue(issues, row, "longitude", `"${clip(lon)}" is not a longitude`)
  const geo = cellAt(cells, at.geo_precision).trim()
  if (!/^[123]?$/.test(geo)) issues = addIssue(issues, row, "geo_precision", `"${clip(geo)}" is not 1, 2 or 3`)

  const sourceCell = cellAt(cells, at.source)
  const cited = caches.cited.get(sourceCell) ?? caches.cited.set(sourceCell, citedBy(sourceCell, caches.source))
  if (cited.sources.length === 0) issues = addIssue(issues, row, "source", "names no source, and every event cites one")
  const fatalitiesCell = cellAt(cells, at.fatalities).trim()
  if (!/^\d{0,7}$/.test(fatalitiesCell)) issues = addIssue(issues, row, "fatalities", `"${clip(fatalitiesCell)}" is not a whole number`)

  const iso = cellAt(cells, at.iso).trim()
  const admin1 = cellAt(cells, at.admin1).trim()
  const zone = zoneOf(options, country, iso, admin1)
  const zoneProblem = TimeZone.invalidReason(zone)
  if (zoneProblem !== undefined) issues = addIssue(issues, row, "country", `the time zone given for ${clip(country)}: ${zoneProblem}`)

  if (issues !== undefined || typeof date === "string" || typeof types === "string") return issues ?? []
  const day: string = date.day

  const { citations, sources } = cited

  // Places: country > admin1 > admin2 > admin3 > location, each within the one before.
  const names = [country, admin1, cellAt(cells, at.admin2).trim(), cellAt(cells, at.admin3).trim(), location] as const
  const places = caches.chain.get(names) ?? caches.chain.set(names, placeChain(names, zone, hasCoordinates ? { lat: latitude, lon: longitude, precision: PRECISION[(geo || "1") as "1" | "2" | "3"] } : undefined))
  const place = places[places.length - 1]!.id

  // Actors: actor1 and its associates on one side, actor2 and its associates on the other.
  const actors: Array<Actor> = []
  const participants: Array<Event.Participant> = []
  const violenceAgainstCivilians = types.eventType === "Violence against civilians"
  const side1: Event.ParticipantRole = violenceAgainstCivilians ? "perpetrator" : "participant"
  const firstId = join(participants, addActor(actors, caches.actor, actor1, inter1 ?? undefined), side1)
  for (const name of splitList(cellAt(cells, at.assoc_actor_1))) join(participants, addActor(actors, caches.actor, name, undefined), side1)
  const actor2 = cellAt(cells, at.actor2).trim()
  const side2: Event.ParticipantRole = violenceAgainstCivilians ? "victim" : inter2 === "State forces" ? "authority" : "target"
  if (actor2 !== "") join(participants, addActor(actors, caches.actor, actor2, inter2 ?? undefined), side2)
  for (const name of splitList(cellAt(cells, at.assoc_actor_2))) join(participants, addActor(actors, caches.actor, name, undefined), side2)

  // When: the day; the week around it (time_precision 2); its month (3).
  const precision = precisionCell || "1"
  const when = (precision === "2" ? weekAround(day) : precision === "3" ? day.slice(0, 7) : day) as When

  // Claims: ACLED's fatality figure (0: none reported) and the crowd size in the sources' words.
  const fatalities = Number(fatalitiesCell || "0")
  const context = new RowContext(citations, fatalities, firstId, inter1 ?? undefined, inter2 ?? undefined)
  const tags = splitList(cellAt(cells, at.tags))
  const notes = cellAt(cells, at.notes)
  const sizeTag = tags.find((t) => /^crowd size\s*=/i.test(t))
  const sizePhrase = sizeTag?.replace(/^crowd size\s*=\s*/i, "") ?? /\[size=([^\]]*)\]/i.exec(notes)?.[1]?.trim()
  const size: Count | undefined = sizePhrase === undefined ? undefined : readCrowdSize(sizePhrase)
  const sizeClaims = size === undefined ? undefined : ([{ value: size, citations }] as unknown as CountClaims)

  // The note keeps what no field holds, one `acled key: value` line each, for a faithful export
  // (built by concatenation: joining an array of lines cost a tenth of the row's time).
  let note = `Imported from ACLED event ${eventIdCnty}.`
  if (precision !== "1") note += `\n${notePrefix}time_precision: ${precision}`
  if (precision === "3") note += `\n${notePrefix}event_date: ${day}`
  const otherTags = tags.filter((t) => t !== sizeTag)
  if (otherTags.length > 0) note += `\n${notePrefix}tags: ${otherTags.join("; ").replace(/\s+/g, " ")}`
  for (const column of keptInNote) {
    const value = oneLine(cellAt(cells, at[column]))
    if (value !== "") note += `\n${notePrefix}${column}: ${value}`
  }
  const common: EventCommon = {
    title: `${types.subEventType} in ${location}`,
    summary: notes.trim() === "" ? undefined : notes,
    note,
    when,
    where: { place, timeZone: zone },
    participants,
    citations
  }

  const tried: Array<string> = []
  let candidates = candidatesByTypes.get(types)
  if (candidates === undefined) candidatesByTypes.set(types, (candidates = candidatesFor(types.eventType, types.subEventType)))
  for (const candidate of candidates) {
    const fields = candidate.fields(context)
    if (fields === undefined) continue
    const event = withClaims(eventOf(eventId, common, fields, candidate.kind), context, sizeClaims) as unknown as Event.Event
    const acled = (Event.mappingOf(event) as { readonly acled?: { readonly eventType: string; readonly subEventType: string } } | undefined)?.acled
    if (acled?.eventType === types.eventType && acled.subEventType === types.subEventType) {
      return { event, actors, places, sources }
    }
    tried.push(candidate.kind)
  }
  return [{
    row,
    column: "sub_event_type",
    reason: tried.length === 0
      ? `unmappable: no event kind maps to ${types.eventType} / ${types.subEventType}`
      : `unmappable: ${types.eventType} / ${types.subEventType} with ${fatalities} fatalities fits no kind (${tried.join(", ")} map elsewhere with these details)`
  }]
}

// The fields every candidate's event shares.
interface EventCommon {
  readonly title: string
  readonly summary: string | undefined
  readonly note: string
  readonly when: When
  readonly where: { readonly place: PlaceId; readonly timeZone: unknown }
  readonly participants: ReadonlyArray<Event.Participant>
  readonly citations: Event.Event["citations"]
}

// A candidate's event: the shared fields, the kind's own, then the kind, in the order the
// records of earlier imports have them (so that re-importing compares equal). One literal per
// shape and a loop over the few kind fields: spreading three objects cost an eighth of the row.
const eventOf = (id: string, c: EventCommon, fields: { readonly [field: string]: unknown }, kind: string) => {
  const event: { kind: string; participants: ReadonlyArray<Event.Participant> } & { [field: string]: unknown } = c.summary === undefined
    ? { type: "event", id, title: c.title, note: c.note, when: c.when, where: c.where, participants: c.participants, citations: c.citations } as never
    : { type: "event", id, title: c.title, summary: c.summary, note: c.note, when: c.when, where: c.where, participants: c.participants, citations: c.citations } as never
  for (const field in fields) event[field] = fields[field]
  event["kind"] = kind
  return event
}

// The candidates of each (event type, sub-event type) pair, keyed by the pair `readTypes` shares.
const candidatesByTypes = new WeakMap<object, ReadonlyArray<Candidate>>()

const withCount = new Set(["rally", "strike", "hunger-strike"])
const withKilled = new Set(["dispersal", "violence"])

// Puts the fatality claim and the crowd size where the kind holds them: `killed` and `size`
// fields, else a dispute about the number killed and the count of the first side's participants.
// (`event` is the row's own fresh object: it is completed in place.)
const withClaims = (
  event: { kind: string; participants: ReadonlyArray<Event.Participant> } & { [field: string]: unknown },
  context: RowContext,
  size: CountClaims | undefined
): { readonly [field: string]: unknown } => {
  const out = event
  if (withKilled.has(event.kind)) out["killed"] = context.killed()
  else if (context.fatalities > 0) {
    out["disputes"] = [{ topic: "killed", claims: context.killed().map((c) => ({ ...c, value: { kind: "count", count: c.value } })) }]
  }
  if (size !== undefined) {
    if (withCount.has(event.kind)) out["size"] = size
    else {
      const [first, ...rest] = event.participants
      if (first !== undefined) out["participants"] = [{ ...first, count: size }, ...rest]
    }
  }
  return out
}
