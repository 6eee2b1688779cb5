/**
 * One PLOVER record (a JSON object of the manual's "Data Fields" chapter, draft 2.0) read into
 * the library's records: the event, its actors, its place (within its country) and its source.
 *
 * Fields read: `id`; `date` or `event_date` (YYYY-MM-DD, or a month or year), `enddate`, `time`;
 * `event` or `event_type` (a category, or a list whose first is used) and `mode`; `actor` and
 * `recipient` (entity objects or names); `event_loc` (Mordecai's location object, with `lat` and
 * `lon`); `cite_info`; `size` (`dead`, `injured`, `arrested`, or a crowd size); `context`,
 * `text`, `event_text` and `comment`, kept as text.
 *
 * The kind of event comes from the PLOVER category and mode by the table `kindFor`, the inverse
 * of `Mapping` wherever a kind can hold the distinction; categories no kind holds (SUPPORT,
 * COOPERATE, AID, a boycott, vandalism) are reported, never guessed. Ids are derived from the
 * record's own (`plover:<id>`) and from names, so reading the same record twice gives the same
 * records. Counts are claims cited to the record's source, attributed to no one (the PLOVER
 * coder is named in the note).
 *
 * @since 0.2.0
 */
import { Result } from "effect"
import type { Actor } from "../model/Actor.js"
import { ploverModes, type PloverType, ploverTypes } from "../model/Codebooks.js"
import type { Event } from "../model/Event.js"
import type { Place } from "../model/Place.js"
import * as Record from "../model/Record.js"
import type { Source } from "../model/Source.js"
import * as TimeZone from "../model/TimeZone.js"
import { keyPart, shortHash, slug } from "./internal/ids.js"
import { type Built, kindFor, ploverActorKind } from "./internal/ploverKinds.js"

/**
 * A problem with one line: its number (1-based), the field at fault when there is one, and why.
 *
 * @category models
 * @since 0.2.0
 */
export interface LineIssue {
  readonly line: number
  readonly field?: string
  readonly reason: string
}

/**
 * How records are read: `timeZoneOf` names the IANA time zone of an event's place (default
 * "UTC": PLOVER records carry none).
 *
 * @category models
 * @since 0.2.0
 */
export interface ReadOptions {
  /** The IANA time zone of an event's place, from what `event_loc` names (default "UTC"). */
  readonly timeZoneOf?: (place: { readonly country?: string; readonly countryCode?: string; readonly province?: string }) => string | undefined
}

/** What one line gives. */
export interface LineRecords {
  readonly event: Event
  readonly actors: ReadonlyArray<Actor>
  readonly places: ReadonlyArray<Place>
  readonly sources: ReadonlyArray<Source>
}

type Obj = { readonly [key: string]: unknown }

const isObj = (u: unknown): u is Obj => typeof u === "object" && u !== null && !Array.isArray(u)
const own = (o: Obj, key: string): unknown => (Object.hasOwn(o, key) ? o[key] : undefined)
const text = (u: unknown): string | undefined => (typeof u === "string" && /\S/u.test(u) ? u.trim() : undefined)
const texts = (u: unknown): ReadonlyArray<string> =>
  typeof u === "string" ? (text(u) === undefined ? [] : [text(u)!]) : Array.isArray(u) ? u.flatMap((x) => (text(x) === undefined ? [] : [text(x)!])) : []
const count = (u: unknown): number | undefined => {
  const n = typeof u === "string" && /^\s*\d+\s*$/u.test(u) ? Number(u) : u
  return typeof n === "number" && Number.isSafeInteger(n) && n >= 0 ? n : undefined
}
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/u
const TIME = /^\d{2}:\d{2}(:\d{2})?$/u

// PLOVER 0.8 names still found in older files, read as their 2.0 successors.
const renamedModes: { readonly [mode: string]: string } = { assassinate: "targeted", confiscate: "seize", general: "strike" }

