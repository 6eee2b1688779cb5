/**
 * Timeline queries: windows, filters, same-as classes answered once, Allen relations and
 * anniversaries (the implementation of those parts of `Timeline`; the public types and their
 * documentation live there, the `TimelineQueryError` class in `Projection.ts`).
 *
 * @internal
 */
import { Function, Result } from "effect"
import type { AnyEvent } from "../../model/Event.js"
import type { ActorId, EventId, PlaceId } from "../../model/Id.js"
import { invalidReason as zoneReason, TimeZoneError } from "../../model/TimeZone.js"
import * as When from "../../model/When.js"
import * as Allen from "../../model/Allen.js"
import * as Anniversary from "../../model/Anniversary.js"
import type { AnniversaryHit, Certainty, Hit, Item, Query, QueryError, Timeline, Window, WindowMode } from "../Timeline.js"
import { TimelineQueryError } from "../Projection.js"
import { actorsOf, haystackOf, isObject, kindOf, placesOf, shown, tagsOf, whenOf } from "./readable.js"
import * as Index from "./timelineIndex.js"
import { compareItems } from "./timelineItem.js"
import { dataFirst, notNumber, notText } from "./opaque.js"
import { certaintyIn, certaintyOf, events, hierarchy, isTimeline, itemById, sameAsClasses, type State, stateOf } from "./timelineState.js"

const MODES: ReadonlySet<unknown> = new Set(["overlaps", "within"])
const isStrings = (u: unknown) => typeof u === "string" || (Array.isArray(u) && u.every((x) => typeof x === "string"))

/** What is wrong with a query's parts, if anything (the EDTF values and zone are read later). */
export const queryProblem = (q: unknown): TimelineQueryError | undefined => {
  if (q === undefined) return undefined
  if (!isObject(q)) return new TimelineQueryError({ field: "query", reason: `is ${shown(q)}, not an object of query parts` })
  const fail = (field: string, reason: string) => new TimelineQueryError({ field, reason: `is ${shown(q[field])}: ${reason}` })
  for (const field of ["from", "to", "timeZone", "place", "actor", "text"]) {
    if (q[field] !== undefined && typeof q[field] !== "string") return fail(field, "expected a string")
  }
  if (q["mode"] !== undefined && !MODES.has(q["mode"])) return fail("mode", `expected "overlaps" or "within"`)
  for (const field of ["kind", "tag"]) if (q[field] !== undefined && !isStrings(q[field])) return fail(field, "expected a string or a list of strings")
  if (q["viaMembership"] !== undefined && typeof q["viaMembership"] !== "boolean") return fail("viaMembership", "expected true or false")
  return undefined
}

/** The zone's error, or undefined when the engine knows it. */
export const checkZone = (zone: string): TimeZoneError | undefined => {
  const reason = zoneReason(zone)
  return reason === undefined ? undefined : new TimeZoneError({ input: zone, reason })
}

/** `Timeline.windowOf`. */
export const windowOf = (query: Pick<Query, "from" | "to" | "timeZone">): Result.Result<Window, QueryError> => {
  const problem = queryProblem(query)
  if (problem !== undefined) return Result.fail(problem)
  const q = query ?? {}
  const zone = q.timeZone ?? "UTC"
  const bad = checkZone(zone)
  if (bad !== undefined) return Result.fail(bad)
  let from = -Infinity
  let to = Infinity
  if (q.from !== undefined) {
    const b = Result.flatMap(When.make(q.from), (w) => When.bounds(w, zone))
    if (Result.isFailure(b)) return Result.fail(b.failure)
    from = b.success.earliest
  }
  if (q.to !== undefined) {
    const b = Result.flatMap(When.make(q.to), (w) => When.bounds(w, zone))
    if (Result.isFailure(b)) return Result.fail(b.failure)
    to = b.success.latest
  }
  if (to < from) {
    return Result.fail(new TimelineQueryError({ field: "to", reason: `is ${q.to}, which ends before the window begins (from ${q.from})` }))
  }
  return Result.succeed({ from, to })
}

