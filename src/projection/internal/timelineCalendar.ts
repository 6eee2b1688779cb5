/**
 * Calendar groups and gaps of the timeline. Both read the local calendar through `When.bounds`
 * alone: a unit (a year, month or day in a zone) is the key `2011`, `2011-12` or `2011-12-16`
 * and the UTC instants `When.bounds(key, zone)` gives it — the very window a query for that key
 * reads — and an event is certainly in a unit by the rule windows use (`certaintyIn`). So a group,
 * a gap and a query for the same unit always agree.
 *
 * @internal
 */
import { Result } from "effect"
import type { Gap, Group, GroupBy, GroupOptions } from "../Calendar.js"
import type { Certainty, Item, Query, QueryError, Timeline } from "../Timeline.js"
import { TimelineQueryError } from "../Projection.js"
import * as Count from "../../model/Count.js"
import type { AnyEvent } from "../../model/Event.js"
import * as When from "../../model/When.js"
import { localDay } from "../../model/Anniversary.js"
import { firstNotBefore } from "./order.js"
import { actorsOf, isObject, kindOf, placesOf, shown } from "./readable.js"
import * as Index from "./timelineIndex.js"
import { compareItems } from "./timelineItem.js"
import { answersOf, checkZone, matcher, queryProblem, windowOf } from "./timelineQuery.js"
import { certaintyIn, itemById, sameAsClasses, stateOf } from "./timelineState.js"

/** A calendar granularity. */
type Granularity = "year" | "month" | "day"

const GRANULARITIES: ReadonlySet<unknown> = new Set(["year", "month", "day"])

/** One calendar unit: its key and its UTC instants (inclusive), as `When.bounds(key, zone)` gives them. */
interface Unit {
  readonly key: string
  readonly earliest: number
  readonly latest: number
}

const DAY = 86_400_000

/** The most calendar units one call looks at. */
const MAX_UNITS = 200_000

const pad = (n: number, width: number): string => String(n).padStart(width, "0")

const dayKey = (dayNumber: number): string | undefined => {
  const c = localDay(dayNumber)
  return !(c.year >= 0 && c.year <= 9999) ? undefined : `${pad(c.year, 4)}-${pad(c.month, 2)}-${pad(c.day, 2)}`
}

const dayNumberOf = (key: string): number => {
  const t = new Date(0).setUTCFullYear(Number(key.slice(0, 4)), Number(key.slice(5, 7)) - 1, Number(key.slice(8, 10)))
  return Math.round(t / DAY)
}

const NO_SPAN: When.Bounds = { earliest: 0, latest: 0 }

/**
 * A key's bounds in a checked zone. Keys are valid EDTF by construction (four-digit years, real
 * months and days), so `When.bounds` answers; were it ever to fail, the unit would count as one
 * the zone skipped.
 */
const boundsOf = (key: string, zone: string): When.Bounds => Result.getOrElse(When.bounds(key as When.When, zone), () => NO_SPAN)

/** A unit the zone skipped whole (Samoa's 30 December 2011): `When.bounds` leaves it no span. */
const skipped = (b: When.Bounds): boolean => b.latest <= b.earliest

/** The local day (key) that holds instant `t` in `zone`, or undefined outside the years 0000–9999. */
const dayKeyAt = (t: number, zone: string): string | undefined => {
  const utcDay = Math.floor(t / DAY)
  // A zone is never more than a day and a half off UTC, so the local day is within two of the UTC day.
  for (const delta of [0, -1, 1, -2, 2]) {
    const key = dayKey(utcDay + delta)
    if (key === undefined) continue
    const b = boundsOf(key, zone)
    if (!skipped(b) && b.earliest <= t && t <= b.latest) return key
  }
  return undefined
}

const unitKey = (day: string, by: Granularity): string => (by === "year" ? day.slice(0, 4) : by === "month" ? day.slice(0, 7) : day)

const nextKey = (key: string, by: Granularity): string => {
  const y = Number(key.slice(0, 4))
  if (by === "year") return pad(y + 1, 4)
  if (by === "month") {
    const m = Number(key.slice(5, 7))
    return m === 12 ? `${pad(y + 1, 4)}-01` : `${pad(y, 4)}-${pad(m + 1, 2)}`
  }
  return dayKey(dayNumberOf(key) + 1)!
}

