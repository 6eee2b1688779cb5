/**
 * The query index of a link graph: same-as classes (union-find), the time-oriented adjacency
 * between classes, and each event's rank in timeline order. Built once per graph state, on the
 * first query, and cached by state identity (states are immutable, so the cache never goes stale).
 */
import type { AnyEvent } from "../../model/Event.js"
import type { EventId } from "../../model/Id.js"
import type { Link, Relation } from "../../model/Link.js"
import { sortEvents } from "./eventOrder.js"
import { classesOf } from "./order.js"

/** One step of the graph: the link taken and the class reached. */
export interface Step {
  readonly link: Link
  readonly node: EventId
  /** True when the step follows time (antecedent → consequent), false when it goes against it. */
  readonly along: boolean
}

export interface Index {
  /** The current (not retracted) events by id. */
  readonly events: ReadonlyMap<EventId, AnyEvent>
  /** The current events in timeline order. */
  readonly ordered: ReadonlyArray<AnyEvent>
  /** Rank of each current event in timeline order (the timeline's: bounds, then id; see `eventOrder.ts`). */
  readonly rank: ReadonlyMap<EventId, number>
  /** Event id → the id of its same-as class's representative (the class's earliest event). */
  readonly canonical: ReadonlyMap<EventId, EventId>
  /** Representative → the class's members, in timeline order. */
  readonly members: ReadonlyMap<EventId, ReadonlyArray<EventId>>
  /** The links whose two ends are current events, in the order they were first recorded. */
  readonly live: ReadonlyArray<Link>
  /** Links with an end that is not a current event. */
  readonly dangling: ReadonlyArray<Link>
  /** Class → steps along time (to later classes), over directed links. */
  readonly forward: ReadonlyMap<EventId, ReadonlyArray<Step>>
  /** Class → steps against time (to earlier classes), over directed links. */
  readonly backward: ReadonlyMap<EventId, ReadonlyArray<Step>>
  /** Class → every step over any link but same-as, both ways. */
  readonly around: ReadonlyMap<EventId, ReadonlyArray<Step>>
}

/**
 * Which end of a directed link comes first in time ("the antecedent"): `from` for causes and
 * part-of (the part leads into the whole), `to` for responds-to, continues, commemorates and echoes.
 */
export const antecedentIsFrom = (relation: Relation): boolean => relation === "causes" || relation === "part-of"

/** The [antecedent, consequent] ends of a directed link. */
export const oriented = (link: Link): readonly [EventId, EventId] =>
  antecedentIsFrom(link.relation) ? [link.from, link.to] : [link.to, link.from]

export const isDirectedRelation = (relation: Relation): boolean => relation !== "same-as" && relation !== "contradicts"

const push = <K, V>(map: Map<K, Array<V>>, key: K, value: V): void => {
  const list = map.get(key)
  if (list === undefined) map.set(key, [value])
  else list.push(value)
}

/** The events of a state by id, in timeline order, and their ranks: the part of the index links do not change. */
export interface EventOrder {
  readonly byId: ReadonlyMap<EventId, AnyEvent>
  readonly sorted: ReadonlyArray<AnyEvent>
  readonly rank: ReadonlyMap<EventId, number>
}

export const orderEvents = (events: ReadonlyArray<AnyEvent>): EventOrder => {
  const byId = new Map<EventId, AnyEvent>()
  for (const e of events) byId.set(e.id, e)
  const sorted = sortEvents(byId.values())
  const rank = new Map<EventId, number>()
  sorted.forEach((e, i) => rank.set(e.id, i))
  return { byId, sorted, rank }
}

/** Builds the index from the ordered current events and the current links (in first-recorded order). */
export const buildIndex = (order: EventOrder, links: ReadonlyArray<Link>): Index => {
  const { byId, rank, sorted } = order

  const live: Array<Link> = []
  const dangling: Array<Link> = []
  for (const link of links) (byId.has(link.from) && byId.has(link.to) ? live : dangling).push(link)

  // Same-as classes; the representative of a class is its earliest member (lowest rank).
  const sameAs: Array<readonly [EventId, EventId]> = []
  for (const link of live) if (link.relation === "same-as") sameAs.push([link.from, link.to])
  const roots = classesOf(sameAs, (a, b) => rank.get(a)! < rank.get(b)!)
  const canonical = new Map<EventId, EventId>()
  const members = new Map<EventId, Array<EventId>>()
  for (const e of sorted) {
    const root = roots.get(e.id) ?? e.id
    canonical.set(e.id, root)
    push(members, root, e.id)
  }

  const forward = new Map<EventId, Array<Step>>()
  const backward = new Map<EventId, Array<Step>>()
  const around = new Map<EventId, Array<Step>>()
  for (const link of live) {
    if (link.relation === "same-as") continue
    const [first, second] = isDirectedRelation(link.relation) ? oriented(link) : [link.from, link.to]
    const a = canonical.get(first)!
    const b = canonical.get(second)!
    if (isDirectedRelation(link.relation)) {
      push(forward, a, { link, node: b, along: true })
      push(backward, b, { link, node: a, along: false })
    }
    push(around, a, { link, node: b, along: true })
    push(around, b, { link, node: a, along: false })
  }
  return { events: byId, ordered: sorted, rank, canonical, members, live, dangling, forward, backward, around }
}

/**
 * The shortest chain of steps from class `source` to class `target` over `next`, or undefined.
 * Breadth-first, so the chain found has the fewest links; neighbours in first-recorded order.
 */
export const shortestSteps = (
  next: ReadonlyMap<EventId, ReadonlyArray<Step>>,
  source: EventId,
  target: EventId
): ReadonlyArray<Step> | undefined => {
  if (source === target) return []
  const via = new Map<EventId, { readonly step: Step; readonly from: EventId }>()
  const seen = new Set<EventId>([source])
  let frontier = [source]
  while (frontier.length > 0) {
    const following: Array<EventId> = []
    for (const node of frontier) {
      for (const step of next.get(node) ?? []) {
        if (seen.has(step.node)) continue
        seen.add(step.node)
        via.set(step.node, { step, from: node })
        if (step.node === target) {
          const steps: Array<Step> = []
          for (let at = target; at !== source;) {
            const v = via.get(at)!
            steps.push(v.step)
            at = v.from
          }
          return steps.reverse()
        }
        following.push(step.node)
      }
    }
    frontier = following
  }
  return undefined
}

/** Every class reachable from `source` over `next` (not `source` itself), with its distance. */
export const reachable = (
  next: ReadonlyMap<EventId, ReadonlyArray<Step>>,
  source: EventId,
  maxDepth = Infinity
): ReadonlyMap<EventId, number> => {
  const distance = new Map<EventId, number>([[source, 0]])
  let frontier = [source]
  for (let depth = 1; frontier.length > 0 && depth <= maxDepth; depth++) {
    const following: Array<EventId> = []
    for (const node of frontier) {
      for (const step of next.get(node) ?? []) {
        if (distance.has(step.node)) continue
        distance.set(step.node, depth)
        following.push(step.node)
      }
    }
    frontier = following
  }
  distance.delete(source)
  return distance
}
