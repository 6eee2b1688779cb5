/**
 * The typed failure of decoding records: every bad field, each with the path to it (and, for
 * JSON Lines input, the line it is on).
 *
 * @since 0.1.0
 */
import { Data, SchemaIssue } from "effect"

/** One problem found while decoding: where it is and what is wrong. */
export interface DecodeIssue {
  /** 1-based line number, when the input was JSON Lines. */
  readonly line?: number
  /** The path of the bad field inside the record, e.g. `["citations", 0, "source"]`. */
  readonly path: ReadonlyArray<PropertyKey>
  readonly message: string
}

/** Formats a path the way error messages show it: `["citations"][0]["source"]`. */
export const formatPath = (path: ReadonlyArray<PropertyKey>): string =>
  path.map((p) => `[${typeof p === "symbol" ? String(p) : JSON.stringify(p)}]`).join("")

/** Formats one issue as `line 3: at ["when"]: "2011-13-40" is not an EDTF date`. */
export const formatIssue = (issue: DecodeIssue): string =>
  `${issue.line === undefined ? "" : `line ${issue.line}: `}at ${issue.path.length === 0 ? "the record" : formatPath(issue.path)}: ${issue.message}`

/**
 * Decoding failed. `issues` lists every bad field; `message` has one line per issue, such as
 * `at ["when"]: "2011-13-40" is not an EDTF date`.
 */
export class RecordDecodeError extends Data.TaggedError("RecordDecodeError")<{
  readonly issues: ReadonlyArray<DecodeIssue>
}> {
  override get message(): string {
    return this.issues.map(formatIssue).join("\n")
  }
}

const standard = SchemaIssue.makeFormatterStandardSchemaV1({
  leafHook: (issue) =>
    issue._tag === "UnexpectedKey"
      ? "unknown field: not part of this record type (misspelt?)"
      : SchemaIssue.defaultLeafHook(issue)
})

/** Flattens an Effect Schema issue tree into `DecodeIssue`s. */
export const issuesFromSchema = (issue: SchemaIssue.Issue, line?: number): ReadonlyArray<DecodeIssue> =>
  standard(issue).issues.map((i) => ({
    ...(line === undefined ? {} : { line }),
    path: (i.path ?? []).map((p) => (typeof p === "object" && p !== null && "key" in p ? p.key : p)) as ReadonlyArray<PropertyKey>,
    message: i.message
  }))
