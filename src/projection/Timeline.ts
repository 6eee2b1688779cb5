/**
 * The timeline: every current event in a total, deterministic order, indexed for window queries,
 * with filters, grouping, gaps, anniversaries, interval relations and claim summaries. It is a
 * projection over the journal, so a corrected event moves, a retracted one disappears, and every
 * query can be asked as of a record time (`Projection.asOf(Timeline.projection, entries, t)`).
 *
 * Order: events are sorted by their bounds in UTC (earliest instant, then latest), ties broken by
 * id. An approximate or uncertain date is placed by its bounds, never by a midpoint: `2011-12`
 * comes before `2011-12-16` because it may begin earlier.
 *
 * Certainty: a query answers each event `certain` when every reading of its date satisfies the
 * query and `possible` when only some do. A date marked uncertain (`?`) is never certain.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Projection } from "protest-chronicle"
 * import type { Journal } from "protest-chronicle"
 * const { Timeline } = Projection
 * declare const entries: ReadonlyArray<Journal.Entry>
 *
 * const timeline = Projection.replay(Timeline.projection, entries)
 * const december = Timeline.query(timeline, { from: "2011-12-01", to: "2011-12-31", place: "mangystau-region" })
 * if (Result.isSuccess(december)) for (const hit of december.success) console.log(hit.certainty, hit.event.title)
 * ```
 *
 * @since 0.1.0
 *
 * @module
 */
import { HashMap, Result } from "effect"
import type { Entry } from "../journal/Entry.js"
import type { Actor } from "../model/Actor.js"
import type { CountClaim, CountClaims } from "../model/Claim.js"
import * as Count from "../model/Count.js"
import type { AnyEvent } from "../model/Event.js"
import type { Link } from "../model/Link.js"
import type { Place } from "../model/Place.js"
import type { Source } from "../model/Source.js"
import { TimeZoneError, invalidReason as invalidZoneReason } from "../model/TimeZone.js"
import * as When from "../model/When.js"
import * as Allen from "./Allen.js"
import * as Anniversary from "./Anniversary.js"
import * as Hierarchy from "./Hierarchy.js"
import type { Projection } from "./Projection.js"
import * as Ids from "./internal/timelineIds.js"
import * as Index from "./internal/timelineIndex.js"
import * as Items from "./internal/timelineItem.js"

// ---------------------------------------------------------------------------
// models
// ---------------------------------------------------------------------------

/**
 * One event as the timeline indexes it: its id, the ranges of its possible start and end instants
 * (epoch ms, inclusive; see `When.span`), whether its date is marked uncertain, and the event.
 *
 * @category models
 * @since 0.1.0
 */
export type Item = Items.Item<AnyEvent>

/**
 * The timeline state: a persistent index of the current events, the events by id, and the places,
 * actors and sources needed for place and actor filters and for claim policies. Every update
 * shares most of the previous state, so old states stay valid and cheap to keep. Treat it as
 * opaque and read it with the functions of this module.
 *
 * @category models
 * @since 0.1.0
 */
export interface Timeline {
  readonly index: Index.Index<AnyEvent>
  readonly byId: Ids.IdMap<Item>
  readonly places: HashMap.HashMap<string, Place>
  readonly actors: HashMap.HashMap<string, Actor>
  readonly sources: HashMap.HashMap<string, Source>
  /** The current same-as links, by link id: the pairs of reports of one event. */
  readonly sameAs: HashMap.HashMap<string, readonly [string, string]>
}

/**
 * How sure an answer is: `certain` when every reading of the event's date satisfies the query,
 * `possible` when only some do.
 *
 * @category models
 * @since 0.1.0
 */
export type Certainty = "certain" | "possible"

/**
 * An event answered by a query, with how sure the answer is.
 *
 * @category models
 * @since 0.1.0
 */
export interface Hit {
  readonly event: AnyEvent
  readonly certainty: Certainty
  /**
   * Other reports of the same event (joined to it by same-as links), when there are any: a query
   * answers each class of reports once, by its earliest report (see {@link sameAsClasses}).
   */
  readonly duplicates?: ReadonlyArray<AnyEvent>
}

// ---------------------------------------------------------------------------
// building
// ---------------------------------------------------------------------------

/**
 * The empty timeline.
 *
 * @category constructors
 * @since 0.1.0
 */
export const empty: Timeline = {
  index: Index.empty,
  byId: undefined,
  places: HashMap.empty(),
  actors: HashMap.empty(),
  sources: HashMap.empty(),
  sameAs: HashMap.empty()
}

/**
 * The index item of an event: its span in its own zone (`where.timeZone`). Throws a
 * `TimeZoneError` only for an event whose zone was never checked (decoded events always pass).
 *
 * @category constructors
 * @since 0.1.0
 */
export const itemOf = (event: AnyEvent): Item => {
  const p = placementOf(event.when, event.where.timeZone)
  return {
    id: event.id,
    earliest: p.earliest,
    startLatest: p.startLatest,
    endEarliest: p.endEarliest,
    latest: p.latest,
    uncertain: p.uncertain,
    event
  }
}

