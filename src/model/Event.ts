/**
 * Events: the built-in event kinds as one tagged union (discriminated by `kind`), and functions
 * every event supports whatever its kind.
 *
 * @since 0.1.0
 *
 * @module
 */
import { Result, Schema } from "effect"
import { dual } from "effect/Function"
import * as Count from "./Count.js"
import type { EventCommon } from "./EventCommon.js"
import * as Mapping from "./Mapping.js"
import { Dispersal, Detention, EmergencyMeasure, Violence } from "./kinds/force.js"
import { HungerStrike, Rally, Strike } from "./kinds/protest.js"
import { Concession, Layoff, Negotiation, OfficialStatement, Release, Trial } from "./kinds/state.js"
import * as When from "./When.js"

export * from "./EventCommon.js"
export * from "./kinds/force.js"
export * from "./kinds/protest.js"
export * from "./kinds/state.js"
/** The bounds `Event.bounds` returns (the same type as `When.Bounds`). */
export type { Bounds } from "./When.js"

/**
 * The schema of each built-in event kind, by kind name.
 *
 * @category constants
 * @since 0.1.0
 */
export const builtInKindSchemas = {
  strike: Strike,
  "hunger-strike": HungerStrike,
  rally: Rally,
  dispersal: Dispersal,
  violence: Violence,
  detention: Detention,
  "official-statement": OfficialStatement,
  "emergency-measure": EmergencyMeasure,
  trial: Trial,
  release: Release,
  concession: Concession,
  layoff: Layoff,
  negotiation: Negotiation
} as const

/**
 * An event of one of the built-in kinds, as a schema (a union discriminated by `kind`).
 *
 * @category schemas
 * @since 0.1.0
 */
export const Event = Schema.Union([
  Strike,
  HungerStrike,
  Rally,
  Dispersal,
  Violence,
  Detention,
  OfficialStatement,
  EmergencyMeasure,
  Trial,
  Release,
  Concession,
  Layoff,
  Negotiation
]).annotate({
  identifier: "Event",
  title: "Event",
  description: "A labour or protest event of one of the built-in kinds."
})
/**
 * @since 0.1.0
 * @category models
 */
export type Event = typeof Event.Type

/**
 * The name of a built-in event kind.
 *
 * @category models
 * @since 0.1.0
 */
export type EventKind = Event["kind"]

/**
 * Any event, built-in or user-defined: the common fields plus a `kind` name.
 *
 * @category models
 * @since 0.1.0
 */
export type AnyEvent = EventCommon & { readonly kind: string }

/**
 * Narrows any event (a catalog's, a timeline's) to a built-in kind, so that the kind's own fields
 * can be read: `if (Event.isKind(e, "detention")) e.detained`. Sound because a vocabulary cannot
 * redefine a built-in kind's name. Also data-last, as a filter: `events.filter(Event.isKind("rally"))`.
 *
 * @category guards
 * @since 0.1.0
 */
export const isKind: {
  <K extends EventKind>(kind: K): (event: AnyEvent) => event is Extract<Event, { readonly kind: K }>
  <K extends EventKind>(event: AnyEvent, kind: K): event is Extract<Event, { readonly kind: K }>
} = dual(2, (event: AnyEvent, kind: EventKind): event is Event => isObject(event) && event.kind === kind)

const isObject = (u: unknown): u is { readonly [key: string]: unknown } => typeof u === "object" && u !== null

const anyTime: When.Bounds = { earliest: -Infinity, latest: Infinity }

/**
 * The bounds of an event's `when`, in the local calendar of its `where.timeZone`. A value that is
 * not an event (a cast, a JavaScript caller) could have happened at any time: -∞ to +∞.
 *
 * @category getters
 * @since 0.1.0
 */
export const bounds = (event: AnyEvent): When.Bounds => {
  if (!isObject(event) || !isObject(event.where)) return anyTime
  const b = When.bounds(event.when, event.where.timeZone)
  return Result.isSuccess(b) ? b.success : anyTime
}


