/**
 * fast-check arbitraries for every record type, producing values that decode. Ids are drawn from
 * small pools so that generated records refer to one another, as real chronicles do.
 *
 * @since 0.1.0
 */
import * as fc from "fast-check"
import type { Actor } from "../model/Actor.js"
import type { Event } from "../model/Event.js"
import type { Link } from "../model/Link.js"
import type { Place } from "../model/Place.js"
import type { Citation, Source } from "../model/Source.js"
import * as Count from "../model/Count.js"
import { arbCount } from "./Count.js"
import { arbTimeZone, arbWhen } from "./When.js"

// Arbitraries build the encoded (JSON) form of records; `Record.decode` turns them into records.
/**
 * The encoded (JSON) form of a schema's values: what the arbitraries generate.
 *
 * @category models
 * @since 0.1.0
 */
export type Encoded<S extends { readonly Encoded: unknown }> = S["Encoded"]

const words = [
  "oil", "workers", "strike", "rally", "Zhanaozen", "Жанаозен", "Janaozen", "Ақтау", "Astana", "square",
  "police", "akimat", "union", "wages", "jobs", "tender", "KazMunayGas", "Ozenmunaigas", "night", "court"
]

/**
 * Non-blank text of one to six words, some in Cyrillic and Kazakh letters.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const arbText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 6 }).map((ws) => ws.join(" ")) },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 40, unit: "grapheme" }).filter((s) => /\S/u.test(s)) }
)

/**
 * A slug id with a given prefix, drawn from a pool of `size` values so that references meet.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const arbIdFrom = (prefix: string, size = 8): fc.Arbitrary<string> =>
  fc.integer({ min: 1, max: size }).map((n) => `${prefix}-${n}`)

/**
 * Any valid id.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const arbId: fc.Arbitrary<string> = fc.stringMatching(/^[a-z0-9][a-z0-9._:~-]{0,30}$/)

/**
 * A tag such as `oil-workers`.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const arbTag: fc.Arbitrary<string> = fc
  .array(fc.constantFrom("oil", "workers", "16", "december", "jobs", "wages", "жанаозен", "2011"), { minLength: 1, maxLength: 3 })
  .map((ws) => ws.join("-"))

/**
 * A BCP 47 language tag from the languages a Kazakh chronicle meets.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const arbLanguageTag: fc.Arbitrary<string> = fc.constantFrom("kk", "ru", "en", "kk-Cyrl", "kk-Latn", "en-GB", "de", "zh")

/**
 * An http(s) URL.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const arbUrl: fc.Arbitrary<string> = fc.webUrl({ validSchemes: ["http", "https"] }).filter((u) => {
  try {
    return ["http:", "https:"].includes(new URL(u).protocol)
  } catch {
    return false
  }
})

const sourceIds = arbIdFrom("source")
const actorIds = arbIdFrom("actor")
const placeIds = arbIdFrom("place")
const eventIds = arbIdFrom("event", 12)

/**
 * A citation of one of the pooled sources.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const arbCitation: fc.Arbitrary<Encoded<typeof Citation>> = fc.record(
  {
    source: sourceIds,
    quote: arbText,
    quoteLanguage: arbLanguageTag,
    translation: arbText,
    locator: fc.constantFrom("para. 3", "p. 12", "00:01:30")
  },
  { requiredKeys: ["source"] }
)

const citations = fc.array(arbCitation, { minLength: 1, maxLength: 3 })

/**
 * A source record.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const arbSource: fc.Arbitrary<Encoded<typeof Source>> = fc.record(
  {
    type: fc.constant("source" as const),
    id: sourceIds,
    outlet: arbText,
    kind: fc.constantFrom("news", "official", "court", "ngo", "academic", "social", "other"),
    title: arbText,
    url: arbUrl,
    published: arbWhen,
    language: arbLanguageTag,
    author: arbText,
    via: sourceIds,
    note: arbText
  },
  { requiredKeys: ["type", "id", "outlet", "kind"] }
)

/**
 * A claim whose value comes from `value`.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const arbClaimOf = <A>(value: fc.Arbitrary<A>) =>
  fc.record(
    { value, citations, claimant: actorIds, madeOn: arbWhen, note: arbText },
    { requiredKeys: ["value", "citations"] }
  )

/**
 * A claim about a count, sometimes with a breakdown into parts no larger than the total.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const arbCountClaim = fc
  .tuple(arbClaimOf(arbCount), fc.array(fc.tuple(arbText, arbCount), { maxLength: 3 }))
  .map(([claim, parts]) => {
    const high = Count.bounds(claim.value).high
    const breakdown = parts.filter(([, c]) => Count.bounds(c).low <= high).map(([label, count]) => ({ label, count }))
    return breakdown.length === 0 ? claim : { ...claim, breakdown }
  })

/**
 * A non-empty list of claims about a count.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const arbCountClaims = fc.array(arbCountClaim, { minLength: 1, maxLength: 4 })

const arbClaimedValue = fc.oneof(
  fc.record({ kind: fc.constant("text" as const), text: arbText }),
  fc.record({ kind: fc.constant("count" as const), count: arbCount }),
  fc.record({ kind: fc.constant("when" as const), when: arbWhen }),
  fc.record({ kind: fc.constant("actors" as const), actors: fc.array(actorIds, { minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant("place" as const), place: placeIds, site: arbText }, { requiredKeys: ["kind", "place"] })
)

/**
 * A dispute between sources about one topic.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const arbDispute = fc.record({
  topic: arbText,
  claims: fc.array(arbClaimOf(arbClaimedValue), { minLength: 1, maxLength: 3 })
})

const alias = fc.record(
  { name: arbText, language: arbLanguageTag, script: fc.constantFrom("Latn", "Cyrl", "Arab") },
  { requiredKeys: ["name"] }
)

/**
 * An actor record (never its own parent or member).
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const arbActor: fc.Arbitrary<Encoded<typeof Actor>> = fc
  .record(
    {
      type: fc.constant("actor" as const),
      id: actorIds,
      kind: fc.constantFrom(
        "person", "workers", "union", "company", "state-body", "official", "police", "military", "court", "party",
        "media", "ngo", "residents", "international-organization", "other"
      ),
      name: arbText,
      aliases: fc.array(alias, { maxLength: 3 }),
      parent: actorIds,
      memberOf: fc.array(actorIds, { maxLength: 3 }),
      offices: fc.array(
        fc.record(
          { title: arbText, organization: actorIds, place: placeIds, from: fc.constant("2011-12-22"), to: fc.constant("2019-03-20") },
          { requiredKeys: ["title"] }
        ),
        { maxLength: 2 }
      ),
      description: arbText,
      citations: fc.array(arbCitation, { maxLength: 2 })
    },
    { requiredKeys: ["type", "id", "kind", "name"] }
  )
  .map((a) => {
    const { parent, memberOf, ...rest } = a
    return {
      ...rest,
      ...(parent === undefined || parent === a.id ? {} : { parent }),
      ...(memberOf === undefined ? {} : { memberOf: memberOf.filter((m) => m !== a.id) })
    }
  })

/**
 * A place record (never within itself).
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const arbPlace: fc.Arbitrary<Encoded<typeof Place>> = fc
  .record(
    {
      type: fc.constant("place" as const),
      id: placeIds,
      kind: fc.constantFrom("country", "region", "district", "city", "town", "village", "oilfield", "site", "other"),
      name: arbText,
      timeZone: arbTimeZone,
      within: placeIds,
      aliases: fc.array(alias, { maxLength: 3 }),
      coordinates: fc.record({
        // `+ 0` turns -0 into 0: JSON cannot carry the sign of zero.
        lat: fc.double({ min: -90, max: 90, noNaN: true }).map((x) => x + 0),
        lon: fc.double({ min: -180, max: 180, noNaN: true }).map((x) => x + 0),
        precision: fc.constantFrom("exact", "approximate", "centroid", "administrative-centre")
      }),
      description: arbText,
      citations: fc.array(arbCitation, { maxLength: 2 })
    },
    { requiredKeys: ["type", "id", "kind", "name", "timeZone"] }
  )
  .map(({ within, ...p }) => (within === undefined || within === p.id ? p : { ...p, within }))

const participant = fc.record(
  {
    actor: actorIds,
    role: fc.constantFrom(
      "organizer", "participant", "supporter", "target", "employer", "authority", "speaker", "detainee", "victim",
      "perpetrator", "defendant", "court", "mediator", "negotiator", "observer", "other"
    ),
    count: arbCountClaims,
    note: arbText
  },
  { requiredKeys: ["actor", "role"] }
)

const common = {
  type: fc.constant("event" as const),
  id: eventIds,
  title: arbText,
  summary: arbText,
  note: arbText,
  when: arbWhen,
  where: fc.record(
    { place: placeIds, site: arbText, timeZone: arbTimeZone, alsoAt: fc.array(placeIds, { maxLength: 2 }) },
    { requiredKeys: ["place", "timeZone"] }
  ),
  participants: fc.array(participant, { maxLength: 4 }),
  demands: fc.array(arbText, { maxLength: 3 }),
  tags: fc.array(arbTag, { maxLength: 3 }),
  disputes: fc.array(arbDispute, { maxLength: 2 }),
  citations
}
const commonRequired = ["type", "id", "title", "when", "where", "citations", "kind"] as const

const eventOf = <K extends string, F extends { readonly [k: string]: fc.Arbitrary<unknown> }>(
  kind: K,
  fields: F,
  required: ReadonlyArray<keyof F & string> = []
) =>
  fc.record({ ...common, kind: fc.constant(kind), ...fields }, {
    requiredKeys: [...commonRequired, ...required] as Array<never>
  })

const actorList = fc.array(actorIds, { maxLength: 3 })
const arbDemandsFor = fc.constantFrom("leadership-change", "policy-change", "rights", "institutional-change")
const arbSide = fc.constantFrom("state-forces", "protesters", "rioters", "civilians", "armed-group", "unknown")
const texts = fc.array(arbText, { maxLength: 3 })
const nonEmptyTexts = fc.array(arbText, { minLength: 1, maxLength: 3 })

/**
 * An event of each built-in kind, by kind name.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const arbEventByKind = {
  strike: eventOf("strike", {
    form: fc.constantFrom("strike", "work-stoppage", "wildcat", "sit-down", "go-slow", "refusal-to-work"),
    employers: actorList,
    size: arbCountClaims,
    legality: fc.constantFrom("lawful", "ruled-unlawful", "disputed", "unknown"),
    demonstration: fc.boolean(),
    demandsFor: arbDemandsFor
  }),
  "hunger-strike": eventOf("hunger-strike", { employers: actorList, size: arbCountClaims, declaredOnly: fc.boolean(), demandsFor: arbDemandsFor }),
  rally: eventOf("rally", {
    form: fc.constantFrom("demonstration", "march", "sit-in", "picket", "blockade", "gathering"),
    size: arbCountClaims,
    authorised: fc.boolean(),
    overnight: fc.boolean(),
    demandsFor: arbDemandsFor
  }, ["form"]),
  dispersal: eventOf("dispersal", {
    by: actorList,
    force: fc.uniqueArray(fc.constantFrom("physical", "batons", "tear-gas", "stun-grenades", "water-cannon", "rubber-bullets", "warning-shots", "crowd-control", "live-fire", "vehicles", "arrests"), { maxLength: 3 }),
    killed: arbCountClaims,
    injured: arbCountClaims,
    hospitalised: arbCountClaims
  }),
  violence: eventOf("violence", {
    form: fc.constantFrom("shooting", "killing", "beating", "clashes", "arson", "death", "other"),
    killed: arbCountClaims,
    injured: arbCountClaims,
    hospitalised: arbCountClaims,
    between: fc.record({ by: arbSide, against: arbSide }),
    targeted: fc.boolean()
  }, ["form"]),
  detention: eventOf("detention", {
    detained: arbCountClaims,
    detainees: actorList,
    authority: actorIds,
    legalBasis: texts,
    charges: texts,
    outcomes: fc.array(fc.record({
      status: fc.constantFrom("held", "released", "released-with-warning", "fined", "administrative-arrest", "charged", "sentenced", "unknown"),
      count: arbCount,
      detail: arbText
    }, { requiredKeys: ["status"] }), { maxLength: 3 }),
    atProtest: fc.boolean(),
    extrajudicial: fc.boolean(),
    significance: fc.constantFrom("routine", "mass", "prominent")
  }, ["detained"]),
  "official-statement": eventOf("official-statement", {
    speaker: actorIds,
    office: arbText,
    quotes: fc.array(fc.record({ text: arbText, language: arbLanguageTag, translation: arbText, translationLanguage: arbLanguageTag }, { requiredKeys: ["text"] }), { maxLength: 2 }),
    language: arbLanguageTag,
    medium: fc.constantFrom("press-release", "speech", "televised-address", "video-address", "interview", "decree", "press-conference", "social-media", "letter", "report", "other"),
    stance: fc.constantFrom("appeal", "warning", "concession", "acknowledgement", "denial", "condemnation", "information", "other")
  }, ["speaker"]),
  "emergency-measure": eventOf("emergency-measure", {
    measures: fc.array(fc.constantFrom("state-of-emergency", "curfew", "ban", "organization-ban", "party-ban", "deployment", "military-deployment", "internet-shutdown", "other"), { minLength: 1, maxLength: 3 }),
    authority: actorIds,
    area: fc.array(placeIds, { maxLength: 3 }),
    restrictions: texts,
    instrument: arbText
  }, ["measures"]),
  trial: eventOf("trial", {
    stage: fc.constantFrom("charge", "lawsuit", "opening", "hearing", "verdict", "appeal", "parole-hearing"),
    court: actorIds,
    defendants: actorList,
    defendantCount: arbCountClaims,
    charges: texts,
    sentences: fc.array(fc.record({ defendants: actorList, count: arbCount, penalty: arbText, custodial: fc.boolean() }, { requiredKeys: ["penalty"] }), { maxLength: 3 }),
    outcome: arbText
  }, ["stage"]),
  release: eventOf("release", {
    form: fc.constantFrom("release", "amnesty", "parole", "pardon", "acquittal", "bail"),
    released: arbCountClaims,
    releasedActors: actorList,
    authority: actorIds,
    conditions: texts
  }, ["form"]),
  concession: eventOf("concession", {
    by: fc.array(actorIds, { minLength: 1, maxLength: 3 }),
    to: actorList,
    subject: fc.constantFrom("wages", "jobs", "prices", "personnel", "policy", "end-of-action", "other"),
    terms: nonEmptyTexts,
    partial: fc.boolean(),
    signed: fc.boolean()
  }, ["by", "subject", "terms"]),
  layoff: eventOf("layoff", { employers: actorList, dismissed: arbCountClaims, reason: arbText }),
  negotiation: eventOf("negotiation", {
    form: fc.constantFrom("negotiation", "meeting", "mediation", "commission", "inquiry", "report"),
    parties: actorList,
    findings: texts,
    outcome: arbText
  }, ["form"])
} as const

/**
 * An event of any built-in kind, in its encoded (JSON) form: every one decodes.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check"
 * import { Record } from "protest-chronicle"
 * import { arbEvent } from "protest-chronicle/testing"
 *
 * // A property of your own code, tried on generated events: here, that every event cites a source.
 * const citesASource = (event: Record.Record) => event.type === "event" && event.citations.length > 0
 * fc.assert(fc.property(arbEvent, (encoded) => citesASource(Record.decodeUnsafe(encoded))))
 * ```
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const arbEvent: fc.Arbitrary<Encoded<typeof Event>> = fc.oneof(...Object.values(arbEventByKind)) as unknown as fc.Arbitrary<
  Encoded<typeof Event>
>

/**
 * A link record: asserted (rationale and citations) or inferred (rule, score, reason).
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const arbLink: fc.Arbitrary<Encoded<typeof Link>> = fc
  .tuple(
    eventIds,
    eventIds,
    fc.constantFrom("causes", "responds-to", "part-of", "continues", "commemorates", "echoes", "same-as", "contradicts"),
    fc.boolean(),
    arbText,
    citations,
    fc.record({ rule: arbText, score: fc.double({ min: 0, max: 1, noNaN: true }), reason: arbText }),
    arbIdFrom("link", 20)
  )
  .map(([from, to0, relation, inferred, rationale, cites, inferredBy, id]) => {
    const to = to0 === from ? `${from}-other` : to0
    return inferred
      ? { type: "link" as const, id, relation, from, to, inferredBy }
      : { type: "link" as const, id, relation, from, to, rationale, citations: cites }
  })

/**
 * Any record of the built-in vocabulary.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const arbRecord = fc.oneof(arbEvent, arbActor, arbPlace, arbSource, arbLink)
