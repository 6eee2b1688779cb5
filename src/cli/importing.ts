/**
 * `import` and `validate`: ACLED CSV, PLOVER JSON Lines and our own JSON Lines, streamed from a
 * file or standard input in chunks, so that memory is bounded by the batch size and not by the
 * file. `validate` writes nothing and lists every bad row as `line N: <path>: <message>`.
 * `import` checks a file first (nothing is written when a row is bad, unless --skip-invalid),
 * then commits the appends in batches; a commit that meets another writer's (several processes
 * importing into one PostgreSQL journal) is planned again against what that writer wrote.
 * Interrupting it (Ctrl-C) leaves the journal as it was after the last whole commit. A file
 * journal is opened keeping only its first entries in memory (`IMPORT_KEEP`), so that memory is
 * bounded by the batch and the journal's index, not by its entries.
 */
import { Effect, Fiber, Option, Result, Stream } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import { randomUUID } from "node:crypto"
import { Chronicle, Journal, type Record, TimeZone } from "protest-chronicle"
import { Existing } from "protest-chronicle/interchange"
import { CliFailure, explain, firstLine, refused, usage } from "./internal/failure.js"
import { type Batch, formatIssue, type ImportFormat, importFormats, type Issue, planFormat, reader, type Rejected } from "./internal/formats.js"
import { chunks, isStdin, sizeOf } from "./internal/input.js"
import { checkJsonFlags, jsonFlags, printJson } from "./internal/output.js"
import { progress } from "./internal/progress.js"
import { held, replan } from "./internal/replan.js"
import { describeWhere, withChronicle } from "./internal/store.js"
import { hanging, lineWidth, printLines, stderr, visible } from "./internal/terminal.js"

const fileArgument = Argument.String("file").pipe(
  Argument.withDescription("The file to read, or - for standard input"),
  Argument.withDefault("-")
)
const formatFlag = Flag.Literals("format", importFormats).pipe(
  Flag.withAlias("f"),
  Flag.withDescription("acled (an ACLED CSV export), plover (PLOVER JSON Lines) or jsonl (records of this library, one a line)")
)
const skipInvalidFlag = Flag.Boolean("skip-invalid").pipe(Flag.withDescription("Import the valid rows and list the others, instead of importing nothing"), Flag.withDefault(false))
const zoneFlag = Flag.String("zone").pipe(Flag.withMetavar("iana"), Flag.withDescription("The IANA time zone of the places (ACLED and PLOVER carry none; default UTC)"), Flag.optional)

const MAX_SHOWN = 20

/** `--zone`, checked before any row is read: a zone that does not exist is a usage error, not one per row. */
const zoneOf = (zone: Option.Option<string>) => {
  if (Option.isNone(zone)) return Effect.succeed(undefined)
  const checked = TimeZone.make(zone.value)
  return Result.isSuccess(checked)
    ? Effect.succeed(zone.value)
    : Effect.fail(usage(`--zone: ${firstLine(checked.failure.message)}`, "Time zones are IANA names such as Asia/Aqtau or UTC."))
}

const rejectedLines = (rejected: Rejected): Array<string> => {
  const lines = rejected.issues.slice(0, MAX_SHOWN).map(formatIssue)
  if (rejected.total > lines.length) lines.push(`… and ${rejected.total - lines.length} more`)
  return lines
}

/** Reads the whole input once through a reader without writing, failing with the issues. */
const check = (format: ImportFormat, file: string, zone: string | undefined) => {
  const r = reader(format, { skipInvalid: false, ...(zone === undefined ? {} : { timeZone: zone }) })
  return chunks(file).pipe(
    Stream.runFold(() => ({ rows: 0, failed: undefined as Rejected | undefined }), (state, chunk) => {
      if (state.failed !== undefined) return state
      const batch = r.push(chunk)
      return Result.isFailure(batch) ? { ...state, failed: batch.failure } : { ...state, rows: state.rows + batch.success.rows }
    }),
    Effect.map((state) => {
      if (state.failed !== undefined) return state
      const last = r.end()
      return Result.isFailure(last) ? { ...state, failed: last.failure } : { ...state, rows: state.rows + last.success.rows }
    })
  )
}

