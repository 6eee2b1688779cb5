/**
 * Entries between rows and readers: a row of `<schema>.entries` becomes a `StoredEntry`, which the
 * journal core upcasts and decodes like any store's; and an entry becomes a `StoredEntry` again for
 * read models that keep entries in their state.
 */
import { Result } from "effect"
import type { Entry, StoredEntry } from "../../journal/Entry.js"
import { decodeStored, isStoredEntry, storedBody, storedOf } from "../../journal/StoreKit.js"
import type { Upcaster } from "../../journal/Upcast.js"
import type { Vocabulary } from "../../model/Vocabulary.js"
import type { EntryCodec } from "../ReadModel.js"
import type { PagedQuery } from "./pages.js"

/**
 * How entries are read, in pages bounded by count and bytes (`readPage`), following positions
 * or, within one stream, revisions. The idempotency key, author, reason and body may be large;
 * the rest is small by construction (ids are at most 200 characters).
 */
export const entryQuery = (schema: string, order: "position" | "revision" = "position", where?: string): PagedQuery => ({
  table: `${schema}.entries`,
  small: ["position", "stream_type", "stream_id", "revision", "(extract(epoch FROM recorded_at) * 1000)::bigint AS recorded_ms"],
  large: ["idempotency_key", "author", "reason", "body"],
  size: "octet_length(idempotency_key) + coalesce(octet_length(author), 0) + coalesce(octet_length(reason), 0) + body_size",
  order,
  orderType: order === "position" ? "bigint" : "integer",
  ...(where === undefined ? {} : { where }),
  identity: (row) => ({ where: "position = $1::bigint", params: [String(row["position"])] })
})

/** A row of `entryQuery` as the driver gives it (bigint columns arrive as `bigint`). */
export interface EntryRow {
  readonly position: bigint | number
  readonly stream_type: string
  readonly stream_id: string
  readonly revision: number
  readonly recorded_ms: bigint | number
  readonly idempotency_key: string
  readonly author: string | null
  readonly reason: string | null
  readonly body: unknown
}

/** A row as a stored entry, the form the shared decoder reads. */
export const rowToStored = (row: EntryRow): unknown => ({
  position: Number(row.position),
  stream: { type: row.stream_type, id: row.stream_id },
  revision: row.revision,
  recordedAt: new Date(Number(row.recorded_ms)).toISOString(),
  idempotencyKey: row.idempotency_key,
  ...(row.author === null ? {} : { author: row.author }),
  ...(row.reason === null ? {} : { reason: row.reason }),
  body: row.body
})

/** The entry codec of a journal with these migrations and this vocabulary. */
export const makeEntryCodec = (upcaster: Upcaster, vocabulary: Vocabulary): EntryCodec => ({
  decode: (stored) => {
    if (!isStoredEntry(stored)) return Result.fail(`not a stored entry: ${JSON.stringify(stored)?.slice(0, 200)}`)
    return decodeStored(stored as StoredEntry, upcaster, vocabulary)
  },
  encode: (entry) => {
    const body = entry.body
    return storedOf(
      entry,
      isoOf(entry.recordedAt),
      body._tag === "retraction"
        ? storedBody(upcaster, body)
        : storedBody(upcaster, { _tag: "revision", record: body.record, encoded: vocabulary.encode(body.record) })
    )
  }
})

// The entries of a commit share their record time: convert each instant once in a row.
let lastInstant = Number.NaN
let lastIso = ""
const isoOf = (instant: number): string => {
  if (instant !== lastInstant) {
    lastIso = new Date(instant).toISOString()
    lastInstant = instant
  }
  return lastIso
}
