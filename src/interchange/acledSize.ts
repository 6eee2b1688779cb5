/**
 * ACLED's numbers in words, both ways: a `crowd size=…` phrase read into a count (the phrase
 * always kept, no number invented where the source gave none), a count written back as a phrase,
 * and the fatality figure ACLED would code from a set of claims (the most conservative one, with
 * its word rules: "a few"/"several" 3, "many" 10, "tens" 10, "dozens" 12, "hundreds" 100; the
 * codebook lets "few", "several" and "many" be 3 or 10 by the scale of the event, and a phrase
 * cannot tell the scale, so the smaller reading of "few" and "several" is taken).
 *
 * @since 0.2.0
 */
import type { CountClaim } from "../model/Claim.js"
import * as Count from "../model/Count.js"

const number = "(\\d{1,3}(?:,\\d{3})+|\\d+)"
const n = (s: string): number => Number(s.replaceAll(",", ""))
const safe = (v: number): boolean => Number.isSafeInteger(v)

/**
 * Reads a crowd-size phrase ("around 100", "more than 1,000", "50-100", "no report", "several
 * dozen") into a count that keeps the phrase. A phrase with no number is an unknown count.
 */
export const readCrowdSize = (phrase: string): Count.Count => {
  let count = crowdSizes.get(phrase)
  if (count === undefined) {
    if (crowdSizes.size >= 10_000) crowdSizes.clear()
    count = readPhrase(phrase)
    crowdSizes.set(phrase, count)
  }
  return count
}

// The same few phrases ("no report", "around 100") come back on most rows.
const crowdSizes = new Map<string, Count.Count>()

const exactPattern = new RegExp(`^${number}$`)
const aboutPattern = new RegExp(`^(?:around|about|approximately|approx\\.?|roughly|nearly|almost|some|an estimated|estimated|up to about) ${number}$`)
const atLeastPattern = new RegExp(`^(at least|more than|over|above|upwards of) ${number}$`)
const atMostPattern = new RegExp(`^(at most|up to|fewer than|less than|under) ${number}$`)
const betweenPattern = new RegExp(`^(?:between )?${number} ?(?:-|–|to|and) ?${number}$`)

const readPhrase = (phrase: string): Count.Count => {
  const p = phrase.trim()
  const text = p.toLowerCase()
  const keep = p === "" ? {} : { phrase: p }
  let m: RegExpExecArray | null
  if ((m = exactPattern.exec(text)) !== null && safe(n(m[1]!))) return { kind: "exact", value: n(m[1]!), ...keep }
  if ((m = aboutPattern.exec(text)) !== null && safe(n(m[1]!))) return { kind: "about", value: n(m[1]!), ...keep }
  if ((m = atLeastPattern.exec(text)) !== null && safe(n(m[2]!))) {
    return { kind: "at-least", value: n(m[2]!), ...(m[1] === "at least" ? {} : { exclusive: true }), ...keep }
  }
  if ((m = atMostPattern.exec(text)) !== null && safe(n(m[2]!))) {
    const value = n(m[2]!)
    const exclusive = m[1] === "fewer than" || m[1] === "less than" || m[1] === "under"
    if (!(exclusive && value === 0)) return { kind: "at-most", value, ...(exclusive ? { exclusive: true } : {}), ...keep }
  }
  if ((m = betweenPattern.exec(text)) !== null) {
    const low = n(m[1]!)
    const high = n(m[2]!)
    if (safe(low) && safe(high) && low <= high) return { kind: "between", low, high, ...keep }
  }
  return { kind: "unknown", ...keep }
}

/**
 * The phrase a count is written as in `crowd size=…`: its own phrase, else ACLED's wording of its
 * number ("around 2000", "more than 100", "50-100", "no report"), which `readCrowdSize` reads back.
 */
export const crowdSizePhrase = (count: Count.Count): string => {
  if (count.phrase !== undefined) return count.phrase
  switch (count.kind) {
    case "exact":
      return String(count.value)
    case "about":
      return `around ${count.value}`
    case "at-least":
      return `${count.exclusive === true ? "more than" : "at least"} ${count.value}`
    case "at-most":
      return `${count.exclusive === true ? "fewer than" : "up to"} ${count.value}`
    case "between":
      return `${count.low}-${count.high}`
    case "unknown":
      return "no report"
  }
}

const wordRules: ReadonlyArray<readonly [RegExp, number]> = [
  [/\bthousands\b/i, 1000],
  [/\bhundreds\b/i, 100],
  [/\bdozens\b/i, 12],
  [/\btens\b/i, 10],
  [/\bmany\b|\bnumerous\b/i, 10],
  [/\b(?:a )?few\b|\bseveral\b|\bsome\b/i, 3]
]

/**
 * The figure ACLED would code from one count: the number reported (an "about" count's own
 * number, not the library's widened low bound; a range's low end), the word rule of a phrase with
 * no number, and none from a ceiling ("at most 5") or an unknown count.
 */
const figureOf = (count: Count.Count): number | undefined => {
  switch (count.kind) {
    case "exact":
    case "at-least":
      return count.value
    case "about":
      return count.low ?? count.value
    case "between":
      return count.low
    case "at-most":
      return undefined
    case "unknown":
      for (const [pattern, value] of wordRules) if (count.phrase !== undefined && pattern.test(count.phrase)) return value
      return undefined
  }
}

/**
 * The fatality figure ACLED would code from every claim about the dead: the most conservative
 * figure any claim gives (0 when none gives one: "none reported").
 */
export const fatalitiesOf = (claims: ReadonlyArray<Pick<CountClaim, "value">>): number => {
  let lowest: number | undefined
  for (const claim of claims) {
    const figure = figureOf(claim.value)
    if (figure !== undefined && (lowest === undefined || figure < lowest)) lowest = figure
  }
  return lowest ?? 0
}
