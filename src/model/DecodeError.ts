/**
 * The typed failure of decoding records: every bad field, each with the path to it (and, for
 * JSON Lines input, the line it is on).
 *
 * @since 0.1.0
 */
import { Data, SchemaIssue } from "effect"

/**
 * One problem found while decoding: where it is and what is wrong.
 *
 * @category models
 * @since 0.1.0
 */
export interface DecodeIssue {
  /** 1-based line number, when the input was JSON Lines. */
  readonly line?: number
  /** The path of the bad field inside the record, e.g. `["citations", 0, "source"]`. */
  readonly path: ReadonlyArray<PropertyKey>
  readonly message: string
}

/** How many issues an error keeps; it counts the rest (`total`). */
export const MAX_ISSUES = 100

/** How much of an input value or key an error message repeats. */
const MAX_QUOTE = 60

/**
 * Cuts a text for an error message: a value or key longer than 60 characters is shown by its
 * beginning and its length, so that a 1 MB id never comes back whole in a message.
 */
export const clipText = (text: string, max: number = MAX_QUOTE): string =>
  text.length <= max ? text : `${text.slice(0, max - 1)}… (${text.length} characters)`

const clipKey = (p: PropertyKey): PropertyKey => (typeof p === "string" ? clipText(p) : p)

// A quoted JSON string of more than 60 characters inside a message.
const longQuoted = new RegExp(`"(?:[^"\\\\]|\\\\.){${MAX_QUOTE},}"`, "g")

/**
 * Cuts the input values a message quotes (Effect's own messages quote the value they reject),
 * then the message itself to a few hundred characters, keeping its end, which says what is wrong.
 */
export const clipMessage = (message: string): string => {
  const quoted = message.length <= MAX_QUOTE ? message : message.replace(longQuoted, (q) => JSON.stringify(clipText(JSON.parse(q) as string)))
  return quoted.length <= 400 ? quoted : `${quoted.slice(0, 200)} … ${quoted.slice(-150)}`
}

/** Formats a path the way error messages show it: `["citations"][0]["source"]`. */
export const formatPath = (path: ReadonlyArray<PropertyKey>): string =>
  Array.isArray(path)
    ? path.map((p: unknown) => `[${typeof p === "string" || typeof p === "number" ? JSON.stringify(clipKey(p)) : clipText(safeString(p))}]`).join("")
    : ""

/** `String(u)`, or a description when `u` cannot be turned into text (an object without a prototype). */
const safeString = (u: unknown): string => {
  try {
    return String(u)
  } catch {
    return typeof u
  }
}

/** Formats one issue as `line 3: at ["when"]: "2011-13-40" is not an EDTF date`. */
export const formatIssue = (issue: DecodeIssue): string => {
  if (typeof issue !== "object" || issue === null) return "at the record: (not an issue)"
  const line = typeof issue.line === "number" ? `line ${issue.line}: ` : ""
  const at = Array.isArray(issue.path) && issue.path.length > 0 ? formatPath(issue.path) : "the record"
  return `${line}at ${at}: ${typeof issue.message === "string" ? clipMessage(issue.message) : "(no message)"}`
}

/**
 * Decoding failed. `issues` lists the bad fields — the first 100 found, in input order; `total`
 * counts them all when there were more — and `message` has one line per issue, such as
 * `at ["when"]: "2011-13-40" is not an EDTF date`. Messages quote at most 60 characters of a
 * value or key.
 *
 * @category errors
 * @since 0.1.0
 */
export class RecordDecodeError extends Data.TaggedError("RecordDecodeError")<{
  readonly issues: ReadonlyArray<DecodeIssue>
  /** How many issues were found in all, when more than `issues` holds. */
  readonly total?: number
}> {
  override get message(): string {
    const lines = this.issues.map(formatIssue)
    const total = this.total ?? this.issues.length
    if (total > this.issues.length) lines.push(`… and ${total - this.issues.length} more issues (${total} in all)`)
    return lines.join("\n")
  }
}

/** Gathers issues from many places (lines, records), keeping the first 100 and counting all. */
export const collectIssues = () => {
  const kept: Array<DecodeIssue> = []
  let total = 0
  return {
    add(error: RecordDecodeError): void {
      for (let i = 0; i < error.issues.length && kept.length < MAX_ISSUES; i++) kept.push(error.issues[i]!)
      total += Math.max(error.total ?? 0, error.issues.length)
    },
    get total(): number {
      return total
    },
    error(): RecordDecodeError {
      return new RecordDecodeError(total > kept.length ? { issues: kept, total } : { issues: kept })
    }
  }
}

const standard = SchemaIssue.makeFormatterStandardSchemaV1({
  leafHook: (issue) =>
    issue._tag === "UnexpectedKey"
      ? "unknown field: not part of this record type (misspelt?)"
      : SchemaIssue.defaultLeafHook(issue)
})

/**
 * The error for an Effect Schema issue tree: its first 100 leaves as `DecodeIssue`s, with long keys
 * and quoted values cut (see `clipMessage`), and the count of all of them.
 */
export const errorFromSchema = (issue: SchemaIssue.Issue, line?: number): RecordDecodeError => {
  const all = standard(issue).issues
  const out: Array<DecodeIssue> = []
  for (let n = 0; n < all.length && n < MAX_ISSUES; n++) {
    const i = all[n]!
    out.push({
      ...(line === undefined ? {} : { line }),
      path: (i.path ?? []).map((p) => (typeof p === "object" && p !== null && "key" in p ? p.key as PropertyKey : p)),
      message: clipMessage(i.message)
    })
  }
  return new RecordDecodeError(all.length > out.length ? { issues: out, total: all.length } : { issues: out })
}
