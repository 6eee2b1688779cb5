/**
 * The import formats behind one shape: an incremental reader (`push` chunks, then `end`) that
 * gives the appends, counts and skipped rows of what it read, and the `line N: <path>: <message>`
 * lines of a rejected input. ACLED and PLOVER use the interchange entry's importers; JSON Lines of
 * our own records use `Record.decodeJsonl`, and are written through the chronicle (see import).
 * Every reader sees whole lines of checked UTF-8: a line that is not UTF-8 is named by its number
 * (and, with --skip-invalid, skipped in the line-based formats), wherever it falls in a chunk.
 */
import { Result } from "effect"
import { isUtf8 } from "node:buffer"
import { Journal, Record } from "protest-chronicle"
import { Acled, Plover } from "protest-chronicle/interchange"

/** The formats `import` and `validate` read. */
export const importFormats = ["acled", "plover", "jsonl"] as const
export type ImportFormat = typeof importFormats[number]

/** How correction reasons name each format (as its importer does). */
export const planFormat: { readonly [F in ImportFormat]: string } = { acled: "ACLED export", plover: "PLOVER file", jsonl: "JSON Lines" }

/** One rejected row or line, as printed: `line N: <path>: <message>`. */
export interface Issue {
  readonly line: number | undefined
  readonly path: string
  readonly message: string
}

/** Formats an issue as one line. */
export const formatIssue = (i: Issue): string =>
  `${i.line === undefined ? "file" : `line ${i.line}`}: ${i.path === "" ? "(record)" : i.path}: ${i.message}`

/** What one batch read gives. */
export interface Batch {
  readonly appends: ReadonlyArray<Journal.Append>
  readonly records: ReadonlyArray<Record.Record>
  /** The line of each of `records` (JSON Lines), to name the one the chronicle refuses. */
  readonly lines?: ReadonlyArray<number>
  readonly skipped: ReadonlyArray<Issue>
  readonly retracted: number
  readonly rows: number
  readonly created: number
  readonly corrected: number
  readonly unchanged: number
}

/** A reader that failed: every issue, and how many there were in all. */
export interface Rejected {
  readonly issues: ReadonlyArray<Issue>
  readonly total: number
}

/** An incremental reader of one format. */
export interface Reader {
  readonly push: (chunk: Uint8Array) => Result.Result<Batch, Rejected>
  readonly end: () => Result.Result<Batch, Rejected>
}

export interface ReaderOptions {
  readonly skipInvalid: boolean
  readonly existing?: Acled.ExistingOption
  readonly timeZone?: string
}

const acledIssue = (i: Acled.RowIssue): Issue => ({
  // The header is line 1, so row N is on line N + 1 unless a quoted cell spans lines.
  line: i.line ?? (i.row > 0 ? i.row + 1 : undefined),
  path: i.column ?? "",
  message: i.reason
})

const ploverIssue = (i: { readonly line: number; readonly field?: string; readonly reason: string }): Issue => ({
  line: i.line,
  path: i.field ?? "",
  message: i.reason
})

const pathOf = (path: ReadonlyArray<PropertyKey>): string =>
  path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join("")

/** The issues of a `RecordDecodeError`, with their lines. */
export const decodeIssues = (error: Record.RecordDecodeError): Rejected => ({
  issues: error.issues.map((i) => ({ line: i.line, path: pathOf(i.path), message: i.message })),
  total: error.total ?? error.issues.length
})

const fromInterchange = <R extends { readonly appends: ReadonlyArray<Journal.Append>; readonly retracted: ReadonlyArray<unknown>; readonly created: number; readonly corrected: number; readonly unchanged: number }, I>(
  result: Result.Result<R, { readonly issues: ReadonlyArray<I>; readonly total: number }>,
  rows: (r: R) => number,
  skipped: (r: R) => ReadonlyArray<I>,
  issue: (i: I) => Issue
): Result.Result<Batch, Rejected> =>
  Result.isFailure(result)
    ? Result.fail({ issues: result.failure.issues.map(issue), total: result.failure.total })
    : Result.succeed({
      appends: result.success.appends,
      records: [],
      skipped: skipped(result.success).map(issue),
      retracted: result.success.retracted.length,
      rows: rows(result.success),
      created: result.success.created,
      corrected: result.success.corrected,
      unchanged: result.success.unchanged
    })

