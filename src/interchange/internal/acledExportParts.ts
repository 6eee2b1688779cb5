/**
 * The parts of the ACLED export that read records: where the actors, places, sources and links
 * come from, the `acled key: value` lines of an imported event's note, the cells of a place (its
 * names up to the country and its coordinates), the days of an event, its fatality and crowd
 * claims, and the neutralising of cells a spreadsheet would run as formulas.
 */
import type { CountClaim } from "../../model/Claim.js"
import type * as Event from "../../model/Event.js"
import type { Link } from "../../model/Link.js"
import type { Place } from "../../model/Place.js"
import type { AnyRecord } from "../../model/Vocabulary.js"
import type { StreamRef } from "../../journal/Entry.js"
import * as Catalog from "../../projection/Catalog.js"
import { notePrefix } from "../acledRow.js"

export type Lookup = (stream: StreamRef) => AnyRecord | undefined

export const isObject = (u: unknown): u is { readonly [key: string]: unknown } => typeof u === "object" && u !== null
export const isIterable = (u: unknown): u is Iterable<unknown> => isObject(u) && typeof (u as { [Symbol.iterator]?: unknown })[Symbol.iterator] === "function"

// Where records are found; anything that is none of the three forms finds nothing.
export const lookupOf = (records: unknown): { readonly get: Lookup; readonly links: ReadonlyArray<Link> } => {
  if (typeof records === "function") {
    const find = records as (stream: StreamRef) => unknown
    return { get: (stream) => { const r = find(stream); return isObject(r) ? (r as unknown as AnyRecord) : undefined }, links: [] }
  }
  if (Catalog.isCatalog(records)) {
    return {
      get: (stream) => Catalog.get(records, stream)?.current,
      links: Catalog.records(records, { type: "link" }) as ReadonlyArray<Link>
    }
  }
  const byKey = new Map<string, AnyRecord>()
  const links: Array<Link> = []
  if (isIterable(records)) {
    for (const r of records) {
      if (!isObject(r) || typeof r["type"] !== "string" || typeof r["id"] !== "string") continue
      byKey.set(`${r["type"]}/${r["id"]}`, r as unknown as AnyRecord)
      if (r["type"] === "link") links.push(r as unknown as Link)
    }
  }
  return { get: (stream) => byKey.get(`${stream.type}/${stream.id}`), links }
}

// Enough of an event to be read safely; a malformed one still fails where it is read, and is
// then skipped with a reason (see exportCells).
export const isEventShaped = (u: unknown): u is Event.AnyEvent =>
  isObject(u) && u["type"] === "event" && typeof u["id"] === "string" && typeof u["kind"] === "string" &&
  typeof u["when"] === "string" && isObject(u["where"]) && typeof u["where"]["place"] === "string" && Array.isArray(u["citations"])

export const side1 = new Set<string>(["participant", "organizer", "supporter", "perpetrator", "speaker"])
export const side2 = new Set<string>(["authority", "target", "victim", "detainee"])
export const stateKinds = new Set<string>(["police", "military", "state-body", "official", "court"])

// The `acled key: value` lines of an event's note, read once per event.
const noteFieldsOf = new WeakMap<object, ReadonlyMap<string, string>>()
export const noteField = (event: Event.AnyEvent, key: string): string | undefined => {
  let fields = noteFieldsOf.get(event)
  if (fields === undefined) {
    const found = new Map<string, string>()
    for (const line of (event.note ?? "").split("\n")) {
      if (!line.startsWith(notePrefix)) continue
      const colon = line.indexOf(": ", notePrefix.length)
      if (colon > 0) found.set(line.slice(notePrefix.length, colon), line.slice(colon + 2))
    }
    fields = found
    noteFieldsOf.set(event, fields)
  }
  return fields.get(key)
}

// Every record an export reads, looked up once: the same places, actors and sources serve many
// events.
export const memoized = (get: Lookup): Lookup => {
  const byType = new Map<string, Map<string, AnyRecord | undefined>>()
  return (stream) => {
    let ids = byType.get(stream.type)
    if (ids === undefined) byType.set(stream.type, (ids = new Map()))
    if (ids.has(stream.id)) return ids.get(stream.id)
    const record = get(stream)
    ids.set(stream.id, record)
    return record
  }
}

/** What a row needs of an event's place: its names up to the country, and its coordinates. */
export interface PlaceCells {
  readonly location: string
  readonly country: string
  readonly admin1: string
  readonly admin2: string
  readonly admin3: string
  readonly latitude: string
  readonly longitude: string
  readonly geoPrecision: string
}

