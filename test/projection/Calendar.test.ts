import { fc, test } from "@fast-check/vitest"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { Id, Record } from "../../src/index.js"
import * as When from "../../src/model/When.js"
import * as Calendar from "../../src/projection/Calendar.js"
import * as Timeline from "../../src/projection/Timeline.js"
import { arbCalendarCase } from "../../src/testing/index.js"

const ok = <A, E>(r: Result.Result<A, E>): A => {
  if (Result.isFailure(r)) throw new Error(String(r.failure))
  return r.success
}

const build = (records: ReadonlyArray<unknown>) => ok(Timeline.fromRecords(records.map((r) => Record.decodeUnsafe(r))))

const event = (id: string, when: string, timeZone: string) => ({
  type: "event",
  kind: "strike",
  id,
  title: id,
  when,
  where: { place: "somewhere", timeZone },
  citations: [{ source: "source-1" }]
})

const DAY = 86_400_000
const pad = (n: number, w: number) => String(n).padStart(w, "0")

/** The calendar key after `key` (years 1000–9999 only, enough here). */
const next = (key: string): string => {
  if (key.length === 4) return pad(Number(key) + 1, 4)
  if (key.length === 7) {
    const [y, m] = key.split("-").map(Number) as [number, number]
    return m === 12 ? `${pad(y + 1, 4)}-01` : `${pad(y, 4)}-${pad(m + 1, 2)}`
  }
  return new Date(Date.parse(`${key}T00:00:00Z`) + DAY).toISOString().slice(0, 10)
}

const keysFrom = (from: string, to: string): Array<string> => {
  const out = [from]
  while (out.at(-1) !== to) out.push(next(out.at(-1)!))
  return out
}

const sorted = (xs: ReadonlyArray<string>) => [...xs].sort()

/** What a query for one calendar unit answers: the certain and the possible event ids. */
const unitAnswer = (timeline: Timeline.Timeline, key: string, zone: string, kind?: string) => {
  const hits = ok(Timeline.query(timeline, { from: key, to: key, timeZone: zone, ...(kind === undefined ? {} : { kind }) }))
  return {
    certain: sorted(hits.filter((h) => h.certainty === "certain").map((h) => h.event.id)),
    possible: sorted(hits.filter((h) => h.certainty === "possible").map((h) => h.event.id))
  }
}

