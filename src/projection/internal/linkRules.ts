/**
 * What makes a link acceptable: the time rule of each directed relation and the typed errors of a
 * refused link.
 */
import { Data } from "effect"
import type { AnyEvent } from "../../model/Event.js"
import type { EventId, LinkId } from "../../model/Id.js"
import type { Link, Relation } from "../../model/Link.js"
import { spanUnsafe as span, type Span } from "../../model/When.js"
import { certainlyStartsBefore } from "../Allen.js"

/** An event as a refused link names it: its id, its date as written, and the zone it is read in. */
export interface EventInTime {
  readonly id: EventId
  readonly when: string
  readonly timeZone: string
}

const describe = (e: EventInTime): string => `"${e.id}" (${e.when}, ${e.timeZone})`

/**
 * A directed link that cannot hold in time: `from` and `to` with their dates, and the rule it
 * breaks in words. Nothing was written.
 */
export class ImpossibleLinkError extends Data.TaggedError("ImpossibleLinkError")<{
  readonly link: LinkId
  readonly relation: Relation
  readonly from: EventInTime
  readonly to: EventInTime
  readonly rule: string
}> {
  override get message(): string {
    return `link "${this.link}": ${describe(this.from)} ${this.relation} ${describe(this.to)} is impossible in time: ${this.rule}`
  }
}

/**
 * A link that would close a cycle among directed links (same-as classes counting as one event).
 * `cycle` lists the events in time order of the links, first and last the same; `links` the links
 * of the cycle, the refused one first. Nothing was written.
 */
export class LinkCycleError extends Data.TaggedError("LinkCycleError")<{
  readonly link: LinkId
  readonly relation: Relation
  readonly cycle: ReadonlyArray<string>
  readonly links: ReadonlyArray<string>
}> {
  override get message(): string {
    return `link "${this.link}" (${this.relation}) would close a cycle: ${this.cycle.join(" → ")} (links ${this.links.join(", ")})`
  }
}

/**
 * A link names an event that is not current: never recorded (`retracted: false`) or retracted.
 * `role` says which end. Nothing was written.
 */
export class LinkEndpointError extends Data.TaggedError("LinkEndpointError")<{
  readonly link: LinkId
  readonly role: "from" | "to"
  readonly event: string
  readonly retracted: boolean
}> {
  override get message(): string {
    return `link "${this.link}": its ${this.role} event "${this.event}" ${this.retracted ? "is retracted" : "was never recorded"}`
  }
}

/**
 * The time rule of a directed relation: which end comes first (`antecedent`), the rule in words,
 * and the test that a pair of spans breaks it. Spans are ranges of possible start and end
 * instants, so "certainly" means "for every reading of both dates".
 */
export interface TimeRule {
  readonly relation: Relation
  readonly antecedent: "from" | "to"
  readonly rule: string
  /** True when the spans of the earlier and the later event certainly break the rule. */
  readonly breaks: (antecedent: Span, consequent: Span) => boolean
}

// The consequent certainly starts before the antecedent: every possible start of the one is
// earlier than every possible start of the other.
const startsCertainlyBefore = (antecedent: Span, consequent: Span): boolean => certainlyStartsBefore(consequent, antecedent)

const ordered = (relation: Relation, antecedent: "from" | "to", rule: string): TimeRule => ({ relation, antecedent, rule, breaks: startsCertainlyBefore })

/**
 * The time rules, one per directed relation (same-as and contradicts have none):
 *
 * | relation     | earlier end | refused when                                          |
 * |--------------|-------------|-------------------------------------------------------|
 * | causes       | from        | the cause certainly starts after the effect starts    |
 * | responds-to  | to          | the response certainly starts before what it answers  |
 * | continues    | to          | the sequel certainly starts before what it continues  |
 * | commemorates | to          | the commemoration certainly starts before the event   |
 * | echoes       | to          | the echo certainly starts before what it recalls      |
 * | part-of      | from (part) | the part certainly starts before the whole starts, or certainly ends after it ends |
 *
 * "Certainly" compares bounds: a response dated `2011-12` to an event of `2011-12-16` is possible,
 * one dated `2011-11` is not.
 */
export const timeRules: { readonly [R in Relation]?: TimeRule } = {
  causes: ordered("causes", "from", "a cause cannot certainly start after its effect"),
  "responds-to": ordered("responds-to", "to", "a response cannot certainly start before what it answers"),
  continues: ordered("continues", "to", "a continuation cannot certainly start before what it continues"),
  commemorates: ordered("commemorates", "to", "a commemoration cannot certainly start before the event it marks"),
  echoes: ordered("echoes", "to", "an echo cannot certainly start before what it recalls"),
  "part-of": {
    relation: "part-of",
    antecedent: "from",
    rule: "a part cannot certainly start before the whole starts or certainly end after the whole ends",
    breaks: (part, whole) => certainlyStartsBefore(part, whole) || part.end.earliest > whole.end.latest
  }
}

const inTime = (e: AnyEvent): EventInTime => ({ id: e.id as EventId, when: e.when, timeZone: e.where.timeZone })

const spans = new WeakMap<AnyEvent, Span>()

/** The span of an event in its own zone, memoised per event object (records are immutable). */
export const spanOf = (e: AnyEvent): Span => {
  const known = spans.get(e)
  if (known !== undefined) return known
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
