/**
 * ACLED CSV out: events as the rows ACLED would record. Only events whose mapping has an ACLED
 * pair become rows; a multi-day event becomes a row per day (its fatalities divided across them,
 * the first day taking the remainder, as ACLED divides multi-day totals); a dispersal or an arrest at a protest (same place and day, or a
 * link between them) is folded into the protest's row, which becomes "Protest with intervention"
 * or, when the dispersal's own mapping says so, "Excessive force against protesters". Fatalities
 * are the most conservative figure of every claim; the other claims, unplaced actors and tags go
 * to `notes`. Cells that a spreadsheet would run as a formula are neutralised.
 *
 * @since 0.2.0
 */
import type { Actor } from "../model/Actor.js"
import type { CountClaim } from "../model/Claim.js"
import * as Count from "../model/Count.js"
import * as Event from "../model/Event.js"
import type { Source } from "../model/Source.js"
import type { AnyRecord } from "../model/Vocabulary.js"
import type { StreamRef } from "../journal/Entry.js"
import * as Catalog from "../projection/Catalog.js"
import { type ActorType, actorTypes, type Column, columns, disorderTypeOf, interactionOf } from "./acledCodes.js"
import { eventIdCntyOf } from "./acledRow.js"
import { crowdSizePhrase, fatalitiesOf } from "./acledSize.js"
import { stringifyRows } from "./internal/csv.js"
import {
  daysOf,
  isEventShaped,
  isImported,
  isIterable,
  isObject,
  killedClaims,
  type Lookup,
  lookupOf,
  memoized,
  neutralise,
  noteField,
  type PlaceCells,
  placeCellsOf,
  side1,
  side2,
  sizeClaims,
  stateKinds
} from "./internal/acledExportParts.js"

/**
 * One ACLED row: a cell for every column of a current export.
 *
 * @category models
 * @since 0.2.0
 */
export type AcledRow = { readonly [C in Column]: string }

/**
 * Options of an export: where the actors, places, sources and links the events name are found
 * (a catalog, the records themselves, or a lookup by stream), and the longest event, in days, that
 * is written out day by day (default 366).
 *
 * @category models
 * @since 0.2.0
 */
export interface ExportOptions {
  /** Where the places, actors and sources the events name are read from (a catalog, records, or a lookup). */
  readonly records?: Catalog.Catalog | Iterable<AnyRecord> | ((stream: StreamRef) => AnyRecord | undefined)
  readonly maxDays?: number
}

/**
 * What an export wrote: the rows, the events it left out with the reason (ACLED does not code
 * the kind, the date is less precise than a month), and the events folded into another's row.
 *
 * @category models
 * @since 0.2.0
 */
export interface ExportResult {
  readonly rows: ReadonlyArray<AcledRow>
  readonly skipped: ReadonlyArray<{ readonly event: string; readonly reason: string }>
  readonly folded: ReadonlyArray<{ readonly event: string; readonly into: string }>
}

interface Folded {
  readonly excessive: boolean
  readonly events: Array<Event.AnyEvent>
}

/**
 * Writes events as ACLED rows (see the module note for the rules). Never throws: an event that
 * cannot be written is listed in `skipped` with the reason.
 *
 * @category exporting
 * @since 0.2.0
 */
export const exportRows = (events: Iterable<Event.AnyEvent>, options: ExportOptions = {}): ExportResult => {
  const { cells, folded, skipped } = exportCells(events, options)
  return { rows: cells.map(toRow), skipped, folded }
}

// Any input, never an exception: what is not an event (or fails as one) is skipped with a reason.
const exportCells = (
  events: unknown,
  options: unknown
): { readonly cells: Array<ReadonlyArray<string>>; readonly skipped: ExportResult["skipped"]; readonly folded: ExportResult["folded"] } => {
  if (!isIterable(events) || typeof events === "string") return { cells: [], skipped: [{ event: "", reason: "expected events (an array or another iterable)" }], folded: [] }
  const list: Array<Event.AnyEvent> = []
  const skipped: Array<{ event: string; reason: string }> = []
  try {
    for (const e of events) {
      if (isEventShaped(e)) list.push(e)
      else skipped.push({ event: isObject(e) && typeof e["id"] === "string" ? e["id"] : "", reason: "it is not an event record" })
    }
    const out = exportEvents(list, isObject(options) ? (options as ExportOptions) : {})
    return { ...out, skipped: [...skipped, ...out.skipped] }
  } catch (error) {
    return { cells: [], skipped: [...skipped, { event: "", reason: `the events could not be read: ${String((error as { message?: unknown })?.message ?? error).slice(0, 200)}` }], folded: [] }
  }
}

