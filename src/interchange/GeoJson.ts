/**
 * GeoJSON: a timeline's events as an RFC 7946 FeatureCollection of Points, `[longitude,
 * latitude]` in WGS 84 (no `crs` member, no bounding box), one feature per event that has a
 * position, in timeline order.
 *
 * Position: the coordinates of the event's place (`where.place`); for a place without
 * coordinates, those of the nearest place that contains it and has them (a site in Zhanaozen takes
 * Zhanaozen's point), and the feature says so: `coordinatesFrom` names the place whose point it
 * is, `approximated` is true. Pass `{ ancestors: false }` to use the event's own place only.
 * Events with no position (no place with coordinates up the chain) are not dropped silently:
 * {@link unplaced} lists them, each with its place and why.
 *
 * Properties of each feature: `id`, `kind`, `title`, `when` (the EDTF text), `earliest` and
 * `latest` (the bounds as ISO 8601 instants in UTC, `null` for an open or unknown end), `place`
 * and `placeName`, `site` when there is one, `coordinatesFrom`, `approximated`, `precision` (how
 * far the coordinates can be trusted: exact, approximate, centroid, administrative-centre), and
 * `counts`: every contested count by field name, each claim kept apart with its words, bounds
 * (`high` is `null` when open above), sources and claimant — nothing collapsed to one figure.
 * The feature's `id` is the event id.
 *
 * What is lost: further places an event spanned (`where.alsoAt`), participants, demands, tags,
 * disputes, citations (other than those of the counts) and links. Nothing here throws: a value
 * that is not a timeline exports as an empty collection.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Projection, Record } from "protest-chronicle"
 * import { zhanaozen } from "protest-chronicle/datasets"
 * import { GeoJson } from "protest-chronicle/interchange"
 *
 * const records = zhanaozen.all.map((r) => Result.getOrThrow(Record.decode(r)))
 * const timeline = Result.getOrThrow(Projection.Timeline.fromRecords(records))
 * const collection = GeoJson.fromTimeline(timeline)
 * const [lon, lat] = collection.features[0]?.geometry.coordinates ?? []
 * for (const e of GeoJson.unplaced(timeline)) console.log(e.id, e.reason)
 * ```
 *
 * @since 0.1.0
 *
 * @module
 */
import { Result, type Stream } from "effect"
import type { AnyEvent } from "../model/Event.js"
import * as When from "../model/When.js"
import type * as Timeline from "../projection/Timeline.js"
import { joined, jsonDocument, reusable, streamOf } from "./internal/chunks.js"
import { countsOf, eventsOf, type Lookup, lookupOf, placeChain } from "./internal/records.js"
import { clean, field, textField } from "./internal/text.js"

/**
 * A GeoJSON Point: `[longitude, latitude]`.
 *
 * @category models
 * @since 0.1.0
 */
export interface Point {
  readonly type: "Point"
  readonly coordinates: readonly [number, number]
}

/**
 * One claim of a contested count: the count in words with the phrase as reported ("about seventy
 * (35–105)"), its bounds (`high` is `null` when open above, as "at least 200" is), the sources that
 * report it and the claimant, when one is named.
 *
 * @category models
 * @since 0.1.0
 */
export interface CountClaim {
  readonly text: string
  readonly low: number
  readonly high: number | null
  readonly sources: ReadonlyArray<string>
  readonly claimant?: string
}

/**
 * The properties of an event's feature (see the module comment).
 *
 * @category models
 * @since 0.1.0
 */
export interface Properties {
  readonly id: string
  readonly kind: string
  readonly title: string
  readonly when: string
  readonly earliest: string | null
  readonly latest: string | null
  readonly place: string
  readonly placeName: string
  readonly site?: string
  readonly coordinatesFrom: string
  readonly approximated: boolean
  readonly precision: string
  readonly counts: { readonly [field: string]: ReadonlyArray<CountClaim> }
}

/**
 * One event as a GeoJSON Feature.
 *
 * @category models
 * @since 0.1.0
 */
export interface Feature {
  readonly type: "Feature"
  readonly id: string
  readonly geometry: Point
  readonly properties: Properties
}

/**
 * A GeoJSON FeatureCollection.
 *
 * @category models
 * @since 0.1.0
 */
export interface FeatureCollection {
  readonly type: "FeatureCollection"
  readonly features: ReadonlyArray<Feature>
}

/**
 * An event with no position: its id, title, place, and why.
 *
 * @category models
 * @since 0.1.0
 */
export interface Unplaced {
  readonly id: string
  readonly title: string
  readonly place: string
  readonly reason: string
}

/**
 * Options: `ancestors: false` uses only the event's own place (default: the nearest place around
 * it with coordinates); `indent` (for the JSON text) indents by two spaces.
 *
 * @category models
 * @since 0.1.0
 */
