/**
 * `export` writes the timeline or the link graph in the formats other tools read — TimelineJS,
 * GeoJSON, ACLED-style CSV, Mermaid, Graphviz DOT — or the timeline page (HTML, built from the
 * journal's entries so that its record-time slider has the history), through the interchange entry, to a file
 * (written beside it and renamed when complete) or to stdout. A format is one entry of
 * `exporters`.
 */
import { Effect, Option, Stream } from "effect"
import { Command, Flag } from "effect/cli"
import * as fs from "node:fs"
import { Chronicle, type Journal, Projection } from "protest-chronicle"
import { Acled, Dot, GeoJson, Mermaid, TimelineJs, TimelinePage } from "protest-chronicle/interchange"
import { explain, refused, usage } from "./internal/failure.js"
import { progress } from "./internal/progress.js"
import { where, withChronicle } from "./internal/store.js"
import { stdout } from "./internal/terminal.js"
import { answer, asOfOf, queryFlags, queryOf } from "./reading.js"

const { Calendar, Catalog, Inference, LinkGraph, Timeline } = Projection

/** What an exporter reads: the (filtered) timeline, the link graph and the catalog. */
export interface ExportInput {
  readonly timeline: Projection.Timeline.Timeline
  readonly graph: Projection.LinkGraph.LinkGraph
  readonly catalog: Projection.Catalog.Catalog
  readonly title: string | undefined
  readonly groupBy: "none" | "place" | "kind"
  /** The journal's entries up to `--as-of` (read only for the format that shows the history: html). */
  readonly entries: ReadonlyArray<Journal.Entry>
  readonly history: boolean
}

/** The export formats: each gives the output in pieces. Adding a format is one line here. */
export const exporters = {
  timelinejs: (i: ExportInput) => TimelineJs.jsonChunks(i.timeline, { groupBy: i.groupBy, ...(i.title === undefined ? {} : { title: { headline: i.title } }) }),
  geojson: (i: ExportInput) => GeoJson.jsonChunks(i.timeline),
  csv: (i: ExportInput) => Acled.exportChunks(Timeline.events(i.timeline), { records: i.catalog }),
  mermaid: (i: ExportInput) => Mermaid.lines(i.graph),
  dot: (i: ExportInput) => Dot.lines(i.graph),
  html: (i: ExportInput) => [
    TimelinePage.fromEntries(i.entries, {
      ...(i.title === undefined ? {} : { title: i.title }),
      ...(i.groupBy === "none" ? {} : { groupBy: i.groupBy }),
      history: i.history
    })
  ]
} satisfies Record<string, (input: ExportInput) => Iterable<string>>

type Format = keyof typeof exporters
const formats = Object.keys(exporters) as ReadonlyArray<Format>

/** Writes the pieces to `out` (a temporary file renamed at the end), or to stdout for `-`. */
const writePieces = (pieces: Iterable<string>, out: string, total: number) =>
  Effect.gen(function*() {
    const bar = progress("exporting", total)
    let count = 0
    if (out === "-") {
      let buffer = ""
      for (const piece of pieces) {
        buffer += piece
        bar.update(++count, count)
        if (buffer.length >= 1 << 16) {
          yield* stdout(buffer)
          buffer = ""
        }
      }
      yield* stdout(buffer)
      bar.finish()
      return
    }
    const partial = `${out}.partial-${process.pid}`
    yield* Effect.tryPromise({
      try: async () => {
        const fd = await fs.promises.open(partial, "w")
        try {
          let buffer = ""
          for (const piece of pieces) {
            buffer += piece
            bar.update(++count, count)
            if (buffer.length >= 1 << 20) {
              await fd.write(buffer)
              buffer = ""
            }
          }
          await fd.write(buffer)
        } finally {
          await fd.close()
        }
        await fs.promises.rename(partial, out)
      },
      catch: (error) => {
        fs.rmSync(partial, { force: true })
        return refused(`cannot write ${out}: ${(error as Error).message}`, "Check that its folder exists and can be written to.")
      }
    }).pipe(Effect.ensuring(Effect.sync(() => bar.finish())))
  })

/** The same file, by its device and inode (two paths, links and `./` aside, that name one file). */
const sameFile = (a: string, b: string): boolean => {
  try {
    const x = fs.statSync(a)
    const y = fs.statSync(b)
    return x.dev === y.dev && x.ino === y.ino
  } catch {
    return false
  }
}

/**
 * Refuses an `--out` that cannot be written as a file, before anything is read: an empty path, a
 * folder, or the journal itself (or its lock), which the export would replace.
 */
