/**
 * `links`: the historical linkage between events — `paths` between two events, the `lineage`
 * that led to one, its `consequences`, the `storylines` (connected groups of events), and the
 * `proposals` the inference rules make, each with its rule, score and reason (nothing proposed is
 * recorded until someone records it with `link`). The renderers are shared with `demo`.
 */
import { Effect, Option, Schema } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import { Chronicle, type Event, Id, Projection } from "protest-chronicle"
import { refused, usage } from "./internal/failure.js"
import { checkJsonFlags, jsonFlags, printJson, wantsJson } from "./internal/output.js"
import { eventRows, heading, type Names, namesIn, noNames } from "./internal/render.js"
import { withChronicle } from "./internal/store.js"
import { clip, colour, lineWidth, printLines, wrap } from "./internal/terminal.js"
import { asOfFlag, asOfOf } from "./reading.js"

const { Catalog, Inference, LinkGraph } = Projection
type Graph = Projection.LinkGraph.LinkGraph

const graphOf = (asOf: number | undefined) =>
  Effect.flatMap(Effect.service(Chronicle.Chronicle), (c) => c.project(Projection.zip(LinkGraph.projection, Catalog.projection), asOf === undefined ? {} : { asOf }))

// An id that is not an id at all (empty, with spaces) is not in the graph either.
const isEventId = Schema.is(Id.EventId)

const eventId = (graph: Graph, id: string) =>
  !isEventId(id) || LinkGraph.event(graph, id) === undefined
    ? Effect.fail(refused(`no event "${id}" in the link graph`, "`protest-chronicle timeline --text <words> --json` finds events and their ids."))
    : Effect.succeed(Id.EventId.make(id))

/** A path as lines: each event, and between two the link taken, its rationale and sources (wrapped, never cut). */
export const pathLines = (graph: Graph, path: Projection.LinkGraph.Path, names: Names = noNames): Array<string> => {
  const width = lineWidth()
  const lines: Array<string> = []
  const eventLine = (id: Id.EventId) => {
    const e = LinkGraph.event(graph, id)
    const when = `${e?.when ?? ""}  `
    const title = e?.title ?? id
    if (width - 2 - when.length >= 20) {
      for (const [j, l] of wrap(title, width - 2 - when.length).entries()) lines.push(`  ${j === 0 ? when : " ".repeat(when.length)}${l}`)
      return
    }
    // A long date (an interval of date-times) leaves too little room: the title goes under it.
    for (const l of wrap(when.trim().replaceAll("/", "/ "), width - 2)) lines.push(`  ${l.replaceAll("/ ", "/")}`)
    for (const l of wrap(title, width - 4)) lines.push(`    ${l}`)
  }
  eventLine(path.events[0]!)
  path.steps.forEach((step, i) => {
    const next = path.events[i + 1]!
    const reversed = step.link.from === next ? "" : " (reversed)"
    const why = step.link.rationale ?? (step.link.inferredBy === undefined ? "" : `inferred by ${step.link.inferredBy.rule}: ${step.link.inferredBy.reason}`)
    const text = `↓ ${step.along ? "" : "(against time) "}${step.link.relation}${reversed}: ${why}`
    for (const [j, l] of wrap(text, width - 6).entries()) lines.push(colour.cyan(`    ${j === 0 ? "" : "  "}${l}`))
    const sources = [...new Set((step.link.citations ?? []).map((c) => names.outlet(c.source) ?? c.source))].join("; ")
    if (sources !== "") for (const l of wrap(`[${sources}]`, width - 6)) lines.push(colour.dim(`      ${l}`))
    eventLine(next)
  })
  return lines
}

/** Proposals as lines: score, the proposed link, then the rule and its reason. */
export const proposalLines = (proposals: ReadonlyArray<Projection.Inference.Proposal>): Array<string> => {
  const width = lineWidth()
  const lines: Array<string> = []
  for (const p of proposals) {
    // The first line from column 2, what does not fit on it from column 8.
    const text = `${p.score.toFixed(2)} ${p.link.from} ${p.link.relation} ${p.link.to}`
    const [first = ""] = wrap(text, width - 2)
    lines.push(`  ${first}`)
    const rest = text.slice(first.length).trim()
    if (rest !== "") for (const l of wrap(rest, width - 8)) lines.push(`        ${l}`)
    for (const l of wrap(`${p.rule}: ${p.reason}`, width - 8)) lines.push(colour.dim(`        ${l}`))
  }
  return lines
}

