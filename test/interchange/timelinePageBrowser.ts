/**
 * Opening a timeline page in Chromium for its tests, stricter than `browser.ts`: the page is the
 * only thing served, and every other request (a font, a picture, a script, a prefetch) is refused
 * and counted; dialogs (an `alert` a payload might raise) are dismissed and counted; uncaught
 * errors and console errors are collected. `bypassCSP` switches the page's Content-Security-Policy
 * off, to test the escaping without it (and to inject axe-core). Also the small reads of the page
 * the tests share, and where their screenshots go.
 */
import { mkdirSync } from "node:fs"
import { fileURLToPath } from "node:url"
import type { Browser, BrowserContext, Page } from "playwright-core"
import { origin } from "./browser.js"

/** Where screenshots are kept (gitignored): .tmp/timeline-page/. */
export const artifacts = fileURLToPath(new URL("../../.tmp/timeline-page/", import.meta.url))

export interface OpenedPage {
  readonly page: Page
  readonly context: BrowserContext
  readonly errors: Array<string>
  readonly requests: Array<string>
  readonly dialogs: Array<string>
}

export const openTimelinePage = async (
  browser: Browser,
  html: string,
  options: { readonly width?: number; readonly height?: number; readonly bypassCSP?: boolean } = {}
): Promise<OpenedPage> => {
  mkdirSync(artifacts, { recursive: true })
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: options.height ?? 800 }, bypassCSP: options.bypassCSP ?? false })
  const page = await context.newPage()
  const errors: Array<string> = []
  const requests: Array<string> = []
  const dialogs: Array<string> = []
  page.on("pageerror", (e) => errors.push(`page error: ${e.message}`))
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console error: ${m.text()}`)
  })
  page.on("dialog", (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`)
    void d.dismiss()
  })
  page.on("popup", (p) => requests.push(`popup: ${p.url()}`))
  await context.route("**/*", async (route) => {
    const url = route.request().url()
    if (url === `${origin}/index.html`) return route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html })
    requests.push(url)
    return route.abort()
  })
  await page.goto(`${origin}/index.html`)
  // The chart is drawn first (data-ready), the table below it after the chart's paint (data-table).
  await page.waitForSelector("html[data-ready][data-table]", { timeout: 30_000 })
  return { page, context, errors, requests, dialogs }
}

/** Waits until the table below the chart has been drawn again after `act`. */
export const afterTable = async (page: Page, act: () => Promise<unknown>): Promise<void> => {
  const before = await page.evaluate(() => (globalThis as any).document.documentElement.getAttribute("data-table"))
  await act()
  await page.waitForFunction((n) => (globalThis as any).document.documentElement.getAttribute("data-table") !== n, before)
  await page.evaluate(() => new Promise((done) => (globalThis as any).requestAnimationFrame(() => setTimeout(done, 0))))
}

/** Sets a control's value as a reader would, and waits for the page to show it. */
export const choose = (page: Page, id: string, value: string, event: "input" | "change" = "change"): Promise<void> =>
  afterTable(page, () =>
    page.evaluate(([i, v, e]) => {
      const g = globalThis as any
      const n = g.document.getElementById(i)
      n.value = v
      n.dispatchEvent(new g.Event(e, { bubbles: true }))
    }, [id, value, event] as const))

/** What the page shows: the table's rows (cells as text), the status line, how many marks and arcs are drawn. */
export const shown = (page: Page) =>
  page.evaluate(() => {
    const d = (globalThis as any).document
    return {
      rows: Array.from(d.querySelectorAll("#tl-table tbody tr") as ArrayLike<any>).map((tr) => Array.from(tr.children as ArrayLike<any>).map((c) => String(c.textContent ?? "").trim())),
      status: String(d.getElementById("tl-status").textContent),
      marks: Number(d.getElementById("tl-chart").getAttribute("data-marks")),
      arcs: Number(d.getElementById("tl-chart").getAttribute("data-arcs")),
      caption: String(d.getElementById("tl-table-caption").textContent)
    }
  })