type Placement = Omit<Item, "id" | "event">

// Placements by zone, then by date: a live timeline reads the same few thousand dates again and
// again, and two plain lookups cost less than building the combined key `When.span` caches by.
// Cleared in one go when it grows past the limit, like the caches of `When`.
const placements = new Map<string, Map<string, Placement>>()
let placementCount = 0
const PLACEMENT_LIMIT = 65_536

const placementOf = (when: When.When, zone: string): Placement => {
  let byWhen = placements.get(zone)
  const known = byWhen?.get(when)
  if (known !== undefined) return known
  const s = When.spanUnsafe(when, zone)
  const placement: Placement = {
    earliest: s.start.earliest,
    startLatest: s.start.latest,
    endEarliest: s.end.earliest,
    latest: s.end.latest,
    uncertain: When.qualifiers(when).uncertain
  }
  if (placementCount >= PLACEMENT_LIMIT) {
    placements.clear()
    placementCount = 0
    byWhen = undefined
  }
  if (byWhen === undefined) placements.set(zone, (byWhen = new Map()))
  byWhen.set(when, placement)
  placementCount++
  return placement
}

/**
 * Adds an event, or replaces the event with the same id (a correction moves it). O(log n).
 *
 * @category combinators
 * @since 0.1.0
 */
export const add = (timeline: Timeline, event: AnyEvent): Timeline => addItem(timeline, itemOf(event))

/**
 * Adds a prepared item (see {@link itemOf}), replacing any item with the same id. O(log n).
 *
 * @category combinators
 * @since 0.1.0
 */
export const addItem = (timeline: Timeline, item: Item): Timeline => {
  const hash = Items.hashString(item.id)
  const before = Ids.get(timeline.byId, item.id, hash)
  const index = before !== undefined ? Index.remove(timeline.index, before) : timeline.index
  return { ...timeline, index: Index.insert(index, item, hash), byId: Ids.set(timeline.byId, item, hash) }
}

/**
 * Removes the event with this id, if any (a retraction). O(log n).
 *
 * @category combinators
 * @since 0.1.0
 */
export const remove = (timeline: Timeline, id: string): Timeline => {
  const hash = Items.hashString(id)
  const before = Ids.get(timeline.byId, id, hash)
  if (before === undefined) return timeline
  return { ...timeline, index: Index.remove(timeline.index, before), byId: Ids.remove(timeline.byId, id, hash) }
}

/**
 * Builds a timeline from prepared items in one go: sorts them and builds the index in linear time
 * after the sort. Later items with the same id replace earlier ones. Gives the same state as
 * adding them one by one.
 *
 * @category constructors
 * @since 0.1.0
 */
export const fromItems = (items: ReadonlyArray<Item>, context: Partial<Omit<Timeline, "index" | "byId">> = {}): Timeline => {
  const columns = Items.columnsOf(items)
  const ids = Ids.fromValues(items, columns.hashes)
  const dropped = ids.dropped
  const unique = dropped === undefined ? items : items.filter((_, i) => dropped[i] !== 1)
  return { ...empty, ...context, index: Index.fromItems(unique, dropped === undefined ? columns : Items.keepColumns(columns, dropped)), byId: ids.map }
}

/**
 * Builds a timeline straight from records (events, places, actors and sources; links are
 * ignored), without a journal: for scripts and imports.
 *
 * @category constructors
 * @since 0.1.0
 */
export const fromRecords = (records: Iterable<{ readonly type: string }>): Timeline => {
  const items: Array<Item> = []
  let places = HashMap.empty<string, Place>()
  let actors = HashMap.empty<string, Actor>()
  let sources = HashMap.empty<string, Source>()
  let sameAs = HashMap.empty<string, readonly [string, string]>()
  for (const r of records) {
    if (r.type === "event") items.push(itemOf(r as AnyEvent))
    else if (r.type === "link" && (r as Link).relation === "same-as") sameAs = HashMap.set(sameAs, (r as Link).id, [(r as Link).from, (r as Link).to] as const)
    else if (r.type === "place") places = HashMap.set(places, (r as Place).id, r as Place)
    else if (r.type === "actor") actors = HashMap.set(actors, (r as Actor).id, r as Actor)
    else if (r.type === "source") sources = HashMap.set(sources, (r as Source).id, r as Source)
  }
  return fromItems(items, { places, actors, sources, sameAs })
}

/**
 * Applies one journal entry: a revision of an event adds or moves it, a retraction removes it;
 * revisions and retractions of places, actors and sources update the context used by filters
 * and claim policies; same-as links join reports of one event (other links are ignored).
 *
 * @category projections
 * @since 0.1.0
 */
