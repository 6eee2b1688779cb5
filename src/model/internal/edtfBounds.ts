/**
 * Earliest and latest UTC instants of a parsed value in a time zone, with the `~` widening
 * applied, and the ranges of its possible start and end (`When.span`). Both are computed from the
 * same side ranges, so the outer edges of a span are always the value's bounds.
 *
 * @internal
 */
import type { Bounds, Span } from "../When.js"
import type { Endpoint, Parsed } from "../EdtfTree.js"
import { MS_PER_SECOND } from "./edtfCalendar.js"
import { dateEnd, dateStart, dateTimeStart } from "./edtfSpan.js"
import { instantOfWall, type Zone } from "./zoneOffsets.js"

const firstInstant = (e: Endpoint, zone: Zone): number => {
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

/**
 * The last instant of a date or date-time, never before its first: a local day the clocks skipped
 * (Pacific/Apia skipped 2011-12-30) is the single instant of the jump.
 */
const lastInstant = (e: Endpoint, zone: Zone, first: number): number => {
  switch (e._tag) {
    case "Open":
    case "Unknown":
      return Infinity
    case "Date":
      return Math.max(first, instantOfWall(zone, dateEnd(e, true)) - 1)
    case "DateTime":
      return first + MS_PER_SECOND - 1
  }
}

/**
 * Bounds of `p` in `zone`. When the zone makes the value end before it begins (a local end that
 * falls before an explicit-offset start), the latest instant is raised to the earliest.
 */
export const boundsIn = (p: Parsed, zone: Zone): Bounds => {
  const start = p._tag === "Interval" ? p.start : p
  const end = p._tag === "Interval" ? p.end : p
  const earliest = firstInstant(start, zone)
  const latest = lastInstant(end, zone, end === start ? earliest : firstInstant(end, zone))
  return Object.freeze({ earliest, latest: Math.max(earliest, latest) })
}

const range = (earliest: number, latest: number): Bounds => Object.freeze({ earliest, latest })

/**
 * Ranges of possible start and end instants of `p` in `zone`; see `When.span` for the reading.
 * Each side is read on its own (an open side is a fixed point at infinity, an unknown one a free
 * range), then the two are made consistent: the outer edges are the bounds, a start never comes
 * after the last possible end, an end never before the first possible start, and no range is
 * inverted. The clamps are applied in every case, open ends included.
 */
export const spanIn = (p: Parsed, zone: Zone): Span => {
  if (p._tag !== "Interval") {
    const whole = boundsIn(p, zone)
    return Object.freeze({ start: whole, end: whole })
  }
  const s = p.start
  const e = p.end
  const startLow = s._tag === "Open" ? -Infinity : firstInstant(s, zone)
  let startHigh = s._tag === "Open" ? -Infinity : s._tag === "Unknown" ? Infinity : lastInstant(s, zone, startLow)
  const endFirst = e._tag === "Open" ? Infinity : e._tag === "Unknown" ? -Infinity : firstInstant(e, zone)
  let endLow = endFirst
  const endHigh = Math.max(startLow, e._tag === "Open" ? Infinity : lastInstant(e, zone, endFirst))
  startHigh = Math.max(startLow, Math.min(startHigh, endHigh))
  endLow = Math.min(endHigh, Math.max(endLow, startLow))
  return Object.freeze({ start: range(startLow, startHigh), end: range(endLow, endHigh) })
}
