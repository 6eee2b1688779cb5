/**
 * A promise-based chronicle for code that does not use Effect: every call returns a `Promise`,
 * and typed failures (`RecordDecodeError`, `ConflictError`, `NoRecordError`, …) reject it. It
 * offers what the Effect API offers — writes, projections now or as of a record time, the head,
 * a live tail, a clock for record time — and closes with `await using`.
 *
 * @example
 * ```ts
 * import { Chronicle } from "protest-chronicle"
 *
 * await using chronicle = await Chronicle.open() // in memory; or open(layerFile(path)) with layerFile from "protest-chronicle/file"
 * await chronicle.record({ type: "source", id: "rferl", outlet: "RFE/RL", kind: "news" }, { author: "editor" })
 * const catalog = await chronicle.catalog()
 * console.log(await chronicle.head()) // 1
 * ```
 *
 * @since 0.1.0
 */
import { Clock, Effect, Layer, ManagedRuntime, Stream } from "effect"
import type { Entry, StreamRef } from "../journal/Entry.js"
import { type Journal, layerMemory } from "../journal/Journal.js"
import type { Catalog } from "../projection/Catalog.js"
import { type Projection, type RecordTime, toEpochMillis } from "../projection/Projection.js"
import { type ChangeOptions, Chronicle, layer, type Options, type RecordOptions } from "./Chronicle.js"

/**
 * The chronicle's writes and reads as async functions. Closing it (`close()`, or leaving the
 * scope of `await using`) ends every open tail and releases the journal (a file store's lock).
 *
 * @category models
 * @since 0.1.0
 */
export interface Client extends AsyncDisposable {
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
  /** The position of the journal's last entry (0 when it is empty). */
  readonly head: () => Promise<number>
  /**
   * Every entry from `from` (default 1), then every later commit as it lands, as an async
   * iterable (`for await (const entry of chronicle.tail())`). It never ends by itself: leave the
   * loop (`break`, `return`, a throw) or close the client to stop it. A failed read rejects the
   * loop with the typed error.
   */
  readonly tail: (options?: { readonly from?: number }) => AsyncIterable<Entry>
  /** Closes the journal (releasing a file store's lock) and ends open tails; the client cannot be used afterwards. */
  readonly close: () => Promise<void>
}

/**
 * Options of {@link open}: the chronicle's options, and the clock its writes take record time
 * from.
 *
 * @category models
 * @since 0.1.0
 */
export interface ClientOptions extends Options {
  /**
   * Where record time comes from (default: the system clock), as the Effect API takes it from
   * Effect's `Clock`. Give a function to replay an import at its original times or to make tests
   * deterministic: each write records the time it returns (epoch milliseconds, a `Date` or a
   * `DateTime`). Record time must not decrease along the journal: return times that never go
   * backwards.
   */
  readonly clock?: () => RecordTime
}

// A clock that reads the time from `now` and leaves timers and monotonic time to Effect's own.
const clockFrom = (now: () => RecordTime, systemClock: Clock.Clock): Clock.Clock => {
  const millis = (): number => {
    const time = toEpochMillis(now())
    // A write fails (its promise rejects) rather than record a time that is not one.
    if (!Number.isSafeInteger(time)) throw new TypeError(`the clock option gave ${String(time)}, not a record time`)
    return time
  }
  return {
    currentTimeMillisUnsafe: millis,
    get currentTimeMillis() {
      return Effect.sync(millis)
    },
    currentTimeNanosUnsafe: () => BigInt(millis()) * 1_000_000n,
    get currentTimeNanos() {
      return Effect.sync(() => BigInt(millis()) * 1_000_000n)
    },
    monotonicTimeNanosUnsafe: () => systemClock.monotonicTimeNanosUnsafe(),
    monotonicTimeNanos: systemClock.monotonicTimeNanos,
    sleep: (duration) => systemClock.sleep(duration)
  }
}

/**
 * Opens a chronicle on a journal layer (default: a fresh in-memory journal, with
 * `options.vocabulary` when given). Close it when done, or open it with `await using`.
 *
 * @category constructors
 * @since 0.1.0
 */
export const open = async (
  journal?: Layer.Layer<Journal, unknown>,
  options: ClientOptions = {}
): Promise<Client> => {
  const store = journal ?? layerMemory(options?.vocabulary === undefined ? {} : { vocabulary: options.vocabulary })
  const runtime = ManagedRuntime.make(layer(options).pipe(Layer.provide(store)))
  const chronicle = await runtime.runPromise(Effect.service(Chronicle))
  const clock = typeof options?.clock === "function" ? clockFrom(options.clock, await runtime.runPromise(Clock.clockWith(Effect.succeed))) : undefined
  const run = <A, E>(effect: Effect.Effect<A, E>): Promise<A> =>
    runtime.runPromise(clock === undefined ? effect : Effect.provideService(effect, Clock.Clock, clock))

  // Open tail iterators, ended when the client closes.
  const tails = new Set<AsyncIterator<Entry>>()
  let closing: Promise<void> | undefined
  const close = (): Promise<void> => {
    closing ??= Promise.allSettled([...tails].map((it) => it.return?.())).then(() => runtime.dispose())
    return closing
  }

  const tail = (o?: { readonly from?: number }): AsyncIterable<Entry> => ({
    [Symbol.asyncIterator]: () => {
      const inner = Stream.toAsyncIterable(chronicle.journal.tail(o))[Symbol.asyncIterator]()
      const iterator: AsyncIterator<Entry> = {
        next: () => (closing === undefined ? inner.next() : Promise.resolve({ done: true, value: undefined })),
        return: (value?: unknown) => {
          tails.delete(iterator)
          return inner.return?.(value) ?? Promise.resolve({ done: true, value: undefined })
        }
      }
      tails.add(iterator)
      return iterator
    }
  })

  return {
    record: (input, o) => run(chronicle.record(input, o)),
    correct: (input, o) => run(chronicle.correct(input, o)),
    retract: (stream, o) => run(chronicle.retract(stream, o)),
    link: (input, o) => run(chronicle.link(input, o)),
    project: (projection, o) => run(chronicle.project(projection, o)),
    catalog: () => run(chronicle.catalog()),
    catalogAsOf: (t) => run(chronicle.catalogAsOf(t)),
    head: () => run(chronicle.journal.head),
    tail,
    close,
    [Symbol.asyncDispose]: close
  }
}
