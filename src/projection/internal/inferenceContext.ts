/**
 * What inference rules need to know beyond events: names of places and actors for the reasons,
 * and which places contain which (from the place hierarchy).
 */
import type { Actor } from "../../model/Actor.js"
import type { AnyEvent } from "../../model/Event.js"
import type { Place } from "../../model/Place.js"
import * as Hierarchy from "../Hierarchy.js"

/** Names and containment, as the rules read them. */
export interface Gazetteer {
  /** A place's name, or its id when no record names it. */
  readonly placeName: (id: string) => string
  /** An actor's name, or its id when no record names it. */
  readonly actorName: (id: string) => string
  /** The places that contain this one, nearest first (not the place itself). */
  readonly around: (id: string) => ReadonlyArray<string>
}

export const makeGazetteer = (places: ReadonlyArray<Place>, actors: ReadonlyArray<Actor>): Gazetteer => {
  const placeNames = new Map(places.map((p) => [p.id as string, p.name]))
  const actorNames = new Map(actors.map((a) => [a.id as string, a.name]))
  const containers = Hierarchy.make(places, actors)
  return {
    placeName: (id) => placeNames.get(id) ?? id,
    actorName: (id) => actorNames.get(id) ?? id,
    around: (id) => containers.placesAround(id)
  }
}

/** The places an event happened at: its place, then those it also spanned. */
export const placesOf = (e: AnyEvent): ReadonlyArray<string> => (e.where.alsoAt === undefined ? [e.where.place] : [e.where.place, ...e.where.alsoAt])
