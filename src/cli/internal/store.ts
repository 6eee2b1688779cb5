/**
 * Where the chronicle is, from the global flags: the JSON Lines file of `--journal` (default
 * `./chronicle.jsonl`), or the PostgreSQL server of `--postgres` (or `PROTEST_CHRONICLE_PG_URL`)
 * in the schema of `--pg-schema`. `withChronicle` runs a command's work against it: a write
 * creates the file when it does not exist yet; a read of a file that does not exist says how to
 * make one instead of creating it.
 */
import { Effect, Layer, Option } from "effect"
import { Flag, GlobalFlag } from "effect/cli"
import * as fs from "node:fs"
import { Chronicle, Journal } from "protest-chronicle"
import { layerFile } from "protest-chronicle/file"
import { layerPostgres } from "protest-chronicle/postgres"
import { refused, usage } from "./failure.js"

/** `--journal <file>`: the file journal (default `./chronicle.jsonl`). */
export const JournalFlag = GlobalFlag.Setting("journal")({
  flag: Flag.String("journal").pipe(
    Flag.withMetavar("file"),
    Flag.withDescription("The journal file (default ./chronicle.jsonl); created by the first write"),
    Flag.optional
  )
})

/** `--postgres <url>`: the PostgreSQL journal (or `PROTEST_CHRONICLE_PG_URL`). */
export const PostgresFlag = GlobalFlag.Setting("postgres")({
  flag: Flag.String("postgres").pipe(
    Flag.withMetavar("url"),
    Flag.withDescription("A PostgreSQL journal instead of the file, e.g. postgres://user@host/db (or PROTEST_CHRONICLE_PG_URL)"),
    Flag.optional
  )
})

/** `--pg-schema <name>`: the schema of the PostgreSQL journal. */
export const SchemaFlag = GlobalFlag.Setting("pg-schema")({
  flag: Flag.String("pg-schema").pipe(
    Flag.withMetavar("name"),
    Flag.withDescription("The PostgreSQL schema that holds the journal (default protest_chronicle)"),
    Flag.optional
  )
})

/** `--verbose`: errors with their cause and stack. */
export const VerboseFlag = GlobalFlag.Setting("verbose")({
  flag: Flag.Boolean("verbose").pipe(Flag.withDescription("On failure, print the cause and stack trace too"), Flag.withDefault(false))
})

/** The flags every command takes. */
export const globalFlags = [JournalFlag, PostgresFlag, SchemaFlag, VerboseFlag] as const

/** Where the chronicle is. */
export type Where =
  | { readonly _tag: "file"; readonly path: string }
  | { readonly _tag: "postgres"; readonly url: string; readonly schema: string | undefined }

/** Reads the global flags into a `Where`: `--postgres`, else the variable, else the file. */
export const where = Effect.gen(function*() {
  const journal = yield* JournalFlag
  const postgres = yield* PostgresFlag
  const schema = yield* SchemaFlag
  if (Option.isSome(journal) && journal.value.trim() === "") return yield* usage("--journal is empty", "Give the path of a journal file, such as chronicle.jsonl.")
  if (Option.isSome(postgres) && postgres.value.trim() === "") return yield* usage("--postgres is empty", "Give a PostgreSQL URL, such as postgres://user@host/db.")
  const env = process.env["PROTEST_CHRONICLE_PG_URL"]
  const url = Option.isSome(postgres) ? postgres.value : Option.isNone(journal) && env !== undefined && env !== "" ? env : undefined
  if (url !== undefined) return { _tag: "postgres", url, schema: Option.getOrUndefined(schema) } as Where
  return { _tag: "file", path: Option.getOrElse(journal, () => "./chronicle.jsonl") } as Where
})

/** How to name a `Where` to a person. */
export const describeWhere = (w: Where): string =>
  w._tag === "file" ? w.path : `PostgreSQL ${w.url.replace(/\/\/[^@/]*@/, "//…@")}${w.schema === undefined ? "" : ` (schema ${w.schema})`}`

/**
 * The entries a file journal opened for an import keeps in memory: later ones are read back from
 * the file when asked for, so that a large import's memory does not grow with the journal.
 */
export const IMPORT_KEEP = 10_000

/** The journal layer of a `Where`; `keepInMemory` bounds a file journal's memory (see `layerFile`). */
export const journalLayer = (w: Where, keepInMemory?: number) =>
  w._tag === "file"
    ? layerFile(w.path, keepInMemory === undefined ? {} : { keepInMemory })
    : layerPostgres({ connection: w.url, ...(w.schema === undefined ? {} : { schema: w.schema }) })

/** Whether a file journal exists already (a PostgreSQL journal always may be opened). */
export const exists = (w: Where): boolean => w._tag === "postgres" || fs.existsSync(w.path)

/**
 * Runs `work` with the chronicle and its journal. `mode: "read"` refuses a file that does not
 * exist; `"write"` creates it, and removes it again when the command fails before anything was
 * committed to it, so that a refused write leaves no journal behind; `"import"` too, and keeps
 * only the first `IMPORT_KEEP` entries of a file journal in memory. Failures of opening the store
 * come out as plain lines.
 */
export const withChronicle = <A, E, R>(
  mode: "read" | "write" | "import",
  work: (w: Where) => Effect.Effect<A, E, R | Chronicle.Chronicle | Journal.Journal>
) =>
  Effect.flatMap(where, (w) => withChronicleAt(w, mode, work))

/** `withChronicle` on a given journal (the demo's copy of the bundled dataset, say). */
export const withChronicleAt = <A, E, R>(
  w: Where,
  mode: "read" | "write" | "import",
  work: (w: Where) => Effect.Effect<A, E, R | Chronicle.Chronicle | Journal.Journal>
) =>
  Effect.gen(function*() {
    if (mode === "read" && !exists(w)) {
      return yield* refused(`no journal at ${describeWhere(w)}`, "Create one with `protest-chronicle init` (or import into it), or name another with --journal <file>.")
    }
    const created = w._tag === "file" && !exists(w)
    const layer = Layer.provideMerge(Chronicle.layer(), journalLayer(w, mode === "import" ? IMPORT_KEEP : undefined))
    // A journal this command created and wrote nothing to is removed while the command still
    // holds its lock, so that no other writer can have begun to use it meanwhile.
    const guarded = created
      ? Effect.onError(work(w), () =>
        Effect.flatMap(Effect.service(Journal.Journal), (journal) =>
          Effect.flatMap(Effect.orElseSucceed(journal.head, () => 1), (head) => (head === 0 ? removeQuietly(w.path) : Effect.void))))
      : work(w)
    return yield* Effect.provide(guarded, layer)
  })

/** Removes a file; one that cannot be removed is left (an empty journal is harmless). */
const removeQuietly = (path: string) =>
  Effect.sync(() => {
    try {
      fs.rmSync(path, { force: true })
    } catch {
      // left behind
    }
  })
