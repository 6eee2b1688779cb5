/**
 * PLOVER JSON Lines in: a file of PLOVER records (one JSON object a line, as the PLOVER manual
 * draft 2.0 suggests) read into the journal appends that bring a chronicle up to date with it.
 * Each record becomes an event of the kind its category and mode map to (see `ploverRecords.ts`),
 * with its actors, its place within its country, and its source from `cite_info`; the free text,
 * context and coder are kept in the event's summary and note.
 *
 * The appends are computed against what the journal holds already (a catalog, or a lookup): new
 * records are created, a changed event is corrected with a reason naming the changed fields,
 * everything else is left alone, so importing the same file twice changes nothing. A line that is
 * not JSON, not a PLOVER record, or has an unknown category or mode fails the whole import with
 * its line, field and reason (nothing to write), unless `skipInvalid` is set: then the valid lines
 * are imported and every skipped line is returned with its reason. A byte-order mark, CRLF or CR
 * line ends and blank lines are accepted.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Plover } from "protest-chronicle/interchange"
 *
 * const line = JSON.stringify({
 *   id: "ex-1", date: "2011-12-16", event: "PROTEST", mode: "strike",
 *   actor: [{ entity_text: "Oil workers", sector: "LAB" }],
 *   event_loc: { resolved_place: "Zhanaozen", country: "Kazakhstan", country_code: "KAZ", lat: 43.34, lon: 52.86, resolution: 4 }
 * })
 * const result = Plover.importJsonl(line)
 * if (Result.isSuccess(result)) console.log(result.success.appends.length) // 5: a source, two places, an actor, the event
 * ```
 *
 * @since 0.2.0
 *
 * @module
 */
import { Data, Effect, Result, Stream } from "effect"
import type { Append, StreamRef } from "../journal/Entry.js"
import type { AnyRecord } from "../model/Vocabulary.js"
import type { ExistingOption } from "./Existing.js"
import { isBytes, LookupFailed, makePlanner } from "./internal/appends.js"
import { type LineIssue, type ReadOptions, readLine } from "./ploverRecords.js"

export type { Existing, ExistingOption } from "./Existing.js"
export type { LineIssue, ReadOptions } from "./ploverRecords.js"

/**
 * The import failed and nothing should be written: `issues` names each problem with its line
 * (1-based), field and reason; `total` counts them all when only the first hundred are kept.
 *
 * @category errors
 * @since 0.2.0
 */
export class PloverImportError extends Data.TaggedError("PloverImportError")<{
  readonly issues: ReadonlyArray<LineIssue>
  readonly total: number
}> {
  override get message(): string {
    const shown = this.issues.slice(0, 5).map((i) => `line ${i.line}${i.field === undefined ? "" : ` (${i.field})`}: ${i.reason}`)
    const more = this.total > shown.length ? ` (and ${this.total - shown.length} more)` : ""
    return `PLOVER import failed: ${shown.join("; ")}${more}`
  }
}

/**
 * Options of an import: `skipInvalid` imports the valid lines and returns the others as
 * skipped; `existing` is what the journal holds already (a catalog, or a lookup by stream);
 * `timeZoneOf` names the IANA time zone of a place (default "UTC").
 *
 * @category models
 * @since 0.2.0
 */
export interface ImportOptions extends ReadOptions {
  readonly skipInvalid?: boolean
  readonly existing?: ExistingOption
}

/**
 * What an import (or one batch of a streamed one) comes to: the appends to commit, in an order a
 * journal accepts (sources, places, actors, then events), the lines skipped with their reasons,
 * streams left alone because they are retracted, and counts.
 *
 * @category models
 * @since 0.2.0
 */
export interface ImportResult {
  readonly appends: ReadonlyArray<Append>
  readonly skipped: ReadonlyArray<LineIssue>
  readonly retracted: ReadonlyArray<StreamRef>
  readonly lines: number
  readonly created: number
  readonly corrected: number
  readonly unchanged: number
}

const MAX_ISSUES = 100
const empty: ImportResult = Object.freeze({ appends: [], skipped: [], retracted: [], lines: 0, created: 0, corrected: 0, unchanged: 0 })

/**
 * An incremental importer: `push` a chunk of text or UTF-8 bytes and get the appends of the lines
 * it completed; `end` when the input is done. Memory is bounded by the chunk and by the ids of
 * the actors, places and sources planned so far, not by the number of lines.
 *
 * Gotchas: a repeated `id` is reported within a chunk; across chunks, the second append of the
 * stream expects `"none"` and the journal refuses it with a conflict.
 *
 * @category constructors
 * @since 0.2.0
 */
