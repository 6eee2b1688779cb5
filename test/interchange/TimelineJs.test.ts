/**
 * The TimelineJS document without a browser: dates carry only the parts their `when` states and
 * say their uncertainty in words, record text is escaped, groups and media follow the options,
 * and the streaming forms give the same text as the one-shot function.
 */
import { fc } from "@fast-check/vitest"
import { Effect, Result, Stream } from "effect"
import { describe, expect, it } from "vitest"
import { Projection, Record } from "../../src/index.js"
import { TimelineJs } from "../../src/interchange/index.js"
import { arbEvent, arbPlace, arbSource } from "../../src/testing/index.js"
import { hostile, hostileTitles, seed, timeline } from "./fixtures.js"

const cite = [{ source: "s" }]
const at = (when: string) => {
  const records = [
    { type: "source", id: "s", outlet: "Outlet", kind: "news" },
    { type: "place", id: "p", kind: "town", name: "Zhanaozen", timeZone: "Asia/Aqtau" },
    { type: "event", kind: "rally", id: "e", title: "A rally", when, where: { place: "p", timeZone: "Asia/Aqtau" }, form: "march", citations: cite }
  ].map((r) => Result.getOrThrow(Record.decode(r)))
  const slide = TimelineJs.fromTimeline(Result.getOrThrow(Projection.Timeline.fromRecords(records))).events[0]!
  return { start: slide.start_date, end: slide.end_date, words: slide.display_date }
}

describe("TimelineJS dates", () => {
  it.each([
    ["2011-12-16", { year: 2011, month: 12, day: 16 }, undefined, "16 December 2011"],
    ["2011-06~", { year: 2011, month: 6 }, undefined, "about June 2011"],
    ["2012-08-06?", { year: 2012, month: 8, day: 6 }, undefined, "6 August 2012 (uncertain)"],
    ["2011%", { year: 2011 }, undefined, "about 2011 (uncertain)"],
    ["2011-12-16/2011-12-18", { year: 2011, month: 12, day: 16 }, { year: 2011, month: 12, day: 18 }, "16–18 December 2011"],
    ["2011-05~/2011-12~", { year: 2011, month: 5 }, { year: 2011, month: 12 }, "about May 2011 – about December 2011"],
    ["2011-05-11/..", { year: 2011, month: 5, day: 11 }, undefined, "from 11 May 2011, ongoing"],
    ["2011-05-11/", { year: 2011, month: 5, day: 11 }, undefined, "from 11 May 2011, end unknown"],
    ["../2012-01", { year: 2012, month: 1 }, undefined, "until January 2012"],
    ["201X", { year: 2010 }, { year: 2019 }, "the 2010s"],
    ["2011-21", { year: 2011, month: 1 }, { year: 2011, month: 3 }, "spring (January–March) 2011"],
    ["2011-XX", { year: 2011 }, undefined, "2011"],
    ["2011-12-16T10:05:00+05:00", { year: 2011, month: 12, day: 16, hour: 10, minute: 5, second: 0 }, undefined, "16 December 2011, 10:05 UTC+05:00"]
  ] as const)("%s: start %j, end %j, shown as %j", (when, start, end, words) => {
    const got = at(when)
    expect(got.start).toEqual(start)
    expect(got.end).toEqual(end)
    expect(got.words).toBe(words)
  })
})

