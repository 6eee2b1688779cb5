/**
 * ACLED CSV in: a whole file, or chunks of one, read into the journal appends that bring a
 * chronicle up to date with it. The appends are computed against what the journal already holds
 * (a catalog, or a lookup by stream): a record not there yet is created (`expected: "none"`), an
 * ACLED event that changed since is corrected (`expected` its current revision, with a reason
 * naming what changed), and everything else is left alone, so importing the same file twice
 * changes nothing and a newer export of the same events becomes corrections. Actors, places and
 * sources that already exist are never rewritten: an editor may have improved them.
 *
 * A malformed or unmappable row fails the whole import (nothing to write), each issue with its row,
 * line and column, unless `skipInvalid` is set: then the valid rows are imported and every skipped
 * row is returned with its reason. A CSV that cannot be read at all (an unclosed quote, bytes that
 * are not UTF-8, a header without the required columns) always fails.
 *
 * @since 0.2.0
 */
import { Data, Effect, Result, Stream } from "effect"
import type { Append, StreamRef } from "../journal/Entry.js"
import { guardOf } from "../model/FastDecode.js"
import * as Record from "../model/Record.js"
import type { AnyRecord } from "../model/Vocabulary.js"
import type { Existing, ExistingOption } from "./Existing.js"
import { clip, type Column, columns, requiredColumns } from "./acledCodes.js"
import { acledActor, type ColumnAt, columnAt, makeRowReader, type RowIssue, type RowOptions } from "./acledRow.js"
import { changedFields, isBytes, lookupOf, sameJson } from "./internal/appends.js"
import { type CsvProblem, parseRecords, RecordCutter, Utf8Reader } from "./internal/csv.js"

export type { RowIssue } from "./acledRow.js"
export type { Existing, ExistingOption } from "./Existing.js"

/**
 * The import failed and nothing should be written: `issues` names each problem with its row (1
 * is the first row after the header), line, column and reason; `total` counts them all when only
 * the first hundred are kept.
 *
 * @category errors
 * @since 0.2.0
 */
export class AcledImportError extends Data.TaggedError("AcledImportError")<{
  readonly issues: ReadonlyArray<RowIssue>
  readonly total: number
}> {
  override get message(): string {
    const shown = this.issues.slice(0, 5).map((i) => {
      const where = [i.row > 0 ? `row ${i.row}` : "", i.line === undefined ? "" : `line ${i.line}`, i.column === undefined ? "" : `column ${i.column}`]
      return `${where.filter((w) => w !== "").join(", ") || "file"}: ${i.reason}`
    })
    const more = this.total > shown.length ? ` (and ${this.total - shown.length} more)` : ""
    return `ACLED import failed: ${shown.join("; ")}${more}`
  }
}

/**
 * Options of an import.
 *
 * @category models
 * @since 0.2.0
 */
export interface ImportOptions extends RowOptions {
  /** Import the valid rows and return the others as skipped, instead of failing. */
  readonly skipInvalid?: boolean
  /** What the journal holds already: a catalog, or a lookup by stream (default: nothing). */
  readonly existing?: ExistingOption
}

/**
 * What an import (or one batch of a streamed one) comes to: the appends to commit, in an order a
 * journal accepts (sources, places, actors, then events), the rows skipped with their reasons,
 * streams left alone because they are retracted, and counts.
 *
 * @category models
 * @since 0.2.0
 */
export interface ImportResult {
  readonly appends: ReadonlyArray<Append>
  readonly skipped: ReadonlyArray<RowIssue>
  readonly retracted: ReadonlyArray<StreamRef>
  readonly rows: number
  readonly created: number
  readonly corrected: number
  readonly unchanged: number
}

const MAX_ISSUES = 100
// csv-parse reads a chunk this many characters at a time, so that the parsed cells of one piece
// die young instead of surviving (and being copied by) the collections a whole chunk's parse
// would live through: garbage collection was a third of the import's time with 10,000-row runs.
const PIECE = 128 * 1024
const isRecord = guardOf(Record.Record)


/**
 * An incremental importer: `push` a chunk of text or UTF-8 bytes, get the appends of the rows it
 * completed; `end` when the input is done. Memory is bounded by the chunk size and the number of
 * distinct actors, places and sources (ids only), not by the number of rows.
 *
 * Gotchas: a repeated `event_id_cnty` is reported within a chunk's rows; across chunks, the
 * second append of the stream expects `"none"` and the journal refuses it with a conflict.
 *
 * @category constructors
 * @since 0.2.0
 */
