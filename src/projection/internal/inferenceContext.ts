/**
 * What inference rules need to know beyond events: names of places and actors for the reasons,
 * and which places contain which (from the place hierarchy).
 */
import type { Actor } from "../../model/Actor.js"
import type { AnyEvent } from "../../model/Event.js"
import type { PlaceId } from "../../model/Id.js"
import type { Place } from "../../model/Place.js"
import * as Hierarchy from "../Hierarchy.js"
import type { Context, Gazetteer } from "../Inference.js"
import { eventProblem, isObject } from "./readable.js"

const names = (records: ReadonlyArray<unknown>): ReadonlyMap<string, string> => {
  const out = new Map<string, string>()
  for (const r of records) if (isObject(r) && typeof r["id"] === "string" && typeof r["name"] === "string") out.set(r["id"], r["name"])
  return out
}

export const makeGazetteer = (places: ReadonlyArray<Place>, actors: ReadonlyArray<Actor>): Gazetteer => {
  const placeNames = names(places)
  const actorNames = names(actors)
  const containers = Hierarchy.make(places, actors)
  return {
    placeName: (id) => placeNames.get(id) ?? id,
    actorName: (id) => actorNames.get(id) ?? id,
    around: (id) => containers.placesAround(id)
  }
}

/** The places an event happened at: its place, then those it also spanned. */
export const placesOf = (e: AnyEvent): ReadonlyArray<PlaceId> => (e.where.alsoAt === undefined ? [e.where.place] : [e.where.place, ...e.where.alsoAt])

// Contexts built by `Inference.propose` from a graph's current events: their events are checked
// already, so the built-in rules need not check them again.
const trusted = new WeakSet<object>()

/** Marks a context as built from checked events. */
export const trust = <C extends Context>(context: C): C => {
  trusted.add(context)
  return context
}

/** Whether a built-in rule can read a context: one `propose` built, or events and a gazetteer that check out. */
export const isReadableContext = (u: unknown): u is Context => {
  if (!isObject(u)) return false
  if (trusted.has(u)) return true
  const h = u["hierarchy"]
  return Array.isArray(u["events"]) && u["events"].every((e) => eventProblem(e) === undefined) && isObject(h) &&
    typeof h["placeName"] === "function" && typeof h["actorName"] === "function" && typeof h["around"] === "function"
}
