/**
 * One event as a TimelineJS slide: its date parts and the date in words, the headline, and a body
 * of HTML built from the record — summary, place, contested counts claim by claim, the editorial
 * note and the sources with their links. Every piece of record text is escaped here; TimelineJS
 * renders `headline`, `text`, `caption` and `credit` as HTML.
 *
 * @internal
 */
import type { AnyEvent } from "../../model/Event.js"
import type { Source } from "../../model/Source.js"
import type { Slide, SlideMedia } from "../TimelineJs.js"
import { dated } from "./dates.js"
import { countsOf, type Lookup, placeChain, sourcesOf } from "./records.js"
import { escapeHtml, field, oneLine, plainForTimelineJs, textField, textOf } from "./text.js"

/** How slides are grouped and whether they carry media. */
export interface SlideOptions {
  readonly groupBy: "none" | "place" | "kind"
  readonly media: boolean
}

/** `hunger-strike` → `hunger strike`, `defendantCount` → `defendant count`. */
export const words = (name: string): string => oneLine(name.replace(/([a-z])([A-Z])/gu, "$1 $2").replace(/[-_]/gu, " ")).toLowerCase()

const capitalized = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1)

const isHttp = (url: string): boolean => /^https?:\/\/[^\s"'<>]+$/u.test(url)

// URLs TimelineJS shows as media by their address alone (pictures, sound, video and the hosts it
// embeds); an ordinary web page would show as a broken picture, so it is listed among the sources only.
const mediaUrl = /\.(?:jpe?g|png|gif|svg|webp|mp3|wav|m4a|mp4|webm)(?:\?[^#]*)?$|^https?:\/\/(?:www\.|m\.)?(?:youtube\.com\/watch|youtu\.be\/|vimeo\.com\/\d|soundcloud\.com\/|commons\.wikimedia\.org\/wiki\/File:)/iu

const sourceName = (id: string, source: Source | undefined): string =>
  oneLine(textField(source, "outlet")) || oneLine(textField(source, "title")) || id

const sourceItem = (id: string, source: Source | undefined): string => {
  const url = textField(source, "url")
  const title = oneLine(textField(source, "title"))
  const outlet = oneLine(textField(source, "outlet"))
  const label = escapeHtml(title || outlet || id)
  const linked = isHttp(url) ? `<a href="${escapeHtml(url)}" target="_blank" rel="noopener">${label}</a>` : label
  return title !== "" && outlet !== "" ? `${linked} (${escapeHtml(outlet)})` : linked
}

const mediaOf = (sources: ReturnType<typeof sourcesOf>): SlideMedia | undefined => {
  for (const { source } of sources) {
    const url = textField(source, "url")
    if (!isHttp(url) || !mediaUrl.test(url)) continue
    const title = oneLine(textField(source, "title"))
    const credit = [textField(source, "author"), textField(source, "outlet")].map(oneLine).filter((s) => s !== "").join(", ")
    return { url, ...(title === "" ? {} : { caption: escapeHtml(title) }), ...(credit === "" ? {} : { credit: escapeHtml(credit) }) }
  }
  return undefined
}

const paragraph = (label: string, html: string): string => (html === "" ? "" : `<p><strong>${escapeHtml(label)}:</strong> ${html}</p>`)

/** The slide of an event, or undefined for an event whose date cannot be read. */
export const slideOf = (event: AnyEvent, lookup: Lookup, actorName: (id: string) => string, options: SlideOptions): Slide | undefined => {
  const when = dated(field(event, "when"))
  if (when === undefined) return undefined
  const where = field(event, "where")
  const places = placeChain(lookup, field(where, "place"))
  const site = oneLine(textField(where, "site"))
  const placeText = [site, ...places.map((p) => oneLine(textField(p, "name")))].filter((s) => s !== "")
  const sources = sourcesOf(lookup, event)
  const name = (id: string) => sourceName(id, lookup.source(id))
  const counts = countsOf(event).map(([key, claims]) =>
    paragraph(
      capitalized(words(key)),
      claims
        .map((c) => {
          const by = c.claimant === undefined ? "" : `, claimed by ${escapeHtml(actorName(c.claimant))}`
          const cited = c.sources.length === 0 ? "" : ` (${c.sources.map((s) => escapeHtml(name(s))).join("; ")})`
          return `${escapeHtml(c.text)}${by}${cited}`
        })
        .join("; ")
    )
  )
  const summary = textField(event, "summary")
  const body = [
    summary === "" ? "" : `<p>${escapeHtml(summary)}</p>`,
    paragraph("Where", escapeHtml(placeText.join(", "))),
    ...counts,
    paragraph("Dating", escapeHtml(textField(event, "note"))),
    paragraph("Sources", sources.map(({ id, source }) => sourceItem(id, source)).join("; "))
  ].join("")
  const placeName = places[0] === undefined ? textOf(field(where, "place")) : textField(places[0], "name")
  const group = options.groupBy === "place" ? plainForTimelineJs(placeName) : options.groupBy === "kind" ? plainForTimelineJs(words(textField(event, "kind"))) : ""
  const media = options.media ? mediaOf(sources) : undefined
  const id = textField(event, "id")
  return {
    start_date: when.start,
    ...(when.end === undefined ? {} : { end_date: when.end }),
    display_date: when.words,
    text: { headline: escapeHtml(oneLine(textField(event, "title"))), text: body },
    ...(group === "" ? {} : { group }),
    ...(media === undefined ? {} : { media }),
    ...(id === "" ? {} : { unique_id: id }),
    autolink: false
  }
}