// JSON Lines of our own records, cut at line ends; the records are planned by the caller.
const jsonlReader = (options: ReaderOptions): Reader => {
  const decoder = new TextDecoder("utf-8", { fatal: true })
  let pending = ""
  let line = 0
  const read = (text: string): Result.Result<Batch, Rejected> => {
    const first = line
    line += text.split("\n").length - (text.endsWith("\n") ? 1 : 0)
    if (text.trim() === "") return Result.succeed(emptyBatch)
    const decoded = Record.decodeJsonl(text)
    if (Result.isSuccess(decoded)) {
      // A record a line, blank lines skipped.
      const lines = text.split("\n").flatMap((l, i) => (l.trim() === "" ? [] : [first + i + 1]))
      return Result.succeed({ ...emptyBatch, records: decoded.success, rows: decoded.success.length, ...(lines.length === decoded.success.length ? { lines } : {}) })
    }
    const rejected = decodeIssues(decoded.failure)
    const shifted = rejected.issues.map((i) => ({ ...i, line: i.line === undefined ? undefined : i.line + first }))
    if (!options.skipInvalid) return Result.fail({ issues: shifted, total: rejected.total })
    // Keep the good lines: decode each line alone.
    const records: Array<Record.Record> = []
    const lines: Array<number> = []
    const skipped: Array<Issue> = []
    text.split("\n").forEach((l, i) => {
      if (l.trim() === "") return
      const one = Record.decodeJson(l)
      if (Result.isSuccess(one)) {
        records.push(one.success)
        lines.push(first + i + 1)
      }
      else for (const issue of decodeIssues(one.failure).issues) skipped.push({ ...issue, line: first + i + 1 })
    })
    return Result.succeed({ ...emptyBatch, records, lines, skipped, rows: records.length + new Set(skipped.map((s) => s.line)).size })
  }
  const bad = (reason: string): Result.Result<Batch, Rejected> => Result.fail({ issues: [{ line: line + 1, path: "", message: reason }], total: 1 })
  return {
    push: (chunk) => {
      try {
        pending += decoder.decode(chunk, { stream: true })
      } catch {
        return bad("is not UTF-8 text")
      }
      const cut = pending.lastIndexOf("\n")
      if (cut < 0) return Result.succeed(emptyBatch)
      const text = pending.slice(0, cut + 1)
      pending = pending.slice(cut + 1)
      return read(text)
    },
    end: () => {
      try {
        pending += decoder.decode()
      } catch {
        return bad("is not UTF-8 text")
      }
      const text = pending
      pending = ""
      return read(text)
    }
  }
}

const emptyBatch: Batch = { appends: [], records: [], skipped: [], retracted: 0, rows: 0, created: 0, corrected: 0, unchanged: 0 }

const NOT_UTF8 = "is not UTF-8 text (save the file as UTF-8)"

/**
 * A reader given whole lines of valid UTF-8 only. Bytes are held back to the last line end of
 * what arrived; a line that is not UTF-8 fails the input with its line number, or, when
 * `blankBad` (a line-based format with --skip-invalid), reaches the reader as an empty line and
 * is listed as skipped, so that the reader's line numbers stay right.
 */
