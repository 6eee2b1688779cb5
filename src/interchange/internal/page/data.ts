/**
 * What the timeline page knows, read from journal entries: every revision and retraction of every
 * event and link with its record time, author and reason (so that the page can show the chronicle
 * as of any record time, and each event's history), and the places, actors and sources as last
 * recorded (names, kinds, links).
 *
 * Dates are placed on a "local" axis: each event's `when` is read as if its own time zone were
 * UTC, so that `2011-12-16` in Zhanaozen covers exactly 16 December on the axis, as the sources
 * give it, whatever the zone; a date-time with an explicit offset is placed at the wall time of
 * the event's zone at the instant it names. Positions are days since 1970-01-01 on that axis.
 * The page carries them packed (`wire.ts`), and its script unpacks them into these shapes.
 *
 * Records are read without trusting them (a cast, a hand-made entry): a value that is not what it
 * should be is left out, never thrown over.
 *
 * @internal
 */
import { Result } from "effect"
import type { Entry } from "../../../journal/Entry.js"
import * as ClaimPolicy from "../../../model/ClaimPolicy.js"
import * as Count from "../../../model/Count.js"
import * as TimeZone from "../../../model/TimeZone.js"
import * as When from "../../../model/When.js"
import { dated } from "../dates.js"
import { words } from "../slides.js"
import { field, listField, oneLine, textField, textOf, wellFormed } from "../text.js"

/** A claim about a count: value in words, bounds, claimant, date made, sources, official or not. */
export interface PageClaim {
  readonly v: string
  readonly lo: number
  readonly hi: number | null
  readonly by?: string
  readonly on?: string
  readonly note?: string
  readonly src: ReadonlyArray<string>
  readonly off: boolean
}

/** The policies the page offers, in the order of its menu. */
export const policies = ["envelope", "all", "official", "lowest", "highest"] as const satisfies ReadonlyArray<ClaimPolicy.ClaimPolicy>

/** A contested count of an event: its field, every claim, and each policy's summary and kept claims. */
export interface PageCount {
  readonly f: string
  readonly label: string
  readonly claims: ReadonlyArray<PageClaim>
  /** Per policy: the summary in words (null when the policy keeps no claim). */
  readonly sum: { readonly [policy: string]: string | null }
  /** Per policy: the indexes of the claims it keeps. */
  readonly kept: { readonly [policy: string]: ReadonlyArray<number> }
}

/** A disputed fact other than a count: the topic and each version with who claims it. */
export interface PageDispute {
  readonly topic: string
  readonly claims: ReadonlyArray<{ readonly v: string; readonly by?: string; readonly on?: string; readonly src: ReadonlyArray<string> }>
}

/** A citation: source id, quote, its translation, locator. */
export interface PageCitation {
  readonly s: string
  readonly q?: string
  readonly tr?: string
  readonly loc?: string
}

/** One revision of an event as the page shows it. */
export interface PageEvent {
  readonly title: string
  readonly kind: string
  readonly when: string
  readonly words: string
  readonly place: string
  readonly also: ReadonlyArray<string>
  readonly site?: string
  readonly summary?: string
  readonly note?: string
  readonly tags: ReadonlyArray<string>
  readonly demands: ReadonlyArray<string>
  readonly who: ReadonlyArray<readonly [string, string]>
  readonly counts: ReadonlyArray<PageCount>
  readonly disputes: ReadonlyArray<PageDispute>
  readonly cites: ReadonlyArray<PageCitation>
  /** Start earliest, start latest, end earliest, end (exclusive), in days; null for an open or unknown side. */
  readonly b: readonly [number | null, number | null, number | null, number | null]
  /** The extent without the widening of `~`, for the soft edges of approximate dates. */
  readonly core?: readonly [number, number]
  readonly unc: boolean
  readonly approx: boolean
}

/** One revision of a link. */
export interface PageLink {
  readonly rel: string
  readonly from: string
  readonly to: string
  readonly why?: string
  readonly inf?: { readonly rule: string; readonly score: number; readonly reason: string }
  readonly cites: ReadonlyArray<PageCitation>
}

