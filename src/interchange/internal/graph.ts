/**
 * The link graph as the diagram exports draw it: nodes (one per event, or one per same-as class)
 * with generated keys (`e0`, `e1`, … in timeline order, so that no title ever reaches the
 * syntax of a diagram), a label of title and date, and edges labelled with their relation. Shared
 * by `Mermaid` and `Dot`, so both draw the same graph.
 *
 * @internal
 */
import type { AnyEvent } from "../../model/Event.js"
import type { EventId } from "../../model/Id.js"
import { Relation } from "../../model/Link.js"
import * as LinkGraph from "../../projection/LinkGraph.js"
import { dated } from "./dates.js"
import { field, oneLine, textField } from "./text.js"

/** A node: its key, the event id, and the lines of its label (title, date, merged reports). */
export interface Node {
  readonly key: string
  readonly id: string
  readonly lines: ReadonlyArray<string>
}

/** An edge between two node keys, with its relation as written and how to draw it. */
export interface Edge {
  readonly from: string
  readonly to: string
  readonly label: string
  readonly style: "directed" | "undirected" | "contradicts"
  readonly inferred: boolean
}

/** Options shared by the diagram exports (read from anything, with defaults). */
export interface DiagramOptions {
  readonly sameAs: "separate" | "merge"
  readonly linkedOnly: boolean
  readonly direction: "LR" | "TB"
}

/** The options of a diagram export, read without trusting them. */
export const readOptions = (options: unknown): DiagramOptions => ({
  sameAs: field(options, "sameAs") === "merge" ? "merge" : "separate",
  linkedOnly: field(options, "linkedOnly") === true,
  direction: field(options, "direction") === "TB" ? "TB" : "LR"
})

const relations: ReadonlySet<string> = new Set(Relation.literals)

const safe = <A>(f: () => ReadonlyArray<A>): ReadonlyArray<A> => {
  try {
    return f()
  } catch {
    return []
  }
}

/** The nodes and edges of a graph (empty for a value that is not a graph). */
export const diagramOf = (graph: LinkGraph.LinkGraph, options: DiagramOptions): { readonly nodes: ReadonlyArray<Node>; readonly edges: ReadonlyArray<Edge> } => {
  const events = safe(() => LinkGraph.events(graph))
  const links = safe(() => LinkGraph.links(graph))
  const merge = options.sameAs === "merge"
  const classes = merge ? LinkGraph.sameAsClasses(graph) : new Map<EventId, EventId>()
  const rep = (id: string): string => classes.get(id as EventId) ?? id
  const drawn = links.filter((l) => !(merge && field(l, "relation") === "same-as"))
  const linked = new Set<string>()
  for (const l of drawn) {
    linked.add(rep(textField(l, "from")))
    linked.add(rep(textField(l, "to")))
  }
  const others = new Map<string, number>()
  for (const e of events) if (rep(e.id) !== e.id) others.set(rep(e.id), (others.get(rep(e.id)) ?? 0) + 1)
  const keys = new Map<string, string>()
  const nodes: Array<Node> = []
  for (const e of events as ReadonlyArray<AnyEvent>) {
    const id = textField(e, "id")
    if (rep(id) !== id || (options.linkedOnly && !linked.has(id))) continue
    const key = `e${nodes.length}`
    keys.set(id, key)
    const more = others.get(id) ?? 0
    const lines = [oneLine(textField(e, "title")) || id, dated(field(e, "when"))?.words ?? oneLine(textField(e, "when"))]
    if (more > 0) lines.push(`and ${more} other report${more === 1 ? "" : "s"} of it`)
    nodes.push({ key, id, lines })
  }
  const edges: Array<Edge> = []
  for (const l of drawn) {
    const from = keys.get(rep(textField(l, "from")))
    const to = keys.get(rep(textField(l, "to")))
    if (from === undefined || to === undefined) continue
    const relation = textField(l, "relation")
    const known = relations.has(relation) ? relation : "link"
    const inferred = field(l, "inferredBy") !== undefined
    edges.push({
      from,
      to,
      label: inferred ? `${known} (inferred)` : known,
      style: known === "same-as" ? "undirected" : known === "contradicts" ? "contradicts" : "directed",
      inferred
    })
  }
  return { nodes, edges }
}