const toRow = (cells: ReadonlyArray<string>): AcledRow => {
  const row: { [C in Column]?: string } = {}
  columns.forEach((column, i) => (row[column] = cells[i]!))
  return row as AcledRow
}

// The rows as arrays of cells in the order of `columns`, as the CSV writer takes them.
const exportEvents = (
  list: ReadonlyArray<Event.AnyEvent>,
  options: ExportOptions
): { readonly cells: Array<ReadonlyArray<string>>; readonly skipped: ExportResult["skipped"]; readonly folded: ExportResult["folded"] } => {
  const lookup = lookupOf(options?.records)
  const links = lookup.links
  const get = memoized(lookup.get)
  const placeCells = new Map<string, PlaceCells>()
  const cellsOf = (placeId: string): PlaceCells => {
    let cells = placeCells.get(placeId)
    if (cells === undefined) placeCells.set(placeId, (cells = placeCellsOf(placeId, get)))
    return cells
  }
  const maxDays = typeof options.maxDays === "number" && options.maxDays >= 1 ? options.maxDays : 366
  const rows: Array<ReadonlyArray<string>> = []
  const skipped: Array<{ event: string; reason: string }> = []
  const folded: Array<{ event: string; into: string }> = []

  // Protests (by place and day, and by id) that a dispersal or an arrest can fold into.
  const protests = new Map<string, Event.AnyEvent>()
  const protestIds = new Map<string, Event.AnyEvent>()
  for (const event of list) {
    const acled = Event.mappingOf(event)?.acled
    if (event.kind === "dispersal" || event.kind === "detention" || acled === undefined) continue
    if (acled.eventType !== "Protests" || isImported(event)) continue
    protestIds.set(event.id, event)
    const days = daysOf(event, maxDays)
    if (typeof days !== "string") for (const day of days.days) protests.set(`${event.where.place}@${day}`, event)
  }
  const linked = new Map<string, string>()
  for (const link of links) {
    if (link.relation === "contradicts") continue
    if (protestIds.has(link.to)) linked.set(link.from, link.to)
    else if (protestIds.has(link.from)) linked.set(link.to, link.from)
  }
  const foldedInto = new Map<string, Folded>()
  for (const event of list) {
    // Rows imported from ACLED are its atomic events already: they never fold.
    if ((event.kind !== "dispersal" && event.kind !== "detention") || isImported(event)) continue
    const days = daysOf(event, maxDays)
    const target = protestIds.get(linked.get(event.id) ?? "") ??
      (typeof days === "string" ? undefined : days.days.map((d) => protests.get(`${event.where.place}@${d}`)).find((p) => p !== undefined))
    if (target === undefined) continue
    const entry = foldedInto.get(target.id) ?? { excessive: false, events: [] }
    const acled = Event.mappingOf(event)?.acled
    foldedInto.set(target.id, {
      excessive: entry.excessive || acled?.subEventType === "Excessive force against protesters",
      events: [...entry.events, event]
    })
    folded.push({ event: event.id, into: target.id })
  }
  const foldedIds = new Set(folded.map((f) => f.event))

  for (const event of list) {
    if (foldedIds.has(event.id)) continue
    const mapping = Event.mappingOf(event)
    if (mapping === undefined) {
      skipped.push({ event: String(event?.id), reason: "it is not an event of a built-in kind" })
      continue
    }
    const acled = (mapping as { readonly acled?: { readonly eventType: string; readonly subEventType: string } }).acled
    if (acled === undefined) {
      skipped.push({ event: event.id, reason: `ACLED does not code a ${event.kind}` })
      continue
    }
    const days = daysOf(event, maxDays)
    if (typeof days === "string") {
      skipped.push({ event: event.id, reason: days })
      continue
    }
    let written: ReadonlyArray<ReadonlyArray<string>>
    try {
      written = rowsOf(event, acled, days, foldedInto.get(event.id), get, cellsOf(event.where.place))
    } catch {
      skipped.push({ event: event.id, reason: "it is not a valid event (a field of the wrong shape)" })
      continue
    }
    for (const row of written) rows.push(row)
  }
  return { cells: rows, skipped, folded }
}

