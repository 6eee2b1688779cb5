import { fc, test } from "@fast-check/vitest"
import { Effect, Equal, Result, Stream } from "effect"
import { describe, expect, it } from "vitest"
import { Id, Journal, Projection, Record } from "../../src/index.js"
import * as ClaimPolicy from "../../src/model/ClaimPolicy.js"
import * as Count from "../../src/model/Count.js"
import type { AnyEvent } from "../../src/model/Event.js"
import * as When from "../../src/model/When.js"
import { arbEntries, assertAsOfEqualsPrefix, assertDeterministic, assertReplayEqualsIncremental } from "../../src/testing/index.js"
import * as zhanaozen from "../fixtures/zhanaozen/index.js"

import * as Calendar from "../../src/projection/Calendar.js"
import * as Timeline from "../../src/projection/Timeline.js"

/** An event id from a literal (ids read from records are branded already). */
const eventId = (id: string) => Id.EventId.make(id)
/** Any string as an item's key: the index takes any string, valid id or not, so no check here. */
const key = (id: string) => id as Id.EventId
type Entry = Journal.Entry

const records = zhanaozen.all.map((r) => Record.decodeUnsafe(r))
const entriesOf = (rs: ReadonlyArray<{ readonly type: string; readonly id: string }>, t0 = Date.UTC(2026, 0, 1)): Array<Entry> =>
  rs.map((record, i) => ({
    position: i + 1,
    stream: { type: record.type as Journal.StreamType, id: record.id },
    revision: 1,
    recordedAt: t0 + i,
    idempotencyKey: `k-${i}`,
    body: { _tag: "revision", record: record as never }
  }))
const entries = entriesOf(records)
const timeline = Projection.replay(Timeline.projection, entries)
const ok = <A, E>(r: Result.Result<A, E>): A => {
  if (Result.isFailure(r)) throw new Error(String(r.failure))
  return r.success
}

describe("Timeline: projection", () => {
  it("obeys the projection laws", () => {
    // Timelines are compared as values (`Equal`: the same events and context), not by the shape of their index.
    const equals = { equals: Equal.equals }
    assertReplayEqualsIncremental(Timeline.projection, arbEntries, equals)
    assertAsOfEqualsPrefix(Timeline.projection, arbEntries, equals)
    assertDeterministic(Timeline.projection, arbEntries, equals)
  })

  test.prop([arbEntries])("holds exactly the current events, in bounds order then id", (es) => {
    const tl = Projection.replay(Timeline.projection, es)
    const catalog = Projection.replay(Projection.Catalog.projection, es)
    const current = Projection.Catalog.events(catalog)
    const expected = [...current]
      .map((e) => ({ e, b: When.spanUnsafe(e.when, e.where.timeZone) }))
      .sort((x, y) =>
        x.b.start.earliest !== y.b.start.earliest
          ? x.b.start.earliest - y.b.start.earliest
          : x.b.end.latest !== y.b.end.latest
            ? x.b.end.latest - y.b.end.latest
            : x.e.id < y.e.id
              ? -1
              : 1
      )
      .map((x) => x.e.id)
    expect(Timeline.events(tl).map((e) => e.id)).toEqual(expected)
    expect(Timeline.size(tl)).toBe(expected.length)
    expect(Timeline.events(ok(Timeline.fromItems(Timeline.events(tl).map((e) => ok(Timeline.itemOf(e))))))).toEqual(Timeline.events(tl))
  })

  it("moves a corrected event and drops a retracted one; answers as of a record time", () => {
    const shooting = Timeline.get(timeline, eventId("zhanaozen-2011-12-16-shooting"))!
    const moved = { ...shooting, when: When.makeUnsafe("2011-12-15") }
    const t = Date.UTC(2026, 5, 1)
    const later: Array<Entry> = [
      ...entries,
      { position: entries.length + 1, stream: { type: "event", id: shooting.id }, revision: 2, recordedAt: t, idempotencyKey: "fix", body: { _tag: "revision", record: moved } },
      { position: entries.length + 2, stream: { type: "event", id: shooting.id }, revision: 3, recordedAt: t + 1000, idempotencyKey: "drop", body: { _tag: "retraction", reason: "test" } }
    ]
    const at = (time: number) => Projection.asOf(Timeline.projection, later, time)
    const dec16 = (tl: Timeline.Timeline) => ok(Timeline.query(tl, { from: "2011-12-16", to: "2011-12-16", timeZone: "Asia/Aqtau", mode: "within" })).map((h) => h.event.id)
    const dec15 = (tl: Timeline.Timeline) => ok(Timeline.query(tl, { from: "2011-12-15", to: "2011-12-15", timeZone: "Asia/Aqtau", mode: "within" })).map((h) => h.event.id)
    expect(dec16(at(t - 1))).toContain(shooting.id)
    expect(dec16(at(t))).not.toContain(shooting.id)
    expect(dec15(at(t))).toContain(shooting.id)
    expect(Timeline.get(at(t + 1000), shooting.id)).toBeUndefined()
    expect(Timeline.size(at(t + 1000))).toBe(Timeline.size(timeline) - 1)
  })
})

