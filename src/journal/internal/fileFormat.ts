/**
 * The bytes of a journal file: the header line, how a commit's entries become lines, and the scan
 * that reads a file back on open (checksums, entry shapes, commit counters, the torn tail).
 * `FileJournal.ts` describes the format for users; this file is its single implementation.
 */
import * as fs from "node:fs"
import { crc32 } from "node:zlib"
import { isValidId } from "../../model/Id.js"
import type { StoredEntry } from "../Entry.js"

/** The header's `format` field. */
export const FORMAT = "protest-chronicle/journal"

/** The format version this code writes and reads. */
export const VERSION = 1

/** The first line of every journal file, newline included. */
export const HEADER_LINE = `${JSON.stringify({ format: FORMAT, version: VERSION })}\n`

const TAB = 0x09
const NEWLINE = 0x0a
/** A line ends in a tab and eight hex digits of checksum. */
const CHECKSUM_TAIL = 9
/** The counter (`12/34`) is short; a line whose last tabs are further apart is not ours. */
const MAX_COUNTER = 24

/** The checksum text of a line: crc32 of its UTF-8 bytes before the last tab, 8 lowercase hex digits. */
export const checksumHex = (data: string | Uint8Array): string => crc32(data).toString(16).padStart(8, "0")

/**
 * The bytes of one commit: a line per entry, `<json>\t<i>/<n>\t<crc32>\n`, written in one piece.
 * Each line's text is encoded to UTF-8 once, straight into the output, and its checksum is taken
 * over those bytes.
 */
