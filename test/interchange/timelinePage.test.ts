/**
 * The timeline page as text, without a browser: one document with its data as JSON that cannot
 * end its element, a Content-Security-Policy whose hashes are those of the page's own script and
 * style, each event's every revision and retraction with its record time, dates placed in the
 * calendar of their place, only http(s) links, the full table for readers without the script, and
 * options of the wrong kind read as the defaults. (The browser test shows the page at work.)
 */
import { createHash } from "node:crypto"
import { describe, expect, it } from "vitest"
import { zhanaozen } from "../../src/datasets/index.js"
import { TimelinePage } from "../../src/interchange/index.js"
import { type PageData, pageData } from "../../src/interchange/internal/page/data.js"
import { pack, scriptWire } from "../../src/interchange/internal/page/wire.js"
import { records } from "./fixtures.js"
import { hostileEntries, payloads } from "./timelinePageHostile.js"
import { duplicateId, movedId, shootingId, zhanaozenEntries } from "./timelinePageFixtures.js"

const DAY = 86_400_000

// The page's data as its script reads it: unpacked by the script's own code.
const unpack = new Function(`"use strict";${scriptWire}; return unpack`)() as (packed: unknown) => PageData
const dataOf = (html: string): PageData => {
  const json = /<script type="application\/json" id="tl-data">([\s\S]*?)<\/script>/u.exec(html)![1]!
  return unpack(JSON.parse(json))
}
const scriptOf = (html: string): string => /<script>([\s\S]*?)<\/script>/u.exec(html)![1]!
const styleOf = (html: string): string => /<style>([\s\S]*?)<\/style>/u.exec(html)![1]!
const sha256 = (text: string): string => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`

describe("TimelinePage", () => {
  it("is one HTML document whose policy lets only its own script and style run, and fetches nothing", async () => {
    const html = TimelinePage.fromEntries(await zhanaozenEntries(), { title: "Zhanaozen" })
    expect(html.startsWith("<!doctype html>\n<html lang=\"en\">")).toBe(true)
    const policy = /http-equiv="Content-Security-Policy" content="([^"]*)"/u.exec(html)![1]!
    expect(policy).toContain("default-src 'none'")
    expect(policy).toContain(`script-src ${sha256(scriptOf(html))}`)
    expect(policy).toContain(`style-src ${sha256(styleOf(html))}`)
    expect(html).not.toMatch(/<(?:link|img|iframe)\b|\bsrc=|@import|url\(http/iu)
    expect(html.match(/<script\b/gu)).toHaveLength(2)
  })

  it("packs its data so that the script's own unpacking gives every field back", async () => {
    const settings = { title: "t", description: "", groupBy: "place", policy: "envelope", asOf: undefined, timesKnown: true, history: true } as const
    const zeroHigh = { ...records.find((r) => r.type === "event" && r.id === shootingId)!, injured: [{ value: { kind: "exact", value: 0 }, citations: [] }] }
    for (const entries of [await zhanaozenEntries(), hostileEntries(), [{ position: 1, stream: { type: "event", id: shootingId }, revision: 0, recordedAt: 0, body: { _tag: "revision", record: zeroHigh } }]]) {
      const data = pageData(entries, settings)
      expect(unpack(JSON.parse(JSON.stringify(pack(data))))).toEqual(JSON.parse(JSON.stringify(data)))
    }
  })

  it("carries every revision and retraction of every event, with its record time, author and reason", async () => {
    const entries = await zhanaozenEntries()
    const data = dataOf(TimelinePage.fromEntries(entries))
    expect(data.times).toEqual([...new Set(entries.map((e) => e.recordedAt))].sort((a, b) => a - b))
    expect(data.asOf).toBe(data.times!.length - 1)
    const stream = (id: string) => data.events.find((e) => e.id === id)!.v
    expect(stream(shootingId).map((v) => v.r)).toEqual([1, 2])
    expect(stream(shootingId)[1]!.why).toBe("further tolls and the activists' count reported")
    expect(stream(shootingId)[0]!.x!.counts.find((k) => k.f === "killed")!.claims).toHaveLength(1)
    const duplicate = stream(duplicateId)
    expect(duplicate.map((v) => v.x === undefined)).toEqual([false, true])
    expect(duplicate[1]!.why).toBe(`duplicate of ${shootingId}`)
    expect(stream(movedId).map((v) => v.x!.when)).toEqual(["2023-04-12", "2023-04-10/2023-04-11"])
    expect(data.events.length).toBe(zhanaozen.events.length + 1)
    expect(data.links.length).toBe(zhanaozen.links.length)
  })

  it("with history: false, holds only what is current: no retracted record, no earlier revision", async () => {
    const html = TimelinePage.fromEntries(await zhanaozenEntries(), { history: false })
    const data = dataOf(html)
    expect(data.history).toBe(false)
    expect(data.events.find((e) => e.id === duplicateId)).toBeUndefined()
    expect(data.events.find((e) => e.id === shootingId)!.v.map((v) => v.r)).toEqual([2])
    expect(data.events.every((e) => e.v.length === 1 && e.v[0]!.x !== undefined)).toBe(true)
    expect(data.events.find((e) => e.id === movedId)!.v.map((v) => v.x!.when)).toEqual(["2023-04-10/2023-04-11"])
  })

  it("places dates in the calendar of their place, with the widening of ~ apart", () => {
    const data = dataOf(TimelinePage.fromRecords(records))
    const view = (id: string) => data.events.find((e) => e.id === id)!.v[0]!.x!
    const day = Date.UTC(2011, 11, 16) / DAY
    expect(view(shootingId).b).toEqual([day, day + 1, day, day + 1])
    expect(view(shootingId).words).toBe("16 December 2011")
    const approximate = data.events.map((e) => e.v[0]!.x!).find((x) => x.when === "2011-05~/2011-12~")!
    expect(approximate.approx).toBe(true)
    expect(approximate.b[0]).toBe(Date.UTC(2011, 3, 1) / DAY)
    expect(approximate.core).toEqual([Date.UTC(2011, 4, 1) / DAY, Date.UTC(2012, 0, 1) / DAY])
  })

  it("keeps every claim with each policy's summary, and which claims each keeps", () => {
    const data = dataOf(TimelinePage.fromRecords(records, { policy: "official" }))
    expect(data.policy).toBe("official")
    const killed = data.events.find((e) => e.id === shootingId)!.v[0]!.x!.counts.find((k) => k.f === "killed")!
    expect(killed.claims.length).toBeGreaterThan(2)
    expect(killed.kept["all"]).toHaveLength(killed.claims.length)
    expect(killed.kept["official"]!.every((i) => killed.claims[i]!.off)).toBe(true)
    expect(killed.kept["lowest"]).toHaveLength(1)
    expect(Object.keys(killed.sum).sort()).toEqual(["all", "envelope", "highest", "lowest", "official"])
  })

  it("gives records without a journal no record-time slider, unless told when they were recorded", () => {
    expect(dataOf(TimelinePage.fromRecords(records)).times).toBeNull()
    const at = Date.UTC(2026, 10, 28)
    expect(dataOf(TimelinePage.fromRecords(records, { recordedAt: new Date(at) })).times).toEqual([at])
  })

  it("escapes every text for where it goes, keeps only http(s) links, and writes the table for readers without the script", () => {
    const html = TimelinePage.fromEntries(hostileEntries(), { title: payloads[1]!, description: payloads[0]! })
    // Nothing a record holds can end the JSON's element or the page's script.
    expect(html.match(/<\/script/giu)).toHaveLength(2)
    expect(dataOf(html).title).toBe(payloads[1])
    expect(html).toContain(`<title>&lt;/script&gt;&lt;script&gt;window.__pwned = 2&lt;/script&gt;</title>`)
    const hrefs = [...html.matchAll(/href="([^"]*)"/gu)].map((m) => m[1]!)
    expect(hrefs.length).toBeGreaterThan(0)
    // Links leave the page only for http(s); inside it, rows link to their sources by number.
    expect(hrefs.every((h) => /^https?:\/\//u.test(h) || /^#tl-s\d+$/u.test(h))).toBe(true)
    for (const h of hrefs.filter((x) => x.startsWith("#"))) expect(html).toContain(`<li id="${h.slice(1)}">`)
    const sources = Object.values(dataOf(html).sources)
    expect(sources.filter((s) => s.u !== undefined).map((s) => s.u)).toEqual(["https://example.org/report?a=1&b=2", "https://example.org/photo.png"])
    const noscript = /<noscript>([\s\S]*)<\/noscript>/u.exec(html)![1]!
    expect(noscript.match(/<tr>/gu)!.length).toBeGreaterThan(payloads.length / 2)
    expect(noscript).not.toMatch(/<(?:script|img|svg|iframe|style|a href="javascript)/iu)
  })

  it("reads options of the wrong kind as the defaults, and never throws", () => {
    const data = dataOf(TimelinePage.fromRecords(records, { groupBy: "weather", policy: "median", title: 7, asOf: "yesterday" } as never))
    expect([data.groupBy, data.policy, data.title]).toEqual(["place", "envelope", "Timeline"])
    for (const input of [null, undefined, 42, "text", {}, [null, 1, { stream: {} }], { [Symbol.iterator]: () => { throw new Error("no") } }]) {
      expect(dataOf(TimelinePage.fromEntries(input as never)).events).toEqual([])
      expect(dataOf(TimelinePage.fromRecords(input as never)).events).toEqual([])
    }
  })

  it("opens at the record time asked for", async () => {
    const entries = await zhanaozenEntries()
    const moved = entries.find((e) => e.stream.id === movedId && e.revision === 1)!.recordedAt
    const data = dataOf(TimelinePage.fromEntries(entries, { asOf: moved, groupBy: "actor" }))
    expect(data.times![data.asOf]).toBe(moved)
    expect(data.groupBy).toBe("actor")
  })
})
