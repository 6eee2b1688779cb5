// Model a new event from a news report: the 2–3 January 2022 protest in Zhanaozen against the
// doubling of the LPG price, as RFE/RL and The Diplomat reported it. Decoding checks the record and
// names the path of any mistake; the record then answers questions about its own uncertainty.
//
//   npx tsx examples/news-report.ts
import { Result } from "effect"
import { Count, Event, Record, When } from "protest-chronicle"

const report = {
  type: "event",
  kind: "rally",
  id: "zhanaozen-2022-01-02-lpg-rally",
  title: "Zhanaozen residents protest a doubling of the LPG price",
  summary: "Residents protested after the LPG price rose to 120 tenge from 50–60 when it moved to exchange trading on 1 January.",
  // The reports give 2 January for the start and a crowd on 3 January: an interval of two days.
  when: "2022-01-02/2022-01-03",
  where: { place: "zhanaozen", timeZone: "Asia/Aqtau" },
  form: "demonstration",
  size: [
    {
      // "More than 1,000" is kept as said: a lower bound that excludes 1,000, with no upper bound.
      value: { kind: "at-least", value: 1000, exclusive: true, phrase: "more than 1,000" },
      citations: [{ source: "src-rferl-2022-01-lpg-protests" }, { source: "src-diplomat-2023-01-bloody-january-day-1" }]
    }
  ],
  tags: ["lpg-prices", "january-2022"],
  citations: [{ source: "src-diplomat-2023-01-bloody-january-day-1" }]
}

// A typo is an error that names its path; nothing is silently dropped.
const typo = Record.decode({ ...report, sise: report.size })
if (Result.isFailure(typo)) console.log(`a misspelt field is refused:\n  ${typo.failure.message.split("\n").join("\n  ")}`)

const decoded = Record.decode(report)
if (Result.isFailure(decoded)) throw decoded.failure
const event = decoded.success
if (event.type !== "event" || event.kind !== "rally") throw new Error("expected a rally")

const bounds = Event.bounds(event)
console.log(`\n${event.title}`)
console.log(`  when     ${event.when}: ${When.isInterval(event.when) ? "an interval" : "a single date"} of ${When.precision(event.when)} precision`)
console.log(`  UTC      from ${new Date(bounds.earliest).toISOString()} to ${new Date(bounds.latest).toISOString()} (Zhanaozen is UTC+5)`)
for (const claim of event.size ?? []) {
  const { high, low } = Count.bounds(claim.value)
  console.log(`  size     ${Count.format(claim.value)}: at least ${low}, at most ${high === Number.POSITIVE_INFINITY ? "unknown" : high}`)
}
const mapping = Event.mappingOf(event)
console.log(`  CAMEO    ${mapping.cameo.code} (${mapping.cameo.label})`)
console.log(`  PLOVER   ${mapping.plover === undefined ? "not coded" : `${mapping.plover.type} / ${mapping.plover.mode ?? "no mode"}`}`)
// ACLED codes a protest, but not everything (a strike without a demonstration, a statement, a trial).
console.log(`  ACLED    ${mapping.acled === undefined ? "not coded" : `${mapping.acled.eventType} / ${mapping.acled.subEventType}`}`)
console.log(`\nencoded back to JSON, unchanged: ${JSON.stringify(Result.getOrThrow(Record.encode(event))) === JSON.stringify(report)}`)
