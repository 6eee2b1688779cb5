/**
 * The built-in inference rules. Each indexes the events once and looks at a bounded neighbourhood
 * of each event: a time window in a place bucket, a day of the year in a place bucket, the latest
 * earlier events of an actor.
 */
import type { AnyEvent } from "../../model/Event.js"
import type { ActorId } from "../../model/Id.js"
import { parse } from "../../model/When.js"
import * as Anniversary from "../../model/Anniversary.js"
import type { Candidate, Context, Rule } from "../Inference.js"
import { isReadableContext, placesOf } from "./inferenceContext.js"
import { spanOf } from "./linkRules.js"
import { firstNotBefore } from "./order.js"

const DAY = 86_400_000
const YEAR = 365 * DAY
/** How loosely a start may be known for the time-window rules: a day, widened by `~`, is 3 days. */
const MAX_FUZZ = 3 * DAY

interface Anchor {
  readonly event: AnyEvent
  readonly earliest: number
  readonly latest: number
}

const kindWord = (e: AnyEvent): string => e.kind.replaceAll("-", " ")

const startOf = (e: AnyEvent) => spanOf(e).start

// The instants a response is measured from: the start of the answered event, and its end when
// that is known and differs. Loosely known ones (a month, a year) are left out.
const anchorsOf = (e: AnyEvent): Array<Anchor> => {
  const s = spanOf(e)
  const out: Array<Anchor> = []
  if (s.start.latest - s.start.earliest <= MAX_FUZZ) out.push({ event: e, earliest: s.start.earliest, latest: s.start.latest })
  if (
    Number.isFinite(s.end.latest) && s.end.latest - s.end.earliest <= MAX_FUZZ &&
    (s.end.earliest !== s.start.earliest || s.end.latest !== s.start.latest)
  ) out.push({ event: e, earliest: s.end.earliest, latest: s.end.latest })
  return out
}

const push = <K, V>(map: Map<K, Array<V>>, key: K, value: V): void => {
  const list = map.get(key)
  if (list === undefined) map.set(key, [value])
  else list.push(value)
}

/** First index whose `earliest` is at least `t` (anchors sorted by `earliest`). */
const lowerBound = (xs: ReadonlyArray<{ readonly earliest: number }>, t: number): number => firstNotBefore(xs.length, (i) => xs[i]!.earliest < t)

/** A rule that reads only contexts it can read, and proposes nothing for anything else. */
const guarded = (rule: Rule): Rule => ({ ...rule, propose: (context) => (isReadableContext(context) ? rule.propose(context) : []) })

const byEarliest = (a: Anchor, b: Anchor) => a.earliest - b.earliest || (a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0)

/**
 * A rule "a responder at the same place within `days` days after an answered event": answered
 * events are indexed by each of their places (exact) and each place containing those (around), with
 * anchors sorted by time; each responder looks up its own places in both.
 */
const responseRule = (spec: {
  readonly name: string
  readonly description: string
  readonly responders: (e: AnyEvent) => boolean
  readonly answered: (e: AnyEvent) => boolean
  readonly days: number
  readonly score: (days: number) => number
}): Rule => ({
  name: spec.name,
  description: spec.description,
  relation: "responds-to",
  propose: ({ events, hierarchy }: Context): Iterable<Candidate> => {
    const exact = new Map<string, Array<Anchor>>()
    const under = new Map<string, Array<Anchor>>()
    for (const e of events) {
      if (!spec.answered(e)) continue
      const anchors = anchorsOf(e)
      if (anchors.length === 0) continue
      const keys = placesOf(e)
      const containers = new Set(keys.flatMap((p) => hierarchy.around(p)))
      for (const p of keys) containers.delete(p)
      for (const a of anchors) {
        for (const p of keys) push(exact, p, a)
        for (const p of containers) push(under, p, a)
      }
    }
    for (const list of exact.values()) list.sort(byEarliest)
    for (const list of under.values()) list.sort(byEarliest)
    const window = spec.days * DAY
    const best = new Map<string, Candidate>()
    for (const x of events) {
      if (!spec.responders(x)) continue
      const s = startOf(x)
      if (s.latest - s.earliest > MAX_FUZZ) continue
      const own = placesOf(x)
      // Exact: answered events at one of x's places. Contained: answered events at places inside
      // x's places, or at places that contain x's places.
      const lookups: Array<readonly [ReadonlyArray<Anchor> | undefined, boolean]> = own.map((p) => [exact.get(p), true] as const)
      for (const p of own) lookups.push([under.get(p), false])
      for (const c of new Set(own.flatMap((p) => hierarchy.around(p)))) if (!own.includes(c)) lookups.push([exact.get(c), false])
      for (const [list, same] of lookups) {
        if (list === undefined) continue
        for (let i = lowerBound(list, s.earliest - window - MAX_FUZZ); i < list.length && list[i]!.earliest <= s.latest; i++) {
          const a = list[i]!
          if (a.event.id === x.id || s.earliest > a.latest + window) continue
          const days = Math.max(0, Math.ceil((s.earliest - a.latest) / DAY))
          const score = spec.score(days) - (same ? 0 : 0.1)
          const key = `${x.id}\n${a.event.id}`
          const known = best.get(key)
          if (known !== undefined && known.score >= score) continue
          const when = days === 0 ? "on the day of" : `${days} day${days === 1 ? "" : "s"} after`
          const reason = `${kindWord(x)} at ${hierarchy.placeName(x.where.place)} ${when} the ${kindWord(a.event)} at ${hierarchy.placeName(a.event.where.place)}`
          best.set(key, { from: x, to: a.event, score, reason })
        }
      }
    }
    return best.values()
  }
})

const protests = new Set(["rally", "strike", "hunger-strike"])
const force = new Set(["detention", "dispersal"])

