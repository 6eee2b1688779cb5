/**
 * How error messages show a value they refuse: never in full when it is long, and never by
 * calling anything on it (a value from JavaScript may be any object, even one without a
 * prototype, whose conversion to a string throws).
 *
 * @internal
 */

/** The longest stretch of an input that an error message repeats. */
export const SHOWN_LENGTH = 60

/** A string cut to {@link SHOWN_LENGTH} characters, with `…` when something was cut. */
export const cut = (s: string): string => (s.length > SHOWN_LENGTH ? `${s.slice(0, SHOWN_LENGTH)}…` : s)

/** A short description of a value that is not a string: `undefined`, `NaN`, `an object`, …. */
export const describeValue = (u: unknown): string => {
  switch (typeof u) {
    case "string":
      return JSON.stringify(cut(u))
    case "number":
    case "boolean":
    case "undefined":
      return String(u)
    case "bigint":
      return cut(`${u}n`)
    case "symbol":
      return "a symbol"
    case "function":
      return "a function"
    case "object":
      return u === null ? "null" : Array.isArray(u) ? "an array" : "an object"
  }
  return "a value"
}
