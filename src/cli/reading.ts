/**
 * The read commands over the timeline: `timeline` (a window, filters, groups, a claim policy, and
 * the journal as of a record time) and `history` (every revision of a record with its author,
 * time and reason). Each prints aligned rows for a person, or JSON with `--json` / `--jsonl`.
 */
import { Effect, Option, Result } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import { Chronicle, ClaimPolicy, Journal, Projection } from "protest-chronicle"
import { CliFailure, explain, refused, usage } from "./internal/failure.js"
import { checkJsonFlags, jsonFlags, printJson, wantsJson } from "./internal/output.js"
import { eventJson, eventRows, heading, namesOf } from "./internal/render.js"
import { withChronicle } from "./internal/store.js"
import { table } from "./internal/table.js"
import { lineWidth, printLines, wrap } from "./internal/terminal.js"

const { Calendar, Timeline } = Projection

/** `--as-of <time>`: an ISO date or date-time; a date alone means the end of that day (UTC). */
export const asOfFlag = Flag.String("as-of").pipe(
  Flag.withMetavar("time"),
  Flag.withDescription("Read the journal as it was at this record time (2023-04-12, or 2023-04-12T10:00:00Z): what was known then"),
  Flag.optional
)

// A date, or a date and time (`T` or a space between them, as `history` prints it), with an
// optional zone; without one the time is UTC, as every record time the command line prints is.
const asOfPattern = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?)?$/i

/** The record time of an `--as-of` value in epoch ms, or undefined when it is not a real date or date-time. */
export const parseAsOf = (value: string): number | undefined => {
  const m = asOfPattern.exec(value.trim())
  if (m === null) return undefined
  const [year, month, day, hour = "23", minute = "59", second, fraction, zone] = m.slice(1)
  const timeGiven = m[4] !== undefined
  const ms = Date.UTC(Number(year), Number(month) - 1, Number(day))
  // Date.UTC rolls 2011-02-30 over into March: a date must come back as it was written.
  const date = new Date(ms)
  if (date.getUTCFullYear() !== Number(year) || date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) return undefined
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second ?? 0) > 59) return undefined
  // A date alone is the end of that day (UTC).
  const time = timeGiven
    ? Number(hour) * 3_600_000 + Number(minute) * 60_000 + Number(second ?? 0) * 1000 + Math.floor(Number(`0.${fraction ?? "0"}`) * 1000)
    : 86_400_000 - 1
  let offset = 0
  if (zone !== undefined && zone.toUpperCase() !== "Z") {
    const [h, mm] = zone.slice(1).split(":").map(Number) as [number, number]
    if (h > 23 || mm > 59) return undefined
    offset = (zone.startsWith("-") ? -1 : 1) * (h * 60 + mm) * 60_000
  }
  return ms + time - offset
}

/** The record time of `--as-of`, in epoch ms. */
export const asOfOf = (value: Option.Option<string>) =>
  Effect.gen(function*() {
    if (Option.isNone(value)) return undefined
    const ms = parseAsOf(value.value)
    if (ms === undefined) {
      return yield* usage(
        `--as-of: "${value.value}" is not a date or date-time`,
        "Write it as 2023-04-12 (the end of that day, UTC), 2023-04-12T10:00:00Z or 2023-04-12T13:00:00+03:00."
      )
    }
    return ms
  })

export const policyFlag = Flag.Literals("policy", ["all", "official", "lowest", "highest", "envelope"] as const).pipe(
  Flag.withDescription("How contested counts are summarised: all claims, official ones, the lowest, the highest, or their envelope"),
  Flag.withDefault("all" as const)
)

/** The filters of a timeline query, shared by `timeline` and `export`. */
export const queryFlags = {
  from: Flag.String("from").pipe(Flag.withMetavar("edtf"), Flag.withDescription("Start of the window (EDTF: 2011, 2011-12, 2011-12-16)"), Flag.optional),
  to: Flag.String("to").pipe(Flag.withMetavar("edtf"), Flag.withDescription("End of the window (EDTF)"), Flag.optional),
  zone: Flag.String("zone").pipe(Flag.withMetavar("iana"), Flag.withDescription("The time zone the window's dates are read in (default UTC)"), Flag.optional),
  within: Flag.Boolean("within").pipe(Flag.withDescription("Only events entirely inside the window (default: any that overlap it)"), Flag.withDefault(false)),
  kind: Flag.String("kind").pipe(Flag.withDescription("Only events of this kind (repeat, or separate with commas)"), Flag.atLeast(0)),
  place: Flag.String("place").pipe(Flag.withDescription("Only events at this place or within it (a place id)"), Flag.optional),
  actor: Flag.String("actor").pipe(Flag.withDescription("Only events with this actor (or one within it) taking part"), Flag.optional),
  tag: Flag.String("tag").pipe(Flag.withDescription("Only events with this tag (repeat for any of several)"), Flag.atLeast(0)),
  text: Flag.String("text").pipe(Flag.withDescription("Only events whose title, summary or notes contain this text"), Flag.optional),
  asOf: asOfFlag
}

