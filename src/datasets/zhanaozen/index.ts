/**
 * The Zhanaozen 2011–2023 chronicle: the oil workers' strike of 2011 and the 16 December shooting,
 * the trials and the years after, the January 2022 unrest that began in Zhanaozen, and the April
 * 2023 protests — sources, places, actors, events and links, as records in their encoded (JSON)
 * form. Built from a sourced fact sheet (every row and every disagreement between sources, kept as
 * attributed claims) and the EADaily article of 11 April 2023.
 *
 * @module
 */
import type { Record } from "../../model/index.js"
import { seedEvents } from "./seed-2023.js"
import { actors } from "./actors.js"
import { events2011 } from "./events-2011.js"
import { events2012to2021 } from "./events-2012-2021.js"
import { events2022to2023 } from "./events-2022-2023.js"
import { links } from "./links.js"
import { places } from "./places.js"
import { sources } from "./sources.js"

export { actors, links, places, sources }
export { seedArticle } from "./sources.js"

/** Every event, in file order: 2011, 2012–2021, 2022–2023, then the seed article's 2023 events. */
export const events: ReadonlyArray<Record.Encoded & { readonly type: "event" }> = [
  ...events2011,
  ...events2012to2021,
  ...events2022to2023,
  ...seedEvents
]

/** Every record: sources, places and actors first, then events, then links. */
export const all: ReadonlyArray<Record.Encoded> = [...sources, ...places, ...actors, ...events, ...links]
