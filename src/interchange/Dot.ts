/**
 * Graphviz DOT: the link graph as a `digraph` for `dot`, `neato` and the many tools that read
 * DOT (Gephi, yEd, d3-graphviz).
 *
 * The same graph as `Mermaid` draws: one node per event in timeline order, or one per same-as
 * class with `sameAs: "merge"`; `linkedOnly: true` leaves out events with no link. A node is a
 * box labelled with the title and the date in words, with the event id as its `id` and tooltip.
 * An edge runs `from` → `to` as the link is written, labelled with the relation; same-as and
 * contradicts links are drawn without arrowheads (dashed and dotted), inferred links dotted.
 * `rankdir` is `LR` unless `direction: "TB"`.
 *
 * Node names are generated (`e0`, `e1`, …); every text is a double-quoted DOT string with
 * backslashes doubled (so DOT's label escapes such as `\N` and `\l` show as written), `&` written
 * `&amp;` (Graphviz reads HTML entities in labels), quotes escaped, line ends written as `\n` and other control characters as spaces, and lone surrogates
 * replaced, so the output is valid UTF-8 and valid DOT whatever a title holds.
 *
 * What is lost: link rationales, citations and inference scores.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Projection, Record } from "protest-chronicle"
 * import { zhanaozen } from "protest-chronicle/datasets"
 * import { Dot } from "protest-chronicle/interchange"
 *
 * const records = zhanaozen.all.map((r) => Result.getOrThrow(Record.decode(r)))
 * const graph = Result.getOrThrow(Projection.LinkGraph.fromRecords(records.filter(Record.isEvent), records.filter(Record.isLink)))
 * const text = Dot.fromLinkGraph(graph, { sameAs: "merge", linkedOnly: true }) // for `dot -Tsvg`
 * console.log(text.split("\n")[0]) // "digraph links {"
 * ```
 *
 * @since 0.1.0
 *
 * @module
 */
import type { Stream } from "effect"
import type * as LinkGraph from "../projection/LinkGraph.js"
import type * as Mermaid from "./Mermaid.js"
import { joined, reusable, streamOf } from "./internal/chunks.js"
import { diagramOf, type Edge, readOptions } from "./internal/graph.js"
import { dotString } from "./internal/text.js"

/**
 * Options, the same as `Mermaid.Options`: `sameAs` (`"separate"`, the default, or `"merge"`),
 * `linkedOnly` (default false), `direction` (`"LR"`, the default, or `"TB"`).
 *
 * @category models
 * @since 0.1.0
 */
export type Options = Mermaid.Options

const edgeStyle = (edge: Edge): string =>
  edge.style === "undirected" ? ", dir=none, style=dashed" : edge.style === "contradicts" ? ", dir=none, style=dotted" : edge.inferred ? ", style=dotted" : ""

/**
 * The digraph line by line, each line ending in a newline: the pieces join to
 * {@link fromLinkGraph}'s text, and the iterable can be walked again.
 *
 * @category exports
 * @since 0.1.0
 */
export const lines = (graph: LinkGraph.LinkGraph, options?: Options): Iterable<string> =>
  reusable(function*() {
    const o = readOptions(options)
    const { nodes, edges } = diagramOf(graph, o)
    yield "digraph links {\n"
    yield `  rankdir=${o.direction};\n`
    yield "  node [shape=box];\n"
    for (const node of nodes) {
      const id = dotString(node.id)
      yield `  ${node.key} [label="${node.lines.map(dotString).join("\\n")}", id="${id}", tooltip="${id}"];\n`
    }
    for (const edge of edges) yield `  ${edge.from} -> ${edge.to} [label="${dotString(edge.label)}"${edgeStyle(edge)}];\n`
    yield "}\n"
  })

/**
 * The link graph as Graphviz DOT.
 *
 * @category exports
 * @since 0.1.0
 */
export const fromLinkGraph = (graph: LinkGraph.LinkGraph, options?: Options): string => joined(lines(graph, options))

/**
 * The digraph as an Effect `Stream` of lines.
 *
 * @category exports
 * @since 0.1.0
 */
export const stream = (graph: LinkGraph.LinkGraph, options?: Options): Stream.Stream<string> => streamOf(lines(graph, options))
