/**
 * The calendar of a timeline: its events grouped by year, month or day (or by place, kind or
 * actor), and its gaps — the runs of years, months or days in which no event falls.
 *
 * Both read the local calendar through `When.bounds` alone: a unit (a year, month or day in a
 * zone) is the key `2011`, `2011-12` or `2011-12-16` and the UTC instants `When.bounds(key, zone)`
 * gives it — the very window `Timeline.query` reads for that key — and an event is certainly in a
 * unit by the rule every timeline answer uses (every reading of its date shares an instant with
 * it). So a group, a gap and a query for the same unit always agree.
 *
 * Bad input: nothing here throws. A query part or option of the wrong kind, a walk outside the
 * years 0000–9999 or over more than 200,000 units fail with a `TimelineQueryError`; an invalid
 * EDTF value or zone with a `WhenError` or `TimeZoneError`.
 *
 * @example
 * ```ts
 * import { pipe } from "effect"
 * import { Chronicle, Projection } from "protest-chronicle"
 * import { zhanaozen } from "protest-chronicle/datasets"
 *
 * const chronicle = await Chronicle.open() // in memory
 * for (const record of zhanaozen.all) await chronicle.record(record)
 * const { Calendar, Timeline } = Projection
 *
 * const timeline = await chronicle.project(Timeline.projection)
 * Calendar.group(timeline, "year", {}, { timeZone: "Asia/Aqtau" }) // each year: certain and possible events
 * pipe(timeline, Calendar.gaps("month", { from: "2012", to: "2021" })) // months with no event
 * await chronicle.close()
 * ```
 *
 * @since 0.1.0
 *
 * @module
 */
import { Function, type Result } from "effect"
import type * as Count from "../model/Count.js"
import type { AnyEvent } from "../model/Event.js"
import { dataFirst, notText } from "./internal/opaque.js"
import { gapsOf, groupOf } from "./internal/timelineCalendar.js"
import type { Certainty, Query, QueryError, Timeline } from "./Timeline.js"

/**
 * What to group by: calendar `year`, `month` or `day` (in `timeZone`, default UTC), or `place`,
 * `kind` or `actor` (a participant).
 *
 * @category models
 * @since 0.1.0
 */
export type GroupBy = "year" | "month" | "day" | "place" | "kind" | "actor"

/**
 * One group: its key (`2011`, `2011-12`, `2011-12-16`, a place id, a kind, an actor id), the
 * events certainly in it and those possibly in it (by the rule of certainty every timeline answer
 * uses: see `Timeline`), how many events that makes as a count (`between certain and certain +
 * possible`), and, when a measure is given, the sum of the measured counts as bounds: certain
 * members add their whole count, possible members add from 0 up to theirs.
 *
 * @category models
 * @since 0.1.0
 */
export interface Group {
  readonly key: string
  readonly certain: ReadonlyArray<AnyEvent>
  readonly possible: ReadonlyArray<AnyEvent>
  readonly events: Count.Count
  readonly total?: Count.Count
  /**
   * With the `once` option only: the members whose dates run on past this unit (an open-ended
   * event such as `2023-04-04/..`, or one that ends in a later unit), in member order.
   */
  readonly continuing?: ReadonlyArray<AnyEvent>
}

/**
 * Options of {@link group}: the zone of calendar keys, and an optional measure — the count of an
 * event to sum per group (for instance its `killed` claims summarised by a policy).
 *
 * @category models
 * @since 0.1.0
 */
export interface GroupOptions {
  readonly timeZone?: string
  /** The count of an event to sum per group (absent: the groups carry no `total`). */
  readonly measure?: (event: AnyEvent) => Count.Count | undefined
  /**
   * Read each event's calendar units in the zone its date is written in (`where.timeZone`), so
   * that an event dated in Almaty time on 1 January 2022 is in 2022 even when `timeZone` is one
   * where that instant still falls in 2021. Events without a zone use `timeZone`. Keys are then
   * local to each event; a unit's instants differ from zone to zone.
   */
  readonly eventTimeZone?: boolean
  /**
   * Put each event in one group only: the first unit it may fall in (the one it starts in, when
   * its start is certain), and list it in that group's `continuing` when its dates run on past
   * that unit. Groups then partition the events: their members add up to the events grouped.
   */
  readonly once?: boolean
}

/**
 * Groups the timeline's events (optionally only those answering a query). Reports joined by
 * same-as links count once, by their representative, as surely as their surest report.
 *
 * Calendar groups are the local years, months or days of `timeZone` (the option, else the query's
 * zone, else UTC), each read as `When.bounds` reads its key — the window `query` would read for
 * it. An event is in every unit it may share an instant with, certainly when every reading of its
 * date does (so `2010/2012` is certainly in 2011, and an event with an open or unknown end is
 * certainly in each unit from its certain part on); with the query's certainty, it is certain only
 * when both are. Units run over the query's window, or where it is unbounded, to the first and
 * last finite instants of the answering events; a unit the zone skipped whole (Samoa's 30
 * December 2011) is no group. Fails, like `gaps`, outside the years 0000–9999 or beyond 200,000
 * units. Place groups use `where.place` and `alsoAt`; actor groups the participants (an event can
 * be in several groups). Groups come sorted by key, members in timeline order.
 *
 * Two options change the calendar groups: `eventTimeZone` reads each event in its own place's
 * zone, and `once` puts each event in the one unit it starts in, marking in `continuing` those
 * that run on past it (an open-ended event is listed in the year it starts, as continuing, not
 * in every year after).
 *
 * @category combinators
 * @since 0.1.0
 */
export const group: {
  (by: GroupBy, query?: Query, options?: GroupOptions): (timeline: Timeline) => Result.Result<ReadonlyArray<Group>, QueryError>
  (timeline: Timeline, by: GroupBy, query?: Query, options?: GroupOptions): Result.Result<ReadonlyArray<Group>, QueryError>
} = Function.dual(dataFirst(notText, 3), groupOf)

/**
 * A period with no events: `certain` when no event can fall in it, `possible` when some events
 * may but none certainly does. `from` and `to` are the first and last calendar units (keys like
 * `2013-04`), `start` and `end` its instants (epoch ms, inclusive).
 *
 * @category models
 * @since 0.1.0
 */
export interface Gap {
  readonly from: string
  readonly to: string
  readonly start: number
  readonly end: number
  readonly certainty: Certainty
}

/**
 * The gaps of the timeline at a granularity (`year`, `month` or `day`, in `timeZone`, default
 * UTC), between `from` and `to` (EDTF values; by default the first and last finite instants of
 * the events), optionally counting only events answering a query's filters (its `mode` is not
 * used). Units are read as `group` reads them. A unit is certainly occupied when some event is
 * certainly in it (by the rule of `group` and `query`: every reading of its date has an instant
 * there), possibly occupied when some event may be; consecutive empty units of the same certainty
 * form one gap, and a unit the zone skipped whole neither breaks nor joins one. Fails with a typed
 * error for invalid input, for years outside 0000–9999, and for more than 200,000 units.
 *
 * @category combinators
 * @since 0.1.0
 */
export const gaps: {
  (granularity: "year" | "month" | "day", query?: Query): (timeline: Timeline) => Result.Result<ReadonlyArray<Gap>, QueryError>
  (timeline: Timeline, granularity: "year" | "month" | "day", query?: Query): Result.Result<ReadonlyArray<Gap>, QueryError>
} = Function.dual(dataFirst(notText, 2), gapsOf)
