/**
 * ACLED CSV, both ways. `importCsv` reads an ACLED export (current or legacy columns, dates and
 * spellings) into the journal appends that bring a chronicle up to date with it: deterministic ids
 * (`acled:<event_id_cnty>` for events, normalised names for actors, places and sources), so that a
 * second import of the same file changes nothing and a newer export becomes corrections.
 * `exportCsv` writes events as the rows ACLED would record. Both have streaming forms
 * (`makeImporter` / `importStream`, `exportChunks`) whose memory is bounded by the batch.
 *
 * @example
 * ```ts
 * import { Effect, Layer, Result } from "effect"
 * import { Journal } from "protest-chronicle"
 * import { Acled } from "protest-chronicle/interchange"
 *
 * const csv = "event_id_cnty,event_date,event_type,sub_event_type,actor1,country,location,latitude,longitude,source,fatalities,tags\n" +
 *   "KAZ1,2011-12-16,Protests,Peaceful protest,Protesters (Kazakhstan),Kazakhstan,Zhanaozen,43.3412,52.8619,Vlast.kz,0,crowd size=around 100\n"
 * const imported = Acled.importCsv(csv)
 * if (Result.isSuccess(imported)) {
 *   const program = Effect.gen(function*() {
 *     const journal = yield* Journal.Journal
 *     yield* journal.commit({ idempotencyKey: "acled-2011-12", appends: imported.success.appends })
 *   }).pipe(Effect.provide(Journal.layerMemory()))
 *   await Effect.runPromise(program)
 * }
 * ```
 *
 * @since 0.2.0
 *
 * @module
 */
export { type ActorType, actorTypes, type Column, columns, requiredColumns } from "./acledCodes.js"
export { type AcledRow, exportChunks, exportCsv, type ExportOptions, type ExportResult, exportRows, rowsToCsv } from "./acledExport.js"
export {
  AcledImportError,
  type Existing,
  type ExistingOption,
  importCsv,
  type ImportOptions,
  type ImportResult,
  importStream,
  makeImporter,
  type RowIssue
} from "./acledImport.js"
export { importTable, mappingTable } from "./acledTable.js"
export { acledActor } from "./acledRow.js"
