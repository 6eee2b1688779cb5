/**
 * Arbitraries for timeline properties: spans with uncertain ends (small integers, so that ties
 * and adjacency are frequent, sometimes with open or unknown sides) and exact spans.
 *
 * @since 0.1.0
 */
import * as fc from "fast-check"
import type { Span } from "../model/When.js"

const ordered = (a: number, b: number): readonly [number, number] => (a <= b ? [a, b] : [b, a])

/**
 * Spans whose start and end ranges lie in 0…`max` (inclusive ms), ordered as `When.span`
 * produces them: `start.earliest <= end.earliest` and `start.latest <= end.latest`.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const arbFiniteSpan = (max = 24): fc.Arbitrary<Span> =>
  fc.tuple(fc.nat(max), fc.nat(max), fc.nat(max), fc.nat(max)).map(([a, b, c, d]) => {
    const [s0, s1] = ordered(a, b)
    const [e0, e1raw] = ordered(c, d)
    const e1 = Math.max(e1raw, s0)
    return {
      start: { earliest: s0, latest: Math.min(s1, e1) },
      end: { earliest: Math.max(e0, s0), latest: e1 }
    }
  })

/**
 * Spans as {@link arbFiniteSpan}, and sometimes with an open side (a point at infinity) or an
 * unknown side (a range reaching infinity), as `When.span` gives for `../x`, `x/..`, `/x`, `x/`.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const arbSpan: fc.Arbitrary<Span> = fc
  .tuple(arbFiniteSpan(), fc.constantFrom("none", "none", "none", "open-start", "open-end", "unknown-start", "unknown-end"))
  .map(([s, side]): Span => {
    switch (side) {
      case "open-start":
        return { start: { earliest: -Infinity, latest: -Infinity }, end: s.end }
      case "open-end":
        return { start: s.start, end: { earliest: Infinity, latest: Infinity } }
      case "unknown-start":
        return { start: { earliest: -Infinity, latest: s.end.latest }, end: s.end }
      case "unknown-end":
        return { start: s.start, end: { earliest: s.start.earliest, latest: Infinity } }
      default:
        return s
    }
  })

/**
 * Exact spans: one start instant and one end instant, start ≤ end, in 0…`max`.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const arbExactSpan: fc.Arbitrary<Span> = fc.tuple(fc.nat(24), fc.nat(24)).map(([a, b]) => {
  const [s, e] = ordered(a, b)
  return { start: { earliest: s, latest: s }, end: { earliest: e, latest: e } }
})

/**
 * Stretches of the calendar around a zone's odd days, where a local calendar and UTC part ways:
 * Samoa skipping 30 December 2011, São Paulo's clocks going forward at midnight on 4 November 2018
 * (the day has no 00:00) and back at midnight on 17 February 2019 (23:00 on the 16th happens
 * twice), and Dublin leaving its mean time (UTC−00:25:21) for GMT on 1 October 1916, after a
 * summer at UTC+00:34:39.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const calendarEras: ReadonlyArray<{ readonly zone: string; readonly first: string; readonly days: number }> = [
  { zone: "Pacific/Apia", first: "2011-12-10", days: 45 },
  { zone: "America/Sao_Paulo", first: "2018-10-20", days: 40 },
  { zone: "America/Sao_Paulo", first: "2019-02-01", days: 35 },
  { zone: "Europe/Dublin", first: "1916-09-10", days: 40 }
]

/**
 * A small chronicle for comparing calendar answers (`Calendar.group`, `gaps`, `query`): its
 * records (encoded events and same-as links, ready for `Record.decode`), the zone and granularity
 * to group by, and sometimes a kind to filter on.
 *
 * @category models
 * @since 0.1.0
 */
export interface CalendarCase {
  readonly zone: string
  readonly granularity: "year" | "month" | "day"
  readonly kind: "rally" | "strike" | undefined
  readonly records: ReadonlyArray<{ readonly [key: string]: unknown }>
}

const DAY = 86_400_000
const isoDay = (t: number): string => new Date(t).toISOString().slice(0, 10)

