/**
 * The timeline page: a chronicle as one self-contained HTML file that anyone can open from disk,
 * send or put on a website — inline SVG, CSS and a small script, no network request, no external
 * font, nothing fetched (its Content-Security-Policy forbids it).
 *
 * What it shows:
 * - a time axis (years, then months and days as one zooms) with one lane per place, kind or actor
 *   (switchable); each event's mark spans every date its record allows: a known day is a solid
 *   tick, a range a translucent band with a solid bar where the event certainly went on, an
 *   approximate date (`~`) paler edges over the dates its widening adds, an uncertain one (`?`)
 *   a dashed outline;
 * - arcs between linked events, coloured and labelled by relation (inferred links dashed);
 *   reports joined by same-as links drawn as one event;
 * - contested counts on the marks (the span of all claims and of the official ones, or what the
 *   chosen claim policy keeps) and the participants' own counts, every claim with its claimant
 *   and the day it was made on hover or focus;
 * - a panel for the selected event: title, dates as the sources give them, every claim, every
 *   citation with its link and quote, its links, and its revision history with reasons;
 * - controls: zoom and pan (buttons, keys, drag, ctrl+wheel), filters by kind, place (with the
 *   places within it), actor and text, the claim policy, and a slider over record time that
 *   shows the chronicle as recorded on any past day: events appear, move and vanish as they were
 *   recorded, corrected and retracted;
 * - a table of every event with its sources below the chart, written into the HTML itself, so
 *   that the page reads without its script, in print and with a screen reader.
 *
 * The axis shows each event in the calendar of its own place: `2011-12-16` in Zhanaozen covers
 * 16 December on the axis, as the sources say, not the hours of UTC it falls on; a date-time with
 * an offset (`T09:30:00Z`) is placed at the wall time of the event's zone at that instant (14:30
 * in Zhanaozen), and shown as written, offset included.
 *
 * Every text from a record is escaped for where it goes: the data travels as JSON in a
 * `<script type="application/json">` element (with `<`, `>` and `&` escaped), the script writes
 * it into the page as text only, never as markup, and only http(s) addresses become links.
 *
 * Nothing here throws: entries or records that cannot be read are left out, options of the wrong
 * kind fall back to their defaults, and a value that is not a list gives a page with no events.
 *
 * @example
 * ```ts
 * import { Effect, Stream } from "effect"
 * import { Journal } from "protest-chronicle"
 * import { TimelinePage } from "protest-chronicle/interchange"
 *
 * // Every entry of a journal, with the record times the slider moves over.
 * const html = Effect.gen(function*() {
 *   const journal = yield* Journal.Journal
 *   const entries = yield* Stream.runCollect(journal.readAll())
 *   return TimelinePage.fromEntries(entries, { title: "Zhanaozen, 2011–2023", groupBy: "place" })
 * })
 * // Records without a journal (no history, no slider):
 * // TimelinePage.fromRecords(zhanaozen.all, { title: "Zhanaozen" })
 * ```
 *
 * @since 0.2.0
 *
 * @module
 */
import type { Entry } from "../journal/Entry.js"
import type * as ClaimPolicy from "../model/ClaimPolicy.js"
import type { RecordTime } from "../projection/Projection.js"
import { pageData, type PageSettings, policies } from "./internal/page/data.js"
import { pageHtml } from "./internal/page/html.js"
import { field, oneLine, textOf } from "./internal/text.js"

