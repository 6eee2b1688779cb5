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
import type { Mapping } from "../model/Mapping.js"

/** What a candidate may draw on to fill the fields its kind requires. */
export interface KindContext {
  /** How many were detained, as the row lets us say it: unknown, cited to the row's sources. */
  readonly unknownCount: CountClaims
  /** ACLED's fatality figure for the row, as a claim (what the importer puts in `killed`). */
  readonly killed: CountClaims
  /** The row's first actor (actor1), for kinds that need one (a statement's speaker). */
  readonly actor1: ActorId | undefined
}

/** One candidate: a kind, a label for tables, and its kind-specific fields. */
export interface Candidate {
  readonly kind: Event.EventKind
  /** The details in words, for the README table ("form: demonstration"). */
  readonly details: string
  readonly fields: (context: KindContext) => { readonly [field: string]: unknown } | undefined
}

const fixed = (kind: Event.EventKind, details: string, fields: { readonly [field: string]: unknown } = {}): Candidate => ({
  kind,
  details,
  fields: () => fields
})

// In order of preference: where several candidates give one pair, the first is used. Candidates
// name only what the pair itself says (a peaceful protest is a demonstration, a violent
// demonstration is clashes); none asserts a fact the row does not hold.
export const candidates: ReadonlyArray<Candidate> = [
  fixed("rally", "form: demonstration", { form: "demonstration" }),
  fixed("dispersal", ""),
  { kind: "dispersal", details: "killed: ACLED's fatalities, 1 or more", fields: (c) => ({ killed: c.killed }) },
  fixed("violence", "form: clashes", { form: "clashes" }),
  fixed("violence", "form: other", { form: "other" }),
  { kind: "detention", details: "detained: not reported", fields: (c) => ({ detained: c.unknownCount }) },
  fixed("negotiation", "form: negotiation", { form: "negotiation" }),
  fixed("release", "form: release", { form: "release" }),
  fixed("emergency-measure", "measures: deployment", { measures: ["deployment"] }),
  fixed("emergency-measure", "measures: other", { measures: ["other"] }),
  {
    kind: "official-statement",
    details: "speaker: actor1",
    fields: (c) => (c.actor1 === undefined ? undefined : { speaker: c.actor1 })
  },
  fixed("strike", ""),
  fixed("hunger-strike", ""),
  fixed("trial", "stage: hearing", { stage: "hearing" })
]

/** The ACLED pair of a mapping as one key, or `undefined` when the mapping has no ACLED pair. */
export const pairKey = (mapping: Mapping | undefined): string | undefined => {
  const acled = (mapping as { readonly acled?: { readonly eventType: string; readonly subEventType: string } } | undefined)?.acled
  return acled === undefined ? undefined : `${acled.eventType}\u0000${acled.subEventType}`
}

// A stand-in event with the candidate's fields, to ask `Event.mappingOf` which pair it gives.
const probeContext: KindContext = {
  unknownCount: [{ value: { kind: "unknown" }, citations: [{ source: "probe" as never }] }] as unknown as CountClaims,
  killed: [{ value: { kind: "exact", value: 1 }, citations: [{ source: "probe" as never }] }] as unknown as CountClaims,
  actor1: "probe" as ActorId
}
const probe = (candidate: Candidate): Event.Event | undefined => {
  const fields = candidate.fields(probeContext)
  if (fields === undefined) return undefined
  return { type: "event", id: "probe", title: "probe", when: "2000-01-01", where: { place: "probe", timeZone: "UTC" }, citations: [{ source: "probe" }], ...fields, kind: candidate.kind } as unknown as Event.Event
}

let byPair: ReadonlyMap<string, ReadonlyArray<Candidate>> | undefined

/** The candidates that give an ACLED pair, in order of preference (empty when none does). */
export const candidatesFor = (eventType: string, subEventType: string): ReadonlyArray<Candidate> => {
  if (byPair === undefined) {
    const table = new Map<string, Array<Candidate>>()
    for (const candidate of candidates) {
      const key = pairKey(Event.mappingOf(probe(candidate)))
      if (key === undefined) continue
      const list = table.get(key) ?? []
      list.push(candidate)
      table.set(key, list)
    }
    byPair = table
  }
  return byPair.get(`${eventType}\u0000${subEventType}`) ?? []
}
