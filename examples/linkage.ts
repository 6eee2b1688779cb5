// Linkage paths and lineage over the bundled Zhanaozen chronicle: what led to the detentions in
// Astana in April 2023, what followed the 16 December 2011 shooting, the chain from the 2011
// strike to 2023, and a link the chronicle refuses because it is impossible in time.
//
//   npx tsx examples/linkage.ts
import { Chronicle, Id, Projection } from "protest-chronicle"
import { zhanaozen } from "protest-chronicle/datasets"

const { LinkGraph } = Projection
const chronicle = await Chronicle.open()
for (const record of zhanaozen.all) await chronicle.record(record)
const graph = await chronicle.project(LinkGraph.projection)
const name = (id: Id.EventId) => `${LinkGraph.event(graph, id)!.when} ${LinkGraph.event(graph, id)!.title}`

// Projections take branded ids: an id read from a record is one already; a literal is checked once.
const strike = Id.EventId.make("ozenmunaigas-2011-strike")
const shooting = Id.EventId.make("zhanaozen-2011-12-16-shooting")
const detention = Id.EventId.make("astana-2023-04-11-detention")

console.log("What led to the Astana detentions of 11 April 2023 (lineage):")
for (const e of LinkGraph.lineage(graph, detention)) console.log(`  ${name(e.id)}`)

console.log("\nWhat followed the shooting of 16 December 2011 (consequences, two steps at most):")
for (const e of LinkGraph.consequences(graph, shooting, { maxDepth: 2 })) console.log(`  ${name(e.id)}`)

console.log("\nPaths from the 2011 strike to the Astana detentions, along time:")
for (const path of LinkGraph.paths(graph, strike, detention, { direction: "along" })) {
  console.log(`  ${path.events.join(" → ")}, through the links:`)
  for (const { link } of path.steps) {
    console.log(`    ${link.from} ${link.relation} ${link.to} (${link.citations?.map((c) => c.source).join(", ")})`)
  }
}

const lines = LinkGraph.storylines(graph).filter((s) => s.events.length > 1)
console.log(`\nStorylines with more than one event: ${lines.map((s) => `"${s.name}" (${s.events.length} events)`).join("; ")}`)

// The detention in Astana cannot have caused the sit-in that came before it: refused, nothing written.
const refused = await chronicle
  .link({
    type: "link",
    id: "wrong-way-round",
    relation: "causes",
    from: "astana-2023-04-11-detention",
    to: "astana-2023-04-10-overnight-rally",
    rationale: "entered the wrong way round",
    citations: [{ source: "src-eadaily-2023-04-11-mass-protests" }]
  })
  .then(() => "accepted", (error: { readonly _tag: string; readonly message: string }) => `${error._tag}: ${error.message}`)
console.log(`\n${refused}`)
await chronicle.close()
