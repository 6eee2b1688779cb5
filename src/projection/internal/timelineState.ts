/**
 * The timeline's state and what builds and reads it (the implementation of most of `Timeline`;
 * the public types and their documentation live there): the persistent index of items, the id map,
 * and the context records; same-as classes; and the one rule of certainty (shared by windows,
 * calendar groups and gaps). The order of events lives in `eventOrder.ts`, shared with the link
 * graph.
 *
 * @internal
 */
import { Function, HashMap, Option, Result } from "effect"
import type * as ClaimPolicy from "../../model/ClaimPolicy.js"
import type { AnyEvent } from "../../model/Event.js"
import type { ActorId, EventId, LinkId, PlaceId, SourceId } from "../../model/Id.js"
import * as Hierarchy from "../Hierarchy.js"
import type { UnreadableRecordError } from "../Projection.js"
import type { Certainty, Context, Item, Timeline } from "../Timeline.js"
import { itemOfChecked } from "./eventOrder.js"
import { eventProblem, isObject, shown, unreadable } from "./readable.js"
import * as Ids from "./timelineIds.js"
import * as Index from "./timelineIndex.js"
import type * as Items from "./timelineItem.js"
import * as Opaque from "./opaque.js"
import { classesOf, compareBounds } from "./order.js"

/** The type id of timelines (the key `Timeline.Timeline` declares). */
export const TypeId = "~protest-chronicle/Timeline" as const

/** What a timeline holds: the persistent index of the current events, the events by id, and the context. */
export interface State extends Timeline, Context {
  readonly index: Index.Index<AnyEvent>
  readonly byId: Ids.IdMap
}

type Fields = Omit<State, keyof Timeline>

const Proto = Opaque.makeProto<State>(TypeId, {
  name: "Timeline",
  values: (self) => [events(self), self.places, self.actors, self.sources, self.sameAs],
  show: (self) => ({ size: size(self), events: events(self).map((e) => e.id) })
})

/** A timeline with these fields. */
export const makeState = (fields: Fields): State =>
  Opaque.make(Proto, {
    index: fields.index,
    byId: fields.byId,
    places: fields.places,
    actors: fields.actors,
    sources: fields.sources,
    sameAs: fields.sameAs
  }) as State

/** A copy of a timeline with some fields replaced. */
export const withFields = (state: State, fields: Partial<Fields>): State =>
  makeState({
    index: fields.index ?? state.index,
    byId: "byId" in fields ? fields.byId : state.byId,
    places: fields.places ?? state.places,
    actors: fields.actors ?? state.actors,
    sources: fields.sources ?? state.sources,
    sameAs: fields.sameAs ?? state.sameAs
  })

/** `Timeline.isTimeline`. */
export const isTimeline = (u: unknown): u is Timeline => typeof u === "object" && u !== null && TypeId in u

/** `Timeline.empty`. */
export const empty: Timeline = makeState({
  index: Index.empty,
  byId: undefined,
  places: HashMap.empty(),
  actors: HashMap.empty(),
  sources: HashMap.empty(),
  sameAs: HashMap.empty()
})

/** The timeline a value is: itself when it is a timeline, else the empty timeline. */
export const stateOf = (u: unknown): State => (isTimeline(u) ? (u as State) : (empty as State))

// ---------------------------------------------------------------------------
// placing events
// ---------------------------------------------------------------------------

/** `Timeline.itemOf`. */
export const itemOf = (event: AnyEvent): Result.Result<Item, UnreadableRecordError> => {
  const problem = eventProblem(event)
  return problem === undefined ? Result.succeed(itemOfChecked(event)) : Result.fail(unreadable(problem, event))
}

const isInstant = (v: unknown): v is number => typeof v === "number" && v === v

/** Whether an item can be indexed: the common case, checked without building anything. */
const isIndexable = (u: unknown): boolean => {
  if (typeof u !== "object" || u === null) return false
  const i = u as Item
  return typeof i.id === "string" && isInstant(i.earliest) && isInstant(i.startLatest) && isInstant(i.endEarliest) && isInstant(i.latest) &&
    i.earliest <= i.latest && typeof i.uncertain === "boolean"
}