describe("TimelineJS document", () => {
  it("one slide per event in timeline order, ids and display dates set, links in the text", () => {
    const doc = TimelineJs.fromTimeline(timeline)
    const events = Projection.Timeline.events(timeline)
    expect(doc.events.map((s) => s.unique_id)).toEqual(events.map((e) => e.id))
    expect(doc.title).toBeUndefined()
    for (const slide of doc.events) {
      expect(slide.display_date.length).toBeGreaterThan(0)
      expect(slide.autolink).toBe(false)
      expect(slide.group).toBeUndefined()
    }
    const shooting = doc.events.find((s) => s.unique_id === "zhanaozen-2011-12-16-shooting")!
    expect(shooting.text.text).toContain("<strong>Killed:</strong>")
    expect(shooting.text.text).toMatch(/<a href="https:\/\/[^"]+" target="_blank" rel="noopener">/u)
  })

  it("escapes every text from a record, and keeps markup out of groups", () => {
    const { timeline: t } = hostile(hostileTitles)
    const doc = TimelineJs.fromTimeline(t, { groupBy: "place", title: { headline: "<b>x</b>" } })
    expect(doc.title?.text.headline).toBe("&lt;b&gt;x&lt;/b&gt;")
    for (const slide of doc.events) {
      for (const html of [slide.text.headline, slide.text.text, slide.media?.caption ?? "", slide.media?.credit ?? ""]) {
        // The only tags are the export's own.
        for (const tag of html.match(/<[^>]*>/gu) ?? []) expect(tag).toMatch(/^<\/?(p|strong|a( href="[^"<>]*" target="_blank" rel="noopener")?)>$/u)
      }
      expect(slide.group ?? "").not.toMatch(/[<>]/u)
    }
    expect(doc.events.find((s) => s.unique_id === "e1")!.text.headline).toBe("&lt;script&gt;window.__pwned = 1&lt;/script&gt;")
    expect(doc.events.find((s) => s.unique_id === "e11")!.text.headline).toBe("two lines and a tab here")
  })

  it("takes media only from a source TimelineJS can show, credited to its outlet", () => {
    const { timeline: t } = hostile(hostileTitles)
    const slides = TimelineJs.fromTimeline(t).events
    expect(slides.filter((s) => s.media !== undefined).map((s) => s.media!.url)).toEqual(
      slides.filter((s) => Number(s.unique_id!.slice(1)) % 2 === 1).map(() => "https://example.org/photo.png")
    )
    expect(TimelineJs.fromTimeline(t, { media: false }).events.every((s) => s.media === undefined)).toBe(true)
  })

  it("groups by kind", () => {
    const groups = new Set(TimelineJs.fromTimeline(timeline, { groupBy: "kind" }).events.map((s) => s.group))
    expect(groups.has("strike")).toBe(true)
    expect(groups.has("official statement")).toBe(true)
  })

  it("exports a value that is not a timeline, or bad options, as an empty timeline or the defaults", () => {
    expect(TimelineJs.fromTimeline(undefined as never)).toEqual({ events: [] })
    expect(TimelineJs.fromTimeline(timeline, { groupBy: "nonsense", title: 7 } as never).events[0]?.group).toBeUndefined()
  })
})

describe("TimelineJS on generated records", () => {
  it("a slide per event, the JSON text is the document, no markup from a record", () => {
    const arbCase = fc.tuple(fc.array(arbSource, { maxLength: 4 }), fc.array(arbPlace, { maxLength: 4 }), fc.array(arbEvent, { minLength: 1, maxLength: 8 }))
    fc.assert(
      fc.property(arbCase, fc.constantFrom("none", "place", "kind"), ([sources, places, events], groupBy) => {
        const decoded = [...sources, ...places, ...events].flatMap((r) => {
          const d = Record.decode(r)
          return Result.isSuccess(d) ? [d.success] : []
        })
        const t = Projection.Timeline.fromRecords(decoded)
        if (Result.isFailure(t)) return
        const doc = TimelineJs.fromTimeline(t.success, { groupBy })
        expect(doc.events.map((s) => s.unique_id)).toEqual(Projection.Timeline.events(t.success).map((e) => e.id))
        expect(JSON.parse(TimelineJs.toJson(t.success, { groupBy }))).toEqual(doc)
        for (const slide of doc.events) {
          expect(Number.isInteger(slide.start_date.year)).toBe(true)
          for (const tag of `${slide.text.headline}${slide.text.text}`.match(/<[^>]*>/gu) ?? []) {
            expect(tag).toMatch(/^<\/?(p|strong|a( href="[^"<>]*" target="_blank" rel="noopener")?)>$/u)
          }
          expect(slide.group ?? "").not.toMatch(/[<>]/u)
        }
      }),
      { seed: seed("TimelineJS generated records"), numRuns: 100 }
    )
  })
})

describe("TimelineJS streaming forms", () => {
  it("the pieces join to the one-shot text, which is JSON.stringify of the document, walk after walk", async () => {
    for (const options of [{}, { indent: true }, { indent: true, title: { headline: "T" } }] as const) {
      const text = TimelineJs.toJson(timeline, options)
      const doc = TimelineJs.fromTimeline(timeline, options)
      expect(text).toBe("indent" in options ? JSON.stringify(doc, null, 2) : JSON.stringify(doc))
      const pieces = TimelineJs.jsonChunks(timeline, options)
      expect([...pieces].join("")).toBe(text)
      expect([...pieces].length).toBe(doc.events.length + 2)
      const streamed = await Effect.runPromise(Stream.runCollect(TimelineJs.stream(timeline, options)))
      expect(streamed.join("")).toBe(text)
    }
    expect(TimelineJs.toJson(Projection.Timeline.empty)).toBe('{"events":[]}')
    expect(TimelineJs.toJson(Projection.Timeline.empty, { indent: true })).toBe(JSON.stringify({ events: [] }, null, 2))
  })
})