describe("Timeline: queries on the Zhanaozen fixtures", () => {
  it("answers a window over December 2011 in Mangystau, certain and possible", () => {
    const hits = ok(Timeline.query(timeline, { from: "2011-12", to: "2011-12", timeZone: "Asia/Aqtau", place: "mangystau-region" }))
    const ids = hits.map((h) => h.event.id)
    expect(ids).toContain("zhanaozen-2011-12-16-shooting")
    expect(hits.find((h) => h.event.id === "zhanaozen-2011-12-16-shooting")!.certainty).toBe("certain")
    for (const h of hits) {
      const b = When.boundsUnsafe(h.event.when, h.event.where.timeZone)
      expect(b.earliest).toBeLessThanOrEqual(Date.UTC(2011, 11, 31, 19) - 1)
      expect(b.latest).toBeGreaterThanOrEqual(Date.UTC(2011, 10, 30, 19))
    }
    // Astana is not in Mangystau.
    const all = ok(Timeline.query(timeline, { from: "2011-12", to: "2011-12", timeZone: "Asia/Aqtau" }))
    expect(all.length).toBeGreaterThan(hits.length)
    const h = Timeline.hierarchy(timeline)
    for (const hit of hits) {
      expect([hit.event.where.place, ...(hit.event.where.alsoAt ?? [])].some((p) => h.isWithin(p, Id.PlaceId.make("mangystau-region")))).toBe(true)
    }
    const within = ok(Timeline.query(timeline, { from: "2011-12", to: "2011-12", timeZone: "Asia/Aqtau", mode: "within" }))
    expect(within.length).toBeLessThanOrEqual(all.length)
    expect(within.map((x) => x.event.id)).not.toContain("zhanaozen-2011-05-strike")
  })

  it("filters by actor including members, by kind, tag and text", () => {
    const kmg = ok(Timeline.query(timeline, { actor: "kazmunaygas" }))
    const direct = ok(Timeline.query(timeline, { actor: "ozenmunaigas" }))
    for (const hit of direct) expect(kmg.map((x) => x.event.id)).toContain(hit.event.id)
    expect(direct.length).toBeGreaterThan(0)
    const strikes = ok(Timeline.query(timeline, { kind: "strike" }))
    expect(strikes.length).toBeGreaterThan(0)
    expect(strikes.every((x) => x.event.kind === "strike")).toBe(true)
    const text = ok(Timeline.query(timeline, { text: "INDEPENDENCE DAY" }))
    expect(text.map((x) => x.event.id)).toContain("zhanaozen-2011-12-16-shooting")
    const tagged = Timeline.events(timeline).find((e) => (e.tags ?? []).length > 0)!
    expect(ok(Timeline.query(timeline, { tag: tagged.tags![0]! })).map((x) => x.event.id)).toContain(tagged.id)
  })

  it("fails with a typed error on an invalid EDTF value or zone, never throws", () => {
    const bad = Timeline.query(timeline, { from: "2011-13-40" })
    expect(Result.isFailure(bad) && bad.failure._tag).toBe("WhenError")
    const zone = Timeline.query(timeline, { from: "2011", timeZone: "Mars/Olympus" })
    expect(Result.isFailure(zone) && zone.failure._tag).toBe("TimeZoneError")
    const reversed = Timeline.query(timeline, { from: "2012", to: "2011" })
    expect(Result.isFailure(reversed) && reversed.failure._tag).toBe("TimelineQueryError")
    expect(Result.isFailure(reversed) && reversed.failure.message).toBe('query field "to" is 2011, which ends before the window begins (from 2012)')
    expect(Result.isFailure(Calendar.gaps(timeline, "year", { to: "nope" }))).toBe(true)
    expect(Result.isFailure(Calendar.group(timeline, "year", { from: "nope" }))).toBe(true)
  })

  it("finds anniversaries of 16 December", () => {
    const shooting = Timeline.get(timeline, eventId("zhanaozen-2011-12-16-shooting"))!
    const memorial = { ...shooting, id: "memorial-2021", kind: "rally", when: When.makeUnsafe("2021-12-16") } as AnyEvent
    const vague = { ...shooting, id: "memorial-2013", kind: "rally", when: When.makeUnsafe("2013-12") } as AnyEvent
    const tl = ok(Timeline.add(ok(Timeline.add(timeline, memorial)), vague))
    const found = Timeline.anniversariesOf(tl, shooting.id)
    expect(found.find((h) => h.event.id === "memorial-2021")).toMatchObject({ certainty: "certain", years: 10 })
    expect(found.find((h) => h.event.id === "memorial-2013")).toMatchObject({ certainty: "possible", years: 2 })
    for (const h of found) if (h.certainty === "certain") expect(h.event.when.endsWith("-12-16") || h.event.when.includes("-12-16T")).toBe(true)
    expect(found.map((h) => h.event.id)).not.toContain("zhanaozen-2011-12-16-detentions")
    const onDay = Timeline.onMonthDay(tl, 12, 16)
    expect(onDay.filter((h) => h.certainty === "certain").map((h) => h.event.id)).toEqual(
      expect.arrayContaining(["zhanaozen-2011-12-16-shooting", "memorial-2021"])
    )
  })

  it("groups by year and month with uncertain counts as bounds, and sums a measure", () => {
    const years = ok(Calendar.group(timeline, "year", {}, { timeZone: "Asia/Aqtau" }))
    const y2011 = years.find((g) => g.key === "2011")!
    expect(y2011.certain.map((e) => e.id)).toContain("zhanaozen-2011-12-16-shooting")
    const total = years.reduce((n, g) => n + g.certain.length, 0)
    expect(total).toBeLessThanOrEqual(Timeline.size(timeline))
    const months = ok(Calendar.group(timeline, "month", { from: "2011", to: "2011", timeZone: "Asia/Aqtau" }))
    const may = months.find((g) => g.key === "2011-05")!
    expect(Count.bounds(may.events).low).toBe(may.certain.length)
    expect(Count.bounds(may.events).high).toBe(may.certain.length + may.possible.length)
    const killed = ok(
      Calendar.group(timeline, "day", { from: "2011-12-16", to: "2011-12-16", timeZone: "Asia/Aqtau", mode: "within" }, {
        timeZone: "Asia/Aqtau",
        measure: (e) => {
          const claims = (e as { readonly killed?: Parameters<typeof ClaimPolicy.summarize>[0] }).killed
          return claims === undefined ? undefined : ClaimPolicy.summarize(claims, "envelope", Timeline.attribution(timeline)).count
        }
      })
    )
    const day = killed.find((g) => g.key === "2011-12-16")!
    expect(Count.bounds(day.total!).low).toBeLessThanOrEqual(10)
    expect(Count.bounds(day.total!).high).toBeGreaterThanOrEqual(70)
    const byPlace = ok(Calendar.group(timeline, "place"))
    expect(byPlace.map((g) => g.key)).toContain("zhanaozen")
    const byKind = ok(Calendar.group(timeline, "kind"))
    expect(byKind.reduce((n, g) => n + g.certain.length + g.possible.length, 0)).toBe(Timeline.size(timeline))
  })

  it("summarises contested claims by policy", () => {
    const shooting = Timeline.get(timeline, eventId("zhanaozen-2011-12-16-shooting")) as unknown as { readonly killed: Parameters<typeof ClaimPolicy.summarize>[0] }
    const claims = shooting.killed
    const all = ClaimPolicy.summarize(claims, "all", Timeline.attribution(timeline))
    expect(all.claims.length).toBe(claims.length)
    const low = ClaimPolicy.summarize(claims, "lowest", Timeline.attribution(timeline))
    expect(Count.bounds(low.count!).low).toBe(10)
    const high = ClaimPolicy.summarize(claims, "highest", Timeline.attribution(timeline))
    expect(Count.bounds(high.count!).high).toBeGreaterThanOrEqual(70)
    const official = ClaimPolicy.summarize(claims, "official", Timeline.attribution(timeline))
    expect(official.claims.length).toBeGreaterThan(0)
    expect(official.claims.every((c) => ClaimPolicy.isOfficial(c, Timeline.attribution(timeline)))).toBe(true)
    expect(Count.bounds(official.count!).high).toBeLessThan(70)
    const env = ClaimPolicy.summarize(claims, "envelope", Timeline.attribution(timeline))
    expect(Count.bounds(env.count!)).toEqual({ low: Count.bounds(low.count!).low, high: Count.bounds(high.count!).high })
  })

  it("reports gaps, certain and possible", () => {
    const found = ok(Calendar.gaps(timeline, "year", { from: "2011", to: "2023", timeZone: "Asia/Aqtau" }))
    for (const g of found) {
      const hits = ok(Timeline.query(timeline, { from: g.from, to: g.to, timeZone: "Asia/Aqtau" }))
      if (g.certainty === "certain") expect(hits).toEqual([])
      else expect(hits.every((h) => h.certainty === "possible")).toBe(true)
    }
    const tl = ok(Timeline.fromRecords([
      ...records.filter((r) => r.type !== "event"),
      ...records.filter((r) => r.id === "zhanaozen-2011-12-16-shooting")
    ]))
    const two = ok(Timeline.add(tl, { ...Timeline.get(tl, eventId("zhanaozen-2011-12-16-shooting"))!, id: "x", when: When.makeUnsafe("2012-03") } as AnyEvent))
    const months = ok(Calendar.gaps(two, "month", { timeZone: "Asia/Aqtau" }))
    expect(months).toEqual([expect.objectContaining({ from: "2012-01", to: "2012-02", certainty: "certain" })])
  })

  it("gives Allen relations between events", () => {
    const r = Timeline.relations(timeline, eventId("zhanaozen-2011-12-16-shooting"), eventId("zhanaozen-2011-12-16-detentions"))!
    expect(r.possible.length).toBe(13)
    expect(Timeline.relations(timeline, eventId("zhanaozen-2011-12-16-shooting"), eventId("nope"))).toBeUndefined()
  })
})