const validate = Command.make("validate", { file: fileArgument, format: formatFlag, zone: zoneFlag, ...jsonFlags }, (o) =>
  Effect.gen(function*() {
    yield* checkJsonFlags(o)
    const zone = yield* zoneOf(o.zone)
    const result = yield* check(o.format, o.file, zone)
    if (o.json || o.jsonl) {
      yield* printJson(o, { valid: result.failed === undefined, rows: result.rows, issues: result.failed?.issues ?? [], total: result.failed?.total ?? 0 })
    } else if (result.failed === undefined) yield* printLines([`${isStdin(o.file) ? "standard input" : o.file}: ${result.rows.toLocaleString("en")} valid ${o.format === "acled" ? "row" : "record"}${result.rows === 1 ? "" : "s"}`])
    else yield* printLines(rejectedLines(result.failed).flatMap((l) => hanging(l, lineWidth())))
    if (result.failed !== undefined) return yield* new CliFailure({ lines: [`${result.failed.total} invalid ${result.failed.total === 1 ? "record" : "records"}; nothing was written`], exitCode: 1 })
  })).pipe(
    Command.withDescription("Check a file without writing anything: exit 1 with one line per bad record, `line N: <path>: <message>`"),
    Command.withShortDescription("Check a file without writing: one line per bad record"),
    Command.withExamples([
      { command: "protest-chronicle validate 2011-kazakhstan.csv --format acled", description: "Check an ACLED export" },
      { command: "cat records.jsonl | protest-chronicle validate --format jsonl --json", description: "Check records from standard input, as JSON" }
    ])
  )

interface Totals {
  rows: number
  created: number
  corrected: number
  unchanged: number
  retracted: number
  commits: number
  entries: number
  skipped: Array<Issue>
  skippedTotal: number
}

/** Commits appends, planning them again when another writer got to some of their streams first. */
const commitWithRetry = (journal: Journal.JournalShape, appends: ReadonlyArray<Journal.Append>, key: string, author: string | undefined) =>
  Effect.gen(function*() {
    let pending = appends
    for (let attempt = 0; pending.length > 0; attempt++) {
      const result = yield* Effect.result(journal.commit({ idempotencyKey: `${key}:${attempt}`, appends: pending, ...(author === undefined ? {} : { author }) }))
      if (Result.isSuccess(result)) return result.success.entries.length
      if (result.failure._tag !== "ConflictError" || attempt >= 20) return yield* Effect.fail(result.failure)
      pending = yield* replan(journal, pending)
    }
    return 0
  })