const unitCount = (first: string, last: string, by: Granularity): number => {
  const years = Number(last.slice(0, 4)) - Number(first.slice(0, 4))
  if (by === "year") return years + 1
  if (by === "month") return years * 12 + Number(last.slice(5, 7)) - Number(first.slice(5, 7)) + 1
  return dayNumberOf(last) - dayNumberOf(first) + 1
}

/** The first unit whose last instant is at or after `t`. */
const firstUnitEndingAfter = (units: ReadonlyArray<Unit>, t: number): number => firstNotBefore(units.length, (i) => units[i]!.latest < t)

const yearNear = (t: number): string => (Number.isFinite(t) ? String(localDay(Math.floor(t / DAY)).year) : String(t))

/**
 * The units from the one holding `from` to the one holding `to`, in order, each with its bounds;
 * units the zone skipped whole are left out. Fails outside the years 0000–9999 and beyond
 * {@link MAX_UNITS} units.
 */
const unitsBetween = (from: number, to: number, by: Granularity, zone: string): Result.Result<ReadonlyArray<Unit>, QueryError> => {
  const firstDay = dayKeyAt(from, zone)
  const lastDay = dayKeyAt(to, zone)
  if (firstDay === undefined || lastDay === undefined) {
    const years = [yearNear(from), yearNear(to)]
    const inRange = years.every((y) => Number(y) >= 0 && Number(y) <= 9999)
    return Result.fail(new TimelineQueryError({
      field: "window",
      reason: `is ${years.join("/")}: ` + (inRange
        ? `no local day of ${zone} holds the instant ${firstDay === undefined ? from : to}`
        : "calendar groups and gaps cover the years 0000 to 9999 only; narrow the window with from and to")
    }))
  }
  const first = unitKey(firstDay, by)
  const last = unitKey(lastDay, by)
  if (unitCount(first, last, by) > MAX_UNITS) {
    return Result.fail(new TimelineQueryError({ field: "window", reason: `is ${first}/${last}: more than ${MAX_UNITS} ${by}s to look at; narrow the window` }))
  }
  const units: Array<Unit> = []
  for (let key = first; ; key = nextKey(key, by)) {
    const b = boundsOf(key, zone)
    if (!skipped(b)) units.push({ key, earliest: b.earliest, latest: b.latest })
    if (key === last) break
  }
  return Result.succeed(units)
}

/**
 * The instants a calendar walk covers: the window's sides where finite, else the first and last
 * finite instants of the items. Undefined when there is nothing to walk.
 */
const rangeOf = (window: { readonly from: number; readonly to: number }, items: Iterable<Item>): { from: number; to: number } | undefined => {
  let low = Infinity
  let high = -Infinity
  const see = (t: number) => {
    if (t < low && t !== -Infinity) low = t
    if (t > high && t !== Infinity) high = t
  }
  if (!Number.isFinite(window.from) || !Number.isFinite(window.to)) {
    for (const item of items) {
      see(item.earliest)
      see(item.startLatest)
      see(item.endEarliest)
      see(item.latest)
    }
  }
  const from = Number.isFinite(window.from) ? window.from : low
  const to = Number.isFinite(window.to) ? window.to : high
  return from <= to ? { from, to } : undefined
}

// ---------------------------------------------------------------------------
// grouping
// ---------------------------------------------------------------------------

const GROUP_BY: ReadonlySet<unknown> = new Set(["year", "month", "day", "place", "kind", "actor"])

/** The zone an event's date is written in, when it names one. */
const eventZone = (event: AnyEvent): string | undefined => {
  const where: unknown = (event as { readonly where?: unknown }).where
  const zone = isObject(where) ? where["timeZone"] : undefined
  return typeof zone === "string" ? zone : undefined
}

const optionsProblem = (o: unknown): TimelineQueryError | undefined => {
  if (o === undefined) return undefined
  if (!isObject(o)) return new TimelineQueryError({ field: "options", reason: `is ${shown(o)}, not an object of options` })
  if (o["timeZone"] !== undefined && typeof o["timeZone"] !== "string") return new TimelineQueryError({ field: "timeZone", reason: `is ${shown(o["timeZone"])}: expected a string` })
  if (o["measure"] !== undefined && typeof o["measure"] !== "function") return new TimelineQueryError({ field: "measure", reason: `is ${shown(o["measure"])}: expected a function` })
  for (const flag of ["eventTimeZone", "once"]) {
    if (o[flag] !== undefined && typeof o[flag] !== "boolean") return new TimelineQueryError({ field: flag, reason: `is ${shown(o[flag])}: expected true or false` })
  }
  return undefined
}