export const makeImporter = (options: ImportOptions = {}) => {
  const lookup = lookupOf(options?.existing)
  const cutter = new RecordCutter()
  const utf8 = new Utf8Reader()
  const readRow = makeRowReader(options ?? {})
  // Ids of the shared records planned so far, by type (ids are the cached records' own strings,
  // so their hashes are computed once).
  const seen = { source: new Set<string>(), place: new Set<string>(), actor: new Set<string>() }
  let header: ReadonlyArray<number | undefined> | undefined
  let index: Partial<{ [C in Column]: number }> = {}
  let at: ColumnAt = columnAt({})
  let row = 0
  let failed = false
  let lookupFailed: string | undefined

  const fail = (issues: ReadonlyArray<RowIssue>, total = issues.length) => {
    failed = true
    return Result.fail(new AcledImportError({ issues: issues.slice(0, MAX_ISSUES), total }))
  }

  const readHeader = (cells: ReadonlyArray<string>, line: number): ReadonlyArray<RowIssue> => {
    const issues: Array<RowIssue> = []
    const found: Partial<{ [C in Column]: number }> = {}
    cells.forEach((raw, i) => {
      const name = raw.trim().toLowerCase()
      if (!(columns as ReadonlyArray<string>).includes(name)) return
      if (found[name as Column] !== undefined) issues.push({ row: 0, line, column: name, reason: `the column "${name}" appears twice` })
      else found[name as Column] = i
    })
    for (const column of requiredColumns) {
      if (found[column] === undefined) issues.push({ row: 0, line, column, reason: `the header has no "${column}" column` })
    }
    index = found
    at = columnAt(found)
    header = cells.map((_, i) => i)
    return issues
  }

  const plan = (record: AnyRecord, out: Array<Append>, counts: { created: number; corrected: number; unchanged: number }, retracted: Array<StreamRef>) => {
    const stream = { type: record.type, id: record.id } as StreamRef
    // Shared records (actors, places, sources) are planned once per import; events are unique
    // within a run already, and remembering every event would make memory grow with the file.
    if (record.type !== "event") {
      const ids = seen[record.type as keyof typeof seen]
      if (ids.has(record.id)) return
      ids.add(record.id)
    }
    let found: Existing | undefined
    try {
      found = lookup(stream)
    } catch (error) {
      lookupFailed = `the lookup of existing records failed on ${record.type} ${clip(record.id)}: ${clip(String((error as { message?: unknown })?.message ?? error))}`
      return
    }
    if (found === undefined) {
      out.push({ _tag: "revision", record, expected: "none" })
      counts.created++
    } else if (found.current === undefined) retracted.push(stream)
    else if (record.type !== "event" || sameJson(found.current, record)) counts.unchanged++
    else {
      out.push({ _tag: "revision", record, expected: found.revision, reason: `ACLED export updated ${clip(record.id)}: ${changedFields(found.current, record).join(", ")}` })
      counts.corrected++
    }
  }

  // What the runs of one `push` (or `end`) gathered: every check sees all of a chunk's rows,
  // while csv-parse reads it a piece at a time (see `PIECE`).
  interface Gathered {
    readonly issues: Array<RowIssue>
    readonly sources: Array<AnyRecord>
    readonly places: Array<AnyRecord>
    readonly actors: Array<AnyRecord>
    readonly events: Array<AnyRecord>
    readonly eventRows: Map<string, number>
    readonly runSeen: Set<AnyRecord>
    rows: number
  }
  const gathered = (): Gathered => ({ issues: [], sources: [], places: [], actors: [], events: [], eventRows: new Map(), runSeen: new Set(), rows: 0 })

  // Reads a run of complete records into `into`; a CSV problem ends the import.
  const gather = (text: string, line: number, into: Gathered): CsvProblem | ReadonlyArray<RowIssue> | undefined => {
    const parsed = parseRecords(text, line)
    if (!Array.isArray(parsed)) return parsed as CsvProblem
    const rows = parsed as ReadonlyArray<ReadonlyArray<string>>
    let start = 0
    if (header === undefined) {
      if (rows.length === 0) return undefined
      const headerIssues = readHeader(rows[0]!, line)
      if (headerIssues.length > 0) return headerIssues
      start = 1
    }
    const { issues, eventRows, runSeen } = into
    for (let i = start; i < rows.length; i++) {
      const cells = rows[i]!
      row++
      if (cells.length !== header!.length) {
        const missing = columns.find((c) => (index[c] ?? -1) >= cells.length)
        issues.push({ row, ...(missing === undefined ? {} : { column: missing }), reason: `has ${cells.length} cells where the header has ${header!.length}` })
        continue
      }
      const read = readRow(cells, at, row)
      if (!("event" in read)) {
        issues.push(...read)
        continue
      }
      const fresh: Array<AnyRecord> = []
      for (const r of read.sources) if (!runSeen.has(r) && !seen.source.has(r.id)) fresh.push(r)
      for (const r of read.places) if (!runSeen.has(r) && !seen.place.has(r.id)) fresh.push(r)
      for (const r of read.actors) if (!runSeen.has(r) && !seen.actor.has(r.id)) fresh.push(r)
      // Events are valid by construction (every cell they take is checked above); a shared
      // record is checked once, when it is first planned.
      const invalid = fresh.length === 0 ? undefined : fresh.find((r) => !isRecord(r))
      if (invalid !== undefined) {
        const decoded = Record.decode(invalid)
        const reason = Result.isFailure(decoded) ? decoded.failure.message : "is not a valid record"
        issues.push({ row, reason: `gives an invalid ${invalid.type}: ${clip(reason)}` })
        continue
      }
      const earlier = eventRows.get(read.event.id)
      if (earlier !== undefined) {
        issues.push({ row, column: "event_id_cnty", reason: `repeats the event_id_cnty of row ${earlier}` })
        continue
      }
      eventRows.set(read.event.id, row)
      for (const r of fresh) {
        runSeen.add(r)
        ;(r.type === "source" ? into.sources : r.type === "place" ? into.places : into.actors).push(r)
      }
      into.events.push(read.event)
    }
    into.rows += rows.length - start
    return undefined
  }

  // The appends of what a push gathered, or its issues when invalid rows fail the import.
  const finish = (g: Gathered): Result.Result<ImportResult, AcledImportError> => {
    if (g.issues.length > 0 && options?.skipInvalid !== true) return fail(g.issues)
    // The claimant of the fatality figures, first of the actors the first rows bring.
    if (g.events.length > 0) g.actors.unshift(acledActor)
    const appends: Array<Append> = []
    const retracted: Array<StreamRef> = []
    const counts = { created: 0, corrected: 0, unchanged: 0 }
    for (const records of [g.sources, g.places, g.actors, g.events]) for (const record of records) plan(record, appends, counts, retracted)
    if (lookupFailed !== undefined) return fail([{ row: 0, reason: lookupFailed }])
    return g.rows === 0 && appends.length === 0 && g.issues.length === 0 && retracted.length === 0
      ? Result.succeed(emptyResult)
      : Result.succeed({ appends, skipped: g.issues, retracted, rows: g.rows, ...counts })
  }

  // Feeds text to the cutter a piece at a time and reads the runs it completes; `last` reads
  // what remains too.
  const read = (text: string, last: boolean): Result.Result<ImportResult, AcledImportError> => {
    const g = gathered()
    const take = (run: { readonly text: string; readonly line: number } | undefined): Result.Result<never, AcledImportError> | undefined => {
      if (run === undefined) return undefined
      const problem = gather(run.text, run.line, g)
      if (problem === undefined) return undefined
      return fail(Array.isArray(problem) ? problem : [problemIssue(problem as CsvProblem)])
    }
    for (let offset = 0; offset < text.length; offset += PIECE) {
      const failed = take(cutter.push(text.length <= PIECE ? text : text.slice(offset, offset + PIECE)))
      if (failed !== undefined) return failed
    }
    if (last) {
      const failed = take(cutter.end())
      if (failed !== undefined) return failed
    }
    return finish(g)
  }

  const decode = (chunk: string | Uint8Array, last: boolean): string | CsvProblem =>
    typeof chunk === "string" ? (chunk.charCodeAt(0) === 0xfeff && header === undefined && cutter.pending === 0 ? chunk.slice(1) : chunk) : utf8.push(chunk, last)

  return {
    /** Reads a chunk; returns the appends of the rows it completed. */
    push: (chunk: string | Uint8Array): Result.Result<ImportResult, AcledImportError> => {
      if (failed) return fail([{ row: 0, reason: "the import failed already" }])
      if (typeof chunk !== "string" && !isBytes(chunk)) return fail([{ row: 0, reason: "a chunk must be a string or a Uint8Array" }])
      const text = decode(chunk, false)
      if (typeof text !== "string") return fail([problemIssue(text)])
      return read(text, false)
    },
    /** Ends the input; returns the appends of the last rows. */
    end: (): Result.Result<ImportResult, AcledImportError> => {
      if (failed) return fail([{ row: 0, reason: "the import failed already" }])
      const text = utf8.push(new Uint8Array(0), true)
      if (typeof text !== "string") return fail([problemIssue(text)])
      const result = read(text, true)
      if (Result.isSuccess(result) && header === undefined) return fail([{ row: 0, line: 1, reason: "the file is empty: no header row" }])
      return result
    }
  }
}


