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