/** What keeps a value from being indexed, or undefined when it can be. */
const itemProblem = (u: unknown) => {
  if (isIndexable(u)) return undefined
  if (!isObject(u)) return { field: "", reason: `is ${shown(u)}, not a timeline item` }
  if (typeof u["id"] !== "string") return { field: "id", reason: `is ${shown(u["id"])}, not a string` }
  for (const key of ["earliest", "startLatest", "endEarliest", "latest"]) {
    if (!isInstant(u[key])) return { field: key, reason: `is ${shown(u[key])}, not an instant (epoch ms or ±Infinity)` }
  }
  if ((u["earliest"] as number) > (u["latest"] as number)) return { field: "latest", reason: "is before earliest: the bounds are reversed" }
  return { field: "uncertain", reason: `is ${shown(u["uncertain"])}, not true or false` }
}

// ---------------------------------------------------------------------------
// combinators
// ---------------------------------------------------------------------------

const addValid = (timeline: State, item: Item): State => {
  const { before, map } = Ids.set(timeline.byId, item)
  // Under the same key the index replaces the item in place.
  const index = before !== undefined && (before.earliest !== item.earliest || before.latest !== item.latest)
    ? Index.remove(timeline.index, { earliest: before.earliest, latest: before.latest, id: item.id })
    : timeline.index
  return withFields(timeline, { index: Index.insert(index, item), byId: map })
}

/** `Timeline.add`. */
export const add: {
  (event: AnyEvent): (timeline: Timeline) => Result.Result<Timeline, UnreadableRecordError>
  (timeline: Timeline, event: AnyEvent): Result.Result<Timeline, UnreadableRecordError>
} = Function.dual(2, (timeline: Timeline, event: AnyEvent): Result.Result<Timeline, UnreadableRecordError> =>
  Result.map(itemOf(event), (item) => addValid(stateOf(timeline), item)))

/** `Timeline.addItem`. */
export const addItem: {
  (item: Item): (timeline: Timeline) => Result.Result<Timeline, UnreadableRecordError>
  (timeline: Timeline, item: Item): Result.Result<Timeline, UnreadableRecordError>
} = Function.dual(2, (timeline: Timeline, item: Item): Result.Result<Timeline, UnreadableRecordError> => {
  const problem = itemProblem(item)
  return problem === undefined ? Result.succeed(addValid(stateOf(timeline), item)) : Result.fail(unreadable(problem, item))
})

/** Adds an event known to be readable; for `apply`, which has no error channel. */
export const addChecked = (timeline: State, event: AnyEvent): State => addValid(timeline, itemOfChecked(event))

/** `Timeline.remove`. */
export const remove: {
  (id: EventId): (timeline: Timeline) => Timeline
  (timeline: Timeline, id: EventId): Timeline
} = Function.dual(2, (timeline: Timeline, id: EventId): Timeline => {
  const state = stateOf(timeline)
  if (typeof id !== "string") return state
  const taken = Ids.take(state.byId, id)
  if (taken === undefined) return state
  return withFields(state, { index: Index.remove(state.index, { earliest: taken.place.earliest, latest: taken.place.latest, id }), byId: taken.map })
})

/** `Timeline.fromItems`. */
export const fromItems = (
  items: ReadonlyArray<Item>,
  context: Partial<Context> = {}
): Result.Result<Timeline, UnreadableRecordError> => {
  if (!Array.isArray(items)) return Result.fail(unreadable({ field: "", reason: `the items are ${shown(items)}, not a list` }, undefined))
  for (let i = 0; i < items.length; i++) {
    const problem = itemProblem(items[i])
    if (problem !== undefined) return Result.fail(unreadable(problem, items[i], i))
  }
  return Result.succeed(fromValidItems(items, context))
}

/** `fromItems` of items already checked, with context maps that are maps. */
export const fromValidItems = (items: ReadonlyArray<Item>, context: Partial<Context> = {}): State => {
  const ids = Ids.fromItems(items)
  const keep = <K extends keyof Context>(key: K): Context[K] | undefined => (HashMap.isHashMap(context?.[key]) ? context[key] : undefined)
  const none = empty as State
  return makeState({
    places: keep("places") ?? none.places,
    actors: keep("actors") ?? none.actors,
    sources: keep("sources") ?? none.sources,
    sameAs: keep("sameAs") ?? none.sameAs,
    index: Index.fromItemsById(ids.byId),
    byId: ids.map
  })
}

