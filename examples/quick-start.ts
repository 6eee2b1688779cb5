// Quick start: write the April 2023 Astana detention as records, decode them, and read back the
// uncertain date and the contested count without rounding anything away.
//
//   npm run example
import { Result } from "effect"
import { Count, Event, Record, When } from "protest-chronicle"

// Records arrive as JSON: from a file, an API, a form. Decoding validates them.
const input = [
  {
    type: "place",
    id: "astana",
    kind: "city",
    name: "Astana",
    aliases: [{ name: "Астана", language: "kk", script: "Cyrl" }, { name: "Nur-Sultan", language: "en" }],
    timeZone: "Asia/Almaty",
    coordinates: { lat: 51.1667, lon: 71.4333, precision: "approximate" }
  },
  { type: "actor", id: "astana-police-department", kind: "police", name: "Astana Police Department" },
  {
    type: "source",
    id: "eadaily-2023-04-11",
    outlet: "EADaily",
    title: "Mass protests broke out in the south-west of Kazakhstan",
    published: "2023-04-11",
    language: "ru",
    kind: "news"
  },
  {
    type: "source",
    id: "bureau-kz-2023-04-11",
    outlet: "Kazakhstan International Bureau for Human Rights",
    url: "https://bureau.kz/en/news/police-detain-protesting-oil-workers/",
    kind: "ngo"
  },
  {
    type: "event",
    kind: "detention",
    id: "astana-2023-04-11-detention",
    title: "Police take protesting oil workers from Zhanaozen away in Astana",
    when: "2023-04-11T18:50:00/2023-04-11T19:20:00",
    where: { place: "astana", site: "outside the KazMunayGas head office", timeZone: "Asia/Almaty" },
    atProtest: true,
    detained: [
      {
        value: { kind: "at-least", value: 100, exclusive: true, phrase: "more than 100" },
        claimant: "astana-police-department",
        citations: [{ source: "eadaily-2023-04-11" }]
      },
      { value: { kind: "at-least", value: 80, exclusive: true, phrase: "more than 80" }, citations: [{ source: "bureau-kz-2023-04-11" }] },
      { value: { kind: "about", value: 130 }, citations: [{ source: "bureau-kz-2023-04-11" }] }
    ],
    authority: "astana-police-department",
    legalBasis: ["Law of the Republic of Kazakhstan \"On Peaceful Assemblies\" (as cited by the police)"],
    citations: [
      {
        source: "eadaily-2023-04-11",
        quote: "a number of organizers and active participants of the action were taken to the police"
      }
    ]
  }
]

const records = input.map((json) => {
  const decoded = Record.decode(json)
  if (Result.isFailure(decoded)) throw decoded.failure
  return decoded.success
})
console.log(`decoded ${records.length} records`)

for (const record of records) {
  if (record.type !== "event") continue
  const bounds = Event.bounds(record)
  console.log(`\n${record.title}`)
  console.log(`  when      ${record.when} (${When.precision(record.when)} precision, in ${record.where.timeZone})`)
  console.log(`  UTC       ${new Date(bounds.earliest).toISOString()} … ${new Date(bounds.latest).toISOString()}`)
  if (record.kind === "detention") {
    for (const claim of record.detained) {
      const by = claim.claimant ?? claim.citations.map((c) => c.source).join(", ")
      console.log(`  detained  ${Count.format(claim.value).padEnd(28)} according to ${by}`)
    }
    const all = record.detained.map((c) => c.value)
    console.log(`  envelope  ${Count.format(Count.envelope([all[0]!, ...all.slice(1)]))}`)
  }
  const mapping = Event.mappingOf(record)
  const acled = mapping.acled === undefined ? "not coded" : `${mapping.acled.eventType} / ${mapping.acled.subEventType}`
  console.log(`  codes     CAMEO ${mapping.cameo.code}, PLOVER ${mapping.plover?.type ?? "not coded"}, ACLED ${acled}`)
}

// Bad input is a typed error that names every bad field; nothing throws.
const bad = Record.decode({ ...input[4], when: "2011-13-40", citations: [] })
if (Result.isFailure(bad)) console.log(`\nrejected a bad record:\n${bad.failure.message}`)