export interface Options {
  readonly ancestors?: boolean
  readonly indent?: boolean
}

const iso = (ms: number): string | null => (Number.isFinite(ms) ? new Date(ms).toISOString() : null)

const isCoordinate = (n: unknown, limit: number): n is number => typeof n === "number" && Number.isFinite(n) && Math.abs(n) <= limit

type Placed = { readonly feature: Feature } | { readonly unplaced: Unplaced }

const placeOf = (event: AnyEvent, lookup: Lookup, ancestors: boolean): Placed => {
  const id = textField(event, "id")
  const title = clean(textField(event, "title"))
  const where = field(event, "where")
  const place = textField(where, "place")
  const chain = placeChain(lookup, place)
  const candidates = ancestors ? chain : chain.slice(0, 1)
  const located = candidates.find((p) => {
    const c = field(p, "coordinates")
    return isCoordinate(field(c, "lat"), 90) && isCoordinate(field(c, "lon"), 180)
  })
  if (located === undefined) {
    const reason = chain.length === 0
      ? `place "${place}" is not in the timeline`
      : ancestors
      ? `neither "${place}" nor a place around it has coordinates`
      : `place "${place}" has no coordinates`
    return { unplaced: { id, title, place, reason } }
  }
  const coordinates = field(located, "coordinates")
  const bounds = When.bounds(field(event, "when") as When.When, textField(where, "timeZone"))
  const site = clean(textField(where, "site"))
  const from = textField(located, "id")
  const properties: Properties = {
    id,
    kind: clean(textField(event, "kind")),
    title,
    when: clean(textField(event, "when")),
    earliest: Result.isSuccess(bounds) ? iso(bounds.success.earliest) : null,
    latest: Result.isSuccess(bounds) ? iso(bounds.success.latest) : null,
    place,
    placeName: clean(textField(chain[0], "name")),
    ...(site === "" ? {} : { site }),
    coordinatesFrom: from,
    approximated: from !== place,
    precision: textField(coordinates, "precision"),
    counts: Object.fromEntries(countsOf(event))
  }
  const lon = field(coordinates, "lon") as number
  const lat = field(coordinates, "lat") as number
  // -0 is written as 0: JSON has no negative zero.
  return { feature: { type: "Feature", id, geometry: { type: "Point", coordinates: [lon + 0, lat + 0] }, properties } }
}

function* placedOf(timeline: Timeline.Timeline, options: unknown): Generator<Placed> {
  const lookup = lookupOf(timeline)
  const ancestors = field(options, "ancestors") !== false
  for (const event of eventsOf(timeline)) {
    let placed: Placed
    try {
      placed = placeOf(event, lookup, ancestors)
    } catch {
      placed = { unplaced: { id: textField(event, "id"), title: "", place: "", reason: "the record cannot be read" } }
    }
    yield placed
  }
}

function* featuresOf(timeline: Timeline.Timeline, options: unknown): Generator<Feature> {
  for (const p of placedOf(timeline, options)) if ("feature" in p) yield p.feature
}

/**
 * The FeatureCollection of a timeline's events that have a position, in timeline order.
 *
 * @category exports
 * @since 0.1.0
 */
export const fromTimeline = (timeline: Timeline.Timeline, options?: Options): FeatureCollection => ({
  type: "FeatureCollection",
  features: [...featuresOf(timeline, options)]
})

/**
 * The events that have no position (see the module comment), in timeline order, each with why.
 *
 * @category exports
 * @since 0.1.0
 */
export const unplaced = (timeline: Timeline.Timeline, options?: Options): ReadonlyArray<Unplaced> => {
  const out: Array<Unplaced> = []
  for (const p of placedOf(timeline, options)) if ("unplaced" in p) out.push(p.unplaced)
  return out
}

/**
 * The collection as JSON text in pieces, feature by feature, for large timelines: the pieces join
 * to {@link toJson}'s text, and the iterable can be walked again.
 *
 * @category exports
 * @since 0.1.0
 */
export const jsonChunks = (timeline: Timeline.Timeline, options?: Options): Iterable<string> =>
  reusable(() => jsonDocument({ type: "FeatureCollection", features: [] }, featuresOf(timeline, options), field(options, "indent") === true))

/**
 * The collection as JSON text.
 *
 * @category exports
 * @since 0.1.0
 */
export const toJson = (timeline: Timeline.Timeline, options?: Options): string => joined(jsonChunks(timeline, options))

/**
 * The JSON text as an Effect `Stream` of pieces, feature by feature.
 *
 * @category exports
 * @since 0.1.0
 */
export const stream = (timeline: Timeline.Timeline, options?: Options): Stream.Stream<string> => streamOf(jsonChunks(timeline, options))
