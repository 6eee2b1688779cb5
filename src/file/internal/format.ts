/**
 * The bytes of a journal file: the header line, how a commit's entries become lines, and the scan
 * that reads a file back on open (checksums, entry shapes, commit counters, the torn tail).
 * `FileJournal.ts` describes the format for users; this file is its single implementation.
 */
import * as fs from "node:fs"
import { promisify } from "node:util"
import { crc32 } from "node:zlib"
import { isValidId } from "../../model/IdCheck.js"
import type { StoredEntry } from "../../journal/Entry.js"

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

/** `text`, cut to `max` characters with the length it had, so that no message repeats a huge value. */
export const shorten = (text: string, max = 60): string =>
  text.length <= max ? text : `${text.slice(0, max)}… (${text.length.toLocaleString("en-US")} characters)`

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
  return extra === undefined ? undefined : `unknown field "${shorten(extra)}"`
}

// ---------------------------------------------------------------------------------------------
// Scanning

/** A line at fault: its 1-based number and what is wrong with it. */
export interface Fault {
  readonly line: number
  readonly reason: string
}

/** What the scan of a file found. */
export type Scan<S> =
  /** The file is empty, or holds only the start of a header (a creation cut short): write the header. */
  | { readonly _tag: "Fresh" }
  /**
   * Every complete commit went to `onCommit`; `end` is the byte offset just after the last of
   * them. When `torn` is present, the bytes after `end` are a write torn by a crash, from
   * `torn.line` on. Otherwise any bytes after `end` are NUL bytes only: space the writer had set
   * aside for the next commits (see `reserve`), which holds nothing.
   */
  | { readonly _tag: "Entries"; readonly end: number; readonly size: number; readonly torn?: Fault }
  /** The first line is not a journal header: the file is not a journal this library reads. */
  | { readonly _tag: "NotJournal"; readonly reason: string }
  /**
   * Damage that is not a torn write. The commits before `end` (line `endLine`) are intact and
   * went to `onCommit`; `fault` is the first bad line. The rest of the file was surveyed: `lines`
   * lines follow `end` (the last one maybe without a newline), `damaged` of them fail their own
   * checksum, and `more` names the first few of those (`fault` among them when it is one).
   */
  | {
    readonly _tag: "Corrupt"
    readonly fault: Fault
    readonly end: number
    readonly endLine: number
    readonly size: number
    readonly lines: number
    readonly damaged: number
    readonly more: ReadonlyArray<Fault>
  }
  /** `onCommit` asked to stop, with this value. */
  | { readonly _tag: "Stopped"; readonly stop: S }

/**
 * A line that parsed, or why not. A `local` fault is one the line shows by itself (its checksum
 * does not match, or it has none); the others are lines written whole that do not fit where they
 * stand or say nothing the format allows.
 */
type Parsed =
  | { readonly _tag: "Line"; readonly entry: StoredEntry; readonly index: number; readonly count: number }
  | { readonly _tag: "Bad"; readonly local: boolean; readonly reason: string }

const damaged = (reason: string): Parsed => ({ _tag: "Bad", local: true, reason })
const invalid = (reason: string): Parsed => ({ _tag: "Bad", local: false, reason })

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

const CARRIAGE_RETURN = 0x0d

/** Why the line `buf[start, end)` fails its own checksum, or `undefined` when it passes. */
const checksumProblem = (buf: Buffer, start: number, end: number): string | undefined => {
  if (end > start && buf[end - 1] === CARRIAGE_RETURN) {
    return "the line ends in a carriage return: the file was saved with Windows line endings, which changes every line"
  }
  const lastTab = end - CHECKSUM_TAIL
  if (lastTab <= start || buf[lastTab] !== TAB) return "the line does not end in a tab and a checksum, as every line this library writes does"
  let expected = 0
  for (let p = lastTab + 1; p < end; p++) {
    const d = hexDigit(buf[p]!)
    if (d < 0) return "the line's checksum is not 8 lowercase hex digits"
    expected = expected * 16 + d
  }
  return crc32(buf.subarray(start, lastTab)) === expected ? undefined : "checksum mismatch: the line was changed after it was written"
}

