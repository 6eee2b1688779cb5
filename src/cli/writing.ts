/**
 * The commands that change the journal one record at a time — `init`, `add`, `correct`,
 * `retract`, `link` — through the chronicle, so that its checks apply (references, links possible
 * in time, an acyclic graph, a reason for every change) and its refusals are printed plainly.
 */
import { Effect, Option } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import { Chronicle, Journal, Link } from "protest-chronicle"
import { refused, usage } from "./internal/failure.js"
import { decodeIssues, formatIssue } from "./internal/formats.js"
import { readText } from "./internal/input.js"
import { describeWhere, exists, where, withChronicle } from "./internal/store.js"
import { printLines } from "./internal/terminal.js"

const authorFlag = Flag.String("author").pipe(Flag.withDescription("Who writes (recorded with each entry)"), Flag.optional)
const reasonFlag = Flag.String("reason").pipe(Flag.withDescription("Why (required: the journal keeps it with the change)"))
const recordFile = Argument.String("file").pipe(Argument.withDescription("A JSON record, or JSON Lines of records; - or nothing for standard input"), Argument.withDefault("-"))
const typeFlag = Flag.Literals("type", Journal.StreamType.literals).pipe(Flag.withDescription("The record's type (default event)"), Flag.withDefault("event" as const))

const authorOf = (author: Option.Option<string>) => (Option.isSome(author) ? { author: author.value } : {})

/** The records in text: one JSON value (a record, or an array of records) or JSON Lines. */
const parseRecords = (text: string) =>
  Effect.gen(function*() {
    const trimmed = text.trim()
    if (trimmed === "") return yield* usage("no record given", "Give a file holding a JSON record, or pipe one to standard input.")
    try {
      const value: unknown = JSON.parse(trimmed)
      return Array.isArray(value) ? value : [value]
    } catch {
      // Not one JSON value: read it as JSON Lines.
    }
    const values: Array<unknown> = []
    const lines = text.split("\n")
    for (let i = 0; i < lines.length; i++) {
      if (lines[i]!.trim() === "") continue
      try {
        values.push(JSON.parse(lines[i]!))
      } catch (error) {
        return yield* refused(`line ${i + 1}: (record): not JSON: ${(error as Error).message}`, "Give one JSON record, an array of records, or JSON Lines.")
      }
    }
    return values
  })

const written = (entry: Journal.Entry): string =>
  `${entry.body._tag === "retraction" ? "retracted" : entry.revision === 1 ? "recorded" : "corrected"} ${entry.stream.type} ${entry.stream.id} (revision ${entry.revision}, position ${entry.position})`

// A RecordDecodeError is printed one line per issue; other refusals by the error handler.
const plainDecode = <A, E, R>(effect: Effect.Effect<A, E, R>, line?: number) =>
  Effect.catchTag(effect as Effect.Effect<A, E | { readonly _tag: "RecordDecodeError" }, R>, "RecordDecodeError", (error) => {
    const issues = decodeIssues(error as never).issues.map((i) => {
      const at = i.line ?? line
      return at === undefined ? `${i.path === "" ? "(record)" : i.path}: ${i.message}` : formatIssue({ ...i, line: at })
    })
    return Effect.fail(refused(issues.slice(0, 20).join("\n"), "Nothing was written for this record; fix it and run the command again.", error))
  })

// Reads the records of a file (or stdin), writes each with `write` in order, and prints what
// each became; a refusal stops at that record (numbered when the input holds several).
const eachRecord = <E, R>(file: Parameters<typeof readText>[0], write: (value: unknown) => Effect.Effect<Journal.Entry, E, R>) =>
  Effect.gen(function*() {
    const values = yield* parseRecords(yield* readText(file))
    const lines: Array<string> = []
    for (let i = 0; i < values.length; i++) lines.push(written(yield* plainDecode(write(values[i]), values.length > 1 ? i + 1 : undefined)))
    yield* printLines(lines)
  })

const init = Command.make("init", {}, () =>
  Effect.gen(function*() {
    const w = yield* where
    const fresh = !exists(w)
    yield* withChronicle("write", () =>
      Effect.gen(function*() {
        const head = yield* (yield* Journal.Journal).head
        yield* printLines([
          fresh
            ? `created an empty journal at ${describeWhere(w)}`
            : head === 0
            ? `${describeWhere(w)} is an empty journal, ready for writes`
            : `${describeWhere(w)} is a journal already (${head.toLocaleString("en")} entries); nothing changed`
        ])
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
  withChronicle("write", () =>
    Effect.gen(function*() {
      const chronicle = yield* Chronicle.Chronicle
      yield* eachRecord(o.file, (value) => chronicle.record(value, { ...authorOf(o.author), ...(Option.isSome(o.reason) ? { reason: o.reason.value } : {}) }))
    }))).pipe(
    Command.withDescription("Record new records (events, actors, places, sources, links) from a file or standard input, each checked first"),
    Command.withShortDescription("Record new records from a file or standard input"),
    Command.withExamples([
      { command: "protest-chronicle add strike.json --author editor", description: "Record the event in strike.json" },
      { command: "cat sources.jsonl | protest-chronicle add", description: "Record several records from standard input" }
    ])
  )

const correct = Command.make("correct", { file: recordFile, reason: reasonFlag, author: authorFlag }, (o) =>
  withChronicle("write", () =>
    Effect.gen(function*() {
      const chronicle = yield* Chronicle.Chronicle
      yield* eachRecord(o.file, (value) => chronicle.correct(value, { ...authorOf(o.author), reason: o.reason }))
    }))).pipe(
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
      { command: "protest-chronicle retract zhanaozen-2011-12-17-rumour --reason \"a duplicate of the 16 December report\"", description: "Retract an event" },
      { command: "protest-chronicle retract src-blog --type source --reason \"the page was a forgery\"", description: "Retract a source" }
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
      command: "protest-chronicle link zhanaozen-2011-12-16-shooting causes zhanaozen-2011-12-17-curfew --rationale \"declared the next day\" --source src-rferl",
      description: "Link the shooting to the curfew"
    }
  ])
)

/** The commands of this module. */
export const writeCommands = [init, add, correct, retract, link] as const
