/**
 * How events, claims and links read in a terminal: one aligned row per event (date as the sources
 * give it, a mark for uncertain and approximate dates, kind, place, title), and under it each
 * contested count summarised by the chosen policy. The same renderers serve `timeline`, `links`
 * and `demo`.
 */
import { HashMap, Option } from "effect"
import { ClaimPolicy, Count, type Event, Projection, When } from "protest-chronicle"
import { type Column, layoutLines, layoutRow, widths } from "./table.js"
import { clip, colour, lineWidth, widthOf, wrap } from "./terminal.js"

type AnyEvent = Event.AnyEvent

/** The fields of an event that hold count claims, with their claims. */
export const countClaims = (event: AnyEvent): Array<readonly [string, ReadonlyArray<{ readonly value: Count.Count; readonly claimant?: string; readonly citations: ReadonlyArray<{ readonly source: string }>; readonly madeOn?: string }>]> => {
  const out: Array<readonly [string, never]> = []
  for (const [field, value] of Object.entries(event)) {
    if (!Array.isArray(value) || value.length === 0) continue
    const first = value[0] as { readonly value?: { readonly kind?: unknown }; readonly citations?: unknown } | undefined
    if (typeof first?.value?.kind === "string" && Array.isArray(first.citations)) out.push([field, value as never])
  }
  return out
}

/** A mark for how sure a date is: `~` approximate, `?` uncertain, `%` both, else blank. */
export const dateMark = (when: string): string => {
  const q = When.qualifiers(when as When.When)
  return q.approximate && q.uncertain ? "%" : q.approximate ? "~" : q.uncertain ? "?" : " "
}

/** The columns of an event row. */
export const eventColumns: ReadonlyArray<Column> = [
  { header: " ", max: 1 },
  { header: "date", max: 23, wrap: true },
  { header: "kind", max: 15, wrap: true },
  { header: "place", max: 16, wrap: true },
  { header: "title", flex: true, wrap: true }
]

/** What one claim says, with who said it. */
const byWhom = (claim: { readonly value: Count.Count; readonly claimant?: string; readonly citations: ReadonlyArray<{ readonly source: string }>; readonly madeOn?: string }): string => {
  const who = claim.claimant ?? claim.citations.map((c) => c.source).join(", ")
  return `${Count.format(claim.value)} (${who}${claim.madeOn === undefined ? "" : `, ${claim.madeOn}`})`
}

/**
 * The lines under an event for its counts: one claim as it is; several as the policy's summary
 * and, with the `all` policy, every claim.
 */
export const claimLines = (event: AnyEvent, policy: ClaimPolicy.ClaimPolicy, attribution: ClaimPolicy.Attribution): Array<string> => {
  const lines: Array<string> = []
  for (const [field, claims] of countClaims(event)) {
    if (claims.length === 1) {
      lines.push(`${field}: ${byWhom(claims[0]!)}`)
      continue
    }
    const envelope = ClaimPolicy.summarize(claims as never, "envelope", attribution).count
    const chosen = ClaimPolicy.summarize(claims as never, policy, attribution)
    const summary = policy === "all" || policy === "envelope"
      ? `${claims.length} claims, from ${envelope === undefined ? "none" : Count.format(envelope)}`
      : `${policy}: ${chosen.count === undefined ? "none" : Count.format(chosen.count)} (${chosen.claims.length} of ${claims.length} claims)`
    lines.push(`${field}: ${summary}`)
    if (policy === "all") for (const claim of claims) lines.push(`  ${byWhom(claim)}`)
  }
  return lines
}

/** The name of a place by its id, when the reader knows the place. */
export type PlaceName = (id: string) => string | undefined

/** Place names from a timeline's context. */
export const placeNamesOf = (timeline: Projection.Timeline.Timeline): PlaceName => {
  const places = Projection.Timeline.context(timeline).places
  return (id) => Option.getOrUndefined(HashMap.get(places, id as never))?.name
}

/** Place names from a catalog. */
export const placeNamesIn = (catalog: Projection.Catalog.Catalog): PlaceName => (id) => {
  const place = Projection.Catalog.get(catalog, { type: "place", id } as never)?.current as { readonly name?: string } | undefined
  return place?.name
}

/** The cells of an event row. */
export const eventCells = (event: AnyEvent, certain = true, placeName: PlaceName = () => undefined): Array<string> => {
  const place = (event as { readonly where?: { readonly place?: string } }).where?.place ?? ""
  return [certain ? dateMark(event.when) : "?", event.when, event.kind, placeName(place) ?? place, event.title]
}

/** Lays out events (with their claim lines, indented under the title) within the line width. */
export const eventRows = (
  rows: ReadonlyArray<{ readonly event: AnyEvent; readonly certain: boolean }>,
  options: {
    readonly policy: ClaimPolicy.ClaimPolicy
    readonly attribution: ClaimPolicy.Attribution
    readonly placeName?: PlaceName
    readonly header?: boolean
    readonly claims?: boolean
  }
): Array<string> => {
  const width = lineWidth()
  const cells = rows.map((r) => eventCells(r.event, r.certain, options.placeName))
  const ws = widths(eventColumns, cells, width)
  const out: Array<string> = options.header === false ? [] : [colour.dim(layoutRow(eventColumns, eventColumns.map((c) => c.header), ws))]
  const under = Math.min(ws.slice(0, 4).reduce((a, b) => a + b + 2, 0), 40)
  rows.forEach((r, i) => {
    for (const line of layoutLines(eventColumns, cells[i]!, ws)) out.push(r.certain ? line : colour.dim(line))
    if (options.claims === false) return
    for (const claim of claimLines(r.event, options.policy, options.attribution)) {
      const nested = claim.startsWith("  ") ? 2 : 0
      wrap(claim, width - under - nested).forEach((l, j) => out.push(colour.yellow(" ".repeat(under + (j === 0 ? 0 : nested + 2)) + (j === 0 && nested > 0 ? "  " : "") + l)))
    }
  })
  return out
}

/** A heading rule: `── text ──────…` filling the line. */
export const heading = (text: string): string => {
  const width = lineWidth()
  const head = `── ${clip(text, width - 4)} `
  return colour.bold(head + "─".repeat(Math.max(0, width - widthOf(head))))
}

/** An event as JSON for scripts: the record, and how sure the answer is. */
export const eventJson = (hit: { readonly event: AnyEvent; readonly certainty?: Projection.Timeline.Certainty; readonly duplicates?: ReadonlyArray<AnyEvent> }) => ({
  certainty: hit.certainty ?? "certain",
  event: hit.event,
  ...(hit.duplicates === undefined ? {} : { duplicates: hit.duplicates.map((d) => d.id) })
})