/** Parses the entry line `buf[start, end)` (newline excluded). */
const parseLine = (buf: Buffer, start: number, end: number): Parsed => {
  const problem = checksumProblem(buf, start, end)
  if (problem !== undefined) return damaged(problem)
  const lastTab = end - CHECKSUM_TAIL
  // JSON text holds no raw tab, so the tab before the counter is the last one before `lastTab`.
  let counterTab = lastTab - 1
  const stop = Math.max(start, lastTab - MAX_COUNTER)
  while (counterTab >= stop && buf[counterTab] !== TAB) counterTab--
  if (counterTab < stop) return invalid("the line has no commit counter")
  let slash = counterTab + 1
  while (slash < lastTab && buf[slash] !== 0x2f) slash++
  const index = decimal(buf, counterTab + 1, slash)
  const count = decimal(buf, slash + 1, lastTab)
  if (index < 1 || count < index) return invalid("the commit counter is not <i>/<n> with 1 <= i <= n")
  let json: unknown
  try {
    json = JSON.parse(buf.toString("utf8", start, counterTab))
  } catch (e) {
    return invalid(`the entry is not JSON (${shorten(e instanceof Error ? e.message : String(e), 100)})`)
  }
  const shape = storedEntryProblem(json)
  if (shape !== undefined) return invalid(shape)
  return { _tag: "Line", entry: json as StoredEntry, index, count }
}

/**
 * The entries of whole entry lines read back from a journal (`buf` ends in a newline), or the
 * first line at fault: its number counted from `firstLine`, and why.
 */
export const parseLines = (buf: Buffer, firstLine: number): Array<StoredEntry> | Fault => {
  const out: Array<StoredEntry> = []
  let start = 0
  for (let nl = buf.indexOf(NEWLINE, start); nl !== -1; nl = buf.indexOf(NEWLINE, start)) {
    const parsed = parseLine(buf, start, nl)
    if (parsed._tag === "Bad") return { line: firstLine + out.length, reason: parsed.reason }
    out.push(parsed.entry)
    start = nl + 1
  }
  return start === buf.length ? out : { line: firstLine + out.length, reason: "the line has no newline" }
}

/** The offset of each line of the lines `bytes`, which start at the file offset `at`. */
export const lineStarts = (bytes: Buffer, at: number): Array<number> => {
  const starts: Array<number> = []
  for (let start = 0; start < bytes.length;) {
    starts.push(at + start)
    const nl = bytes.indexOf(NEWLINE, start)
    start = nl === -1 ? bytes.length : nl + 1
  }
  return starts
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf])
/** A first line longer than this is not a header: the scan stops there instead of reading on. */
const MAX_HEADER = 4096

/** Checks the header line `buf[start, end)` (newline excluded; a leading BOM is skipped). */
const headerProblem = (buf: Buffer, start: number, end: number): string | undefined => {
  if (buf.subarray(start, start + 3).equals(BOM)) start += 3
  const notHeader = `the first line is not a journal header (${HEADER_LINE.trimEnd()}): this file is not a journal`
  if (end - start > MAX_HEADER) return notHeader
  let header: unknown
  try {
    header = JSON.parse(buf.toString("utf8", start, end))
  } catch {
    return notHeader
  }
  if (!isObject(header) || header["format"] !== FORMAT) return notHeader
  if (header["version"] !== VERSION) {
    return `the journal is in format version ${shorten(JSON.stringify(header["version"]) ?? "none")}, and this library reads version ${VERSION} only: open it with the version of protest-chronicle that wrote it`
  }
  return undefined
}

/** The counter text, the checksum and the newline a line can still hold after its JSON. */
const lineEnd = /^\t(\d{0,9}(\/\d{0,9}(\t[0-9a-f]{0,8})?)?)?$/

/**
 * True when the unterminated last line `fragment`, less any NUL bytes it ends in (blocks a file
 * system allocated but did not write before the crash), could be the start of the line this
 * library would write there: the entry at `position`, with the counter `counter` (`<i>/<n>`, or
 * `undefined` for the first line of a commit: `1/<n>` with any n). A fragment that could not be
 * (text appended by something else, or a last line whose newline was damaged) is corruption, not
 * a torn write.
 */
const couldBeTorn = (fragment: Buffer, position: number, counter: string | undefined): boolean => {
  let length = fragment.length
  while (length > 0 && fragment[length - 1] === 0) length--
  const text = fragment.subarray(0, length)
  const tab = text.indexOf(TAB)
  const json = tab === -1 ? text : text.subarray(0, tab)
  const opening = Buffer.from(`{"position":${position},`)
  const shared = Math.min(json.length, opening.length)
  if (!json.subarray(0, shared).equals(opening.subarray(0, shared))) return false
  if (tab === -1) return true
  const rest = text.toString("latin1", tab)
  if (rest.length > MAX_COUNTER + CHECKSUM_TAIL + 1 || !lineEnd.test(rest)) return false
  const [written = "", checksum] = rest.slice(1).split("\t")
  if (counter === undefined) {
    // The first line of a commit: `1/<n>`.
    return written.length <= 2 ? "1/".startsWith(written) && checksum === undefined : written.startsWith("1/")
  }
  return checksum === undefined ? counter.startsWith(written) : written === counter
}

