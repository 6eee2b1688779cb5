/**
 * The Zhanaozen 2011–2023 chronicle: the oil workers' strike of 2011 and the 16 December shooting,
 * the trials and the years after, the January 2022 unrest that began in Zhanaozen, and the April
 * 2023 protests — sources, places, actors, events and links, as records in their encoded (JSON)
 * form. Every fact cites the publication it was read in (title, URL and date where they could be
 * found); where sources disagree, each version is kept as a claim attributed to its source and,
 * where named, its claimant. Figures no publication could be found for are unsourced notes on
 * their events, never claims. The seed is EADaily's report of 11 April 2023, read in an English
 * republication.
 *
 * @module
 */
import { Result } from "effect"
import type { Record } from "../../model/index.js"
import { builtIn } from "../../model/Vocabulary.js"
import { seedEvents } from "./seed-2023.js"
import { actors as actorsAsWritten } from "./actors.js"
import { events2011 } from "./events-2011.js"
import { events2012to2021 } from "./events-2012-2021.js"
import { events2022to2023 } from "./events-2022-2023.js"
import { links } from "./links.js"
import { places as placesAsWritten } from "./places.js"
import { sources as sourcesAsWritten } from "./sources.js"

/**
 * The records in file order, except that each comes after the records of the same list it names
 * (a place after the place it lies within, an actor after its parent and the bodies it belongs
 * to), so that recording them one by one in a chronicle, which checks references, works.
 */
const referencesFirst = <R extends Record.Encoded>(records: ReadonlyArray<R>): ReadonlyArray<R> => {
  const byId = new Map(records.map((r) => [r.id, r]))
  const placed = new Set<string>()
  const out: Array<R> = []
  const visit = (r: R, path: Set<string>): void => {
    if (placed.has(r.id) || path.has(r.id)) return
    path.add(r.id)
    for (const [, ids] of builtIn.references(builtIn.decode(r).pipe(Result.getOrThrow))) {
      for (const id of ids) {
        const named = byId.get(id)
        if (named !== undefined && named.type === r.type) visit(named, path)
      }
    }
    placed.add(r.id)
    out.push(r)
  }
  for (const r of records) visit(r, new Set())
  return out
}

/**
 * Every place, each after the place it lies within.
 *
 * @category datasets
 * @since 0.1.0
 */
export const places = referencesFirst(placesAsWritten)
/**
 * Every actor, each after its parent and the bodies it belongs to.
 *
 * @category datasets
 * @since 0.1.0
 */
export const actors = referencesFirst(actorsAsWritten)

/**
 * Every source, each after the source it was read through (`via`).
 *
 * @category datasets
 * @since 0.1.0
 */
export const sources = referencesFirst(sourcesAsWritten)

export { links }
export { seedArticle, seedRepublication } from "./sources.js"

/**
 * Every event, in file order: 2011, 2012–2021, 2022–2023, then the seed article's 2023 events.
 *
 * @category datasets
 * @since 0.1.0
 */
export const events: ReadonlyArray<Record.Encoded & { readonly type: "event" }> = [
  ...events2011,
  ...events2012to2021,
  ...events2022to2023,
  ...seedEvents
]

/**
 * Every record: sources, places and actors first (each after the records it names), then events,
 * then links — the order in which a chronicle, which checks that references exist, accepts them.
 *
 * @example
 * ```ts
 * import { Effect, Layer } from "effect"
 * import { Chronicle, Journal, Projection } from "protest-chronicle"
 * import { zhanaozen } from "protest-chronicle/datasets"
 *
 * const program = Effect.gen(function*() {
 *   const chronicle = yield* Chronicle.Chronicle
 *   for (const record of zhanaozen.all) yield* chronicle.record(record, { author: "dataset" })
 *   return yield* chronicle.catalog()
 * }).pipe(Effect.provide(Chronicle.layer().pipe(Layer.provide(Journal.layerMemory()))))
 *
 * const catalog = await Effect.runPromise(program)
 * console.log(Projection.Catalog.events(catalog).length === zhanaozen.events.length) // true
 * ```
 *
 * @category datasets
 * @since 0.1.0
 */
export const all: ReadonlyArray<Record.Encoded> = [...sources, ...places, ...actors, ...events, ...links]