const emptyResult: ImportResult = Object.freeze({ appends: [], skipped: [], retracted: [], rows: 0, created: 0, corrected: 0, unchanged: 0 })

const problemIssue = (p: CsvProblem): RowIssue => ({
  row: 0,
  ...(p.line === undefined ? {} : { line: p.line }),
  reason: p.byte === undefined ? `not readable as CSV: ${p.reason}` : `${p.reason} (at byte ${p.byte})`
})

const concat = (a: ImportResult, b: ImportResult): ImportResult => ({
  appends: [...a.appends, ...b.appends],
  skipped: [...a.skipped, ...b.skipped],
  retracted: [...a.retracted, ...b.retracted],
  rows: a.rows + b.rows,
  created: a.created + b.created,
  corrected: a.corrected + b.corrected,
  unchanged: a.unchanged + b.unchanged
})

/**
 * Imports a whole ACLED export (text, or UTF-8 bytes): the appends to commit in one commit, all
 * or nothing. Never throws.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Acled } from "protest-chronicle/interchange"
 *
 * const csv = "event_id_cnty,event_date,event_type,sub_event_type,actor1,country,location,latitude,longitude,source,fatalities\n" +
 *   "KAZ1,2011-12-16,Protests,Peaceful protest,Protesters (Kazakhstan),Kazakhstan,Zhanaozen,43.3412,52.8619,Vlast.kz,0\n"
 * const result = Acled.importCsv(csv)
 * if (Result.isSuccess(result)) console.log(result.success.appends.length) // 6: a source, two places, two actors, the event
 * ```
 *
 * @category importing
 * @since 0.2.0
 */