// ---------------------------------------------------------------------------
// reading
// ---------------------------------------------------------------------------

/** `Timeline.size`. */
export const size = (timeline: Timeline): number => Index.size(stateOf(timeline).index)

/** `Timeline.events`. */
export const events = (timeline: Timeline): ReadonlyArray<AnyEvent> => Index.scan(stateOf(timeline).index, -Infinity, Infinity, (leaf, i) => leaf.events[i]!)

/** The item with this id, if the timeline holds it. */
export const itemById = (timeline: State, id: unknown): Item | undefined => {
  if (typeof id !== "string") return undefined
  const place = Ids.get(timeline.byId, id)
  return place === undefined ? undefined : Index.get(timeline.index, { earliest: place.earliest, latest: place.latest, id }) as Item | undefined
}

/** `Timeline.get`. */
export const get: {
  (id: EventId): (timeline: Timeline) => AnyEvent | undefined
  (timeline: Timeline, id: EventId): AnyEvent | undefined
} = Function.dual(2, (timeline: Timeline, id: EventId): AnyEvent | undefined => itemById(stateOf(timeline), id)?.event)

/** `Timeline.hierarchy`. */
export const hierarchy = (timeline: Timeline): Hierarchy.Hierarchy => {
  const state = stateOf(timeline)
  return Hierarchy.make(HashMap.values(state.places), HashMap.values(state.actors))
}

/** `Timeline.context`. */
export const context = (timeline: Timeline): Context => {
  const state = stateOf(timeline)
  return { places: state.places, actors: state.actors, sources: state.sources, sameAs: state.sameAs }
}

/** `Timeline.attribution`. */
export const attribution = (timeline: Timeline): ClaimPolicy.Attribution => {
  const state = stateOf(timeline)
  return {
    // `ClaimPolicy.Attribution` asks with plain strings; the ids are the same at run time.
    actor: (id) => Option.getOrUndefined(HashMap.get(state.actors, id as ActorId)),
    source: (id) => Option.getOrUndefined(HashMap.get(state.sources, id as SourceId))
  }
}

// ---------------------------------------------------------------------------
// the one certainty rule
// ---------------------------------------------------------------------------

/**
 * How sure it is that an item meeting [from, to] shares an instant with it: `certain` when every
 * reading does — its latest possible start is no later than `to` and its earliest possible end no
 * earlier than `from` — and the date is not marked uncertain; else `possible`. Windows, calendar
 * groups and gaps all answer with this one rule.
 */
export const certaintyIn = (item: Items.Item, from: number, to: number): Certainty =>
  certaintyOf(item.uncertain, item.startLatest, item.endEarliest, from, to)

/** {@link certaintyIn} of an item given by its parts, as the index's columns hold them. */
export const certaintyOf = (uncertain: boolean, startLatest: number, endEarliest: number, from: number, to: number): Certainty =>
  !uncertain && startLatest <= to && endEarliest >= from ? "certain" : "possible"

// ---------------------------------------------------------------------------
// same-as classes
// ---------------------------------------------------------------------------

const noClasses: ReadonlyMap<EventId, EventId> = new Map()

/** `Timeline.sameAsClasses`. */
export const sameAsClasses = (timeline: Timeline): ReadonlyMap<EventId, EventId> => {
  const state = stateOf(timeline)
  if (HashMap.size(state.sameAs) === 0) return noClasses
  const pairs: Array<readonly [EventId, EventId]> = []
  for (const pair of HashMap.values(state.sameAs)) {
    if (Ids.get(state.byId, pair[0]) !== undefined && Ids.get(state.byId, pair[1]) !== undefined) pairs.push(pair)
  }
  // The representative is the earliest report in timeline order.
  return classesOf(pairs, (a, b) => {
    const x = Ids.get(state.byId, a)!
    const y = Ids.get(state.byId, b)!
    return compareBounds(x.earliest, x.latest, a, y.earliest, y.latest, b) <= 0
  })
}
