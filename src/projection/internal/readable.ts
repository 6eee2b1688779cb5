/**
 * What the projections read of records and arguments, checked without decoding: a JavaScript
 * caller (or a cast) can hand them anything, and no exception may escape. Records that come from
 * a journal are decoded already and always pass; these checks catch hand-made ones.
 *
 * @internal
 */
import type { ActorId, PlaceId } from "../../model/Id.js"
import { isTimeZone } from "../../model/TimeZone.js"
import { isWhen } from "../../model/When.js"
import { UnreadableRecordError } from "../Projection.js"

/** An object (not null, not an array) whose fields can be read. */
export const isObject = (u: unknown): u is { readonly [key: string]: unknown } =>
  typeof u === "object" && u !== null && !Array.isArray(u)

/** A value cut for a message: never more than about 60 characters of the caller's input. */
export const cut = (s: string, max = 60): string => (s.length > max ? `${s.slice(0, max)}…` : s)

/** A value named in a message: a string quoted and cut, anything else by its kind. */
export const shown = (u: unknown): string =>
  typeof u === "string" ? JSON.stringify(cut(u)) : u === null ? "null" : Array.isArray(u) ? "a list" : typeof u === "object" ? "an object" : typeof u === "number" || typeof u === "boolean" ? String(u) : `a ${typeof u}`

/** The strings of a list, or none when it is not a list. */
export const strings = (u: unknown): ReadonlyArray<string> => (Array.isArray(u) ? u.filter((x): x is string => typeof x === "string") : [])

