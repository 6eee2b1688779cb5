// The demo (`npm run demo`): opens the bundled Zhanaozen 2011–2023 chronicle in the embedded file
// store and prints
//   1. the timeline grouped by year: dates as the sources give them (approximate and uncertain
//      ones flagged, never rounded to a day), and contested counts with every claim and who made it;
//   2. the chain that links the 2011 strike to the detentions in Astana in April 2023, with the
//      rationale and sources of each link;
//   3. the links the inference rules propose, which nobody has recorded.
import { Effect, Layer } from "effect"
import { copyFileSync, mkdtempSync, rmSync } from "node:fs"
import { createRequire } from "node:module"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Chronicle, Claim, ClaimPolicy, Count, Id, Projection, When } from "protest-chronicle"
import { layerFile } from "protest-chronicle/file"

const { Calendar, Catalog, Inference, LinkGraph, Timeline } = Projection

// The dataset ships as a journal file; the store takes a lock beside the file it opens, so it
// works on a copy rather than inside node_modules.
const shipped = createRequire(import.meta.url).resolve("protest-chronicle/datasets/zhanaozen.jsonl")
const dir = mkdtempSync(join(tmpdir(), "protest-chronicle-demo-"))
const path = join(dir, "zhanaozen.jsonl")
copyFileSync(shipped, path)

const started = performance.now()
const { catalog, graph, timeline } = await Effect.runPromise(
  Effect.gen(function*() {
    const chronicle = yield* Chronicle.Chronicle
    return {
      catalog: yield* chronicle.catalog(),
      timeline: yield* chronicle.project(Timeline.projection),
      graph: yield* chronicle.project(LinkGraph.projection)
    }
  }).pipe(Effect.provide(Chronicle.layer().pipe(Layer.provide(layerFile(path)))))
).finally(() => rmSync(dir, { recursive: true, force: true }))

const sourceCount = Catalog.records(catalog, { type: "source" }).length
console.log(
  `The Zhanaozen chronicle, 2011–2023: ${Timeline.size(timeline)} events, ${LinkGraph.links(graph).length} links, ` +
    `${sourceCount} sources, read from the file store's journal`
)

// ---------------------------------------------------------------------------------------------
// 1. The timeline by year

const dateNote = (when: When.When): string => {
  const q = When.qualifiers(when)
  const notes = [q.approximate ? "approximate" : "", q.uncertain ? "uncertain" : ""].filter((n) => n !== "")
  return notes.length === 0 ? "" : ` (${notes.join(", ")})`
}

const claimFields = ["size", "killed", "injured", "detained", "released", "dismissed", "defendantCount"] as const

const by = (claim: Claim.CountClaim): string => {
  const who = claim.claimant ?? claim.citations.map((c) => c.source.replace(/^src-/, "")).join(", ")
  return `${Count.format(claim.value)} (${who}${claim.madeOn === undefined ? "" : `, ${claim.madeOn}`})`
}

const contested = (event: Projection.Timeline.Hit["event"]): Array<string> => {
  const lines: Array<string> = []
  for (const field of claimFields) {
    const claims = (event as unknown as Record<string, Claim.CountClaims | undefined>)[field]
    if (claims === undefined) continue
    if (claims.length === 1) {
      lines.push(`${field}: ${by(claims[0]!)}`)
      continue
    }
    const official = ClaimPolicy.summarize(claims, "official", Timeline.attribution(timeline)).count
    const envelope = ClaimPolicy.summarize(claims, "envelope", Timeline.attribution(timeline)).count!
    lines.push(`${field}: ${claims.length} claims, from ${Count.format(envelope)}; official: ${official === undefined ? "none" : Count.format(official)}`)
    for (const claim of claims) lines.push(`  ${by(claim)}`)
  }
  return lines
}

