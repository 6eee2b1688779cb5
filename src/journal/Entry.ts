/**
 * Journal entries. Every record (event, actor, place, source, link) is a stream of revisions
 * 1, 2, 3, …; a correction appends a revision, a retraction appends a tombstone. An entry holds
 * its global position, its stream, its revision within the stream, the record time (when the
 * journal learned it), the commit's idempotency key, an optional author and reason, and the body.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { isValidId } from "../model/IdCheck.js"
import type { AnyRecord } from "../model/Vocabulary.js"

/**
 * The record types that have streams.
 *
 * @category schemas
 * @since 0.1.0
 */
export const StreamType = Schema.Literals(["event", "actor", "place", "source", "link"])
/**
 * @category models
 * @since 0.1.0
 */
export type StreamType = typeof StreamType.Type

/**
 * A stream: the record type and the record id.
 *
 * @category schemas
 * @since 0.1.0
 */
export const StreamRef = Schema.Struct({
  type: StreamType,
  id: Schema.String.check(Schema.makeFilter((s: string) => isValidId(s) || `"${s}" is not a valid id`))
}).annotate({ identifier: "StreamRef", title: "StreamRef" })
/**
 * @category models
 * @since 0.1.0
 */
export type StreamRef = typeof StreamRef.Type

/**
 * The key of a stream as text, `type/id` (`event/zhanaozen-2011-12-16-shooting`): a stream is an
 * object, so maps and sets of streams, a projection's index and a read model's row keys use this
 * instead. Two streams are the same exactly when their keys are equal.
 *
 * @example
 * ```ts
 * import { Journal, type Projection } from "protest-chronicle"
 *
 * // A projection of the latest revision of every stream, keyed by the stream's text.
 * const latest: Projection.Projection<ReadonlyMap<string, number>> = {
 *   initial: new Map(),
 *   apply: (state, entry) => new Map(state).set(Journal.streamKey(entry.stream), entry.revision)
 * }
 * console.log(Journal.streamKey({ type: "event", id: "zhanaozen-2011-12-16-shooting" })) // "event/zhanaozen-2011-12-16-shooting"
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const streamKey = (stream: StreamRef): string => {
  const s = stream as { readonly type?: unknown; readonly id?: unknown } | null | undefined
  return `${part(s?.type)}/${part(s?.id)}`
}

// The text of a stream's type or id; anything else (a cast, a JavaScript caller) is shown as "?".
const part = (u: unknown): string => (typeof u === "string" ? u : "?")

/**
 * The stream a record belongs to, its type and id: what `Journal.readStream` takes to give the
 * record's history, and what a retraction names. (`Journal.layerMemory`'s example reads a
 * record's revisions with it.)
 *
 * @category getters
 * @since 0.1.0
 */
export const streamOf = (record: AnyRecord): StreamRef => {
  const r = record as { readonly type?: unknown; readonly id?: unknown } | null | undefined
  return { type: r?.type, id: r?.id } as StreamRef
}

/**
 * What a writer expects a stream's current revision to be: `"none"` (the stream must not exist),
 * `"any"` (no check), or the revision number it last read.
 *
 * @category models
 * @since 0.1.0
 */
export type Expected = "none" | "any" | number

/**
 * A body as it is stored: the record's JSON with the schema version it was written in.
 *
 * @category schemas
 * @since 0.1.0
 */
export const StoredBody = Schema.Union([
  Schema.Struct({
    _tag: Schema.Literal("revision"),
    schemaVersion: Schema.Int.check(Schema.isGreaterThanOrEqualTo(1)),
    record: Schema.Unknown
  }),
  Schema.Struct({ _tag: Schema.Literal("retraction"), reason: Schema.String })
]).annotate({ identifier: "StoredBody", title: "StoredBody" })
/**
 * @category models
 * @since 0.1.0
 */
export type StoredBody = typeof StoredBody.Type

const optionalText = Schema.optionalKey(Schema.String)

/**
 * An entry as stores keep it (the JSON of one line of a journal file): the record time is an ISO
 * instant in UTC, and a revision's record is JSON in the schema version it was written in.
 *
 * @category schemas
 * @since 0.1.0
 */
export const StoredEntry = Schema.Struct({
  position: Schema.Int.check(Schema.isGreaterThanOrEqualTo(1)),
  stream: StreamRef,
  revision: Schema.Int.check(Schema.isGreaterThanOrEqualTo(1)),
  recordedAt: Schema.String,
  idempotencyKey: Schema.String,
  author: optionalText,
  reason: optionalText,
  body: StoredBody
}).annotate({ identifier: "StoredEntry", title: "StoredEntry" })
/**
 * @category models
 * @since 0.1.0
 */
export type StoredEntry = typeof StoredEntry.Type

/**
 * A body as readers see it: a decoded record revision, or a retraction with its reason.
 *
 * @category models
 * @since 0.1.0
 */
export type Body =
  | { readonly _tag: "revision"; readonly record: AnyRecord }
  | { readonly _tag: "retraction"; readonly reason: string }

/**
 * An entry as readers see it: the record decoded (upcast to the current schema version first).
 *
 * @category models
 * @since 0.1.0
 */
export interface Entry {
  readonly position: number
  readonly stream: StreamRef
  readonly revision: number
  /** Record time: when the journal learned this, as UTC epoch milliseconds (from Effect's Clock). */
  readonly recordedAt: number
  readonly idempotencyKey: string
  readonly author?: string
  readonly reason?: string
  readonly body: Body
}

/**
 * One change in a commit: a new revision of a record, or the retraction of a stream.
 *
 * @category models
 * @since 0.1.0
 */
export type Append =
  | {
    readonly _tag: "revision"
    readonly record: AnyRecord
    readonly expected: Expected
    readonly reason?: string
  }
  | {
    readonly _tag: "retraction"
    readonly stream: StreamRef
    readonly expected: Expected
    readonly reason: string
  }

/**
 * A commit: one or more appends, to different streams, written all or nothing. Re-sending a
 * commit with an idempotency key that was already committed returns the first result and writes
 * nothing. `author` and `reason` apply to every entry (an append's own reason wins).
 *
 * @category models
 * @since 0.1.0
 */
export interface CommitRequest {
  readonly idempotencyKey: string
  readonly author?: string
  readonly reason?: string
  readonly appends: ReadonlyArray<Append>
}

/**
 * What a commit wrote (or, for a repeated idempotency key, what the first commit wrote).
 *
 * @category models
 * @since 0.1.0
 */
export interface CommitResult {
  readonly entries: ReadonlyArray<Entry>
  /** True when this request repeated an idempotency key and wrote nothing. */
  readonly duplicate: boolean
}