const rowsOf = (
  event: Event.AnyEvent,
  acled: { readonly eventType: string; readonly subEventType: string },
  when: { readonly days: ReadonlyArray<string>; readonly precision: string },
  fold: Folded | undefined,
  get: Lookup,
  place: PlaceCells
): ReadonlyArray<ReadonlyArray<string>> => {
  const eventType = acled.eventType as Parameters<typeof disorderTypeOf>[0]
  let subEventType = acled.subEventType
  if (fold !== undefined && eventType === "Protests") subEventType = fold.excessive ? "Excessive force against protesters" : "Protest with intervention"
  const location = place.location
  const countryName = place.country

  // Actors, on the two sides ACLED has; the others are named in the notes.
  const names1: Array<string> = []
  const names2: Array<string> = []
  const others: Array<string> = []
  let type1: ActorType | undefined
  let type2: ActorType | undefined
  const typeOf = (actor: Actor | undefined, side: 1 | 2): ActorType => {
    const noted = /^ACLED actor type: (.+)$/m.exec(actor?.description ?? "")?.[1]
    if (noted !== undefined && (actorTypes as ReadonlyArray<string>).includes(noted)) return noted as ActorType
    if (actor !== undefined && stateKinds.has(actor.kind)) return "State forces"
    if (eventType === "Protests") return side === 1 ? "Protesters" : "Civilians"
    if (eventType === "Riots") return side === 1 ? "Rioters" : "Civilians"
    if (eventType === "Violence against civilians" && side === 2) return "Civilians"
    return "External/Other forces"
  }
  const addActor = (id: string, side: 1 | 2) => {
    const actor = get({ type: "actor", id }) as Actor | undefined
    const name = actor?.name ?? id
    const names = side === 1 ? names1 : names2
    if (names.includes(name)) return
    if (names.length === 0) {
      if (side === 1) type1 = typeOf(actor, 1)
      else type2 = typeOf(actor, 2)
    }
    names.push(name)
  }
  for (const p of event.participants ?? []) {
    if (side1.has(p.role)) addActor(p.actor, 1)
    else if (side2.has(p.role)) addActor(p.actor, 2)
    else others.push(`${(get({ type: "actor", id: p.actor }) as Actor | undefined)?.name ?? p.actor} (${p.role})`)
  }
  const extra: Array<string> = []
  for (const f of fold?.events ?? []) {
    for (const id of (f as { readonly by?: ReadonlyArray<string> }).by ?? []) addActor(id, 2)
    const authority = (f as { readonly authority?: string }).authority
    if (authority !== undefined) addActor(authority, 2)
    const detained = (f as { readonly detained?: ReadonlyArray<CountClaim> }).detained
    if (detained !== undefined) extra.push(`Detained: ${detained.map((c) => Count.format(c.value)).join(" / ")}.`)
    const force = (f as { readonly force?: ReadonlyArray<string> }).force
    if (force !== undefined && force.length > 0) extra.push(`Force used: ${force.join(", ")}.`)
  }
  if (names1.length === 0) {
    const generic = eventType === "Protests" ? "Protesters" : eventType === "Riots" ? "Rioters" : "Unidentified actors"
    names1.push(countryName === "" ? generic : `${generic} (${countryName})`)
    type1 = eventType === "Protests" ? "Protesters" : eventType === "Riots" ? "Rioters" : "External/Other forces"
  }

  // Claims: the most conservative fatality figure; the crowd size in its own words.
  const killed = [...killedClaims(event), ...(fold?.events ?? []).flatMap(killedClaims)]
  const fatalities = fatalitiesOf(killed)
  const distinct = new Set(killed.map((c) => Count.format(c.value)))
  if (distinct.size > 1) extra.push(`Fatality claims: ${[...distinct].join("; ")}.`)
  const sizes = sizeClaims(event)
  const tags: Array<string> = []
  if (eventType === "Protests" || eventType === "Riots") tags.push(`crowd size=${sizes[0] === undefined ? "no report" : crowdSizePhrase(sizes[0].value)}`)
  if (sizes.length > 1) extra.push(`Crowd size claims: ${sizes.map((c) => crowdSizePhrase(c.value)).join("; ")}.`)
  const otherTags = noteField(event, "tags")
  if (otherTags !== undefined) tags.push(otherTags)
  if (others.length > 0) extra.push(`Also named: ${others.join(", ")}.`)
  if (event.tags !== undefined && event.tags.length > 0) extra.push(`Tags: ${event.tags.join(", ")}.`)
  for (const f of fold?.events ?? []) extra.push(`Folded in: ${f.title}.`)

  const generatedTitle = `${acled.subEventType} in ${location}`
  const notes = [event.summary ?? (event.title === generatedTitle ? undefined : event.title), ...extra].filter((s) => s !== undefined).join(" ")
  const outlets: Array<string> = []
  for (const c of event.citations) {
    const outlet = (get({ type: "source", id: c.source }) as Source | undefined)?.outlet ?? c.source
    if (!outlets.includes(outlet)) outlets.push(outlet)
  }
  const civilianTargeting = noteField(event, "civilian_targeting") ??
    (eventType === "Violence against civilians" && !isImported(event) ? "Civilians targeted" : "")

  const base = eventIdCntyOf(event.id)
  const perDay = Math.floor(fatalities / when.days.length)
  // Cells in the order of `columns`; the text ones neutralised, the ones written here from
  // numbers and codebook terms left as they are.
  const n = neutralise
  const shared = {
    disorder: disorderTypeOf(eventType, subEventType),
    actor1: n(names1[0]!),
    assoc1: n(names1.slice(1).join("; ")),
    actor2: n(names2[0] ?? ""),
    assoc2: n(names2.slice(1).join("; ")),
    inter2: names2.length > 0 ? type2 ?? "" : "",
    interaction: interactionOf(type1!, names2.length > 0 ? type2 : undefined),
    source: n(outlets.join("; ")),
    notes: n(notes),
    tags: n(tags.join("; "))
  }
  return when.days.map((day, i) => [
    n(when.days.length === 1 ? base : `${base}-${day.replaceAll("-", "")}`),
    day,
    day.slice(0, 4),
    when.precision,
    shared.disorder,
    eventType,
    subEventType,
    shared.actor1,
    shared.assoc1,
    type1 ?? "",
    shared.actor2,
    shared.assoc2,
    shared.inter2,
    shared.interaction,
    n(civilianTargeting),
    n(noteField(event, "iso") ?? ""),
    n(noteField(event, "region") ?? ""),
    place.country,
    place.admin1,
    place.admin2,
    place.admin3,
    place.location,
    place.latitude,
    place.longitude,
    place.geoPrecision,
    shared.source,
    n(noteField(event, "source_scale") ?? ""),
    shared.notes,
    String(perDay + (i === 0 ? fatalities - perDay * when.days.length : 0)),
    shared.tags,
    n(noteField(event, "timestamp") ?? "")
  ])
}

