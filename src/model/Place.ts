/**
 * Places: a hierarchy (Zhanaozen within Mangystau Region within Kazakhstan), with coordinates,
 * the IANA time zone whose local calendar the place's dates are written in, and how precise the
 * coordinates are.
 *
 * @since 0.1.0
 *
 * @module
 */
import { Schema } from "effect"
import { Alias } from "./Actor.js"
import { PlaceId } from "./Id.js"
import { Citation } from "./Source.js"
import { Text } from "./Text.js"
import { TimeZone } from "./TimeZone.js"

/**
 * What kind of place a record describes.
 *
 * @category schemas
 * @since 0.1.0
 */
export const PlaceKind = Schema.Literals([
  "country",
  "region",
  "district",
  "city",
  "town",
  "village",
  "oilfield",
  "site",
  "other"
])
/**
 * @since 0.1.0
 * @category models
 */
export type PlaceKind = typeof PlaceKind.Type

/**
 * How far the coordinates can be trusted: `exact` (a known point), `approximate` (near the
 * place), `centroid` (the centre of an area), `administrative-centre` (the seat of a district
 * standing in for a place with no point of its own).
 *
 * @category schemas
 * @since 0.1.0
 */
export const CoordinatePrecision = Schema.Literals(["exact", "approximate", "centroid", "administrative-centre"])
/**
 * @since 0.1.0
 * @category models
 */
export type CoordinatePrecision = typeof CoordinatePrecision.Type

/**
 * WGS 84 coordinates in decimal degrees, with their precision.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Coordinates = Schema.Struct({
  lat: Schema.Finite.check(Schema.isBetween({ minimum: -90, maximum: 90 })),
  lon: Schema.Finite.check(Schema.isBetween({ minimum: -180, maximum: 180 })),
  precision: CoordinatePrecision
}).annotate({ identifier: "Coordinates", title: "Coordinates" })
/**
 * @since 0.1.0
 * @category models
 */
export type Coordinates = typeof Coordinates.Type

/**
 * A place record. `within` names the place that contains it.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Place = Schema.Struct({
  type: Schema.Literal("place"),
  id: PlaceId,
  kind: PlaceKind,
  name: Text,
  timeZone: TimeZone,
  within: Schema.optionalKey(PlaceId),
  aliases: Schema.optionalKey(Schema.Array(Alias)),
  coordinates: Schema.optionalKey(Coordinates),
  description: Schema.optionalKey(Text),
  citations: Schema.optionalKey(Schema.Array(Citation))
}).check(
  Schema.makeFilter((p) => p.within !== p.id || { path: ["within"], issue: `place "${p.id}" cannot lie within itself` })
).annotate({ identifier: "Place", title: "Place", description: "A country, region, town or site, with its IANA time zone." })
/**
 * @since 0.1.0
 * @category models
 */
export type Place = typeof Place.Type