/** Reads one parsed line; the records, or what is wrong with the line. */
export const readLine = (value: unknown, line: number, options: ReadOptions): LineRecords | ReadonlyArray<LineIssue> => {
  const issue = (reason: string, field?: string): ReadonlyArray<LineIssue> => [field === undefined ? { line, reason } : { line, field, reason }]
  if (!isObj(value)) return issue("is not a JSON object (a PLOVER record)")
  const rawId = own(value, "id")
  const id = typeof rawId === "number" && Number.isSafeInteger(rawId) ? String(rawId) : text(rawId)
  if (id === undefined) return issue("has no id", "id")
  const date = text(own(value, "date") ?? own(value, "event_date"))
  if (date === undefined || !DATE.test(date)) return issue(`needs a date as YYYY-MM-DD (or a month or year), got ${describe(own(value, "date") ?? own(value, "event_date"))}`, "date")
  const endDate = text(own(value, "enddate"))
  if (endDate !== undefined && !DATE.test(endDate)) return issue(`enddate must be YYYY-MM-DD, got ${describe(endDate)}`, "enddate")
  const time = text(own(value, "time"))
  const categories = texts(own(value, "event") ?? own(value, "event_type")).map((c) => c.toUpperCase())
  if (categories.length === 0) return issue("has no event category", "event")
  const first = categories[0] === "DEMAND" ? "REQUEST" : categories[0]!
  if (!(ploverTypes as ReadonlyArray<string>).includes(first)) return issue(`"${clip(first)}" is not a PLOVER event category (${ploverTypes.join(", ")})`, "event")
  const type = first as PloverType
  const modes = texts(own(value, "mode")).map((m) => m.toLowerCase())
  const givenMode = modes[0]
  const mode = givenMode === undefined ? undefined : renamedModes[givenMode] ?? givenMode
  if (mode !== undefined && !ploverModes[type].includes(mode)) {
    const known = ploverModes[type].length === 0 ? "it has none" : ploverModes[type].join(", ")
    return issue(`"${clip(givenMode!)}" is not a mode of ${type} in PLOVER 2.0 (${known})`, "mode")
  }
  const actors = entities(own(value, "actor"))
  const recipients = entities(own(value, "recipient"))
  const loc = own(value, "event_loc")
  const placed = places(isObj(loc) ? loc : undefined, options)
  if (typeof placed === "string") return issue(placed, "event_loc")
  const source = sourceOf(own(value, "cite_info"))
  const citations = [{ source: source.id }]
  const size = own(value, "size")
  const sizes = isObj(size) ? { dead: count(own(size, "dead")), injured: count(own(size, "injured")), arrested: count(own(size, "arrested")), crowd: count(own(size, "participants") ?? own(size, "size")) } : { crowd: count(size) }
  const built = kindFor(type, mode, { actors, recipients, sizes, citations, text: text(own(value, "event_text")) ?? text(own(value, "text")) })
  if (typeof built === "string") return issue(built, mode === undefined ? "event" : "mode")
  const when = endDate !== undefined && endDate !== date ? `${date}/${endDate}` : time !== undefined && TIME.test(time) && date.length === 10 ? `${date}T${time}` : date
  const event = eventOf(value, { id, type, mode, categories, modes, when, built, actors, recipients, place: placed.event, citations })
  const records = [source, ...placed.records, ...actors.map((a) => a.record), ...recipients.map((a) => a.record), event]
  for (const record of records) {
    const decoded = Record.decode(record)
    if (Result.isFailure(decoded)) return issue(`gives an invalid ${record.type} (${clip(decoded.failure.message, 300)})`)
  }
  return {
    event: event as unknown as Event,
    actors: dedupe([...actors, ...recipients].map((a) => a.record)) as unknown as ReadonlyArray<Actor>,
    places: placed.records as unknown as ReadonlyArray<Place>,
    sources: [source as unknown as Source]
  }
}

/** An actor or recipient: its record and the name the event's title uses. */
export interface Entity {
  readonly record: Obj & { readonly id: string; readonly type: "actor" }
  readonly name: string
}