export const importCsv = (input: string | Uint8Array, options: ImportOptions = {}): Result.Result<ImportResult, AcledImportError> => {
  let text: string | CsvProblem = typeof input === "string" ? input : isBytes(input) ? new Utf8Reader().push(input, true) : ""
  if (typeof text !== "string") return Result.fail(new AcledImportError({ issues: [problemIssue(text)], total: 1 }))
  // One run of records for the whole file, so that every check sees every row.
  if (text !== "" && !/[\r\n]$/.test(text)) text += "\n"
  const importer = makeImporter(options)
  const first = importer.push(typeof input === "string" || isBytes(input) ? text : input)
  if (Result.isFailure(first)) return first
  const last = importer.end()
  return Result.isFailure(last) ? last : Result.succeed(concat(first.success, last.success))
}

/**
 * The streaming form: chunks of an ACLED export in, one result of appends per chunk out (empty
 * results are left out). Commit each as it arrives; the first bad chunk fails the stream.
 *
 * Gotchas: all-or-nothing holds per chunk, not for the whole file: rows before a bad one may be
 * committed already. Run it once without committing (or with `skipInvalid`) to check a file first.
 *
 * @category importing
 * @since 0.2.0
 */
export const importStream = <E, R>(
  chunks: Stream.Stream<string | Uint8Array, E, R>,
  options: ImportOptions = {}
): Stream.Stream<ImportResult, E | AcledImportError, R> =>
  Stream.suspend(() => {
    if (!Stream.isStream(chunks)) {
      return Stream.fail(new AcledImportError({ issues: [{ row: 0, reason: "expected a Stream of chunks (strings or Uint8Arrays)" }], total: 1 }))
    }
    const importer = makeImporter(options)
    return chunks.pipe(
      Stream.mapEffect((chunk) => Effect.suspend(() => Effect.fromResult(importer.push(chunk)))),
      Stream.concat(Stream.fromEffect(Effect.suspend(() => Effect.fromResult(importer.end())))),
      Stream.filter((r) => r.appends.length > 0 || r.skipped.length > 0 || r.retracted.length > 0)
    )
  })

