/**
 * The link graph: historical linkages between events as a projection of the journal, with the
 * checks a new link must pass (possible in time, no cycle, both events current) and the queries a
 * historian asks — how two events are connected, everything that led to an event, its
 * consequences, storylines, chains across years and anniversaries.
 *
 * Reading a link: "`from` RELATION `to`". Directed links are turned into time order
 * (antecedent → consequent) before anything else: "A causes B" and "A part-of B" run from A to B;
 * "A responds-to B", "A continues B", "A commemorates B" and "A echoes B" run from B to A. Same-as
 * links merge events into one class (one real-world event told twice); queries treat a class as
 * one node, named by its earliest event. Contradicts links join two events in a storyline only.
 *
 * Ids are branded `EventId`s: those of decoded records pass as they are, and a literal is made
 * with `Id.EventId.make` (see the example).
 *
 * Bad input: nothing here throws. A value that is not a graph reads as the empty graph; ids that
 * are not strings (a JavaScript caller's, a cast's) name no event; options of the wrong kind (a
 * bound that is not a non-negative number, a direction that is not one of the three) fall back to
 * their defaults, and lengths are capped at the number of events, so no query can run away. `fromRecords`, `check` and
 * `checkEvent` fail with an `UnreadableRecordError` on a record they cannot read.
 *
 * @example
 * ```ts
 * import { Chronicle, Id, Projection } from "protest-chronicle"
 * import { zhanaozen } from "protest-chronicle/datasets"
 *
 * const chronicle = await Chronicle.open() // in memory
 * for (const record of zhanaozen.all) await chronicle.record(record)
 * const { LinkGraph } = Projection
 *
 * const graph = await chronicle.project(LinkGraph.projection)
 * const detention = Id.EventId.make("astana-2023-04-11-detention")
 * LinkGraph.lineage(graph, detention).map((e) => e.id)
 * LinkGraph.paths(graph, Id.EventId.make("zhanaozen-2011-12-16-shooting"), detention)
 * LinkGraph.storylines(graph)[0]?.name
 * await chronicle.close()
 * ```
 *
 * @since 0.1.0
 *
 * @module
 */
import { type Equal, Function, HashMap, type Inspectable, type Pipeable, Result } from "effect"
import type { Entry } from "../journal/Entry.js"
import type { AnyEvent } from "../model/Event.js"
import type { EventId, LinkId, PlaceId } from "../model/Id.js"
import type { Link, Relation } from "../model/Link.js"
import * as linkIndex from "./internal/linkIndex.js"
import { bound, inOrder, simplePaths, storylinesOf } from "./internal/linkQueries.js"
import * as state from "./internal/linkState.js"
import { dataFirst, notText } from "./internal/opaque.js"
import { entryParts, eventProblem, isObject, linkProblem, listOf, shown, unreadable, whenOf } from "./internal/readable.js"
import * as Anniversary from "../model/Anniversary.js"
import type { Projection, UnreadableRecordError } from "./Projection.js"

export { check, checkEvent, ImpossibleLinkError, LinkCycleError, LinkEndpointError, problems, timeRules } from "./LinkCheck.js"
export type { EventInTime, LinkError, Problem, TimeRule } from "./LinkCheck.js"
export { UnreadableRecordError } from "./Projection.js"

const { graphOf, indexOf, keep, makeState } = state
const { reachable } = linkIndex

// ---------------------------------------------------------------------------
// models
// ---------------------------------------------------------------------------

const TypeId = state.TypeId

/**
 * A link graph: the current events and the links between them, with what the journal retracted.
 * It is opaque: read it with the functions of `LinkGraph`. Two graphs are `Equal` when they hold
 * the same current events and links, however they were built.
 *
 * @category models
 * @since 0.1.0
 */
export interface LinkGraph extends Equal.Equal, Inspectable.Inspectable, Pipeable.Pipeable {
  readonly [TypeId]: typeof TypeId
}

/**
 * Tells whether a value is a link graph.
 *
 * @category guards
 * @since 0.1.0
 */
export const isLinkGraph: (u: unknown) => u is LinkGraph = state.isLinkGraph

