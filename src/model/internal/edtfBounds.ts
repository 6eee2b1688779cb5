/**
 * Earliest and latest UTC instants of a parsed value in a time zone, with the
 * `~` widening applied.
 *
 * @internal
 */
import type { Bounds, Endpoint, Parsed } from "../When.js"
import { MS_PER_SECOND } from "./edtfCalendar.js"
import { dateEnd, dateStart, dateTimeStart } from "./edtfSpan.js"
import { instantOfWall } from "./edtfZone.js"

const earliestOf = (e: Endpoint, zone: string): number => {
  switch (e._tag) {
    case "Open":
    case "Unknown":
      return -Infinity
    case "Date":
      return instantOfWall(zone, dateStart(e, true))
    case "DateTime":
      return e.offset === undefined ? instantOfWall(zone, dateTimeStart(e)) : dateTimeStart(e)
  }
}

const latestOf = (e: Endpoint, zone: string): number => {
  switch (e._tag) {
    case "Open":
    case "Unknown":
      return Infinity
    case "Date":
      return instantOfWall(zone, dateEnd(e, true)) - 1
    case "DateTime":
      return earliestOf(e, zone) + MS_PER_SECOND - 1
  }
}

/**
 * Bounds of `p` in `zone` (already validated). In the rare case where the zone
 * makes the value empty (a local day the clocks skipped, as Pacific/Apia skipped
 * 2011-12-30, or a local end that falls before an offset start), the latest
 * instant is raised to the earliest so that the bounds stay ordered.
 */
export const boundsIn = (p: Parsed, zone: string): Bounds => {
  const earliest = earliestOf(p._tag === "Interval" ? p.start : p, zone)
  const latest = latestOf(p._tag === "Interval" ? p.end : p, zone)
  return Object.freeze({ earliest, latest: latest < earliest ? earliest : latest })
}

const point = (n: number): Bounds => Object.freeze({ earliest: n, latest: n })

/**
 * Ranges of possible start and end instants of `p` in `zone` (already validated);
 * see `When.span` for the reading. The outer edges are those of {@link boundsIn}.
 */
export const spanIn = (p: Parsed, zone: string): { readonly start: Bounds; readonly end: Bounds } => {
  const whole = boundsIn(p, zone)
  if (p._tag !== "Interval") return Object.freeze({ start: whole, end: whole })
  const s = p.start
  const e = p.end
  // Each side on its own; an open side is a fixed point at infinity, an unknown one a free range.
  let startLow = s._tag === "Open" ? -Infinity : whole.earliest
  let startHigh = s._tag === "Open" ? -Infinity : s._tag === "Unknown" ? whole.latest : latestOf(s, zone)
  let endLow = e._tag === "Open" ? Infinity : e._tag === "Unknown" ? whole.earliest : earliestOf(e, zone)
  let endHigh = e._tag === "Open" ? Infinity : whole.latest
  if (s._tag === "Open") return Object.freeze({ start: point(-Infinity), end: Object.freeze({ earliest: endLow, latest: endHigh }) })
  if (e._tag === "Open") return Object.freeze({ start: Object.freeze({ earliest: startLow, latest: startHigh }), end: point(Infinity) })
  // A start cannot come after the last possible end, nor an end before the first possible start.
  if (startHigh > endHigh) startHigh = endHigh
  if (endLow < startLow) endLow = startLow
  if (startHigh < startLow) startHigh = startLow
  if (endLow > endHigh) endLow = endHigh
  return Object.freeze({
    start: Object.freeze({ earliest: startLow, latest: startHigh }),
    end: Object.freeze({ earliest: endLow, latest: endHigh })
  })
}
