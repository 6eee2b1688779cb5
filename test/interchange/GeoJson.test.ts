/**
 * The GeoJSON export against the rules of RFC 7946 (a FeatureCollection of Features with Point
 * geometries, positions `[longitude, latitude]` within range, finite numbers, no `crs`), on the
 * Zhanaozen chronicle, on hostile records and on generated ones; events without a position are
 * listed with a reason, never dropped; contested counts keep every claim.
 */
import { fc } from "@fast-check/vitest"
import { Effect, Result, Stream } from "effect"
import { describe, expect, it } from "vitest"
import { Projection, Record } from "../../src/index.js"
import { GeoJson } from "../../src/interchange/index.js"
import { arbEvent, arbPlace } from "../../src/testing/index.js"
import { hostile, hostileTitles, records, seed, timeline } from "./fixtures.js"

/** Every RFC 7946 rule that applies to what the export writes; the problems found. */
const rfc7946Problems = (text: string): ReadonlyArray<string> => {
  const problems: Array<string> = []
  const doc = JSON.parse(text) as { [key: string]: unknown }
  if (doc["type"] !== "FeatureCollection") problems.push("not a FeatureCollection")
  if ("crs" in doc) problems.push("has a crs member (RFC 7946 §4)")
  if (!Array.isArray(doc["features"])) return [...problems, "features is not an array"]
  for (const [i, f] of (doc["features"] as Array<{ [key: string]: unknown }>).entries()) {
    if (f["type"] !== "Feature") problems.push(`feature ${i}: type is not Feature`)
    if (typeof f["id"] !== "string" && typeof f["id"] !== "number") problems.push(`feature ${i}: id is neither string nor number (§3.2)`)
    const properties = f["properties"]
    if (typeof properties !== "object" || properties === null || Array.isArray(properties)) problems.push(`feature ${i}: properties is not an object`)
    const g = f["geometry"] as { [key: string]: unknown } | null
    if (g?.["type"] !== "Point") problems.push(`feature ${i}: geometry is not a Point`)
    const c = g?.["coordinates"]
    if (!Array.isArray(c) || c.length !== 2) {
      problems.push(`feature ${i}: a position has two numbers (§3.1.1)`)
      continue
    }
    const [lon, lat] = c as Array<unknown>
    if (typeof lon !== "number" || !Number.isFinite(lon) || lon < -180 || lon > 180) problems.push(`feature ${i}: longitude ${String(lon)}`)
    if (typeof lat !== "number" || !Number.isFinite(lat) || lat < -90 || lat > 90) problems.push(`feature ${i}: latitude ${String(lat)}`)
  }
  return problems
}

describe("GeoJSON export", () => {
  it("the Zhanaozen chronicle: valid RFC 7946, longitude first, every event either placed or listed", () => {
    const collection = GeoJson.fromTimeline(timeline)
    expect(rfc7946Problems(GeoJson.toJson(timeline))).toEqual([])
    const unplaced = GeoJson.unplaced(timeline)
    expect(collection.features.length + unplaced.length).toBe(Projection.Timeline.size(timeline))
    expect(collection.features.map((f) => f.id)).toEqual(
      Projection.Timeline.events(timeline).map((e) => e.id).filter((id) => !unplaced.some((u) => u.id === id))
    )
    const shooting = collection.features.find((f) => f.id === "zhanaozen-2011-12-16-shooting")!
    // Zhanaozen lies at 43.3° N, 52.9° E: longitude first.
    expect(shooting.geometry.coordinates[0]).toBeCloseTo(52.86, 1)
    expect(shooting.geometry.coordinates[1]).toBeCloseTo(43.34, 1)
    expect(shooting.properties.earliest).toBe("2011-12-15T19:00:00.000Z")
    // Contested counts keep every claim, attributed.
    const killed = shooting.properties.counts["killed"]!
    expect(killed.length).toBeGreaterThan(1)
    for (const claim of killed) expect(claim.sources.length).toBeGreaterThan(0)
    for (const u of unplaced) expect(u.reason.length).toBeGreaterThan(0)
  })

  it("takes the point of the nearest place around one without coordinates, and says so", () => {
    const { timeline: t } = hostile(hostileTitles)
    const byId = new Map(GeoJson.fromTimeline(t).features.map((f) => [f.id, f.properties]))
    // e0 is at the site (its own point), e1 in the town (no point: the country's), e2 in the country.
    expect(byId.get("e0")).toMatchObject({ place: "site", coordinatesFrom: "site", approximated: false, precision: "exact" })
    expect(byId.get("e1")).toMatchObject({ place: "town", coordinatesFrom: "country", approximated: true, precision: "centroid" })
    expect(byId.get("e2")).toMatchObject({ place: "country", coordinatesFrom: "country", approximated: false })
    const own = GeoJson.fromTimeline(t, { ancestors: false }).features.map((f) => f.id)
    expect(own).not.toContain("e1")
    expect(GeoJson.unplaced(t, { ancestors: false }).map((u) => u.id)).toContain("e1")
    expect(rfc7946Problems(GeoJson.toJson(t))).toEqual([])
    expect(byId.get("e1")!.counts["detained"]!.map((c) => [c.low, c.high])).toEqual([[100, null], [14, 14]])
    expect(byId.get("e4")!.latest).toBeNull() // 2011-05-11/.. runs on
  })

  it("generated places and events: always valid RFC 7946, every event accounted for", () => {
    const arbCase = fc.tuple(fc.array(arbPlace, { maxLength: 6 }), fc.array(arbEvent, { maxLength: 8 }))
    fc.assert(
      fc.property(arbCase, ([places, events]) => {
        const decoded = [...places, ...events].flatMap((r) => { const d = Record.decode(r); return Result.isSuccess(d) ? [d.success] : [] })
        const t = Projection.Timeline.fromRecords(decoded)
        if (Result.isFailure(t)) return
        expect(rfc7946Problems(GeoJson.toJson(t.success))).toEqual([])
        expect(GeoJson.fromTimeline(t.success).features.length + GeoJson.unplaced(t.success).length).toBe(Projection.Timeline.size(t.success))
      }),
      { seed: seed("GeoJSON generated records"), numRuns: 100 }
    )
  })

  it("the pieces and the stream join to the one-shot text", async () => {
    for (const options of [{}, { indent: true }] as const) {
      const text = GeoJson.toJson(timeline, options)
      expect(text).toBe("indent" in options ? JSON.stringify(GeoJson.fromTimeline(timeline), null, 2) : JSON.stringify(GeoJson.fromTimeline(timeline)))
      expect([...GeoJson.jsonChunks(timeline, options)].join("")).toBe(text)
      expect((await Effect.runPromise(Stream.runCollect(GeoJson.stream(timeline, options)))).join("")).toBe(text)
    }
    expect(records.length).toBeGreaterThan(0)
  })
})