/**
 * Which end of a directed link comes first in time ("the antecedent"): `from` for causes and
 * part-of (the part leads into the whole), `to` for responds-to, continues, commemorates and echoes.
 *
 * @category getters
 * @since 0.1.0
 */
export const antecedentIsFrom: (relation: Relation) => boolean = linkIndex.antecedentIsFrom

/**
 * One step of a path: the link taken, and whether the step runs along time or against it.
 *
 * @since 0.1.0
 * @category models
 */
export interface PathStep {
  readonly link: Link
  readonly along: boolean
}

/**
 * A path between two events: the events met (same-as classes by their representative), first to
 * last, and the link taken at each step (`steps.length === events.length - 1`).
 *
 * @since 0.1.0
 * @category models
 */
export interface Path {
  readonly events: ReadonlyArray<EventId>
  readonly steps: ReadonlyArray<PathStep>
}

/**
 * A storyline: a connected group of events (over links of every relation), named by the title of
 * its earliest event. `events` lists every member in timeline order (same-as duplicates
 * included); `links` the links inside it, in the order they were first recorded.
 *
 * @since 0.1.0
 * @category models
 */
export interface Storyline {
  readonly name: string
  readonly first: EventId
  readonly events: ReadonlyArray<EventId>
  readonly links: ReadonlyArray<LinkId>
}


// ---------------------------------------------------------------------------
// the projection
// ---------------------------------------------------------------------------

/**
 * The link graph of an empty journal. Any other value given where a graph is expected reads as this one.
 *
 * @category constructors
 * @since 0.1.0
 */
export const empty: LinkGraph = state.empty

/**
 * Adds one entry: event and link revisions and retractions; other streams leave the graph as it is.
 *
 * Gotchas: a projection has no error channel, so an entry the graph cannot read (not a journal
 * entry, an event without a valid `when` or time zone, a link without a relation or its ends)
 * leaves the graph as it is. Journals decode every record, so only hand-made entries can be
 * unreadable; {@link fromRecords} fails on such records instead.
 *
 * @since 0.1.0
 * @category projections
 */
export const apply = (graph: LinkGraph, entry: Entry): LinkGraph => {
  const state = graphOf(graph)
  const parts = entryParts(entry)
  if (parts === undefined) return state
  const { id, record, position } = parts
  if (parts.type === "event") {
    if (record !== undefined && eventProblem(record) !== undefined) return state
    return makeState(keep(state.events, id, position, record as AnyEvent | undefined), state.links)
  }
  if (parts.type === "link") {
    if (record !== undefined && linkProblem(record) !== undefined) return state
    return makeState(state.events, keep(state.links, id, position, record as Link | undefined))
  }
  return state
}

/**
 * The link graph as a projection.
 *
 * @since 0.1.0
 * @category projections
 */
export const projection: Projection<LinkGraph> = { initial: empty, apply }

/**
 * Builds a graph straight from events and links, without a journal: for scripts, imports and
 * inference over data that is not recorded yet. Later duplicates of an id replace earlier ones.
 *
 * Fails with an `UnreadableRecordError` on the first record it cannot read (an event without a
 * valid `when` or time zone, a link without a relation or its ends), naming its position in its
 * list and its id; nothing is built. Links are not checked against one another here: see
 * {@link problems}.
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromRecords = (events: Iterable<AnyEvent>, links: Iterable<Link> = []): Result.Result<LinkGraph, UnreadableRecordError> => {
  const eventList = listOf(events)
  const linkList = listOf(links)
  if (eventList === undefined) return Result.fail(unreadable({ field: "", reason: `the events are ${shown(events)}, not a list` }, undefined))
  if (linkList === undefined) return Result.fail(unreadable({ field: "", reason: `the links are ${shown(links)}, not a list` }, undefined))
  let eventMap = HashMap.empty<string, state.Kept<AnyEvent>>()
  let linkMap = HashMap.empty<string, state.Kept<Link>>()
  let n = 0
  for (let i = 0; i < eventList.length; i++) {
    const e = eventList[i]
    const problem = eventProblem(e)
    if (problem !== undefined) return Result.fail(unreadable(problem, e, i))
    eventMap = HashMap.set(eventMap, (e as AnyEvent).id, { value: e as AnyEvent, first: ++n, retracted: false })
  }
  for (let i = 0; i < linkList.length; i++) {
    const l = linkList[i]
    const problem = linkProblem(l)
    if (problem !== undefined) return Result.fail(unreadable(problem, l, i))
    linkMap = HashMap.set(linkMap, (l as Link).id, { value: l as Link, first: ++n, retracted: false })
  }
  return Result.succeed(makeState(eventMap, linkMap))
}

// ---------------------------------------------------------------------------
// reading
// ---------------------------------------------------------------------------

/**
 * The current (not retracted) events, in timeline order.
 *
 * @since 0.1.0
 * @category getters
 */