export const apply = (timeline: Timeline, entry: Entry): Timeline => {
  const id = entry.stream.id
  const record = entry.body._tag === "revision" ? entry.body.record : undefined
  switch (entry.stream.type) {
    case "event":
      return record === undefined ? remove(timeline, id) : add(timeline, record as AnyEvent)
    case "place":
      return { ...timeline, places: record === undefined ? HashMap.remove(timeline.places, id) : HashMap.set(timeline.places, id, record as Place) }
    case "actor":
      return { ...timeline, actors: record === undefined ? HashMap.remove(timeline.actors, id) : HashMap.set(timeline.actors, id, record as Actor) }
    case "source":
      return { ...timeline, sources: record === undefined ? HashMap.remove(timeline.sources, id) : HashMap.set(timeline.sources, id, record as Source) }
    case "link": {
      const link = record as Link | undefined
      if (link?.relation === "same-as") return { ...timeline, sameAs: HashMap.set(timeline.sameAs, id, [link.from, link.to] as const) }
      return HashMap.has(timeline.sameAs, id) ? { ...timeline, sameAs: HashMap.remove(timeline.sameAs, id) } : timeline
    }
    default:
      return timeline
  }
}

/**
 * The timeline as a projection: `Projection.replay(Timeline.projection, entries)`, or as of a
 * record time with `Projection.asOf(Timeline.projection, entries, t)` or a Chronicle's
 * `project(Timeline.projection, { asOf })`.
 *
 * @category projections
 * @since 0.1.0
 */
export const projection: Projection<Timeline> = { initial: empty, apply }

// ---------------------------------------------------------------------------
// reading
// ---------------------------------------------------------------------------

/**
 * How many events the timeline holds.
 *
 * @category getters
 * @since 0.1.0
 */
export const size = (timeline: Timeline): number => Index.size(timeline.index)

/**
 * Every event in timeline order: by earliest instant, then latest, then id.
 *
 * @category getters
 * @since 0.1.0
 */
export const events = (timeline: Timeline): ReadonlyArray<AnyEvent> => Index.toArray(timeline.index).map((i) => i.event)

/**
 * The event with this id, if the timeline holds it.
 *
 * @category getters
 * @since 0.1.0
 */
export const get = (timeline: Timeline, id: string): AnyEvent | undefined => {
  return Ids.get(timeline.byId, id)?.event
}

/**
 * The place and actor hierarchy of the timeline's current places and actors.
 *
 * @category getters
 * @since 0.1.0
 */
export const hierarchy = (timeline: Timeline): Hierarchy.Hierarchy =>
  Hierarchy.make(HashMap.values(timeline.places), HashMap.values(timeline.actors))

// ---------------------------------------------------------------------------
// windows and filters
// ---------------------------------------------------------------------------

/**
 * How a window selects events: `overlaps` — the event shares at least one instant with the
 * window; `within` — the event lies entirely inside it.
 *
 * @category models
 * @since 0.1.0
 */
export type WindowMode = "overlaps" | "within"

/**
 * A query. Every part is optional; all given parts must hold.
 *
 * - `from`, `to`: EDTF values; the window runs from the first instant `from` may denote to the last
 *   instant `to` may denote (either may be left out for an unbounded side), read in `timeZone`
 *   (default `UTC`).
 * - `mode`: `overlaps` (default) or `within`.
 * - `kind`: one kind or several.
 * - `place`: events at this place or any place within it (by `where.place` or `where.alsoAt`).
 * - `actor`: events with a participant that is this actor or below it by `parent` (and by
 *   `memberOf` when `viaMembership` is true).
 * - `tag`: events carrying this tag (or any of several).
 * - `text`: case-insensitive substring of the title, summary, note, demands, site or tags.
 *
 * @category models
 * @since 0.1.0
 */
export interface Query {
  readonly from?: string
  readonly to?: string
  readonly timeZone?: string
  readonly mode?: WindowMode
  readonly kind?: string | ReadonlyArray<string>
  readonly place?: string
  readonly actor?: string
  readonly viaMembership?: boolean
  readonly tag?: string | ReadonlyArray<string>
  readonly text?: string
}

/**
 * Why a query could not be answered: an invalid EDTF value or time zone in the query, or a window
 * whose `to` ends before its `from` begins.
 *
 * @category errors
 * @since 0.1.0
 */
export type QueryError = When.WhenError | TimeZoneError

/**
 * A window in epoch ms (inclusive), as a query reads it.
 *
 * @category models
 * @since 0.1.0
 */
export interface Window {
  readonly from: number
  readonly to: number
}

/**
 * Reads `from` and `to` into a window, or fails with a typed error (never throws).
 *
 * @category queries
 * @since 0.1.0
 */
