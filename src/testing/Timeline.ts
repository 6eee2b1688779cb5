/**
 * Arbitraries for timeline properties: spans with uncertain ends (small integers, so that ties
 * and adjacency are frequent, sometimes with open or unknown sides) and exact spans.
 *
 * @since 0.1.0
 */
import * as fc from "fast-check"
import type { Span } from "../model/When.js"

const ordered = (a: number, b: number): readonly [number, number] => (a <= b ? [a, b] : [b, a])

/**
 * Spans whose start and end ranges lie in 0…`max` (inclusive ms), ordered as `When.span`
 * produces them: `start.earliest <= end.earliest` and `start.latest <= end.latest`.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const arbFiniteSpan = (max = 24): fc.Arbitrary<Span> =>
  fc.tuple(fc.nat(max), fc.nat(max), fc.nat(max), fc.nat(max)).map(([a, b, c, d]) => {
    const [s0, s1] = ordered(a, b)
    const [e0, e1raw] = ordered(c, d)
    const e1 = Math.max(e1raw, s0)
    return {
      start: { earliest: s0, latest: Math.min(s1, e1) },
      end: { earliest: Math.max(e0, s0), latest: e1 }
    }
  })

/**
 * Spans as {@link arbFiniteSpan}, and sometimes with an open side (a point at infinity) or an
 * unknown side (a range reaching infinity), as `When.span` gives for `../x`, `x/..`, `/x`, `x/`.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const arbSpan: fc.Arbitrary<Span> = fc
  .tuple(arbFiniteSpan(), fc.constantFrom("none", "none", "none", "open-start", "open-end", "unknown-start", "unknown-end"))
  .map(([s, side]): Span => {
    switch (side) {
      case "open-start":
        return { start: { earliest: -Infinity, latest: -Infinity }, end: s.end }
      case "open-end":
        return { start: s.start, end: { earliest: Infinity, latest: Infinity } }
      case "unknown-start":
        return { start: { earliest: -Infinity, latest: s.end.latest }, end: s.end }
      case "unknown-end":
        return { start: s.start, end: { earliest: s.start.earliest, latest: Infinity } }
      default:
        return s
    }
  })

/**
 * Exact spans: one start instant and one end instant, start ≤ end, in 0…`max`.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const arbExactSpan: fc.Arbitrary<Span> = fc.tuple(fc.nat(24), fc.nat(24)).map(([a, b]) => {
  const [s, e] = ordered(a, b)
  return { start: { earliest: s, latest: s }, end: { earliest: e, latest: e } }
})
