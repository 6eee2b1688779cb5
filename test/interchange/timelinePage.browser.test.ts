/**
 * The timeline page in a real browser (Debian's Chromium through playwright-core): the Zhanaozen
 * chronicle, recorded with a history, renders with no error and no request at 1280×800 and
 * 375×667 (screenshots kept in .tmp/timeline-page/); the record-time slider, the filters and the
 * claim policy change what the page shows; keyboard and zoom work; participants' own counts, the
 * days claims were made (in words) and date-times with an offset (at their place's wall time) are
 * shown; without JavaScript the table lists every event with its sources; axe-core finds no
 * violation at all; print hides the controls; and a corpus of hostile texts in every field
 * (titles, quotes, actor and place names, source URLs, reasons) runs nothing, with the page's
 * Content-Security-Policy on and with it switched off.
 */
import { readFileSync } from "node:fs"
import { createRequire } from "node:module"
import { join } from "node:path"
import type { Browser } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { zhanaozen } from "../../src/datasets/index.js"
import { TimelinePage } from "../../src/interchange/index.js"
import type { Entry } from "../../src/journal/index.js"
import { ClaimPolicy, Count, type Record } from "../../src/index.js"
import { launch, origin } from "./browser.js"
import { hostileEntries, payloads } from "./timelinePageHostile.js"
import { artifacts, choose, openTimelinePage, shown } from "./timelinePageBrowser.js"
import { duplicateId, movedId, shootingId, zhanaozenEntries } from "./timelinePageFixtures.js"

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8")

type Shooting = Record.Record & { readonly killed: ReadonlyArray<unknown> }
const shooting = zhanaozen.events.find((e) => e.id === shootingId) as unknown as Shooting
// The attribution of the bundled records (actors and sources), as the page reads it.
const attribution = ClaimPolicy.attribution({ actors: zhanaozen.actors as never, sources: zhanaozen.sources as never })
const killedBy = (policy: ClaimPolicy.ClaimPolicy): string => Count.format(ClaimPolicy.summarize(shooting.killed as never, policy, attribution).count!)