export const windowOf = (query: Pick<Query, "from" | "to" | "timeZone">): Result.Result<Window, QueryError> => {
  const zone = query.timeZone ?? "UTC"
  const reason = zoneReason(zone)
  if (reason !== undefined) return Result.fail(new TimeZoneError({ input: zone, reason }))
  let from = -Infinity
  let to = Infinity
  if (query.from !== undefined) {
    const w = When.make(query.from)
    if (Result.isFailure(w)) return Result.fail(w.failure)
    from = When.boundsUnsafe(w.success, zone).earliest
  }
  if (query.to !== undefined) {
    const w = When.make(query.to)
    if (Result.isFailure(w)) return Result.fail(w.failure)
    to = When.boundsUnsafe(w.success, zone).latest
  }
  if (to < from) {
    return Result.fail(new When.WhenError({ input: `${query.from}/${query.to}`, reason: "the window ends before it begins" }))
  }
  return Result.succeed({ from, to })
}

const zoneReason = (zone: string): string | undefined => invalidZoneReason(zone)

/** How sure it is that an item known to meet [from, to] overlaps it: every start and end it allows does. */
const overlapCertainty = (item: Item, from: number, to: number): Certainty =>
  !item.uncertain && item.startLatest <= to && item.endEarliest >= from ? "certain" : "possible"

/** How an item relates to a window: certain, possible, or undefined (not at all). */
const placement = (item: Item, w: Window, mode: WindowMode): Certainty | undefined => {
  if (mode === "overlaps") return item.earliest > w.to || item.latest < w.from ? undefined : overlapCertainty(item, w.from, w.to)
  // within: some start and end inside the window, start <= end.
  const sLow = Math.max(item.earliest, w.from)
  const sHigh = Math.min(item.startLatest, w.to)
  const eLow = Math.max(item.endEarliest, sLow, w.from)
  const eHigh = Math.min(item.latest, w.to)
  if (sLow > sHigh || eLow > eHigh) return undefined
  const certain = item.earliest >= w.from && item.latest <= w.to
  return certain && !item.uncertain ? "certain" : "possible"
}

/**
 * The events that overlap or lie within a window, in timeline order, each marked certain or
 * possible. Cost: O(log n + k) for k answers. The index keeps events in classes by length (up to
 * 56, by powers of two), and reads in each class only the events that could reach the window, at
 * least about half of which do; events open at one end sit in a class of their own.
 *
 * @category queries
 * @since 0.1.0
 */
export const inWindow = (timeline: Timeline, window: Window, mode: WindowMode = "overlaps"): ReadonlyArray<Hit> => {
  const items = Index.overlapping(timeline.index, window.from, window.to)
  if (mode === "overlaps") {
    // Every item found overlaps the window: only its certainty is left to work out.
    const { from, to } = window
    const out = new Array<Hit>(items.length)
    for (let i = 0; i < items.length; i++) out[i] = { event: items[i]!.event, certainty: overlapCertainty(items[i]!, from, to) }
    return out
  }
  const out: Array<Hit> = []
  for (const item of items) {
    const c = placement(item, window, mode)
    if (c !== undefined) out.push({ event: item.event, certainty: c })
  }
  return out
}

const asList = (x: string | ReadonlyArray<string> | undefined): ReadonlyArray<string> | undefined =>
  x === undefined ? undefined : typeof x === "string" ? [x] : x

const haystack = (e: AnyEvent): string =>
  [e.title, e.summary ?? "", e.note ?? "", ...(e.demands ?? []), e.where.site ?? "", ...(e.tags ?? [])].join("\n").toLowerCase()

/**
 * A predicate for the non-temporal parts of a query (kind, place, actor, tag, text), with the
 * hierarchy read from the timeline once.
 *
 * @category queries
 * @since 0.1.0
 */
export const matcher = (timeline: Timeline, query: Query): ((event: AnyEvent) => boolean) => {
  const kinds = asList(query.kind)
  const tags = asList(query.tag)
  const needsHierarchy = query.place !== undefined || query.actor !== undefined
  const h = needsHierarchy ? hierarchy(timeline) : undefined
  const places = query.place === undefined ? undefined : h!.placesWithin(query.place)
  const actors = query.actor === undefined ? undefined : h!.membersOf(query.actor, { viaMembership: query.viaMembership === true })
  const text = query.text?.toLowerCase()
  return (e) => {
    if (kinds !== undefined && !kinds.includes(e.kind)) return false
    if (places !== undefined && !places.has(e.where.place) && !(e.where.alsoAt ?? []).some((p) => places.has(p))) return false
    if (actors !== undefined && !(e.participants ?? []).some((p) => actors.has(p.actor))) return false
    if (tags !== undefined && !(e.tags ?? []).some((t) => tags.includes(t))) return false
    if (text !== undefined && text.length > 0 && !haystack(e).includes(text)) return false
    return true
  }
}

const noClasses: ReadonlyMap<string, string> = new Map()

/**
 * The classes of reports joined by same-as links (an equivalence: the reflexive, symmetric and
 * transitive closure of the links between current events): each event of a class of two or more
 * mapped to the class's representative, its earliest report in timeline order. Events in no such
 * class are absent (they represent themselves).
 *
 * @category queries
 * @since 0.1.0
 */