/** The elements of an iterable, or undefined when it is not one (strings count as not one). */
export const listOf = (u: unknown): ReadonlyArray<unknown> | undefined => {
  if (Array.isArray(u)) return u
  if (typeof u !== "object" || u === null || typeof (u as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== "function") return undefined
  try {
    return Array.from(u as Iterable<unknown>)
  } catch {
    return undefined
  }
}

/** What is wrong with a record, before the index and id are known. */
export interface Problem {
  readonly field: string
  readonly reason: string
}

const optionalString = (o: { readonly [key: string]: unknown }, key: string): boolean => o[key] === undefined || typeof o[key] === "string"
const optionalStrings = (o: { readonly [key: string]: unknown }, key: string): boolean =>
  o[key] === undefined || (Array.isArray(o[key]) && (o[key] as ReadonlyArray<unknown>).every((x) => typeof x === "string"))

/** What keeps a value from being read as an event, or undefined when it can be. */
export const eventProblem = (u: unknown): Problem | undefined => {
  if (!isObject(u)) return { field: "", reason: `is ${shown(u)}, not an event record` }
  if (typeof u["id"] !== "string") return { field: "id", reason: `is ${shown(u["id"])}, not a string` }
  if (typeof u["kind"] !== "string") return { field: "kind", reason: `is ${shown(u["kind"])}, not a string` }
  if (!isWhen(u["when"])) return { field: "when", reason: `is ${shown(u["when"])}, not an EDTF date` }
  const where = u["where"]
  if (!isObject(where)) return { field: "where", reason: `is ${shown(where)}, not a place reference` }
  if (typeof where["place"] !== "string") return { field: "where.place", reason: `is ${shown(where["place"])}, not a place id` }
  if (!isTimeZone(where["timeZone"])) return { field: "where.timeZone", reason: `is ${shown(where["timeZone"])}, not a time zone this engine knows` }
  if (!optionalStrings(where, "alsoAt")) return { field: "where.alsoAt", reason: "is not a list of place ids" }
  if (!optionalString(where, "site")) return { field: "where.site", reason: "is not a string" }
  if (!optionalString(u, "title")) return { field: "title", reason: "is not a string" }
  if (!optionalString(u, "summary")) return { field: "summary", reason: "is not a string" }
  if (!optionalString(u, "note")) return { field: "note", reason: "is not a string" }
  if (!optionalStrings(u, "tags")) return { field: "tags", reason: "is not a list of strings" }
  if (!optionalStrings(u, "demands")) return { field: "demands", reason: "is not a list of strings" }
  const participants = u["participants"]
  if (participants !== undefined && !(Array.isArray(participants) && participants.every((p) => isObject(p) && typeof p["actor"] === "string"))) {
    return { field: "participants", reason: "is not a list of participants, each naming an actor" }
  }
  return undefined
}

const RELATIONS: ReadonlySet<unknown> = new Set(["causes", "responds-to", "part-of", "continues", "commemorates", "echoes", "same-as", "contradicts"])

/** What keeps a value from being read as a link, or undefined when it can be. */
export const linkProblem = (u: unknown): Problem | undefined => {
  if (!isObject(u)) return { field: "", reason: `is ${shown(u)}, not a link record` }
  if (typeof u["id"] !== "string") return { field: "id", reason: `is ${shown(u["id"])}, not a string` }
  if (!RELATIONS.has(u["relation"])) return { field: "relation", reason: `is ${shown(u["relation"])}, not a relation` }
  if (typeof u["from"] !== "string") return { field: "from", reason: `is ${shown(u["from"])}, not an event id` }
  if (typeof u["to"] !== "string") return { field: "to", reason: `is ${shown(u["to"])}, not an event id` }
  return undefined
}

/** What keeps a value from being read as a place, actor or source record (an object with an id). */
export const contextProblem = (u: unknown): Problem | undefined => {
  if (!isObject(u)) return { field: "", reason: `is ${shown(u)}, not a record` }
  if (typeof u["id"] !== "string") return { field: "id", reason: `is ${shown(u["id"])}, not a string` }
  return undefined
}

/** The error for a problem, with the record's position and (when it has one) its id. */
export const unreadable = (problem: Problem, u: unknown, index?: number): UnreadableRecordError =>
  new UnreadableRecordError({
    index,
    id: isObject(u) && typeof u["id"] === "string" ? cut(u["id"]) : undefined,
    field: problem.field,
    reason: problem.reason
  })

/** A journal entry's parts as projections read them, or undefined for anything that is not one. */
export interface EntryParts {
  readonly type: string
  readonly id: string
  readonly position: number
  /** The record of a revision; undefined for a retraction. */
  readonly record: unknown
}

export const entryParts = (u: unknown): EntryParts | undefined => {
  if (!isObject(u)) return undefined
  const stream = u["stream"]
  const body = u["body"]
  if (!isObject(stream) || typeof stream["type"] !== "string" || typeof stream["id"] !== "string" || !isObject(body)) return undefined
  if (typeof u["position"] !== "number") return undefined
  if (body["_tag"] === "revision") return isObject(body["record"]) ? { type: stream["type"], id: stream["id"], position: u["position"], record: body["record"] } : undefined
  if (body["_tag"] === "retraction") return { type: stream["type"], id: stream["id"], position: u["position"], record: undefined }
  return undefined
}

// ---------------------------------------------------------------------------
// reading events that were never checked (items built by hand carry any payload)
// ---------------------------------------------------------------------------

const fields = (e: unknown): { readonly [key: string]: unknown } => (isObject(e) ? e : {})
const whereOf = (e: unknown) => fields(fields(e)["where"])

/** An event's kind, or undefined. */
export const kindOf = (e: unknown): string | undefined => {
  const k = fields(e)["kind"]
  return typeof k === "string" ? k : undefined
}

/**
 * The places an event happened at: its place, then those it also spanned. Only strings are kept;
 * they are typed as the place ids an event's schema puts there.
 */
export const placesOf = (e: unknown): ReadonlyArray<PlaceId> => {
  const where = whereOf(e)
  const place = where["place"]
  const also = strings(where["alsoAt"]) as ReadonlyArray<PlaceId>
  return typeof place === "string" ? (also.length === 0 ? [place as PlaceId] : [place as PlaceId, ...also]) : also
}

/** The actors an event names as participants. */
export const actorsOf = (e: unknown): ReadonlyArray<ActorId> => {
  const ps = fields(e)["participants"]
  if (!Array.isArray(ps)) return []
  const out: Array<ActorId> = []
  for (const p of ps) if (isObject(p) && typeof p["actor"] === "string") out.push(p["actor"] as ActorId)
  return out
}

/** An event's tags. */
export const tagsOf = (e: unknown): ReadonlyArray<string> => strings(fields(e)["tags"])

/** The text a query's `text` searches: title, summary, note, demands, site and tags, lower-cased. */
export const haystackOf = (e: unknown): string => {
  const f = fields(e)
  const text = (u: unknown) => (typeof u === "string" ? u : "")
  return [text(f["title"]), text(f["summary"]), text(f["note"]), ...strings(f["demands"]), text(whereOf(e)["site"]), ...strings(f["tags"])].join("\n").toLowerCase()
}

/** An event's `when` as written, or undefined. */
export const whenOf = (e: unknown): string | undefined => {
  const w = fields(e)["when"]
  return typeof w === "string" ? w : undefined
}
