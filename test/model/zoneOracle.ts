/**
 * An oracle for zone offsets that shares nothing with the library but the engine: offsets are
 * read from `Intl.DateTimeFormat.formatToParts` one instant at a time and turned into wall-clock
 * milliseconds with `Date`; changes of offset are found by stepping over every minute and then
 * every second; and the instant of a wall time is the smallest of a set of candidates, straight
 * from the definition of the policy. Slow, and meant to be.
 */

const MINUTE = 60_000
const HOUR = 60 * MINUTE

const formatters = new Map<string, Intl.DateTimeFormat>()

/** The offset (ms east of UTC) of `zone` at `instant` (a whole second), as the engine prints it. */
export const oracleOffset = (zone: string, instant: number): number => {
  let f = formatters.get(zone)
  if (f === undefined) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone, hourCycle: "h23", era: "short",
      year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric"
    })
    formatters.set(zone, f)
  }
  const parts = new Map(f.formatToParts(instant).map((p) => [p.type, p.value]))
  const year = Number(parts.get("year"))
  const wall = new Date(0)
  wall.setUTCFullYear(parts.get("era") === "BC" ? 1 - year : year, Number(parts.get("month")) - 1, Number(parts.get("day")))
  wall.setUTCHours(Number(parts.get("hour")), Number(parts.get("minute")), Number(parts.get("second")), 0)
  return wall.getTime() - instant
}

/** Stretches of constant offset: `starts[i]` is where `offsets[i]` begins. */
export interface Stretches {
  readonly from: number
  readonly to: number
  readonly starts: ReadonlyArray<number>
  readonly offsets: ReadonlyArray<number>
}

/**
 * The first second in (low, high] at which the offset is no longer `offset`: stepping forward
 * every hour to the first hour that has left it, then back minute by minute and second by second
 * to the last reading that still has it (most changes fall on a whole hour, so the walk back is
 * short).
 */
const firstChange = (zone: string, low: number, offset: number, high: number): number => {
  let to = low + HOUR
  while (to < high && oracleOffset(zone, to) === offset) to += HOUR
  to = Math.min(to, high)
  for (const size of [MINUTE, 1000]) {
    let at = to - size
    while (at > low && oracleOffset(zone, at) !== offset) at -= size
    to = at + size
  }
  return to
}

/**
 * The offsets of `zone` over [center - reach, center + reach], sampled every `step` and every
 * change located to the second. Assumes no offset leaves and comes back within one step (the
 * shortest such episode in the IANA data lasts days).
 */
export const stretchesAround = (zone: string, center: number, reach = 72 * HOUR, step = 12 * HOUR): Stretches => {
  const from = center - reach
  const to = center + reach
  const starts = [from]
  const offsets = [oracleOffset(zone, from)]
  let at = from
  for (let sample = from + step; at < to; sample += step) {
    const end = Math.min(sample, to)
    const seen = oracleOffset(zone, end)
    while (seen !== offsets[offsets.length - 1]) {
      const change = firstChange(zone, at, offsets[offsets.length - 1]!, end)
      starts.push(change)
      offsets.push(oracleOffset(zone, change))
      at = change
    }
    at = end
  }
  return { from, to, starts, offsets }
}

/**
 * The first instant at which the clocks read `wall` or later, from the stretches: the smallest of
 * the instants where the reading occurs exactly (wall - offset, inside its stretch) and the starts
 * of stretches whose clock begins at or past `wall` (a jump over it). Every candidate reads `wall`
 * or later, and the first such instant is always among them.
 */
export const oracleInstantOfWall = (s: Stretches, wall: number): number => {
  if (wall - 26 * HOUR < s.from || wall + 26 * HOUR > s.to) throw new Error("the stretches do not cover this wall time")
  let best = Infinity
  for (let i = 0; i < s.starts.length; i++) {
    const start = s.starts[i]!
    const end = s.starts[i + 1] ?? s.to
    const offset = s.offsets[i]!
    const exact = wall - offset
    if (exact >= start && exact < end) best = Math.min(best, exact)
    if (start + offset >= wall && i > 0) best = Math.min(best, start)
  }
  return best
}
