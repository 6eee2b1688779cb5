/**
 * The link graph state and its cached query index, shared by `LinkGraph` and `Inference`.
 *
 * @internal
 */
import { HashMap } from "effect"
import type { AnyEvent } from "../../model/Event.js"
import type { Link } from "../../model/Link.js"
import type { LinkGraph } from "../LinkGraph.js"
import { buildIndex, type EventOrder, type Index, orderEvents } from "./linkIndex.js"
import * as Opaque from "./opaque.js"

export interface Kept<A> {
  readonly value: A
  /** Position of the stream's first entry: lists follow it, so results are deterministic. */
  readonly first: number
  readonly retracted: boolean
}

/** The type id of link graphs (`LinkGraph` declares the public interface with it). */
export const TypeId = "~protest-chronicle/LinkGraph" as const

/**
 * What a graph holds: every event and link stream the journal holds, with its latest record and
 * whether it is retracted. Persistent maps, so `apply` costs O(log n) and older states stay valid;
 * the query index is built on the first query of a state and cached with it.
 */
export interface State extends LinkGraph {
  readonly events: HashMap.HashMap<string, Kept<AnyEvent>>
  readonly links: HashMap.HashMap<string, Kept<Link>>
}

/** The map with a stream's new record (or its retraction, when `value` is undefined) at `position`. */
export const keep = <A>(map: HashMap.HashMap<string, Kept<A>>, id: string, position: number, value: A | undefined): HashMap.HashMap<string, Kept<A>> => {
  const before = HashMap.get(map, id)
  const old = before._tag === "Some" ? before.value : undefined
  if (value === undefined) {
    return old === undefined ? map : HashMap.set(map, id, { ...old, retracted: true })
  }
  return HashMap.set(map, id, { value, first: old?.first ?? position, retracted: false })
}

export const current = <A>(map: HashMap.HashMap<string, Kept<A>>): Array<A> => {
  const kept: Array<Kept<A>> = []
  for (const k of HashMap.values(map)) if (!k.retracted) kept.push(k)
  return kept.sort((a, b) => a.first - b.first).map((k) => k.value)
}

const byId = (a: Link, b: Link) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

const Proto = Opaque.makeProto<State>(TypeId, {
  name: "LinkGraph",
  values: (self) => {
    const index = indexOf(self)
    return [index.ordered, [...index.live, ...index.dangling].sort(byId)]
  },
  show: (self) => {
    const index = indexOf(self)
    return { events: index.ordered.map((e) => e.id), links: index.live.map((l) => `${l.from} ${l.relation} ${l.to}`) }
  }
})

/** A graph with these maps. */
export const makeState = (events: State["events"], links: State["links"]): State => Opaque.make(Proto, { events, links }) as State

/** `LinkGraph.isLinkGraph`. */
export const isLinkGraph = (u: unknown): u is LinkGraph => typeof u === "object" && u !== null && TypeId in u

/** The link graph of an empty journal. */
export const empty: LinkGraph = makeState(HashMap.empty(), HashMap.empty())

/** The graph a value is: itself when it is a graph, else the empty graph. */
export const graphOf = (u: unknown): State => (isLinkGraph(u) ? (u as State) : (empty as State))

const indexCache = new WeakMap<State, Index>()
// Keyed by the events map itself: recording a link leaves it untouched, so the sort is reused.
const orderCache = new WeakMap<object, EventOrder>()

const orderOf = (graph: State): EventOrder => {
  const known = orderCache.get(graph.events)
  if (known !== undefined) return known
  const order = orderEvents(current(graph.events))
  orderCache.set(graph.events, order)
  return order
}

/** The query index of a state, built on first use and cached with it (any other value: the empty graph's). */
export const indexOf = (state: LinkGraph): Index => {
  const graph = graphOf(state)
  const known = indexCache.get(graph)
  if (known !== undefined) return known
  const index = buildIndex(orderOf(graph), current(graph.links))
  indexCache.set(graph, index)
  return index
}