describe("Timeline: window queries against a linear scan", () => {
  const arbWindow = fc.tuple(fc.integer({ min: -10, max: 60 }), fc.integer({ min: 0, max: 40 }), fc.constantFrom("overlaps" as const, "within" as const))
  const arbItems = fc.array(
    fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 }), fc.boolean(), fc.integer({ min: 0, max: 30 })),
    { maxLength: 60 }
  )
  test.prop([arbItems, fc.array(fc.integer({ min: 0, max: 59 }), { maxLength: 20 }), arbWindow])(
    "insert, remove and bulk build agree; windows match a scan",
    (rows, removals, [from, width, mode]) => {
      const items: Array<Timeline.Item> = rows.map(([e, sl, el, unc, id], i) => ({
        id: key(`e${id}-${i % 7}`),
        earliest: e,
        startLatest: e + sl,
        endEarliest: e + Math.min(sl, el),
        latest: e + sl + el,
        uncertain: unc,
        event: { id: `e${id}-${i % 7}` } as AnyEvent
      }))
      let tl = Timeline.empty
      for (const it of items) tl = ok(Timeline.addItem(tl, it))
      for (const r of removals) if (items[r] !== undefined) tl = Timeline.remove(tl, items[r]!.id)
      const model = new Map<Id.EventId, Timeline.Item>()
      for (const it of items) model.set(it.id, it)
      for (const r of removals) if (items[r] !== undefined) model.delete(items[r]!.id)
      const built = ok(Timeline.fromItems([...model.values()]))
      expectSameEvents(tl, built)
      for (const id of model.keys()) expect(Timeline.get(tl, id)).toBe(model.get(id)!.event)
      const w = { from, to: from + width }
      const scan = [...model.values()]
        .filter((i) => i.earliest <= w.to && i.latest >= w.from)
        .filter((i) =>
          mode === "overlaps" ? true : Math.max(i.earliest, w.from) <= Math.min(i.startLatest, w.to) && Math.max(i.endEarliest, i.earliest, w.from) <= Math.min(i.latest, w.to)
        )
      const got = Timeline.inWindow(tl, w, mode)
      expect(new Set(got.map((h) => h.event.id))).toEqual(new Set(scan.map((i) => i.id)))
      for (const h of got) {
        const i = model.get(h.event.id)!
        const certain =
          !i.uncertain && (mode === "overlaps" ? i.startLatest <= w.to && i.endEarliest >= w.from : i.earliest >= w.from && i.latest <= w.to)
        expect(h.certainty).toBe(certain ? "certain" : "possible")
      }
    }
  )
})

