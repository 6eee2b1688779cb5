/**
 * Output for scripts: `--json` prints one JSON document and nothing else on stdout; `--jsonl`
 * prints JSON Lines, one item a line (the rows of a read command, or the document on one line
 * where there are no rows).
 */
import { Effect } from "effect"
import { Flag } from "effect/cli"
import { usage } from "./failure.js"
import { stdout } from "./terminal.js"

/** The `--json` and `--jsonl` flags of a read command. */
export const jsonFlags = {
  json: Flag.Boolean("json").pipe(Flag.withDescription("Print one JSON document, and nothing else, on stdout"), Flag.withDefault(false)),
  jsonl: Flag.Boolean("jsonl").pipe(Flag.withDescription("Print JSON Lines, one item a line, on stdout"), Flag.withDefault(false))
}

/**
 * Refuses `--json` with `--jsonl` (one document, or one item a line: not both) as a usage error,
 * before the command does anything.
 */
export const checkJsonFlags = (o: { readonly json: boolean; readonly jsonl: boolean }) =>
  o.json && o.jsonl
    ? Effect.fail(usage("--json and --jsonl cannot be used together", "Give --json for one JSON document, or --jsonl for one item a line."))
    : Effect.void

/** Whether a command was asked for JSON. */
export const wantsJson = (o: { readonly json: boolean; readonly jsonl: boolean }): boolean => o.json || o.jsonl

const CHUNK = 1 << 16

/**
 * Prints `document` as JSON (`--json`), or each of `items` (default: the document) as a line
 * of JSON (`--jsonl`).
 */
export const printJson = (o: { readonly json: boolean; readonly jsonl: boolean }, document: unknown, items?: Iterable<unknown>) =>
  Effect.gen(function*() {
    if (!o.jsonl) return yield* stdout(JSON.stringify(document, null, 2) + "\n")
    let buffer = ""
    for (const item of items ?? [document]) {
      buffer += JSON.stringify(item) + "\n"
      if (buffer.length >= CHUNK) {
        yield* stdout(buffer)
        buffer = ""
      }
    }
    yield* stdout(buffer)
  })
