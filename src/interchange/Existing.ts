/**
 * What the journal holds already, as the importers (`Acled`, `Plover`) compare with it: a stream's
 * latest revision and current record, given as a catalog of the journal or as a lookup by stream
 * (a database query, a cache). Importers create what is missing, correct what changed and leave
 * the rest alone.
 *
 * `plan` applies the same rules after the import instead of during it: import without `existing`
 * (every record is then created), look up only the streams of each batch (in a journal too large
 * to read whole into a catalog), and plan the batch's records against what was found.
 *
 * @since 0.2.0
 * @module
 */
import { Data, Result } from "effect"
import type { Append, StreamRef } from "../journal/Entry.js"
import { clipText } from "../model/DecodeError.js"
import type { AnyRecord } from "../model/Vocabulary.js"
import { type Catalog, isCatalog } from "../projection/Catalog.js"
import { LookupFailed, makePlanner } from "./internal/appends.js"

/**
 * What the journal holds of a stream: its latest revision and its current record (absent when
 * the stream is retracted).
 *
 * @category models
 * @since 0.2.0
 */
export interface Existing {
  readonly revision: number
  readonly current?: AnyRecord
}

/**
 * What the journal holds already: a catalog, or a lookup by stream that answers `undefined` for
 * a stream it does not hold. A lookup that throws, or answers anything but `undefined` or an
 * `Existing`, fails the import with a typed error.
 *
 * @category models
 * @since 0.2.0
 */
export type ExistingOption = Catalog | ((stream: StreamRef) => Existing | undefined)

/**
 * Records planned against what the journal holds: the appends to commit, the streams left alone
 * because they are retracted, and how many records were created, corrected and left unchanged.
 *
 * @category models
 * @since 0.2.0
 */
export interface Planned {
  readonly appends: ReadonlyArray<Append>
  readonly retracted: ReadonlyArray<StreamRef>
  readonly created: number
  readonly corrected: number
  readonly unchanged: number
}

/**
 * `plan` could not plan: its arguments are not records and a format name, or the lookup threw or
 * answered with something that is not an `Existing` (`stream` names the stream it was asked for).
 *
 * @category errors
 * @since 0.2.0
 */
export class ExistingPlanError extends Data.TaggedError("ExistingPlanError")<{
  readonly reason: string
  readonly stream?: StreamRef
}> {
  override get message(): string {
    return this.stream === undefined ? this.reason : `${this.stream.type} ${clipText(this.stream.id)}: ${this.reason}`
  }
}

const isRecordLike = (u: unknown): u is AnyRecord =>
  typeof u === "object" && u !== null && typeof (u as { type?: unknown }).type === "string" && typeof (u as { id?: unknown }).id === "string"

/**
 * Plans records against what the journal holds, by the importers' rules: a record not there yet
 * is created (`expected: "none"`), an event that differs from the one held is corrected (its
 * current revision expected, the reason naming `format` and the fields that changed), a retracted
 * stream is left alone (and listed), and anything else is unchanged; an actor, place or source
 * that exists is never rewritten, and each is planned once per call. Give sources, places and
 * actors before the events that name them, as importers do. Never throws.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Acled, Existing } from "protest-chronicle/interchange"
 *
 * const csv = "event_id_cnty,event_date,event_type,sub_event_type,actor1,country,location,latitude,longitude,source,fatalities\n" +
 *   "KAZ1,2011-12-16,Protests,Peaceful protest,Protesters (Kazakhstan),Kazakhstan,Zhanaozen,43.3412,52.8619,Vlast.kz,0\n"
 * // Imported without `existing`: every record is planned as new.
 * const imported = Result.getOrThrow(Acled.importCsv(csv))
 * const records = imported.appends.flatMap((a) => (a._tag === "revision" ? [a.record] : []))
 * // Planned against a journal that holds the source already (a lookup of just these streams).
 * const held = (stream: { readonly type: string; readonly id: string }) => (stream.type === "source" ? { revision: 1 } : undefined)
 * const planned = Existing.plan(records, held, "ACLED export")
 * if (Result.isSuccess(planned)) console.log(planned.success.appends.length, planned.success.unchanged) // 5 1
 * ```
 *
 * @category planning
 * @since 0.2.0
 */
export const plan = (records: ReadonlyArray<AnyRecord>, existing: ExistingOption, format: string): Result.Result<Planned, ExistingPlanError> => {
  if (!Array.isArray(records)) return Result.fail(new ExistingPlanError({ reason: "records must be an array of records" }))
  const bad = records.findIndex((r) => !isRecordLike(r))
  if (bad >= 0) return Result.fail(new ExistingPlanError({ reason: `records[${bad}] is not a record (an object with a string type and id)` }))
  if (typeof format !== "string") return Result.fail(new ExistingPlanError({ reason: "format must be a string naming the source format" }))
  if (typeof existing !== "function" && !isCatalog(existing)) {
    return Result.fail(new ExistingPlanError({ reason: "existing must be a catalog or a lookup by stream" }))
  }
  try {
    return Result.succeed(makePlanner(existing, format)(records))
  } catch (e) {
    if (e instanceof LookupFailed) return Result.fail(new ExistingPlanError({ reason: e.reason, stream: e.stream }))
    return Result.fail(new ExistingPlanError({ reason: `a record could not be read: ${clipText(e instanceof Error ? e.message : String(e))}` }))
  }
}
