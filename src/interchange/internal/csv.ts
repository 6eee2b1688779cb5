/**
 * CSV reading and writing for the interchange formats, through csv-parse and csv-stringify.
 *
 * Which build of them: their default entries import Node's `stream`, and even their `sync`
 * entries call the global `Buffer` as the module loads, so neither runs in a browser, Deno's
 * plain scripts or an edge runtime. Their `browser/esm/sync` builds are the same parser and writer
 * bundled with a `Buffer` of their own and no import at all, but that `Buffer` encodes and
 * decodes UTF-8 in JavaScript: parsing runs 2.5–3× slower than with Node's native one (measured
 * on 20,000 ACLED rows). So the package's own `imports` map (`#csv-parse`, `#csv-stringify` in
 * package.json) gives Node (and Bun, Deno) the `sync` entries and every other runtime, and any
 * bundler targeting the browser, the browser builds; tsup leaves these imports in `dist/` for the
 * runtime to resolve. The sync API is what both builds share.
 *
 * The sync API is stateless, so streaming is done here by cutting the input into runs of complete
 * records: a record ends at a line break outside quotes, and a line break is outside quotes
 * exactly when the quote characters before it are even in number (RFC 4180 escapes a quote by
 * doubling it). That count is the only thing read here; every field is parsed by csv-parse.
 *
 * Text arrives as strings or as UTF-8 bytes; bytes are decoded strictly (an invalid sequence is
 * an error with its byte offset, never a replacement character), and a byte-order mark is dropped.
 */
import { parse } from "#csv-parse"
import { stringify } from "#csv-stringify"

/** Where reading CSV failed: a line (1-based) when csv-parse knows it, or a byte offset for bad UTF-8. */
export interface CsvProblem {
  readonly line?: number
  readonly byte?: number
  readonly reason: string
}

/** Parses complete records (no trailing partial record) into rows of cells. Never throws. */
export const parseRecords = (text: string, firstLine: number): ReadonlyArray<ReadonlyArray<string>> | CsvProblem => {
  try {
    return parse(text, {
      relax_column_count: true,
      skip_empty_lines: true,
      bom: true
    }) as ReadonlyArray<ReadonlyArray<string>>
  } catch (error) {
    const e = error as { readonly message?: unknown; readonly lines?: unknown; readonly code?: unknown }
    const lines = typeof e.lines === "number" ? e.lines : undefined
    const message = typeof e.message === "string" ? e.message.replace(/^Invalid [^:]*: /, "") : String(error)
    return { ...(lines === undefined ? {} : { line: firstLine + lines - 1 }), reason: message.slice(0, 300) }
  }
}

/** Writes rows of cells as CSV text, CRLF line ends as RFC 4180 has them, after `header` when given. */
export const stringifyRows = (rows: ReadonlyArray<ReadonlyArray<string>>, header?: ReadonlyArray<string>): string => {
  const body = stringify(rows as Array<Array<string>>, { record_delimiter: "windows" })
  return header === undefined ? body : stringify([header as Array<string>], { record_delimiter: "windows" }) + body
}

/**
 * Cuts a text stream into runs of complete records: `push` takes the next chunk and returns the
 * complete records it finished (as text, with the line number the run starts on); `end` returns
 * what is left. Memory: one partial record at most between chunks.
 */
export class RecordCutter {
  // Text scanned but not yet given out, kept as parts so that a long record arriving in many
  // small chunks is not copied again for each chunk.
  private parts: Array<string> = []
  private partsLength = 0
  // A CR that ended the last chunk: it may be the first half of a CRLF, so it waits.
  private held = ""
  private quotes = 0
  private line = 1