/** `Calendar.group`, data-first. */
export const groupOf = (timeline: Timeline, by: GroupBy, q: Query = {}, options: GroupOptions = {}): Result.Result<ReadonlyArray<Group>, QueryError> => {
  if (!GROUP_BY.has(by)) return Result.fail(new TimelineQueryError({ field: "by", reason: `is ${shown(by)}: expected year, month, day, place, kind or actor` }))
  const bad = optionsProblem(options)
  if (bad !== undefined) return Result.fail(bad)
  const o = options ?? {}
  const state = stateOf(timeline)
  return Result.flatMap(answersOf(state, q), ({ answers, window }) => {
    const classes = sameAsClasses(state)
    const representative = (item: Item): Item => {
      const rep = classes.get(item.id)
      return rep === undefined || rep === item.id ? item : itemById(state, rep)!
    }
    const buckets = new Map<string, Bucket>()
    const bucketOf = (key: string): Bucket => {
      let b = buckets.get(key)
      if (b === undefined) buckets.set(key, (b = new Bucket(classes.size > 0 || o.eventTimeZone === true)))
      return b
    }
    if (by === "kind" || by === "place" || by === "actor") {
      for (const { certainty, item } of answers) {
        const event = item.event
        const keys = by === "kind" ? [kindOf(event)] : by === "place" ? placesOf(event) : actorsOf(event)
        for (const key of new Set(keys)) if (key !== undefined) bucketOf(key).add(representative(item), certainty)
      }
    } else {
      const zone = o.timeZone ?? q?.timeZone ?? "UTC"
      const wrongZone = checkZone(zone)
      if (wrongZone !== undefined) return Result.fail(wrongZone)
      // Each event's calendar: the option's zone, or with `eventTimeZone` the zone its date is
      // written in (`where.timeZone`). Events are walked zone by zone, each over its own units.
      const byZone = new Map<string, Array<(typeof answers)[number]>>()
      for (const answer of answers) {
        const own = o.eventTimeZone === true ? eventZone(answer.item.event) : undefined
        const z = own !== undefined && checkZone(own) === undefined ? own : zone
        const list = byZone.get(z)
        if (list === undefined) byZone.set(z, [answer])
        else list.push(answer)
      }
      for (const [z, inZone] of byZone) {
        const range = rangeOf(window, inZone.map((a) => a.item))
        if (range === undefined) continue
        const found = unitsBetween(range.from, range.to, by, z)
        if (Result.isFailure(found)) return Result.fail(found.failure)
        const units = found.success
        // Units are in order and do not overlap: each answer visits the units it meets, found by
        // binary search; answers come in timeline order, so each group fills in that order.
        for (const { certainty, item } of inZone) {
          const rep = representative(item)
          const first = firstUnitEndingAfter(units, item.earliest)
          for (let u = first; u < units.length && units[u]!.earliest <= item.latest; u++) {
            const unit = units[u]!
            const sure = certainty === "certain" ? certaintyIn(item, unit.earliest, unit.latest) : "possible"
            const bucket = bucketOf(unit.key)
            bucket.add(rep, sure)
            if (o.once === true) {
              if (item.latest > unit.latest) bucket.continues(rep)
              break
            }
          }
        }
      }
    }
    const out: Array<Group> = []
    for (const key of [...buckets.keys()].sort()) {
      const bucket = buckets.get(key)!
      const { certain, possible } = bucket.members()
      const events = possible.length === 0 ? Count.exactUnsafe(certain.length) : Count.betweenUnsafe(certain.length, certain.length + possible.length)
      const group: Group = o.measure === undefined ? { key, certain, possible, events } : { key, certain, possible, events, total: totalOf(o.measure, certain, possible) }
      out.push(o.once === true ? { ...group, continuing: bucket.continuing([...certain, ...possible]) } : group)
    }
    return Result.succeed(out)
  })
}

/**
 * The members of one group as they are found: each same-as class once, by its representative, as
 * surely as its surest report, put back in timeline order at the end. Without classes (and with
 * one zone for every event), members arrive in timeline order and go straight into their list.
 */