const eventsOut = (o: { readonly json: boolean; readonly jsonl: boolean }, catalog: Projection.Catalog.Catalog, events: ReadonlyArray<Event.AnyEvent>, title: string) =>
  wantsJson(o)
    ? printJson(o, { events }, events)
    : printLines(events.length === 0 ? [`${title}: none`] : [heading(`${title}: ${events.length}`), ...eventRows(events.map((event) => ({ event, certain: true })), { policy: "envelope", attribution: { actor: () => undefined, source: () => undefined }, names: namesIn(catalog), claims: false })])

const asOf = { asOf: asOfFlag }
const depth = Flag.Int("depth").pipe(Flag.withDescription("Follow links at most this many steps"), Flag.optional)

const paths = Command.make("paths", {
  from: Argument.String("from").pipe(Argument.withDescription("The first event's id")),
  to: Argument.String("to").pipe(Argument.withDescription("The last event's id")),
  direction: Flag.Literals("direction", ["along", "against", "any"] as const).pipe(Flag.withDescription("Follow links along time (default), against it, or either way"), Flag.withDefault("along" as const)),
  max: Flag.Int("max").pipe(Flag.withDescription("At most this many paths (default 5)"), Flag.withDefault(5)),
  ...asOf,
  ...jsonFlags
}, (o) =>
  Effect.andThen(Effect.all([checkJsonFlags(o), o.max < 1 ? usage(`--max must be at least 1, got ${o.max}`) : Effect.void]), withChronicle("read", () =>
    Effect.gen(function*() {
      const [graph, catalog] = yield* graphOf(yield* asOfOf(o.asOf))
      const from = yield* eventId(graph, o.from)
      const to = yield* eventId(graph, o.to)
      const found = LinkGraph.paths(graph, from, to, { direction: o.direction, maxCount: o.max })
      if (wantsJson(o)) return yield* printJson(o, { paths: found }, found)
      if (found.length === 0) return yield* printLines([`no path of recorded links from ${o.from} to ${o.to} (${o.direction} time)`])
      const lines: Array<string> = []
      found.forEach((p, i) => lines.push(...(i === 0 ? [] : [""]), heading(`path ${i + 1} of ${found.length}: ${p.steps.length} ${p.steps.length === 1 ? "link" : "links"}`), ...pathLines(graph, p, namesIn(catalog))))
      yield* printLines(lines)
    })))).pipe(
  Command.withDescription("The chains of recorded links from one event to another"),
  Command.withExamples([{ command: "protest-chronicle links paths ozenmunaigas-2011-strike astana-2023-04-11-detention", description: "From the 2011 strike to the 2023 detentions" }])
)

/** `lineage` and `consequences`: the events one link walk reaches from an event, in timeline order. */
const walk = (
  name: "lineage" | "consequences",
  title: string,
  description: string,
  example: { readonly command: string; readonly description: string }
) =>
  Command.make(name, { id: Argument.String("id").pipe(Argument.withDescription("The event's id")), depth, ...asOf, ...jsonFlags }, (o) =>
    Effect.andThen(
      Effect.all([checkJsonFlags(o), Option.isSome(o.depth) && o.depth.value < 0 ? usage(`--depth must be 0 or more, got ${o.depth.value}`) : Effect.void]),
      withChronicle("read", () =>
        Effect.gen(function*() {
          const [graph, catalog] = yield* graphOf(yield* asOfOf(o.asOf))
          const id = yield* eventId(graph, o.id)
          yield* eventsOut(o, catalog, LinkGraph[name](graph, id, Option.isSome(o.depth) ? { maxDepth: o.depth.value } : {}), `${title} ${o.id}`)
        }))
    )).pipe(Command.withDescription(description), Command.withExamples([example]))

