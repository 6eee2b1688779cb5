/**
 * The catalog: every stream of the journal with its current record, its full revision history and
 * its retraction — what was said, when it was corrected or withdrawn, by whom and why. It is a
 * projection, so it can be taken as of any record time ("what was known on 17 December 2011").
 *
 * Bad input: nothing here throws. A value that is not a catalog reads as the empty catalog; an
 * entry that is not a journal entry changes nothing (journals give only entries); `get` of a
 * value that is not a stream reference answers `undefined`, and a filter that is not an object of
 * filter options lists nothing.
 *
 * @example
 * ```ts
 * import { Chronicle, Projection } from "protest-chronicle"
 * import { zhanaozen } from "protest-chronicle/datasets"
 *
 * const chronicle = await Chronicle.open() // in memory
 * for (const record of zhanaozen.all) await chronicle.record(record)
 * const { Catalog } = Projection
 *
 * const catalog = await chronicle.project(Catalog.projection) // or chronicle.catalog()
 * const shooting = Catalog.get(catalog, { type: "event", id: "zhanaozen-2011-12-16-shooting" })
 * shooting?.current          // the latest revision, absent when retracted
 * shooting?.history.length   // every revision and retraction, revision 1 first
 * Catalog.records(catalog, { type: "actor" }).length
 * await chronicle.close()
 * ```
 *
 * @since 0.1.0
 *
 * @module
 */
import { type Equal, HashMap, type Inspectable, type Pipeable } from "effect"
import type { Entry, StreamRef, StreamType } from "../journal/Entry.js"
import { streamKey } from "../journal/Entry.js"
import type { AnyEvent } from "../model/Event.js"
import type { AnyRecord } from "../model/Vocabulary.js"
import * as Opaque from "./internal/opaque.js"
import { entryParts, isObject } from "./internal/readable.js"
import type { Projection } from "./Projection.js"

/**
 * How the catalog keeps one stream: its last entry, linked to the earlier ones. Appending is O(1)
 * and shares the older links, so one stream with many revisions costs no copying. Read streams
 * with `get` or `streams`; this shape is an implementation detail.
 */
interface Tracked {
  readonly last: Entry
  readonly earlier: Tracked | undefined
  /** Number of entries of the stream so far. */
  readonly count: number
  /** Position of the stream's first entry: streams are listed in this order. */
  readonly first: number
  /** The record of the latest revision, even when a retraction followed it. */
  readonly said: AnyRecord | undefined
}

/** The type id of catalogs. */
const TypeId = "~protest-chronicle/Catalog" as const

/**
 * The catalog: every stream of the journal with its current record, history and retraction. It is
 * opaque: read it with `get`, `streams`, `records` and `events`. Two catalogs are `Equal` when they
 * hold the same entries of the same streams.
 *
 * Gotchas: do not deep-freeze a catalog that has not been hashed yet (`Hash.hash`, `Equal.equals`):
 * effect's `HashMap` caches subtree hashes in its nodes the first time it is hashed.
 *
 * @category models
 * @since 0.1.0
 */
export interface Catalog extends Equal.Equal, Inspectable.Inspectable, Pipeable.Pipeable {
  readonly [TypeId]: typeof TypeId
}

/** What a catalog holds: a persistent hash map from stream key to stream, so that `apply` costs O(log n). */
interface State extends Catalog {
  readonly byStream: HashMap.HashMap<string, Tracked>
}

/**
 * A retraction: when the journal recorded it, the reason given, and by whom.
 *
 * @since 0.1.0
 * @category models
 */
export interface Retraction {
  readonly at: number
  readonly revision: number
  readonly reason: string
  readonly author?: string
}

/**
 * What the catalog knows of one stream.
 *
 * @since 0.1.0
 * @category models
 */
export interface CatalogItem {
  readonly stream: StreamRef
  /** The latest revision's record; absent when the stream's last entry is a retraction. */
  readonly current?: AnyRecord
  /** Present when the stream's last entry is a retraction. */
  readonly retracted?: Retraction
  /**
   * Every entry of the stream, revision 1 first: each with its record time, author, reason and
   * body (the record said, or the retraction).
   */
  readonly history: ReadonlyArray<Entry>
  /** The record said last, even if retracted since (absent when no revision was ever written). */
  readonly lastSaid?: AnyRecord
}

const historyOf = (tracked: Tracked): ReadonlyArray<Entry> => {
  const history = new Array<Entry>(tracked.count)
  for (let t: Tracked | undefined = tracked, i = tracked.count - 1; t !== undefined; t = t.earlier, i--) history[i] = t.last
  return history
}

const Proto = Opaque.makeProto<State>(TypeId, {
  name: "Catalog",
  // The streams by key, each as its entries: equal catalogs hold equal entries, however shared.
  values: (self) => [HashMap.map(self.byStream, historyOf)],
  show: (self) => ({ streams: HashMap.size(self.byStream) })
})

const makeState = (byStream: State["byStream"]): State => Opaque.make(Proto, { byStream }) as State

/**
 * Tells whether a value is a catalog.
 *
 * @category guards
 * @since 0.1.0
 */
export const isCatalog = (u: unknown): u is Catalog => isObject(u) && TypeId in u

/**
 * The catalog of an empty journal.
 *
 * @since 0.1.0
 * @category constructors
 */
export const empty: Catalog = makeState(HashMap.empty())

const catalogOf = (u: unknown): State => (isCatalog(u) ? (u as State) : (empty as State))

/**
 * Adds one entry. Trusts the journal's order: positions increase, revisions follow 1, 2, 3, ….
 * A value that is not a journal entry changes nothing.
 *
 * @since 0.1.0
 * @category projections
 */
