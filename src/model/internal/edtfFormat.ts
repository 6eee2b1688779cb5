/**
 * Writes a syntax tree back as EDTF text. The scanner only accepts the one way
 * of writing each value that this produces, so `format(scan(s)) === s`.
 *
 * @internal
 */
import type { Qualifiers } from "../When.js"
import type { EdtfDate, EdtfDateTime, Endpoint, Parsed, UtcOffset } from "../EdtfTree.js"

const pad = (n: number, width: number): string => String(n).padStart(width, "0")

/** `2011`, `0099`, `-0001`, or `Y12345` / `Y-12345` beyond four digits. */
export const formatYear = (year: number): string => {
  const magnitude = Math.abs(year)
  const sign = year < 0 ? "-" : ""
  return magnitude > 9999 ? `Y${sign}${magnitude}` : `${sign}${pad(magnitude, 4)}`
}

const formatQualifiers = (q: Qualifiers): string =>
  q.uncertain ? (q.approximate ? "%" : "?") : q.approximate ? "~" : ""

const formatDate = (d: EdtfDate): string => {
  let text = formatYear(d.year)
  const hidden = d.unspecified.yearDigits
  if (hidden > 0) text = text.slice(0, text.length - hidden) + "X".repeat(hidden)
  if (d.season !== undefined) {
    text += `-${d.season}`
  } else if (d.month !== undefined || d.unspecified.month) {
    text += d.month === undefined ? "-XX" : `-${pad(d.month, 2)}`
    if (d.day !== undefined) text += `-${pad(d.day, 2)}`
    else if (d.unspecified.day) text += "-XX"
  }
  return text + formatQualifiers(d.qualifiers)
}

const formatOffset = (offset: UtcOffset | undefined): string => {
  if (offset === undefined) return ""
  if (offset.written === "Z") return "Z"
  const sign = offset.minutes < 0 ? "-" : "+"
  const total = Math.abs(offset.minutes)
  const hours = pad(Math.floor(total / 60), 2)
  return offset.written === "±hh" ? `${sign}${hours}` : `${sign}${hours}:${pad(total % 60, 2)}`
}

const formatDateTime = (t: EdtfDateTime): string =>
  `${formatYear(t.year)}-${pad(t.month, 2)}-${pad(t.day, 2)}` +
  `T${pad(t.hour, 2)}:${pad(t.minute, 2)}:${pad(t.second, 2)}${formatOffset(t.offset)}`

/** One side of an interval: `..` when open, nothing when unknown. */
export const formatEndpoint = (e: Endpoint): string => {
  switch (e._tag) {
    case "Open":
      return ".."
    case "Unknown":
      return ""
    case "Date":
      return formatDate(e)
    case "DateTime":
      return formatDateTime(e)
  }
}

/** The EDTF text of a syntax tree. */
export const format = (p: Parsed): string =>
  p._tag === "Interval" ? `${formatEndpoint(p.start)}/${formatEndpoint(p.end)}` : formatEndpoint(p)
