/**
 * A hand-written, single-pass scanner for EDTF levels 0 and 1 (plus date-times
 * with offsets). It reads each character once, allocates only the result, and
 * reports the first problem in words.
 *
 * @internal
 */
import type { Qualifiers } from "../When.js"
import type { EdtfDate, EdtfDateTime, Endpoint, Parsed, Season, Unspecified, UtcOffset } from "../EdtfTree.js"
import { daysInMonth, MAX_YEAR, MIN_YEAR } from "./edtfCalendar.js"
import { formatEndpoint, formatYear } from "./edtfFormat.js"
import { endpointsInOrder } from "./edtfSpan.js"

/** Thrown inside the scanner only; cheap because it is not an `Error` (no stack). */
class Reject {
  constructor(readonly reason: string) {}
}

const reject = (reason: string): never => {
  throw new Reject(reason)
}

/** Longer than any value this grammar accepts; refused before scanning. */
const MAX_LENGTH = 64

const ZERO = 48
const NINE = 57
const X = 88
const Y = 89
const T = 84
const Z = 90
const MINUS = 45
const PLUS = 43
const COLON = 58
const DOT = 46
const COMMA = 44
const QUESTION = 63
const TILDE = 126
const PERCENT = 37

const isDigit = (c: number): boolean => c >= ZERO && c <= NINE
const isQualifier = (c: number): boolean => c === QUESTION || c === TILDE || c === PERCENT

const freeze = Object.freeze

const NO_QUALIFIERS: Qualifiers = freeze({ uncertain: false, approximate: false })
const UNCERTAIN: Qualifiers = freeze({ uncertain: true, approximate: false })
const APPROXIMATE: Qualifiers = freeze({ uncertain: false, approximate: true })
const BOTH: Qualifiers = freeze({ uncertain: true, approximate: true })

const ALL_KNOWN: Unspecified = freeze({ yearDigits: 0, month: false, day: false })
const DAY_X: Unspecified = freeze({ yearDigits: 0, month: false, day: true })
const MONTH_X: Unspecified = freeze({ yearDigits: 0, month: true, day: false })
const MONTH_DAY_X: Unspecified = freeze({ yearDigits: 0, month: true, day: true })
const YEAR_X: ReadonlyArray<Unspecified> = [1, 2, 3].map((yearDigits) =>
  freeze({ yearDigits: yearDigits as 1 | 2 | 3, month: false, day: false })
)

const OPEN: Endpoint = freeze({ _tag: "Open" })
const UNKNOWN: Endpoint = freeze({ _tag: "Unknown" })

