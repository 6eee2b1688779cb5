/**
 * The timeline: every current event in a total, deterministic order, indexed for window queries,
 * with filters, anniversaries and interval relations. Grouping by period and gaps are in
 * `Calendar`; summaries of contested counts in `ClaimPolicy` (with `Timeline.attribution`). It is
 * a projection over the journal, so a corrected event moves, a retracted one disappears, and every
 * query can be asked as of a record time (`Projection.asOf(Timeline.projection, entries, t)`).
 *
 * Order: events are sorted by their bounds in UTC (earliest instant, then latest), ties broken by
 * id (compared as strings of UTF-16 code units). An approximate or uncertain date is placed by its
 * bounds, never by a midpoint: `2011-12` comes before `2011-12-16` because it may begin earlier.
 * The link graph lists events in this same order, so both name the same representative for a
 * class of same-as reports.
 *
 * Certainty, one rule for every answer: an event is `certain` when every reading of its date —
 * every start and end instant it allows — satisfies the question, and `possible` when only some
 * do; a date marked uncertain (`?`) is never certain. A query asks "does it share an instant with
 * the window" (or "does it lie inside it", with `mode: "within"`); a calendar group asks "does it
 * share an instant with this year, month or day"; a gap is a run of units that no event is
 * certainly in. So `2010/2012` is certainly in 2011, and `2011-05-11/` (end unknown) is certainly
 * in May 2011. Calendar units are read through `When.bounds` only, so `query` and the calendar's
 * `group` and `gaps` agree on every unit in every zone.
 *
 * Bad input: no function here throws. Functions that take records (`itemOf`, `add`, `addItem`,
 * `fromItems`, `fromRecords`) fail with an `UnreadableRecordError` naming the record and the
 * field; queries fail with a `QueryError` (a `TimelineQueryError` for a query that cannot be
 * answered as asked, such as a reversed window). A value that is not a timeline reads as the empty
 * timeline, and functions that answer with a plain value say in their own comment what they
 * answer for input outside their type (an empty list, `undefined`); `apply`, which has no error
 * channel, leaves the timeline as it is on an entry it cannot read.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Chronicle, Projection } from "protest-chronicle"
 * import { zhanaozen } from "protest-chronicle/datasets"
 *
 * const chronicle = await Chronicle.open() // in memory
 * for (const record of zhanaozen.all) await chronicle.record(record)
 * const { Timeline } = Projection
 *
 * const timeline = await chronicle.project(Timeline.projection)
 * const december = Timeline.query(timeline, { from: "2011-12-01", to: "2011-12-31", place: "mangystau-region" })
 * if (Result.isSuccess(december)) for (const hit of december.success) console.log(hit.certainty, hit.event.title)
 * await chronicle.close()
 * ```
 *
 * @since 0.1.0
 *
 * @module
 */
import { type Equal, type HashMap, type Inspectable, type Pipeable, type Result } from "effect"
import type { Entry } from "../journal/Entry.js"
import type { Actor } from "../model/Actor.js"
import type * as Allen from "../model/Allen.js"
import type * as ClaimPolicy from "../model/ClaimPolicy.js"
import type { AnyEvent } from "../model/Event.js"
import type { ActorId, EventId, LinkId, PlaceId, SourceId } from "../model/Id.js"
import type { Place } from "../model/Place.js"
import type { Source } from "../model/Source.js"
import type { TimeZoneError } from "../model/TimeZone.js"
import type { WhenError } from "../model/When.js"
import type * as Hierarchy from "./Hierarchy.js"
import type { Projection, TimelineQueryError, UnreadableRecordError } from "./Projection.js"
import * as query_ from "./internal/timelineQuery.js"
import * as records from "./internal/timelineRecords.js"
import * as internal from "./internal/timelineState.js"

export { TimelineQueryError, UnreadableRecordError } from "./Projection.js"

const TypeId = "~protest-chronicle/Timeline" as const // the key that marks a timeline

/**
 * A timeline: the current events in timeline order, indexed for window queries, with the places,
 * actors and sources needed for place and actor filters and for claim policies, and the same-as
 * links between reports. Every update shares most of the previous timeline, so old timelines stay
 * valid and cheap to keep. It is opaque: read it with the functions of this module. Two timelines
 * are `Equal` when they hold the same events and context records, however they were built; any
 * other value given where a timeline is expected reads as the empty timeline.
 *
 * @category models
 * @since 0.1.0
 */
