/**
 * TimelineJS: a timeline as the JSON that Knight Lab's TimelineJS 3 reads
 * (`new TL.Timeline(element, document)`), one slide per event in timeline order.
 *
 * What maps to what:
 * - `start_date` / `end_date` hold only the parts the event's `when` states: `2011-06~` gives
 *   `{ year: 2011, month: 6 }`, a decade (`201X`) runs from 2010 to 2019, a season over its three
 *   months, an interval from its start to its end; a date-time keeps its hour, minute and second
 *   as written (local time, shown where the reader is, without shifting zones).
 * - `display_date` says the date in words with its uncertainty, since TimelineJS draws dates as
 *   exact: "about June 2011", "16 December 2011 (uncertain)", "from 11 May 2011, ongoing".
 * - `text.headline` is the title; `text.text` holds the summary, the place with the places
 *   around it, every claim of every contested count with its sources and claimant, the editorial
 *   note on the dating, and the cited sources with their links.
 * - `group` (optional) is the place's name or the event's kind; `media` (optional) the first
 *   cited source whose URL TimelineJS can show (a picture, sound, video, YouTube, Vimeo,
 *   SoundCloud, Wikimedia Commons), captioned with its title and credited to its author and
 *   outlet. Other sources are links in the text only: a web page would show as a broken picture.
 * - `unique_id` is the event id; `autolink` is off, since the text carries its own links.
 *
 * What is lost: the bounds the library derives (TimelineJS places a slide at its first stated
 * part), the kind's own fields other than counts, participants, demands, tags and disputes, and
 * links between events (see `Mermaid` and `Dot`). Reports joined by same-as links stay separate
 * slides.
 *
 * Every text from a record is HTML-escaped (TimelineJS renders text as HTML), and `group`, which
 * TimelineJS reads as plain text and writes back as HTML, has its angle brackets replaced by single
 * angle quotation marks (‹ ›). Nothing here throws: a value that is not a timeline exports as an empty one,
 * an event whose date cannot be read (only a cast makes one) is left out, and options of the wrong
 * kind fall back to their defaults.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Projection, Record } from "protest-chronicle"
 * import { zhanaozen } from "protest-chronicle/datasets"
 * import { TimelineJs } from "protest-chronicle/interchange"
 *
 * const records = zhanaozen.all.map((r) => Result.getOrThrow(Record.decode(r)))
 * const timeline = Result.getOrThrow(Projection.Timeline.fromRecords(records))
 * const document = TimelineJs.fromTimeline(timeline, { title: { headline: "Zhanaozen, 2011–2023" }, groupBy: "place" })
 * console.log(document.events.length, document.events[0]?.display_date)
 * const json = TimelineJs.toJson(timeline) // the same document as text: new TL.Timeline(element, JSON.parse(json))
 * ```
 *
 * @since 0.1.0
 *
 * @module
 */
import { HashMap, Option, type Stream } from "effect"
import type { ActorId } from "../model/Id.js"
import * as Timeline from "../projection/Timeline.js"
import { joined, jsonDocument, reusable, streamOf } from "./internal/chunks.js"
import { eventsOf, lookupOf } from "./internal/records.js"
import { slideOf } from "./internal/slides.js"
import { escapeHtml, field, oneLine, textField } from "./internal/text.js"

/**
 * A TimelineJS date: the parts an event's `when` states (months 1 to 12), and optionally the
 * date in words.
 *
 * @category models
 * @since 0.1.0
 */
export interface SlideDate {
  readonly year: number
  readonly month?: number
  readonly day?: number
  readonly hour?: number
  readonly minute?: number
  readonly second?: number
  readonly display_date?: string
}

/**
 * The media of a slide: a URL TimelineJS can show, with its caption and credit (HTML, escaped).
 *
 * @category models
 * @since 0.1.0
 */
export interface SlideMedia {
  readonly url: string
  readonly caption?: string
  readonly credit?: string
}