type QueryOptions = {
  readonly from: Option.Option<string>
  readonly to: Option.Option<string>
  readonly zone: Option.Option<string>
  readonly within: boolean
  readonly kind: ReadonlyArray<string>
  readonly place: Option.Option<string>
  readonly actor: Option.Option<string>
  readonly tag: ReadonlyArray<string>
  readonly text: Option.Option<string>
}

const some = <K extends string>(key: K, value: Option.Option<string>) => (Option.isSome(value) ? { [key]: value.value } as { [P in K]: string } : {})

/** The library's query for the flags. */
export const queryOf = (o: QueryOptions): Projection.Timeline.Query => {
  const kinds = o.kind.flatMap((k) => k.split(",")).map((k) => k.trim()).filter((k) => k !== "")
  return {
    ...some("from", o.from),
    ...some("to", o.to),
    ...some("timeZone", o.zone),
    ...some("place", o.place),
    ...some("actor", o.actor),
    ...some("text", o.text),
    ...(o.within ? { mode: "within" as const } : {}),
    ...(kinds.length === 0 ? {} : { kind: kinds }),
    ...(o.tag.length === 0 ? {} : { tag: o.tag })
  }
}

/** The timeline of the journal, now or as of a record time. */
export const timelineOf = (asOf: number | undefined) =>
  Effect.flatMap(Effect.service(Chronicle.Chronicle), (c) => c.project(Projection.Timeline.projection, asOf === undefined ? {} : { asOf }))

/** A query's answer, with its typed failure as plain lines. */
export const answer = <A, E>(result: Result.Result<A, E>) =>
  Result.isSuccess(result) ? Effect.succeed(result.success) : Effect.fail(new CliFailure({ ...explain(result.failure), exitCode: 2 }))

const timeline = Command.make(
  "timeline",
  {
    ...queryFlags,
    group: Flag.Literals("group", ["year", "month", "day", "place", "kind", "actor"] as const).pipe(Flag.withDescription("Group the events by year, month, day, place, kind or actor"), Flag.optional),
    policy: policyFlag,
    ...jsonFlags
  },
  (o) =>
    Effect.andThen(checkJsonFlags(o), withChronicle("read", () =>
      Effect.gen(function*() {
        const asOf = yield* asOfOf(o.asOf)
        const tl = yield* timelineOf(asOf)
        const query = queryOf(o)
        const attribution = Timeline.attribution(tl)
        const names = namesOf(tl)
        const policy = o.policy as ClaimPolicy.ClaimPolicy
        if (Option.isSome(o.group)) {
          const groups = yield* answer(Calendar.group(tl, o.group.value, query, Option.isSome(o.zone) ? { timeZone: o.zone.value } : {}))
          if (wantsJson(o)) {
            const rows = groups.map((g) => ({ key: g.key, certain: g.certain.map((e) => e.id), possible: g.possible.map((e) => e.id), events: g.events }))
            return yield* printJson(o, { groupBy: o.group.value, groups: rows }, rows)
          }
          const lines: Array<string> = []
          for (const g of groups) {
            if (g.certain.length === 0 && g.possible.length === 0) continue
            const possible = g.possible.length === 0 ? "" : `, and ${g.possible.length} that may fall in it`
            lines.push("", heading(`${g.key}: ${g.certain.length} ${g.certain.length === 1 ? "event" : "events"}${possible}`))
            lines.push(...eventRows([...g.certain.map((event) => ({ event, certain: true })), ...g.possible.map((event) => ({ event, certain: false }))], { policy, attribution, names, header: false }))
          }
          if (lines.length === 0) lines.push("no events match")
          else lines.push("", ...wrap("(? in the first column: the event may fall in the group, its dates reach beyond it; ~ approximate, % both)", lineWidth()))
          return yield* printLines(lines)
        }
        const hits = yield* answer(Timeline.query(tl, query))
        if (wantsJson(o)) return yield* printJson(o, { events: hits.map(eventJson), count: hits.length }, hits.map(eventJson))
        if (hits.length === 0) return yield* printLines(["no events match"])
        yield* printLines([
          ...eventRows(hits.map((h) => ({ event: h.event, certain: h.certainty === "certain" })), { policy, attribution, names }),
          "",
          ...wrap(`${hits.length.toLocaleString("en")} ${hits.length === 1 ? "event" : "events"}${asOf === undefined ? "" : `, as known at ${new Date(asOf).toISOString()}`} (first column: ? possibly in the window, or an uncertain date; ~ approximate; % both)`, lineWidth())
        ])
      })))
).pipe(
  Command.withDescription("The events of a window, filtered and grouped, with contested counts summarised"),
  Command.withExamples([
    { command: "protest-chronicle timeline --from 2011-12 --to 2011-12 --zone Asia/Aqtau", description: "What happened in December 2011" },
    { command: "protest-chronicle timeline --group year --kind strike,rally --policy official", description: "Strikes and rallies by year, official figures" },
    { command: "protest-chronicle timeline --as-of 2012-01-01 --json", description: "The timeline as known on 1 January 2012, as JSON" }
  ])
)