const entities = (u: unknown): ReadonlyArray<Entity> => {
  const list = Array.isArray(u) ? u : u === undefined || u === null ? [] : [u]
  return list.flatMap((e): ReadonlyArray<Entity> => {
    if (typeof e === "string") return text(e) === undefined ? [] : [entityOf(text(e)!, undefined, undefined, undefined)]
    if (!isObj(e)) return []
    const code = text(own(e, "code"))
    const sector = text(own(e, "sector"))
    const name = text(own(e, "identifier_text")) ?? text(own(e, "entity_text")) ?? [code, sector].filter((x) => x !== undefined).join(" ")
    if (name === "") return []
    const wikidata = /Q\d+/u.exec(text(own(e, "identifier_id")) ?? "")?.[0]
    return [entityOf(name, code, sector, wikidata)]
  })
}

const entityOf = (name: string, code: string | undefined, sector: string | undefined, wikidata: string | undefined): Entity => {
  const coded = [code === undefined ? "" : `code ${code}`, sector === undefined ? "" : `sector ${sector}`].filter((x) => x !== "").join(", ")
  return {
    name,
    record: {
      type: "actor",
      id: `plover-actor:${wikidata ?? slug(name)}`,
      kind: ploverActorKind(sector),
      name,
      ...(coded === "" ? {} : { description: `As coded in PLOVER: ${coded}${wikidata === undefined ? "" : `, Wikidata ${wikidata}`}.` })
    }
  }
}

const resolutionKinds: { readonly [r: number]: string } = { 5: "site", 4: "city", 3: "district", 2: "region", 1: "country" }

const places = (loc: Obj | undefined, options: ReadOptions): { readonly event: { readonly place: string; readonly timeZone: string }; readonly records: ReadonlyArray<Obj> } | string => {
  if (loc === undefined) return "has no event_loc: an event needs a place"
  const country = text(own(loc, "country"))
  const countryCode = text(own(loc, "country_code"))
  const province = text(own(loc, "province"))
  const name = text(own(loc, "resolved_place")) ?? text(own(loc, "city")) ?? text(own(loc, "district")) ?? province ?? text(own(loc, "extracted_place")) ?? country
  if (name === undefined) return "event_loc names no place (resolved_place, city, district, province, extracted_place or country)"
  const zone = (() => {
    try {
      return options.timeZoneOf?.({ ...(country === undefined ? {} : { country }), ...(countryCode === undefined ? {} : { countryCode }), ...(province === undefined ? {} : { province }) }) ?? "UTC"
    } catch {
      return undefined
    }
  })()
  const zoneProblem = zone === undefined ? "timeZoneOf threw" : TimeZone.invalidReason(zone)
  if (zoneProblem !== undefined) return `no usable time zone for "${clip(name)}": ${zoneProblem}`
  const lat = own(loc, "lat")
  const lon = own(loc, "lon")
  const resolution = own(loc, "resolution")
  const hasPoint = typeof lat === "number" && typeof lon === "number" && Math.abs(lat) <= 90 && Math.abs(lon) <= 180
  if ((lat !== undefined || lon !== undefined) && !hasPoint && lat !== null && lon !== null) return `lat and lon must be numbers within ±90 and ±180, got ${describe(lat)} and ${describe(lon)}`
  const geonameid = count(own(loc, "geonameid"))
  const countryRecord = country === undefined && countryCode === undefined
    ? undefined
    : { type: "place", id: `plover-place:${slug(countryCode ?? country!)}`, kind: "country", name: country ?? countryCode!, timeZone: zone! }
  const isCountry = resolution === 1 || (countryRecord !== undefined && name === country)
  if (isCountry && countryRecord !== undefined && !hasPoint) return { event: { place: countryRecord.id, timeZone: zone! }, records: [countryRecord] }
  const kind = typeof resolution === "number" ? resolutionKinds[resolution] ?? "other" : "other"
  const place = {
    type: "place",
    id: geonameid !== undefined ? `geonames:${geonameid}` : `plover-place:${slug(`${name}-${countryCode ?? country ?? ""}`)}`,
    kind,
    name,
    timeZone: zone!,
    ...(countryRecord === undefined ? {} : { within: countryRecord.id }),
    ...(hasPoint ? { coordinates: { lat, lon, precision: resolution === 5 || resolution === 4 ? "approximate" : "centroid" } } : {})
  }
  return { event: { place: place.id, timeZone: zone! }, records: countryRecord === undefined ? [place] : [countryRecord, place] }
}