export const sameAsClasses = (timeline: Timeline): ReadonlyMap<string, string> => {
  if (HashMap.size(timeline.sameAs) === 0) return noClasses
  const parent = new Map<string, string>()
  const find = (x: string): string => {
    let root = x
    while (parent.get(root) !== root) root = parent.get(root)!
    for (let y = x; y !== root; ) {
      const next = parent.get(y)!
      parent.set(y, root)
      y = next
    }
    return root
  }
  const order = (a: string, b: string): number => {
    const x = Ids.get(timeline.byId, a)!
    const y = Ids.get(timeline.byId, b)!
    return x.earliest - y.earliest || x.latest - y.latest || (a < b ? -1 : a > b ? 1 : 0)
  }
  for (const [from, to] of HashMap.values(timeline.sameAs)) {
    if (Ids.get(timeline.byId, from) === undefined || Ids.get(timeline.byId, to) === undefined) continue
    for (const id of [from, to]) if (!parent.has(id)) parent.set(id, id)
    const a = find(from)
    const b = find(to)
    if (a === b) continue
    // The root is the earliest report, so that it is the class's representative.
    if (order(a, b) <= 0) parent.set(b, a)
    else parent.set(a, b)
  }
  const classes = new Map<string, string>()
  for (const id of parent.keys()) classes.set(id, find(id))
  return classes
}

/**
 * Answers a query (window, kind, place, actor, tag, text), in timeline order, each event marked
 * certain or possible. Reports joined by same-as links are one event: a class is answered once,
 * by its earliest report, with the others as `duplicates`, when any of its reports answers the
 * query. Fails with a typed error for an invalid EDTF value or time zone.
 *
 * @category queries
 * @since 0.1.0
 */
export const query = (timeline: Timeline, q: Query = {}): Result.Result<ReadonlyArray<Hit>, QueryError> =>
  Result.map(windowOf(q), (w) => {
    const keep = matcher(timeline, q)
    const hits = inWindow(timeline, w, q.mode ?? "overlaps").filter((h) => keep(h.event))
    const classes = sameAsClasses(timeline)
    if (classes.size === 0) return hits
    // One hit per class: the representative's, or else the first report found, at its place in
    // the order; the class is as certain as its surest answering report.
    const byClass = new Map<string, { index: number; certainty: Certainty }>()
    const out: Array<Hit | undefined> = []
    for (const hit of hits) {
      const rep = classes.get(hit.event.id)
      if (rep === undefined) {
        out.push(hit)
        continue
      }
      const seen = byClass.get(rep)
      if (seen === undefined) {
        byClass.set(rep, { index: out.length, certainty: hit.certainty })
        out.push(hit)
      } else if (hit.certainty === "certain") seen.certainty = "certain"
    }
    for (const [rep, { certainty, index }] of byClass) {
      const members = [...classes].filter(([, r]) => r === rep).map(([id]) => Ids.get(timeline.byId, id)!.event)
      const event = Ids.get(timeline.byId, rep)!.event
      out[index] = { event, certainty, duplicates: members.filter((m) => m.id !== rep) }
    }
    return out as ReadonlyArray<Hit>
  })

// ---------------------------------------------------------------------------
// relations and anniversaries
// ---------------------------------------------------------------------------

/**
 * Allen's relations between two events of the timeline, certain and possible; `undefined` when
 * either id is not in the timeline.
 *
 * @category queries
 * @since 0.1.0
 */
export const relations = (timeline: Timeline, a: string, b: string): Allen.Relations | undefined => {
  const x = Ids.get(timeline.byId, a)
  const y = Ids.get(timeline.byId, b)
  if (x === undefined || y === undefined) return undefined
  const span = (i: Item): When.Span => ({
    start: { earliest: i.earliest, latest: i.startLatest },
    end: { earliest: i.endEarliest, latest: i.latest }
  })
  return Allen.relations(span(x), span(y))
}

/**
 * An event that falls on an anniversary of another, with how sure that is and how many years
 * later (counted from the years the two begin in).
 *
 * @category models
 * @since 0.1.0
 */
export interface AnniversaryHit {
  readonly event: AnyEvent
  readonly certainty: Certainty
  readonly years: number | undefined
}

/**
 * The events that fall on an anniversary of event `id` (same month and day in a later year, in
 * local calendars; see `Anniversary`), in timeline order, optionally narrowed by a query's filters.
 *
 * @category queries
 * @since 0.1.0
 */
export const anniversariesOf = (timeline: Timeline, id: string, filter: Query = {}): ReadonlyArray<AnniversaryHit> => {
  const origin = get(timeline, id)
  if (origin === undefined) return []
  const keep = matcher(timeline, filter)
  const from = Ids.get(timeline.byId, id)?.earliest ?? -Infinity
  const out: Array<AnniversaryHit> = []
  for (const item of Index.overlapping(timeline.index, from, Infinity)) {
    if (item.id === id || !keep(item.event)) continue
    const c = Anniversary.isAnniversary(origin, item.event)
    if (c !== "no") out.push({ event: item.event, certainty: c, years: Anniversary.yearsBetween(origin, item.event) })
  }
  return out
}

