/**
 * The longer walks behind `LinkGraph`'s queries, over its index: the simple paths between two
 * same-as classes (iterative deepening, pruned by the distance to the target) and the storylines
 * (connected groups over links of every relation). `LinkGraph` checks its arguments and finds the
 * classes; these functions only walk.
 *
 * @internal
 */
import type { AnyEvent } from "../../model/Event.js"
import type { EventId, LinkId } from "../../model/Id.js"
import type { Path, PathOptions, PathStep, Storyline } from "../LinkGraph.js"
import { type Index, reachable } from "./linkIndex.js"
import { isObject } from "./readable.js"

/** The events with these ids, in timeline order. */
export const inOrder = (index: Index, ids: Iterable<EventId>): Array<AnyEvent> =>
  [...ids].map((id) => index.events.get(id)!).sort((a, b) => index.rank.get(a.id)! - index.rank.get(b.id)!)

/** A bound from options: a non-negative number (Infinity allowed where `open`), else the default. */
export const bound = (options: unknown, key: string, fallback: number, open = false): number => {
  const v = isObject(options) ? options[key] : undefined
  return typeof v === "number" && v >= 0 && (open || Number.isFinite(v)) ? v : fallback
}

const stepsFor = (index: Index, direction: unknown) =>
  direction === "along" ? index.forward : direction === "against" ? index.backward : index.around

const reverseOf = (index: Index, direction: unknown) =>
  direction === "along" ? index.backward : direction === "against" ? index.forward : index.around

/** The simple paths from class `source` to class `target`, shortest first, within the bounds of `options`. */
export const simplePaths = (index: Index, source: EventId, target: EventId, options: PathOptions): Array<Path> => {
  if (source === target) return [{ events: [source], steps: [] }]
  // A simple path has fewer links than there are classes: a longer bound changes nothing.
  const maxLength = Math.min(Math.floor(bound(options, "maxLength", 6)), index.members.size)
  const maxCount = bound(options, "maxCount", 20, true)
  const direction = isObject(options) ? options["direction"] : undefined
  const next = stepsFor(index, direction)
  // Distance of every class to the target, to prune steps that cannot arrive in time.
  const toTarget = reachable(reverseOf(index, direction), target, maxLength)
  const distance = (node: EventId) => (node === target ? 0 : toTarget.get(node) ?? Infinity)
  const found: Array<Path> = []
  const trail: Array<EventId> = [source]
  const taken: Array<PathStep> = []
  const onTrail = new Set<EventId>([source])
  const walk = (node: EventId, left: number): void => {
    if (found.length >= maxCount) return
    if (node === target) {
      if (left === 0) found.push({ events: [...trail], steps: [...taken] })
      return
    }
    for (const step of next.get(node) ?? []) {
      if (onTrail.has(step.node) || distance(step.node) > left - 1) continue
      trail.push(step.node)
      taken.push({ link: step.link, along: step.along })
      onTrail.add(step.node)
      walk(step.node, left - 1)
      onTrail.delete(step.node)
      taken.pop()
      trail.pop()
    }
  }
  // Iterative deepening: every path of length L is found before any of length L + 1.
  for (let length = distance(source); length <= maxLength && found.length < maxCount; length++) walk(source, length)
  return found
}

/** The storylines of the indexed graph, ordered by their earliest events. */
export const storylinesOf = (index: Index): Array<Storyline> => {
  const group = new Map<EventId, number>()
  const lines: Array<{ events: Array<EventId>; links: Set<LinkId> }> = []
  for (const e of index.ordered) {
    const root = index.canonical.get(e.id)!
    if (group.has(root)) continue
    const n = lines.length
    const classes = [root]
    group.set(root, n)
    for (let i = 0; i < classes.length; i++) {
      for (const step of index.around.get(classes[i]!) ?? []) {
        if (group.has(step.node)) continue
        group.set(step.node, n)
        classes.push(step.node)
      }
    }
    lines.push({ events: classes.flatMap((c) => index.members.get(c) ?? []), links: new Set() })
  }
  for (const link of index.live) lines[group.get(index.canonical.get(link.from)!)!]!.links.add(link.id)
  const order = new Map(index.live.map((l, i) => [l.id, i]))
  return lines.map((line) => {
    const members = inOrder(index, line.events)
    const first = members[0]!
    return {
      name: first.title,
      first: first.id,
      events: members.map((e) => e.id),
      links: [...line.links].sort((a, b) => order.get(a)! - order.get(b)!)
    }
  })
}
