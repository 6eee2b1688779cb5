/**
 * The parts of `Count` that are plain mechanics: how bounds read as text (`1,000–3,000`, `≥101`)
 * and the field-by-field total order. Given the bounds function, so that they need nothing else
 * from the public module.
 */
import { Order as Ord } from "effect"
import type { Bounds, Count, Kind } from "../Count.js"

export const isObject = (u: unknown): u is { readonly [key: string]: unknown } & Count => typeof u === "object" && u !== null

export const digits = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",")

export const boundsText = (c: Count, b: Bounds): string => {
  if (!isObject(c) || c.kind === "unknown") return "unknown"
  if (b.low === b.high) return digits(b.low)
  if (b.high === Infinity) return `≥${digits(b.low)}`
  if (c.kind === "at-most") return `≤${digits(b.high)}`
  return `${digits(b.low)}–${digits(b.high)}`
}

const kindRank: { readonly [K in Kind]: number } = {
  exact: 0,
  about: 1,
  "at-least": 2,
  "at-most": 3,
  between: 4,
  unknown: 5
}

// Absent sorts before present; present values by the given order.
const optional = <A>(order: Ord.Order<A>): Ord.Order<A | undefined> =>
  Ord.make((x, y) => x === undefined ? (y === undefined ? 0 : -1) : y === undefined ? 1 : order(x, y))

const field = <A>(order: Ord.Order<A>, get: (c: Count) => A): Ord.Order<Count> => Ord.mapInput(order, get)

/** The total order of counts documented on `Count.Order`, over the given bounds. */
export const orderBy = (bounds: (c: Count) => Bounds): Ord.Order<Count> =>
  Ord.combineAll([
    field(Ord.Number, (c) => bounds(c).low),
    field(Ord.Number, (c) => bounds(c).high),
    field(Ord.Number, (c) => kindRank[c.kind]),
    field(optional(Ord.Number), (c) => "value" in c ? c.value : undefined),
    field(optional(Ord.String), (c) => c.phrase),
    field(optional(Ord.Number), (c) => c.kind === "about" ? c.low : undefined),
    field(optional(Ord.Number), (c) => c.kind === "about" ? c.high : undefined),
    field(optional(Ord.Boolean), (c) => c.kind === "at-least" || c.kind === "at-most" ? c.exclusive : undefined)
  ])
