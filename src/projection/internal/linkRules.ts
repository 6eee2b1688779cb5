/**
 * What makes a link acceptable: the time rule of each directed relation and the typed errors of a
 * refused link.
 */
import { Data } from "effect"
import type { AnyEvent } from "../../model/Event.js"
import type { EventId, LinkId } from "../../model/Id.js"
import type { Link, Relation } from "../../model/Link.js"
import { spanUnsafe as span, type Span } from "../../model/When.js"
import { certainlyStartsBefore } from "../../model/Allen.js"
import { cut } from "./readable.js"

/** An event as a refused link names it: its id, its date as written, and the zone it is read in. */
export interface EventInTime {
  readonly id: EventId
  readonly when: string
  readonly timeZone: string
}

const quoted = (s: string): string => JSON.stringify(cut(s))

const describe = (e: EventInTime): string => `${quoted(e.id)} (${cut(e.when)}, ${cut(e.timeZone)})`

/** At most this many events or links of a cycle are named in a message; the rest are counted. */
const LISTED = 12

const listed = (ids: ReadonlyArray<string>, separator: string): string =>
  ids.length <= LISTED ? ids.map((id) => cut(id)).join(separator) : `${ids.slice(0, LISTED).map((id) => cut(id)).join(separator)}${separator}… (${ids.length - LISTED} more)`

/**
 * A directed link that cannot hold in time: `from` and `to` with their dates, and the rule it
 * breaks in words (`rule`: "the response starts before what it answers"), which holds on every
 * reading of the two dates. Nothing was written.
 */
export class ImpossibleLinkError extends Data.TaggedError("ImpossibleLinkError")<{
  readonly link: LinkId
  readonly relation: Relation
  readonly from: EventInTime
  readonly to: EventInTime
  readonly rule: string
}> {
  override get message(): string {
    return `link ${quoted(this.link)}: ${describe(this.from)} ${this.relation} ${describe(this.to)} is impossible in time: ${this.rule}, ` +
      "however the two dates are read. Check both dates, and which event is from and which is to."
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
  readonly cycle: ReadonlyArray<EventId>
  readonly links: ReadonlyArray<LinkId>
}> {
  override get message(): string {
    return `link ${quoted(this.link)} (${this.relation}) would close a cycle: ${listed(this.cycle, " → ")} (links ${listed(this.links, ", ")}). ` +
      "One of these links is wrong or points the wrong way."
  }
}

/**
 * A link names an event that is not current: never recorded (`retracted: false`) or retracted.
 * `role` says which end. Nothing was written.
 */
export class LinkEndpointError extends Data.TaggedError("LinkEndpointError")<{
  readonly link: LinkId
  readonly role: "from" | "to"
  readonly event: EventId
  readonly retracted: boolean
}> {
  override get message(): string {
    return `link ${quoted(this.link)}: its ${this.role} event ${quoted(this.event)} ${this.retracted ? "is retracted" : "was never recorded"}; ` +
      (this.retracted ? "link a current event instead." : "record the event first.")
  }
}

/**
 * The time rule of a directed relation: which end comes first (`antecedent`), what is wrong with a
 * link that breaks it, in words (`rule`), and the test that a pair of spans breaks it. Spans are
 * ranges of possible start and end instants; a link is refused only when every reading of both
 * dates breaks the rule.
 */
export interface TimeRule {
  readonly relation: Relation
  readonly antecedent: "from" | "to"
  /** What is wrong with a link that breaks the rule: "the response starts before what it answers". */
  readonly rule: string
  /** True when the spans of the earlier and the later event break the rule on every reading. */
  readonly breaks: (antecedent: Span, consequent: Span) => boolean
}

// The consequent starts before the antecedent on every reading: every possible start of the one
// is earlier than every possible start of the other.
const startsCertainlyBefore = (antecedent: Span, consequent: Span): boolean => certainlyStartsBefore(consequent, antecedent)

// `a` ends after `b` on every reading (and false for values that are not spans).
const endsAfter = (a: Span, b: Span): boolean => {
  const ae = (a as Partial<Span> | null | undefined)?.end?.earliest
  const bl = (b as Partial<Span> | null | undefined)?.end?.latest
  return typeof ae === "number" && typeof bl === "number" && ae > bl
}

const ordered = (relation: Relation, antecedent: "from" | "to", rule: string): TimeRule => ({ relation, antecedent, rule, breaks: startsCertainlyBefore })

/**
 * The time rules, one per directed relation (same-as and contradicts have none). A link is refused
 * when, on every reading of both dates:
 *
 * | relation     | earlier end | refused when                                          |
 * |--------------|-------------|-------------------------------------------------------|
 * | causes       | from        | the cause starts after its effect starts              |
 * | responds-to  | to          | the response starts before what it answers            |
 * | continues    | to          | the continuation starts before what it continues      |
 * | commemorates | to          | the commemoration starts before the event it marks    |
 * | echoes       | to          | the echo starts before what it recalls                |
 * | part-of      | from (part) | the part starts before the whole, or ends after it    |
 *
 * "Every reading" compares bounds: a response dated `2011-12` to an event of `2011-12-16` may
 * start after it, so it is accepted; one dated `2011-11` starts before it however it is read.
 */
export const timeRules: { readonly [R in Relation]?: TimeRule } = {
  causes: ordered("causes", "from", "the cause starts after its effect"),
  "responds-to": ordered("responds-to", "to", "the response starts before what it answers"),
  continues: ordered("continues", "to", "the continuation starts before what it continues"),
  commemorates: ordered("commemorates", "to", "the commemoration starts before the event it marks"),
  echoes: ordered("echoes", "to", "the echo starts before what it recalls"),
  "part-of": {
    relation: "part-of",
    antecedent: "from",
    rule: "the part starts before the whole or ends after it",
    breaks: (part, whole) => certainlyStartsBefore(part, whole) || endsAfter(part, whole)
  }
}

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
