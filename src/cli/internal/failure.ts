/**
 * How the command line fails: a `CliFailure` carries the one or two plain lines a person reads on
 * stderr (what went wrong, then what to do) and the exit code (1 for invalid data or a refused
 * operation, 2 for a usage error). `explain` turns the library's typed errors into such lines, so
 * that no error reaches the terminal as a stack trace unless `--verbose` asks for it.
 */
import { Data } from "effect"

/** A failure to report on stderr, with its exit code. */
export class CliFailure extends Data.TaggedError("CliFailure")<{
  readonly lines: ReadonlyArray<string>
  readonly exitCode: 1 | 2
  readonly cause?: unknown
}> {
  override get message(): string {
    return this.lines.join("\n")
  }
}

/** A usage error (exit 2): the command was not asked in a way it can run. */
export const usage = (message: string, hint?: string): CliFailure =>
  new CliFailure({ lines: hint === undefined ? [message] : [message, hint], exitCode: 2 })

/** Invalid data or a refused operation (exit 1). */
export const refused = (message: string, hint?: string, cause?: unknown): CliFailure =>
  new CliFailure({ lines: hint === undefined ? [message] : [message, hint], exitCode: 1, cause })

const tagOf = (error: unknown): string | undefined =>
  typeof error === "object" && error !== null && typeof (error as { _tag?: unknown })._tag === "string"
    ? (error as { _tag: string })._tag
    : undefined

const messageOf = (error: unknown): string => {
  const m = typeof error === "object" && error !== null ? (error as { message?: unknown }).message : undefined
  return typeof m === "string" && m !== "" ? m : String(error)
}

// What to do next, by the library's error tags.
const hints: Record<string, string> = {
  RecordDecodeError: "Fix the record (`protest-chronicle validate <file>` lists every problem) and run the command again.",
  MissingReferenceError: "Add the records it names first (`protest-chronicle add`), then run the command again.",
  ImpossibleLinkError: "Check the link's direction and dates (`protest-chronicle links paths` shows what is recorded).",
  LinkCycleError: "Check the link's direction and dates (`protest-chronicle links paths` shows what is recorded).",
  LinkEndpointError: "Check the link's direction and dates (`protest-chronicle links paths` shows what is recorded).",
  NoRecordError: "`protest-chronicle history <id>` shows what the journal holds for it.",
  ConflictError: "Someone else wrote to it meanwhile: run the command again.",
  InvalidCommitError: "Nothing was written.",
  JournalLockedError: "Another process holds the journal: wait for it, or use --postgres for many writers.",
  JournalCorruptionError: "Nothing was changed; restore the file from a backup or open it with the library's repair option.",
  JournalStoreError: "Check --journal / --postgres and that the store is reachable.",
  MigrationError: "The journal was written by another release of protest-chronicle.",
  AcledImportError: "Nothing was written; fix the rows, or pass --skip-invalid to import the valid ones.",
  PloverImportError: "Nothing was written; fix the lines, or pass --skip-invalid to import the valid ones.",
  WhenError: "Dates are EDTF values: 2011, 2011-12, 2011-12-16, 2011-12~.",
  TimeZoneError: "Time zones are IANA names such as Asia/Aqtau or UTC.",
  TimelineQueryError: "Check --from, --to and the filters."
}

/** The first line of a message, at most `max` characters. */
export const firstLine = (text: string, max = 300): string => {
  const line = text.split("\n", 1)[0]!.trim()
  return line.length > max ? `${line.slice(0, max - 1)}…` : line
}

/**
 * Plain lines for any failure: a `CliFailure` as it is; a library error as its message's first
 * line and a hint by its tag; anything else (a defect) as its message.
 */
export const explain = (error: unknown): CliFailure => {
  if (error instanceof CliFailure) return error
  const tag = tagOf(error)
  const message = firstLine(messageOf(error))
  if (tag === "PlatformError" || tag === "SystemError" || tag === "BadArgument") {
    return new CliFailure({ lines: [message], exitCode: 1, cause: error })
  }
  if (tag === "ConflictError") {
    const c = error as { readonly stream: { readonly type: string; readonly id: string }; readonly expected: unknown; readonly actual: unknown }
    if (c.expected === "none" && c.actual !== "none") {
      return new CliFailure({
        lines: [`${c.stream.type} ${c.stream.id} is in the journal already (revision ${String(c.actual)})`, "To change it, use `protest-chronicle correct <file> --reason <why>`."],
        exitCode: 1,
        cause: error
      })
    }
  }
  // A file that was never a journal is a wrong path, not a damaged journal.
  const hint = tag === "JournalCorruptionError" && message.includes("not a journal header")
    ? "Check --journal: it names a file that is not a protest-chronicle journal."
    : tag === undefined ? undefined : hints[tag]
  return new CliFailure({ lines: hint === undefined ? [message] : [message, hint], exitCode: 1, cause: error })
}