const MONTH_NAMES = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December"
] as const

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`)

/** Reads one date or date-time in `text[start, end)`. */
class Scanner {
  private pos: number

  constructor(private readonly text: string, start: number, private readonly end: number) {
    this.pos = start
  }

  private peek(): number {
    return this.pos < this.end ? this.text.charCodeAt(this.pos) : -1
  }

  private here(): string {
    return this.pos < this.end
      ? `${JSON.stringify(this.text[this.pos])} at position ${this.pos + 1}`
      : "the end of the date"
  }

  /** Two digits, or -1 for "XX". */
  private twoDigitsOrX(what: string): number {
    const a = this.peek()
    const b = this.pos + 1 < this.end ? this.text.charCodeAt(this.pos + 1) : -1
    if (a === X && b === X) {
      this.pos += 2
      return -1
    }
    if (!isDigit(a) || !isDigit(b)) return reject(`expected a two-digit ${what} (or XX) but found ${this.here()}`)
    this.pos += 2
    return (a - ZERO) * 10 + (b - ZERO)
  }

  private twoDigits(what: string): number {
    const a = this.peek()
    const b = this.pos + 1 < this.end ? this.text.charCodeAt(this.pos + 1) : -1
    if (!isDigit(a) || !isDigit(b)) return reject(`expected a two-digit ${what} but found ${this.here()}`)
    this.pos += 2
    return (a - ZERO) * 10 + (b - ZERO)
  }

  private expect(code: number, why: string): void {
    if (this.peek() !== code) reject(`${why} but found ${this.here()}`)
    this.pos++
  }

  scan(): EdtfDate | EdtfDateTime {
    if (this.peek() === Y) return this.longYear()
    const negative = this.peek() === MINUS
    if (negative) this.pos++
    const yearStart = this.pos
    let magnitude = 0
    let unknownDigits = 0
    for (let i = 0; i < 4; i++) {
      const c = this.peek()
      if (isDigit(c)) {
        if (unknownDigits > 0) reject("X may replace only the last digits of a year (201X, 20XX)")
        magnitude = magnitude * 10 + (c - ZERO)
      } else if (c === X) {
        unknownDigits++
        magnitude *= 10
      } else {
        reject(`expected a year (YYYY, -YYYY, or Y and five or more digits) but found ${this.here()}`)
      }
      this.pos++
    }
    if (isDigit(this.peek())) {
      while (isDigit(this.peek())) this.pos++
      const digits = this.text.slice(yearStart, this.pos)
      reject(`a year has four digits; write longer years with a Y prefix (Y${negative ? "-" : ""}${digits})`)
    }
    if (unknownDigits === 4) reject("at least the first digit of a year must be known (XXXX is not supported)")
    if (negative && magnitude === 0) {
      reject(unknownDigits === 0 ? "year zero is written 0000, without a minus sign" : "a negative year needs a known non-zero digit")
    }
    const year = negative ? -magnitude : magnitude
    if (this.peek() === MINUS) {
      if (unknownDigits > 0) reject("a year with X digits cannot have a month or day")
      this.pos++
      return this.afterMonth(year)
    }
    const unspecified = unknownDigits === 0 ? ALL_KNOWN : (YEAR_X[unknownDigits - 1] ?? ALL_KNOWN)
    return freeze({ _tag: "Date", year, unspecified, qualifiers: this.qualifiers() })
  }

  /** `Y170000002`, `Y-12345`: year precision only. */
  private longYear(): EdtfDate {
    this.pos++
    const negative = this.peek() === MINUS
    if (negative) this.pos++
    const digitsStart = this.pos
    while (isDigit(this.peek())) this.pos++
    const digits = this.text.slice(digitsStart, this.pos)
    if (digits.length === 0) reject(`expected the digits of a year after "Y" but found ${this.here()}`)
    if (digits.length <= 4) {
      reject(`a year of four digits or fewer is written without "Y" (${negative ? "-" : ""}${digits.padStart(4, "0")})`)
    }
    if (digits.charCodeAt(0) === ZERO) reject(`a Y-prefixed year must not start with 0`)
    const year = negative ? -Number(digits) : Number(digits)
    if (year < MIN_YEAR || year > MAX_YEAR) {
      reject(`year ${negative ? "-" : ""}${digits} is outside the supported range ${MIN_YEAR} to ${MAX_YEAR}`)
    }
    if (this.peek() === MINUS) reject(`a year written with "Y" cannot have a month or day`)
    return freeze({ _tag: "Date", year, unspecified: ALL_KNOWN, qualifiers: this.qualifiers() })
  }

  private afterMonth(year: number): EdtfDate | EdtfDateTime {
    const month = this.twoDigitsOrX("month")
    if (month >= 21 && month <= 24) {
      if (this.peek() === MINUS) reject("a season (21–24) cannot have a day")
      const season = month as Season
      return freeze({ _tag: "Date", year, season, unspecified: ALL_KNOWN, qualifiers: this.qualifiers() })
    }
    if (month >= 25 && month <= 41) reject(`season ${month} is level 2; only the seasons 21–24 are supported`)
    if (month === 0 || month > 12) reject(`month ${pad2(month)} does not exist`)
    if (this.peek() !== MINUS) {
      if (this.peek() === T) reject("a date-time needs a full date (YYYY-MM-DD) before the T")
      return month === -1
        ? freeze({ _tag: "Date", year, unspecified: MONTH_X, qualifiers: this.qualifiers() })
        : freeze({ _tag: "Date", year, month, unspecified: ALL_KNOWN, qualifiers: this.qualifiers() })
    }
    this.pos++
    const day = this.twoDigitsOrX("day")
    if (day === -1) {
      if (this.peek() === T) reject("a date-time cannot have unspecified (X) digits")
      return month === -1
        ? freeze({ _tag: "Date", year, unspecified: MONTH_DAY_X, qualifiers: this.qualifiers() })
        : freeze({ _tag: "Date", year, month, unspecified: DAY_X, qualifiers: this.qualifiers() })
    }
    if (month === -1) reject("a day cannot be known when its month is unspecified (XX)")
    const length = daysInMonth(year, month)
    if (day === 0) reject("day 00 does not exist")
    if (day > length) {
      reject(`day ${day} does not exist in ${MONTH_NAMES[month - 1]} ${formatYear(year)}, which has ${length} days`)
    }
    if (this.peek() === T) return this.time(year, month, day)
    return freeze({ _tag: "Date", year, month, day, unspecified: ALL_KNOWN, qualifiers: this.qualifiers() })
  }

  private time(year: number, month: number, day: number): EdtfDateTime {
    this.pos++
    const hour = this.twoDigits("hour")
    this.expect(COLON, "expected \":\" after the hour")
    const minute = this.twoDigits("minute")
    if (this.peek() !== COLON) reject(`a time needs seconds (hh:mm:ss) but found ${this.here()}`)
    this.pos++
    const second = this.twoDigits("second")
    if (hour > 23) reject(`hour ${hour} does not exist${hour === 24 ? " (write 00:00:00 of the next day)" : ""}`)
    if (minute > 59) reject(`minute ${minute} does not exist`)
    if (second > 59) reject(`second ${second} does not exist${second === 60 ? " (leap seconds are not supported)" : ""}`)
    const c = this.peek()
    if (c === DOT || c === COMMA) reject("fractional seconds are not supported")
    const offset = this.offset()
    if (isQualifier(this.peek())) reject("a date-time cannot be qualified (? ~ %); qualify a date instead")
    this.mustEnd()
    const fields = { _tag: "DateTime", year, month, day, hour, minute, second } as const
    return freeze(offset === undefined ? fields : { ...fields, offset })
  }

  private offset(): UtcOffset | undefined {
    const sign = this.peek()
    if (sign === Z) {
      this.pos++
      return UTC_OFFSET
    }
    if (sign !== PLUS && sign !== MINUS) return undefined
    const offsetStart = this.pos
    this.pos++
    const hours = this.twoDigits("offset hour")
    let minutes = 0
    let written: UtcOffset["written"] = "±hh"
    if (this.peek() === COLON) {
      this.pos++
      minutes = this.twoDigits("offset minute")
      written = "±hh:mm"
    } else if (isDigit(this.peek())) {
      reject("write the offset as ±hh:mm, with a colon")
    }
    const shown = this.text.slice(offsetStart, this.pos)
    if (minutes > 59) reject(`the offset ${shown} has minute ${minutes}`)
    const total = sign === MINUS ? -(hours * 60 + minutes) : hours * 60 + minutes
    if (sign === MINUS && total === 0) reject(`a zero offset is written Z or +00:00, not ${shown}`)
    // The offsets in use on Earth; the edtf package draws the same line.
    if (total < -12 * 60 || total > 14 * 60) reject(`the offset ${shown} is outside -12:00 to +14:00`)
    return freeze({ minutes: total, written })
  }

  private qualifiers(): Qualifiers {
    const c = this.peek()
    if (!isQualifier(c)) {
      this.mustEnd()
      return NO_QUALIFIERS
    }
    this.pos++
    const next = this.peek()
    if (next === T) reject("a qualifier (? ~ %) may end a date but cannot precede a time; date-times are not qualified")
    if (isQualifier(next)) reject("use one qualifier: % means uncertain (?) and approximate (~) at once")
    if (next !== -1) reject(`a qualifier (? ~ %) must come last, but ${this.here()} follows it`)
    return c === QUESTION ? UNCERTAIN : c === TILDE ? APPROXIMATE : BOTH
  }

  private mustEnd(): void {
    if (this.pos < this.end) reject(`unexpected ${this.here()}`)
  }
}

const UTC_OFFSET: UtcOffset = freeze({ minutes: 0, written: "Z" })

const endpoint = (text: string, start: number, end: number): Endpoint => {
  if (start === end) return UNKNOWN
  if (end - start === 2 && text.charCodeAt(start) === DOT && text.charCodeAt(start + 1) === DOT) return OPEN
  return new Scanner(text, start, end).scan()
}

const scanOrThrow = (text: string): Parsed => {
  if (text.length === 0) return reject("the string is empty")
  if (text.length > MAX_LENGTH) return reject(`it is longer than any EDTF date (${MAX_LENGTH} characters)`)
  const slash = text.indexOf("/")
  if (slash === -1) {
    if (text === "..") return reject(`".." marks an open end of an interval and cannot stand alone`)
    return new Scanner(text, 0, text.length).scan()
  }
  const another = text.indexOf("/", slash + 1)
  if (another !== -1) return reject(`an interval has one "/", but there is another at position ${another + 1}`)
  const start = endpoint(text, 0, slash)
  const end = endpoint(text, slash + 1, text.length)
  if (start._tag !== "Date" && start._tag !== "DateTime" && end._tag !== "Date" && end._tag !== "DateTime") {
    return reject("an interval needs a date on at least one side")
  }
  if (!endpointsInOrder(start, end)) {
    return reject(`the interval starts (${formatEndpoint(start)}) after it ends (${formatEndpoint(end)})`)
  }
  return freeze({ _tag: "Interval", start, end })
}

const YEAR_MONTH = /^(\d{4})[/.](\d{1,2})$/
const NUMERIC_DATE = /^(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4})$/

const isCalendarDate = (year: number, month: number, day: number): boolean =>
  month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)

const isoDate = (year: number, month: number, day: number): string => `${formatYear(year)}-${pad2(month)}-${pad2(day)}`

/**
 * What to say about a date written in another common way (`16/12/2011`, `12/16/2011`,
 * `16.12.2011`, `2011/12/16`, `2011-1-5`, `2011/12`): how to write it in EDTF, in both readings when the
 * day and the month could be either. Undefined for anything else.
 */
const otherDateStyle = (text: string): string | undefined => {
  const month = YEAR_MONTH.exec(text)
  if (month !== null) {
    const [year, value] = [Number(month[1]), Number(month[2])]
    return value >= 1 && value <= 12 ? `write it ${formatYear(year)}-${pad2(value)} (year-month with a hyphen, as EDTF requires)` : undefined
  }
  const m = NUMERIC_DATE.exec(text)
  if (m === null) return undefined
  const [, first = "", separator, middle = "", last = ""] = m
  const [a, b, c] = [Number(first), Number(middle), Number(last)]
  if (first.length === 4 && last.length <= 2) {
    // Written with hyphens and two digits each, it is EDTF's own shape: the scanner's reason fits.
    if (separator === "-" && middle.length === 2 && last.length === 2) return undefined
    if (!isCalendarDate(a, b, c)) return "EDTF dates are written year-month-day with hyphens, such as 2011-12-16"
    return separator === "-"
      ? `write it ${isoDate(a, b, c)} (two digits for the month and the day)`
      : `write it ${isoDate(a, b, c)} (year-month-day with hyphens, as EDTF requires)`
  }
  if (first.length > 2) return undefined
  if (last.length !== 4) return "write the year in full, year-month-day, such as 2011-12-16"
  const dayFirst = isCalendarDate(c, b, a)
  const monthFirst = isCalendarDate(c, a, b)
  if (dayFirst && monthFirst && a !== b) {
    return `write it ${isoDate(c, b, a)} if the day comes first or ${isoDate(c, a, b)} if the month does (year-month-day, as EDTF requires)`
  }
  if (dayFirst || monthFirst) return `write it ${dayFirst ? isoDate(c, b, a) : isoDate(c, a, b)} (year-month-day, as EDTF requires)`
  return "EDTF dates are written year-month-day with hyphens, such as 2011-12-16"
}

/**
 * Scans `text` as EDTF. Returns the frozen syntax tree, or a string saying what
 * is wrong (the caller wraps it in an error).
 */
export const scan = (text: string): Parsed | string => {
  try {
    return scanOrThrow(text)
  } catch (e) {
    if (e instanceof Reject) return otherDateStyle(text) ?? e.reason
    throw e
  }
}
