/**
 * Precision and qualifiers of a parsed value (see `When.precision` and `When.qualifiers`).
 *
 * @internal
 */
import type { Precision, Qualifiers } from "../When.js"
import type { Endpoint, Parsed } from "../EdtfTree.js"

const PRECISION_RANK: { readonly [P in Precision]: number } = {
  millennium: 0,
  century: 1,
  decade: 2,
  year: 3,
  season: 4,
  month: 5,
  day: 6,
  second: 7
}

const YEAR_PRECISION: ReadonlyArray<Precision> = ["year", "decade", "century", "millennium"]

const precisionOfEndpoint = (e: Endpoint): Precision | undefined => {
  switch (e._tag) {
    case "Open":
    case "Unknown":
      return undefined
    case "DateTime":
      return "second"
    case "Date":
      if (e.season !== undefined) return "season"
      if (e.day !== undefined) return "day"
      if (e.month !== undefined) return "month"
      return YEAR_PRECISION[e.unspecified.yearDigits] ?? "year"
  }
}

/** The precision of a value; for an interval, the coarser of its dates. */
export const precisionOf = (p: Parsed): Precision => {
  if (p._tag !== "Interval") return precisionOfEndpoint(p) ?? "year"
  const a = precisionOfEndpoint(p.start)
  const b = precisionOfEndpoint(p.end)
  if (a === undefined) return b ?? "year"
  if (b === undefined) return a
  return PRECISION_RANK[a] <= PRECISION_RANK[b] ? a : b
}

const NO_QUALIFIERS: Qualifiers = Object.freeze({ uncertain: false, approximate: false })

const qualifiersOfEndpoint = (e: Endpoint): Qualifiers => (e._tag === "Date" ? e.qualifiers : NO_QUALIFIERS)

/** The qualifiers of a value; for an interval, a qualifier on either date counts. */
export const qualifiersOf = (p: Parsed): Qualifiers => {
  if (p._tag !== "Interval") return qualifiersOfEndpoint(p)
  const a = qualifiersOfEndpoint(p.start)
  const b = qualifiersOfEndpoint(p.end)
  if (!b.uncertain && !b.approximate) return a
  if (!a.uncertain && !a.approximate) return b
  return Object.freeze({ uncertain: a.uncertain || b.uncertain, approximate: a.approximate || b.approximate })
}
