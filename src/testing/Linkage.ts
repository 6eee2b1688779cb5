/**
 * fast-check arbitraries of small chronicles for property-testing link graphs and inference:
 * events whose dates crowd into a few days of a few years (so that links are often possible, often
 * impossible, and anniversaries fall), at a few places of one hierarchy, naming a few actors, with
 * link attempts of every relation between them — some to unknown events, some closing cycles.
 *
 * @since 0.1.0
 */
import * as fc from "fast-check"
import type { Actor } from "../model/Actor.js"
import type { Event } from "../model/Event.js"
import type { Link, Relation } from "../model/Link.js"
import type { Place } from "../model/Place.js"
import { arbEventByKind } from "./Records.js"

import type { Encoded } from "./Records.js"

/**
 * The places generated chronicles use: a region, two towns within it, and a capital elsewhere.
 *
 * @category fixtures
 * @since 0.1.0
 */
export const linkagePlaces: ReadonlyArray<Encoded<typeof Place>> = [
  { type: "place", id: "mangystau", kind: "region", name: "Mangystau Region", timeZone: "Asia/Aqtau" },
  { type: "place", id: "zhanaozen", kind: "city", name: "Zhanaozen", timeZone: "Asia/Aqtau", within: "mangystau" },
  { type: "place", id: "aktau", kind: "city", name: "Aktau", timeZone: "Asia/Aqtau", within: "mangystau" },
  { type: "place", id: "astana", kind: "city", name: "Astana", timeZone: "Asia/Almaty" }
]

/**
 * The actors generated chronicles name.
 *
 * @category fixtures
 * @since 0.1.0
 */
export const linkageActors: ReadonlyArray<Encoded<typeof Actor>> = [
  { type: "actor", id: "oil-workers", kind: "workers", name: "Oil workers" },
  { type: "actor", id: "police", kind: "police", name: "Police" },
  { type: "actor", id: "akimat", kind: "state-body", name: "Akimat" },
  { type: "actor", id: "union", kind: "union", name: "Union" }
]

const zoneOf: Readonly<Record<string, string>> = { mangystau: "Asia/Aqtau", zhanaozen: "Asia/Aqtau", aktau: "Asia/Aqtau", astana: "Asia/Almaty" }

const pad = (n: number) => String(n).padStart(2, "0")

/**
 * A date crowded into a few days: 10–20 April or December of 2011, 2012, 2021 or 2023, written as
 * a day, an approximate day, a month, a range of days, or an interval with an open end.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const arbCrowdedWhen: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(2011, 2012, 2021, 2023), fc.constantFrom(4, 12), fc.integer({ min: 10, max: 20 }), fc.integer({ min: 0, max: 4 }), fc.nat({ max: 9 }))
  .map(([y, m, d, length, shape]) => {
    const day = `${y}-${pad(m)}-${pad(d)}`
    if (shape <= 4) return day
    if (shape === 5) return `${day}~`
    if (shape === 6) return `${y}-${pad(m)}`
    if (shape === 7) return `${day}/..`
    return `${day}/${y}-${pad(m)}-${pad(d + length)}`
  })

const kinds = ["rally", "strike", "detention", "dispersal", "official-statement", "violence"] as const

/**
 * An event of a kind the inference rules read, with a crowded date, a place and some of the actors.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const arbLinkageEvent = (id: string): fc.Arbitrary<Encoded<typeof Event>> =>
  fc
    .tuple(
      fc.constantFrom(...kinds).chain((k) => arbEventByKind[k] as fc.Arbitrary<{ readonly [key: string]: unknown }>),
      arbCrowdedWhen,
      fc.constantFrom("zhanaozen", "aktau", "astana", "mangystau"),
      fc.option(fc.constantFrom("zhanaozen", "aktau", "astana"), { nil: undefined, freq: 4 }),
      fc.uniqueArray(fc.constantFrom("oil-workers", "police", "akimat", "union"), { maxLength: 3 })
    )
    .map(([event, when, place, also, actors]) => ({
      ...event,
      id,
      when,
      where: { place, timeZone: zoneOf[place]!, ...(also === undefined || also === place ? {} : { alsoAt: [also] }) },
      participants: actors.map((actor) => ({ actor, role: "participant" as const }))
    })) as unknown as fc.Arbitrary<Encoded<typeof Event>>

/**
 * A link attempt between two of `ids` (or, rarely, to an event that does not exist), asserted.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const arbLinkAttempt = (ids: ReadonlyArray<string>, n: number): fc.Arbitrary<Encoded<typeof Link>> =>
  fc
    .tuple(
      fc.nat({ max: ids.length }),
      fc.nat({ max: ids.length - 1 }),
      fc.constantFrom<Relation>("causes", "responds-to", "part-of", "continues", "commemorates", "echoes", "same-as", "contradicts")
    )
    .map(([a, b, relation]) => {
      const from = a === ids.length ? "no-such-event" : ids[a]!
      const to = ids[b] === from ? ids[(b + 1) % ids.length]! : ids[b]!
      return { type: "link" as const, id: `link-${n}`, relation, from, to, rationale: "generated", citations: [{ source: "source-1" }] }
    })

/**
 * A generated chronicle: events with unique ids, then link attempts in the order they are made.
 *
 * @category models
 * @since 0.1.0
 */
export interface GeneratedChronicle {
  readonly events: ReadonlyArray<Encoded<typeof Event>>
  readonly links: ReadonlyArray<Encoded<typeof Link>>
}

/**
 * A chronicle of 2–`maxEvents` events (default 12) and up to `maxLinks` link attempts (default 30).
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const arbChronicle = (options: { readonly maxEvents?: number; readonly maxLinks?: number } = {}): fc.Arbitrary<GeneratedChronicle> =>
  fc.integer({ min: 2, max: options.maxEvents ?? 12 }).chain((count) => {
    const ids = Array.from({ length: count }, (_, i) => `event-${i + 1}`)
    return fc.record({
      events: fc.tuple(...ids.map(arbLinkageEvent)),
      links: fc.integer({ min: 0, max: options.maxLinks ?? 30 }).chain((k) => fc.tuple(...Array.from({ length: k }, (_, i) => arbLinkAttempt(ids, i + 1))))
    })
  })