export const encodeCommit = (entries: ReadonlyArray<StoredEntry>): Buffer => {
  const n = entries.length
  const covered: Array<string> = new Array(n)
  let total = 0
  for (let i = 0; i < n; i++) {
    const text = `${JSON.stringify(entries[i])}\t${i + 1}/${n}`
    covered[i] = text
    total += Buffer.byteLength(text, "utf8") + CHECKSUM_TAIL + 1
  }
  const out = Buffer.allocUnsafe(total)
  let at = 0
  for (let i = 0; i < n; i++) {
    const written = out.write(covered[i]!, at, "utf8")
    const sum = crc32(out.subarray(at, at + written))
    at += written
    at += out.write(`\t${sum.toString(16).padStart(8, "0")}\n`, at, "latin1")
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// Shape of a stored entry: a hand check, because it runs once per line on every open.

const streamTypes: ReadonlySet<unknown> = new Set(["event", "actor", "place", "source", "link"])

const isObject = (u: unknown): u is { readonly [key: string]: unknown } =>
  typeof u === "object" && u !== null && !Array.isArray(u)

const isCount = (u: unknown): boolean => typeof u === "number" && Number.isInteger(u) && u >= 1

const isOptionalText = (u: unknown): boolean => u === undefined || typeof u === "string"

const entryKeys: ReadonlySet<string> = new Set(["position", "stream", "revision", "recordedAt", "idempotencyKey", "author", "reason", "body"])
const streamKeys: ReadonlySet<string> = new Set(["type", "id"])
const revisionKeys: ReadonlySet<string> = new Set(["_tag", "schemaVersion", "record"])
const retractionKeys: ReadonlySet<string> = new Set(["_tag", "reason"])

/** The first key of `o` that `keys` does not hold; the core rejects such fields too. */
const unknownKey = (o: object, keys: ReadonlySet<string>): string | undefined => {
  for (const key in o) if (!keys.has(key)) return key
  return undefined
}

/** Why `u` is not a `StoredEntry`, or `undefined` when it is one. */
export const storedEntryProblem = (u: unknown): string | undefined => {
  if (!isObject(u)) return "the entry is not a JSON object"
  if (!isCount(u["position"])) return "position is not an integer >= 1"
  const stream = u["stream"]
  if (!isObject(stream) || !streamTypes.has(stream["type"]) || !isValidId(stream["id"])) {
    return "stream is not a { type, id } of a record type and a valid id"
  }
  if (!isCount(u["revision"])) return "revision is not an integer >= 1"
  if (typeof u["recordedAt"] !== "string") return "recordedAt is not a string"
  if (typeof u["idempotencyKey"] !== "string") return "idempotencyKey is not a string"
  if (!isOptionalText(u["author"])) return "author is not a string"
  if (!isOptionalText(u["reason"])) return "reason is not a string"
  const body = u["body"]
  if (!isObject(body)) return "body is not a JSON object"
  let bodyKeys: ReadonlySet<string>
  if (body["_tag"] === "revision") {
    if (!isCount(body["schemaVersion"])) return "body.schemaVersion is not an integer >= 1"
    if (!("record" in body)) return "body.record is missing"
    bodyKeys = revisionKeys
  } else if (body["_tag"] === "retraction") {
    if (typeof body["reason"] !== "string") return "body.reason is not a string"
    bodyKeys = retractionKeys
  } else {
    return `body._tag is neither "revision" nor "retraction"`
  }
  const extra = unknownKey(u, entryKeys) ?? unknownKey(stream, streamKeys) ?? unknownKey(body, bodyKeys)
  return extra === undefined ? undefined : `unknown field "${extra}"`
}

// ---------------------------------------------------------------------------------------------
// Scanning

/** What the scan of a file found. */
export type Scan<S> =
  /** The file is empty, or holds only the start of a header (a creation cut short): write the header. */
  | { readonly _tag: "Fresh" }
  /**
   * Every complete commit went to `onCommit`; `end` is the byte offset just after the last of
   * them. `cut` is present exactly when `end` is short of the file's size: the bytes after `end`
   * are a torn write, and `cut` names the line where they start and what was wrong.
   */
  | {
    readonly _tag: "Entries"
    readonly end: number
    readonly size: number
    readonly cut?: { readonly line: number; readonly reason: string }
  }
  /** A bad line that is not the torn tail. */
  | { readonly _tag: "Corrupt"; readonly line: number; readonly reason: string }
  /** `onCommit` asked to stop, with this value. */
  | { readonly _tag: "Stopped"; readonly stop: S }

/** A line that parsed, or why not; a `torn` line is forgiven when it is the last one. */
type Parsed =
  | { readonly _tag: "Line"; readonly entry: StoredEntry; readonly index: number; readonly count: number }
  | { readonly _tag: "Bad"; readonly torn: boolean; readonly reason: string }

const torn = (reason: string): Parsed => ({ _tag: "Bad", torn: true, reason })
const corrupt = (reason: string): Parsed => ({ _tag: "Bad", torn: false, reason })

const hexDigit = (c: number): number => (c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x61 && c <= 0x66 ? c - 0x57 : -1)

/** Reads a decimal number from `buf[start, end)`; -1 when it is not one (or is empty, or too long). */
const decimal = (buf: Buffer, start: number, end: number): number => {
  if (end <= start || end - start > 9) return -1
  let n = 0
  for (let p = start; p < end; p++) {
    const c = buf[p]! - 0x30
    if (c < 0 || c > 9) return -1
    n = n * 10 + c
  }
  return n
}

/** Parses the entry line `buf[start, end)` (newline excluded). */
const parseLine = (buf: Buffer, start: number, end: number): Parsed => {
  const lastTab = end - CHECKSUM_TAIL
  if (lastTab <= start || buf[lastTab] !== TAB) return torn("the line does not end in a tab and a checksum")
  let expected = 0
  for (let p = lastTab + 1; p < end; p++) {
    const d = hexDigit(buf[p]!)
    if (d < 0) return torn("the checksum is not 8 lowercase hex digits")
    expected = expected * 16 + d
  }
  if (crc32(buf.subarray(start, lastTab)) !== expected) return torn("checksum mismatch")
  // JSON text holds no raw tab, so the tab before the counter is the last one before `lastTab`.
  let counterTab = lastTab - 1
  const stop = Math.max(start, lastTab - MAX_COUNTER)
  while (counterTab >= stop && buf[counterTab] !== TAB) counterTab--
  if (counterTab < stop) return corrupt("the line has no commit counter")
  let slash = counterTab + 1
  while (slash < lastTab && buf[slash] !== 0x2f) slash++
  const index = decimal(buf, counterTab + 1, slash)
  const count = decimal(buf, slash + 1, lastTab)
  if (index < 1 || count < index) return corrupt("the commit counter is not <i>/<n> with 1 <= i <= n")
  let json: unknown
  try {
    json = JSON.parse(buf.toString("utf8", start, counterTab))
  } catch (e) {
    // The checksum matched, so this is how the line was written: not a torn write.
    return corrupt(`the entry is not JSON: ${e instanceof Error ? e.message : String(e)}`)
  }
  const problem = storedEntryProblem(json)
  if (problem !== undefined) return corrupt(problem)
  return { _tag: "Line", entry: json as StoredEntry, index, count }
}

/** Checks the header line `buf[start, end)` (newline excluded); the problem, or `undefined`. */
const headerProblem = (buf: Buffer, start: number, end: number): string | undefined => {
  let header: unknown
  try {
    header = JSON.parse(buf.toString("utf8", start, end))
  } catch {
    return `the first line is not a journal header (expected ${HEADER_LINE.trimEnd()})`
  }
  if (!isObject(header) || header["format"] !== FORMAT) {
    return `the first line is not a journal header (expected ${HEADER_LINE.trimEnd()})`
  }
  if (header["version"] !== VERSION) {
    return `journal format version ${JSON.stringify(header["version"])} is not supported (this library reads version ${VERSION})`
  }
  return undefined
}

const CHUNK = 8 * 1024 * 1024

/**
 * Reads the open file `fd` from its start in large chunks and checks every line, handing the
 * entries of each complete commit, in order, to `onCommit` (which may stop the scan by returning
 * a value other than `undefined`). Only the last line may be torn (no newline, or no checksum
 * that matches: a write cut short by a crash), and only the last commit may be incomplete (some
 * of its lines were written, but the commit was never acknowledged); both are reported through
 * `end` and `cut`, and the entries of an incomplete commit never reach `onCommit`. Anything else
 * bad, including a line whose checksum matches but whose content is wrong, is `Corrupt`. Throws
 * only on I/O errors.
 */
export const scanFile = <S>(fd: number, onCommit: (entries: ReadonlyArray<StoredEntry>) => S | undefined): Scan<S> => {
  const size = fs.fstatSync(fd).size
  let buf = Buffer.allocUnsafe(Math.min(CHUNK, Math.max(size, HEADER_LINE.length)))
  let length = 0 // bytes of `buf` holding file data
  let base = 0 // file offset of buf[0]
  let read = 0 // file offset of the next read

  let line = 0
  let commit: Array<StoredEntry> = []
  let end = 0 // offset after the last complete commit
  // The open commit: its first line, its key, its size, and how far its counter has got.
  let commitLine = 0
  let commitKey = ""
  let commitIndex = 0
  let commitCount = 0
  // A complete line whose checksum or JSON is bad: the torn tail if nothing follows it.
  let pending: { readonly line: number; readonly reason: string } | undefined

  for (;;) {
    if (length === buf.length && read < size) {
      const bigger = Buffer.allocUnsafe(buf.length * 2)
      buf.copy(bigger, 0, 0, length)
      buf = bigger
    }
    const n = read < size ? fs.readSync(fd, buf, length, buf.length - length, read) : 0
    read += n
    length += n
    const view = buf.subarray(0, length)
    let start = 0
    for (let nl = view.indexOf(NEWLINE, start); nl !== -1; nl = view.indexOf(NEWLINE, start)) {
      line++
      if (pending !== undefined) return { _tag: "Corrupt", line: pending.line, reason: pending.reason }
      if (line === 1) {
        const problem = headerProblem(buf, start, nl)
        if (problem !== undefined) return { _tag: "Corrupt", line: 1, reason: problem }
        end = base + nl + 1
        start = nl + 1
        continue
      }
      const parsed = parseLine(buf, start, nl)
      if (parsed._tag === "Bad") {
        if (!parsed.torn) return { _tag: "Corrupt", line, reason: parsed.reason }
        pending = { line, reason: parsed.reason }
        start = nl + 1
        continue
      }
      const { count, entry, index } = parsed
      if (entry.position !== line - 1) {
        return { _tag: "Corrupt", line, reason: `line ${line} must hold position ${line - 1}, found ${entry.position}` }
      }
      if (commitIndex === commitCount) {
        if (index !== 1) return { _tag: "Corrupt", line, reason: `entry ${index}/${count} of a commit whose first entry is missing` }
        commitLine = line
        commitKey = entry.idempotencyKey
        commitCount = count
      } else if (index !== commitIndex + 1 || count !== commitCount || entry.idempotencyKey !== commitKey) {
        return {
          _tag: "Corrupt",
          line,
          reason: `the commit begun at line ${commitLine} (${commitCount} entries, key "${commitKey}") is broken off here`
        }
      }
      commitIndex = index
      commit.push(entry)
      if (index === count) {
        const stop = onCommit(commit)
        if (stop !== undefined) return { _tag: "Stopped", stop }
        commit = []
        end = base + nl + 1
      }
      start = nl + 1
    }
    if (n === 0) break
    buf.copy(buf, 0, start, length)
    base += start
    length -= start
  }

  if (line === 0) {
    // No newline at all: a file cut short while its header was written is treated as new.
    return length < HEADER_LINE.length && buf.subarray(0, length).equals(Buffer.from(HEADER_LINE).subarray(0, length))
      ? { _tag: "Fresh" }
      : { _tag: "Corrupt", line: 1, reason: "the file has no header line" }
  }
  // A bad line followed by more bytes is not a single torn write.
  if (pending !== undefined && length > 0) return { _tag: "Corrupt", line: pending.line, reason: pending.reason }
  let cut: { line: number; reason: string } | undefined
  if (length > 0) cut = { line: line + 1, reason: "the last line has no newline (a write torn by a crash)" }
  if (pending !== undefined) cut = { line: pending.line, reason: `${pending.reason} on the last line (a write torn by a crash)` }
  if (commitIndex < commitCount) {
    // The commit's lines were written but never all of them: it was not acknowledged (and its
    // entries never went to onCommit).
    cut = { line: commitLine, reason: `the last commit holds ${commitIndex} of its ${commitCount} entries (a write torn by a crash)` }
  }
  return cut === undefined ? { _tag: "Entries", end, size } : { _tag: "Entries", end, size, cut }
}
