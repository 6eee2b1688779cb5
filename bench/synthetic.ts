/**
 * What the synthetic-event benchmarks share: a seeded random source (so runs are repeatable) and
 * the calendar of 2011–2023 they draw dates from.
 */

/** A seeded pseudo-random source of numbers in [0, 1) (mulberry32). */
export const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

/** One day in milliseconds. */
export const DAY = 86_400_000
/** The first instant of the generated years (1 January 2011, UTC). */
export const FIRST = Date.UTC(2011, 0, 1)
/** How many days 2011–2023 hold. */
export const DAYS = Math.round((Date.UTC(2024, 0, 1) - FIRST) / DAY)

const pad = (n: number) => String(n).padStart(2, "0")

/** The UTC calendar day of an instant, as EDTF (`2011-12-16`). */
export const isoDay = (t: number): string => {
  const d = new Date(t)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}
