/**
 * Helpers for the ACLED tests: rows as objects, a CSV writer for them (through csv-stringify, as
 * the exporter), and an arbitrary of plausible ACLED rows for property tests.
 */
import { stringify } from "csv-stringify/sync"
import { fc } from "@fast-check/vitest"
import { Result } from "effect"
import { Acled } from "../../src/interchange/index.js"

export type Row = { [C in Acled.Column]?: string }

export const baseRow: Row = {
  event_id_cnty: "KAZ1",
  event_date: "2011-12-16",
  year: "2011",
  time_precision: "1",
  disorder_type: "Demonstrations",
  event_type: "Protests",
  sub_event_type: "Peaceful protest",
  actor1: "Protesters (Kazakhstan)",
  assoc_actor_1: "Labor Group (Kazakhstan); Ozenmunaigas Workers",
  inter1: "Protesters",
  actor2: "",
  assoc_actor_2: "",
  inter2: "",
  interaction: "Protesters only",
  civilian_targeting: "",
  iso: "398",
  region: "Central Asia",
  country: "Kazakhstan",
  admin1: "Mangystau",
  admin2: "Zhanaozen",
  admin3: "",
  location: "Zhanaozen",
  latitude: "43.3412",
  longitude: "52.8619",
  geo_precision: "1",
  source: "Vlast.kz; Radio Azattyq",
  source_scale: "National",
  notes: "On 16 December 2011, oil workers demonstrated in Zhanaozen. [size=no report]",
  fatalities: "0",
  tags: "crowd size=around 100",
  timestamp: "1700000000"
}

/** CSV text with the given columns (default: all of a current export). */
export const csvOf = (rows: ReadonlyArray<Row>, header: ReadonlyArray<string> = Acled.columns): string =>
  stringify([header as Array<string>, ...rows.map((r) => header.map((c) => r[c as Acled.Column] ?? ""))])

export const importOk = (csv: string | Uint8Array, options?: Acled.ImportOptions): Acled.ImportResult => {
  const r = Acled.importCsv(csv, options)
  if (Result.isFailure(r)) throw new Error(r.failure.message)
  return r.success
}

export const importErr = (csv: string | Uint8Array, options?: Acled.ImportOptions): Acled.AcledImportError => {
  const r = Acled.importCsv(csv, options)
  if (Result.isSuccess(r)) throw new Error("expected the import to fail")
  return r.failure
}

const name = fc.stringMatching(/^[A-Z][a-z]{2,8}( [A-Z][a-z]{2,8})?$/)
const day = fc.date({ min: new Date("1997-01-01T00:00:00Z"), max: new Date("2025-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10))

/** ACLED pairs that import (the others are reported as unmappable). */
export const importablePairs = (): ReadonlyArray<readonly [string, string]> =>
  Acled.importTable().map((r) => [r.eventType, r.subEventType] as const)

const placeArb = fc.record({
  country: fc.constantFrom("Kazakhstan", "Kyrgyzstan", "Côte d'Ivoire"),
  admin1: name,
  location: name,
  lat: fc.integer({ min: -900_000, max: 900_000 }).map((v) => String(v / 1e4)),
  lon: fc.integer({ min: -1_800_000, max: 1_800_000 }).map((v) => String(v / 1e4)),
  geo: fc.constantFrom("1", "2", "3")
})

// An actor's ACLED type follows from its name, so that one actor has one type in every row.
const typeOf = (actor: string): string => Acled.actorTypes[actor.length % 8]!

/**
 * Plausible rows of a current export, each with a distinct event_id_cnty. A place's coordinates
 * and an actor's type are the same in every row that names them (as in ACLED's own files).
 */
export const rowsArb = (pairs: ReadonlyArray<readonly [string, string]>) =>
  fc.tuple(
    fc.uniqueArray(placeArb, { selector: (p) => `${p.country}/${p.admin1}/${p.location}`, minLength: 1, maxLength: 4 }),
    fc.uniqueArray(
      fc.record({
        n: fc.integer({ min: 1, max: 999_999 }),
        date: day,
        precision: fc.constantFrom("1", "2", "3"),
        pair: fc.constantFrom(...pairs),
        place: fc.nat(),
        actor1: name.map((n) => `${n} Group`),
        assoc1: fc.uniqueArray(name.map((n) => `${n} Union`), { maxLength: 2 }),
        actor2: fc.option(name.map((n) => `${n} Forces`), { nil: undefined }),
        sources: fc.uniqueArray(name, { minLength: 1, maxLength: 3 }),
        notes: fc.oneof(fc.constant(""), fc.string({ maxLength: 40 }).filter((s) => s.trim() !== "")),
        fatalities: fc.integer({ min: 1, max: 40 }),
        withFatalities: fc.boolean(),
        size: fc.constantFrom("no report", "around 100", "more than 1000", "50-100", "several dozen", "200")
      }),
      { selector: (r) => r.n, maxLength: 12 }
    )
  ).map(([places, rs]) =>
    rs.map((r): Row => {
      const place = places[r.place % places.length]!
      const [eventType, subEventType] = r.pair
      const fatalities = subEventType === "Excessive force against protesters"
        ? r.fatalities
        : subEventType === "Protest with intervention" || !r.withFatalities ? 0 : r.fatalities
      return {
        event_id_cnty: `KAZ${r.n}`,
        event_date: r.date,
        year: r.date.slice(0, 4),
        time_precision: r.precision,
        event_type: eventType,
        sub_event_type: subEventType,
        actor1: r.actor1,
        assoc_actor_1: r.assoc1.join("; "),
        inter1: typeOf(r.actor1),
        actor2: r.actor2 ?? "",
        inter2: r.actor2 === undefined ? "" : typeOf(r.actor2),
        country: place.country,
        admin1: place.admin1,
        location: place.location,
        latitude: place.lat,
        longitude: place.lon,
        geo_precision: place.geo,
        source: r.sources.join("; "),
        notes: r.notes,
        fatalities: String(fatalities),
        tags: eventType === "Protests" || eventType === "Riots" ? `crowd size=${r.size}` : ""
      }
    })
  )