export const makeImporter = (options: ImportOptions = {}) => {
  const opts: ImportOptions = typeof options === "object" && options !== null ? options : {}
  const plan = makePlanner(opts.existing, "PLOVER file")
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false })
  let pending = ""
  let line = 0
  let started = false
  let failed = false

  const fail = (issues: ReadonlyArray<LineIssue>, total = issues.length): Result.Result<ImportResult, PloverImportError> => {
    failed = true
    return Result.fail(new PloverImportError({ issues: issues.slice(0, MAX_ISSUES), total }))
  }

  const readLines = (lines: ReadonlyArray<string>): Result.Result<ImportResult, PloverImportError> => {
    const issues: Array<LineIssue> = []
    const shared: Array<AnyRecord> = []
    const events: Array<AnyRecord> = []
    const lineOfId = new Map<string, number>()
    for (const raw of lines) {
      line++
      if (raw.trim() === "") continue
      let parsed: unknown
      try {
        parsed = JSON.parse(raw)
      } catch (e) {
        issues.push({ line, reason: `is not valid JSON (${clip(e instanceof Error ? e.message : String(e))})` })
        continue
      }
      const read = readLine(parsed, line, opts)
      if (!("event" in read)) {
        issues.push(...read)
        continue
      }
      const earlier = lineOfId.get(read.event.id)
      if (earlier !== undefined) {
        issues.push({ line, field: "id", reason: `repeats the id of line ${earlier}` })
        continue
      }
      lineOfId.set(read.event.id, line)
      shared.push(...(read.sources as ReadonlyArray<AnyRecord>), ...(read.places as ReadonlyArray<AnyRecord>), ...(read.actors as ReadonlyArray<AnyRecord>))
      events.push(read.event as AnyRecord)
    }
    if (issues.length > 0 && opts.skipInvalid !== true) return fail(issues)
    const order = { source: 0, place: 1, actor: 2 } as const
    const sorted = shared.map((r, i) => [r, i] as const).sort((a, b) => order[a[0].type as keyof typeof order] - order[b[0].type as keyof typeof order] || a[1] - b[1])
    try {
      const planned = plan([...sorted.map(([r]) => r), ...events])
      return Result.succeed({ ...planned, skipped: issues, lines: lines.length })
    } catch (e) {
      if (e instanceof LookupFailed) return fail([{ line, reason: `${e.reason} (for ${e.stream.type} ${e.stream.id})` }])
      throw e
    }
  }

  const decode = (chunk: string | Uint8Array, last: boolean): string | undefined => {
    try {
      const text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: !last })
      // A byte-order mark before the first line is not part of it.
      if (!started && text.length > 0) {
        started = true
        return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
      }
      return text
    } catch {
      return undefined
    }
  }

  const push = (chunk: string | Uint8Array, last: boolean): Result.Result<ImportResult, PloverImportError> => {
    if (failed) return fail([{ line, reason: "the import failed already" }])
    if (typeof chunk !== "string" && !isBytes(chunk)) return fail([{ line, reason: "a chunk must be a string or a Uint8Array" }])
    const text = decode(chunk, last)
    if (text === undefined) return fail([{ line: line + 1, reason: "is not valid UTF-8" }])
    const all = pending + text
    // Lines end at \n, \r\n or a lone \r; a \r at the chunk's end may be the first half of \r\n.
    const parts = all.split(/\r\n|\r(?!$)|\n/u)
    pending = last ? "" : parts.pop()!
    if (last && parts.length > 0) {
      const tail = parts.at(-1)!
      if (tail.endsWith("\r")) parts[parts.length - 1] = tail.slice(0, -1)
      if (parts.at(-1) === "") parts.pop()
    }
    return parts.length === 0 ? Result.succeed(empty) : readLines(parts)
  }

  return {
    /** Reads a chunk; returns the appends of the lines it completed. */
    push: (chunk: string | Uint8Array) => push(chunk, false),
    /** Ends the input; returns the appends of the last line. */
    end: () => push("", true),
    /** Reads a whole input at once, every line in one run (so that every check sees every line). */
    all: (input: string | Uint8Array) => push(input, true)
  }
}

/**
 * Imports a whole PLOVER JSON Lines file (text, or UTF-8 bytes): the appends to commit in one
 * commit, all or nothing. Never throws.
 *
 * @category importing
 * @since 0.2.0
 */
export const importJsonl = (input: string | Uint8Array, options: ImportOptions = {}): Result.Result<ImportResult, PloverImportError> => {
  if (typeof input !== "string" && !isBytes(input)) {
    return Result.fail(new PloverImportError({ issues: [{ line: 0, reason: "the input must be a string or a Uint8Array" }], total: 1 }))
  }
  return makeImporter(options).all(input)
}

/**
 * The streaming form: chunks of a PLOVER JSON Lines file in, one result of appends per chunk out
 * (empty results are left out). Commit each as it arrives; the first bad chunk fails the stream.
 *
 * Gotchas: all-or-nothing holds per chunk, not for the whole file: lines before a bad one may be
 * committed already. Run it once without committing (or with `skipInvalid`) to check a file first.
 *
 * @category importing
 * @since 0.2.0
 */
export const importStream = <E, R>(
  chunks: Stream.Stream<string | Uint8Array, E, R>,
  options: ImportOptions = {}
): Stream.Stream<ImportResult, E | PloverImportError, R> =>
  Stream.suspend((): Stream.Stream<ImportResult, E | PloverImportError, R> => {
    if (!Stream.isStream(chunks)) return Stream.fail(new PloverImportError({ issues: [{ line: 0, reason: "the input must be a Stream of strings or Uint8Arrays" }], total: 1 }))
    const importer = makeImporter(options)
    return chunks.pipe(
      Stream.mapEffect((chunk) => Effect.suspend(() => Effect.fromResult(importer.push(chunk)))),
      Stream.concat(Stream.fromEffect(Effect.suspend(() => Effect.fromResult(importer.end())))),
      Stream.filter((r) => r.appends.length > 0 || r.skipped.length > 0 || r.retracted.length > 0)
    )
  })

const clip = (s: string, n = 120): string => (s.length > n ? `${s.slice(0, n - 3)}...` : s)