/** How an item relates to a `within` window: certain, possible, or undefined (not at all). */
const withinCertainty = (item: Item, w: Window): Certainty | undefined => {
  // Some start and end inside the window, start <= end.
  const sLow = Math.max(item.earliest, w.from)
  const sHigh = Math.min(item.startLatest, w.to)
  const eLow = Math.max(item.endEarliest, sLow, w.from)
  const eHigh = Math.min(item.latest, w.to)
  if (sLow > sHigh || eLow > eHigh) return undefined
  return !item.uncertain && item.earliest >= w.from && item.latest <= w.to ? "certain" : "possible"
}

// Data-first when given the timeline, or a window in second place (the data-last form has a mode there).
const inWindowDataFirst = (args: IArguments): boolean =>
  args.length > 2 || isTimeline(args[0]) || (typeof args[1] === "object" && args[1] !== null)

/** `Timeline.inWindow`. */
export const inWindow: {
  (window: Window, mode?: WindowMode): (timeline: Timeline) => ReadonlyArray<Hit>
  (timeline: Timeline, window: Window, mode?: WindowMode): ReadonlyArray<Hit>
} = Function.dual(inWindowDataFirst, (timeline: Timeline, window: Window, mode: WindowMode = "overlaps"): ReadonlyArray<Hit> => {
  if (!isObject(window) || !MODES.has(mode)) return []
  const { from, to } = window
  // `!(from <= to)` also refuses NaN and anything that is not a number.
  if (typeof from !== "number" || typeof to !== "number" || !(from <= to)) return []
  const index = stateOf(timeline).index
  if (mode === "overlaps") {
    // Every row found overlaps the window: only its certainty is left to work out, read from the
    // leaf's columns without making an item.
    return Index.scan(index, from, to, (leaf, i): Hit => ({
      event: leaf.events[i]!,
      certainty: certaintyOf(leaf.uncertain?.[i] === true, leaf.bounds[4 * i + 1]!, leaf.bounds[4 * i + 2]!, from, to)
    }))
  }
  const out: Array<Hit> = []
  for (const item of Index.overlapping(index, from, to)) {
    const c = withinCertainty(item, window)
    if (c !== undefined) out.push({ event: item.event, certainty: c })
  }
  return out
})

/** An item answering a query, and how surely. */
export interface Answer {
  readonly item: Item
  readonly certainty: Certainty
}

const asList = (x: string | ReadonlyArray<string> | undefined): ReadonlyArray<string> | undefined =>
  x === undefined ? undefined : typeof x === "string" ? [x] : x

const nothing = (): boolean => false

/** `Timeline.matcher`. */
export const matcher = (timeline: Timeline, query: Query): ((event: AnyEvent) => boolean) => {
  if (queryProblem(query) !== undefined) return nothing
  const q = query ?? {}
  const kinds = asList(q.kind)
  const tags = asList(q.tag)
  const h = q.place !== undefined || q.actor !== undefined ? hierarchy(timeline) : undefined
  // A query names places and actors with plain strings (see `Query`); one that no record has
  // reaches no place or actor but itself, and so matches only events that name it.
  const places = q.place === undefined ? undefined : h!.placesWithin(q.place as PlaceId)
  const actors = q.actor === undefined ? undefined : h!.membersOf(q.actor as ActorId, { viaMembership: q.viaMembership === true })
  const text = q.text?.toLowerCase()
  return (e) => {
    if (kinds !== undefined && !kinds.includes(kindOf(e)!)) return false
    if (places !== undefined && !placesOf(e).some((p) => places.has(p))) return false
    if (actors !== undefined && !actorsOf(e).some((a) => actors.has(a))) return false
    if (tags !== undefined && !tagsOf(e).some((t) => tags.includes(t))) return false
    if (text !== undefined && text.length > 0 && !haystackOf(e).includes(text)) return false
    return true
  }
}

/**
 * Every item answering a query, each report on its own (same-as classes not merged yet), in
 * timeline order, with the window it was read into. The state is a timeline already.
 */
export const answersOf = (state: State, q: Query): Result.Result<{ readonly answers: ReadonlyArray<Answer>; readonly window: Window }, QueryError> =>
  Result.map(windowOf(q), (window) => {
    const keep = matcher(state, q)
    const within = q?.mode === "within"
    const answers: Array<Answer> = []
    for (const item of Index.overlapping(state.index, window.from, window.to)) {
      const certainty = within ? withinCertainty(item, window) : certaintyIn(item, window.from, window.to)
      if (certainty !== undefined && keep(item.event)) answers.push({ item, certainty })
    }
    return { answers, window }
  })