export interface Timeline extends Equal.Equal, Inspectable.Inspectable, Pipeable.Pipeable {
  readonly [TypeId]: typeof TypeId
}

/**
 * The records a timeline keeps beside its events: places, actors and sources by id, and the
 * current same-as links by link id (the pairs of reports of one event).
 *
 * @category models
 * @since 0.1.0
 */
export interface Context {
  readonly places: HashMap.HashMap<PlaceId, Place>
  readonly actors: HashMap.HashMap<ActorId, Actor>
  readonly sources: HashMap.HashMap<SourceId, Source>
  readonly sameAs: HashMap.HashMap<LinkId, readonly [EventId, EventId]>
}

/**
 * One event as the timeline indexes it: its id, the ranges of its possible start instants
 * (`earliest` … `startLatest`) and end instants (`endEarliest` … `latest`), in epoch ms,
 * inclusive (see `When.span`), whether its date is marked uncertain, and the event.
 *
 * @category models
 * @since 0.1.0
 */
export interface Item {
  readonly id: EventId
  readonly earliest: number
  readonly startLatest: number
  readonly endEarliest: number
  readonly latest: number
  /** Whether the date is marked uncertain (`?`): its placements are then only possible. */
  readonly uncertain: boolean
  readonly event: AnyEvent
}

/**
 * How sure an answer is: `certain` when every reading of the event's date (every start and end it
 * allows) satisfies the question, `possible` when only some do. A date marked uncertain (`?`) is
 * never certain.
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
   * answers each class of reports once, by its earliest report (see `sameAsClasses`).
   */
  readonly duplicates?: ReadonlyArray<AnyEvent>
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
 * How a window selects events: `overlaps` — the event shares at least one instant with the
 * window; `within` — the event lies entirely inside it.
 *
 * @category models
 * @since 0.1.0
 */
export type WindowMode = "overlaps" | "within"

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
 * A query is a filter on data, so `place` and `actor` take plain strings, as `kind` and `tag` do:
 * a branded `PlaceId` or `ActorId` fits, and so does a value read from a form or a URL, which need
 * not be a valid id (it then matches no event).
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
 * Why a query could not be answered: an invalid EDTF value (`WhenError`) or time zone
 * (`TimeZoneError`) in the query, or a query that cannot be answered as asked
 * (`TimelineQueryError`: a reversed window, a part of the wrong kind, a calendar walk out of range).
 *
 * @category errors
 * @since 0.1.0
 */
export type QueryError = WhenError | TimeZoneError | TimelineQueryError

/**
 * The empty timeline.
 *
 * @category constructors
 * @since 0.1.0
 */
export const empty: Timeline = internal.empty

/**
 * Tells whether a value is a timeline.
 *
 * @category guards
 * @since 0.1.0
 */
export const isTimeline: (u: unknown) => u is Timeline = internal.isTimeline

/**
 * The index item of an event: its span in its own zone (`where.timeZone`). Fails with an
 * `UnreadableRecordError` for a value the timeline cannot place: not an event record, or without
 * a valid `when` or time zone (decoded events always pass).
 *
 * @category constructors
 * @since 0.1.0
 */
export const itemOf: (event: AnyEvent) => Result.Result<Item, UnreadableRecordError> = internal.itemOf

/**
 * Builds a timeline from prepared items in one go: sorts them and builds the index in linear time
 * after the sort. Later items with the same id replace earlier ones. Gives the same state as
 * adding them one by one. Fails like {@link addItem} on the first item it cannot index (`index`
 * names its position), building nothing.
 *
 * @category constructors
 * @since 0.1.0
 */
export const fromItems: (items: ReadonlyArray<Item>, context?: Partial<Context>) => Result.Result<Timeline, UnreadableRecordError> = internal.fromItems

/**
 * Builds a timeline straight from records (events, places, actors, sources, and same-as links;
 * other links are ignored), without a journal: for scripts and imports. Later records with the
 * same id replace earlier ones.
 *
 * Fails with an `UnreadableRecordError` on the first record it cannot read — not an object with a
 * `type`, an event without a valid `when` or time zone (see `itemOf`), a place, actor or source
 * without an id, a same-as link without its ends — naming its position and id; nothing is
 * built, so no record is left out unnoticed. It checks only what the timeline reads: decode the
 * records with `Record.decode` to check the rest.
 *
 * @category constructors
 * @since 0.1.0
 */