/**
 * A TimelineJS slide: one event. `text.headline` and `text.text` are HTML (record text escaped),
 * `display_date` the date in words, `group` plain text.
 *
 * @category models
 * @since 0.1.0
 */
export interface Slide {
  readonly start_date: SlideDate
  readonly end_date?: SlideDate
  readonly display_date: string
  readonly text: { readonly headline: string; readonly text: string }
  readonly group?: string
  readonly media?: SlideMedia
  readonly unique_id?: string
  readonly autolink: false
}

/**
 * A TimelineJS document: an optional title slide and the event slides.
 *
 * @category models
 * @since 0.1.0
 */
export interface Document {
  readonly title?: { readonly text: { readonly headline: string; readonly text: string } }
  readonly events: ReadonlyArray<Slide>
}

/**
 * Options: `title` (plain text, escaped here) for a title slide; `groupBy` puts slides in rows by
 * `"place"` (the event's place name) or `"kind"` (default `"none"`); `media: false` leaves media
 * out; `indent` (for the JSON text) indents by two spaces.
 *
 * @category models
 * @since 0.1.0
 */
export interface Options {
  readonly title?: { readonly headline: string; readonly text?: string }
  readonly groupBy?: "none" | "place" | "kind"
  readonly media?: boolean
  readonly indent?: boolean
}

const read = (options: unknown) => {
  const groupBy = field(options, "groupBy")
  const title = field(options, "title")
  const headline = oneLine(textField(title, "headline"))
  const text = textField(title, "text")
  return {
    slides: { groupBy: groupBy === "place" || groupBy === "kind" ? groupBy : "none", media: field(options, "media") !== false } as const,
    indent: field(options, "indent") === true,
    title: headline === "" && text === "" ? undefined : { text: { headline: escapeHtml(headline), text: text === "" ? "" : `<p>${escapeHtml(text)}</p>` } }
  }
}

function* slidesOf(timeline: Timeline.Timeline, options: ReturnType<typeof read>): Generator<Slide> {
  const lookup = lookupOf(timeline)
  const { actors } = Timeline.context(timeline)
  const actorName = (id: string): string => {
    const actor = Option.getOrUndefined(HashMap.get(actors, id as ActorId))
    return oneLine(textField(actor, "name")) || id
  }
  for (const event of eventsOf(timeline)) {
    let slide: Slide | undefined
    try {
      slide = slideOf(event, lookup, actorName, options.slides)
    } catch {
      slide = undefined
    }
    if (slide !== undefined) yield slide
  }
}

/**
 * The TimelineJS document of a timeline: one slide per event, in timeline order.
 *
 * @category exports
 * @since 0.1.0
 */
export const fromTimeline = (timeline: Timeline.Timeline, options?: Options): Document => {
  const o = read(options)
  const events = [...slidesOf(timeline, o)]
  return o.title === undefined ? { events } : { title: o.title, events }
}

/**
 * The document as JSON text in pieces, slide by slide, for large timelines: the pieces join to
 * {@link toJson}'s text, and the iterable can be walked again (each walk reads the timeline afresh).
 *
 * @category exports
 * @since 0.1.0
 */
export const jsonChunks = (timeline: Timeline.Timeline, options?: Options): Iterable<string> =>
  reusable(() => {
    const o = read(options)
    return jsonDocument(o.title === undefined ? { events: [] } : { title: o.title, events: [] }, slidesOf(timeline, o), o.indent)
  })

/**
 * The document as JSON text.
 *
 * @category exports
 * @since 0.1.0
 */
export const toJson = (timeline: Timeline.Timeline, options?: Options): string => joined(jsonChunks(timeline, options))

/**
 * The JSON text as an Effect `Stream` of pieces, slide by slide.
 *
 * @category exports
 * @since 0.1.0
 */
export const stream = (timeline: Timeline.Timeline, options?: Options): Stream.Stream<string> => streamOf(jsonChunks(timeline, options))