/** A step in a stream's history: record time (index into `times`), revision, author, reason, and the body. */
export interface Version<A> {
  readonly t: number
  readonly r: number
  readonly a?: string
  readonly why?: string
  /** The record as of this revision; absent for a retraction. */
  readonly x?: A
}

/** Everything the page's script reads. */
export interface PageData {
  readonly title: string
  readonly description: string
  readonly groupBy: "place" | "kind" | "actor"
  readonly policy: string
  readonly asOf: number
  /** Whether earlier revisions and retracted records are in the page (the slider and the histories need them). */
  readonly history: boolean
  /** Distinct record times (epoch ms, ascending); null when they are not known (records given without a journal). */
  readonly times: ReadonlyArray<number> | null
  readonly places: { readonly [id: string]: { readonly n: string; readonly w?: string; readonly k: string } }
  readonly actors: { readonly [id: string]: { readonly n: string; readonly k: string } }
  readonly sources: { readonly [id: string]: { readonly o: string; readonly t?: string; readonly u?: string; readonly k: string; readonly p?: string; readonly a?: string } }
  readonly events: ReadonlyArray<{ readonly id: string; readonly v: ReadonlyArray<Version<PageEvent>> }>
  readonly links: ReadonlyArray<{ readonly id: string; readonly v: ReadonlyArray<Version<PageLink>> }>
}

/** What the page is asked to show, read from the options. */
export interface PageSettings {
  readonly title: string
  readonly description: string
  readonly groupBy: "place" | "kind" | "actor"
  readonly policy: ClaimPolicy.ClaimPolicy
  readonly asOf: number | undefined
  readonly timesKnown: boolean
  /** False: only each current record's latest revision goes into the page (no retracted record, no earlier revision). */
  readonly history: boolean
}

const DAY = 86_400_000

