/**
 * A promise-based chronicle for code that does not use Effect: every call returns a `Promise`,
 * and typed failures (`RecordDecodeError`, `ConflictError`, `NoRecordError`, …) reject it.
 *
 * @example
 * ```ts
 * import { Chronicle } from "protest-chronicle"
 *
 * const chronicle = await Chronicle.open()          // in memory; or open(layerFile(path)) with layerFile from "protest-chronicle/file"
 * await chronicle.record(shootingJson, { author: "editor" })
 * const catalog = await chronicle.catalog()
 * await chronicle.close()
 * ```
 *
 * @since 0.1.0
 */
import { Effect, Layer, ManagedRuntime } from "effect"
import type { Entry, StreamRef } from "../journal/Entry.js"
import { type Journal, layerMemory } from "../journal/Journal.js"
import type { Catalog } from "../projection/Catalog.js"
import type { Projection, RecordTime } from "../projection/Projection.js"
import { type ChangeOptions, Chronicle, layer, type Options, type RecordOptions } from "./Chronicle.js"

/** The chronicle's writes and catalog reads as async functions, and `close` to release the journal. */
export interface Client {
  /** Records a new record (see `ChronicleShape.record`); rejects with the typed error on failure. */
  readonly record: (input: unknown, options?: RecordOptions) => Promise<Entry>
  /** Appends a corrected revision of an existing record, with a reason. */
  readonly correct: (input: unknown, options: ChangeOptions) => Promise<Entry>
  /** Retracts a current record, with a reason. */
  readonly retract: (stream: StreamRef, options: ChangeOptions) => Promise<Entry>
  /** Records a link record. */
  readonly link: (input: unknown, options?: RecordOptions) => Promise<Entry>
  /** Replays a projection (say `LinkGraph.projection`) over the journal, up to `asOf` when given. */
  readonly project: <S>(projection: Projection<S>, options?: { readonly asOf?: RecordTime }) => Promise<S>
  /** The catalog now. */
  readonly catalog: () => Promise<Catalog>
  /** The catalog as it was known at a record time. */
  readonly catalogAsOf: (recordTime: RecordTime) => Promise<Catalog>
  /** Closes the journal (releasing a file store's lock); the client cannot be used afterwards. */
  readonly close: () => Promise<void>
}

/** Opens a chronicle on a journal layer (default: a fresh in-memory journal, with `options.vocabulary` when given). */
export const open = async (
  journal?: Layer.Layer<Journal, unknown>,
  options: Options = {}
): Promise<Client> => {
  const store = journal ?? layerMemory(options?.vocabulary === undefined ? {} : { vocabulary: options.vocabulary })
  const runtime = ManagedRuntime.make(layer(options).pipe(Layer.provide(store)))
  const chronicle = await runtime.runPromise(Effect.service(Chronicle))
  return {
    record: (input, o) => runtime.runPromise(chronicle.record(input, o)),
    correct: (input, o) => runtime.runPromise(chronicle.correct(input, o)),
    retract: (stream, o) => runtime.runPromise(chronicle.retract(stream, o)),
    link: (input, o) => runtime.runPromise(chronicle.link(input, o)),
    project: (projection, o) => runtime.runPromise(chronicle.project(projection, o)),
    catalog: () => runtime.runPromise(chronicle.catalog()),
    catalogAsOf: (t) => runtime.runPromise(chronicle.catalogAsOf(t)),
    close: () => runtime.dispose()
  }
}