const checkOut = (out: string) =>
  Effect.gen(function*() {
    if (out === "-") return
    if (out.trim() === "") return yield* usage("--out is empty", "Give the path of the file to write, or leave --out out for standard output.")
    if (fs.existsSync(out) && fs.statSync(out).isDirectory()) return yield* usage(`--out: ${out} is a folder`, "Give the path of a file inside it, such as timeline.json.")
    const w = yield* where
    if (w._tag === "file" && (sameFile(out, w.path) || sameFile(out, `${w.path}.lock`))) {
      return yield* usage(`--out: ${out} is the journal being exported; writing there would replace it`, "Give another path for the export.")
    }
  })

const exportCommand = Command.make(
  "export",
  {
    format: Flag.Literals("format", formats).pipe(Flag.withAlias("f"), Flag.withDescription(`The format: ${formats.join(", ")}`)),
    out: Flag.String("out").pipe(Flag.withAlias("o"), Flag.withMetavar("file"), Flag.withDescription("Where to write (default: stdout)"), Flag.withDefault("-")),
    title: Flag.String("title").pipe(Flag.withDescription("The title of a TimelineJS export or an HTML page"), Flag.optional),
    noHistory: Flag.Boolean("no-history").pipe(
      Flag.withDescription("html: only what is current (no retracted records, no earlier revisions), for publishing"),
      Flag.withDefault(false)
    ),
    groupBy: Flag.Literals("group-by", ["none", "place", "kind"] as const).pipe(Flag.withDescription("TimelineJS groups: by place or kind"), Flag.withDefault("none" as const)),
    ...queryFlags
  },
  (o) =>
    Effect.andThen(checkOut(o.out), withChronicle("read", () =>
      Effect.gen(function*() {
        const asOf = yield* asOfOf(o.asOf)
        const chronicle = yield* Effect.service(Chronicle.Chronicle)
        const [timeline, [graph, catalog]] = yield* chronicle.project(
          Projection.zip(Timeline.projection, Projection.zip(LinkGraph.projection, Catalog.projection)),
          asOf === undefined ? {} : { asOf }
        )
        // The filters keep the events that answer the query.
        const query = queryOf(o)
        if (o.format === "html" && Object.keys(query).length > 0) {
          return yield* refused("the HTML page holds the whole chronicle and has filters of its own: export it without query flags", "Leave out --from, --to, --kind, --place, --actor, --tag and --text.")
        }
        const entries = o.format === "html"
          ? Array.from(yield* Stream.runCollect(chronicle.journal.readAll()).pipe(Effect.map((all) => asOf === undefined ? all : Array.from(all).filter((e) => e.recordedAt <= asOf))))
          : []
        let filtered = timeline
        if (Object.keys(query).length > 0) {
          const hits = yield* answer(Timeline.query(timeline, query))
          const keep = new Set<string>(hits.flatMap((h) => [h.event.id, ...(h.duplicates ?? []).map((d) => d.id)]))
          for (const e of Timeline.events(timeline)) if (!keep.has(e.id)) filtered = Timeline.remove(filtered, e.id)
        }
        const input: ExportInput = { timeline: filtered, graph, catalog, title: Option.getOrUndefined(o.title), groupBy: o.groupBy, entries, history: !o.noHistory }
        yield* writePieces(exporters[o.format](input), o.out, Timeline.size(filtered))
        if (o.out !== "-") yield* Effect.sync(() => process.stderr.write(`wrote ${Timeline.size(filtered).toLocaleString("en")} events as ${o.format} to ${o.out}\n`))
      })))
).pipe(
  Command.withDescription("Write the timeline (TimelineJS, GeoJSON, ACLED CSV), the link graph (Mermaid, DOT) or the timeline page (HTML, one self-contained file) for other tools"),
    Command.withShortDescription("Export the timeline or the link graph for other tools"),
  Command.withExamples([
    { command: "protest-chronicle export --format timelinejs --out timeline.json --group-by place", description: "A TimelineJS file, grouped by place" },
    { command: "protest-chronicle export --format csv --from 2011 --to 2011 --out 2011.csv", description: "The events of 2011 as ACLED rows" },
    { command: "protest-chronicle export --format dot | dot -Tsvg > links.svg", description: "The link graph as a picture" },
    { command: "protest-chronicle export --format html --no-history --out chronicle.html", description: "The timeline page, without retracted records, to publish" }
  ])
)

/** The commands of this module. */
export const exportCommands = [exportCommand] as const

