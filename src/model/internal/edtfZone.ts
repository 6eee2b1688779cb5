/**
 * From a wall-clock reading in an IANA zone to a UTC instant.
 *
 * Policy: a reading is mapped to the first instant at which the zone's clocks
 * show that reading or a later one. A reading that happened twice (clocks set
 * back) is its first occurrence; a reading that never happened (clocks set
 * forward over it) is the moment of the jump. The mapping never decreases as
 * the reading grows, so consecutive local days (or months, years) map to
 * consecutive, non-overlapping UTC spans.
 *
 * @internal
 */
import { tzOffset } from "@date-fns/tz"
import { makeBoundedCache } from "./edtfCache.js"
import { MS_PER_DAY, MS_PER_MINUTE } from "./edtfCalendar.js"

/** Offset of `zone` from UTC at the instant `utc`, in milliseconds (LMT offsets have seconds). */
const offsetAt = (zone: string, utc: number): number => Math.round(tzOffset(zone, new Date(utc)) * MS_PER_MINUTE)

const UTC_ZONES = new Set(["UTC", "Etc/UTC", "Etc/GMT", "GMT", "Etc/Universal", "Etc/Zulu", "Zulu", "Universal"])

const instants = makeBoundedCache<string, number>()

/** The moment the clocks of `zone` jumped over `wall`, somewhere in `[low, high]`. */
const jumpOver = (zone: string, wall: number, low: number, high: number): number => {
  // Invariant: the clock reads less than `wall` at `low` and at least `wall` at `high`.
  let lo = low
  let hi = high
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2)
    if (mid + offsetAt(zone, mid) >= wall) hi = mid
    else lo = mid
  }
  return hi
}

const resolve = (zone: string, wall: number): number => {
  // Any transition that matters lies within a day of the reading, so the offsets
  // a day either side are the only candidates.
  const before = offsetAt(zone, wall - MS_PER_DAY)
  const after = offsetAt(zone, wall + MS_PER_DAY)
  const early = wall - Math.max(before, after)
  const late = wall - Math.min(before, after)
  if (offsetAt(zone, early) === wall - early) return early
  if (late !== early && offsetAt(zone, late) === wall - late) return late
  return jumpOver(zone, wall, early, late)
}

/**
 * The first UTC instant (epoch ms) at which the clocks of `zone` read `wall`
 * (wall-time ms) or later. `zone` must already be validated.
 */
export const instantOfWall = (zone: string, wall: number): number => {
  if (UTC_ZONES.has(zone)) return wall
  const key = `${zone} ${wall}`
  return instants.get(key) ?? instants.set(key, resolve(zone, wall))
}
