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
import { type ActorType, clip, type Column, readActorType, readDate, readTypes } from "./acledCodes.js"
import { candidatesFor } from "./acledKinds.js"
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
  get(key: string, make: () => V): V {
    let value = this.map.get(key)
    if (value === undefined) {
      if (this.map.size >= 100_000) this.map.clear()
      value = make()
      this.map.set(key, value)
    }
    return value
  }
}

// The sources a `source` cell names, and the citations of them (shared by the rows that cite
// the same sources: records are immutable).
interface Cited {
  readonly sources: ReadonlyArray<Source>
  readonly citations: Event.Event["citations"]
}

/**
 * A row reader: `read(cell, row)` reads one row, where `cell` gives a column's text ("" when the
 * file has no such column). It keeps the places, actors and sources it built, so that the rows
 * of a file share them.
 */
export const makeRowReader = (options: RowOptions) => {
  const sourceCache = new Cache<Source>()
  const citedCache = new Cache<Cited>()
  const actorCache = new Cache<Actor>()
  const chainCache = new Cache<ReadonlyArray<Place>>()
  return (cell: (column: Column) => string, row: number): RowRecords | ReadonlyArray<RowIssue> =>
    readRow(cell, row, options, sourceCache, citedCache, actorCache, chainCache)
}

const readRow = (
  cell: (column: Column) => string,
  row: number,
  options: RowOptions,
  sourceCache: Cache<Source>,
  citedCache: Cache<Cited>,
  actorCache: Cache<Actor>,
  chainCache: Cache<ReadonlyArray<Place>>
): RowRecords | ReadonlyArray<RowIssue> => {
  let issues: Array<RowIssue> | undefined
  const fail = (column: Column | undefined, reason: string) => (issues ??= []).push({ row, ...(column === undefined ? {} : { column }), reason })

  const eventIdCnty = cell("event_id_cnty").trim()
  const eventId = eventIdOf(eventIdCnty)
  if (eventIdCnty === "" || !isValidId(eventId)) fail("event_id_cnty", eventIdCnty === "" ? "is empty" : `"${clip(eventIdCnty)}" is not a usable id`)

  const date = readDate(cell("event_date"))
  if (typeof date === "string") fail("event_date", date)
  const precisionCell = cell("time_precision").trim()
  if (!/^[123]?$/.test(precisionCell)) fail("time_precision", `"${clip(precisionCell)}" is not 1, 2 or 3`)

  const types = readTypes(cell("event_type"), cell("sub_event_type"))
  if (typeof types === "string") fail(types.includes("sub-event") ? "sub_event_type" : "event_type", types)

  const actor1 = cell("actor1").trim()
  if (actor1 === "") fail("actor1", "is empty")
  const inter1 = readActorType(cell("inter1"))
  if (inter1 === null) fail("inter1", `"${clip(cell("inter1"))}" is not an ACLED actor type`)
  const inter2 = readActorType(cell("inter2"))
  if (inter2 === null) fail("inter2", `"${clip(cell("inter2"))}" is not an ACLED actor type`)

  const country = cell("country").trim()
  const location = cell("location").trim()
  if (country === "") fail("country", "is empty")
  if (location === "") fail("location", "is empty")
  const lat = cell("latitude").trim()
  const lon = cell("longitude").trim()
  const decimal = /^[+-]?\d{1,3}(?:\.\d+)?$/
  const latitude = decimal.test(lat) ? Number(lat) : NaN
  const longitude = decimal.test(lon) ? Number(lon) : NaN
  const hasCoordinates = lat !== "" || lon !== ""
  if (hasCoordinates && !(lat !== "" && Number.isFinite(latitude) && latitude >= -90 && latitude <= 90)) fail("latitude", `"${clip(lat)}" is not a latitude`)
  if (hasCoordinates && !(lon !== "" && Number.isFinite(longitude) && longitude >= -180 && longitude <= 180)) fail("longitude", `"${clip(lon)}" is not a longitude`)
  const geo = cell("geo_precision").trim()
  if (!/^[123]?$/.test(geo)) fail("geo_precision", `"${clip(geo)}" is not 1, 2 or 3`)

  const sourceCell = cell("source")
  const cited = citedCache.get(sourceCell, () => {
    const sources: Array<Source> = []
    for (const outlet of splitList(sourceCell)) {
      const source = sourceCache.get(outlet, () => ({ type: "source", id: sourceIdOf(outlet), outlet, kind: "other" }))
      if (!sources.some((s) => s.id === source.id)) sources.push(source)
    }
    return { sources, citations: sources.map((s): Citation => ({ source: s.id })) as unknown as Event.Event["citations"] }
  })
  if (cited.sources.length === 0) fail("source", "names no source, and every event cites one")
  const fatalitiesCell = cell("fatalities").trim()
  if (!/^\d{0,7}$/.test(fatalitiesCell)) fail("fatalities", `"${clip(fatalitiesCell)}" is not a whole number`)

  const iso = cell("iso").trim()
  const admin1 = cell("admin1").trim()
  const zone = zoneOf(options, country, iso, admin1)
  const zoneProblem = TimeZone.invalidReason(zone)
  if (zoneProblem !== undefined) fail("country", `the time zone given for ${clip(country)}: ${zoneProblem}`)

  if (issues !== undefined || typeof date === "string" || typeof types === "string") return issues ?? []
  const day: string = date.day

  const { citations, sources } = cited

  // Places: country > admin1 > admin2 > admin3 > location, each within the one before.
  const admin2 = cell("admin2").trim()
  const admin3 = cell("admin3").trim()
  const places = chainCache.get(`${country}\u0000${admin1}\u0000${admin2}\u0000${admin3}\u0000${location}`, () => {
    const chain: Array<Place> = []
    const names: Array<string> = []
    const levels: ReadonlyArray<readonly [string, Place["kind"]]> = [
      [country, "country"],
      [admin1, "region"],
      [admin2, "district"],
      [admin3, "district"],
      [location, "other"]
    ]
    let within: PlaceId | undefined
    for (const [name, kind] of levels) {
      if (name === "") continue
      names.push(name)
      const id = placeIdOf(names)
      chain.push({
        type: "place",
        id,
        kind,
        name,
        timeZone: zone as Place["timeZone"],
        ...(within === undefined ? {} : { within }),
        ...(kind === "other" && hasCoordinates
          ? { coordinates: { lat: latitude, lon: longitude, precision: PRECISION[(geo || "1") as "1" | "2" | "3"] } }
          : {})
      })
      within = id
    }
    return chain
  })
  const place = places[places.length - 1]!.id

  // Actors: actor1 and its associates on one side, actor2 and its associates on the other.
  const actors: Array<Actor> = []
  const addActor = (name: string, type: ActorType | undefined): ActorId => {
    const actor = actorCache.get(name, () => ({
      type: "actor",
      id: actorIdOf(name),
      kind: actorKindOf(name, type),
      name,
      ...(type === undefined ? {} : { description: actorTypeNote(type) })
    }))
    if (!actors.includes(actor)) actors.push(actor)
    return actor.id
  }
  const violenceAgainstCivilians = types.eventType === "Violence against civilians"
  const participants: Array<Event.Participant> = []
  const join = (actor: ActorId, role: Event.ParticipantRole) => {
    if (!participants.some((p) => p.actor === actor && p.role === role)) participants.push({ actor, role })
  }
  const firstId = addActor(actor1, inter1 ?? undefined)
  const side1: Event.ParticipantRole = violenceAgainstCivilians ? "perpetrator" : "participant"
  join(firstId, side1)
  for (const name of splitList(cell("assoc_actor_1"))) join(addActor(name, undefined), side1)
  const actor2 = cell("actor2").trim()
  const side2: Event.ParticipantRole = violenceAgainstCivilians ? "victim" : inter2 === "State forces" ? "authority" : "target"
  if (actor2 !== "") join(addActor(actor2, inter2 ?? undefined), side2)
  for (const name of splitList(cell("assoc_actor_2"))) join(addActor(name, undefined), side2)

  // When: the day; the week around it (time_precision 2); its month (3).
  const precision = precisionCell || "1"
  const when = (precision === "2" ? weekAround(day) : precision === "3" ? day.slice(0, 7) : day) as When

  // Claims: ACLED's fatality figure (0: none reported) and the crowd size in the sources' words.
  const fatalities = Number(fatalitiesCell || "0")
  let killedClaims: CountClaims | undefined
  const killed = (): CountClaims => killedClaims ??= [{
    value: fatalities === 0 ? { kind: "unknown", phrase: "none reported" } : { kind: "exact", value: fatalities },
    citations,
    claimant: acledActor.id,
    note: "ACLED's most conservative reported figure"
  } as CountClaim] as unknown as CountClaims
  const tags = splitList(cell("tags"))
  const notes = cell("notes")
  const sizeTag = tags.find((t) => /^crowd size\s*=/i.test(t))
  const sizePhrase = sizeTag?.replace(/^crowd size\s*=\s*/i, "") ?? /\[size=([^\]]*)\]/i.exec(notes)?.[1]?.trim()
  const size: Count | undefined = sizePhrase === undefined ? undefined : readCrowdSize(sizePhrase)
  const sizeClaims = size === undefined ? undefined : ([{ value: size, citations }] as unknown as CountClaims)

  // The note keeps what no field holds, one `acled key: value` line each, for a faithful export.
  const noteLines = [`Imported from ACLED event ${eventIdCnty}.`]
  if (precision !== "1") noteLines.push(`${notePrefix}time_precision: ${precision}`)
  if (precision === "3") noteLines.push(`${notePrefix}event_date: ${day}`)
  const otherTags = tags.filter((t) => t !== sizeTag)
  if (otherTags.length > 0) noteLines.push(`${notePrefix}tags: ${otherTags.join("; ").replace(/\s+/g, " ")}`)
  for (const column of keptInNote) {
    const value = cell(column).trim().replace(/\s+/g, " ")
    if (value !== "") noteLines.push(`${notePrefix}${column}: ${value}`)
  }

  const common = {
    type: "event" as const,
    id: eventId as EventId,
    title: `${types.subEventType} in ${location}`,
    ...(notes.trim() === "" ? {} : { summary: notes }),
    note: noteLines.join("\n"),
    when,
    where: { place, timeZone: zone },
    participants,
    citations
  }

  const context = {
    unknownCount: () => [{ value: { kind: "unknown", phrase: "not reported" }, citations }] as unknown as CountClaims,
    killed,
    actor1: firstId,
    inter1: inter1 ?? undefined,
    inter2: inter2 ?? undefined
  }
  const tried: Array<string> = []
  for (const candidate of candidatesFor(types.eventType, types.subEventType)) {
    const fields = candidate.fields(context)
    if (fields === undefined) continue
    const event = withClaims({ ...common, ...fields, kind: candidate.kind }, killed, fatalities, sizeClaims) as unknown as Event.Event
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

const withCount = new Set(["rally", "strike", "hunger-strike"])
const withKilled = new Set(["dispersal", "violence"])

// Puts the fatality claim and the crowd size where the kind holds them: `killed` and `size`
// fields, else a dispute about the number killed and the count of the first side's participants.
// (`event` is the row's own fresh object: it is completed in place.)
const withClaims = (
  event: { kind: string; participants: ReadonlyArray<Event.Participant> } & { [field: string]: unknown },
  killed: () => CountClaims,
  fatalities: number,
  size: CountClaims | undefined
): { readonly [field: string]: unknown } => {
  const out = event
  if (withKilled.has(event.kind)) out["killed"] = killed()
  else if (fatalities > 0) {
    out["disputes"] = [{ topic: "killed", claims: killed().map((c) => ({ ...c, value: { kind: "count", count: c.value } })) }]
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