/**
 * The events that may fall on a given month and day in any year (`12, 16` for 16 December), in
 * timeline order, optionally narrowed by a query's filters.
 *
 * @category queries
 * @since 0.1.0
 */
export const onMonthDay = (timeline: Timeline, month: number, day: number, filter: Query = {}): ReadonlyArray<Hit> => {
  const keep = matcher(timeline, filter)
  const out: Array<Hit> = []
  for (const item of Index.toArray(timeline.index)) {
    if (!keep(item.event)) continue
    const c = Anniversary.onMonthDay(item.event.when, month, day)
    if (c !== "no") out.push({ event: item.event, certainty: c })
  }
  return out
}

// ---------------------------------------------------------------------------
// grouping
// ---------------------------------------------------------------------------

/**
 * What to group by: calendar `year`, `month` or `day` (in `timeZone`, default UTC), or `place`,
 * `kind` or `actor` (a participant).
 *
 * @category models
 * @since 0.1.0
 */
export type GroupBy = "year" | "month" | "day" | "place" | "kind" | "actor"

/**
 * One group: its key (`2011`, `2011-12`, `2011-12-16`, a place id, a kind, an actor id), the
 * events certainly in it and those possibly in it (an event whose date spans several months is
 * possibly in each of them, certainly in none unless it certainly covers it), how many events
 * that makes as a count (`between certain and certain + possible`), and, when a measure is given,
 * the sum of the measured counts as bounds: certain members add their whole count, possible
 * members add from 0 up to theirs.
 *
 * @category models
 * @since 0.1.0
 */
export interface Group {
  readonly key: string
  readonly certain: ReadonlyArray<AnyEvent>
  readonly possible: ReadonlyArray<AnyEvent>
  readonly events: Count.Count
  readonly total?: Count.Count
}

/**
 * Options of {@link group}: the zone of calendar keys, and an optional measure — the count of an
 * event to sum per group (for instance its `killed` claims summarised by a policy).
 *
 * @category models
 * @since 0.1.0
 */
export interface GroupOptions {
  readonly timeZone?: string
  /** The count of an event to sum per group (absent: the groups carry no `total`). */
  readonly measure?: (event: AnyEvent) => Count.Count | undefined
}

const pad = (n: number, width: number): string => (n < 0 ? `-${String(-n).padStart(width, "0")}` : String(n).padStart(width, "0"))

/** Calendar keys a UTC instant falls in, in a zone. */
const formatters = new Map<string, Intl.DateTimeFormat>()

const calendarParts = (ms: number, zone: string): { year: number; month: number; day: number } => {
  let f = formatters.get(zone)
  if (f === undefined) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "numeric", day: "numeric", era: "short" })
    formatters.set(zone, f)
  }
  const parts = f.formatToParts(new Date(ms))
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value)
  const era = parts.find((p) => p.type === "era")
  const year = get("year")
  return { year: era !== undefined && era.value.startsWith("B") ? 1 - year : year, month: get("month"), day: get("day") }
}

const keyOf = (by: "year" | "month" | "day", c: { year: number; month: number; day: number }): string =>
  by === "year" ? pad(c.year, 4) : by === "month" ? `${pad(c.year, 4)}-${pad(c.month, 2)}` : `${pad(c.year, 4)}-${pad(c.month, 2)}-${pad(c.day, 2)}`

const nextKey = (by: "year" | "month" | "day", key: string): string => {
  const [y, m, d] = key.split(/(?<=\d)-/).map(Number) as [number, number?, number?]
  if (by === "year") return pad(y + 1, 4)
  if (by === "month") return m === 12 ? `${pad(y + 1, 4)}-01` : `${pad(y, 4)}-${pad(m! + 1, 2)}`
  const next = new Date(0)
  next.setUTCFullYear(y, m! - 1, d! + 1)
  return keyOf("day", { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() })
}

/** The calendar units an item may fall in, and whether it certainly falls in exactly that one. */
const calendarKeys = (item: Item, by: "year" | "month" | "day", zone: string, limit: number): { keys: Array<string>; certain: boolean } | undefined => {
  if (!Number.isFinite(item.earliest) || !Number.isFinite(item.latest)) return undefined
  const first = keyOf(by, calendarParts(item.earliest, zone))
  const last = keyOf(by, calendarParts(item.latest, zone))
  const keys = [first]
  for (let k = first; k !== last && keys.length < limit; ) {
    k = nextKey(by, k)
    keys.push(k)
  }
  return { keys, certain: first === last }
}

/**
 * Groups the timeline's events (optionally only those answering a query). Calendar groups follow
 * the event's possible extent: one that lies in a single unit is certainly there; one that may
 * fall in several units is possibly in each. Place groups use `where.place` and `alsoAt`; actor
 * groups use the participants (an event can be in several groups, certainly in each). Events with
 * an open or unknown side are left out of calendar groups. Groups come sorted by key.
 *
 * @category queries
 * @since 0.1.0
 */