import * as Items from "../../src/projection/internal/timelineItem.js"

describe("Timeline: the bulk sort", () => {
  const byId = (items: ReadonlyArray<Timeline.Item>) => [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const instant = fc.oneof(fc.constantFrom(-Infinity, Infinity, 0, -0, 86_400_000), fc.double({ noNaN: true }), fc.integer({ min: -5, max: 5 }))
  test.prop([fc.uniqueArray(fc.tuple(fc.string({ maxLength: 3 }), instant, instant), { selector: ([id]) => id, maxLength: 400 })])(
    "puts items given by id in timeline order, as the comparator sort does",
    (rows) => {
      const items = rows.map(([id, a, b]): Timeline.Item => {
        const [earliest, latest] = a <= b ? [a, b] : [b, a]
        return { id: key(id), earliest, startLatest: earliest, endEarliest: latest, latest, uncertain: false, event: { id } as AnyEvent }
      })
      expect(Items.sortByIdsToTimeline(byId(items))).toEqual(Items.sortItems(items))
    }
  )

  it("falls back to the comparator sort when the packed keys would not be exact", () => {
    // 210,000 items with distinct instants: 210,000³ combinations pass 2^53.
    const n = 210_000
    const items = Array.from({ length: n }, (_, i): Timeline.Item => {
      const earliest = ((i * 7919) % n) * 1000 + 0.5
      return { id: key(`f${i}`), earliest, startLatest: earliest, endEarliest: earliest, latest: earliest + (i % 13), uncertain: false, event: { id: `f${i}` } as AnyEvent }
    })
    const sorted = Items.sortByIdsToTimeline(byId(items))
    for (let i = 1; i < n; i++) expect(Items.compareItems(sorted[i - 1]!, sorted[i]!)).toBeLessThan(0)
  })
})

describe("Timeline: bulk paths on large inputs", () => {
  test.prop([fc.integer({ min: 0, max: 1_000_000 })], { numRuns: 5 })("the bulk build agrees with sorting and with insertion", (seed) => {
    let s = seed
    const next = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32
    const items: Array<Timeline.Item> = Array.from({ length: 3000 }, (_, i) => {
      const r = next()
      const earliest = r < 0.02 ? -Infinity : Math.floor((next() - 0.5) * 2 ** 40) * (r < 0.5 ? 1 : 0) + Math.floor(next() * 50) * 86_400_000
      const latest = r > 0.98 ? Infinity : earliest === -Infinity ? Math.floor(next() * 1e9) : earliest + Math.floor(next() * 3) * 1000
      // A tenth of the ids share their first fourteen characters, so that ties go past the numeric prefixes to the ids.
      const id = next() < 0.1 ? `shared-prefix-${Math.floor(next() * 1e6)}-${i}` : `i${Math.floor(next() * 1e6)}-${i}`
      return { id: key(id), earliest, startLatest: latest, endEarliest: earliest, latest, uncertain: false, event: { id: `i${i}` } as AnyEvent }
    })
    const byId = [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    expect(Items.sortByIdsToTimeline(byId)).toEqual([...items].sort(Items.compareItems))
    let one = Timeline.empty
    for (const it of items.slice(0, 2500)) one = ok(Timeline.addItem(one, it))
    const bulk = ok(Timeline.fromItems(items.slice(0, 2500)))
    expect(Equal.equals(one, bulk)).toBe(true)
    expect(Timeline.events(one)).toEqual(Timeline.events(bulk))
    const all = ok(Timeline.fromItems(items))
    for (let k = 0; k < 5; k++) {
      const from = Math.floor((next() - 0.5) * 2 ** 40)
      const to = from + Math.floor(next() * 2 ** (10 + 6 * k))
      const scan = Items.sortItems(items.filter((i) => i.earliest <= to && i.latest >= from)).map((i) => i.event)
      expect(Timeline.inWindow(all, { from, to }).map((h) => h.event)).toEqual(scan)
    }
  })
})

// Ids whose 32-bit FNV-1a hashes collided in an earlier id map (kept as awkward neighbours).
const colliding = [
  ["report-449599", "report-612382"],
  ["report-449598", "report-612383"]
] as const

/** Two timelines hold the same events, in the same order, and answer the same ids alike. */
const expectSameEvents = (a: Timeline.Timeline, b: Timeline.Timeline): void => {
  expect(Equal.equals(a, b)).toBe(true)
  expect(Timeline.events(a)).toEqual(Timeline.events(b))
}

describe("Timeline: adding and removing agree with a bulk build", () => {
  const DAY = 86_400_000
  // Items crowded onto a few days, so that many share earliest and latest and ties go to the ids.
  const arbItem = fc
    .record({
      id: fc.oneof(
        fc.integer({ min: 0, max: 5000 }).map((n) => `e${n}`),
        fc.constantFrom(...colliding.flat()),
        fc.string({ minLength: 0, maxLength: 4 })
      ),
      day: fc.integer({ min: 0, max: 12 }),
      shape: fc.constantFrom("day", "month", "instant", "open", "long")
    })
    .map(({ day, id, shape }): Timeline.Item => {
      const earliest = shape === "open" ? -Infinity : Date.UTC(2011, 11, 1) + day * DAY
      const latest = shape === "day" ? earliest + DAY - 1 : shape === "month" ? earliest + 31 * DAY - 1 : shape === "instant" ? earliest : shape === "long" ? earliest + 400 * DAY : Infinity
      const uncertain = day % 5 === 0
      return { id: key(id), earliest, startLatest: shape === "open" ? latest : earliest, endEarliest: earliest === -Infinity ? latest : earliest, latest, uncertain, event: { id } as AnyEvent }
    })

  test.prop([fc.array(arbItem, { minLength: 300, maxLength: 1500 }), fc.array(fc.nat(), { maxLength: 600 })], { numRuns: 12 })(
    "adding and removing in any order gives the state a bulk build of the survivors gives",
    (items, removals) => {
      const model = new Map<Id.EventId, Timeline.Item>()
      let tl = Timeline.empty
      for (const item of items) {
        tl = ok(Timeline.addItem(tl, item))
        model.set(item.id, item)
      }
      expectSameEvents(tl, ok(Timeline.fromItems(items)))
      const ids = [...model.keys()]
      for (const r of removals) {
        const id = ids[r % ids.length]!
        tl = Timeline.remove(tl, id)
        model.delete(id)
      }
      const survivors = [...model.values()]
      expectSameEvents(tl, ok(Timeline.fromItems(survivors)))
      expect(Timeline.size(tl)).toBe(model.size)
      expect(Timeline.events(tl)).toEqual(Items.sortItems(survivors).map((i) => i.event))
      for (const id of ids) expect(Timeline.get(tl, id)).toBe(model.get(id)?.event)
      // Putting the removed ones back restores the first timeline.
      for (const item of items) if (!model.has(item.id)) tl = ok(Timeline.addItem(tl, item))
      expectSameEvents(tl, ok(Timeline.fromItems(items)))
    }
  )

  it("tells apart ids that are prefixes of each other, differ in case or only past the BMP, and forgets each once removed", () => {
    const ids = ["", "a", "A", "ab", "a\u0000", "a\uffff", "a\u{1F600}", "a\u{1F601}", ...colliding.flat()]
    const items = ids.map((id, i): Timeline.Item => ({
      id: key(id), earliest: i * DAY, startLatest: i * DAY, endEarliest: i * DAY, latest: i * DAY, uncertain: false, event: { id } as AnyEvent
    }))
    let one = Timeline.empty
    for (const item of items) one = ok(Timeline.addItem(one, item))
    for (const tl of [one, ok(Timeline.fromItems(items))]) {
      for (const item of items) expect(Timeline.get(tl, item.id)).toBe(item.event)
      expect(Timeline.get(tl, key("b"))).toBeUndefined()
      let left = tl
      for (const [k, item] of items.entries()) {
        left = Timeline.remove(left, item.id)
        expect(Timeline.get(left, item.id)).toBeUndefined()
        expect(Timeline.size(left)).toBe(items.length - k - 1)
        for (const rest of items.slice(k + 1)) expect(Timeline.get(left, rest.id)).toBe(rest.event)
      }
    }
  })

  test.prop([fc.integer({ min: 0, max: 2 ** 31 - 1 })], { numRuns: 3 })(
    "grows to thousands of events one by one and shrinks back to none, answering like a model throughout",
    (seed) => {
      let s = seed
      const next = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32
      const items = Array.from({ length: 6000 }, (_, i): Timeline.Item => {
        const earliest = Math.floor(next() * 40) * DAY
        const latest = earliest + (next() < 0.8 ? DAY - 1 : Math.floor(next() * 90) * DAY)
        return { id: key(`g${Math.floor(next() * 1e6)}-${i}`), earliest, startLatest: earliest, endEarliest: latest, latest, uncertain: i % 9 === 0, event: { id: `g${i}` } as AnyEvent }
      })
      const model = new Map<string, Timeline.Item>()
      const check = (tl: Timeline.Timeline) => {
        expect(Timeline.size(tl)).toBe(model.size)
        const from = Math.floor(next() * 50) * DAY
        const to = from + Math.floor(next() * 5) * DAY
        const scan = Items.sortItems([...model.values()].filter((i) => i.earliest <= to && i.latest >= from)).map((i) => i.event)
        expect(Timeline.inWindow(tl, { from, to }).map((h) => h.event)).toEqual(scan)
      }
      let tl = Timeline.empty
      for (const [k, item] of items.entries()) {
        tl = ok(Timeline.addItem(tl, item))
        model.set(item.id, item)
        if (k % 500 === 0) check(tl)
      }
      expectSameEvents(tl, ok(Timeline.fromItems(items)))
      const order = items.map((i) => i.id).sort(() => next() - 0.5)
      for (const [k, id] of order.entries()) {
        tl = Timeline.remove(tl, id)
        model.delete(id)
        if (k % 500 === 0) check(tl)
      }
      expect(Timeline.size(tl)).toBe(0)
      expect(Timeline.events(tl)).toEqual([])
    }
  )

  it("replaces an item inserted again under the same key, the first of a chunk included", () => {
    const items: Array<Timeline.Item> = Array.from({ length: 300 }, (_, i) => {
      const earliest = (i % 7) * DAY
      return { id: key(`k${i}`), earliest, startLatest: earliest, endEarliest: earliest, latest: earliest + DAY - 1, uncertain: false, event: { id: `k${i}` } as AnyEvent }
    })
    const again = items.map((i) => ({ ...i, event: { id: i.id, title: "corrected" } as unknown as AnyEvent }))
    let timeline = ok(Timeline.fromItems(items))
    for (const item of again) timeline = ok(Timeline.addItem(timeline, item))
    expectSameEvents(timeline, ok(Timeline.fromItems(again)))
    expect(Timeline.events(timeline).every((e) => (e as unknown as { readonly title?: string }).title === "corrected")).toBe(true)
  })

  it("lets the last of repeated ids win in a bulk build, as adding them one by one does", () => {
    const first = { id: key("dup"), earliest: 0, startLatest: 0, endEarliest: 0, latest: 0, uncertain: false, event: { id: "dup" } as AnyEvent }
    const second = { ...first, earliest: DAY, startLatest: DAY, endEarliest: DAY, latest: DAY }
    const bulk = ok(Timeline.fromItems([first, second]))
    expectSameEvents(bulk, ok(Timeline.addItem(ok(Timeline.addItem(Timeline.empty, first)), second)))
    expect(Timeline.size(bulk)).toBe(1)
  })
})

describe("Timeline: gaps refuse what they cannot answer", () => {
  it("fails with a typed error, never throws, outside 0000–9999 or for too many units", () => {
    const far = ok(Timeline.fromRecords([
      ...records.filter((r) => r.type !== "event"),
      { ...records.find((r) => r.id === "zhanaozen-2011-12-16-shooting")!, when: When.makeUnsafe("Y12345") } as AnyEvent
    ]))
    const r = Calendar.gaps(far, "year")
    expect(Result.isFailure(r) && r.failure._tag).toBe("TimelineQueryError")
    const wide = Calendar.gaps(timeline, "day", { from: "1000", to: "2023" })
    expect(Result.isFailure(wide) && wide.failure._tag).toBe("TimelineQueryError")
    expect(Result.isFailure(wide) && wide.failure.reason).toMatch(/narrow the window/)
  })
})

describe("Timeline: same-as classes merge", () => {
  const base = zhanaozen.all.map((r) => Record.decodeUnsafe(r))
  const duplicate = Record.decodeUnsafe({
    ...zhanaozen.events.find((e) => e.id === "zhanaozen-2011-12-16-shooting")!,
    id: "shooting-second-report",
    when: "2011-12"
  })
  const sameAs = (id: string, from: string, to: string) =>
    Record.decodeUnsafe({ type: "link", id, relation: "same-as", from, to, rationale: "two reports of one event", citations: [{ source: "src-fact-sheet" }] })
  const december = { from: "2011-12-16", to: "2011-12-16", timeZone: "Asia/Aqtau" }

  it("answers a class of reports once, by its earliest report, with the others as duplicates", () => {
    const apart = ok(Timeline.fromRecords([...base, duplicate]))
    const ids = (t: Timeline.Timeline) => Result.getOrThrow(Timeline.query(t, december)).map((h) => h.event.id)
    expect(ids(apart)).toEqual(expect.arrayContaining(["zhanaozen-2011-12-16-shooting", "shooting-second-report"]))
    const merged = ok(Timeline.fromRecords([...base, duplicate, sameAs("l1", "shooting-second-report", "zhanaozen-2011-12-16-shooting")]))
    const hits = Result.getOrThrow(Timeline.query(merged, december))
    // The month-precision report starts earlier, so it represents the class.
    const hit = hits.find((h) => h.event.id === "shooting-second-report")!
    expect(hit.duplicates?.map((e) => e.id)).toEqual(["zhanaozen-2011-12-16-shooting"])
    expect(hit.certainty).toBe("certain")
    expect(hits.filter((h) => h.event.id === "zhanaozen-2011-12-16-shooting")).toEqual([])
    expect(hits.length).toBe(ids(apart).length - 1)
  })

  it("is an equivalence: symmetric and transitive, and undone when the link is retracted", async () => {
    const third = Record.decodeUnsafe({ ...duplicate, id: "shooting-third-report", when: "2011-12-16" })
    const records = [...base, duplicate, third, sameAs("l1", "zhanaozen-2011-12-16-shooting", "shooting-second-report"), sameAs("l2", "shooting-third-report", "shooting-second-report")]
    const classes = Timeline.sameAsClasses(ok(Timeline.fromRecords(records)))
    expect(new Set(["zhanaozen-2011-12-16-shooting", "shooting-second-report", "shooting-third-report"].map((id) => classes.get(eventId(id))))).toEqual(new Set(["shooting-second-report"]))
    const entries = await Effect.runPromise(
      Effect.gen(function*() {
        const journal = yield* Journal.Journal
        let i = 0
        for (const record of records) yield* journal.commit({ idempotencyKey: `k${i++}`, appends: [{ _tag: "revision", record, expected: "none" }] })
        yield* journal.commit({ idempotencyKey: "retract", appends: [{ _tag: "retraction", stream: { type: "link", id: "l2" }, expected: "any", reason: "not the same event" }] })
        return yield* Stream.runCollect(journal.readAll())
      }).pipe(Effect.provide(Journal.layerMemory()))
    )
    const after = Timeline.sameAsClasses(Projection.replay(Timeline.projection, entries))
    expect(after.get(eventId("shooting-third-report"))).toBeUndefined()
    expect(after.get(eventId("zhanaozen-2011-12-16-shooting"))).toBe("shooting-second-report")
  })
})