/**
 * Options of the page:
 * - `title` (default "Timeline") and `description`: plain text, escaped here;
 * - `groupBy`: the lanes the page opens with, by `"place"` (default), `"kind"` or `"actor"`;
 * - `policy`: the claim policy it opens with (default `"envelope"`: the span of all claims, with
 *   the official ones beside it);
 * - `asOf`: the record time it opens at (default: the latest); the reader can move it;
 * - `recordedAt` (`fromRecords` only): the record time to give the records; without it the page
 *   has no record-time slider and says no record time was given;
 * - `history` (`fromEntries`, default `true`): `false` puts only what is current into the page —
 *   each record's latest revision, no retracted record, no earlier wording, no record-time slider.
 *
 * Gotchas: with its history, a page carries every retracted record and every earlier revision in
 * its data, readable by anyone who opens the file, since the slider shows them as they were. A
 * record retracted because it must not be published (a name withdrawn for a person's safety, a
 * claim withdrawn on legal advice) is in it: publish such a chronicle with `history: false`.
 *
 * @category models
 * @since 0.2.0
 */
export interface Options {
  readonly title?: string
  readonly description?: string
  readonly groupBy?: "place" | "kind" | "actor"
  readonly policy?: ClaimPolicy.ClaimPolicy
  readonly asOf?: RecordTime
  readonly recordedAt?: RecordTime
  readonly history?: boolean
}

/** A record time as epoch ms, or undefined for anything that is not one. */
const epoch = (u: unknown): number | undefined => {
  if (typeof u === "number") return Number.isFinite(u) ? u : undefined
  if (u instanceof Date) return Number.isFinite(u.getTime()) ? u.getTime() : undefined
  const ms = field(u, "epochMillis") // an Effect DateTime
  return typeof ms === "number" && Number.isFinite(ms) ? ms : undefined
}

const settingsOf = (options: unknown, timesKnown: boolean): PageSettings => {
  const groupBy = field(options, "groupBy")
  const policy = field(options, "policy")
  return {
    title: oneLine(textOf(field(options, "title"))) || "Timeline",
    description: oneLine(textOf(field(options, "description"))),
    groupBy: groupBy === "kind" || groupBy === "actor" ? groupBy : "place",
    policy: (policies as ReadonlyArray<unknown>).includes(policy) ? (policy as ClaimPolicy.ClaimPolicy) : "envelope",
    asOf: epoch(field(options, "asOf")),
    timesKnown,
    history: field(options, "history") !== false
  }
}

const listOf = (u: unknown): Iterable<unknown> => {
  try {
    return typeof u === "object" && u !== null && typeof (u as { [Symbol.iterator]?: unknown })[Symbol.iterator] === "function" ? (u as Iterable<unknown>) : []
  } catch {
    return []
  }
}

/**
 * The page of a journal's entries (in journal order, as `Journal.readAll` gives them): the
 * chronicle as last recorded, with the record-time slider over every record time they hold and
 * each event's revision history. Entries that are not journal entries are left out.
 *
 * @category exports
 * @since 0.2.0
 */
export const fromEntries = (entries: Iterable<Entry>, options?: Options): string =>
  pageHtml(pageData(listOf(entries), settingsOf(options, true)))

/**
 * The page of plain records (events, places, actors, sources, links), as one revision each:
 * for records held outside a journal, such as a dataset or an import. Later records with the same
 * type and id replace earlier ones. Without `recordedAt` the page has no record-time slider.
 *
 * @category exports
 * @since 0.2.0
 */
export const fromRecords = (records: Iterable<unknown>, options?: Options): string => {
  const recordedAt = epoch(field(options, "recordedAt"))
  const latest = new Map<string, unknown>()
  try {
    for (const record of listOf(records)) {
      const type = field(record, "type")
      const id = field(record, "id")
      if (typeof type === "string" && typeof id === "string") {
        latest.delete(`${type}/${id}`)
        latest.set(`${type}/${id}`, record)
      }
    }
  } catch {
    // An iterable that throws part way gives what it gave until then.
  }
  const entries = [...latest.values()].map((record, i) => ({
    position: i + 1,
    stream: { type: field(record, "type"), id: field(record, "id") },
    revision: 1,
    recordedAt: recordedAt ?? 0,
    body: { _tag: "revision", record }
  }))
  return pageHtml(pageData(entries, settingsOf(options, recordedAt !== undefined)))
}