/**
 * The CAMEO / PLOVER / ACLED mapping of a built-in event, refined by every detail the codebooks
 * tell apart (see `Mapping`): the category of a protest's demands, a strike with a demonstration,
 * a collective hunger strike (every count of it three or more) or one only declared, a blockade
 * from a march, the means of a dispersal and whether a claim reports deaths or people in hospital,
 * who used violence against whom, an arrest at a protest, a mass or extrajudicial one, the first
 * measure of an emergency, a custodial verdict, a signed agreement, a statement's stance.
 *
 * @category getters
 * @since 0.1.0
 */
export function mappingOf(event: Event): Mapping.Mapping
/** `undefined` for a value that is not an event of a built-in kind. */
export function mappingOf(event: unknown): Mapping.Mapping | undefined
export function mappingOf(input: unknown): Mapping.Mapping | undefined {
  if (!isObject(input) || typeof input["kind"] !== "string" || !Object.hasOwn(Mapping.kindMappings, input["kind"])) return undefined
  try {
    return builtInMapping(input as Event)
  } catch {
    // A value that names a built-in kind but lacks its fields (a cast): the kind's own mapping.
    return Mapping.kindMappings[input["kind"] as EventKind]
  }
}

/** True when some claim of the count says at least `n` (a contested count counts if any source says so). */
const someClaimAtLeast = (claims: ReadonlyArray<{ readonly value: Count.Count }> | undefined, n: number): boolean =>
  (claims ?? []).some((c) => Count.bounds(c.value).low >= n)

/** True when every claim of the count says at least `n`, and there is one. */
const everyClaimAtLeast = (claims: ReadonlyArray<{ readonly value: Count.Count }> | undefined, n: number): boolean =>
  claims !== undefined && claims.length > 0 && claims.every((c) => Count.bounds(c.value).low >= n)

const builtInMapping = (event: Event): Mapping.Mapping => {
  switch (event.kind) {
    case "strike":
      return Mapping.strikeMapping(undefined, { demonstration: event.demonstration === true, ...demands(event.demandsFor) })
    case "hunger-strike":
      // Collective when every source counts three or more (ACLED's floor for a protest).
      return Mapping.hungerStrikeMapping({ declaredOnly: event.declaredOnly === true, collective: everyClaimAtLeast(event.size, 3), ...demands(event.demandsFor) })
    case "rally":
      return Mapping.rallyMapping(event.form, demands(event.demandsFor))
    case "dispersal":
      return Mapping.dispersalMapping({
        lethal: someClaimAtLeast(event.killed, 1),
        seriousInjuries: someClaimAtLeast(event.hospitalised, 1),
        force: event.force ?? []
      })
    case "violence":
      return Mapping.violenceMapping(event.form, {
        targetedKilling: event.targeted === true,
        lethal: someClaimAtLeast(event.killed, 1),
        ...(event.between === undefined ? {} : { between: event.between })
      })
    case "detention":
      return Mapping.detentionMapping({
        atProtest: event.atProtest === true,
        extrajudicial: event.extrajudicial === true,
        ...(event.significance === undefined ? {} : { significance: event.significance })
      })
    case "emergency-measure":
      return Mapping.emergencyMapping(event.measures[0] ?? "other")
    case "trial":
      return Mapping.trialMapping(event.stage, { custodial: (event.sentences ?? []).some((s) => s.custodial === true) })
    case "release":
      return Mapping.releaseMapping(event.form)
    case "concession":
      return Mapping.concessionMapping({ subject: event.subject, signedAgreement: event.signed === true })
    case "negotiation":
      return Mapping.negotiationMapping(event.form)
    case "official-statement":
      return event.stance === undefined ? Mapping.kindMappings["official-statement"] : Mapping.statementMapping(event.stance)
    default:
      return Mapping.kindMappings[(event as Event).kind]
  }
}

const demands = (demandsFor: Mapping.DemandsFor | undefined): { readonly demandsFor?: Mapping.DemandsFor } =>
  demandsFor === undefined ? {} : { demandsFor }
