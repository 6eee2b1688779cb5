/**
 * The typed errors of journals.
 *
 * @since 0.1.0
 */
import { Data } from "effect"
import type { Expected, StreamRef } from "./Entry.js"

const show = (stream: StreamRef): string => `${stream.type}/${stream.id}`

/** A cause as text, cut short; a cause that cannot be turned into text (a proxy, say) is named so. */
const describeCause = (cause: unknown): string => {
  try {
    const text = cause instanceof Error ? cause.message : String(cause)
    return text.length <= 300 ? text : `${text.slice(0, 299)}… (${text.length} characters)`
  } catch {
    return "a cause that cannot be shown as text"
  }
}

/**
 * A commit expected a stream at one revision and found it at another. Nothing was written.
 * `actual` is `"none"` when the stream does not exist.
 *
 * @category errors
 * @since 0.1.0
 */
export class ConflictError extends Data.TaggedError("ConflictError")<{
  readonly stream: StreamRef
  readonly expected: Expected
  readonly actual: "none" | number
}> {
  override get message(): string {
    if (this.expected === "none" && this.actual !== "none") {
      return `${show(this.stream)} exists already (revision ${this.actual}): to change it, use correct() with a reason ` +
        `(it also restores a retracted record); to append regardless, give expected: ${this.actual}`
    }
    if (this.actual === "none") return `${show(this.stream)} does not exist (expected revision ${String(this.expected)}): record it first`
    return `conflict on ${show(this.stream)}: expected revision ${String(this.expected)}, found ${this.actual} ` +
      "(someone else wrote to it since you read it: read it again and retry)"
  }
}

/**
 * A commit is malformed (no appends, a stream twice, a record in the wrong stream…). Nothing was written.
 *
 * @category errors
 * @since 0.1.0
 */
export class InvalidCommitError extends Data.TaggedError("InvalidCommitError")<{
  readonly reason: string
  /** Index of the append at fault, when there is one. */
  readonly append?: number
}> {
  override get message(): string {
    return this.append === undefined ? this.reason : `append ${this.append}: ${this.reason}`
  }
}

/**
 * Another writer holds the journal file's lock.
 *
 * @category errors
 * @since 0.1.0
 */
export class JournalLockedError extends Data.TaggedError("JournalLockedError")<{
  readonly path: string
  readonly holder: { readonly pid: number; readonly hostname: string; readonly since: string }
}> {
  override get message(): string {
    return `${this.path} is locked by process ${this.holder.pid} on ${this.holder.hostname} since ${this.holder.since}: ` +
      `close the journal there first (if that process is not using it, remove ${this.path}.lock)`
  }
}

/**
 * A stored entry is damaged or cannot be read. `line` is 1-based, in files. `reason` says what is
 * wrong and what to do. `damagedLines`, from the file store, counts the lines from the last intact
 * commit to the end of the file that fail their own checksum (the reason names the first few).
 *
 * @category errors
 * @since 0.1.0
 */
export class JournalCorruptionError extends Data.TaggedError("JournalCorruptionError")<{
  readonly path: string
  readonly line?: number
  readonly position?: number
  readonly reason: string
  readonly damagedLines?: number
}> {
  override get message(): string {
    const at = this.line !== undefined ? `line ${this.line}` : this.position !== undefined ? `position ${this.position}` : "header"
    return `${this.path}: ${at}: ${this.reason}`
  }
}

/**
 * An I/O failure of the store behind a journal, with the method that failed and its cause.
 *
 * @category errors
 * @since 0.1.0
 */
export class JournalStoreError extends Data.TaggedError("JournalStoreError")<{
  readonly method: string
  readonly cause: unknown
}> {
  override get message(): string {
    return `journal ${this.method} failed: ${describeCause(this.cause)}`
  }
}

/**
 * Every error a journal's reads can fail with.
 *
 * @category errors
 * @since 0.1.0
 */
export type ReadError = JournalStoreError | JournalCorruptionError

/**
 * Every error a commit can fail with.
 *
 * @category errors
 * @since 0.1.0
 */
export type CommitError = ConflictError | InvalidCommitError | JournalStoreError