export const group = (
  timeline: Timeline,
  by: GroupBy,
  q: Query = {},
  options: GroupOptions = {}
): Result.Result<ReadonlyArray<Group>, QueryError> =>
  Result.flatMap(query(timeline, q), (hits) => {
    const zone = options.timeZone ?? q.timeZone ?? "UTC"
    const reason = zoneReason(zone)
    if (reason !== undefined) return Result.fail(new TimeZoneError({ input: zone, reason }))
    const groups = new Map<string, { certain: Array<AnyEvent>; possible: Array<AnyEvent> }>()
    const put = (key: string, e: AnyEvent, certain: boolean) => {
      let g = groups.get(key)
      if (g === undefined) groups.set(key, (g = { certain: [], possible: [] }))
      ;(certain ? g.certain : g.possible).push(e)
    }
    for (const hit of hits) {
      const e = hit.event
      const sure = hit.certainty === "certain"
      switch (by) {
        case "kind":
          put(e.kind, e, sure)
          break
        case "place":
          for (const p of new Set([e.where.place, ...(e.where.alsoAt ?? [])])) put(p, e, sure)
          break
        case "actor":
          for (const a of new Set((e.participants ?? []).map((p) => p.actor))) put(a, e, sure)
          break
        default: {
          const item = Ids.get(timeline.byId, e.id)
          if (item === undefined) break
          const found = calendarKeys(item, by, zone, 50_000)
          if (found === undefined) break
          for (const k of found.keys) put(k, e, sure && found.certain && !item.uncertain)
        }
      }
    }
    const out: Array<Group> = [...groups.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, g]) => {
        const events = g.possible.length === 0 ? Count.exact(g.certain.length) : Count.between(g.certain.length, g.certain.length + g.possible.length)
        if (options.measure === undefined) return { key, certain: g.certain, possible: g.possible, events }
        const parts: Array<Count.Count> = []
        for (const e of g.certain) {
          const c = options.measure(e)
          if (c !== undefined) parts.push(c)
        }
        for (const e of g.possible) {
          const c = options.measure(e)
          if (c !== undefined) parts.push(Count.envelope([Count.exact(0), c]))
        }
        return { key, certain: g.certain, possible: g.possible, events, total: Count.sum(parts) }
      })
    return Result.succeed(out)
  })

// ---------------------------------------------------------------------------
// gaps
// ---------------------------------------------------------------------------

/**
 * A period with no events: `certain` when no event can fall in it, `possible` when some events
 * may but none certainly does. `from` and `to` are the first and last calendar units (keys like
 * `2013-04`), `start` and `end` its instants (epoch ms, inclusive).
 *
 * @category models
 * @since 0.1.0
 */
export interface Gap {
  readonly from: string
  readonly to: string
  readonly start: number
  readonly end: number
  readonly certainty: Certainty
}

/** The most calendar units one `gaps` call looks at. */
const MAX_UNITS = 200_000

/**
 * The gaps of the timeline at a granularity (`year`, `month` or `day`, in `timeZone`, default
 * UTC), between `from` and `to` (EDTF values; by default the first and last finite instants of
 * the events), optionally counting only events answering a query. A unit is certainly occupied
 * when some event certainly has an instant in it, possibly occupied when some event may;
 * consecutive empty units of the same certainty form one gap. Fails with a typed error for invalid
 * input, for years outside 0000–9999, and for more than 200,000 units.
 *
 * @category queries
 * @since 0.1.0
 */
