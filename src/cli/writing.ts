/**
 * The commands that change the journal one record at a time — `init`, `add`, `correct`,
 * `retract`, `link` — through the chronicle, so that its checks apply (references, links possible
 * in time, an acyclic graph, a reason for every change) and its refusals are printed plainly.
 */
import { Effect, Option, Result } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import { Chronicle, Journal, Link, Record } from "protest-chronicle"
import { type CliFailure, explain, refused, usage } from "./internal/failure.js"
import { decodeIssues } from "./internal/formats.js"
import { readText } from "./internal/input.js"
import { describeWhere, exists, where, withChronicle } from "./internal/store.js"
import { hanging, lineWidth, printLines, stderr, visible } from "./internal/terminal.js"

const authorFlag = Flag.String("author").pipe(Flag.withDescription("Who writes (recorded with each entry)"), Flag.optional)
const reasonFlag = Flag.String("reason").pipe(Flag.withDescription("Why (required: the journal keeps it with the change)"))
const recordFile = Argument.String("file").pipe(Argument.withDescription("A JSON record, or JSON Lines of records; - or nothing for standard input"), Argument.withDefault("-"))
const typeFlag = Flag.Literals("type", Journal.StreamType.literals).pipe(Flag.withDescription("The record's type (default event)"), Flag.withDefault("event" as const))

const authorOf = (author: Option.Option<string>) => (Option.isSome(author) ? { author: author.value } : {})

/** A value read from the input, and where it was: its line in JSON Lines, its place in an array. */
interface Given {
  readonly value: unknown
  readonly at: string | undefined
}

/** The records in text: one JSON value (a record, or an array of records) or JSON Lines. */
const parseRecords = (text: string) =>
  Effect.gen(function*() {
    const trimmed = text.trim()
    if (trimmed === "") return yield* usage("no record given", "Give a file holding a JSON record, or pipe one to standard input.")
    try {
      const value: unknown = JSON.parse(trimmed)
      if (!Array.isArray(value)) return [{ value, at: undefined }] as Array<Given>
      if (value.length === 0) return yield* usage("no record given: the input is an empty array", "Give a JSON record, an array of records, or JSON Lines.")
      return value.map((v, i): Given => ({ value: v, at: value.length === 1 ? undefined : `record ${i + 1}` }))
    } catch {
      // Not one JSON value: read it as JSON Lines.
    }
    const values: Array<Given> = []
    const lines = text.split("\n")
    for (let i = 0; i < lines.length; i++) {
      if (lines[i]!.trim() === "") continue
      try {
        values.push({ value: JSON.parse(lines[i]!), at: `line ${i + 1}` })
      } catch (error) {
        return yield* refused(`line ${i + 1}: (record): not JSON: ${(error as Error).message}`, "Give one JSON record, an array of records, or JSON Lines; nothing was written.")
      }
    }
    return values.length === 1 ? [{ value: values[0]!.value, at: undefined }] : values
  })

const written = (entry: Journal.Entry): string =>
  `${entry.body._tag === "retraction" ? "retracted" : entry.revision === 1 ? "recorded" : "corrected"} ${entry.stream.type} ${entry.stream.id} (revision ${entry.revision}, position ${entry.position})`

const issueLines = (error: Record.RecordDecodeError, at: string | undefined): Array<string> =>
  decodeIssues(error).issues.map((i) => {
    const where = i.line !== undefined ? `line ${i.line}` : at
    return `${where === undefined ? "" : `${where}: `}${i.path === "" ? "(record)" : i.path}: ${i.message}`
  })

// A RecordDecodeError is printed one line per issue; other refusals by the error handler.
const plainDecode = <A, E, R>(effect: Effect.Effect<A, E, R>, at?: string) =>
  Effect.catchTag(effect as Effect.Effect<A, E | { readonly _tag: "RecordDecodeError" }, R>, "RecordDecodeError", (error) =>
    Effect.fail(refused(issueLines(error as never, at).slice(0, 20).join("\n"), "Nothing was written for this record; fix it and run the command again.", error)))