class Bucket {
  private readonly running = new Set<string>()
  private readonly certain: Array<AnyEvent> = []
  private readonly possible: Array<AnyEvent> = []
  private readonly classes: Map<string, { readonly item: Item; certainty: Certainty }> | undefined
  constructor(withClasses: boolean) {
    this.classes = withClasses ? new Map() : undefined
  }
  add(item: Item, certainty: Certainty): void {
    if (this.classes === undefined) {
      ;(certainty === "certain" ? this.certain : this.possible).push(item.event)
      return
    }
    const known = this.classes.get(item.id)
    if (known === undefined) this.classes.set(item.id, { item, certainty })
    else if (certainty === "certain") known.certainty = "certain"
  }
  /** Marks a member whose dates run on past this unit. */
  continues(item: Item): void {
    this.running.add(item.id)
  }
  /** The members, in the order given, that run on past this unit. */
  continuing(members: ReadonlyArray<AnyEvent>): ReadonlyArray<AnyEvent> {
    return members.filter((e) => this.running.has(e.id))
  }
  members(): { readonly certain: Array<AnyEvent>; readonly possible: Array<AnyEvent> } {
    if (this.classes === undefined) return { certain: this.certain, possible: this.possible }
    // A representative may sort before the report that brought its class in.
    const all = [...this.classes.values()].sort((a, b) => compareItems(a.item, b.item))
    return {
      certain: all.filter((m) => m.certainty === "certain").map((m) => m.item.event),
      possible: all.filter((m) => m.certainty === "possible").map((m) => m.item.event)
    }
  }
}

const totalOf = (measure: (event: AnyEvent) => Count.Count | undefined, certain: ReadonlyArray<AnyEvent>, possible: ReadonlyArray<AnyEvent>): Count.Count => {
  const parts: Array<Count.Count> = []
  // A measure's answer that is not a Count (a JavaScript measure can return anything) counts as none.
  for (const e of certain) {
    const c = measure(e)
    if (Count.isCount(c)) parts.push(c)
  }
  for (const e of possible) {
    const c = measure(e)
    if (Count.isCount(c)) parts.push(Count.envelope([Count.exactUnsafe(0), c]))
  }
  return Count.sum(parts)
}

// ---------------------------------------------------------------------------
// gaps
// ---------------------------------------------------------------------------

/** `Calendar.gaps`, data-first. */
export const gapsOf = (timeline: Timeline, granularity: "year" | "month" | "day", q: Query = {}): Result.Result<ReadonlyArray<Gap>, QueryError> => {
  if (!GRANULARITIES.has(granularity)) return Result.fail(new TimelineQueryError({ field: "granularity", reason: `is ${shown(granularity)}: expected year, month or day` }))
  const problem = queryProblem(q)
  if (problem !== undefined) return Result.fail(problem)
  const state = stateOf(timeline)
  return Result.flatMap(windowOf(q), (w) => {
    const { from: _from, to: _to, mode: _mode, ...filters } = q ?? {}
    const keep = matcher(state, filters)
    const range = rangeOf(w, Number.isFinite(w.from) && Number.isFinite(w.to) ? [] : Index.toArray(state.index).filter((i) => keep(i.event)))
    if (range === undefined) return Result.succeed([])
    return Result.map(unitsBetween(range.from, range.to, granularity, q?.timeZone ?? "UTC"), (units) => {
      const out: Array<Gap> = []
      let current: { from: string; to: string; start: number; end: number; certainty: Certainty } | undefined
      for (const unit of units) {
        let possible = false
        let certain = false
        for (const item of Index.overlapping(state.index, unit.earliest, unit.latest)) {
          if (!keep(item.event)) continue
          possible = true
          if (certaintyIn(item, unit.earliest, unit.latest) === "certain") {
            certain = true
            break
          }
        }
        const empty: Certainty | undefined = certain ? undefined : possible ? "possible" : "certain"
        if (empty === undefined || current?.certainty !== empty) {
          if (current !== undefined) out.push(current)
          current = empty === undefined ? undefined : { from: unit.key, to: unit.key, start: unit.earliest, end: unit.latest, certainty: empty }
        } else {
          current = { ...current, to: unit.key, end: unit.latest }
        }
      }
      if (current !== undefined) out.push(current)
      return out
    })
  })
}