export const events = (graph: LinkGraph): ReadonlyArray<AnyEvent> => indexOf(graph).ordered

/**
 * The current event with this id, or undefined (never recorded, or retracted).
 *
 * @since 0.1.0
 * @category getters
 */
export const event: {
  (id: EventId): (graph: LinkGraph) => AnyEvent | undefined
  (graph: LinkGraph, id: EventId): AnyEvent | undefined
} = Function.dual(2, (graph: LinkGraph, id: EventId): AnyEvent | undefined => indexOf(graph).events.get(id))

/**
 * The current links whose two events are current, in the order they were first recorded.
 *
 * @since 0.1.0
 * @category getters
 */
export const links = (graph: LinkGraph): ReadonlyArray<Link> => indexOf(graph).live

/**
 * The current links that name this event as `from` or `to`, in the order they were first recorded.
 *
 * @since 0.1.0
 * @category getters
 */
export const linksOf: {
  (id: EventId): (graph: LinkGraph) => ReadonlyArray<Link>
  (graph: LinkGraph, id: EventId): ReadonlyArray<Link>
} = Function.dual(2, (graph: LinkGraph, id: EventId): ReadonlyArray<Link> => indexOf(graph).live.filter((l) => l.from === id || l.to === id))

// ---------------------------------------------------------------------------
// same-as classes
// ---------------------------------------------------------------------------

/**
 * The representative of every current event's same-as class: its earliest member in timeline
 * order (ties by id). Events with no same-as link represent themselves. This is the hook a
 * timeline uses to merge duplicate reports: keep one row per representative.
 *
 * @since 0.1.0
 * @category getters
 */
export const sameAsClasses = (graph: LinkGraph): ReadonlyMap<EventId, EventId> => indexOf(graph).canonical

/**
 * The representative of an event's same-as class, or undefined for an event that is not current.
 *
 * @since 0.1.0
 * @category getters
 */
export const canonical: {
  (id: EventId): (graph: LinkGraph) => EventId | undefined
  (graph: LinkGraph, id: EventId): EventId | undefined
} = Function.dual(2, (graph: LinkGraph, id: EventId): EventId | undefined => indexOf(graph).canonical.get(id))

/**
 * Every member of an event's same-as class (itself included), in timeline order; empty when it is not current.
 *
 * @since 0.1.0
 * @category queries
 */
export const sameAs: {
  (id: EventId): (graph: LinkGraph) => ReadonlyArray<EventId>
  (graph: LinkGraph, id: EventId): ReadonlyArray<EventId>
} = Function.dual(2, (graph: LinkGraph, id: EventId): ReadonlyArray<EventId> => {
  const index = indexOf(graph)
  const root = index.canonical.get(id)
  return root === undefined ? [] : index.members.get(root) ?? []
})

// ---------------------------------------------------------------------------
// queries
// ---------------------------------------------------------------------------

/**
 * Everything that led to an event: the events from which a chain of directed links runs to it,
 * along time, one per same-as class (its representative), in timeline order. `maxDepth` bounds
 * the number of links in the chain. Empty for an event that is not current.
 *
 * @since 0.1.0
 * @category queries
 */