const utf8Lines = (inner: Reader, blankBad: boolean, countBlanked: boolean): Reader => {
  let line = 0
  // The lines of `bytes` (whole lines, from line + 1) that are not UTF-8, as issues; bad ones blanked in place.
  const check = (bytes: Buffer): { readonly bytes: Buffer; readonly bad: Array<Issue> } => {
    const first = line
    for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) line++
    if (isUtf8(bytes)) return { bytes, bad: [] }
    const bad: Array<Issue> = []
    const kept: Array<Buffer> = []
    let n = first
    for (let start = 0; start < bytes.length;) {
      const end = bytes.indexOf(10, start)
      const stop = end < 0 ? bytes.length : end + 1
      const one = bytes.subarray(start, stop)
      n++
      if (isUtf8(one)) kept.push(one)
      else {
        bad.push({ line: n, path: "", message: NOT_UTF8 })
        kept.push(end < 0 ? Buffer.alloc(0) : Buffer.from([10]))
      }
      start = stop
    }
    return { bytes: Buffer.concat(kept), bad }
  }
  const pass = (bytes: Buffer, next: (b: Uint8Array) => Result.Result<Batch, Rejected>): Result.Result<Batch, Rejected> => {
    const { bad, bytes: checked } = check(bytes)
    if (bad.length > 0 && !blankBad) return Result.fail({ issues: bad, total: bad.length })
    const result = next(checked)
    if (bad.length === 0 || Result.isFailure(result)) return result
    return Result.succeed({ ...result.success, skipped: [...bad, ...result.success.skipped], rows: result.success.rows + (countBlanked ? bad.length : 0) })
  }
  // Bytes after the last line end, kept as the chunks they came in (a long line is joined once).
  let held: Array<Buffer> = []
  const take = (): Buffer => {
    const all = held.length === 1 ? held[0]! : Buffer.concat(held)
    held = []
    return all
  }
  return {
    push: (chunk) => {
      // Copied: the chunk's memory may be reused by the stream that gave it.
      const bytes = Buffer.from(chunk)
      const cut = bytes.lastIndexOf(10) + 1
      if (cut === 0) {
        if (bytes.length > 0) held.push(bytes)
        return Result.succeed(emptyBatch)
      }
      held.push(bytes.subarray(0, cut))
      const lines = take()
      if (cut < bytes.length) held.push(bytes.subarray(cut))
      return pass(lines, inner.push)
    },
    end: () => {
      const rest = take()
      if (rest.length === 0) return inner.end()
      const last = pass(rest, inner.push)
      if (Result.isFailure(last)) return last
      const ended = inner.end()
      return Result.isFailure(ended) ? ended : Result.succeed(joinBatches(last.success, ended.success))
    }
  }
}

const joinBatches = (a: Batch, b: Batch): Batch => ({
  appends: [...a.appends, ...b.appends],
  records: [...a.records, ...b.records],
  // Lines only when every record has its line.
  ...(a.records.length + b.records.length > 0 && (a.records.length === 0 || a.lines !== undefined) && (b.records.length === 0 || b.lines !== undefined)
    ? { lines: [...(a.lines ?? []), ...(b.lines ?? [])] }
    : {}),
  skipped: [...a.skipped, ...b.skipped],
  retracted: a.retracted + b.retracted,
  rows: a.rows + b.rows,
  created: a.created + b.created,
  corrected: a.corrected + b.corrected,
  unchanged: a.unchanged + b.unchanged
})

/** A reader of `format` with these options. */
export const reader = (format: ImportFormat, options: ReaderOptions): Reader =>
  // ACLED cells may span lines, so a line that is not UTF-8 cannot be left out of a CSV file.
  utf8Lines(formatReader(format, options), options.skipInvalid && format !== "acled", format === "jsonl")

const formatReader = (format: ImportFormat, options: ReaderOptions): Reader => {
  const zone = options.timeZone
  const common = {
    skipInvalid: options.skipInvalid,
    ...(options.existing === undefined ? {} : { existing: options.existing }),
    ...(zone === undefined ? {} : { timeZoneOf: () => zone })
  }
  if (format === "acled") {
    const importer = Acled.makeImporter(common)
    const wrap = (r: Result.Result<Acled.ImportResult, Acled.AcledImportError>) => fromInterchange(r, (s) => s.rows, (s) => s.skipped, acledIssue)
    return { push: (chunk) => wrap(importer.push(chunk)), end: () => wrap(importer.end()) }
  }
  if (format === "plover") {
    const importer = Plover.makeImporter(common)
    const wrap = (r: Result.Result<Plover.ImportResult, Plover.PloverImportError>) => fromInterchange(r, (s) => s.lines, (s) => s.skipped, ploverIssue)
    return { push: (chunk) => wrap(importer.push(chunk)), end: () => wrap(importer.end()) }
  }
  return jsonlReader(options)
}
