/**
 * From an ACLED (event type, sub-event type) pair back to one of our event kinds. Nothing here
 * restates the mapping: each candidate is a kind with the details that matter to it (a rally's
 * form, a violence's form, a measure), and the pairs it stands for are whatever `Event.mappingOf`
 * says of it. The importer builds a row's event from the first candidate of its pair and keeps it
 * only when `Event.mappingOf` of the finished event still gives the row's pair (fatalities can
 * turn a dispersal into excessive force); a pair no candidate gives is unmappable, never guessed.
 *
 * @since 0.2.0
 */
import type { CountClaims } from "../model/Claim.js"
import * as Event from "../model/Event.js"
import type { ActorId } from "../model/Id.js"
import type { Mapping, Side } from "../model/Mapping.js"
import { type ActorType, actorTypes } from "./acledCodes.js"

/** What a candidate may draw on to fill the fields its kind requires. */
export interface KindContext {
  /** How many were detained, as the row lets us say it: unknown, cited to the row's sources (made when asked). */
  readonly unknownCount: () => CountClaims
  /** ACLED's fatality figure for the row, as a claim (what the importer puts in `killed`; made when asked). */
  readonly killed: () => CountClaims
  /** The row's first actor (actor1), for kinds that need one (a statement's speaker). */
  readonly actor1: ActorId | undefined
  /** The row's ACLED actor types (`inter1`, `inter2`), when given. */
  readonly inter1: ActorType | undefined
  readonly inter2: ActorType | undefined
}

// ACLED's actor types as the sides of a violent event.
const sideOf = (type: ActorType): Side => {
  switch (type) {
    case "State forces":
      return "state-forces"
    case "Protesters":
      return "protesters"
    case "Rioters":
      return "rioters"
    case "Civilians":
      return "civilians"
    case "External/Other forces":
      return "unknown"
    default:
      return "armed-group"
  }
}

/**
 * Who used violence against whom, read from the row's two actor types: the protesters or the
 * civilians are the side acted against whichever column names them; otherwise actor1 acts.
 */
export const betweenOf = (inter1: ActorType | undefined, inter2: ActorType | undefined): { readonly by: Side; readonly against: Side } | undefined => {
  if (inter1 === undefined || inter2 === undefined) return undefined
  const a = sideOf(inter1)
  const b = sideOf(inter2)
  if (a === "protesters" || a === "civilians") return b === "protesters" || b === "civilians" ? { by: a, against: b } : { by: b, against: a }
  return { by: a, against: b }
}

/** One candidate: a kind, a label for tables, and its kind-specific fields. */
export interface Candidate {
  readonly kind: Event.EventKind
  /** The details in words, for the README table ("form: demonstration"). */
  readonly details: string
  readonly fields: (context: KindContext) => { readonly [field: string]: unknown } | undefined
}

const fixed = (kind: Event.EventKind, details: string, fields: { readonly [field: string]: unknown } = {}, detained = false): Candidate => ({
  kind,
  details,
  fields: detained ? (c) => ({ ...fields, detained: c.unknownCount() }) : () => fields
})

// In order of preference: where several candidates give one pair, the first is used. Candidates
// name only what the pair itself says (a peaceful protest is a demonstration, a violent
// demonstration is clashes); none asserts a fact the row does not hold.
export const candidates: ReadonlyArray<Candidate> = [
  fixed("rally", "form: demonstration", { form: "demonstration" }),
  fixed("dispersal", ""),
  { kind: "dispersal", details: "killed: ACLED's fatalities, 1 or more", fields: (c) => ({ killed: c.killed() }) },
  fixed("violence", "form: clashes", { form: "clashes" }),
  {
    kind: "violence",
    details: "form: other; between: the sides inter1 and inter2 name",
    fields: (c) => {
      const between = betweenOf(c.inter1, c.inter2)
      return between === undefined ? undefined : { form: "other", between }
    }
  },
  fixed("violence", "form: other", { form: "other" }),
  fixed("detention", "extrajudicial", { extrajudicial: true }, true),
  fixed("detention", "significance: mass (ACLED's arrests are mass or prominent; a row does not say which)", { significance: "mass" }, true),
  fixed("emergency-measure", "measures: deployment", { measures: ["deployment"] }),
  fixed("emergency-measure", "measures: other", { measures: ["other"] }),
  {
    kind: "concession",
    details: "signed, by actor1; terms not reported",
    fields: (c) => (c.actor1 === undefined ? undefined : { by: [c.actor1], subject: "other", terms: ["not reported"], signed: true })
  },
  fixed("release", "form: amnesty", { form: "amnesty" })
]

/** The ACLED pair of a mapping as one key, or `undefined` when the mapping has no ACLED pair. */
export const pairKey = (mapping: Mapping | undefined): string | undefined => {
  const acled = (mapping as { readonly acled?: { readonly eventType: string; readonly subEventType: string } } | undefined)?.acled
  return acled === undefined ? undefined : `${acled.eventType}\u0000${acled.subEventType}`
}

const probeContext: KindContext = {
  unknownCount: () => [{ value: { kind: "unknown" }, citations: [{ source: "probe" as never }] }] as unknown as CountClaims,
  killed: () => [{ value: { kind: "exact", value: 1 }, citations: [{ source: "probe" as never }] }] as unknown as CountClaims,
  actor1: "probe" as ActorId,
  inter1: undefined,
  inter2: undefined
}

// Stand-in events with a candidate's fields, to ask `Event.mappingOf` which pairs it gives: one
// for every pair of actor types a row may hold (some candidates read them).
const probeContexts: ReadonlyArray<KindContext> = [undefined, ...actorTypes].flatMap((inter1) =>
  [undefined, ...actorTypes].map((inter2) => ({ ...probeContext, inter1, inter2 }))
)
const probe = (candidate: Candidate, context: KindContext): Event.Event | undefined => {
  const fields = candidate.fields(context)
  if (fields === undefined) return undefined
  return { type: "event", id: "probe", title: "probe", when: "2000-01-01", where: { place: "probe", timeZone: "UTC" }, citations: [{ source: "probe" }], ...fields, kind: candidate.kind } as unknown as Event.Event
}

let byPair: ReadonlyMap<string, ReadonlyArray<Candidate>> | undefined

/** The candidates that may give an ACLED pair, in order of preference (empty when none does). */
export const candidatesFor = (eventType: string, subEventType: string): ReadonlyArray<Candidate> => {
  if (byPair === undefined) {
    const table = new Map<string, Array<Candidate>>()
    for (const candidate of candidates) {
      for (const context of probeContexts) {
        const key = pairKey(Event.mappingOf(probe(candidate, context)))
        if (key === undefined) continue
        const list = table.get(key) ?? []
        if (!list.includes(candidate)) list.push(candidate)
        table.set(key, list)
      }
    }
    byPair = table
  }
  return byPair.get(`${eventType}\u0000${subEventType}`) ?? []
}
