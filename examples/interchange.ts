// The bundled Zhanaozen chronicle exported to the formats other tools read: TimelineJS slides
// (with uncertain dates said in words), a GeoJSON map layer (and the events it cannot place), and
// the link graph as a Mermaid flowchart and as Graphviz DOT.
//
//   npx tsx examples/interchange.ts
import { Chronicle, Projection } from "protest-chronicle"
import { zhanaozen } from "protest-chronicle/datasets"
import { Dot, GeoJson, Mermaid, TimelineJs } from "protest-chronicle/interchange"

const chronicle = await Chronicle.open()
for (const record of zhanaozen.all) await chronicle.record(record)
const timeline = await chronicle.project(Projection.Timeline.projection)
const graph = await chronicle.project(Projection.LinkGraph.projection)
await chronicle.close()

const slides = TimelineJs.fromTimeline(timeline, { title: { headline: "Zhanaozen, 2011–2023" }, groupBy: "place" })
console.log(`TimelineJS: ${slides.events.length} slides in ${new Set(slides.events.map((s) => s.group)).size} rows (by place); the first five:`)
// Headlines are HTML (record text escaped), so the ids are printed here.
for (const slide of slides.events.slice(0, 5)) console.log(`  ${slide.display_date}: ${slide.unique_id} [${slide.group}]`)

const map = GeoJson.fromTimeline(timeline)
console.log(`\nGeoJSON: ${map.features.length} features; placed by a containing place: ${map.features.filter((f) => f.properties.approximated).length}`)
const shooting = map.features.find((f) => f.id === "zhanaozen-2011-12-16-shooting")
if (shooting !== undefined) {
  console.log(`  the shooting at [${shooting.geometry.coordinates.join(", ")}], killed as claimed:`)
  for (const claim of shooting.properties.counts["killed"] ?? []) console.log(`    ${claim.text} (${claim.sources.join(", ")})`)
}
const unplaced = GeoJson.unplaced(timeline)
console.log(`  not on the map: ${unplaced.length}`)
for (const u of unplaced.slice(0, 3)) console.log(`    ${u.id}: ${u.reason}`)

const flowchart = Mermaid.fromLinkGraph(graph, { sameAs: "merge", linkedOnly: true }).split("\n")
console.log(`\nMermaid: ${flowchart.length - 1} lines, beginning:`)
for (const line of flowchart.slice(0, 4)) console.log(`  ${line}`)

const dot = [...Dot.lines(graph, { linkedOnly: true })]
console.log(`\nDOT: ${dot.length} lines; the edges:`)
for (const line of dot.filter((l) => l.includes("->")).slice(0, 3)) process.stdout.write(`  ${line.trim()}\n`)