/**
 * The writer sets aside space at the end of the file in steps of this size, filled with NUL bytes,
 * so that a small commit overwrites blocks the file system has already allocated and written: its
 * sync then flushes data only, without the journal commit that a growing file needs.
 */
export const RESERVE_STEP = 1024 * 1024

/**
 * The bytes to write for a commit `commit` at offset `end` of a file whose first `allocated` bytes
 * exist: the commit itself, followed, when it reaches past `allocated` and is smaller than a step,
 * by NUL bytes up to the next multiple of `RESERVE_STEP` (a larger commit is written as it is: its
 * own size already spreads the cost of growing the file).
 */
export const reserve = (commit: Buffer, end: number, allocated: number): Buffer => {
  const last = end + commit.length
  if (last <= allocated || commit.length >= RESERVE_STEP) return commit
  const padded = Buffer.alloc(Math.ceil(last / RESERVE_STEP) * RESERVE_STEP - end)
  commit.copy(padded)
  return padded
}

const ZEROS = Buffer.alloc(64 * 1024)

/** True when `bytes` holds NUL bytes only. */
const isAllNul = (bytes: Buffer): boolean => {
  for (let at = 0; at < bytes.length; at += ZEROS.length) {
    const n = Math.min(ZEROS.length, bytes.length - at)
    if (!bytes.subarray(at, at + n).equals(ZEROS.subarray(0, n))) return false
  }
  return true
}

const CHUNK = 8 * 1024 * 1024
/** How many bad lines after the first a corruption report names. */
const NAMED = 5

const read = promisify(fs.read)
const fstat = promisify(fs.fstat)

/**
 * Reads the open file `fd` from its start in large chunks (asynchronously: the event loop runs
 * between chunks) and checks every line, handing the entries of each complete commit, in order,
 * to `onCommit`, which may stop the scan by returning a value other than `undefined`.
 *
 * A torn write (a crash while a commit was written) leaves exactly this: after the last complete
 * commit, zero or more whole lines of one commit (fewer than its n), then a last line without a
 * newline that is the start of the next line the writer would write. That is `Entries` with
 * `torn`, and the entries of the unfinished commit never reach `onCommit`. Anything else bad is
 * `Corrupt`: a whole line (newline-terminated) whose checksum fails, or whose content or place is
 * wrong; a last commit short of lines whose last line is whole; a last line without a newline
 * that the writer could not have begun there. Rejects only on I/O errors.
 */
