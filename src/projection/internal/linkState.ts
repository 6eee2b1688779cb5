/**
 * The link graph state and its cached query index, shared by `LinkGraph` and `Inference`.
 */
import { HashMap } from "effect"
import type { AnyEvent } from "../../model/Event.js"
import type { Link } from "../../model/Link.js"
import { buildIndex, type Index } from "./linkIndex.js"

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

const indexCache = new WeakMap<LinkGraph, Index>()

/** The query index of a state, built on first use and cached with it. */
export const indexOf = (graph: LinkGraph): Index => {
  const known = indexCache.get(graph)
  if (known !== undefined) return known
  const index = buildIndex(current(graph.events), current(graph.links))
  indexCache.set(graph, index)
  return index
}

