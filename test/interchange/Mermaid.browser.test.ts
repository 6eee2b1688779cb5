/**
 * The Mermaid export read by Mermaid itself: Mermaid's parser needs a DOM, so it runs in Chromium
 * (the `mermaid` npm package's browser build, served from disk). Every flowchart parses — the
 * Zhanaozen link graph, hostile titles, and arbitrary strings (fast-check, seed printed) — and a
 * rendered drawing shows each hostile title as text, with no element injected by a title.
 */
import { fc } from "@fast-check/vitest"
import { Effect, Stream } from "effect"
import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { Mermaid } from "../../src/interchange/index.js"
import { launch, openPage } from "./browser.js"
import { graph, hostile, hostileTitles, seed } from "./fixtures.js"

const html = `<!doctype html>
<html><head><meta charset="utf-8"><script src="/mermaid/mermaid.min.js"></script></head>
<body><div id="out"></div></body></html>`

interface MermaidApi {
  initialize(config: unknown): void
  parse(text: string): Promise<unknown>
  render(id: string, text: string): Promise<{ readonly svg: string }>
}
interface Dom {
  readonly mermaid: MermaidApi
  readonly __pwned?: unknown
  readonly document: { getElementById(id: string): { innerHTML: string; querySelectorAll(s: string): ArrayLike<{ readonly textContent: string | null }> } | null }
}

/** For each text, `"ok"` or Mermaid's error message. */
const parseAll = (page: Page, texts: ReadonlyArray<string>): Promise<ReadonlyArray<string>> =>
  page.evaluate(async (all) => {
    const { mermaid } = globalThis as unknown as Dom
    const out: Array<string> = []
    for (const text of all) {
      try {
        await mermaid.parse(text)
        out.push("ok")
      } catch (e) {
        out.push(`${e instanceof Error ? e.message : String(e)}\n--- input ---\n${text}`)
      }
    }
    return out
  }, texts)

describe("Mermaid export read by Mermaid in Chromium", () => {
  let browser: Browser
  let page: Page
  let errors: Array<string>
  beforeAll(async () => {
    browser = await launch()
    ;({ page, errors } = await openPage(browser, html))
    await page.evaluate(() => (globalThis as unknown as Dom).mermaid.initialize({ startOnLoad: false, securityLevel: "strict", maxEdges: 2000 }))
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
  })

  it("parses the Zhanaozen link graph in every form", async () => {
    const texts = [
      Mermaid.fromLinkGraph(graph),
      Mermaid.fromLinkGraph(graph, { sameAs: "merge", linkedOnly: true }),
      Mermaid.fromLinkGraph(graph, { direction: "TB" })
    ]
    expect(await parseAll(page, texts)).toEqual(texts.map(() => "ok"))
    expect(errors).toEqual([])
  })

  it("renders hostile titles as text, injecting nothing", async () => {
    const { graph: g } = hostile(hostileTitles)
    const texts = [Mermaid.fromLinkGraph(g), Mermaid.fromLinkGraph(g, { sameAs: "merge" })]
    expect(await parseAll(page, texts)).toEqual(["ok", "ok"])
    const shown = await page.evaluate(async (text) => {
      const w = globalThis as unknown as Dom
      const { svg } = await w.mermaid.render("drawing", text)
      const out = w.document.getElementById("out")!
      out.innerHTML = svg
      return {
        labels: Array.from(out.querySelectorAll(".nodeLabel")).map((l) => l.textContent ?? ""),
        edgeLabels: Array.from(out.querySelectorAll(".edgeLabel")).map((l) => l.textContent ?? ""),
        injected: out.querySelectorAll("script, img, iframe, b").length,
        pwned: w.__pwned
      }
    }, texts[0]!)
    for (const title of hostileTitles) {
      const line = title.replace(/\s+/gu, " ").trim()
      expect(shown.labels.some((label) => label.startsWith(line)), line).toBe(true)
    }
    expect(shown.edgeLabels).toContain("same-as")
    expect(shown.injected).toBe(0)
    expect(shown.pwned).toBeUndefined()
    expect(errors).toEqual([])
  }, 60_000)

  it("parses whatever the titles hold (arbitrary strings)", async () => {
    const title = fc.oneof(
      fc.string({ unit: "binary", minLength: 1, maxLength: 30 }),
      fc.string({ unit: "grapheme", minLength: 1, maxLength: 30 }),
      fc.stringMatching(/^[-"'`#%;&<>{}()[\]|\\\n:.=ox]{1,12}$/u),
      fc.constantFrom(...hostileTitles)
    ).filter((s) => /\S/u.test(s))
    const cases = fc.sample(fc.array(title, { minLength: 1, maxLength: 5 }), { seed: seed("Mermaid arbitrary titles"), numRuns: 150 })
    const texts = cases.map((titles, i) => Mermaid.fromLinkGraph(hostile(titles).graph, { sameAs: i % 2 === 0 ? "merge" : "separate" }))
    const results = await parseAll(page, texts)
    expect(results.filter((r) => r !== "ok")).toEqual([])
  }, 120_000)

  it("the lines and the stream join to the one-shot text", async () => {
    const text = Mermaid.fromLinkGraph(graph)
    expect([...Mermaid.lines(graph)].join("")).toBe(text)
    expect((await Effect.runPromise(Stream.runCollect(Mermaid.stream(graph)))).join("")).toBe(text)
    expect(Mermaid.fromLinkGraph(undefined as never)).toBe("flowchart LR\n")
  })
})
