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
 * answer for input outside their type (an empty list, `undefined`). `apply` has no error channel:
 * an entry it cannot read leaves the timeline as it is (journals decode every record, so this
 * only happens to hand-made entries).
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
import { HashMap, Result } from "effect"
import type { Entry } from "../journal/Entry.js"
import type { Actor } from "../model/Actor.js"
import type { AnyEvent } from "../model/Event.js"
import type { ActorId, EventId, LinkId, PlaceId, SourceId } from "../model/Id.js"
import type { Link } from "../model/Link.js"
import type { Place } from "../model/Place.js"
import type { Source } from "../model/Source.js"
import type { Projection, UnreadableRecordError } from "./Projection.js"
import { contextProblem, entryParts, eventProblem, isObject, linkProblem, listOf, shown, unreadable } from "./internal/readable.js"
import { itemOfChecked } from "./internal/eventOrder.js"
import { addChecked, empty, fromValidItems, type Item, remove, stateOf, type Timeline, withFields } from "./internal/timelineState.js"

export { UnreadableRecordError } from "./Projection.js"
export {
  type AnniversaryHit,
  anniversariesOf,
  inWindow,
  matcher,
  onMonthDay,
  type Query,
  query,
  type QueryError,
  relations,
  TimelineQueryError,
  type Window,
  type WindowMode,
  windowOf
} from "./internal/timelineQuery.js"
export {
  add,
  addItem,
  attribution,
  type Certainty,
  type Context,
  empty,
  events,
  fromItems,
  get,
  hierarchy,
  isTimeline,
  type Hit,
  type Item,
  itemOf,
  remove,
  sameAsClasses,
  size,
  type Timeline
} from "./internal/timelineState.js"

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
export const fromRecords = (records: Iterable<{ readonly type: string }>): Result.Result<Timeline, UnreadableRecordError> => {
  const list = listOf(records)
  if (list === undefined) return Result.fail(unreadable({ field: "", reason: `the records are ${shown(records)}, not a list` }, undefined))
  const items: Array<Item> = []
  let places = HashMap.empty<PlaceId, Place>()
  let actors = HashMap.empty<ActorId, Actor>()
  let sources = HashMap.empty<SourceId, Source>()
  let sameAs = HashMap.empty<LinkId, readonly [EventId, EventId]>()
  for (let i = 0; i < list.length; i++) {
    const r = list[i]
    if (!isObject(r) || typeof r["type"] !== "string") return Result.fail(unreadable({ field: "type", reason: "is missing: not a record" }, r, i))
    const problem = r.type === "event" ? eventProblem(r) : r.type === "link" ? linkProblem(r) : contextProblem(r)
    if (problem !== undefined) return Result.fail(unreadable(problem, r, i))
    if (r.type === "event") items.push(itemOfChecked(r as unknown as AnyEvent))
    else if (r.type === "link") {
      const link = r as unknown as Link
      if (link.relation === "same-as") sameAs = HashMap.set(sameAs, link.id, [link.from, link.to] as const)
    } else if (r.type === "place") places = HashMap.set(places, r["id"] as PlaceId, r as unknown as Place)
    else if (r.type === "actor") actors = HashMap.set(actors, r["id"] as ActorId, r as unknown as Actor)
    else if (r.type === "source") sources = HashMap.set(sources, r["id"] as SourceId, r as unknown as Source)
  }
  return Result.succeed(fromValidItems(items, { places, actors, sources, sameAs }))
}

const setOrRemove = <Id extends string, A>(map: HashMap.HashMap<Id, A>, id: Id, record: unknown): HashMap.HashMap<Id, A> =>
  record === undefined ? HashMap.remove(map, id) : HashMap.set(map, id, record as A)

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
export const apply = (timeline: Timeline, entry: Entry): Timeline => {
  const state = stateOf(timeline)
  const parts = entryParts(entry)
  if (parts === undefined) return state
  // The stream's id is the id of the record it holds, of the kind its type names.
  const { record } = parts
  switch (parts.type) {
    case "event":
      if (record === undefined) return remove(state, parts.id as EventId)
      return eventProblem(record) === undefined ? addChecked(state, record as AnyEvent) : state
    case "place":
      return withFields(state, { places: setOrRemove(state.places, parts.id as PlaceId, record) })
    case "actor":
      return withFields(state, { actors: setOrRemove(state.actors, parts.id as ActorId, record) })
    case "source":
      return withFields(state, { sources: setOrRemove(state.sources, parts.id as SourceId, record) })
    case "link": {
      const id = parts.id as LinkId
      const link = record as Link | undefined
      if (link !== undefined && linkProblem(link) !== undefined) return state
      if (link?.relation === "same-as") {
        return withFields(state, { sameAs: HashMap.set(state.sameAs, id, [link.from, link.to] as const) })
      }
      return HashMap.has(state.sameAs, id) ? withFields(state, { sameAs: HashMap.remove(state.sameAs, id) }) : state
    }
    default:
      return state
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
