/**
 * What the exports read from a timeline besides its events, read without trusting the records
 * (a timeline built with `Timeline.fromRecords` checks only what it indexes): places with their
 * chain of containing places, the sources an event cites, and the contested counts an event
 * holds, each claim kept apart.
 *
 * @internal
 */
import { HashMap, Option } from "effect"
import * as Count from "../../model/Count.js"
import type { AnyEvent } from "../../model/Event.js"
import type { PlaceId, SourceId } from "../../model/Id.js"
import type { Place } from "../../model/Place.js"
import type { Source } from "../../model/Source.js"
import * as Timeline from "../../projection/Timeline.js"
import type { CountClaim } from "../GeoJson.js"
import { field, listField, textField } from "./text.js"

/** Places and sources of a timeline, by id. */
export interface Lookup {
  readonly place: (id: unknown) => Place | undefined
  readonly source: (id: unknown) => Source | undefined
}

/** The lookup of a timeline's context (empty for a value that is not a timeline). */
export const lookupOf = (timeline: Timeline.Timeline): Lookup => {
  const { places, sources } = Timeline.context(timeline)
  return {
    place: (id) => (typeof id === "string" ? Option.getOrUndefined(HashMap.get(places, id as PlaceId)) : undefined),
    source: (id) => (typeof id === "string" ? Option.getOrUndefined(HashMap.get(sources, id as SourceId)) : undefined)
  }
}

/** The events of a timeline in its order; never throws (a value that is not a timeline has none). */
export const eventsOf = (timeline: Timeline.Timeline): ReadonlyArray<AnyEvent> => {
  try {
    return Timeline.events(timeline)
  } catch {
    return []
  }
}

/** A place and the places around it, nearest first; a cycle of `within` is walked once. */
export const placeChain = (lookup: Lookup, id: unknown): ReadonlyArray<Place> => {
  const out: Array<Place> = []
  const seen = new Set<unknown>()
  for (let next: unknown = id; typeof next === "string" && !seen.has(next); ) {
    seen.add(next)
    const place = lookup.place(next)
    if (place === undefined) break
    out.push(place)
    next = field(place, "within")
  }
  return out
}

/** The sources an event cites, each once, in the order of its citations. */
export const sourcesOf = (lookup: Lookup, event: unknown): ReadonlyArray<{ readonly id: string; readonly source: Source | undefined }> => {
  const seen = new Set<string>()
  const out: Array<{ readonly id: string; readonly source: Source | undefined }> = []
  for (const citation of listField(event, "citations")) {
    const id = textField(citation, "source")
    if (id === "" || seen.has(id)) continue
    seen.add(id)
    out.push({ id, source: lookup.source(id) })
  }
  return out
}

const isCountClaim = (u: unknown): boolean => Count.isCount(field(u, "value")) && Array.isArray(field(u, "citations"))

/** The claim as the exports show it, or undefined for something that is not one. */
const claimView = (claim: unknown): CountClaim | undefined => {
  const value = field(claim, "value")
  if (!Count.isCount(value)) return undefined
  const { low, high } = Count.bounds(value)
  const claimant = textField(claim, "claimant")
  const sources = listField(claim, "citations").map((c) => textField(c, "source")).filter((s) => s !== "")
  return { text: Count.format(value), low, high: Number.isFinite(high) ? high : null, sources, ...(claimant === "" ? {} : { claimant }) }
}

/**
 * The contested counts an event holds (`killed`, `detained`, `size`, and those of user-defined
 * kinds): every top-level field that is a non-empty list of count claims, claims kept apart.
 */
export const countsOf = (event: unknown): ReadonlyArray<readonly [string, ReadonlyArray<CountClaim>]> => {
  let keys: Array<string>
  try {
    keys = typeof event === "object" && event !== null ? Object.keys(event).sort() : []
  } catch {
    return []
  }
  const out: Array<readonly [string, ReadonlyArray<CountClaim>]> = []
  for (const key of keys) {
    const claims = listField(event, key)
    if (claims.length === 0 || !claims.every(isCountClaim)) continue
    out.push([key, claims.flatMap((c) => claimView(c) ?? [])])
  }
  return out
}