/**
 * Writes events as an ACLED CSV file (header row, CRLF line ends) with `exportRows`' rules.
 *
 * @category exporting
 * @since 0.2.0
 */
export const exportCsv = (events: Iterable<Event.AnyEvent>, options: ExportOptions = {}): Omit<ExportResult, "rows"> & { readonly csv: string } => {
  const { cells, skipped, folded } = exportCells(events, options)
  return { csv: stringifyRows(cells, columns), skipped, folded }
}

/**
 * Writes rows as CSV text, with the header row first when `header` is true.
 *
 * @category exporting
 * @since 0.2.0
 */
export const rowsToCsv = (rows: ReadonlyArray<AcledRow>, header: boolean): string => {
  const cells = Array.from(Array.isArray(rows) ? rows : [], (row: unknown) => columns.map((c) => {
    const cell = isObject(row) ? row[c] : undefined
    return typeof cell === "string" ? cell : ""
  }))
  return stringifyRows(cells, header === true ? columns : undefined)
}

/**
 * The streaming form: events in (in date order, so that a protest and the dispersal of the same
 * day meet), CSV text out, `batchSize` events at a time (default 10,000), the header first.
 * Folding looks within a batch only.
 *
 * @category exporting
 * @since 0.2.0
 */
export const exportChunks = function*(events: Iterable<Event.AnyEvent>, options: ExportOptions & { readonly batchSize?: number } = {}): Generator<string> {
  const batchSize = isObject(options) ? options["batchSize"] : undefined
  const size = typeof batchSize === "number" && batchSize >= 1 ? batchSize : 10_000
  if (!isIterable(events) || typeof events === "string") {
    yield stringifyRows([], columns)
    return
  }
  let batch: Array<Event.AnyEvent> = []
  let header = true
  const flush = () => {
    const text = stringifyRows(exportCells(batch, options).cells, header ? columns : undefined)
    header = false
    batch = []
    return text
  }
  const iterator = (events as Iterable<Event.AnyEvent>)[Symbol.iterator]()
  for (;;) {
    let next: IteratorResult<Event.AnyEvent>
    try {
      next = iterator.next()
    } catch {
      break // an iterable that fails while read ends the export where it failed
    }
    if (next.done === true) break
    batch.push(next.value)
    if (batch.length >= size) yield flush()
  }
  if (batch.length > 0 || header) yield flush()
}
