/**
 * The checks a link and an event correction must pass against the link graph: both events current,
 * possible in time, and no cycle among directed links (same-as classes counting as one event).
 * `LinkCheck` declares and documents them; they are function declarations, hoisted, so that
 * `LinkCheck` can bind them although this module imports its error classes.
 *
 * @internal
 */
import { HashMap, Result } from "effect"
import type { AnyEvent } from "../../model/Event.js"
import type { EventId } from "../../model/Id.js"
import type { Link } from "../../model/Link.js"
import { oriented, shortestSteps, type Step } from "./linkIndex.js"
import { type ImpossibleLinkError, LinkCycleError, LinkEndpointError, type LinkError, type Problem } from "../LinkCheck.js"
import type { LinkGraph } from "../LinkGraph.js"
import type { UnreadableRecordError } from "../Projection.js"
import { timing } from "./linkRules.js"
import { current, graphOf, indexOf, makeState, type State } from "./linkState.js"
import { eventProblem, linkProblem, unreadable } from "./readable.js"

const without = (graph: State, linkId: string): State =>
  HashMap.has(graph.links, linkId) ? makeState(graph.events, HashMap.remove(graph.links, linkId)) : graph

// The cycle a refused link closes: it runs from `close` over the refused link to `open`, then
// along `steps` (which lead from the class of `open` back to the class of `close`).
const cycleOf = (link: Link, close: EventId, open: EventId, steps: ReadonlyArray<Step>): LinkCycleError => {
  const chain: Array<EventId> = [close, open]
  for (const step of steps) chain.push(oriented(step.link)[1])
  if (chain.at(-1) !== close) chain.push(close)
  return new LinkCycleError({
    link: link.id,
    relation: link.relation,
    cycle: chain,
    links: [link.id, ...steps.map((s) => s.link.id)]
  })
}

/** `LinkCheck.check`. */
export function check(graph: LinkGraph, link: Link): Result.Result<Link, LinkError>
export function check(graph: unknown, link: unknown): Result.Result<Link, LinkError | UnreadableRecordError>
export function check(state: unknown, input: unknown): Result.Result<Link, LinkError | UnreadableRecordError> {
  const shape = linkProblem(input)
  if (shape !== undefined) return Result.fail(unreadable(shape, input))
  const link = input as Link
  const graph = graphOf(state)
  const index = indexOf(without(graph, link.id))
  for (const [role, id] of [["from", link.from], ["to", link.to]] as const) {
    if (index.events.has(id)) continue
    const kept = HashMap.get(graph.events, id)
    return Result.fail(new LinkEndpointError({ link: link.id, role, event: id, retracted: kept._tag === "Some" }))
  }
  const problem = timing(link, index.events.get(link.from)!, index.events.get(link.to)!)
  if (problem !== undefined) return Result.fail(problem)
  if (link.relation === "contradicts") return Result.succeed(link)
  const a = index.canonical.get(link.from)!
  const b = index.canonical.get(link.to)!
  if (link.relation === "same-as") {
    // Merging two classes closes a cycle exactly when one already leads to the other.
    if (a === b) return Result.succeed(link)
    const ahead = shortestSteps(index.forward, a, b)
    if (ahead !== undefined) return Result.fail(cycleOf(link, link.to, link.from, ahead))
    const behind = shortestSteps(index.forward, b, a)
    return behind === undefined ? Result.succeed(link) : Result.fail(cycleOf(link, link.from, link.to, behind))
  }
  const [antecedent, consequent] = oriented(link)
  const back = shortestSteps(index.forward, index.canonical.get(consequent)!, index.canonical.get(antecedent)!)
  return back === undefined ? Result.succeed(link) : Result.fail(cycleOf(link, antecedent, consequent, back))
}

/** `LinkCheck.checkEvent`. */
export function checkEvent(graph: LinkGraph, revised: AnyEvent): Result.Result<AnyEvent, ImpossibleLinkError>
export function checkEvent(graph: unknown, revised: unknown): Result.Result<AnyEvent, ImpossibleLinkError | UnreadableRecordError>
export function checkEvent(state: unknown, input: unknown): Result.Result<AnyEvent, ImpossibleLinkError | UnreadableRecordError> {
  const shape = eventProblem(input)
  if (shape !== undefined) return Result.fail(unreadable(shape, input))
  const revised = input as AnyEvent
  const graph = graphOf(state)
  // A scan of the links, not the index: a new event costs no index build.
  if (!HashMap.has(graph.events, revised.id)) return Result.succeed(revised)
  const currentEvent = (id: EventId): AnyEvent | undefined => {
    if (id === revised.id) return revised
    const kept = HashMap.get(graph.events, id)
    return kept._tag === "Some" && !kept.value.retracted ? kept.value.value : undefined
  }
  for (const link of current(graph.links)) {
    if (link.from !== revised.id && link.to !== revised.id) continue
    const from = currentEvent(link.from)
    const to = currentEvent(link.to)
    const problem = from === undefined || to === undefined ? undefined : timing(link, from, to)
    if (problem !== undefined) return Result.fail(problem)
  }
  return Result.succeed(revised)
}

/** `LinkCheck.problems`. */
export function problems(state: LinkGraph): ReadonlyArray<Problem> {
  const graph = graphOf(state)
  const found: Array<Problem> = []
  let accepted = makeState(graph.events, HashMap.empty())
  for (const link of current(graph.links)) {
    const r = check(accepted, link)
    if (Result.isFailure(r)) found.push({ link, error: r.failure })
    else accepted = makeState(graph.events, HashMap.set(accepted.links, link.id, { value: link, first: HashMap.size(accepted.links), retracted: false }))
  }
  return found
}