export const lineage: {
  (id: EventId, options?: { readonly maxDepth?: number }): (graph: LinkGraph) => ReadonlyArray<AnyEvent>
  (graph: LinkGraph, id: EventId, options?: { readonly maxDepth?: number }): ReadonlyArray<AnyEvent>
} = Function.dual(dataFirst(notText, 2), (graph: LinkGraph, id: EventId, options: { readonly maxDepth?: number } = {}): ReadonlyArray<AnyEvent> => {
  const index = indexOf(graph)
  const root = index.canonical.get(id)
  return root === undefined ? [] : inOrder(index, reachable(index.backward, root, bound(options, "maxDepth", Infinity, true)).keys())
})

/**
 * Everything an event led to: the events a chain of directed links reaches from it, along time,
 * one per same-as class, in timeline order. `maxDepth` bounds the number of links.
 *
 * @since 0.1.0
 * @category queries
 */
export const consequences: {
  (id: EventId, options?: { readonly maxDepth?: number }): (graph: LinkGraph) => ReadonlyArray<AnyEvent>
  (graph: LinkGraph, id: EventId, options?: { readonly maxDepth?: number }): ReadonlyArray<AnyEvent>
} = Function.dual(dataFirst(notText, 2), (graph: LinkGraph, id: EventId, options: { readonly maxDepth?: number } = {}): ReadonlyArray<AnyEvent> => {
  const index = indexOf(graph)
  const root = index.canonical.get(id)
  return root === undefined ? [] : inOrder(index, reachable(index.forward, root, bound(options, "maxDepth", Infinity, true)).keys())
})

/**
 * Options of `paths`: which way steps may go (`"along"` time only, from cause to consequence;
 * `"against"` time only; `"any"`, the default, either way), the longest path in links (default 6)
 * and how many paths at most (default 20).
 *
 * @since 0.1.0
 * @category models
 */
export interface PathOptions {
  readonly direction?: "along" | "against" | "any"
  readonly maxLength?: number
  readonly maxCount?: number
}

/**
 * The simple paths (no event twice) between two events, shortest first, then in the order links
 * were recorded; same-as classes count as one event. Bounded by `maxLength` links and `maxCount`
 * paths, so a dense graph cannot make it run away. Empty when either event is not current or no
 * path fits the bounds; `[{ events: [a], steps: [] }]` when both are the same event.
 *
 * @since 0.1.0
 * @category queries
 */
export const paths: {
  (from: EventId, to: EventId, options?: PathOptions): (graph: LinkGraph) => ReadonlyArray<Path>
  (graph: LinkGraph, from: EventId, to: EventId, options?: PathOptions): ReadonlyArray<Path>
} = Function.dual(dataFirst(notText, 3), (graph: LinkGraph, from: EventId, to: EventId, options: PathOptions = {}): ReadonlyArray<Path> => {
  const index = indexOf(graph)
  const source = index.canonical.get(from)
  const target = index.canonical.get(to)
  return source === undefined || target === undefined ? [] : simplePaths(index, source, target, options)
})

/**
 * The storylines: connected groups of events over links of every relation (directed, same-as and
 * contradicts), each named by its earliest event, ordered by that event on the timeline. They
 * partition the current events: an event with no link is a storyline of its own.
 *
 * @since 0.1.0
 * @category queries
 */
export const storylines = (graph: LinkGraph): ReadonlyArray<Storyline> => storylinesOf(indexOf(graph))

/**
 * The year an event begins in, in its own calendar, as written (`2011-05~` → 2011; an interval by
 * its start); undefined when the start is open or unknown.
 *
 * @since 0.1.0
 * @category getters
 */
export const yearOf = (e: AnyEvent): number | undefined => {
  const when = whenOf(e)
  if (when === undefined) return undefined
  const head = /^(-?\d{4,})/u.exec(when.startsWith("Y") ? when.slice(1) : when)
  return head === null ? undefined : Number(head[1]!.replace(/X/gu, "0"))
}

/**
 * Options of `chains`: the first and last years, and the bounds of `paths`.
 *
 * @since 0.1.0
 * @category models
 */
export interface ChainOptions {
  readonly from: number
  readonly to: number
  readonly maxLength?: number
  readonly maxCount?: number
}