const MAX_SHOWN = 20

/**
 * Reads the records of a file (or stdin) and checks every one before the journal is opened, so
 * that input with a bad record writes nothing (and creates no journal); then writes each with
 * `write` in order, printing what each became as it is written. A refusal by the chronicle (a
 * reference not recorded yet, a record that exists) stops at that record, and says which records
 * before it were written.
 */
const eachRecord = <E, R, R2>(
  file: Parameters<typeof readText>[0],
  write: (value: unknown) => Effect.Effect<Journal.Entry, E, R>,
  withJournal: (work: Effect.Effect<void, E | CliFailure, R>) => Effect.Effect<void, unknown, R2>
) =>
  Effect.gen(function*() {
    const values = yield* parseRecords(yield* readText(file))
    const issues: Array<string> = []
    let bad = 0
    for (const { at, value } of values) {
      const decoded = Record.decode(value)
      if (Result.isFailure(decoded)) {
        bad++
        issues.push(...issueLines(decoded.failure, at))
      }
    }
    if (bad > 0) {
      const shown = issues.slice(0, MAX_SHOWN)
      if (issues.length > shown.length) shown.push(`… and ${issues.length - shown.length} more`)
      if (values.length === 1) return yield* refused(shown.join("\n"), "Nothing was written for this record; fix it and run the command again.")
      yield* stderr(shown.map(visible).join("\n") + "\n")
      return yield* refused(`${bad} invalid ${bad === 1 ? "record" : "records"} of ${values.length}; nothing was written`, "Fix them and run the command again.")
    }
    return yield* withJournal(Effect.gen(function*() {
      for (let i = 0; i < values.length; i++) {
        const { at, value } = values[i]!
        const entry = yield* Effect.catch(plainDecode(write(value), at), (error) => {
          if (i === 0 || at === undefined) return Effect.fail(error)
          const failure = explain(error)
          return Effect.fail(refused(
            `${at}: ${failure.lines[0]}`,
            `The ${i === 1 ? "record" : `${i} records`} before it ${i === 1 ? "was" : "were"} written (listed above); nothing from ${at} on was written.`,
            error
          ))
        })
        yield* printLines([written(entry)])
      }
    }))
  })

const init = Command.make("init", {}, () =>
  Effect.gen(function*() {
    const w = yield* where
    const fresh = !exists(w)
    yield* withChronicle("write", () =>
      Effect.gen(function*() {
        const head = yield* (yield* Journal.Journal).head
        yield* printLines(hanging(
          fresh
            ? `created an empty journal at ${describeWhere(w)}`
            : head === 0
            ? `${describeWhere(w)} is an empty journal, ready for writes`
            : `${describeWhere(w)} is a journal already (${head.toLocaleString("en")} entries); nothing changed`,
          lineWidth()
        ))
      }))
  })).pipe(
    Command.withDescription("Create a journal (a write creates one too; init makes it up front and checks it opens)"),
    Command.withShortDescription("Create a journal up front (any write creates one too)"),
    Command.withExamples([
      { command: "protest-chronicle init", description: "Create ./chronicle.jsonl" },
      { command: "protest-chronicle init --postgres postgres://localhost/chronicle", description: "Create the tables of a PostgreSQL journal" }
    ])
  )

const add = Command.make("add", { file: recordFile, author: authorFlag, reason: Flag.String("reason").pipe(Flag.withDescription("Why it is recorded (optional)"), Flag.optional) }, (o) =>
  eachRecord(
    o.file,
    (value) => Effect.flatMap(Chronicle.Chronicle, (chronicle) => chronicle.record(value, { ...authorOf(o.author), ...(Option.isSome(o.reason) ? { reason: o.reason.value } : {}) })),
    (work) => withChronicle("write", () => work)
  )).pipe(
    Command.withDescription("Record new records (events, actors, places, sources, links) from a file or standard input, each checked first"),
    Command.withShortDescription("Record new records from a file or standard input"),
    Command.withExamples([
      { command: "protest-chronicle add strike.json --author editor", description: "Record the event in strike.json" },
      { command: "cat sources.jsonl | protest-chronicle add", description: "Record several records from standard input" }
    ])
  )