/** `Timeline.query`. */
export const query: {
  (q?: Query): (timeline: Timeline) => Result.Result<ReadonlyArray<Hit>, QueryError>
  (timeline: Timeline, q?: Query): Result.Result<ReadonlyArray<Hit>, QueryError>
} = Function.dual(dataFirst(isTimeline, 1), (timeline: Timeline, q: Query = {}): Result.Result<ReadonlyArray<Hit>, QueryError> => {
  const state = stateOf(timeline)
  return Result.map(answersOf(state, q), ({ answers }) => {
    const hits: Array<Hit> = answers.map(({ certainty, item }) => ({ event: item.event, certainty }))
    const classes = sameAsClasses(state)
    if (classes.size === 0) return hits
    // One hit per class: the representative's, or else the first report found, at its place in
    // the order; the class is as certain as its surest answering report.
    const byClass = new Map<string, { index: number; certainty: Certainty }>()
    const out: Array<Hit> = []
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
    const members = new Map<string, Array<Item>>()
    for (const [id, rep] of classes) {
      if (id === rep || !byClass.has(rep)) continue
      const list = members.get(rep)
      if (list === undefined) members.set(rep, [itemById(state, id)!])
      else list.push(itemById(state, id)!)
    }
    for (const [rep, { certainty, index }] of byClass) {
      const duplicates = (members.get(rep) ?? []).sort(compareItems).map((i) => i.event)
      out[index] = { event: itemById(state, rep)!.event, certainty, duplicates }
    }
    return out
  })
})

// ---------------------------------------------------------------------------
// relations and anniversaries
// ---------------------------------------------------------------------------

/** `Timeline.relations`. */
export const relations: {
  (a: EventId, b: EventId): (timeline: Timeline) => Allen.Relations | undefined
  (timeline: Timeline, a: EventId, b: EventId): Allen.Relations | undefined
} = Function.dual(dataFirst(notText, 2), (timeline: Timeline, a: EventId, b: EventId): Allen.Relations | undefined => {
  const state = stateOf(timeline)
  const x = itemById(state, a)
  const y = itemById(state, b)
  if (x === undefined || y === undefined) return undefined
  const span = (i: Item): When.Span => ({
    start: { earliest: i.earliest, latest: i.startLatest },
    end: { earliest: i.endEarliest, latest: i.latest }
  })
  return Allen.relations(span(x), span(y))
})

/** `Timeline.anniversariesOf`. */
export const anniversariesOf: {
  (id: EventId, filter?: Query): (timeline: Timeline) => ReadonlyArray<AnniversaryHit>
  (timeline: Timeline, id: EventId, filter?: Query): ReadonlyArray<AnniversaryHit>
} = Function.dual(dataFirst(notText, 2), (timeline: Timeline, id: EventId, filter: Query = {}): ReadonlyArray<AnniversaryHit> => {
  const state = stateOf(timeline)
  const origin = itemById(state, id)
  if (origin === undefined || queryProblem(filter) !== undefined) return []
  const keep = matcher(state, filter)
  const out: Array<AnniversaryHit> = []
  for (const item of Index.overlapping(state.index, origin.earliest, Infinity)) {
    if (item.id === id || !keep(item.event)) continue
    const c = Anniversary.isAnniversary(origin.event, item.event)
    if (c !== "no") out.push({ event: item.event, certainty: c, years: Anniversary.yearsBetween(origin.event, item.event) })
  }
  return out
})

/** `Timeline.onMonthDay`. */
export const onMonthDay: {
  (month: number, day: number, filter?: Query): (timeline: Timeline) => ReadonlyArray<Hit>
  (timeline: Timeline, month: number, day: number, filter?: Query): ReadonlyArray<Hit>
} = Function.dual(dataFirst(notNumber, 3), (timeline: Timeline, month: number, day: number, filter: Query = {}): ReadonlyArray<Hit> => {
  const state = stateOf(timeline)
  if (queryProblem(filter) !== undefined) return []
  const keep = matcher(state, filter)
  const out: Array<Hit> = []
  for (const event of events(state)) {
    if (!keep(event)) continue
    const c = Anniversary.onMonthDay(whenOf(event) ?? "", month, day)
    if (c !== "no") out.push({ event, certainty: c })
  }
  return out
})