export const forceAfterProtestRule: Rule = guarded(responseRule({
  name: "force-after-protest",
  description: "A detention or dispersal at the same place within two days after a rally, strike or hunger strike responds to it.",
  responders: (e) => force.has(e.kind),
  answered: (e) => protests.has(e.kind),
  days: 2,
  score: (days) => 0.8 - 0.1 * days
}))

export const statementRule: Rule = guarded(responseRule({
  name: "statement-after-event",
  description: "An official statement about the same place within three days after an event responds to it.",
  responders: (e) => e.kind === "official-statement",
  answered: (e) => e.kind !== "official-statement",
  days: 3,
  score: (days) => 0.7 - 0.1 * days
}))

/** The month and day an event begins on, as written in its local calendar, or undefined when not known to the day. */
const monthDayOf = (e: AnyEvent): string | undefined => {
  const p = parse(e.when)
  if (p._tag === "Failure") return undefined
  const first = p.success._tag === "Interval" ? p.success.start : p.success
  if (first._tag !== "Date" && first._tag !== "DateTime") return undefined
  if (first.month === undefined || first.day === undefined) return undefined
  return `${first.month}-${first.day}`
}

/** How many earlier events of one place and day one event is compared with (the earliest ones). */
const ANNIVERSARY_CANDIDATES = 2

export const anniversaryRule: Rule = guarded({
  name: "anniversary",
  description: "An event at the same place on the anniversary of an earlier event commemorates it.",
  relation: "commemorates",
  propose: ({ events, hierarchy }: Context): Iterable<Candidate> => {
    // Events come in timeline order, so each bucket lists its events earliest first.
    const buckets = new Map<string, Array<AnyEvent>>()
    const keys = new Map<AnyEvent, Array<string>>()
    for (const e of events) {
      const md = monthDayOf(e)
      if (md === undefined) continue
      const own = placesOf(e).map((p) => `${p}\n${md}`)
      keys.set(e, own)
      for (const k of own) push(buckets, k, e)
    }
    const out = new Map<string, Candidate>()
    for (const [later, own] of keys) {
      for (const k of own) {
        let taken = 0
        for (const earlier of buckets.get(k)!) {
          if (earlier === later || taken >= ANNIVERSARY_CANDIDATES) break
          const verdict = Anniversary.isAnniversary(earlier, later)
          if (verdict === "no") continue
          taken++
          const years = Anniversary.yearsBetween(earlier, later) ?? 0
          const key = `${later.id}\n${earlier.id}`
          if (out.has(key)) continue
          out.set(key, {
            from: later,
            to: earlier,
            score: verdict === "certain" ? 0.6 : 0.4,
            reason: `${kindWord(later)} at ${hierarchy.placeName(later.where.place)} on the ${ordinal(years)} anniversary of the ${kindWord(earlier)} at ${
              hierarchy.placeName(earlier.where.place)
            } (${earlier.when})`
          })
        }
      }
    }
    return out.values()
  }
})

const ordinal = (n: number): string => {
  const tens = n % 100
  const suffix = tens >= 11 && tens <= 13 ? "th" : n % 10 === 1 ? "st" : n % 10 === 2 ? "nd" : n % 10 === 3 ? "rd" : "th"
  return `${n}${suffix}`
}

/** How many earlier events of one actor an event is compared with (the latest ones a year or more before). */
const ECHO_CANDIDATES = 2
/** How far back through an actor's events the search for those goes. */
const ECHO_SCAN = 16

export const echoRule: Rule = guarded({
  name: "shared-actors",
  description: "An event naming an actor of an event at least a year before it echoes that event.",
  relation: "echoes",
  propose: ({ events, hierarchy }: Context): Iterable<Candidate> => {
    const actorsOf = new Map<AnyEvent, ReadonlySet<ActorId>>()
    const byActor = new Map<ActorId, Array<{ readonly event: AnyEvent; readonly earliest: number; readonly endLatest: number }>>()
    for (const e of events) {
      const ids = new Set((e.participants ?? []).map((p) => p.actor))
      if (ids.size === 0) continue
      actorsOf.set(e, ids)
      const s = spanOf(e)
      for (const a of ids) push(byActor, a, { event: e, earliest: s.start.earliest, endLatest: s.end.latest })
    }
    for (const list of byActor.values()) list.sort((a, b) => a.earliest - b.earliest)
    const out: Array<Candidate> = []
    for (const [later, ids] of actorsOf) {
      const start = startOf(later).earliest
      const found = new Set<AnyEvent>()
      for (const actor of ids) {
        const list = byActor.get(actor)!
        let taken = 0
        for (let i = lowerBound(list, start - YEAR + 1) - 1, scanned = 0; i >= 0 && taken < ECHO_CANDIDATES && scanned < ECHO_SCAN; i--, scanned++) {
          const earlier = list[i]!
          if (earlier.endLatest + YEAR > start) continue
          taken++
          found.add(earlier.event)
        }
      }
      for (const earlier of found) {
        const theirs = actorsOf.get(earlier)!
        const shared = [...ids].filter((a) => theirs.has(a)).sort()
        const jaccard = shared.length / (ids.size + theirs.size - shared.length)
        const years = Math.floor((start - startOf(earlier).earliest) / (365.25 * DAY))
        out.push({
          from: later,
          to: earlier,
          score: 0.3 + 0.5 * jaccard,
          reason: `${kindWord(later)} at ${hierarchy.placeName(later.where.place)} (${later.when}) names ${
            shared.map(hierarchy.actorName).join(", ")
          }, as did the ${kindWord(earlier)} at ${hierarchy.placeName(earlier.where.place)} (${earlier.when}) ${years} year${years === 1 ? "" : "s"} before`
        })
      }
    }
    return out
  }
})