const arbWhenIn = (first: number, days: number): fc.Arbitrary<string> =>
  fc.tuple(fc.nat(days - 1), fc.nat(12), fc.nat(12)).map(([d, length, shape]) => {
    const day = isoDay(first + d * DAY)
    const end = isoDay(first + (d + 1 + length) * DAY)
    return [
      day, `${day}~`, `${day}?`, day.slice(0, 7), day.slice(0, 4), `${day}/${end}`, `${day}/..`, `../${day}`, `${day}/`, `/${day}`,
      `${day}T00:30:00`, `${day}T23:30:00Z`, `${day.slice(0, 7)}/${end.slice(0, 7)}`
    ][shape]!
  })

/**
 * {@link CalendarCase}s: one to eight rally and strike events dated within one of the
 * {@link calendarEras}, in its zone, in UTC or in `Asia/Aqtau`, written as days, approximate and
 * uncertain days, months, years, intervals, open and unknown ends and local or offset date-times;
 * up to three same-as links between them; grouped in the era's zone or in UTC.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const arbCalendarCase: fc.Arbitrary<CalendarCase> = fc
  .constantFrom(...calendarEras)
  .chain((era) => {
    const first = Date.parse(`${era.first}T00:00:00Z`)
    const event = (i: number) =>
      fc.record({ when: arbWhenIn(first, era.days), zone: fc.constantFrom(era.zone, era.zone, "UTC", "Asia/Aqtau"), kind: fc.constantFrom("rally", "strike") }).map(
        ({ kind, when, zone }) => ({
          type: "event",
          kind,
          id: `event-${i}`,
          title: `${kind} ${i}`,
          when,
          where: { place: "somewhere", timeZone: zone },
          ...(kind === "rally" ? { form: "demonstration" } : {}),
          citations: [{ source: "source-1" }]
        })
      )
    return fc.integer({ min: 1, max: 8 }).chain((n) =>
      fc.record({
        zone: fc.constantFrom(era.zone, era.zone, "UTC"),
        granularity: fc.constantFrom("day" as const, "day" as const, "month" as const, "year" as const),
        kind: fc.constantFrom(undefined, undefined, "rally" as const, "strike" as const),
        events: fc.tuple(...Array.from({ length: n }, (_, i) => event(i))),
        sameAs: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 3 })
      })
    )
  })
  .map(({ events, granularity, kind, sameAs, zone }) => ({
    zone,
    granularity,
    kind,
    records: [
      ...events,
      ...sameAs
        .filter(([a, b]) => a !== b)
        .map(([a, b], i) => ({ type: "link", id: `same-${i}`, relation: "same-as", from: `event-${a}`, to: `event-${b}`, rationale: "one event", citations: [{ source: "source-1" }] }))
    ]
  }))

/**
 * Events crowded onto one day whose dates often tie on their bounds while differing in text or
 * zone (`2011-12-16` and `2011-12-16/2011-12-16`, in three zones that were all UTC+5 then), with
 * same-as links between some of them: encoded records, ready for `Record.decode`. Orders and
 * same-as representatives are decided by the tie-breaks here.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const arbTiedRecords: fc.Arbitrary<ReadonlyArray<{ readonly [key: string]: unknown }>> = fc
  .integer({ min: 2, max: 8 })
  .chain((n) =>
    fc.tuple(
      fc.uniqueArray(fc.constantFrom("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"), { minLength: n, maxLength: n }),
      fc.array(fc.tuple(fc.constantFrom("2011-12-16", "2011-12-16/2011-12-16", "2011-12-16T00:00:00/2011-12-16T23:59:59", "2011-12"), fc.constantFrom("Asia/Aqtau", "Asia/Tashkent", "Asia/Karachi")), { minLength: n, maxLength: n }),
      fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: n })
    )
  )
  .map(([ids, dates, pairs]) => [
    ...ids.map((id, i) => ({
      type: "event",
      kind: "strike",
      id,
      title: id,
      when: dates[i]![0],
      where: { place: "somewhere", timeZone: dates[i]![1] },
      citations: [{ source: "source-1" }]
    })),
    ...pairs
      .filter(([x, y]) => x !== y)
      .map(([x, y], k) => ({ type: "link", id: `same-${k}`, relation: "same-as", from: ids[x]!, to: ids[y]!, rationale: "one event", citations: [{ source: "source-1" }] }))
  ])
