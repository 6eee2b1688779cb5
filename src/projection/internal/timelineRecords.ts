/**
 * The timeline built from records and fed by journal entries: what `Timeline.fromRecords` and
 * `Timeline.apply` do, reading each record with the checks of `readable.ts`.
 *
 * @internal
 */
import { HashMap, Result } from "effect"
import type { Entry } from "../../journal/Entry.js"
import type { Actor } from "../../model/Actor.js"
import type { AnyEvent } from "../../model/Event.js"
import type { ActorId, EventId, LinkId, PlaceId, SourceId } from "../../model/Id.js"
import type { Link } from "../../model/Link.js"
import type { Place } from "../../model/Place.js"
import type { Source } from "../../model/Source.js"
import type { UnreadableRecordError } from "../Projection.js"
import type { Item, Timeline } from "../Timeline.js"
import { itemOfChecked } from "./eventOrder.js"
import { contextProblem, entryParts, eventProblem, isObject, linkProblem, listOf, shown, unreadable } from "./readable.js"
import { addChecked, fromValidItems, remove, stateOf, withFields } from "./timelineState.js"

/** `Timeline.fromRecords`: fails on the first record it cannot read, building nothing. */
export const fromRecords = (records: Iterable<{ readonly type: string }>): Result.Result<Timeline, UnreadableRecordError> => {
  const list = listOf(records)
  if (list === undefined) return Result.fail(unreadable({ field: "", reason: `the records are ${shown(records)}, not a list` }, undefined))
  const items: Array<Item> = []
  let places = HashMap.empty<PlaceId, Place>()
  let actors = HashMap.empty<ActorId, Actor>()
  let sources = HashMap.empty<SourceId, Source>()
  let sameAs = HashMap.empty<LinkId, readonly [EventId, EventId]>()
  for (let i = 0; i < list.length; i++) {
    const r = list[i]
    if (!isObject(r) || typeof r["type"] !== "string") return Result.fail(unreadable({ field: "type", reason: "is missing: not a record" }, r, i))
    const problem = r.type === "event" ? eventProblem(r) : r.type === "link" ? linkProblem(r) : contextProblem(r)
    if (problem !== undefined) return Result.fail(unreadable(problem, r, i))
    if (r.type === "event") items.push(itemOfChecked(r as unknown as AnyEvent))
    else if (r.type === "link") {
      const link = r as unknown as Link
      if (link.relation === "same-as") sameAs = HashMap.set(sameAs, link.id, [link.from, link.to] as const)
    } else if (r.type === "place") places = HashMap.set(places, r["id"] as PlaceId, r as unknown as Place)
    else if (r.type === "actor") actors = HashMap.set(actors, r["id"] as ActorId, r as unknown as Actor)
    else if (r.type === "source") sources = HashMap.set(sources, r["id"] as SourceId, r as unknown as Source)
  }
  return Result.succeed(fromValidItems(items, { places, actors, sources, sameAs }))
}

const setOrRemove = <Id extends string, A>(map: HashMap.HashMap<Id, A>, id: Id, record: unknown): HashMap.HashMap<Id, A> =>
  record === undefined ? HashMap.remove(map, id) : HashMap.set(map, id, record as A)

/** `Timeline.apply`: an entry the timeline cannot read leaves it as it is. */
export const apply = (timeline: Timeline, entry: Entry): Timeline => {
  const state = stateOf(timeline)
  const parts = entryParts(entry)
  if (parts === undefined) return state
  // The stream's id is the id of the record it holds, of the kind its type names.
  const { record } = parts
  switch (parts.type) {
    case "event":
      if (record === undefined) return remove(state, parts.id as EventId)
      return eventProblem(record) === undefined ? addChecked(state, record as AnyEvent) : state
    case "place":
      return withFields(state, { places: setOrRemove(state.places, parts.id as PlaceId, record) })
    case "actor":
      return withFields(state, { actors: setOrRemove(state.actors, parts.id as ActorId, record) })
    case "source":
      return withFields(state, { sources: setOrRemove(state.sources, parts.id as SourceId, record) })
    case "link": {
      const id = parts.id as LinkId
      const link = record as Link | undefined
      if (link !== undefined && linkProblem(link) !== undefined) return state
      if (link?.relation === "same-as") {
        return withFields(state, { sameAs: HashMap.set(state.sameAs, id, [link.from, link.to] as const) })
      }
      return HashMap.has(state.sameAs, id) ? withFields(state, { sameAs: HashMap.remove(state.sameAs, id) }) : state
    }
    default:
      return state
  }
}
