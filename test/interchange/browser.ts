/**
 * A real browser for the interchange tests: Debian's Chromium (`/usr/bin/chromium`, installed by
 * .ci/run) driven by playwright-core, with no network at all. Every request the page makes goes
 * through `page.route` and is answered from disk: the page itself, the files of the TimelineJS
 * and Mermaid npm packages, and a one-pixel PNG for any picture; anything else gets a 404. The
 * page's errors and console errors are collected for the tests to assert on. A missing Chromium
 * fails the test with what to install; nothing is skipped.
 */
import { existsSync, readFileSync } from "node:fs"
import { createRequire } from "node:module"
import { dirname, join } from "node:path"
import { type Browser, chromium, type Page } from "playwright-core"

export const chromiumPath = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium"

const require = createRequire(import.meta.url)
const packageDir = (name: string): string => dirname(require.resolve(`${name}/package.json`))

/** The origin the test pages pretend to come from; no request ever leaves the browser. */
export const origin = "http://interchange.test"

// A 1×1 transparent PNG.
const pixel = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64")

const types: { readonly [ext: string]: string } = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".eot": "application/vnd.ms-fontobject"
}

/** Starts Chromium, or fails with what to install. */
export const launch = async (): Promise<Browser> => {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium is not at ${chromiumPath}: install Debian's package (apt-get install -y chromium), as .ci/run does, or set CHROMIUM_PATH`)
  }
  return chromium.launch({
    executablePath: chromiumPath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
  })
}

/** A page served from `files` (path → file on disk, or text), with its errors collected. */
export interface TestPage {
  readonly page: Page
  /** Uncaught errors and `console.error` messages, and requests answered with a 404. */
  readonly errors: Array<string>
}

/**
 * A page at `${origin}/index.html` with `html` as its body. `/timelinejs/…` serves the files of
 * `@knight-lab/timelinejs/dist`, `/mermaid/…` those of `mermaid/dist`; pictures get a pixel.
 */
export const openPage = async (browser: Browser, html: string): Promise<TestPage> => {
  const page = await browser.newPage()
  const errors: Array<string> = []
  page.on("pageerror", (e) => errors.push(`page error: ${e.message}`))
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console error: ${m.text()}`)
  })
  const roots: { readonly [prefix: string]: () => string } = {
    "/timelinejs/": () => join(packageDir("@knight-lab/timelinejs"), "dist"),
    "/mermaid/": () => join(packageDir("mermaid"), "dist")
  }
  await page.route("**/*", async (route) => {
    const url = new URL(route.request().url())
    const ext = /\.[a-z0-9]+$/i.exec(url.pathname)?.[0]?.toLowerCase() ?? ""
    if (url.origin === origin && url.pathname === "/index.html") {
      return route.fulfill({ status: 200, contentType: types[".html"]!, body: html })
    }
    for (const [prefix, dir] of Object.entries(roots)) {
      if (url.origin !== origin || !url.pathname.startsWith(prefix)) continue
      const file = join(dir(), decodeURIComponent(url.pathname.slice(prefix.length)))
      if (existsSync(file)) return route.fulfill({ status: 200, contentType: types[ext] ?? "application/octet-stream", body: readFileSync(file) })
    }
    if ([".png", ".jpg", ".jpeg", ".gif", ".webp"].includes(ext)) return route.fulfill({ status: 200, contentType: "image/png", body: pixel })
    errors.push(`not served: ${url.href}`)
    return route.fulfill({ status: 404, contentType: "text/plain", body: "not found" })
  })
  await page.goto(`${origin}/index.html`)
  return { page, errors }
}