const imports = Command.make(
  "import",
  {
    file: fileArgument,
    format: formatFlag,
    skipInvalid: skipInvalidFlag,
    zone: zoneFlag,
    batchSize: Flag.Int("batch-size").pipe(Flag.withDescription("Appends per commit (default 10000); memory is bounded by it"), Flag.withDefault(10_000)),
    author: Flag.String("author").pipe(Flag.withDescription("Who writes (recorded with each entry)"), Flag.optional),
    ...jsonFlags
  },
  (o) =>
    Effect.gen(function*() {
      yield* checkJsonFlags(o)
      if (o.batchSize < 1) return yield* usage(`--batch-size must be at least 1, got ${o.batchSize}`)
      const zone = yield* zoneOf(o.zone)
      const started = Date.now()
      const fixHint = o.skipInvalid ? "Fix them and run the import again." : "Fix them, or pass --skip-invalid to import the valid ones."
      // A file is read twice: first to check it, before the journal is opened (or created), so
      // that a bad row writes nothing.
      if (!o.skipInvalid && !isStdin(o.file)) {
        const checked = yield* check(o.format, o.file, zone)
        if (checked.failed !== undefined) {
          yield* stderr(rejectedLines(checked.failed).map(visible).join("\n") + "\n")
          return yield* refused(`${checked.failed.total} invalid ${checked.failed.total === 1 ? "record" : "records"}; nothing was written`, fixHint)
        }
      }
      return yield* withChronicle("import", (w) =>
      Effect.gen(function*() {
        const author = Option.getOrUndefined(o.author)
        const chronicle = yield* Chronicle.Chronicle
        const journal = yield* Journal.Journal
        // An import that adds to a journal plans each batch against what the journal holds of the
        // batch's streams (read then), so that a large journal is never read whole into memory.
        const planLater = (yield* journal.head) > 0
        const r = reader(o.format, { skipInvalid: o.skipInvalid, ...(zone === undefined ? {} : { timeZone: zone }) })
        const total = sizeOf(o.file)
        const bar = progress("importing", total)
        let bytes = 0
        const run = randomUUID()
        const t: Totals = { rows: 0, created: 0, corrected: 0, unchanged: 0, retracted: 0, commits: 0, entries: 0, skipped: [], skippedTotal: 0 }
        let pending: Array<Journal.Append> = []
        // One commit in flight while the next batch is read: the store works while the file is
        // parsed. Commits still land one after another, in the order of the file.
        let inFlight: Fiber.Fiber<void, unknown> | undefined
        let batches = 0
        const settle = Effect.suspend(() => {
          const fiber = inFlight
          inFlight = undefined
          return fiber === undefined ? Effect.void : Fiber.join(fiber)
        })
        const flush = Effect.gen(function*() {
          if (pending.length === 0) return
          const appends = pending
          pending = []
          yield* settle
          inFlight = yield* Effect.forkChild(Effect.map(commitWithRetry(journal, appends, `cli-import:${run}:${batches++}`, author), (n) => {
            t.commits++
            t.entries += n
          }))
        })
        // Our own records go through the chronicle, one by one, with its checks.
        // A record the chronicle refuses for what it says (a reference not recorded, a link
        // impossible in time): skipped and listed with --skip-invalid, as a bad line is.
        const invalidData = new Set(["MissingReferenceError", "ImpossibleLinkError", "LinkCycleError", "LinkEndpointError"])
        // A refusal names the record's line, and says what the import wrote before it.
        const refusedAt = (line: number | undefined) => (error: unknown) => {
          const failure = explain(error)
          if (o.skipInvalid && invalidData.has((error as { readonly _tag?: string })._tag ?? "")) {
            t.skippedTotal++
            if (t.skipped.length < 1000) t.skipped.push({ line, path: "", message: failure.lines[0]! })
            return Effect.succeed(false)
          }
          const written = t.created + t.corrected
          return Effect.fail(refused(
            `${line === undefined ? "" : `line ${line}: `}${failure.lines[0]}`,
            written === 0
              ? (failure.lines[1] ?? "Nothing was written.")
              : `The ${written.toLocaleString("en")} ${written === 1 ? "record" : "records"} before it ${written === 1 ? "was" : "were"} written; fix this one and import again (what was written stays as it is).`,
            error
          ))
        }
        const writeRecords = (records: ReadonlyArray<Record.Record>, lines: ReadonlyArray<number> | undefined) =>
          Effect.forEach(records, (record, i) =>
            Effect.gen(function*() {
              const found = planLater ? (yield* journal.readStream({ type: record.type, id: record.id } as Journal.StreamRef)).at(-1) : undefined
              const current = found?.body._tag === "revision" ? found.body.record : undefined
              if (current !== undefined && JSON.stringify(current) === JSON.stringify(record)) {
                t.unchanged++
                return
              }
              const options = author === undefined ? {} : { author }
              const wrote = yield* Effect.catch(
                Effect.as(found === undefined ? chronicle.record(record, options) : chronicle.correct(record, { ...options, reason: "imported from JSON Lines: changed" }), true),
                refusedAt(lines?.[i])
              )
              if (!wrote) return
              if (found === undefined) t.created++
              else t.corrected++
              t.commits++
              t.entries++
            }), { discard: true })
        // A batch read without `existing` (every record new), planned against the journal.
        const plannedAgainstJournal = (b: Batch) =>
          Effect.gen(function*() {
            if (!planLater || b.appends.length === 0) return b
            const records = b.appends.flatMap((a) => (a._tag === "revision" ? [a.record] : []))
            const lookup = yield* held(journal, records.map((record) => ({ type: record.type, id: record.id }) as Journal.StreamRef))
            const planned = Existing.plan(records, lookup, planFormat[o.format])
            // The lookup is a map's: it neither throws nor answers wrongly.
            if (Result.isFailure(planned)) return yield* Effect.die(planned.failure)
            const p = planned.success
            return { ...b, appends: p.appends, created: p.created, corrected: p.corrected, unchanged: p.unchanged, retracted: p.retracted.length }
          })
        const take = (batch: Result.Result<Batch, Rejected>) =>
          Effect.gen(function*() {
            if (Result.isFailure(batch)) {
              yield* settle
              bar.finish()
              yield* stderr(rejectedLines(batch.failure).map(visible).join("\n") + "\n")
              const written = t.commits === 0 ? "nothing was written" : `${t.commits} earlier ${t.commits === 1 ? "commit was" : "commits were"} kept`
              return yield* refused(`${batch.failure.total} invalid ${batch.failure.total === 1 ? "record" : "records"}; ${written}`, fixHint)
            }
            const b = yield* plannedAgainstJournal(batch.success)
            t.rows += b.rows
            t.created += b.created
            t.corrected += b.corrected
            t.unchanged += b.unchanged
            t.retracted += b.retracted
            t.skippedTotal += b.skipped.length
            for (const s of b.skipped) if (t.skipped.length < 1000) t.skipped.push(s)
            for (const a of b.appends) pending.push(a)
            if (pending.length >= o.batchSize) yield* flush
            if (b.records.length > 0) yield* writeRecords(b.records, b.lines)
            bar.update(bytes, t.rows)
          })
        yield* chunks(o.file, (n) => (bytes = n)).pipe(Stream.runForEach((chunk) => take(r.push(chunk))))
        yield* take(r.end())
        yield* flush
        yield* settle
        bar.finish()
        const seconds = (Date.now() - started) / 1000
        if (o.json || o.jsonl) {
          const { skipped, ...rest } = t
          return yield* printJson(o, { ...rest, skipped, journal: describeWhere(w), seconds })
        }
        const lines = [
          `imported ${isStdin(o.file) ? "standard input" : o.file} into ${describeWhere(w)}: ${t.rows.toLocaleString("en")} ${o.format === "acled" ? "row" : "record"}${t.rows === 1 ? "" : "s"} read`,
          `  written: ${t.created.toLocaleString("en")} new ${t.created === 1 ? "record" : "records"}, ${t.corrected.toLocaleString("en")} corrected; ${t.unchanged.toLocaleString("en")} unchanged` +
          (t.retracted > 0 ? `; ${t.retracted} left alone (retracted)` : ""),
          `  skipped: ${t.skippedTotal.toLocaleString("en")}${t.skippedTotal > 0 ? " (below)" : ""}`,
          `  ${t.entries.toLocaleString("en")} ${t.entries === 1 ? "entry" : "entries"} in ${t.commits} ${t.commits === 1 ? "commit" : "commits"}, ${seconds.toFixed(1)} s`
        ]
        // A long path runs on to a second line rather than past the width.
        yield* printLines([...hanging(lines[0]!, lineWidth()), ...lines.slice(1)])
        if (t.skipped.length > 0) {
          yield* printLines(rejectedLines({ issues: t.skipped, total: t.skippedTotal }).flatMap((l) => hanging(l, lineWidth(), 2)))
        }
      }))
    })
).pipe(
  Command.withDescription("Import a file (ACLED CSV, PLOVER JSON Lines, or records as JSON Lines) into the journal; a second import of the same file changes nothing, a newer export becomes corrections"),
    Command.withShortDescription("Import ACLED CSV, PLOVER JSON Lines or records as JSON Lines"),
  Command.withExamples([
    { command: "protest-chronicle import 2011-kazakhstan.csv --format acled", description: "Import an ACLED export into ./chronicle.jsonl" },
    { command: "protest-chronicle import events.jsonl --format plover --skip-invalid --zone Asia/Aqtau", description: "Import the valid PLOVER lines, listing the others" },
    { command: "zcat big.csv.gz | protest-chronicle import - --format acled --postgres postgres://localhost/chronicle", description: "Stream a large export into PostgreSQL" }
  ])
)

/** The commands of this module. */
export const importCommands = [imports, validate] as const
