/**
 * The TimelineJS export in a real browser: Knight Lab's TimelineJS 3 (from its npm package,
 * served from disk) builds `new TL.Timeline(element, document)` for the bundled Zhanaozen
 * chronicle and for a chronicle of hostile titles, with no page error and no console error, one
 * slide and one marker per event, every headline shown as text, and no element injected by a
 * record's text (no script ran, no picture from a title appeared).
 */
import type { Browser } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { Projection } from "../../src/index.js"
import { TimelineJs } from "../../src/interchange/index.js"
import { launch, openPage, origin } from "./browser.js"
import { hostile, hostileTitles, timeline } from "./fixtures.js"

const page = `<!doctype html>
<html><head><meta charset="utf-8">
<link rel="stylesheet" href="/timelinejs/css/timeline.css">
<script src="/timelinejs/js/timeline.js"></script>
</head><body><div id="timeline" style="width: 1000px; height: 700px"></div></body></html>`

interface Shown {
  readonly slides: number
  readonly markers: number
  readonly headlines: ReadonlyArray<string>
  readonly groups: ReadonlyArray<string>
  readonly scripts: number
  readonly injected: number
  readonly pwned: unknown
}

/** The little of the DOM the checks read (the project's types carry no DOM library). */
interface Dom {
  readonly document: { querySelectorAll(selector: string): ArrayLike<{ readonly textContent: string | null }> }
  readonly TL: { readonly Timeline: new (id: string, data: unknown, options?: unknown) => unknown }
  readonly __pwned?: unknown
  built?: unknown
}

/** Builds the timeline in a fresh page and reads what it shows. */
const show = async (browser: Browser, doc: TimelineJs.Document) => {
  const { page: p, errors } = await openPage(browser, page)
  await p.evaluate(([json, base]) => {
    const w = globalThis as unknown as Dom
    // No network: TimelineJS's own files from disk, and a font set that needs no web font.
    w.built = new w.TL.Timeline("timeline", JSON.parse(json), { hash_bookmark: false, script_path: `${base}/timelinejs/js/`, font: "georgia-helvetica" })
  }, [JSON.stringify(doc), origin] as const)
  await p.waitForFunction((n) => (globalThis as unknown as Dom).document.querySelectorAll(".tl-timemarker").length >= n, doc.events.length)
  await p.waitForTimeout(300)
  const shown = await p.evaluate((): Shown => {
    const w = globalThis as unknown as Dom
    const all = (selector: string) => Array.from(w.document.querySelectorAll(selector))
    return {
      slides: all(".tl-slide").length,
      markers: all(".tl-timemarker").length,
      headlines: all(".tl-slide .tl-headline").map((h) => h.textContent ?? ""),
      groups: all(".tl-timegroup-message").map((g) => g.textContent ?? ""),
      scripts: all("script").length,
      injected: all("#timeline img[src='x'], #timeline script, #timeline b, #timeline iframe").length,
      pwned: w.__pwned
    }
  })
  await p.close()
  return { shown, errors }
}

describe("TimelineJS export in Chromium", () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launch()
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
  })

  it("shows the Zhanaozen chronicle: one slide per event, no error", async () => {
    const doc = TimelineJs.fromTimeline(timeline, { title: { headline: "Zhanaozen, 2011–2023", text: "Oil workers' protests" }, groupBy: "place" })
    expect(doc.events).toHaveLength(Projection.Timeline.size(timeline))
    const { shown, errors } = await show(browser, doc)
    expect(errors).toEqual([])
    expect(shown.markers).toBe(doc.events.length)
    expect(shown.slides).toBe(doc.events.length + 1)
    const titles = Projection.Timeline.events(timeline).map((e) => e.title.replace(/\s+/gu, " ").trim())
    for (const title of titles) expect(shown.headlines).toContain(title)
    expect(shown.groups.length).toBeGreaterThan(1)
  }, 120_000)

  it("shows hostile titles as text and lets no markup through", async () => {
    const { timeline: t } = hostile(hostileTitles)
    for (const groupBy of ["place", "kind"] as const) {
      const doc = TimelineJs.fromTimeline(t, { title: { headline: hostileTitles[1]!, text: hostileTitles[2]! }, groupBy })
      const { shown, errors } = await show(browser, doc)
      expect(errors).toEqual([])
      expect(shown.markers).toBe(hostileTitles.length)
      expect(shown.slides).toBe(hostileTitles.length + 1)
      for (const title of hostileTitles) expect(shown.headlines).toContain(title.replace(/\s+/gu, " ").trim())
      expect(shown.headlines).toContain(hostileTitles[1])
      expect(shown.injected).toBe(0)
      expect(shown.scripts).toBe(1)
      expect(shown.pwned).toBeUndefined()
      // TimelineJS reads a group as plain text and writes it back as HTML: angle brackets come as ‹ and ›.
      const groups = groupBy === "kind" ? ["rally", "detention"] : [hostileTitles[1]!, hostileTitles[2]!, hostileTitles[5]!].map((name) => name.replace(/</gu, "\u2039").replace(/>/gu, "\u203a"))
      expect([...shown.groups].sort()).toEqual([...groups].sort())
    }
  }, 120_000)
})