const years = Calendar.group(timeline, "year", {}, { timeZone: "Asia/Aqtau" })
if (years._tag === "Failure") throw years.failure
for (const year of years.success) {
  const possible = year.possible.length === 0 ? "" : `, and ${year.possible.length} that may fall in it`
  const count = `${year.certain.length} event${year.certain.length === 1 ? "" : "s"}`
  console.log(`\n── ${year.key}: ${count}${possible} ${"─".repeat(100)}`.slice(0, 100))
  for (const [event, certain] of [...year.certain.map((e) => [e, true] as const), ...year.possible.map((e) => [e, false] as const)]) {
    const marker = certain ? " " : "?"
    console.log(`${marker} ${event.when.padEnd(24)} ${event.kind.padEnd(17)} ${event.title}${dateNote(event.when)}`)
    for (const line of contested(event)) console.log(`  ${" ".repeat(42)}${line}`)
  }
}
console.log("\n(? marks an event whose dates reach into more than one year: it is listed in each year it may fall in)")

// ---------------------------------------------------------------------------------------------
// 2. From the 2011 strike to the April 2023 detentions in Astana

const title = (id: Id.EventId) => LinkGraph.event(graph, id)?.title ?? id
const [chain] = LinkGraph.paths(graph, Id.EventId.make("ozenmunaigas-2011-strike"), Id.EventId.make("astana-2023-04-11-detention"), { direction: "along" })
console.log("\nFrom the 2011 strike to the April 2023 detentions in Astana:")
if (chain === undefined) console.log("  (no chain of recorded links)")
else {
  console.log(`  ${LinkGraph.event(graph, chain.events[0]!)!.when}  ${title(chain.events[0]!)}`)
  chain.steps.forEach((step, i) => {
    const next = chain.events[i + 1]!
    const sources = (step.link.citations ?? []).map((c) => c.source.replace(/^src-/, "")).join("; ")
    console.log(`    ↓ ${step.along ? "" : "(against time) "}${step.link.from === next ? step.link.relation : `${step.link.relation} (reversed)`}: ${step.link.rationale}`)
    console.log(`      [${sources}]`)
    console.log(`  ${LinkGraph.event(graph, next)!.when}  ${title(next)}`)
  })
}

const chains = LinkGraph.chains(graph, { from: 2011, to: 2023 })
console.log(`\nEvery chain of recorded links from 2011 to 2023, along time (${chains.length}):`)
for (const c of chains) console.log(`  ${c.events.join(" → ")}`)

// ---------------------------------------------------------------------------------------------
// 3. What the inference rules propose

const proposals = Inference.propose(graph, {
  places: Catalog.records(catalog, { type: "place" }),
  actors: Catalog.records(catalog, { type: "actor" })
})
const shown = 12
console.log(`\nLink proposals from the inference rules (${proposals.length}; none is recorded until someone accepts it), best ${shown}:`)
for (const p of proposals.slice(0, shown)) {
  console.log(`  ${p.score.toFixed(2)}  ${p.link.from} ${p.link.relation} ${p.link.to}`)
  console.log(`        ${p.rule}: ${p.reason}`)
}

process.stderr.write(`\n(done in ${((performance.now() - started) / 1000).toFixed(1)} s)\n`)

// ---------------------------------------------------------------------------------------------
// 4. The timeline page (issue 18): the journal as one self-contained HTML file to open or send.
// Its path goes to stderr, with the timing, so that the printed output stays what it was.
{
  const { Journal } = await import("protest-chronicle")
  const { TimelinePage } = await import("protest-chronicle/interchange")
  const { Stream } = await import("effect")
  const { writeFileSync } = await import("node:fs")
  const pageDir = mkdtempSync(join(tmpdir(), "protest-chronicle-page-"))
  copyFileSync(shipped, join(pageDir, "zhanaozen.jsonl"))
  const entries = await Effect.runPromise(
    Effect.gen(function*() {
      const journal = yield* Journal.Journal
      return yield* Stream.runCollect(journal.readAll())
    }).pipe(Effect.provide(layerFile(join(pageDir, "zhanaozen.jsonl"))))
  ).finally(() => rmSync(pageDir, { recursive: true, force: true }))
  const page = join(import.meta.dirname, "output", "zhanaozen.html")
  writeFileSync(page, TimelinePage.fromEntries(entries, { title: "Zhanaozen, 2011–2023", description: "Oil workers' protests in Mangystau and what followed, from the bundled chronicle" }))
  process.stderr.write(`The timeline page: ${page}\n`)
}
