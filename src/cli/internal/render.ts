/**
 * How events, claims and links read in a terminal: one aligned row per event (date as the sources
 * give it, a mark for uncertain and approximate dates, kind, place, title), and under it each
 * contested count summarised by the chosen policy, each claim with who made it and where it was
 * published (by name, when the chronicle knows the actor and the source). The same renderers serve
 * `timeline`, `links` and `demo`.
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
  // A date mark and, in the demo, `↪` (two columns in a terminal that shows it as an emoji).
  { header: " ", max: 3 },
  { header: "date", max: 23, wrap: true },
  { header: "kind", max: 15, wrap: true },
  { header: "place", max: 16, wrap: true },
  { header: "title", flex: true, wrap: true }
]

type Claimed = { readonly value: Count.Count; readonly claimant?: string; readonly citations: ReadonlyArray<{ readonly source: string }>; readonly madeOn?: string }

/** What one claim says, with who said it and where: `10 — Askhat Daulbayev, in Reuters, 2011-12-16`. */
const byWhom = (claim: Claimed, names: Names): string => {
  const outlets = [...new Set(claim.citations.map((c) => names.outlet(c.source) ?? c.source))].join(", ")
  const claimant = claim.claimant === undefined ? undefined : (names.actor(claim.claimant) ?? claim.claimant)
  const said = claimant === undefined ? outlets : claimant === outlets || outlets === "" ? claimant : `${claimant}, in ${outlets}`
  return `${Count.format(claim.value)} — ${said}${claim.madeOn === undefined ? "" : `, ${claim.madeOn}`}`
}

/** The official claims' summary: their envelope when it is bounded, else each official figure. */
const officially = (claims: ReadonlyArray<Claimed>, attribution: ClaimPolicy.Attribution): string => {
  const official = ClaimPolicy.summarize(claims as never, "official", attribution)
  if (official.count === undefined) return "no official figure"
  return Count.bounds(official.count).high < Infinity
    ? `official: ${Count.format(official.count)}`
    : `official: ${official.claims.map((c) => Count.format(c.value)).join("; ")}`
}

/**
 * The lines under an event for its counts: one claim as it is; several as the policy's summary
 * and, with the `all` policy, the official figure and every claim.
 */
export const claimLines = (event: AnyEvent, policy: ClaimPolicy.ClaimPolicy, attribution: ClaimPolicy.Attribution, names: Names = noNames): Array<string> => {
  const lines: Array<string> = []
  for (const [field, claims] of countClaims(event)) {
    if (claims.length === 1) {
      lines.push(`${field}: ${byWhom(claims[0]!, names)}`)
      continue
    }
    const envelope = ClaimPolicy.summarize(claims as never, "envelope", attribution).count
    const chosen = ClaimPolicy.summarize(claims as never, policy, attribution)
    const from = `${claims.length} claims, from ${envelope === undefined ? "none" : Count.format(envelope)}`
    const summary = policy === "all"
      ? `${from}; ${officially(claims, attribution)}`
      : policy === "envelope"
      ? from
      : `${policy}: ${chosen.count === undefined ? "none" : Count.format(chosen.count)} (${chosen.claims.length} of ${claims.length} claims)`
    lines.push(`${field}: ${summary}`)
    if (policy === "all") for (const claim of claims) lines.push(`  · ${byWhom(claim, names)}`)
  }
  return lines
}

/** Names to print instead of ids, when the reader knows the record: a place's, an actor's, a source's outlet. */
export interface Names {
  readonly place: (id: string) => string | undefined
  readonly actor: (id: string) => string | undefined
  readonly outlet: (id: string) => string | undefined
}

/** No names known: ids are printed as they are. */
export const noNames: Names = { place: () => undefined, actor: () => undefined, outlet: () => undefined }

// An outlet without its parenthesis: "Reuters (via Yahoo News)" reads "Reuters" in a claim line.
const outletName = (outlet: string | undefined): string | undefined => outlet?.replace(/\s*\(.*\)$/, "")

/** Names from a timeline's context. */
export const namesOf = (timeline: Projection.Timeline.Timeline): Names => {
  const { actors, places, sources } = Projection.Timeline.context(timeline)
  return {
    place: (id) => Option.getOrUndefined(HashMap.get(places, id as never))?.name,
    actor: (id) => Option.getOrUndefined(HashMap.get(actors, id as never))?.name,
    outlet: (id) => outletName(Option.getOrUndefined(HashMap.get(sources, id as never))?.outlet)
  }
}

/** Names from a catalog. */
export const namesIn = (catalog: Projection.Catalog.Catalog): Names => {
  const current = (type: string, id: string) => Projection.Catalog.get(catalog, { type, id } as never)?.current as { readonly name?: string; readonly outlet?: string } | undefined
  return {
    place: (id) => current("place", id)?.name,
    actor: (id) => current("actor", id)?.name,
    outlet: (id) => outletName(current("source", id)?.outlet)
  }
}

/** The cells of an event row. */
export const eventCells = (event: AnyEvent, certain = true, names: Names = noNames, continuing = false): Array<string> => {
  const place = (event as { readonly where?: { readonly place?: string } }).where?.place ?? ""
  return [`${certain ? dateMark(event.when) : "?"}${continuing ? "↪" : ""}`, event.when, event.kind, names.place(place) ?? place, event.title]
}

/** Lays out events (with their claim lines, indented under the title) within the line width. */
export const eventRows = (
  rows: ReadonlyArray<{ readonly event: AnyEvent; readonly certain: boolean; readonly continuing?: boolean }>,
  options: {
    readonly policy: ClaimPolicy.ClaimPolicy
    readonly attribution: ClaimPolicy.Attribution
    readonly names?: Names
    readonly header?: boolean
    readonly claims?: boolean
  }
): Array<string> => {
  const width = lineWidth()
  const cells = rows.map((r) => eventCells(r.event, r.certain, options.names, r.continuing === true))
  const ws = widths(eventColumns, cells, width)
  const out: Array<string> = options.header === false ? [] : [colour.dim(layoutRow(eventColumns, eventColumns.map((c) => c.header), ws))]
  // Claims go under the title, or from the middle of a narrow line, with room for a few words.
  const under = Math.min(ws.slice(0, 4).reduce((a, b) => a + b + 2, 0), 40, Math.floor(width / 2))
  rows.forEach((r, i) => {
    for (const line of layoutLines(eventColumns, cells[i]!, ws)) out.push(r.certain ? line : colour.dim(line))
    if (options.claims === false) return
    for (const claim of claimLines(r.event, options.policy, options.attribution, options.names)) {
      const nested = claim.startsWith("  ") ? 2 : 0
      // Nested lines and the continuations of a wrapped claim are indented 2 more than its first line.
      wrap(claim, width - under - nested - 2).forEach((l, j) => out.push(colour.yellow(" ".repeat(under + (j === 0 ? 0 : nested + 2)) + (j === 0 && nested > 0 ? "  " : "") + l)))
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