/**
 * Chains across years: paths along time (every step from an event to a later consequence) that
 * begin with an event of year `from` and end with an event of year `to` — "from 2011 to 2023".
 * Starts are taken in timeline order, chains from one start shortest first; bounded like `paths`
 * (at most `maxLength` links, default 8; `maxCount` chains, default 20).
 *
 * @since 0.1.0
 * @category queries
 */
export const chains: {
  (options: ChainOptions): (graph: LinkGraph) => ReadonlyArray<Path>
  (graph: LinkGraph, options: ChainOptions): ReadonlyArray<Path>
} = Function.dual(2, (graph: LinkGraph, options: ChainOptions): ReadonlyArray<Path> => {
  if (!isObject(options) || typeof options.from !== "number" || typeof options.to !== "number") return []
  const index = indexOf(graph)
  const maxLength = Math.min(Math.floor(bound(options, "maxLength", 8)), index.members.size)
  const maxCount = bound(options, "maxCount", 20, true)
  const inYear = (root: EventId, year: number) => (index.members.get(root) ?? []).some((id) => yearOf(index.events.get(id)!) === year)
  const ends = [...index.members.keys()].filter((root) => inYear(root, options.to))
  const found: Array<Path> = []
  for (const start of events(graph)) {
    if (found.length >= maxCount) break
    const root = index.canonical.get(start.id)!
    if (root !== start.id || !inYear(root, options.from)) continue
    const reach = reachable(index.forward, root, maxLength)
    const targets = ends.filter((end) => reach.has(end)).sort((a, b) => reach.get(a)! - reach.get(b)! || index.rank.get(a)! - index.rank.get(b)!)
    for (const end of targets) {
      if (found.length >= maxCount) break
      found.push(...paths(graph, root, end, { direction: "along", maxLength, maxCount: maxCount - found.length }))
    }
  }
  return found
})


/**
 * An event on an anniversary of another: how many years after, whether surely, and whether a commemorates link joins them.
 *
 * @since 0.1.0
 * @category models
 */
export interface AnniversaryOf {
  readonly event: AnyEvent
  readonly years: number | undefined
  readonly certainty: Exclude<Anniversary.Certainty, "no">
  readonly linked: boolean
}

const placesOf = (e: AnyEvent): ReadonlyArray<PlaceId> => (e.where.alsoAt === undefined ? [e.where.place] : [e.where.place, ...e.where.alsoAt])

/**
 * The events that fall on an anniversary of an event (same month and day in the local calendar,
 * a whole number of years later; see `Anniversary`), in timeline order — "what happened on the
 * anniversaries of the shooting?". `samePlace` keeps only events sharing a place with it;
 * `linked` says whether a commemorates link already joins the two (same-as classes counting as
 * one). `Timeline.anniversariesOf` answers the same question with the timeline's filters; this one
 * adds the links.
 *
 * @since 0.1.0
 * @category queries
 */
export const anniversaries: {
  (id: EventId, options?: { readonly samePlace?: boolean }): (graph: LinkGraph) => ReadonlyArray<AnniversaryOf>
  (graph: LinkGraph, id: EventId, options?: { readonly samePlace?: boolean }): ReadonlyArray<AnniversaryOf>
} = Function.dual(dataFirst(notText, 2), (graph: LinkGraph, id: EventId, options: { readonly samePlace?: boolean } = {}): ReadonlyArray<AnniversaryOf> => {
  const index = indexOf(graph)
  const origin = index.events.get(id)
  if (origin === undefined) return []
  const root = index.canonical.get(id)!
  const commemorating = new Set<EventId>()
  for (const step of index.forward.get(root) ?? []) if (step.link.relation === "commemorates") commemorating.add(step.node)
  const here = new Set(placesOf(origin))
  const found: Array<AnniversaryOf> = []
  for (const e of events(graph)) {
    if (e.id === id || (isObject(options) && options["samePlace"] === true && !placesOf(e).some((p) => here.has(p)))) continue
    const certainty = Anniversary.isAnniversary(origin, e)
    if (certainty === "no") continue
    found.push({ event: e, years: Anniversary.yearsBetween(origin, e), certainty, linked: commemorating.has(index.canonical.get(e.id)!) })
  }
  return found
})