const lineage = walk("lineage", "what led to", "Every event that led to an event, through recorded links, in timeline order", {
  command: "protest-chronicle links lineage astana-2023-04-11-detention --depth 3",
  description: "Three steps back from the Astana detentions"
})

const consequences = walk("consequences", "what followed from", "Every event that followed from an event, through recorded links, in timeline order", {
  command: "protest-chronicle links consequences zhanaozen-2011-12-16-shooting",
  description: "What followed the shooting"
})

const storylines = Command.make("storylines", { ...asOf, ...jsonFlags }, (o) =>
  Effect.andThen(checkJsonFlags(o), withChronicle("read", () =>
    Effect.gen(function*() {
      const [graph] = yield* graphOf(yield* asOfOf(o.asOf))
      const found = LinkGraph.storylines(graph)
      if (wantsJson(o)) return yield* printJson(o, { storylines: found }, found)
      const width = lineWidth()
      const linked = found.filter((s) => s.links.length > 0)
      const alone = found.length - linked.length
      yield* printLines([
        ...(linked.length === 0 ? wrap("no storylines: no links are recorded", width) : linked.map((s) => clip(`  ${String(s.events.length).padStart(4)} events  ${String(s.links.length).padStart(4)} links  ${s.name}`, width))),
        ...(alone === 0 ? [] : wrap(`(and ${alone.toLocaleString("en")} ${alone === 1 ? "event" : "events"} linked to no other)`, width))
      ])
    })))).pipe(
  Command.withDescription("The storylines: groups of events connected by links, named by their earliest event"),
  Command.withExamples([{ command: "protest-chronicle links storylines --json", description: "Every storyline, as JSON" }])
)

const proposals = Command.make("proposals", {
  limit: Flag.Int("limit").pipe(Flag.withDescription("Show the best N (default 20)"), Flag.withDefault(20)),
  minScore: Flag.Finite("min-score").pipe(Flag.withDescription("Only proposals scoring at least this (0 to 1)"), Flag.optional),
  ...asOf,
  ...jsonFlags
}, (o) =>
  Effect.andThen(Effect.all([
    checkJsonFlags(o),
    o.limit < 0 ? usage(`--limit must be 0 or more, got ${o.limit}`) : Effect.void,
    Option.isSome(o.minScore) && !(o.minScore.value >= 0 && o.minScore.value <= 1) ? usage(`--min-score must be between 0 and 1, got ${o.minScore.value}`) : Effect.void
  ]), withChronicle("read", () =>
    Effect.gen(function*() {
      const [graph, catalog] = yield* graphOf(yield* asOfOf(o.asOf))
      const all = Inference.propose(graph, {
        places: Catalog.records(catalog, { type: "place" }),
        actors: Catalog.records(catalog, { type: "actor" }),
        ...(Option.isSome(o.minScore) ? { minScore: o.minScore.value } : {})
      })
      const shown = all.slice(0, o.limit)
      if (wantsJson(o)) return yield* printJson(o, { total: all.length, proposals: shown }, shown)
      yield* printLines([
        ...wrap(`Link proposals from the inference rules (${all.length}; none is recorded until someone records it with \`link\`), best ${shown.length}:`, lineWidth()),
        ...proposalLines(shown)
      ])
    })))).pipe(
  Command.withDescription("Links the inference rules propose, with each rule's score and reason"),
  Command.withExamples([{ command: "protest-chronicle links proposals --limit 5 --min-score 0.5", description: "The five best proposals scoring 0.5 or more" }])
)

/** `links` and its subcommands. */
export const links = Command.make("links").pipe(
  Command.withDescription("How events connect: paths, lineage, consequences, storylines, and proposed links"),
  Command.withExamples([
    { command: "protest-chronicle links paths ozenmunaigas-2011-strike astana-2023-04-11-detention", description: "Chains of recorded links" },
    { command: "protest-chronicle links proposals", description: "What the inference rules propose" }
  ]),
  Command.withSubcommands([paths, lineage, consequences, storylines, proposals])
)