describe("Timeline: query, group and gaps read one calendar with one rule of certainty", () => {
  test.prop([arbCalendarCase], { numRuns: 60 })("agree on every unit, in zones with odd days", (c) => {
    const timeline = build(c.records)
    const filter = c.kind === undefined ? {} : { kind: c.kind }
    const groups = ok(Calendar.group(timeline, c.granularity, filter, { timeZone: c.zone }))
    const gaps = ok(Calendar.gaps(timeline, c.granularity, { ...filter, timeZone: c.zone }))
    const byKey = new Map(groups.map((g) => [g.key, g]))
    // Each group holds exactly what a query for its unit answers, as surely.
    for (const g of groups) {
      const answer = unitAnswer(timeline, g.key, c.zone, c.kind)
      expect({ key: g.key, certain: sorted(g.certain.map((e) => e.id)), possible: sorted(g.possible.map((e) => e.id)) }).toEqual({ key: g.key, ...answer })
    }
    // A certain gap has no event at all; a possible gap only events that may fall there.
    const inGap = new Set<string>()
    for (const gap of gaps) {
      for (const key of keysFrom(gap.from, gap.to)) {
        const b = When.boundsUnsafe(When.makeUnsafe(key), c.zone)
        if (b.latest <= b.earliest) continue
        inGap.add(key)
        const answer = unitAnswer(timeline, key, c.zone, c.kind)
        expect(answer.certain, `${key} in a ${gap.certainty} gap`).toEqual([])
        if (gap.certainty === "certain") expect(answer.possible).toEqual([]), expect(byKey.has(key)).toBe(false)
        else expect(answer.possible.length).toBeGreaterThan(0)
      }
    }
    // Every unit between the first and the last is a group with a certain member, or in a gap, or
    // a unit the zone skipped whole.
    const keys = sorted([...byKey.keys(), ...gaps.flatMap((g) => [g.from, g.to])])
    if (keys.length === 0) return
    for (const key of keysFrom(keys[0]!, keys.at(-1)!)) {
      const b = When.boundsUnsafe(When.makeUnsafe(key), c.zone)
      const occupied = (byKey.get(key)?.certain.length ?? 0) > 0
      expect(occupied || inGap.has(key) || b.latest <= b.earliest, key).toBe(true)
      expect(occupied && inGap.has(key), key).toBe(false)
    }
  })

  it("counts an event certainly in every unit that every reading of its date reaches", () => {
    const timeline = build([event("long", "2010/2012", "UTC"), event("ongoing", "2011-05-11/", "UTC")])
    const years = ok(Calendar.group(timeline, "year"))
    // Every reading of `2010/2012` starts in 2010, takes in all of 2011 and ends in 2012.
    expect(years.map((g) => [g.key, g.certain.map((e) => e.id), g.possible.map((e) => e.id)])).toEqual([
      ["2010", ["long"], []],
      ["2011", ["long", "ongoing"], []],
      ["2012", ["long"], ["ongoing"]]
    ])
    // An unknown end: the event certainly has an instant in May 2011, whatever its end.
    const may = ok(Timeline.query(timeline, { from: "2011-05", to: "2011-05" }))
    expect(may.find((h) => h.event.id === "ongoing")!.certainty).toBe("certain")
    const months = ok(Calendar.gaps(timeline, "month", { from: "2011-04", to: "2011-06", kind: "strike" }))
    expect(months.map((g) => g.from)).not.toContain("2011-05")
    // April cannot hold it; June may (it may have ended in May); May certainly does.
    const alone = ok(Calendar.gaps(build([event("ongoing", "2011-05-11/", "UTC")]), "month", { from: "2011-04", to: "2011-06" }))
    expect(alone.map((g) => [g.from, g.to, g.certainty])).toEqual([["2011-04", "2011-04", "certain"], ["2011-06", "2011-06", "possible"]])
  })

  it("agrees with query across São Paulo's midnight transitions", () => {
    const zone = "America/Sao_Paulo"
    const timeline = build([
      event("across-spring", "2018-11-03/2018-11-05", zone),
      event("first-hour", "2018-11-04T00:30:00", zone),
      event("utc-night", "2018-11-04T02:30:00Z", "UTC"),
      event("across-autumn", "2019-02-16/2019-02-17", zone),
      event("repeated-hour", "2019-02-16T23:30:00", zone)
    ])
    for (const from of ["2018-11-02", "2019-02-15"]) {
      const days = ok(Calendar.group(timeline, "day", { from, to: next(next(next(from))), timeZone: zone }))
      expect(days.length).toBeGreaterThan(0)
      for (const g of days) {
        expect({ key: g.key, certain: sorted(g.certain.map((e) => e.id)), possible: sorted(g.possible.map((e) => e.id)) }).toEqual({ key: g.key, ...unitAnswer(timeline, g.key, zone) })
      }
    }
    const day4 = ok(Calendar.group(timeline, "day", { from: "2018-11-04", to: "2018-11-04", timeZone: zone })).find((g) => g.key === "2018-11-04")!
    expect(day4.certain.map((e) => e.id)).toEqual(["across-spring", "first-hour"])
    expect(day4.possible.map((e) => e.id)).toEqual([])
  })

  it("gives no group and no gap to the day Samoa skipped, and agrees with query on its neighbours", () => {
    const zone = "Pacific/Apia"
    const timeline = build([event("across", "2011-12-29/2011-12-31", zone), event("before", "2011-12-28", zone), event("after", "2012-01-02", zone)])
    const days = ok(Calendar.group(timeline, "day", {}, { timeZone: zone }))
    expect(days.map((g) => g.key)).toEqual(["2011-12-28", "2011-12-29", "2011-12-31", "2012-01-02"])
    for (const g of days) {
      expect({ key: g.key, certain: sorted(g.certain.map((e) => e.id)), possible: sorted(g.possible.map((e) => e.id)) }).toEqual({ key: g.key, ...unitAnswer(timeline, g.key, zone) })
    }
    expect(days.find((g) => g.key === "2011-12-29")!.certain.map((e) => e.id)).toEqual(["across"])
    const gaps = ok(Calendar.gaps(timeline, "day", { timeZone: zone }))
    expect(gaps.map((g) => [g.from, g.to, g.certainty])).toEqual([["2012-01-01", "2012-01-01", "certain"]])
  })
})

describe("Timeline: gaps over many events", () => {
  it("finds the gaps of 100,000 events without overflowing the stack", () => {
    const items: Array<Timeline.Item> = Array.from({ length: 100_000 }, (_, i) => {
      const earliest = Date.UTC(2011, 0, 1) + (i % 2) * 40 * DAY
      return { id: Id.EventId.make(`e${i}`), earliest, startLatest: earliest + DAY - 1, endEarliest: earliest, latest: earliest + DAY - 1, uncertain: false, event: { id: `e${i}` } as never }
    })
    const timeline = ok(Timeline.fromItems(items))
    expect(ok(Calendar.gaps(timeline, "month"))).toEqual([])
    expect(ok(Calendar.gaps(timeline, "day")).map((g) => [g.from, g.to, g.certainty])).toEqual([["2011-01-02", "2011-02-09", "certain"]])
  })
})

describe("Timeline: the rule of certainty against every reading of a date", () => {
  // Small integer spans: every reading (a start and an end in their ranges, start <= end) listed.
  const arbItem = fc
    .tuple(fc.nat(12), fc.nat(6), fc.nat(6), fc.nat(6), fc.boolean())
    .map(([e, sl, gap, el, uncertain]): Timeline.Item => {
      const startLatest = e + sl
      const endEarliest = e + gap
      const latest = Math.max(startLatest, endEarliest) + el
      return { id: Id.EventId.make("x"), earliest: e, startLatest, endEarliest, latest, uncertain, event: { id: "x" } as never }
    })
  test.prop([arbItem, fc.nat(20), fc.nat(8)])("an event is certain in a window exactly when every reading meets it", (item, from, width) => {
    const to = from + width
    const readings: Array<readonly [number, number]> = []
    for (let s = item.earliest; s <= item.startLatest; s++) for (let e = Math.max(s, item.endEarliest); e <= item.latest; e++) readings.push([s, e])
    const meets = readings.filter(([s, e]) => s <= to && e >= from).length
    const hits = Timeline.inWindow(ok(Timeline.addItem(Timeline.empty, item)), { from, to })
    const expected = meets === 0 ? [] : [meets === readings.length && !item.uncertain ? "certain" : "possible"]
    expect(hits.map((h) => h.certainty)).toEqual(expected)
  })
})