const sourceOf = (u: unknown): Obj & { readonly id: string } => {
  const cite = isObj(u) ? u : {}
  const outlet = text(own(cite, "publication")) ?? text(own(cite, "corpus")) ?? "PLOVER data (no citation given)"
  const url = text(own(cite, "url"))
  const title = text(own(cite, "title"))
  const citation = text(own(cite, "citation"))
  const language = text(own(cite, "language"))
  const usableUrl = url !== undefined && /^https?:\/\/\S+$/u.test(url) && URL.canParse(url) ? url : undefined
  const key = usableUrl ?? citation ?? title ?? ""
  return {
    type: "source",
    id: `plover-source:${slug(outlet)}${key === "" ? "" : `~${shortHash(key, 8)}`}`,
    outlet,
    kind: own(cite, "publication") === undefined ? "other" : "news",
    ...(title === undefined ? {} : { title }),
    ...(usableUrl === undefined ? {} : { url: usableUrl }),
    ...(language !== undefined && /^[a-z]{2,3}$/u.test(language) ? { language } : {}),
    ...(citation === undefined ? {} : { note: `Citation: ${citation}` })
  }
}

const eventOf = (value: Obj, p: {
  readonly id: string
  readonly type: PloverType
  readonly mode: string | undefined
  readonly categories: ReadonlyArray<string>
  readonly modes: ReadonlyArray<string>
  readonly when: string
  readonly built: Built
  readonly actors: ReadonlyArray<Entity>
  readonly recipients: ReadonlyArray<Entity>
  readonly place: { readonly place: string; readonly timeZone: string }
  readonly citations: ReadonlyArray<{ readonly source: string }>
}): Obj & { readonly id: string } => {
  const who = p.actors[0]?.name ?? "An unnamed actor"
  const whom = p.recipients[0]?.name
  const coded = `${p.type}${p.mode === undefined ? "" : ` ${p.mode}`}`
  const notes = [
    `Imported from PLOVER: ${coded}${p.categories.length > 1 || p.modes.length > 1 ? ` (the record also gives ${[...p.categories.slice(1), ...p.modes.slice(1)].join(", ")})` : ""}.`,
    ...texts(own(value, "context")).slice(0, 20).map((c) => `Context: ${c}.`),
    ...texts(own(value, "coder")).slice(0, 1).map((c) => `Coder: ${c}.`),
    ...texts(own(value, "comment")).slice(0, 1),
    ...p.built.notes
  ]
  const summary = texts(own(value, "text")).join(" ") || texts(own(value, "event_text")).join(" ")
  const participants = [
    ...p.actors.map((a) => ({ actor: a.record.id, role: p.built.actorRole })),
    ...p.recipients.map((a) => ({ actor: a.record.id, role: p.built.recipientRole }))
  ]
  return {
    type: "event",
    kind: p.built.kind,
    id: `plover:${keyPart(p.id)}`,
    title: `${who}: ${coded}${whom === undefined ? "" : `, ${whom}`}`,
    ...(summary === "" ? {} : { summary }),
    note: notes.join(" "),
    when: p.when,
    where: p.place,
    ...(participants.length === 0 ? {} : { participants: dedupeBy(participants, (x) => `${x.actor}/${x.role}`) }),
    ...p.built.fields,
    citations: p.citations
  }
}

const dedupeBy = <A>(xs: ReadonlyArray<A>, key: (a: A) => string): ReadonlyArray<A> => {
  const seen = new Set<string>()
  return xs.filter((x) => (seen.has(key(x)) ? false : (seen.add(key(x)), true)))
}
const dedupe = (records: ReadonlyArray<Obj & { readonly id: string }>) => dedupeBy(records, (r) => r.id)

const clip = (s: string, n = 60): string => (s.length > n ? `${s.slice(0, n - 3)}...` : s)
const describe = (u: unknown): string => (u === undefined ? "nothing" : typeof u === "string" ? `"${clip(u)}"` : clip(String(JSON.stringify(u))))
