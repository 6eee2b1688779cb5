/**
 * `Count`'s arithmetic on bounds: the bounds a count allows (whatever value it is given, since
 * JavaScript callers and casts reach it), and the count that allows exactly a pair of bounds.
 */
import type { Bounds, Count } from "../Count.js"

// The bounds of a count; `about` without its own bounds is widened by `aboutTolerance`.
export const boundsOf = (c: Count, aboutTolerance: number): Bounds => {
  // Anything that is not a count (a cast, a JavaScript caller) allows every number, as "unknown".
  const u = c as { readonly [key: string]: unknown } | null | undefined
  const num = (v: unknown): v is number => typeof v === "number" && !Number.isNaN(v)
  switch (typeof u === "object" && u !== null ? u["kind"] : undefined) {
    case "exact":
      if (num(u!["value"])) return { low: u!["value"], high: u!["value"] }
      break
    case "about": {
      const value = u!["value"]
      const low = u!["low"]
      const high = u!["high"]
      if (num(value)) {
        return {
          low: num(low) ? low : Math.ceil(value * (1 - aboutTolerance)),
          high: num(high) ? high : Math.floor(value * (1 + aboutTolerance))
        }
      }
      break
    }
    case "at-least":
      if (num(u!["value"])) return { low: u!["exclusive"] === true ? u!["value"] + 1 : u!["value"], high: Infinity }
      break
    case "at-most":
      if (num(u!["value"])) return { low: 0, high: u!["exclusive"] === true ? u!["value"] - 1 : u!["value"] }
      break
    case "between":
      if (num(u!["low"]) && num(u!["high"])) return { low: u!["low"], high: u!["high"] }
      break
  }
  return { low: 0, high: Infinity }
}

// The count that allows exactly [low, high], widened where a number would leave the safe-integer
// range (a wider count never excludes a true value; a rounded one could).
export const fromBounds = (low: number, high: number): Count => {
  const top = high > Number.MAX_SAFE_INTEGER ? Infinity : high
  const bottom = Math.min(low, Number.MAX_SAFE_INTEGER)
  if (top === Infinity) return bottom === 0 ? { kind: "unknown" } : { kind: "at-least", value: bottom }
  return bottom === top ? { kind: "exact", value: bottom } : { kind: "between", low: bottom, high: top }
}