export const fromRecords: (records: Iterable<{ readonly type: string }>) => Result.Result<Timeline, UnreadableRecordError> = records.fromRecords

/**
 * Adds an event, or replaces the event with the same id (a correction moves it). O(log n). Fails
 * like {@link itemOf} for a value the timeline cannot place, and then changes nothing.
 *
 * @category combinators
 * @since 0.1.0
 */
export const add: {
  (event: AnyEvent): (timeline: Timeline) => Result.Result<Timeline, UnreadableRecordError>
  (timeline: Timeline, event: AnyEvent): Result.Result<Timeline, UnreadableRecordError>
} = internal.add

/**
 * Adds a prepared item (see {@link itemOf}), replacing any item with the same id. O(log n). Fails
 * with an `UnreadableRecordError` for an item without a string id, with an instant that is not a
 * number (NaN) or with reversed bounds (`earliest` after `latest`).
 *
 * @category combinators
 * @since 0.1.0
 */
export const addItem: {
  (item: Item): (timeline: Timeline) => Result.Result<Timeline, UnreadableRecordError>
  (timeline: Timeline, item: Item): Result.Result<Timeline, UnreadableRecordError>
} = internal.addItem

/**
 * Removes the event with this id, if any (a retraction). O(log n). An id the timeline does not
 * hold (or a value that is not a string) changes nothing.
 *
 * @category combinators
 * @since 0.1.0
 */
export const remove: {
  (id: EventId): (timeline: Timeline) => Timeline
  (timeline: Timeline, id: EventId): Timeline
} = internal.remove

/**
 * How many events the timeline holds.
 *
 * @category getters
 * @since 0.1.0
 */
export const size: (timeline: Timeline) => number = internal.size

/**
 * Every event in timeline order: by earliest instant, then latest, then id (see the module
 * comment; the link graph lists events in the same order).
 *
 * @category getters
 * @since 0.1.0
 */
export const events: (timeline: Timeline) => ReadonlyArray<AnyEvent> = internal.events

/**
 * The event with this id, if the timeline holds it.
 *
 * @category getters
 * @since 0.1.0
 */
export const get: {
  (id: EventId): (timeline: Timeline) => AnyEvent | undefined
  (timeline: Timeline, id: EventId): AnyEvent | undefined
} = internal.get

/**
 * The place and actor hierarchy of the timeline's current places and actors.
 *
 * @category getters
 * @since 0.1.0
 */
export const hierarchy: (timeline: Timeline) => Hierarchy.Hierarchy = internal.hierarchy

/**
 * The records the timeline keeps beside its events: its current places, actors and sources by id,
 * and its same-as links. Exports read places (names, coordinates, containment) and sources (URLs,
 * titles, outlets) from here. A value that is not a timeline gives the context of the empty one.
 *
 * @category getters
 * @since 0.1.0
 */
export const context: (timeline: Timeline) => Context = internal.context

/**
 * The timeline's current actors and sources as an attribution for claim policies
 * (`ClaimPolicy.summarize(claims, "official", Timeline.attribution(timeline))`).
 *
 * @category getters
 * @since 0.1.0
 */
export const attribution: (timeline: Timeline) => ClaimPolicy.Attribution = internal.attribution

/**
 * Answers a query (window, kind, place, actor, tag, text), in timeline order, each event marked
 * certain or possible. Reports joined by same-as links are one event: a class is answered once,
 * by its earliest report, with the others as `duplicates`, when any of its reports answers the
 * query, and as surely as its surest answering report. Fails with a typed error for an invalid
 * EDTF value or time zone, or a part of the wrong kind.
 *
 * @category queries
 * @since 0.1.0
 */
export const query: {
  (q?: Query): (timeline: Timeline) => Result.Result<ReadonlyArray<Hit>, QueryError>
  (timeline: Timeline, q?: Query): Result.Result<ReadonlyArray<Hit>, QueryError>
} = query_.query

/**
 * Reads `from` and `to` into a window, or fails with a typed error (never throws).
 *
 * @category queries
 * @since 0.1.0
 */
export const windowOf: (query: Pick<Query, "from" | "to" | "timeZone">) => Result.Result<Window, QueryError> = query_.windowOf

