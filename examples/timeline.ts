// The README's timeline example, run over the bundled Zhanaozen chronicle (`protest-chronicle/datasets`):
// windows in a local calendar, filters, calendar groups and gaps, Allen relations, anniversaries,
// contested counts by claim policy, and an error as a value. The README shows this code and its
// output; a test checks that both are the same as here.
//
//   npx tsx examples/timeline.ts
// readme: begin
import { Result } from "effect"
import { Chronicle, ClaimPolicy, Count, Event, Id, Projection } from "protest-chronicle"
import { zhanaozen } from "protest-chronicle/datasets"

const { Calendar, Timeline } = Projection
const chronicle = await Chronicle.open() // in memory
for (const record of zhanaozen.all) await chronicle.record(record) // sources, places, actors, events, links
const timeline = await chronicle.project(Timeline.projection)

// December 2011 in Mangystau (Zhanaozen, Aktau and Shetpe included), in the local calendar.
const december = Timeline.query(timeline, { from: "2011-12", to: "2011-12", timeZone: "Asia/Aqtau", place: "mangystau-region" })
if (Result.isSuccess(december)) console.log(`December 2011 in Mangystau: ${december.success.length} events, the first ${december.success[0]!.event.title}`)

// KazMunayGas and the companies within it (Ozenmunaigas included), strikes and rallies only.
const kmg = Result.getOrThrow(Timeline.query(timeline, { actor: "kazmunaygas", kind: ["strike", "rally"] }))
console.log(`strikes and rallies naming the KazMunayGas group (${kmg.length}): ${kmg.map((h) => h.event.id).join(", ")}`)

// Each event once, in the year it starts in its own place's calendar; ↪ events run on past that year.
const years = Result.getOrThrow(Calendar.group(timeline, "year", {}, { timeZone: "Asia/Aqtau", eventTimeZone: true, once: true }))
console.log(years.map((y) => `${y.key}: ${Count.format(y.events)}${y.continuing?.length ? ` (↪ ${y.continuing.length})` : ""}`).join(" · "))

// Years in which no event can fall.
const gaps = Result.getOrThrow(Calendar.gaps(timeline, "year", { from: "2011", to: "2023", timeZone: "Asia/Aqtau" }))
console.log(`years with no event: ${gaps.map((g) => (g.from === g.to ? g.from : `${g.from}–${g.to}`) + (g.certainty === "possible" ? " (possibly)" : "")).join(", ")}`)

// How two events relate in time (Allen's relations), and what fell on a later 16 December.
const shooting = Id.EventId.make("zhanaozen-2011-12-16-shooting")
const relations = Timeline.relations(timeline, shooting, Id.EventId.make("zhanaozen-2011-12-17-state-of-emergency"))
console.log(`the shooting and the state of emergency: certainly ${relations?.certain.join(", ") || "(none)"}`)
console.log(`on a later 16 December: ${Timeline.anniversariesOf(timeline, shooting).map((a) => a.event.id).join(", ") || "nothing"}`)

// The death toll of 16 December 2011: every claim kept; a policy chooses what a summary reports.
const killed = Timeline.get(timeline, shooting)
if (killed !== undefined && Event.isKind(killed, "dispersal") && killed.killed !== undefined) {
  for (const policy of ["official", "lowest", "highest", "envelope"] as const) {
    const { claims, count } = ClaimPolicy.summarize(killed.killed, policy, Timeline.attribution(timeline))
    console.log(`killed, ${policy}: ${count === undefined ? "none" : Count.format(count)} (${claims.length} of ${killed.killed.length} claims)`)
  }
}

// Bad input is a value, not an exception.
const bad = Timeline.query(timeline, { from: "2011-13" })
console.log(Result.isFailure(bad) ? `${bad.failure._tag}: ${bad.failure.message}` : "unexpected")
await chronicle.close()
// readme: end