const correct = Command.make("correct", { file: recordFile, reason: reasonFlag, author: authorFlag }, (o) =>
  eachRecord(
    o.file,
    (value) => Effect.flatMap(Chronicle.Chronicle, (chronicle) => chronicle.correct(value, { ...authorOf(o.author), reason: o.reason })),
    (work) => withChronicle("write", () => work)
  )).pipe(
    Command.withDescription("Append a corrected revision of a record (the whole record, from a file or standard input), with a reason"),
    Command.withShortDescription("Correct a record, with a reason"),
    Command.withExamples([
      { command: "protest-chronicle correct strike.json --reason \"the strike began on 16 May, per the court ruling\"", description: "Correct an event" }
    ])
  )

const retract = Command.make("retract", { id: Argument.String("id").pipe(Argument.withDescription("The id of the record")), type: typeFlag, reason: reasonFlag, author: authorFlag }, (o) =>
  withChronicle("write", () =>
    Effect.gen(function*() {
      const chronicle = yield* Chronicle.Chronicle
      const entry = yield* chronicle.retract({ type: o.type, id: o.id } as Journal.StreamRef, { ...authorOf(o.author), reason: o.reason })
      yield* printLines([written(entry)])
    }))).pipe(
    Command.withDescription("Retract a record, with a reason (its history stays in the journal)"),
    Command.withExamples([
      { command: "protest-chronicle retract aktau-2011-12-18-rally --reason \"entered by mistake\"", description: "Retract an event" },
      { command: "protest-chronicle retract src-rferl-2023-zhanaozen-mothers-jobs --type source --reason \"withdrawn\"", description: "Retract a source" }
    ])
  )

const link = Command.make(
  "link",
  {
    from: Argument.String("from").pipe(Argument.withDescription("The earlier (antecedent) event's id")),
    relation: Argument.Literals("relation", Link.Relation.literals).pipe(Argument.withDescription("causes, responds-to, part-of, continues, commemorates, echoes, same-as or contradicts")),
    to: Argument.String("to").pipe(Argument.withDescription("The other event's id")),
    rationale: Flag.String("rationale").pipe(Flag.withDescription("Why the two are linked")),
    source: Flag.String("source").pipe(Flag.withDescription("A source id the link cites (repeat for several)"), Flag.atLeast(1)),
    quote: Flag.String("quote").pipe(Flag.withDescription("A short quote from the first source"), Flag.optional),
    id: Flag.String("id").pipe(Flag.withDescription("The link's id (default <from>--<relation>--<to>)"), Flag.optional),
    author: authorFlag
  },
  (o) =>
    withChronicle("write", () =>
      Effect.gen(function*() {
        const chronicle = yield* Chronicle.Chronicle
        const citations = o.source.map((source, i) => (i === 0 && Option.isSome(o.quote) ? { source, quote: o.quote.value } : { source }))
        const record = {
          type: "link",
          id: Option.getOrElse(o.id, () => `${o.from}--${o.relation}--${o.to}`),
          relation: o.relation,
          from: o.from,
          to: o.to,
          rationale: o.rationale,
          citations
        }
        const entry = yield* plainDecode(chronicle.link(record, authorOf(o.author)))
        yield* printLines([written(entry)])
      }))
).pipe(
  Command.withDescription("Record a link between two events, with a rationale and the sources that support it"),
  Command.withExamples([
    {
      command:
        "protest-chronicle link zhanaozen-2011-12-16-shooting causes zhanaozen-2011-12-17-state-of-emergency --rationale \"declared the next day\" --source src-rferl-2011-12-17-state-of-emergency",
      description: "Link the shooting to the state of emergency"
    }
  ])
)

/** The commands of this module. */
export const writeCommands = [init, add, correct, retract, link] as const