export const scanFile = async <S>(
  fd: number,
  onCommit: (entries: ReadonlyArray<StoredEntry>, starts: ReadonlyArray<number>) => S | undefined
): Promise<Scan<S>> => {
  const { size } = await fstat(fd)
  let buf = Buffer.allocUnsafe(Math.min(CHUNK, Math.max(size, HEADER_LINE.length)))
  let length = 0 // bytes of `buf` holding file data
  let base = 0 // file offset of buf[0]
  let offset = 0 // file offset of the next read

  let line = 0
  let commit: Array<StoredEntry> = []
  let starts: Array<number> = [] // the file offset of each line of `commit`
  let end = 0 // offset after the last complete commit
  let endLine = 1 // the line that starts at `end`
  // The open commit: its first line, its key, its size, and how far its counter has got.
  let commitLine = 0
  let commitKey = ""
  let commitIndex = 0
  let commitCount = 0
  // Once a fault is found, the rest of the file is only surveyed.
  let fault: Fault | undefined
  let lines = 0
  let bad = 0
  const more: Array<Fault> = []
  const enterSurvey = (at: Fault, local: boolean) => {
    fault = at
    lines = at.line - endLine + 1
    bad = local ? 1 : 0
    if (local) more.push(at)
  }

  for (;;) {
    if (length === buf.length && offset < size) {
      const bigger = Buffer.allocUnsafe(buf.length * 2)
      buf.copy(bigger, 0, 0, length)
      buf = bigger
    }
    const n = offset < size ? await read(fd, buf, length, buf.length - length, offset).then((r) => r.bytesRead) : 0
    offset += n
    length += n
    const view = buf.subarray(0, length)
    let start = 0
    for (let nl = view.indexOf(NEWLINE, start); nl !== -1; nl = view.indexOf(NEWLINE, start)) {
      line++
      if (fault !== undefined) {
        lines++
        const problem = checksumProblem(buf, start, nl)
        if (problem !== undefined) {
          bad++
          if (more.length < NAMED) more.push({ line, reason: problem })
        }
        start = nl + 1
        continue
      }
      if (line === 1) {
        const problem = headerProblem(buf, start, nl)
        if (problem !== undefined) return { _tag: "NotJournal", reason: problem }
        end = base + nl + 1
        endLine = 2
        start = nl + 1
        continue
      }
      const parsed = parseLine(buf, start, nl)
      const lineStart = base + start
      start = nl + 1
      if (parsed._tag === "Bad") {
        enterSurvey({ line, reason: parsed.reason }, parsed.local)
        continue
      }
      const { count, entry, index } = parsed
      if (entry.position !== line - 1) {
        enterSurvey({ line, reason: `line ${line} must hold position ${line - 1}, but holds position ${entry.position}` }, false)
        continue
      }
      if (commitIndex === commitCount) {
        if (index !== 1) {
          enterSurvey({ line, reason: `entry ${index}/${count} of a commit whose first entry is missing` }, false)
          continue
        }
        commitLine = line
        commitKey = entry.idempotencyKey
        commitCount = count
      } else if (index !== commitIndex + 1 || count !== commitCount || entry.idempotencyKey !== commitKey) {
        enterSurvey({
          line,
          reason: `the commit begun at line ${commitLine} (${commitCount} entries, key "${shorten(commitKey)}") is broken off here`
        }, false)
        continue
      }
      commitIndex = index
      commit.push(entry)
      starts.push(lineStart)
      if (index === count) {
        const stop = onCommit(commit, starts)
        if (stop !== undefined) return { _tag: "Stopped", stop }
        commit = []
        starts = []
        end = base + nl + 1
        endLine = line + 1
      }
    }
    if (n === 0) break
    if (line === 0 && length > MAX_HEADER) {
      return { _tag: "NotJournal", reason: headerProblem(buf, 0, length) ?? "the first line is too long" }
    }
    buf.copy(buf, 0, start, length)
    base += start
    length -= start
  }

  const corrupt = (): Scan<S> => ({ _tag: "Corrupt", fault: fault!, end, endLine, size, lines, damaged: bad, more })
  const fragment = buf.subarray(0, length)
  // NUL bytes after the last newline: space set aside, or blocks allocated and never written.
  const reserved = length > 0 && isAllNul(fragment)
  if (fault !== undefined) {
    if (length > 0 && !reserved) {
      lines++
      bad++
      if (more.length < NAMED) more.push({ line: line + 1, reason: "the last line has no newline" })
    }
    return corrupt()
  }
  if (line === 0) {
    // No newline at all: a file cut short while its header was written is treated as new.
    return length < HEADER_LINE.length && fragment.equals(Buffer.from(HEADER_LINE).subarray(0, length))
      ? { _tag: "Fresh" }
      : { _tag: "NotJournal", reason: headerProblem(buf, 0, length) ?? "the file has no header line" }
  }
  const open = commitIndex < commitCount
  // After a complete commit, reserved space holds nothing: it is kept for the next commits.
  if (length > 0 && !(reserved && !open)) {
    const counter = open ? `${commitIndex + 1}/${commitCount}` : undefined
    if (couldBeTorn(fragment, line, counter)) {
      const reason = open
        ? `the commit begun at line ${commitLine} holds ${commitIndex} of its ${commitCount} entries and the next line has no newline: a write cut short by a crash`
        : "the last line has no newline: a write cut short by a crash"
      return { _tag: "Entries", end, size, torn: { line: open ? commitLine : line + 1, reason } }
    }
    enterSurvey({
      line: line + 1,
      reason: `the last line has no newline, and it is not the start of entry ${line} as this library writes it (text appended by another program, or a damaged newline)`
    }, true)
    return corrupt()
  }
  if (open) {
    enterSurvey({
      line: commitLine,
      reason: `the last commit, begun at line ${commitLine}, holds ${commitIndex} of its ${commitCount} entries, yet its last line is whole. ` +
        "A crash leaves the line it stops in unfinished, so lines of a finished commit have probably been removed"
    }, false)
    lines = line - endLine + 1
    return corrupt()
  }
  return { _tag: "Entries", end, size }
}
