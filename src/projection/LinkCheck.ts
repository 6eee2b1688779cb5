/**
 * What makes a link acceptable in the link graph: the time rule of each directed relation, the
 * typed errors a refused link fails with, and the checks a new link, a corrected event and a
 * whole graph must pass. `LinkGraph` re-exports every name of this module; read them from there
 * (`Projection.LinkGraph.check`, `Projection.LinkGraph.LinkCycleError`).
 *
 * @since 0.1.0
 *
 * @module
 */
import { Data, type Result } from "effect"
import type { AnyEvent } from "../model/Event.js"
import type { EventId, LinkId } from "../model/Id.js"
import type { Link, Relation } from "../model/Link.js"
import type { Span } from "../model/When.js"
import { certainlyStartsBefore } from "../model/Allen.js"
import * as internal from "./internal/linkChecks.js"
import { cut } from "./internal/readable.js"
import type { LinkGraph } from "./LinkGraph.js"
import type { UnreadableRecordError } from "./Projection.js"

// ---------------------------------------------------------------------------
// errors
// ---------------------------------------------------------------------------

/**
 * An event as a refused link names it: its id, its date as written, and the zone it is read in.
 *
 * @since 0.1.0
 * @category models
 */
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
 *
 * @since 0.1.0
 * @category errors
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
 *
 * @since 0.1.0
 * @category errors
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
 *
 * @since 0.1.0
 * @category errors
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
 * Every error a link can be refused with.
 *
 * @since 0.1.0
 * @category errors
 */
export type LinkError = ImpossibleLinkError | LinkCycleError | LinkEndpointError

/**
 * A link that breaks an invariant, as found in a journal written without the chronicle's checks.
 *
 * @since 0.1.0
 * @category models
 */
export interface Problem {
  readonly link: Link
  readonly error: LinkError
}

// ---------------------------------------------------------------------------
// time rules
// ---------------------------------------------------------------------------

/**
 * The time rule of a directed relation: which end comes first (`antecedent`), what is wrong with a
 * link that breaks it, in words (`rule`), and the test that a pair of spans breaks it. Spans are
 * ranges of possible start and end instants; a link is refused only when every reading of both
 * dates breaks the rule.
 *
 * @since 0.1.0
 * @category models
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
 *
 * @since 0.1.0
 * @category rules
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

// ---------------------------------------------------------------------------
// checks
// ---------------------------------------------------------------------------

// The implementations are function declarations in `internal/linkChecks`, which imports the error
// classes above: being hoisted, they are bound here whichever of the two modules loads first.

/**
 * Checks a link against the graph before it is recorded: both events must be current
 * (`LinkEndpointError`), a directed link must be possible in time (`ImpossibleLinkError`, see
 * `timeRules`), and the directed graph over same-as classes must stay acyclic (`LinkCycleError`,
 * naming the cycle). A link with an id already in the graph is checked as its replacement. A value
 * that is not a link record (a JavaScript caller's or a cast's) fails with an
 * `UnreadableRecordError`; the second signature says so.
 *
 * @since 0.1.0
 * @category checks
 */
export const check: {
  (graph: LinkGraph, link: Link): Result.Result<Link, LinkError>
  (graph: unknown, link: unknown): Result.Result<Link, LinkError | UnreadableRecordError>
} = internal.check

/**
 * Checks that a new revision of an event keeps every current directed link that names it possible
 * in time; the first link it would break comes back as an `ImpossibleLinkError`. A value that is
 * not an event the graph can place fails with an `UnreadableRecordError`.
 *
 * @since 0.1.0
 * @category checks
 */
export const checkEvent: {
  (graph: LinkGraph, revised: AnyEvent): Result.Result<AnyEvent, ImpossibleLinkError>
  (graph: unknown, revised: unknown): Result.Result<AnyEvent, ImpossibleLinkError | UnreadableRecordError>
} = internal.checkEvent

/**
 * The links that break an invariant, in the order they were first recorded: an end that is not a
 * current event, a directed link impossible in time, or a link that closes a cycle with the links
 * recorded before it. Empty for a journal written only through the chronicle by one process.
 *
 * @since 0.1.0
 * @category checks
 */
export const problems: (graph: LinkGraph) => ReadonlyArray<Problem> = internal.problems
