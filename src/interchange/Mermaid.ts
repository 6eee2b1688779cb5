/**
 * Mermaid: the link graph as a Mermaid flowchart, for Markdown documents and wikis that render
 * Mermaid (GitHub, GitLab, Obsidian, Docusaurus).
 *
 * One node per event in timeline order, or, with `sameAs: "merge"`, one per same-as class (its
 * earliest report, labelled with how many other reports it stands for); `linkedOnly: true` leaves
 * out events with no link. A node's label is the title and the date in words. An edge runs
 * `from` → `to` as the link is written ("A responds-to B"), labelled with the relation: solid
 * arrows for directed links, a plain line for same-as, a dotted line for contradicts, dotted
 * arrows for inferred links. Layout runs left to right (`direction: "TB"` for top to bottom).
 *
 * Node ids are generated (`e0`, `e1`, …), never taken from records, and every character of a
 * label that Mermaid could read as syntax (quotes, `#`, `%`, backticks, brackets, braces,
 * parentheses, pipes, angle brackets, `&`, `;`, backslashes) is written as a Mermaid entity code
 * (`#35;`), which Mermaid shows as the character; line ends become `<br>`. So the text stays valid
 * whatever a title holds, `-->` and `%%{init}%%` included.
 *
 * Gotchas: Mermaid refuses diagrams over its `maxEdges` (500 by default) and `maxTextSize`
 * (50,000 characters) settings; raise them in its configuration for a large graph, or draw a
 * storyline at a time. What is lost: link rationales, citations and inference scores.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Projection, Record } from "protest-chronicle"
 * import { zhanaozen } from "protest-chronicle/datasets"
 * import { Mermaid } from "protest-chronicle/interchange"
 *
 * const records = zhanaozen.all.map((r) => Result.getOrThrow(Record.decode(r)))
 * const graph = Result.getOrThrow(Projection.LinkGraph.fromRecords(records.filter(Record.isEvent), records.filter(Record.isLink)))
 * const text = Mermaid.fromLinkGraph(graph, { linkedOnly: true })
 * console.log(text.split("\n")[0]) // "flowchart LR"
 * ```
 *
 * @since 0.1.0
 *
 * @module
 */
import type { Stream } from "effect"
import type * as LinkGraph from "../projection/LinkGraph.js"
import { joined, reusable, streamOf } from "./internal/chunks.js"
import { diagramOf, type Edge, readOptions } from "./internal/graph.js"
import { mermaidLabel } from "./internal/text.js"

/**
 * Options: `sameAs` (`"separate"`, the default, or `"merge"`), `linkedOnly` (default false),
 * `direction` (`"LR"`, the default, or `"TB"`).
 *
 * @category models
 * @since 0.1.0
 */
export interface Options {
  readonly sameAs?: "separate" | "merge"
  readonly linkedOnly?: boolean
  readonly direction?: "LR" | "TB"
}

const arrow = (edge: Edge): string =>
  edge.style === "undirected" ? "---" : edge.style === "contradicts" ? "-.-" : edge.inferred ? "-.->" : "-->"

/**
 * The flowchart line by line, each line ending in a newline: the pieces join to
 * {@link fromLinkGraph}'s text, and the iterable can be walked again.
 *
 * @category exports
 * @since 0.1.0
 */
export const lines = (graph: LinkGraph.LinkGraph, options?: Options): Iterable<string> =>
  reusable(function*() {
    const o = readOptions(options)
    const { nodes, edges } = diagramOf(graph, o)
    yield `flowchart ${o.direction}\n`
    for (const node of nodes) yield `  ${node.key}["${node.lines.map(mermaidLabel).join("<br>")}"]\n`
    for (const edge of edges) yield `  ${edge.from} ${arrow(edge)}|"${mermaidLabel(edge.label)}"| ${edge.to}\n`
  })

/**
 * The link graph as a Mermaid flowchart.
 *
 * @category exports
 * @since 0.1.0
 */
export const fromLinkGraph = (graph: LinkGraph.LinkGraph, options?: Options): string => joined(lines(graph, options))

/**
 * The flowchart as an Effect `Stream` of lines.
 *
 * @category exports
 * @since 0.1.0
 */
export const stream = (graph: LinkGraph.LinkGraph, options?: Options): Stream.Stream<string> => streamOf(lines(graph, options))
