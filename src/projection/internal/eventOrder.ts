/**
 * The one order of events, shared by the timeline and the link graph: by the bounds of each
 * event's date in its own zone (earliest instant, then latest), ties broken by id (compared as
 * strings of UTF-16 code units). See `compareItems`.
 *
 * @internal
 */
import type { AnyEvent } from "../../model/Event.js"
import * as When from "../../model/When.js"
import { type Item, sortItems } from "./timelineItem.js"

type Placement = Omit<Item, "id" | "event">

// Placements by zone, then by date: a live timeline reads the same few thousand dates again and
// again, and two plain lookups cost less than building the combined key `When.span` caches by.
// Cleared in one go when it grows past the limit, like the caches of `When`.
const placements = new Map<string, Map<string, Placement>>()
let placementCount = 0
const PLACEMENT_LIMIT = 65_536

/** The placement of a valid date in a valid zone (checked by the caller). */
const placementOf = (when: When.When, zone: string): Placement => {
  let byWhen = placements.get(zone)
  const known = byWhen?.get(when)
  if (known !== undefined) return known
  // The date and zone were checked (`eventProblem`): reading them cannot fail.
  const s = When.spanUnsafe(when, zone)
  const placement: Placement = {
    earliest: s.start.earliest,
    startLatest: s.start.latest,
    endEarliest: s.end.earliest,
    latest: s.end.latest,
    uncertain: When.qualifiers(when).uncertain
  }
  if (placementCount >= PLACEMENT_LIMIT) {
    placements.clear()
    placementCount = 0
    byWhen = undefined
  }
  if (byWhen === undefined) placements.set(zone, (byWhen = new Map()))
  byWhen.set(when, placement)
  placementCount++
  return placement
}

/** The item of an event already checked by `eventProblem`. */
export const itemOfChecked = (event: AnyEvent): Item<AnyEvent> => {
  const p = placementOf(event.when, event.where.timeZone)
  return { id: event.id, earliest: p.earliest, startLatest: p.startLatest, endEarliest: p.endEarliest, latest: p.latest, uncertain: p.uncertain, event }
}

/** Events (already checked by `eventProblem`) in timeline order. */
export const sortEvents = (events: Iterable<AnyEvent>): Array<AnyEvent> => {
  const items: Array<Item<AnyEvent>> = []
  for (const e of events) items.push(itemOfChecked(e))
  return sortItems(items).map((i) => i.event)
}