  push(chunk: string): { readonly text: string; readonly line: number } | undefined {
    let s = this.held + chunk
    this.held = ""
    if (s.charCodeAt(s.length - 1) === 13) {
      this.held = "\r"
      s = s.slice(0, -1)
    }
    // Jump from quote to quote (indexOf runs at memchr speed): between two quotes the parity is
    // fixed, and where it is even the last line break of the stretch is a record boundary.
    const hasLf = s.indexOf("\n") >= 0
    const hasCr = s.indexOf("\r") >= 0
    let quotes = this.quotes
    let cut = -1
    let cutQuotes = 0
    // The first LF and CR at or after `from`, searched forward only, so that the scan stays
    // linear however the quotes fall; a backward search runs only where a break is known to be.
    let nextLf = -1
    let nextCr = -1
    for (let from = 0; ;) {
      const q = s.indexOf("\"", from)
      const to = q < 0 ? s.length : q
      if ((quotes & 1) === 0) {
        if (hasLf && nextLf < from) nextLf = s.indexOf("\n", from) >>> 0 // -1 becomes 2^32 - 1: none ahead
        if (hasCr && nextCr < from) nextCr = s.indexOf("\r", from) >>> 0
        const lf = hasLf && nextLf < to ? s.lastIndexOf("\n", to - 1) : -1
        let cr = hasCr && nextCr < to ? s.lastIndexOf("\r", to - 1) : -1
        if (cr >= 0 && s.charCodeAt(cr + 1) === 10) cr = -1 // the CR of a CRLF: its LF ends the line
        const last = Math.max(lf, cr)
        if (last >= from) {
          cut = last + 1
          cutQuotes = quotes
        }
      }
      if (q < 0) break
      quotes++
      from = q + 1
    }
    this.quotes = quotes
    if (cut < 0) {
      this.parts.push(s)
      this.partsLength += s.length
      return undefined
    }
    const text = (this.parts.length === 0 ? "" : this.parts.join("")) + s.slice(0, cut)
    const rest = s.slice(cut)
    this.parts = rest === "" ? [] : [rest]
    this.partsLength = rest.length
    this.quotes -= cutQuotes
    const line = this.line
    this.line += lineBreaks(text)
    return { text, line }
  }

  end(): { readonly text: string; readonly line: number } | undefined {
    const text = this.parts.join("") + this.held
    this.parts = []
    this.partsLength = 0
    this.held = ""
    this.quotes = 0
    return text === "" ? undefined : { text, line: this.line }
  }

  /** How many characters wait for the rest of their record. */
  get pending(): number {
    return this.partsLength + this.held.length
  }
}

// How many lines a text ends: LF, CRLF and a lone CR each end one.
const lineBreaks = (text: string): number => {
  let count = 0
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) count++
  if (text.indexOf("\r") >= 0) for (let i = text.indexOf("\r"); i >= 0; i = text.indexOf("\r", i + 1)) if (text.charCodeAt(i + 1) !== 10) count++
  return count
}

/** Decodes UTF-8 bytes strictly, chunk by chunk; an invalid sequence is a problem with its byte offset. */
export class Utf8Reader {
  private readonly decoder = new TextDecoder("utf-8", { fatal: true })
  private offset = 0
  private first = true

  push(bytes: Uint8Array, last: boolean): string | CsvProblem {
    let text: string
    try {
      text = this.decoder.decode(bytes, { stream: !last })
    } catch {
      return { byte: this.offset + firstInvalid(bytes), reason: "the bytes are not valid UTF-8" }
    }
    this.offset += bytes.length
    if (this.first && text.length > 0) {
      this.first = false
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
    }
    return text
  }
}

// The offset of the first byte that does not begin a valid UTF-8 sequence (the error path only).
const firstInvalid = (bytes: Uint8Array): number => {
  const strict = new TextDecoder("utf-8", { fatal: true })
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!
    const size = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0
    if (size === 0) return i
    if (i + size > bytes.length) return i
    try {
      strict.decode(bytes.subarray(i, i + size))
    } catch {
      return i
    }
    i += size - 1
  }
  return bytes.length
}
