// The demo (`npm run demo`): opens the bundled Zhanaozen 2011–2023 chronicle in the embedded file
// store and prints
//   1. the timeline grouped by year, every event once, in the calendar of its own place: dates as
//      the sources give them (approximate and uncertain ones flagged, never rounded to a day), and
//      contested counts with every report, who made it and where it was published;
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

// Names to print instead of ids: an actor's name, a source's outlet.
const nameOf = new Map<string, string>()
for (const a of Catalog.records(catalog, { type: "actor" })) nameOf.set(a.id, a.name)
const outletOf = new Map<string, string>()
for (const s of Catalog.records(catalog, { type: "source" })) outletOf.set(s.id, s.outlet.replace(/\s*\(.*\)$/, ""))

// A date as the source gives it, written for reading: `T13:24:00` as ` 13:24`, an interval's end
// on the same day as its start shortened, an open end as "onward". Qualifiers (~ about, ? uncertain)
// stay, and are spelled out after the title.
const hhmm = (part: string) => part.replace(/T(\d\d:\d\d):00$/, " $1")
const showWhen = (when: string): string => {
  const [start, end] = when.split("/") as [string, string | undefined]
  if (end === undefined) return hhmm(start)
  if (end === ".." || end === "") return `${hhmm(start)} onward`
  const [startDay] = hhmm(start).split(" ")
  const [endDay, endTime] = hhmm(end).split(" ")
  if (startDay === endDay) return endTime === undefined ? `${hhmm(start)} to end of day` : `${hhmm(start)}–${endTime}`
  return `${hhmm(start)} – ${hhmm(end)}`
}

const dateNote = (when: When.When): string => {
  const q = When.qualifiers(when)
  const notes = [q.approximate ? "approximate date" : "", q.uncertain ? "uncertain date" : ""].filter((n) => n !== "")
  return notes.length === 0 ? "" : ` (${notes.join(", ")})`
}

const claimFields = ["size", "killed", "injured", "detained", "released", "dismissed", "defendantCount"] as const
const fieldName: Record<(typeof claimFields)[number], string> = {
  size: "size",
  killed: "killed",
  injured: "injured",
  detained: "detained",
  released: "released",
  dismissed: "dismissed",
  defendantCount: "defendants"
}

const who = (claim: Claim.CountClaim): string => {
  const outlets = [...new Set(claim.citations.map((c) => outletOf.get(c.source) ?? c.source))].join(", ")
  const claimant = claim.claimant === undefined ? undefined : (nameOf.get(claim.claimant) ?? claim.claimant)
  const said = claimant === undefined ? outlets : claimant === outlets ? claimant : `${claimant}, in ${outlets}`
  return `${said}${claim.madeOn === undefined ? "" : `, ${claim.madeOn}`}`
}

const INDENT = " ".repeat(6)
const contested = (event: Projection.Timeline.Hit["event"]): Array<string> => {
  const lines: Array<string> = []
  for (const field of claimFields) {
    const claims = (event as unknown as Record<string, Claim.CountClaims | undefined>)[field]
    if (claims === undefined) continue
    if (claims.length === 1) {
      lines.push(`${INDENT}${fieldName[field]}: ${Count.format(claims[0]!.value)} — ${who(claims[0]!)}`)
      continue
    }
    // The official claims' envelope when it is bounded, else each official figure.
    const official = ClaimPolicy.summarize(claims, "official", Timeline.attribution(timeline))
    const officially = official.count === undefined
      ? "no official figure"
      : Count.bounds(official.count).high < Infinity
        ? `official: ${Count.format(official.count)}`
        : `official: ${official.claims.map((c) => Count.format(c.value)).join("; ")}`
    lines.push(`${INDENT}${fieldName[field]}: ${claims.length} reports; ${officially}`)
    for (const claim of claims) lines.push(`${INDENT}  · ${Count.format(claim.value)} — ${who(claim)}`)
  }
  return lines
}

// Each event once, in the year it starts in its own place's calendar (a January 2022 event dated
// in Almaty time is in 2022 wherever it is read); an event that runs on past its year is marked.
const years = Calendar.group(timeline, "year", {}, { timeZone: "Asia/Aqtau", eventTimeZone: true, once: true })
if (years._tag === "Failure") throw years.failure
const order = new Map(Timeline.events(timeline).map((e, i) => [e.id, i]))
const DATE = 30
let listed = 0
for (const year of years.success) {
  const members = [...year.certain.map((e) => [e, true] as const), ...year.possible.map((e) => [e, false] as const)]
    .sort(([a], [b]) => order.get(a.id)! - order.get(b.id)!)
  listed += members.length
  const unsure = year.possible.length === 0 ? "" : ` (${year.possible.length} not certainly in it)`
  console.log(`\n── ${year.key}: ${members.length} event${members.length === 1 ? "" : "s"}${unsure} ${"─".repeat(100)}`.slice(0, 100))
  const continuing = new Set((year.continuing ?? []).map((e) => e.id))
  for (const [event, certain] of members) {
    const date = showWhen(event.when)
    const marks = `${certain ? " " : "?"}${continuing.has(event.id) ? "↪" : " "}`
    const head = `${marks} ${date.padEnd(DATE)} ${event.kind.padEnd(19)}`
    if (date.length > DATE) console.log(`${marks} ${date}\n   ${" ".repeat(DATE)} ${event.kind.padEnd(19)}${event.title}${dateNote(event.when)}`)
    else console.log(`${head}${event.title}${dateNote(event.when)}`)
    for (const line of contested(event)) console.log(line)
  }
}
console.log(
  `\n${listed} events listed, each once, in the year it starts in the calendar of its own place (Asia/Aqtau for ` +
    `Mangystau, Asia/Almaty for Astana and the country). ↪ marks an event that runs on past that year; ? one not ` +
    `certainly in it (its date is uncertain, or it may begin the year before).`
)
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
    const sources = [...new Set((step.link.citations ?? []).map((c) => outletOf.get(c.source) ?? c.source))].join("; ")
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
