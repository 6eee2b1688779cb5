/**
 * The link graph state and its cached query index, shared by `LinkGraph` and `Inference`.
 */
import { HashMap } from "effect"
import type { AnyEvent } from "../../model/Event.js"
import type { Link } from "../../model/Link.js"
import { buildIndex, type EventOrder, type Index, orderEvents } from "./linkIndex.js"

export interface Kept<A> {
  readonly value: A
  /** Position of the stream's first entry: lists follow it, so results are deterministic. */
  readonly first: number
  readonly retracted: boolean
}

/**
 * The link graph state: every event and link stream the journal holds, with its latest record and
 * whether it is retracted. Persistent maps, so `apply` costs O(log n) and older states stay valid;
 * the query index is built on the first query of a state and cached with it.
 */
export interface LinkGraph {
  readonly events: HashMap.HashMap<string, Kept<AnyEvent>>
  readonly links: HashMap.HashMap<string, Kept<Link>>
}

export const current = <A>(map: HashMap.HashMap<string, Kept<A>>): Array<A> => {
  const kept: Array<Kept<A>> = []
  for (const k of HashMap.values(map)) if (!k.retracted) kept.push(k)
  return kept.sort((a, b) => a.first - b.first).map((k) => k.value)
}

/** The link graph of an empty journal. */
export const empty: LinkGraph = { events: HashMap.empty(), links: HashMap.empty() }

/** The graph a value is: itself when it has a graph's shape, else the empty graph. */
export const graphOf = (u: unknown): LinkGraph =>
  typeof u === "object" && u !== null && HashMap.isHashMap((u as LinkGraph).events) && HashMap.isHashMap((u as LinkGraph).links) ? (u as LinkGraph) : empty

const indexCache = new WeakMap<LinkGraph, Index>()
// Keyed by the events map itself: recording a link leaves it untouched, so the sort is reused.
const orderCache = new WeakMap<object, EventOrder>()

const orderOf = (graph: LinkGraph): EventOrder => {
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

