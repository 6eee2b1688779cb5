/**
 * Inference benchmark: proposing links over 100,000 and over 200,000 synthetic events, every rule
 * on (target: the larger run costs at most 2.5× the smaller, i.e. near-linear).
 *
 * The chronicles are generated with a fixed seed and the shape of a real one grown larger: events
 * of 2011–2023, mostly known to the day (some only to the month, some intervals of a few days or
 * with an open end), of every kind the rules read and some they do not, at towns within regions
 * (some events filed at region level), naming one to three actors of whom a few (police, akimat,
 * the oil company) appear everywhere. A chronicle twice as large covers twice as many towns, so
 * each town is as busy as before: the rules' cost grows with the events and with how crowded a
 * town's days are, and this keeps the second fixed to measure the first.
 */
import { Result } from "effect"
import type { AnyEvent } from "../src/model/Event.js"
import type { Actor } from "../src/model/Actor.js"
import type { Place } from "../src/model/Place.js"
import { Projection } from "../src/index.js"
import { type Benchmark, compare } from "./harness.js"
import { DAY, DAYS, FIRST, isoDay, random } from "./synthetic.js"

const { Inference, LinkGraph } = Projection

const kinds = [
  ["rally", 25],
  ["strike", 12],
  ["hunger-strike", 2],
  ["detention", 14],
  ["dispersal", 5],
  ["official-statement", 18],
  ["violence", 4],
  ["trial", 8],
  ["negotiation", 6],
  ["concession", 3],
  ["layoff", 3]
] as const
const kindTable = kinds.flatMap(([k, w]) => Array.from({ length: w }, () => k))


/** Events per town: what keeps the density of a town's days the same at every size. */
const EVENTS_PER_TOWN = 500
const TOWNS_PER_REGION = 20

export interface Chronicle {
  readonly events: ReadonlyArray<AnyEvent>
  readonly places: ReadonlyArray<Place>
  readonly actors: ReadonlyArray<Actor>
}

/** A synthetic chronicle of `n` events (see the module comment). */
export const syntheticChronicle = (n: number, seed = 2011): Chronicle => {
  const next = random(seed)
  const pick = <A>(xs: ReadonlyArray<A>): A => xs[Math.floor(next() * xs.length)]!
  const towns = Math.max(1, Math.round(n / EVENTS_PER_TOWN))
  const regions = Math.max(1, Math.ceil(towns / TOWNS_PER_REGION))
  const places: Array<Place> = [{ type: "place", id: "kz", kind: "country", name: "Kazakhstan", timeZone: "Asia/Almaty" } as Place]
  for (let r = 0; r < regions; r++) {
    places.push({ type: "place", id: `region-${r}`, kind: "region", name: `Region ${r}`, timeZone: "Asia/Aqtau", within: "kz" } as Place)
  }
  for (let t = 0; t < towns; t++) {
    places.push({ type: "place", id: `town-${t}`, kind: "city", name: `Town ${t}`, timeZone: "Asia/Aqtau", within: `region-${t % regions}` } as Place)
  }
  const everywhere = ["police", "akimat", "oil-company"]
  const localActors = Math.max(10, Math.round(n / 50))
  const actors: Array<Actor> = [...everywhere, ...Array.from({ length: localActors }, (_, i) => `actor-${i}`)].map(
    (id) => ({ type: "actor", id, kind: "other", name: id }) as Actor
  )
  const events: Array<AnyEvent> = []
  for (let i = 0; i < n; i++) {
    const kind = pick(kindTable)
    const town = Math.floor(next() * towns)
    const atRegion = next() < 0.05
    const place = atRegion ? `region-${town % regions}` : `town-${town}`
    const start = FIRST + Math.floor(next() * DAYS) * DAY
    const shape = next()
    const when = shape < 0.8
      ? isoDay(start)
      : shape < 0.88
      ? isoDay(start).slice(0, 7)
      : shape < 0.97
      ? `${isoDay(start)}/${isoDay(start + (1 + Math.floor(next() * 5)) * DAY)}`
      : `${isoDay(start)}/..`
    const participants = Array.from({ length: 1 + Math.floor(next() * 3) }, () => ({
      // A third of mentions go to the actors present everywhere; the rest to actors of the town.
      actor: next() < 0.33 ? pick(everywhere) : `actor-${(town * 7 + Math.floor(next() * 25)) % localActors}`,
      role: "participant"
    }))
    events.push({
      type: "event",
      kind,
      id: `e-${i}`,
      title: `${kind} ${i}`,
      when,
      where: { place, timeZone: "Asia/Aqtau" },
      participants,
      citations: [{ source: "bench" }]
    } as unknown as AnyEvent)
  }
  return { events, places, actors }
}

const inferOver = (c: Chronicle) => () => Inference.propose(Result.getOrThrow(LinkGraph.fromRecords(c.events)), { places: c.places, actors: c.actors })

/** Inference over 200,000 events against inference over 100,000: at most 2.5×. */
export const inferenceBenchmark = (small = 100_000): Benchmark => {
  const smaller = syntheticChronicle(small)
  const larger = syntheticChronicle(2 * small, 2023)
  return compare(`inference: propose links over ${(2 * small).toLocaleString("en-US")} vs ${small.toLocaleString("en-US")} events`, inferOver(larger), inferOver(smaller), {
    target: 2.5,
    repeat: 3,
    warmup: 1
  })
}
