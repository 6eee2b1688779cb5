/**
 * `demo`: the bundled Zhanaozen chronicle, as `npm run demo` (examples/demo.ts) prints it, laid
 * out by the renderers of `timeline` and `links` within the terminal's width: the events by year,
 * each once, in the year it starts in the calendar of its own place; every count with who made it
 * and where it was published, and where reports differ the official figure; the chain of recorded
 * links from the 2011 strike to the April 2023 detentions in Astana; the links the inference rules
 * propose. It reads a copy of the package's journal, so nothing the user has is touched.
 */
import { Effect } from "effect"
import { Command } from "effect/cli"
import * as fs from "node:fs"
import { createRequire } from "node:module"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Chronicle, Id, Projection } from "protest-chronicle"
import { explain } from "./internal/failure.js"
import { eventRows, heading, namesOf } from "./internal/render.js"
import { withChronicleAt } from "./internal/store.js"
import { lineWidth, printLines, wrap } from "./internal/terminal.js"
import { pathLines, proposalLines } from "./linking.js"
import { answer } from "./reading.js"

const { Calendar, Catalog, Inference, LinkGraph, Timeline } = Projection

/** The bundled chronicle's journal file, wherever the package is installed. */
const bundledJournal = (): string => createRequire(import.meta.url).resolve("protest-chronicle/datasets/zhanaozen.jsonl")

/** The demo's lines, from the chronicle's projections. */
const demoLines = (timeline: Projection.Timeline.Timeline, graph: Projection.LinkGraph.LinkGraph, catalog: Projection.Catalog.Catalog) =>
  Effect.gen(function*() {
    const width = lineWidth()
    const attribution = Timeline.attribution(timeline)
    const names = namesOf(timeline)
    const lines = wrap(
      `The Zhanaozen chronicle, 2011–2023: ${Timeline.size(timeline)} events, ${LinkGraph.links(graph).length} links, ` +
        `${Catalog.records(catalog, { type: "source" }).length} sources, read from the file store's journal`,
      width
    )
    // Each event once, in the year it starts in its own place's calendar, in timeline order.
    const years = yield* answer(Calendar.group(timeline, "year", {}, { timeZone: "Asia/Aqtau", eventTimeZone: true, once: true }))
    const order = new Map(Timeline.events(timeline).map((e, i) => [e.id, i]))
    let listed = 0
    for (const year of years) {
      const continuing = new Set((year.continuing ?? []).map((e) => e.id))
      const rows = [...year.certain.map((event) => ({ event, certain: true })), ...year.possible.map((event) => ({ event, certain: false }))]
        .sort((a, b) => order.get(a.event.id)! - order.get(b.event.id)!)
        .map((r) => ({ ...r, continuing: continuing.has(r.event.id) }))
      listed += rows.length
      const unsure = year.possible.length === 0 ? "" : ` (${year.possible.length} not certainly in it)`
      lines.push("", heading(`${year.key}: ${rows.length} ${rows.length === 1 ? "event" : "events"}${unsure}`))
      lines.push(...eventRows(rows, { policy: "all", attribution, names, header: false }))
    }
    lines.push(
      "",
      ...wrap(
        `${listed} events listed, each once, in the year it starts in the calendar of its own place (Asia/Aqtau for ` +
          `Mangystau, Asia/Almaty for Astana and the country). First column: ~ approximate date, ? uncertain date or ` +
          `not certainly in that year, % both; ↪ the event runs on past that year.`,
        width
      )
    )
    const [chain] = LinkGraph.paths(graph, Id.EventId.make("ozenmunaigas-2011-strike"), Id.EventId.make("astana-2023-04-11-detention"), { direction: "along" })
    lines.push("", ...wrap("From the 2011 strike to the April 2023 detentions in Astana:", width))
    lines.push(...(chain === undefined ? wrap("(no chain of recorded links)", width - 2).map((l) => `  ${l}`) : pathLines(graph, chain, names)))
    const chains = LinkGraph.chains(graph, { from: 2011, to: 2023 })
    lines.push("", ...wrap(`Every chain of recorded links from 2011 to 2023, along time (${chains.length}):`, width))
    for (const c of chains) lines.push(...wrap(c.events.join(" → "), width - 4).map((l, i) => `${i === 0 ? "  " : "    "}${l}`))
    const proposals = Inference.propose(graph, { places: Catalog.records(catalog, { type: "place" }), actors: Catalog.records(catalog, { type: "actor" }) })
    lines.push("", ...wrap(`Link proposals from the inference rules (${proposals.length}; none is recorded until someone accepts it), best 12:`, width))
    lines.push(...proposalLines(proposals.slice(0, 12)))
    return lines
  })

const demo = Command.make("demo", {}, () =>
  Effect.gen(function*() {
    // The file store takes a lock beside its file, so the demo reads a copy, not the package's own.
    const dir = fs.mkdtempSync(join(tmpdir(), "protest-chronicle-demo-"))
    const path = join(dir, "zhanaozen.jsonl")
    yield* Effect.try({ try: () => fs.copyFileSync(bundledJournal(), path), catch: (e) => explain(e) })
    yield* withChronicleAt({ _tag: "file", path }, "read", () =>
      Effect.gen(function*() {
        const chronicle = yield* Effect.service(Chronicle.Chronicle)
        const [timeline, [graph, catalog]] = yield* chronicle.project(Projection.zip(Timeline.projection, Projection.zip(LinkGraph.projection, Catalog.projection)))
        yield* printLines(yield* demoLines(timeline, graph, catalog))
      })).pipe(Effect.ensuring(Effect.sync(() => fs.rmSync(dir, { recursive: true, force: true }))))
  })).pipe(
  Command.withDescription("The bundled Zhanaozen chronicle, 2011–2023, as `npm run demo` prints it: its events by year with every count and who made it, the chain of links from the 2011 strike to 2023, and proposed links"),
  Command.withShortDescription("The bundled Zhanaozen chronicle, 2011–2023"),
  Command.withExamples([{ command: "protest-chronicle demo | less -R", description: "Read the demo in a pager" }])
)

/** The commands of this module. */
export const demoCommands = [demo] as const
