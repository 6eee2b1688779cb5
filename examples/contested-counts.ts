// Contested counts under each policy. The death toll of 16 December 2011 in Zhanaozen is reported
// by the authorities, the Prosecutor General, news agencies, the European Parliament, Human Rights
// Watch and activists, with different figures. The record keeps every claim; a policy only chooses
// what a summary reports, and sums over uncertain counts stay bounds.
//
//   npx tsx examples/contested-counts.ts
import { ClaimPolicy, Count, Event, Id, Projection, Record } from "protest-chronicle"
import { zhanaozen } from "protest-chronicle/datasets"

const { Calendar, Timeline } = Projection
// `fromRecords` fails, naming the record, when one cannot be read; decoded records always can.
const built = Timeline.fromRecords(zhanaozen.all.map((r) => Record.decodeUnsafe(r)))
if (built._tag === "Failure") throw built.failure
const timeline = built.success
const shooting = Timeline.get(timeline, Id.EventId.make("zhanaozen-2011-12-16-shooting"))!
if (!Event.isKind(shooting, "dispersal") || shooting.killed === undefined) throw new Error("expected the shooting's death toll")

console.log(`${shooting.title} — killed, as reported:`)
for (const claim of shooting.killed) {
  const who = claim.claimant ?? claim.citations.map((c) => c.source).join(", ")
  console.log(`  ${Count.format(claim.value).padEnd(50)} ${who}${ClaimPolicy.isOfficial(claim, Timeline.attribution(timeline)) ? " (official)" : ""}`)
}

console.log("\nWhat a summary reports under each policy:")
for (const policy of ["all", "official", "lowest", "highest", "envelope"] as const) {
  const { claims, count } = ClaimPolicy.summarize(shooting.killed, policy, Timeline.attribution(timeline))
  console.log(`  ${policy.padEnd(9)} ${count === undefined ? "no claim" : Count.format(count)} (from ${claims.length} of ${shooting.killed.length} claims)`)
}

// Deaths per year in Mangystau Region, summed as bounds: the lowest and the highest claim of each event.
for (const policy of ["lowest", "highest"] as const) {
  const measure = (e: Event.AnyEvent) => {
    const claims = (Event.isKind(e, "dispersal") || Event.isKind(e, "violence")) ? e.killed : undefined
    return claims === undefined ? undefined : ClaimPolicy.summarize(claims, policy, Timeline.attribution(timeline)).count
  }
  const years = Calendar.group(timeline, "year", { place: "mangystau-region", kind: ["dispersal", "violence"] }, { timeZone: "Asia/Aqtau", measure })
  if (years._tag === "Failure") throw years.failure
  const line = years.success.filter((g) => g.total !== undefined).map((g) => `${g.key}: ${Count.format(g.total!)}`).join(", ")
  console.log(`\nkilled in Mangystau Region by year, ${policy} claim of each event: ${line}`)
}