const history = Command.make(
  "history",
  {
    id: Argument.String("id").pipe(Argument.withDescription("The record's id")),
    type: Flag.Literals("type", Journal.StreamType.literals).pipe(Flag.withDescription("The record's type (default event)"), Flag.withDefault("event" as const)),
    ...jsonFlags
  },
  (o) =>
    Effect.andThen(checkJsonFlags(o), withChronicle("read", () =>
      Effect.gen(function*() {
        const journal = yield* Journal.Journal
        const entries = yield* journal.readStream({ type: o.type, id: o.id } as Journal.StreamRef)
        if (entries.length === 0) {
          return yield* refused(`no ${o.type} "${o.id}" in the journal`, "`protest-chronicle timeline --text <words>` finds events by their title; give --type for other records.")
        }
        const rows = entries.map((e, i) => {
          const before = i === 0 ? undefined : entries[i - 1]!.body
          const record = e.body._tag === "revision" ? (e.body.record as unknown as Record<string, unknown>) : undefined
          const previous = before?._tag === "revision" ? (before.record as unknown as Record<string, unknown>) : undefined
          const changed = record === undefined || previous === undefined
            ? []
            : [...new Set([...Object.keys(record), ...Object.keys(previous)])].filter((k) => JSON.stringify(record[k]) !== JSON.stringify(previous[k]))
          return {
            revision: e.revision,
            position: e.position,
            recordedAt: new Date(e.recordedAt).toISOString(),
            author: e.author ?? null,
            change: e.body._tag === "retraction" ? "retracted" : i === 0 ? "recorded" : "corrected",
            reason: e.reason ?? null,
            changed,
            ...(record === undefined ? {} : { record })
          }
        })
        if (wantsJson(o)) return yield* printJson(o, { stream: { type: o.type, id: o.id }, revisions: rows }, rows)
        const title = rows.at(-1)?.record?.["title"] ?? rows.findLast((r) => r.record !== undefined)?.record?.["title"]
        yield* printLines([
          ...wrap(`${o.type} ${o.id}${typeof title === "string" ? `: ${title}` : ""}`, lineWidth()),
          ...table(
            [{ header: "rev", align: "right" }, { header: "recorded at (UTC)", max: 24 }, { header: "author", max: 20 }, { header: "change", max: 9 }, { header: "reason and fields changed", flex: true, wrap: true }],
            rows.map((r) => [String(r.revision), r.recordedAt.replace("T", " ").replace(/\.\d+Z$/, ""), r.author ?? "", r.change, [r.reason, r.changed.length > 0 ? `[${r.changed.join(", ")}]` : ""].filter((x) => x !== null && x !== "").join(" ")]),
            lineWidth()
          )
        ])
      })))
).pipe(
  Command.withDescription("Every revision of a record: when it was recorded, by whom, why, and which fields changed"),
    Command.withShortDescription("Every revision of a record: when, by whom, why, what changed"),
  Command.withExamples([
    { command: "protest-chronicle history zhanaozen-2011-12-16-shooting", description: "The revisions of an event" },
    { command: "protest-chronicle history src-rferl-2011-12-17-state-of-emergency --type source --json", description: "A source's revisions, as JSON" }
  ])
)

/** The commands of this module. */
export const readCommands = [timeline, history] as const