/**
 * The events that overlap or lie within a window, in timeline order, each marked certain or
 * possible. Cost: O(log n + k) for k answers. The index keeps events in classes by length (up to
 * 56, by powers of two), and reads in each class only the events that could reach the window, at
 * least about half of which do; events open at one end sit in a class of their own.
 *
 * A window that holds no instant — `to` before `from`, or a bound that is not a number (NaN) —
 * answers nothing, as does a `mode` other than `overlaps` and `within`.
 *
 * @category queries
 * @since 0.1.0
 */
export const inWindow: {
  (window: Window, mode?: WindowMode): (timeline: Timeline) => ReadonlyArray<Hit>
  (timeline: Timeline, window: Window, mode?: WindowMode): ReadonlyArray<Hit>
} = query_.inWindow

/**
 * A predicate for the non-temporal parts of a query (kind, place, actor, tag, text), with the
 * hierarchy read from the timeline once. A query with a part of the wrong kind matches nothing
 * (`query` says what is wrong with it).
 *
 * @category queries
 * @since 0.1.0
 */
export const matcher: (timeline: Timeline, query: Query) => (event: AnyEvent) => boolean = query_.matcher

/**
 * The classes of reports joined by same-as links (an equivalence: the reflexive, symmetric and
 * transitive closure of the links between current events): each event of a class of two or more
 * mapped to the class's representative, its earliest report in timeline order (the order
 * `LinkGraph.sameAsClasses` uses too, so both name the same representative). Events in no such
 * class are absent (they represent themselves).
 *
 * @category queries
 * @since 0.1.0
 */
export const sameAsClasses: (timeline: Timeline) => ReadonlyMap<EventId, EventId> = internal.sameAsClasses

/**
 * Allen's relations between two events of the timeline, certain and possible; `undefined` when
 * either id is not in the timeline.
 *
 * @category queries
 * @since 0.1.0
 */
export const relations: {
  (a: EventId, b: EventId): (timeline: Timeline) => Allen.Relations | undefined
  (timeline: Timeline, a: EventId, b: EventId): Allen.Relations | undefined
} = query_.relations

/**
 * The events that fall on an anniversary of event `id` (same month and day in a later year, in
 * local calendars; see `Anniversary`), in timeline order, optionally narrowed by a query's filters.
 * Empty when the timeline does not hold `id`, or when the filter has a part of the wrong kind.
 *
 * @category queries
 * @since 0.1.0
 */
export const anniversariesOf: {
  (id: EventId, filter?: Query): (timeline: Timeline) => ReadonlyArray<AnniversaryHit>
  (timeline: Timeline, id: EventId, filter?: Query): ReadonlyArray<AnniversaryHit>
} = query_.anniversariesOf

/**
 * The events that may fall on a given month and day in any year (`12, 16` for 16 December), in
 * timeline order, optionally narrowed by a query's filters. Empty for a month and day that no
 * year has (`2, 30`), or a filter with a part of the wrong kind.
 *
 * @category queries
 * @since 0.1.0
 */
export const onMonthDay: {
  (month: number, day: number, filter?: Query): (timeline: Timeline) => ReadonlyArray<Hit>
  (timeline: Timeline, month: number, day: number, filter?: Query): ReadonlyArray<Hit>
} = query_.onMonthDay

/**
 * Applies one journal entry: a revision of an event adds or moves it, a retraction removes it;
 * revisions and retractions of places, actors and sources update the context used by filters
 * and claim policies; same-as links join reports of one event (other links are ignored).
 *
 * Gotchas: a projection has no error channel, so an entry the timeline cannot read (not a journal
 * entry, or a revision whose event has no valid `when` or time zone) leaves the timeline as it
 * is. Journals decode every record they read, so only hand-made entries can be unreadable; build
 * from hand-made records with {@link fromRecords}, which fails on them instead.
 *
 * @category projections
 * @since 0.1.0
 */
export const apply: (timeline: Timeline, entry: Entry) => Timeline = records.apply

/**
 * The timeline as a projection: `Projection.replay(Timeline.projection, entries)`, or as of a
 * record time with `Projection.asOf(Timeline.projection, entries, t)` or a Chronicle's
 * `project(Timeline.projection, { asOf })`.
 *
 * @category projections
 * @since 0.1.0
 */
export const projection: Projection<Timeline> = { initial: empty, apply }