export const placeCellsOf = (placeId: string, get: Lookup): PlaceCells => {
  // The event's place, up its `within` chain to the country.
  const chain: Array<Place> = []
  for (let id: string | undefined = placeId; id !== undefined && chain.length < 12;) {
    const place = get({ type: "place", id } as StreamRef) as Place | undefined
    if (place === undefined || chain.includes(place)) break
    chain.push(place)
    id = place.within
  }
  const countryIndex = chain.findIndex((p) => p.kind === "country")
  const country = countryIndex >= 0 ? chain[countryIndex]! : chain.length > 1 ? chain[chain.length - 1] : undefined
  const admins = chain.slice(1, countryIndex >= 0 ? countryIndex : chain.length - 1).reverse()
  const withCoordinates = chain.findIndex((p) => p.coordinates !== undefined)
  const coordinates = withCoordinates >= 0 ? chain[withCoordinates]!.coordinates! : undefined
  return {
    location: neutralise(chain[0]?.name ?? placeId),
    country: neutralise(country?.name ?? ""),
    admin1: neutralise(admins[0]?.name ?? ""),
    admin2: neutralise(admins[1]?.name ?? ""),
    admin3: neutralise(admins[2]?.name ?? ""),
    latitude: coordinates === undefined ? "" : coordinate(coordinates.lat),
    longitude: coordinates === undefined ? "" : coordinate(coordinates.lon),
    geoPrecision: coordinates === undefined ? "" : withCoordinates === 0 ? precisionCode[coordinates.precision] : "3"
  }
}

// The days an event covers, and the precision ACLED gives them; a reason when it cannot say.
export const daysOf = (event: Event.AnyEvent, maxDays: number): { readonly days: ReadonlyArray<string>; readonly precision: "1" | "2" | "3" } | string => {
  const when = String(event.when)
  const approximate = /[~?%]/.test(when)
  const clean = when.replace(/[~?%]/g, "")
  const [from, to, extra] = clean.split("/")
  const dayOf = (s: string | undefined) => (s !== undefined && /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : undefined)
  const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(clean)
  if (month) return { days: [noteField(event, "event_date") ?? `${clean}-15`], precision: "3" }
  const a = dayOf(from)
  if (a === undefined || extra !== undefined) return `its date ${when} is less precise than a day or a month, and ACLED records no such event`
  if (to === undefined) return { days: [a], precision: approximate ? "2" : "1" }
  const b = dayOf(to)
  if (b === undefined) return `its date ${when} has an open or imprecise end`
  const start = Date.parse(`${a}T00:00:00Z`)
  const count = Math.round((Date.parse(`${b}T00:00:00Z`) - start) / 86_400_000) + 1
  // An imported week of uncertainty (time_precision 2) is one row at its middle day.
  if (noteField(event, "time_precision") === "2") return { days: [new Date(start + Math.floor(count / 2) * 86_400_000).toISOString().slice(0, 10)], precision: "2" }
  if (count > maxDays) return `it lasts ${count} days, more than the ${maxDays} written day by day`
  const days: Array<string> = []
  for (let i = 0; i < count; i++) days.push(new Date(start + i * 86_400_000).toISOString().slice(0, 10))
  return { days, precision: approximate ? "2" : "1" }
}

export const killedClaims = (event: Event.AnyEvent): ReadonlyArray<Pick<CountClaim, "value">> => {
  const own = ((event as { readonly killed?: ReadonlyArray<CountClaim> }).killed ?? []) as ReadonlyArray<Pick<CountClaim, "value">>
  const disputed = (event.disputes ?? [])
    .filter((d) => /killed|dead|death|fatalit/i.test(d.topic))
    .flatMap((d) => d.claims.flatMap((c) => (c.value.kind === "count" ? [{ value: c.value.count }] : [])))
  return [...own, ...disputed]
}

export const sizeClaims = (event: Event.AnyEvent): ReadonlyArray<CountClaim> => {
  const own = (event as { readonly size?: ReadonlyArray<CountClaim> }).size
  if (own !== undefined) return own
  return event.participants?.find((p) => side1.has(p.role) && p.count !== undefined)?.count ?? []
}

export const isImported = (event: Event.AnyEvent): boolean => event.id.startsWith("acled:")

// = + - @ tab CR: what a spreadsheet may run as a formula at the start of a cell.
const formulaStart = new Set([61, 43, 45, 64, 9, 13])
export const neutralise = (cell: string): string => (formulaStart.has(cell.charCodeAt(0)) ? `'${cell}` : cell)
const coordinate = (x: number): string => String(Math.round(x * 1e4) / 1e4)
const precisionCode = { exact: "1", approximate: "2", centroid: "3", "administrative-centre": "3" } as const
