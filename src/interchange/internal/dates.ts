/**
 * A `When` as an export shows it: the date parts it states (year, month, day, time — never more
 * than the value says), and the value in words, uncertainty included ("about June 2011",
 * "16 December 2011 (uncertain)", "from 11 May 2011, ongoing"). Only the library's own words and
 * digits go into the text, never a record's, so it needs no escaping.
 *
 * @internal
 */
import { Result } from "effect"
import * as When from "../../model/When.js"

/** The parts of a date that a value states: what TimelineJS's date objects hold. */
export interface DateParts {
  readonly year: number
  readonly month?: number
  readonly day?: number
  readonly hour?: number
  readonly minute?: number
  readonly second?: number
}

/** What a value states: where it starts, where it ends (when that differs) and the words. */
export interface Dated {
  readonly start: DateParts
  readonly end?: DateParts
  readonly words: string
}

const monthNames = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December"
] as const

const seasonNames: { readonly [s: number]: string } = { 21: "spring", 22: "summer", 23: "autumn", 24: "winter" }

const pad = (n: number): string => String(n).padStart(2, "0")

/** A year in words: astronomical year 0 is 1 BCE, -1 is 2 BCE. */
const yearWords = (year: number): string => (year > 0 ? String(year) : `${1 - year} BCE`)

type Point = When.EdtfDate | When.EdtfDateTime

/** The first date parts a point allows (a decade's first year, a season's first month). */
const firstParts = (p: Point): DateParts => {
  if (p._tag === "DateTime") return { year: p.year, month: p.month, day: p.day, hour: p.hour, minute: p.minute, second: p.second }
  if (p.season !== undefined) return { year: p.year, month: (p.season - 21) * 3 + 1 }
  if (p.month === undefined) return { year: p.year }
  return p.day === undefined ? { year: p.year, month: p.month } : { year: p.year, month: p.month, day: p.day }
}

/** The last date parts a point allows, when they differ from its first (a decade, a season). */
const lastParts = (p: Point): DateParts => {
  if (p._tag === "Date") {
    if (p.season !== undefined) return { year: p.year, month: (p.season - 21) * 3 + 3 }
    const hidden = p.unspecified.yearDigits
    if (hidden > 0) {
      const span = 10 ** hidden - 1
      return { year: p.year < 0 ? p.year - span : p.year + span }
    }
  }
  return firstParts(p)
}

const sameParts = (a: DateParts, b: DateParts): boolean =>
  a.year === b.year && a.month === b.month && a.day === b.day && a.hour === b.hour && a.minute === b.minute && a.second === b.second

const qualified = (words: string, q: When.Qualifiers): string =>
  `${q.approximate ? "about " : ""}${words}${q.uncertain ? " (uncertain)" : ""}`

const dateWords = (d: When.EdtfDate): string => {
  const hidden = d.unspecified.yearDigits
  let words: string
  if (hidden === 1) words = `the ${yearWords(d.year)}s`
  else if (hidden > 1) words = `${yearWords(d.year)}–${yearWords(d.year + 10 ** hidden - 1)}`
  else if (d.season !== undefined) {
    const first = (d.season - 21) * 3
    words = `${seasonNames[d.season]} (${monthNames[first]}–${monthNames[first + 2]}) ${yearWords(d.year)}`
  } else if (d.month === undefined) words = yearWords(d.year)
  else words = `${d.day === undefined ? "" : `${d.day} `}${monthNames[d.month - 1]} ${yearWords(d.year)}`
  return qualified(words, d.qualifiers)
}

const offsetWords = (t: When.EdtfDateTime): string => {
  if (t.offset === undefined) return " local time"
  const total = Math.abs(t.offset.minutes)
  const sign = t.offset.minutes < 0 ? "-" : "+"
  return t.offset.minutes === 0 ? " UTC" : ` UTC${sign}${pad(Math.floor(total / 60))}:${pad(total % 60)}`
}

const dateTimeWords = (t: When.EdtfDateTime): string =>
  `${t.day} ${monthNames[t.month - 1]} ${yearWords(t.year)}, ${pad(t.hour)}:${pad(t.minute)}${t.second === 0 ? "" : `:${pad(t.second)}`}${offsetWords(t)}`

const pointWords = (p: Point): string => (p._tag === "DateTime" ? dateTimeWords(p) : dateWords(p))

const isPlainDay = (p: When.Endpoint): p is When.EdtfDate =>
  p._tag === "Date" && p.day !== undefined && p.month !== undefined && !p.qualifiers.approximate && !p.qualifiers.uncertain

const intervalWords = (i: When.EdtfInterval): string => {
  const { start, end } = i
  if (start._tag === "Open" || start._tag === "Unknown") {
    if (end._tag === "Open" || end._tag === "Unknown") return "at an unknown time"
    return `until ${pointWords(end)}${start._tag === "Unknown" ? ", start unknown" : ""}`
  }
  if (end._tag === "Open") return `from ${pointWords(start)}, ongoing`
  if (end._tag === "Unknown") return `from ${pointWords(start)}, end unknown`
  if (isPlainDay(start) && isPlainDay(end) && start.year === end.year) {
    const tail = `${monthNames[end.month! - 1]} ${yearWords(end.year)}`
    return start.month === end.month
      ? `${start.day}–${end.day} ${tail}`
      : `${start.day} ${monthNames[start.month! - 1]} – ${end.day} ${tail}`
  }
  return `${pointWords(start)} – ${pointWords(end)}`
}

const isPoint = (e: When.Endpoint): e is Point => e._tag === "Date" || e._tag === "DateTime"

/**
 * What a value states, or undefined for a value that is not valid EDTF (only a cast makes such a
 * `When`). An interval open or unknown at its start starts, for the parts, at its end.
 */
export const dated = (when: unknown): Dated | undefined => {
  const parsed = When.parse(when as string)
  if (Result.isFailure(parsed)) return undefined
  const p = parsed.success
  if (p._tag !== "Interval") {
    const start = firstParts(p)
    const end = lastParts(p)
    return sameParts(start, end) ? { start, words: pointWords(p) } : { start, end, words: pointWords(p) }
  }
  const words = intervalWords(p)
  if (isPoint(p.start)) {
    const start = firstParts(p.start)
    if (!isPoint(p.end)) return { start, words }
    const end = lastParts(p.end)
    return sameParts(start, end) ? { start, words } : { start, end, words }
  }
  return isPoint(p.end) ? { start: firstParts(p.end), words } : undefined
}