export const gaps = (
  timeline: Timeline,
  granularity: "year" | "month" | "day",
  q: Query = {}
): Result.Result<ReadonlyArray<Gap>, QueryError> =>
  Result.flatMap(windowOf(q), (w) => {
    const zone = q.timeZone ?? "UTC"
    const { from: _from, to: _to, ...filters } = q
    const keep = matcher(timeline, filters)
    let from = w.from
    let to = w.to
    if (!Number.isFinite(from) || !Number.isFinite(to)) {
      const items = Index.toArray(timeline.index).filter((i) => keep(i.event))
      const finite = items.flatMap((i) => [i.earliest, i.latest]).filter(Number.isFinite)
      if (finite.length === 0) return Result.succeed([])
      if (!Number.isFinite(from)) from = Math.min(...finite)
      if (!Number.isFinite(to)) to = Math.max(...finite)
    }
    const out: Array<Gap> = []
    const first = calendarParts(from, zone)
    const last = calendarParts(to, zone)
    if (first.year < 0 || last.year > 9999) {
      return Result.fail(new When.WhenError({ input: `${first.year}/${last.year}`, reason: "gaps are found for the years 0000 to 9999 only" }))
    }
    const unitLength = granularity === "day" ? 86_400_000 : granularity === "month" ? 28 * 86_400_000 : 365 * 86_400_000
    if ((to - from) / unitLength > MAX_UNITS) {
      return Result.fail(new When.WhenError({ input: `${keyOf(granularity, first)}/${keyOf(granularity, last)}`, reason: `more than ${MAX_UNITS} ${granularity}s to look at; narrow the window` }))
    }
    let key = keyOf(granularity, first)
    const lastKey = keyOf(granularity, last)
    let current: { from: string; to: string; start: number; end: number; certainty: Certainty } | undefined
    for (let guard = 0; guard <= MAX_UNITS; guard++) {
      const unit = When.boundsUnsafe(When.makeUnsafe(key), zone)
      let possible = false
      let certain = false
      for (const item of Index.overlapping(timeline.index, unit.earliest, unit.latest)) {
        if (certain) break
        if (!keep(item.event)) continue
        possible = true
        // Certainly in the unit: the event certainly covers an instant of it (its certain part
        // meets the unit), or every reading of it lies inside the unit.
        const inside = item.earliest >= unit.earliest && item.latest <= unit.latest
        const core = item.startLatest <= item.endEarliest && item.startLatest <= unit.latest && item.endEarliest >= unit.earliest
        if ((inside || core) && !item.uncertain) certain = true
      }
      const empty: Certainty | undefined = certain ? undefined : possible ? "possible" : "certain"
      if (empty === undefined || current?.certainty !== empty) {
        if (current !== undefined) out.push(current)
        current = empty === undefined ? undefined : { from: key, to: key, start: unit.earliest, end: unit.latest, certainty: empty }
      } else {
        current = { ...current, to: key, end: unit.latest }
      }
      if (key === lastKey) break
      key = nextKey(granularity, key)
    }
    if (current !== undefined) out.push(current)
    return Result.succeed(out)
  })

// ---------------------------------------------------------------------------
// contested values
// ---------------------------------------------------------------------------

/**
 * How to summarise a contested count: `all` keeps every claim; `official` keeps the claims made by
 * a state body (a claimant of kind `state-body`, `official`, `police`, `military` or `court`) or
 * cited to an `official` or `court` source; `lowest` and `highest` keep the claim that allows the
 * smallest (or largest) numbers; `envelope` reports one count from the lowest low to the highest
 * high of all claims.
 *
 * @category models
 * @since 0.1.0
 */
export type ClaimPolicy = "all" | "official" | "lowest" | "highest" | "envelope"

/**
 * What a policy reports: the claims it keeps (every claim is kept in the record either way), and
 * the single count that summarises them — the envelope of the kept claims — or `undefined` when
 * it keeps none (no official claim).
 *
 * @category models
 * @since 0.1.0
 */
export interface ClaimSummary {
  readonly claims: ReadonlyArray<CountClaim>
  readonly count: Count.Count | undefined
}

const STATE_KINDS: ReadonlySet<string> = new Set(["state-body", "official", "police", "military", "court"])

/**
 * Tells whether a claim is official: its claimant is a state body (by actor kind) or one of its
 * citations is an `official` or `court` source.
 *
 * @category queries
 * @since 0.1.0
 */
export const isOfficial = (timeline: Timeline, claim: CountClaim): boolean => {
  if (claim.claimant !== undefined) {
    const a = HashMap.get(timeline.actors, claim.claimant)
    if (a._tag === "Some" && STATE_KINDS.has(a.value.kind)) return true
  }
  return claim.citations.some((c) => {
    const s = HashMap.get(timeline.sources, c.source)
    return s._tag === "Some" && (s.value.kind === "official" || s.value.kind === "court")
  })
}

const lowKey = (c: CountClaim) => Count.bounds(c.value)

/**
 * Summarises contested claims by a policy (see {@link ClaimPolicy}). Ties for `lowest` and
 * `highest` go to the claim listed first.
 *
 * @category queries
 * @since 0.1.0
 */
export const summarize = (timeline: Timeline, claims: CountClaims, policy: ClaimPolicy): ClaimSummary => {
  const kept: ReadonlyArray<CountClaim> = (() => {
    switch (policy) {
      case "all":
      case "envelope":
        return claims
      case "official":
        return claims.filter((c) => isOfficial(timeline, c))
      case "lowest": {
        let best = claims[0]!
        for (const c of claims) {
          const a = lowKey(c)
          const b = lowKey(best)
          if (a.low < b.low || (a.low === b.low && a.high < b.high)) best = c
        }
        return [best]
      }
      case "highest": {
        let best = claims[0]!
        for (const c of claims) {
          const a = lowKey(c)
          const b = lowKey(best)
          if (a.high > b.high || (a.high === b.high && a.low > b.low)) best = c
        }
        return [best]
      }
    }
  })()
  const count = kept.length === 0 ? undefined : kept.length === 1 ? kept[0]!.value : Count.envelope(kept.map((c) => c.value) as [Count.Count, ...Array<Count.Count>])
  return { claims: kept, count }
}
