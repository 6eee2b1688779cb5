/**
 * The DOT export read by Graphviz itself (`dot`, Debian's graphviz package, installed by .ci/run):
 * the Zhanaozen link graph, hostile titles (shown as written in the drawing) and arbitrary strings
 * (fast-check, seed printed) all give a drawing with one node per event and one edge per link, and
 * no syntax error. A missing `dot` fails the test with what to install.
 */
import { fc } from "@fast-check/vitest"
import { execFileSync, spawnSync } from "node:child_process"
import { Effect, Stream } from "effect"
import { describe, expect, it } from "vitest"
import { Projection } from "../../src/index.js"
import { Dot } from "../../src/interchange/index.js"
import { graph, hostile, hostileTitles, seed } from "./fixtures.js"

const dotPath = (): string => {
  try {
    execFileSync("dot", ["-V"], { stdio: "pipe" })
    return "dot"
  } catch {
    throw new Error("Graphviz's `dot` is not installed: install Debian's package (apt-get install -y graphviz), as .ci/run does")
  }
}

/** Draws the text with `dot -Tsvg`: the SVG, or an error with what `dot` said. */
const draw = (text: string): string => {
  const run = spawnSync(dotPath(), ["-Tsvg"], { input: text, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 })
  const stderr = run.stderr ?? ""
  if (run.status !== 0 || /error|syntax/iu.test(stderr)) throw new Error(`dot failed (${run.status}): ${stderr}\n--- input ---\n${text}`)
  return run.stdout
}

const count = (svg: string, cls: string): number => svg.split(`class="${cls}"`).length - 1

const entities: { readonly [name: string]: string } = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }
/** The text elements of an SVG, XML entities decoded. */
const texts = (svg: string): ReadonlyArray<string> =>
  [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/gu)].map((m) =>
    m[1]!.replace(/&(#x?[0-9a-f]+|[a-z]+);/giu, (whole, e: string) =>
      e.startsWith("#x") || e.startsWith("#X") ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith("#") ? String.fromCodePoint(Number(e.slice(1))) : entities[e] ?? whole
    )
  )

describe("DOT export read by Graphviz", () => {
  it("draws the Zhanaozen link graph: a node per event, an edge per link", () => {
    const svg = draw(Dot.fromLinkGraph(graph))
    expect(count(svg, "node")).toBe(Projection.LinkGraph.events(graph).length)
    expect(count(svg, "edge")).toBe(Projection.LinkGraph.links(graph).length)
    const linked = draw(Dot.fromLinkGraph(graph, { linkedOnly: true, sameAs: "merge", direction: "TB" }))
    expect(count(linked, "node")).toBeLessThan(Projection.LinkGraph.events(graph).length)
    expect(texts(linked)).toContain("responds-to")
  })

  it("shows hostile titles as written, merged same-as classes as one node", () => {
    const { graph: g } = hostile(hostileTitles)
    const text = Dot.fromLinkGraph(g)
    const svg = draw(text)
    expect(count(svg, "node")).toBe(hostileTitles.length)
    const shown = texts(svg)
    for (const title of hostileTitles) expect(shown).toContain(title.replace(/\s+/gu, " ").trim())
    const merged = draw(Dot.fromLinkGraph(g, { sameAs: "merge" }))
    const classes = new Set(Projection.LinkGraph.sameAsClasses(g).values()).size
    expect(count(merged, "node")).toBe(classes)
    expect(count(merged, "edge")).toBe(Projection.LinkGraph.links(g).filter((l) => l.relation !== "same-as").length)
  })

  it("stays valid DOT whatever the titles hold (arbitrary strings)", () => {
    const title = fc.oneof(
      fc.string({ unit: "binary", minLength: 1, maxLength: 30 }),
      fc.string({ unit: "grapheme", minLength: 1, maxLength: 30 }),
      fc.stringMatching(/^[\\"\n\r\t<>{}[\];=,-]{1,12}$/u),
      fc.constantFrom(...hostileTitles)
    ).filter((s) => /\S/u.test(s))
    fc.assert(
      fc.property(fc.array(title, { minLength: 1, maxLength: 5 }), (titles) => {
        const { graph: g } = hostile(titles)
        const svg = draw(Dot.fromLinkGraph(g))
        expect(count(svg, "node")).toBe(titles.length)
        expect(count(svg, "edge")).toBe(titles.length - 1)
      }),
      { seed: seed("DOT arbitrary titles"), numRuns: 60 }
    )
  }, 120_000)

  it("the lines and the stream join to the one-shot text", async () => {
    const text = Dot.fromLinkGraph(graph)
    expect([...Dot.lines(graph)].join("")).toBe(text)
    expect((await Effect.runPromise(Stream.runCollect(Dot.stream(graph)))).join("")).toBe(text)
    expect(Dot.fromLinkGraph(undefined as never)).toBe("digraph links {\n  rankdir=LR;\n  node [shape=box];\n}\n")
  })
})
