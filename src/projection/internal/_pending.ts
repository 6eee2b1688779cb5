// TEMPORARY dev shim until the timeline engineer's When.span / Anniversary / Hierarchy land. Not committed.
import type { AnyEvent } from "../../model/Event.js"
import type { Place } from "../../model/Place.js"
import { bounds, format, parse, type Bounds, type When } from "../../model/When.js"

export interface Span { readonly start: Bounds; readonly end: Bounds }
export const span = (w: When | string, tz: string): Span => {
  const p = parse(w)
  if (p._tag === "Failure") throw p.failure
  const v = p.success
  if (v._tag !== "Interval") { const b = bounds(w as When, tz); return { start: b, end: b } }
  const side = (e: typeof v.start, open: Bounds): Bounds => e._tag === "Open" || e._tag === "Unknown" ? open : bounds(format(e) as When, tz)
  const whole = bounds(w as When, tz)
  return { start: side(v.start, { earliest: -Infinity, latest: whole.latest }), end: side(v.end, { earliest: whole.earliest, latest: Infinity }) }
}
export const certainlyStartsAfter = (a: Span, b: Span) => a.start.earliest > b.start.latest
const md = (e: AnyEvent) => { const m = /^(\d{4})-(\d\d)-(\d\d)/.exec(e.when); return m === null ? undefined : { y: +m[1]!, md: `${m[2]}-${m[3]}`, exact: !/[~?%]/.test(e.when) } }
export const isAnniversary = (earlier: AnyEvent, later: AnyEvent): "certain" | "possible" | "no" => {
  const a = md(earlier); const b = md(later)
  if (a === undefined || b === undefined || a.md !== b.md || b.y <= a.y) return "no"
  return a.exact && b.exact ? "certain" : "possible"
}
export const yearsBetween = (earlier: AnyEvent, later: AnyEvent) => (md(later)?.y ?? 0) - (md(earlier)?.y ?? 0)
export const placesAround = (places: ReadonlyArray<Place>) => {
  const parent = new Map(places.map((p) => [p.id as string, p.within as string | undefined]))
  return (id: string): ReadonlyArray<string> => { const out: Array<string> = []; for (let p = parent.get(id); p !== undefined && !out.includes(p); p = parent.get(p)) out.push(p); return out }
}