describe("the timeline page in Chromium", () => {
  let browser: Browser
  let entries: ReadonlyArray<Entry>
  let html: string
  let times: ReadonlyArray<number>
  const timeIndex = (ms: number): string => String(times.indexOf(ms))
  const recordedAt = (id: string, revision: number): number => entries.find((e) => e.stream.id === id && e.revision === revision)!.recordedAt

  beforeAll(async () => {
    entries = await zhanaozenEntries()
    times = [...new Set(entries.map((e) => e.recordedAt))].sort((a, b) => a - b)
    html = TimelinePage.fromEntries(entries, { title: "Zhanaozen, 2011–2023", description: "Oil workers' protests and what followed" })
    browser = await launch()
  }, 120_000)
  afterAll(async () => {
    await browser?.close()
  })

  it.each([[1280, 800], [375, 667]] as const)("renders the Zhanaozen chronicle at %i×%i: no error, no request, every event", async (width, height) => {
    const { page, context, errors, requests, dialogs } = await openTimelinePage(browser, html, { width, height })
    try {
      const s = await shown(page)
      const current = new Set(entries.filter((e) => e.stream.type === "event").map((e) => e.stream.id))
      current.delete(duplicateId)
      expect(s.rows).toHaveLength(current.size)
      expect(s.marks).toBe(current.size)
      expect(s.status).toContain(`Showing all ${current.size} events`)
      expect(await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth)).toBeLessThanOrEqual(width)
      await page.screenshot({ path: join(artifacts, `zhanaozen-${width}x${height}.png`) })
      await page.screenshot({ path: join(artifacts, `zhanaozen-${width}x${height}-full.png`), fullPage: true })
      expect(errors).toEqual([])
      expect(requests).toEqual([])
      expect(dialogs).toEqual([])
    } finally {
      await context.close()
    }
  })

  it("the record-time slider shows the chronicle as recorded then: events appear, move and vanish", async () => {
    const { page, context, errors } = await openTimelinePage(browser, html)
    try {
      const rowOf = async (title: string) => (await shown(page)).rows.filter((r) => r[1]!.startsWith(title))
      const shootingTitle = (shooting as unknown as { title: string }).title
      const moved = zhanaozen.events.find((e) => e.id === movedId) as unknown as { title: string }
      expect((await rowOf(shootingTitle))[0]![4]).toContain(`Killed: ${killedBy("envelope")}`)

      // Before any event was recorded: only context.
      await choose(page, "tl-asof", "0", "input")
      expect((await shown(page)).rows).toEqual([])
      expect((await shown(page)).status).toContain("Showing all 0 events")
      expect((await shown(page)).marks).toBe(0)

      // The shooting as first recorded: one official toll.
      await choose(page, "tl-asof", timeIndex(recordedAt(shootingId, 1)), "input")
      expect((await rowOf(shootingTitle))[0]![4]).toMatch(new RegExp(`Killed: ${Count.format((shooting.killed[0] as { value: Count.Count }).value)}$`))
      // The duplicate report, recorded and then retracted.
      await choose(page, "tl-asof", timeIndex(recordedAt(duplicateId, 1)), "input")
      expect(await rowOf(shootingTitle)).toHaveLength(2)
      await choose(page, "tl-asof", timeIndex(recordedAt(duplicateId, 2)), "input")
      expect(await rowOf(shootingTitle)).toHaveLength(1)
      expect((await shown(page)).status).toContain("1 retracted")

      // The Astana sit-in, first on the wrong day, then moved.
      await choose(page, "tl-asof", timeIndex(recordedAt(movedId, 1)), "input")
      expect((await rowOf(moved.title))[0]![0]).toContain("12 April 2023")
      await choose(page, "tl-asof", timeIndex(recordedAt(movedId, 2)), "input")
      expect((await rowOf(moved.title))[0]![0]).toContain("10–11 April 2023")

      // The panel keeps the whole history, later revisions marked as such.
      await choose(page, "tl-asof", timeIndex(recordedAt(shootingId, 1)), "input")
      await page.locator("#tl-table button", { hasText: shootingTitle }).first().click()
      const history = await page.locator("#tl-panel ol").last().innerText()
      expect(history).toContain("Recorded")
      expect(history).toContain("further tolls and the activists' count reported")
      expect(history).toContain("after the chosen record time")
      expect(errors).toEqual([])
    } finally {
      await context.close()
    }
  })

  it("the filters and the claim policy change what is shown", async () => {
    const { page, context, errors } = await openTimelinePage(browser, html)
    try {
      const all = (await shown(page)).rows.length
      await choose(page, "tl-kind", "detention")
      const detentions = await shown(page)
      expect(detentions.rows.length).toBeGreaterThan(0)
      expect(detentions.rows.length).toBeLessThan(all)
      expect(detentions.rows.every((r) => r[2] === "Detention")).toBe(true)
      expect(detentions.marks).toBe(detentions.rows.length)
      expect(detentions.status).toContain(`Showing ${detentions.rows.length} of ${all} events`)

      await choose(page, "tl-kind", "")
      await choose(page, "tl-place", "zhanaozen")
      // The place filter takes the places within it (the central square is in Zhanaozen), by an
      // event's place or any place it was also at.
      const inZhanaozen = (await shown(page)).rows.map((r) => r[1]).sort()
      const within = (id: string | undefined): boolean => id === "zhanaozen" || (id !== undefined && within((zhanaozen.places.find((p) => p.id === id) as { within?: string } | undefined)?.within))
      const expected = zhanaozen.events
        .filter((e) => [e.where.place, ...(e.where.alsoAt ?? [])].some(within))
        .map((e) => e.title)
      expect(inZhanaozen).toHaveLength(expected.length)
      expect(inZhanaozen.every((t) => expected.some((title) => t!.startsWith(title)))).toBe(true)

      await choose(page, "tl-place", "")
      await choose(page, "tl-text", "shetpe", "input")
      expect((await shown(page)).rows.length).toBeGreaterThan(0)
      expect((await shown(page)).rows.length).toBeLessThan(all)
      await page.click("#tl-clear")
      await page.waitForFunction((n) => (globalThis as any).document.querySelectorAll("#tl-table tbody tr").length === n, all)

      const shootingRow = async () => (await shown(page)).rows.find((r) => r[1]!.startsWith((shooting as unknown as { title: string }).title))!
      expect((await shootingRow())[4]).toContain(`Killed: ${killedBy("envelope")}`)
      await choose(page, "tl-policy", "official")
      expect((await shootingRow())[4]).toContain(`Killed: ${killedBy("official")}`)
      await choose(page, "tl-policy", "highest")
      expect((await shootingRow())[4]).toContain(`Killed: ${killedBy("highest")}`)
      expect((await shown(page)).status).toContain("highest claim")

      await choose(page, "tl-group", "kind")
      const lanes = await page.evaluate(() => Array.from((globalThis as any).document.querySelectorAll("#tl-chart .lane-label") as ArrayLike<any>).map((t) => String(t.textContent)))
      expect(lanes).toContain("Detention")
      expect(errors).toEqual([])
    } finally {
      await context.close()
    }
  })

  it("keyboard, tooltip, panel and zoom", async () => {
    const { page, context, errors } = await openTimelinePage(browser, html)
    try {
      const box = page.locator("#tl-chart .focus-box")
      await box.focus()
      const first = await box.getAttribute("aria-label")
      await page.keyboard.press("ArrowRight")
      const second = await box.getAttribute("aria-label")
      expect(second).not.toBe(first)
      await expect.poll(() => page.locator("#tl-tip").isVisible()).toBe(true)
      await page.keyboard.press("Enter")
      const title = await page.locator("#tl-panel h2").innerText()
      expect(second).toContain(title)
      expect(await page.locator("#tl-panel").innerText()).toContain("History")

      const ticks = () => page.evaluate(() => Array.from((globalThis as any).document.querySelectorAll("#tl-chart text.tick") as ArrayLike<any>).map((t) => t.textContent).join(" "))
      expect(await ticks()).toMatch(/^\d{4}/)
      for (let i = 0; i < 6; i++) await page.click("#tl-zoom-in")
      await page.evaluate(() => new Promise((done) => (globalThis as any).requestAnimationFrame(() => setTimeout(done, 0))))
      expect(await ticks()).toMatch(/Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/)
      expect(errors).toEqual([])
    } finally {
      await context.close()
    }
  })

  it.each([[1280, 800], [375, 667]] as const)("has no accessibility violation at all (axe-core) at %i×%i", async (width, height) => {
    const { page, context, errors } = await openTimelinePage(browser, html, { width, height, bypassCSP: true })
    try {
      await page.locator("#tl-table button").nth(3).click()
      await page.evaluate(() => new Promise((done) => (globalThis as any).requestAnimationFrame(() => setTimeout(done, 0))))
      await page.addScriptTag({ content: axeSource })
      const violations = await page.evaluate(async () => {
        const result = await (globalThis as any).axe.run((globalThis as any).document, { resultTypes: ["violations"] })
        return (result.violations as Array<{ id: string; impact: string; nodes: Array<{ target: unknown }> }>).map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target) }))
      })
      expect(violations).toEqual([])
      expect(errors).toEqual([])
    } finally {
      await context.close()
    }
  })

  it("reads without JavaScript: every event in the table, its sources listed once and linked from the rows", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    try {
      await context.route("**/*", (route) => (route.request().url() === `${origin}/index.html` ? route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }) : route.abort()))
      const page = await context.newPage()
      await page.goto(`${origin}/index.html`)
      const seen = await page.evaluate(() => {
        const d = (globalThis as any).document
        const rows = Array.from(d.querySelectorAll("table:not(#tl-table) tbody tr") as ArrayLike<any>)
        const targets = rows.flatMap((tr) => Array.from(tr.querySelectorAll("a[href^='#']") as ArrayLike<any>).map((a) => String(a.getAttribute("href")).slice(1)))
        return {
          rows: rows.length,
          linked: targets.length,
          missing: targets.filter((id) => d.getElementById(id) === null || d.getElementById(id).tagName !== "LI").length,
          sources: d.querySelectorAll("ol.sources li").length,
          shootingRow: rows.map((tr) => String(tr.textContent)).find((t) => t.includes("Killed")) ?? "",
          scriptFrameShown: d.getElementById("tl-table-wrap").offsetParent !== null || d.getElementById("tl-chart-section").offsetParent !== null
        }
      })
      const current = new Set(entries.filter((e) => e.stream.type === "event").map((e) => e.stream.id))
      current.delete(duplicateId)
      expect(seen.rows).toBe(current.size)
      expect(seen.linked).toBeGreaterThan(seen.rows)
      expect(seen.missing).toBe(0)
      expect(seen.sources).toBe(zhanaozen.sources.length)
      expect(seen.shootingRow).toContain("Killed")
      expect(seen.scriptFrameShown).toBe(false)
    } finally {
      await context.close()
    }
  })

  it("prints without its controls, with the chart and the table", async () => {
    const { page, context } = await openTimelinePage(browser, html)
    try {
      await page.emulateMedia({ media: "print" })
      const display = (selector: string) => page.evaluate((s) => (globalThis as any).getComputedStyle((globalThis as any).document.querySelector(s)).display, selector)
      expect(await display("#tl-controls")).toBe("none")
      expect(await display("#tl-chart")).not.toBe("none")
      expect(await display("#tl-table")).not.toBe("none")
      await page.screenshot({ path: join(artifacts, "zhanaozen-print.png"), fullPage: true })
    } finally {
      await context.close()
    }
  })

  it("shows participants' own counts with their claimants, and when a claim was made in words", async () => {
    const { page, context, errors } = await openTimelinePage(browser, html)
    try {
      // The mass sackings count the workers of each company, as participants, not in a field of their own.
      await page.locator("#tl-table button", { hasText: "Mass sackings of strikers" }).first().click()
      const panel = await page.locator("#tl-panel").innerText()
      expect(panel).toContain("Ozenmunaigas workers (target): about 900 (Uzen)")
      expect(panel).toMatch(/about 500 \(KBM\)/u)
      await page.locator("#tl-chart .focus-box").focus()
      await expect.poll(() => page.locator("#tl-tip").innerText()).toContain("about 900 (Uzen)")
      // The shooting's claims were made on days given as EDTF; the tooltip and panel give them in words.
      await page.locator("#tl-table button", { hasText: (shooting as unknown as { title: string }).title }).first().click()
      await page.locator("#tl-chart .focus-box").focus()
      await expect.poll(() => page.locator("#tl-tip").innerText()).toContain("on 17 December 2011")
      const tip = await page.locator("#tl-tip").innerText()
      expect(tip).not.toMatch(/on \d{4}-\d\d/u)
      expect(await page.locator("#tl-panel").innerText()).toContain("claimed by")
      expect(errors).toEqual([])
    } finally {
      await context.close()
    }
  })

  it("places a date-time with an offset at the wall time of its place, and says the offset", async () => {
    const base = zhanaozen.events.find((e) => e.id === shootingId) as unknown as { readonly [k: string]: unknown }
    const at = (id: string, title: string, when: string) => ({ ...base, id, title, when })
    // Zhanaozen is UTC+5: 14:30 there is 09:30 UTC, so both date-times fall at 14:30 on its 16 December.
    const records = [
      ...zhanaozen.all.filter((r) => r.type !== "event" && r.type !== "link"),
      at("day", "The whole day", "2011-12-16"),
      at("offset", "At 14:30 local", "2011-12-16T14:30:00+05:00"),
      at("utc", "At 09:30 UTC", "2011-12-16T09:30:00Z")
    ]
    const { page, context, errors } = await openTimelinePage(browser, TimelinePage.fromRecords(records))
    try {
      const boxOf = async (title: string) => {
        await page.locator("#tl-table button", { hasText: title }).first().click()
        await page.evaluate(() => new Promise((done) => (globalThis as any).requestAnimationFrame(() => setTimeout(done, 0))))
        const box = page.locator("#tl-chart .sel-box")
        return { x: Number(await box.getAttribute("x")), w: Number(await box.getAttribute("width")) }
      }
      // Zoomed in to a few days around the event, so that hours are pixels apart.
      await page.locator("#tl-table button", { hasText: "The whole day" }).first().click()
      for (let i = 0; i < 12; i++) await page.click("#tl-zoom-in")
      const day = await boxOf("The whole day")
      expect(day.w).toBeGreaterThan(40)
      for (const title of ["At 14:30 local", "At 09:30 UTC"]) {
        const mark = await boxOf(title)
        const centre = mark.x + mark.w / 2
        // 14:30 is 60% of the way through the day (the boxes are 2 px wider on each side than the marks).
        expect(Math.abs((centre - day.x - 2) / (day.w - 4) - 14.5 / 24)).toBeLessThan(0.05)
      }
      expect(await page.locator("#tl-panel").innerText()).toContain("16 December 2011, 09:30 UTC")
      await boxOf("At 14:30 local")
      expect(await page.locator("#tl-panel").innerText()).toContain("16 December 2011, 14:30 UTC+05:00")
      expect(errors).toEqual([])
    } finally {
      await context.close()
    }
  })

  describe("hostile text runs nothing", () => {
    const hostile = TimelinePage.fromEntries(hostileEntries(), { title: payloads[0]!, description: payloads[1]! })

    it("the page's text never ends its data or script elements", () => {
      expect(hostile.match(/<\/script/giu)).toHaveLength(2)
      expect(hostile).not.toContain("<img src=x")
      expect(hostile).not.toMatch(/href="(?:javascript|data|vbscript):/iu)
    })

    it.each([false, true])("with the Content-Security-Policy switched off: %s", async (bypassCSP) => {
      const { page, context, errors, requests, dialogs } = await openTimelinePage(browser, hostile, { bypassCSP })
      try {
        // Every place where text is shown: the table, each event's panel, the tooltip, other lanes.
        const buttons = await page.locator("#tl-table tbody button").count()
        for (let i = 0; i < buttons; i++) {
          await page.locator("#tl-table tbody button").nth(i).click()
          await page.locator("#tl-chart .focus-box").focus()
        }
        await page.locator("#tl-chart .focus-box").focus()
        for (let i = 0; i < 8; i++) await page.keyboard.press("ArrowRight")
        for (const by of ["kind", "actor", "place"]) await choose(page, "tl-group", by)
        await choose(page, "tl-policy", "all")
        const seen = await page.evaluate(() => {
          const g = globalThis as any
          const d = g.document
          return {
            pwned: g.__pwned,
            scripts: d.querySelectorAll("script").length,
            injected: d.querySelectorAll("img, iframe, object, embed, style:not(head style), svg script, [onerror], [onload], [onmouseover]").length,
            hrefs: Array.from(d.querySelectorAll("a[href]") as ArrayLike<any>).map((a) => String(a.getAttribute("href"))),
            table: String(d.getElementById("tl-table").textContent)
          }
        })
        expect(seen.pwned).toBeUndefined()
        expect(seen.scripts).toBe(2)
        expect(seen.injected).toBe(0)
        expect(seen.hrefs.every((h) => /^https?:\/\//u.test(h))).toBe(true)
        expect(seen.hrefs.length).toBeGreaterThan(0)
        // The payloads are shown as the text they are; reports joined by same-as links are one event.
        expect(seen.table).toContain(payloads[2]!)
        expect(seen.table).toContain("Also reported as: ")
        expect((await shown(page)).status).toMatch(/\d+ duplicate reports? joined by same-as links/u)
        expect(dialogs).toEqual([])
        expect(requests).toEqual([])
        expect(errors).toEqual([])
      } finally {
        await context.close()
      }
    })
  })
})
