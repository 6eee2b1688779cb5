/**
 * How `When` reads text into its syntax tree: through a bounded memo of recent values (a dataset
 * reads the same few thousand dates again and again), or, for the zone readings of `bounds` and
 * `span`, without filling the memo. Also the errors those readings share.
 *
 * @internal
 */
import { TimeZoneError, invalidReason as invalidZoneReason } from "../TimeZone.js"
import { makeBoundedCache } from "./edtfCache.js"
import { scan } from "./edtfScan.js"
import type { Parsed } from "../EdtfTree.js"
import { cut, describeValue } from "./shown.js"

/** Why a value that is not a string is no EDTF date. */
export const NOT_A_STRING = "an EDTF date is a string, such as \"2011-12-16\""

/** Longer than any EDTF value: refused by the scanner at once, and never kept in the cache. */
const LONGEST = 64

const parsedCache = makeBoundedCache<string, Parsed | string>()

export const scanCached = (input: string): Parsed | string => {
  if (input.length > LONGEST) return scan(input)
  return parsedCache.get(input) ?? parsedCache.set(input, scan(input))
}

/** The syntax tree of a value, or undefined when it is not valid EDTF (whatever its type). */
export const parsedOrUndefined = (u: unknown): Parsed | undefined => {
  if (typeof u !== "string") return undefined
  const scanned = scanCached(u)
  return typeof scanned === "string" ? undefined : scanned
}

/**
 * The syntax tree of `w` for `bounds` and `span`, or why there is none. The parse memo is read
 * but not filled: a value asked about once (a million events imported) would only churn it, and
 * scanning a date costs less than keeping it.
 */
export const parsedForZones = (w: unknown): Parsed | string =>
  typeof w !== "string" ? NOT_A_STRING : w.length > LONGEST ? scan(w) : (parsedCache.get(w) ?? scan(w))

export const zoneFailure = (timeZone: unknown): TimeZoneError =>
  new TimeZoneError({
    input: typeof timeZone === "string" ? cut(timeZone) : describeValue(timeZone),
    reason: invalidZoneReason(timeZone) ?? "not an IANA time zone"
  })