export const apply = (state: Catalog, entry: Entry): Catalog => {
  const catalog = catalogOf(state)
  if (entryParts(entry) === undefined) return catalog
  const key = streamKey(entry.stream)
  const before = HashMap.get(catalog.byStream, key)
  const earlier = before._tag === "Some" ? before.value : undefined
  const tracked: Tracked = {
    last: entry,
    earlier,
    count: (earlier?.count ?? 0) + 1,
    first: earlier?.first ?? entry.position,
    said: entry.body._tag === "revision" ? entry.body.record : earlier?.said
  }
  return makeState(HashMap.set(catalog.byStream, key, tracked))
}

/**
 * The catalog as a projection.
 *
 * @since 0.1.0
 * @category projections
 */
export const projection: Projection<Catalog> = { initial: empty, apply }

const itemOf = (tracked: Tracked): CatalogItem => {
  const history = historyOf(tracked) as Array<Entry>
  const last = tracked.last
  const said = tracked.said === undefined ? {} : { lastSaid: tracked.said }
  if (last.body._tag === "revision") return { stream: last.stream, current: last.body.record, history, ...said }
  const retracted: Retraction = {
    at: last.recordedAt,
    revision: last.revision,
    reason: last.body.reason,
    ...(last.author === undefined ? {} : { author: last.author })
  }
  return { stream: last.stream, retracted, history, ...said }
}

/**
 * What the catalog knows of one stream, or `undefined` when the journal has no entry for it.
 *
 * @since 0.1.0
 * @category getters
 */
export const get = (catalog: Catalog, stream: StreamRef): CatalogItem | undefined => {
  if (!isObject(stream) || typeof stream.type !== "string" || typeof stream.id !== "string") return undefined
  const found = HashMap.get(catalogOf(catalog).byStream, streamKey(stream))
  return found._tag === "Some" ? itemOf(found.value) : undefined
}

const trackedOf = (catalog: Catalog, stream: StreamRef): Tracked | undefined => {
  const found = HashMap.get(catalogOf(catalog).byStream, streamKey(stream))
  return found._tag === "Some" ? found.value : undefined
}

/**
 * The latest revision of a stream: how many entries the catalog holds for it (0 when none).
 *
 * @category getters
 * @since 0.1.0
 */
export const revisionOf = (catalog: Catalog, stream: StreamRef): number => trackedOf(catalog, stream)?.count ?? 0

/**
 * One entry of a stream, by revision, or `undefined` when the catalog has none. It walks back from
 * the latest revision, so the latest entries are the quickest to find (as a read model writing
 * rows for new entries asks for them).
 *
 * @category getters
 * @since 0.1.0
 */
export const entryAt = (catalog: Catalog, stream: StreamRef, revision: number): Entry | undefined => {
  let tracked = trackedOf(catalog, stream)
  while (tracked !== undefined && tracked.last.revision > revision) tracked = tracked.earlier
  return tracked !== undefined && tracked.last.revision === revision ? tracked.last : undefined
}

/**
 * Which streams to list: of one record type only, and whether retracted ones are included.
 *
 * @since 0.1.0
 * @category models
 */
export interface Filter<T extends StreamType = StreamType> {
  readonly type?: T
  readonly includeRetracted?: boolean
}

const isFilter = (u: unknown): u is Filter =>
  u === undefined || (isObject(u) && (u["type"] === undefined || typeof u["type"] === "string") && (u["includeRetracted"] === undefined || typeof u["includeRetracted"] === "boolean"))

const pick = (catalog: Catalog, input: Filter | undefined): Array<Tracked> => {
  if (!isFilter(input)) return []
  const filter = input ?? {}
  const picked: Array<Tracked> = []
  for (const tracked of HashMap.values(catalogOf(catalog).byStream)) {
    if (filter.type !== undefined && tracked.last.stream.type !== filter.type) continue
    if (filter.includeRetracted !== true && tracked.last.body._tag === "retraction") continue
    picked.push(tracked)
  }
  return picked.sort((a, b) => a.first - b.first)
}

/**
 * Every stream, in the order streams were first recorded (so the listing is deterministic),
 * optionally of one type; retracted streams only when `includeRetracted` is true.
 *
 * @since 0.1.0
 * @category getters
 */
export const streams = (catalog: Catalog, filter: Filter = {}): ReadonlyArray<CatalogItem> =>
  pick(catalog, filter).map(itemOf)

/**
 * The current records, in the order their streams were first recorded, optionally of one type.
 * With `includeRetracted`, a retracted stream contributes the record said last before it.
 *
 * @since 0.1.0
 * @category getters
 */
export const records = <T extends StreamType = StreamType>(
  catalog: Catalog,
  filter: Filter<T> = {}
): ReadonlyArray<Extract<AnyRecord, { readonly type: T }>> => {
  const out: Array<AnyRecord> = []
  for (const tracked of pick(catalog, filter)) if (tracked.said !== undefined) out.push(tracked.said)
  return out as Array<Extract<AnyRecord, { readonly type: T }>>
}

/**
 * The current (not retracted) events, in the order they were first recorded.
 *
 * @since 0.1.0
 * @category getters
 */
export const events = (catalog: Catalog): ReadonlyArray<AnyEvent> => records(catalog, { type: "event" })

/**
 * How many streams the catalog holds, retracted ones included.
 *
 * @since 0.1.0
 * @category getters
 */
export const size = (catalog: Catalog): number => HashMap.size(catalogOf(catalog).byStream)