/** Only web addresses a reader can follow safely; anything else (`javascript:`, `data:`) is dropped. */
export const isHttp = (url: string): boolean => /^https?:\/\/[^\s"'<>`\\]+$/iu.test(url)

const opt = (key: string, value: string): { readonly [k: string]: string } => (value === "" ? {} : { [key]: value })

const days = (ms: number, exclusive: boolean): number | null =>
  Number.isFinite(ms) ? Math.round(((exclusive ? ms + 1 : ms) / DAY) * 1e4) / 1e4 : null

/** A date-time with an explicit offset (`T14:30:00+05:00`, `T09:30Z`), at either end. */
const hasOffset = (when: string): boolean => /T[\d:.]+(?:Z|[+-]\d\d(?::?\d\d)?)(?:[~?%])?(?:\/|$)/u.test(when)

/**
 * The span of a value on the local axis. A value without an offset is read as if its zone were
 * UTC: its dates and wall times as written. A date-time with an offset names an instant; it is
 * placed at the wall time of the event's own zone at that instant (`T09:30Z` in Zhanaozen at
 * 14:30, as a clock there read), which is the wall time written whenever the offset is the
 * zone's. Without a zone the engine knows, the offset's own wall time (the time as written) is used.
 */
const spanOf = (when: string, timeZone: string): When.Span | undefined => {
  if (hasOffset(when)) {
    const zoned = When.span(when as When.When, timeZone)
    if (Result.isSuccess(zoned)) {
      const wall = (ms: number): number => {
        if (!Number.isFinite(ms)) return ms
        const offset = TimeZone.offsetAt(timeZone, ms)
        return Result.isSuccess(offset) ? ms + offset.success : ms
      }
      const s = zoned.success
      return {
        start: { earliest: wall(s.start.earliest), latest: wall(s.start.latest) },
        end: { earliest: wall(s.end.earliest), latest: wall(s.end.latest) }
      } as When.Span
    }
    return spanOf(when.replace(/(T[\d:.]+)(?:Z|[+-]\d\d(?::?\d\d)?)/gu, "$1"), "UTC")
  }
  const span = When.span(when as When.When, "UTC")
  return Result.isSuccess(span) ? span.success : undefined
}

/** A claim's `madeOn` (EDTF) in words ("16 December 2011"), or the text as given when it is not EDTF. */
const madeOnWords = (u: unknown): string => {
  const on = textField(u, "madeOn")
  return on === "" ? "" : (dated(on)?.words ?? oneLine(on))
}

const citationsOf = (u: unknown): ReadonlyArray<PageCitation> =>
  listField(u, "citations").flatMap((c) => {
    const s = textField(c, "source")
    if (s === "") return []
    return [{ s, ...opt("q", wellFormed(textField(c, "quote"))), ...opt("tr", wellFormed(textField(c, "translation"))), ...opt("loc", oneLine(textField(c, "locator"))) }]
  })

const sourceIds = (u: unknown): ReadonlyArray<string> => citationsOf(u).map((c) => c.s)

const isClaimList = (u: unknown): boolean => {
  const list = Array.isArray(u) ? u : []
  return list.length > 0 && list.every((c) => Count.isCount(field(c, "value")) && Array.isArray(field(c, "citations")))
}

/** One contested count: every claim, and what each policy keeps of them. */
const countOf = (f: string, label: string, list: unknown, who: ClaimPolicy.Attribution): ReadonlyArray<PageCount> => {
  if (!isClaimList(list)) return []
  const claims = list as ReadonlyArray<{ readonly value: Count.Count }>
  const shown = claims.map((c): PageClaim => {
    const { low, high } = Count.bounds(c.value)
    return {
      v: wellFormed(Count.format(c.value)),
      lo: low,
      hi: Number.isFinite(high) ? high : null,
      ...opt("by", textField(c, "claimant")),
      ...opt("on", madeOnWords(c)),
      ...opt("note", wellFormed(textField(c, "note"))),
      src: sourceIds(c),
      off: ClaimPolicy.isOfficial(c as never, who)
    }
  })
  const sum: { [p: string]: string | null } = {}
  const kept: { [p: string]: ReadonlyArray<number> } = {}
  for (const p of policies) {
    const summary = ClaimPolicy.summarize(claims as never, p, who)
    sum[p] = summary.count === undefined ? null : wellFormed(Count.format(summary.count))
    kept[p] = summary.claims.map((c) => claims.indexOf(c as never)).filter((i) => i >= 0)
  }
  return [{ f, label, claims: shown, sum, kept }]
}

/**
 * The event's counts: each field that holds claims about a count (killed, detained…), then each
 * participant's own count ("Ozenmunaigas workers (target)": how many of them), with its claimants.
 */
const countsOf = (event: unknown, who: ClaimPolicy.Attribution, actorName: (id: string) => string): ReadonlyArray<PageCount> => {
  let keys: Array<string>
  try {
    keys = typeof event === "object" && event !== null ? Object.keys(event).sort() : []
  } catch {
    return []
  }
  const fields = keys.flatMap((f) => countOf(f, words(f), field(event, f), who))
  const participants = listField(event, "participants").flatMap((p, i) => {
    const actor = textField(p, "actor")
    const role = words(textField(p, "role"))
    return actor === "" ? [] : countOf(`participants.${i}.count`, `${actorName(actor)}${role === "" ? "" : ` (${role})`}`, field(p, "count"), who)
  })
  return [...fields, ...participants]
}

const claimedValue = (value: unknown): string => {
  switch (field(value, "kind")) {
    case "text":
      return wellFormed(textField(value, "text"))
    case "count": {
      const count = field(value, "count")
      return Count.isCount(count) ? wellFormed(Count.format(count)) : ""
    }
    case "when":
      return dated(field(value, "when"))?.words ?? textField(value, "when")
    case "actors":
      return listField(value, "actors").map(textOf).filter((s) => s !== "").join(", ")
    case "place":
      return [textField(value, "place"), textField(value, "site")].filter((s) => s !== "").join(", ")
    default:
      return ""
  }
}

const disputesOf = (event: unknown): ReadonlyArray<PageDispute> =>
  listField(event, "disputes").flatMap((d) => {
    const topic = oneLine(textField(d, "topic"))
    const claims = listField(d, "claims").map((c) => ({
      v: claimedValue(field(c, "value")),
      ...opt("by", textField(c, "claimant")),
      ...opt("on", madeOnWords(c)),
      src: sourceIds(c)
    }))
    return topic === "" || claims.length === 0 ? [] : [{ topic, claims }]
  })

const texts = (u: unknown, key: string): ReadonlyArray<string> =>
  listField(u, key).map((s) => oneLine(textOf(s))).filter((s) => s !== "")

/** One revision of an event as the page shows it, or undefined when its date cannot be read. */
const eventView = (event: unknown, who: ClaimPolicy.Attribution, actorName: (id: string) => string): PageEvent | undefined => {
  const when = textField(event, "when")
  const where = field(event, "where")
  const zone = textField(where, "timeZone")
  const span = spanOf(when, zone)
  const words_ = dated(when)?.words
  if (span === undefined || words_ === undefined) return undefined
  const q = When.qualifiers(when as When.When)
  const core = q.approximate ? spanOf(when.replace(/[~?%]/gu, ""), zone) : undefined
  const coreStart = core === undefined ? null : days(core.start.earliest, false)
  const coreEnd = core === undefined ? null : days(core.end.latest, true)
  return {
    title: oneLine(textField(event, "title")) || textField(event, "id"),
    kind: textField(event, "kind"),
    when,
    words: words_,
    place: textField(where, "place"),
    also: listField(where, "alsoAt").map(textOf).filter((s) => s !== ""),
    ...opt("site", oneLine(textField(where, "site"))),
    ...opt("summary", wellFormed(textField(event, "summary"))),
    ...opt("note", wellFormed(textField(event, "note"))),
    tags: texts(event, "tags"),
    demands: texts(event, "demands"),
    who: listField(event, "participants").flatMap((p) => {
      const actor = textField(p, "actor")
      return actor === "" ? [] : [[actor, words(textField(p, "role"))] as const]
    }),
    counts: countsOf(event, who, actorName),
    disputes: disputesOf(event),
    cites: citationsOf(event),
    b: [days(span.start.earliest, false), days(span.start.latest, true), days(span.end.earliest, false), days(span.end.latest, true)],
    ...(coreStart === null || coreEnd === null ? {} : { core: [coreStart, coreEnd] as const }),
    unc: q.uncertain,
    approx: q.approximate
  }
}

const linkView = (link: unknown): PageLink | undefined => {
  const rel = textField(link, "relation")
  const from = textField(link, "from")
  const to = textField(link, "to")
  if (rel === "" || from === "" || to === "") return undefined
  const inferred = field(link, "inferredBy")
  const score = field(inferred, "score")
  return {
    rel,
    from,
    to,
    ...opt("why", wellFormed(textField(link, "rationale"))),
    ...(inferred === undefined
      ? {}
      : { inf: { rule: oneLine(textField(inferred, "rule")), score: typeof score === "number" && Number.isFinite(score) ? score : 0, reason: wellFormed(textField(inferred, "reason")) } }),
    cites: citationsOf(link)
  }
}

interface Step {
  readonly recordedAt: number
  readonly revision: number
  readonly author: string
  readonly reason: string
  readonly record: unknown
}

/** Entries in journal order, read defensively: what is not an entry is left out. */
const stepsOf = (entries: Iterable<unknown>): Map<string, { readonly type: string; readonly id: string; readonly steps: Array<Step> }> => {
  const streams = new Map<string, { readonly type: string; readonly id: string; readonly steps: Array<Step> }>()
  const list: Array<unknown> = []
  try {
    for (const entry of entries) list.push(entry)
  } catch {
    // An iterable that throws part way gives what it gave until then.
  }
  const positioned = list
    .map((entry, i) => ({ entry, i, position: field(entry, "position") }))
    .sort((a, b) => (typeof a.position === "number" && typeof b.position === "number" ? a.position - b.position : 0) || a.i - b.i)
  for (const { entry } of positioned) {
    const stream = field(entry, "stream")
    const type = textField(stream, "type")
    const id = textField(stream, "id")
    const body = field(entry, "body")
    const tag = field(body, "_tag")
    const recordedAt = field(entry, "recordedAt")
    if (type === "" || id === "" || (tag !== "revision" && tag !== "retraction") || typeof recordedAt !== "number" || !Number.isFinite(recordedAt)) continue
    const key = `${type}/${id}`
    const known = streams.get(key) ?? { type, id, steps: [] }
    streams.set(key, known)
    const revision = field(entry, "revision")
    known.steps.push({
      recordedAt,
      revision: typeof revision === "number" ? revision : known.steps.length + 1,
      author: oneLine(textField(entry, "author")),
      reason: wellFormed(textField(entry, "reason") || textField(body, "reason")),
      record: tag === "revision" ? field(body, "record") : undefined
    })
  }
  return streams
}

/** The page's data from journal entries (record times known) and the settings read from the options. */
export const pageData = (entries: Iterable<unknown>, settings: PageSettings): PageData => {
  const streams = stepsOf(entries)
  if (!settings.history) {
    // What is current only: a retracted record (withdrawn, perhaps for a reason that matters) and
    // the earlier wording of a corrected one stay out of a page that is published.
    for (const [key, stream] of streams) {
      const last = stream.steps[stream.steps.length - 1]
      if (last === undefined || last.record === undefined) streams.delete(key)
      else stream.steps.splice(0, stream.steps.length - 1)
    }
  }
  const times = [...new Set([...streams.values()].flatMap((s) => s.steps.map((step) => step.recordedAt)))].sort((a, b) => a - b)
  const timeIndex = new Map(times.map((t, i) => [t, i]))
  const latest = (type: string) =>
    [...streams.values()].filter((s) => s.type === type).flatMap((s) => {
      const last = [...s.steps].reverse().find((step) => typeof step.record === "object" && step.record !== null)
      return last === undefined ? [] : [[s.id, last.record] as const]
    })
  const places: { [id: string]: PageData["places"][string] } = {}
  for (const [id, p] of latest("place")) places[id] = { n: oneLine(textField(p, "name")) || id, ...opt("w", textField(p, "within")), k: textField(p, "kind") }
  const actors: { [id: string]: PageData["actors"][string] } = {}
  const actorRecords: Array<unknown> = []
  for (const [id, a] of latest("actor")) {
    actors[id] = { n: oneLine(textField(a, "name")) || id, k: textField(a, "kind") }
    actorRecords.push(a)
  }
  const sources: { [id: string]: PageData["sources"][string] } = {}
  const sourceRecords: Array<unknown> = []
  for (const [id, s] of latest("source")) {
    const url = textField(s, "url")
    sources[id] = {
      o: oneLine(textField(s, "outlet")) || id,
      ...opt("t", oneLine(textField(s, "title"))),
      ...opt("u", isHttp(url) ? url : ""),
      k: textField(s, "kind"),
      ...opt("p", dated(field(s, "published"))?.words ?? ""),
      ...opt("a", oneLine(textField(s, "author")))
    }
    sourceRecords.push(s)
  }
  const who = ClaimPolicy.attribution({ actors: actorRecords as never, sources: sourceRecords as never })
  const versions = <A>(type: string, view: (record: unknown) => A | undefined) =>
    [...streams.values()].filter((s) => s.type === type).flatMap((s) => {
      const v = s.steps.map((step): Version<A> => {
        const x = step.record === undefined ? undefined : view(step.record)
        return {
          t: timeIndex.get(step.recordedAt)!,
          r: step.revision,
          ...opt("a", step.author),
          ...opt("why", step.reason),
          ...(x === undefined ? {} : { x })
        }
      })
      return [{ id: s.id, v }]
    })
  const asOf = settings.asOf === undefined ? times.length - 1 : Math.max(0, times.findLastIndex((t) => t <= settings.asOf!))
  return {
    title: settings.title,
    description: settings.description,
    groupBy: settings.groupBy,
    policy: settings.policy,
    asOf: Math.max(0, asOf),
    history: settings.history,
    times: settings.timesKnown ? times : null,
    places,
    actors,
    sources,
    events: versions("event", (r) => eventView(r, who, (id) => (Object.hasOwn(actors, id) ? actors[id]!.n : id))),
    links: versions("link", linkView)
  }
}
