/**
 * The time rules applied to events: the span of an event, whether a link of a relation is
 * possible in time, and the error of one that is not. The rules themselves and the error classes
 * are public, in `LinkCheck`.
 *
 * @internal
 */
import type { AnyEvent } from "../../model/Event.js"
import type { EventId } from "../../model/Id.js"
import type { Link, Relation } from "../../model/Link.js"
import { spanUnsafe as span, type Span } from "../../model/When.js"
import { type EventInTime, ImpossibleLinkError, timeRules } from "../LinkCheck.js"

const inTime = (e: AnyEvent): EventInTime => ({ id: e.id as EventId, when: e.when, timeZone: e.where.timeZone })

const spans = new WeakMap<AnyEvent, Span>()

/** The span of an event in its own zone, memoised per event object (records are immutable). */
export const spanOf = (e: AnyEvent): Span => {
  const known = spans.get(e)
  if (known !== undefined) return known
  // Events in the graph were checked (`eventProblem`): their date and zone can be read.
  const s = span(e.when, e.where.timeZone)
  spans.set(e, s)
  return s
}

/** True when a link of this relation between these events is possible in time. */
export const possibleInTime = (relation: Relation, from: AnyEvent, to: AnyEvent): boolean => {
  const rule = timeRules[relation]
  if (rule === undefined) return true
  return rule.antecedent === "from" ? !rule.breaks(spanOf(from), spanOf(to)) : !rule.breaks(spanOf(to), spanOf(from))
}

/** The time error of a link between these two events, or undefined when it is possible in time. */
export const timing = (link: Link, from: AnyEvent, to: AnyEvent): ImpossibleLinkError | undefined =>
  possibleInTime(link.relation, from, to)
    ? undefined
    : new ImpossibleLinkError({ link: link.id, relation: link.relation, from: inTime(from), to: inTime(to), rule: timeRules[link.relation]!.rule })
