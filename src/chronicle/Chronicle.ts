/**
 * The Chronicle: the one service an app needs. It validates records before anything is written,
 * turns "record", "correct", "retract" and "link" into journal commits with safe defaults (a new
 * record may not overwrite an existing stream; a correction needs a reason; a retried call is not
 * applied twice), and reads the catalog now, as of a past record time, or live.
 *
 * @example
 * ```ts
 * import { Effect, Layer } from "effect"
 * import { Chronicle, Journal } from "protest-chronicle"
 *
 * const program = Effect.gen(function*() {
 *   const chronicle = yield* Chronicle.Chronicle
 *   yield* chronicle.record(shootingJson, { author: "editor" })
 *   yield* chronicle.correct(shootingWithToll14, { reason: "official toll revised to 14" })
 *   const known = yield* chronicle.catalogAsOf(new Date("2011-12-16T18:00:00Z"))
 * }).pipe(Effect.provide(Chronicle.layer().pipe(Layer.provide(Journal.layerMemory()))))
 * ```
 *
 * @since 0.1.0
 */
import { Context, Data, Effect, Fiber, Layer, Result, Schema, type Scope, Semaphore, Stream, SubscriptionRef } from "effect"
import type { Entry, Expected } from "../journal/Entry.js"
import { type Append, StreamRef, streamKey, streamOf } from "../journal/Entry.js"
import { type CommitError, InvalidCommitError, type ReadError } from "../journal/errors.js"
import { Journal, type JournalShape } from "../journal/Journal.js"
import { RecordDecodeError } from "../model/DecodeError.js"
import type { AnyEvent } from "../model/Event.js"
import { type AnyRecord, builtIn, type Vocabulary } from "../model/Vocabulary.js"
import * as Catalog from "../projection/Catalog.js"
import * as LinkGraph from "../projection/LinkGraph.js"
import { applyAll, type Projection, type RecordTime, toEpochMillis } from "../projection/Projection.js"
import { idempotencyKeyOf } from "./internal/key.js"

export { idempotencyKeyOf } from "./internal/key.js"

/**
 * A correction or retraction named a stream that has no record to change: it was never recorded
 * (`retracted: false`), or, for a retraction, it is retracted already (`retracted: true`).
 */
export class NoRecordError extends Data.TaggedError("NoRecordError")<{
  readonly stream: StreamRef
  readonly method: "correct" | "retract"
  readonly retracted: boolean
}> {
  override get message(): string {
    return `cannot ${this.method} ${streamKey(this.stream)}: ${this.retracted ? "it is retracted already" : "it was never recorded"}`
  }
}

/** Options every write takes: who writes, and an idempotency key (default: derived from the request). */
export interface WriteOptions {
  readonly author?: string
  readonly idempotencyKey?: string
}

/** Options of `record` and `link`: `expected` defaults to `"none"` (the stream must be new). */
export interface RecordOptions extends WriteOptions {
  readonly reason?: string
  readonly expected?: Expected
}

/** Options of `correct` and `retract`: a reason is required; `expected` defaults to the revision read just before. */
export interface ChangeOptions extends WriteOptions {
  readonly reason: string
  readonly expected?: Expected
}

/** A projection kept current from the journal's tail. */
export interface Live<S> {
  /** The state now. */
  readonly get: Effect.Effect<S>
  /** The state now, then every later state. */
  readonly changes: Stream.Stream<S>
  /** Waits until the entry at `position` (say, one a write returned) is applied, and gives the state then. */
  readonly waitFor: (position: number) => Effect.Effect<S, ReadError>
}

/**
 * What a chronicle can do. Every write returns the entry it wrote (or, for a repeated request, the first one).
 *
 * Links are checked against the link graph before they are written (see `LinkGraph.check`): both
 * events must be current, a directed link must be possible in time, and directed links must stay
 * acyclic. A new revision of an event is checked against the directed links that name it.
 */
export interface ChronicleShape {
  readonly journal: JournalShape
  /**
   * Records a new record: decoded first (nothing is written when it is bad); its stream must be new
   * unless `expected` says otherwise. A link is checked as `link` checks it; an event written over
   * an existing stream is checked as `correct` checks it.
   */
  readonly record: (input: unknown, options?: RecordOptions) => Effect.Effect<Entry, RecordDecodeError | LinkGraph.LinkError | CommitError | ReadError>
  /**
   * Appends revision n+1 of an existing record, with a reason. On a retracted stream it restores the
   * record. A corrected link is checked as its replacement; a corrected event must keep every
   * directed link that names it possible in time (else `ImpossibleLinkError`, naming that link).
   */
  readonly correct: (
    input: unknown,
    options: ChangeOptions
  ) => Effect.Effect<Entry, RecordDecodeError | LinkGraph.LinkError | NoRecordError | CommitError | ReadError>
  /**
   * Retracts a current record, with a reason. Retracting an event leaves the links that name it in
   * the journal; the link graph ignores them (and `LinkGraph.problems` lists them).
   */
  readonly retract: (stream: StreamRef, options: ChangeOptions) => Effect.Effect<Entry, NoRecordError | CommitError | ReadError>
  /**
   * Records a link record, refused with a typed error when an event it names is unknown or retracted
   * (`LinkEndpointError`), when it is impossible in time (`ImpossibleLinkError`, naming both events
   * and their dates) or when it would close a cycle (`LinkCycleError`, naming the cycle). Nothing is
   * written on refusal. Accepting an inferred proposal is recording its `link`.
   *
   * Gotchas: the check and the commit run under one lock per chronicle, so writes through one
   * chronicle cannot race. Two processes writing links to one shared journal can still each accept
   * half of a cycle (the journal's expected revisions guard single streams, not the whole graph);
   * `LinkGraph.problems` finds such links afterwards.
   */
  readonly link: (input: unknown, options?: RecordOptions) => Effect.Effect<Entry, RecordDecodeError | LinkGraph.LinkError | CommitError | ReadError>
  /** Replays a projection over the journal, up to `asOf` when given. */
  readonly project: <S>(projection: Projection<S>, options?: { readonly asOf?: RecordTime }) => Effect.Effect<S, ReadError>
  /** The catalog now. */
  readonly catalog: () => Effect.Effect<Catalog.Catalog, ReadError>
  /** The catalog as it was known at a record time. */
  readonly catalogAsOf: (recordTime: RecordTime) => Effect.Effect<Catalog.Catalog, ReadError>
  /** A projection caught up with the journal, then kept current as commits land, until the scope closes. */
  readonly live: <S>(projection: Projection<S>) => Effect.Effect<Live<S>, ReadError, Scope.Scope>
}

/** The chronicle service. */
export class Chronicle extends Context.Service<Chronicle, ChronicleShape>()("protest-chronicle/Chronicle") {}

/**
 * Options of a chronicle: the vocabulary records are decoded with (default: the built-in kinds).
 * Give the journal the same vocabulary, or it will refuse records of your own kinds.
 */
export interface Options {
  readonly vocabulary?: Vocabulary
}

const blank = (s: unknown): boolean => typeof s !== "string" || s.trim() === ""

/**
 * Builds a chronicle on the `Journal` in context.
 *
 * Idempotency: a write without `idempotencyKey` gets one derived from its content — the SHA-256
 * of the operation, the encoded record (or stream), and the `author`, `reason` and `expected`
 * given — so a retried call returns the first result instead of writing twice.
 *
 * Gotchas: for the same reason, repeating an identical request later (the same record with the
 * same reason, author and `expected`) also returns the first entry; to write it again on purpose,
 * pass an `expected` revision or your own `idempotencyKey`.
 */
export const make = (options: Options = {}): Effect.Effect<ChronicleShape, never, Journal> =>
  Effect.gen(function*() {
    const journal = yield* Journal
    const vocabulary = options.vocabulary ?? builtIn

    const decode = (input: unknown, only?: "link"): Effect.Effect<AnyRecord, RecordDecodeError> => {
      const r = vocabulary.decode(input)
      if (Result.isFailure(r)) return Effect.fail(r.failure)
      if (only !== undefined && r.success.type !== only) {
        return Effect.fail(new RecordDecodeError({ issues: [{ path: ["type"], message: `expected a ${only} record, got ${r.success.type}` }] }))
      }
      return Effect.succeed(r.success)
    }

    const commitOne = (key: string, author: string | undefined, append: Append) =>
      Effect.flatMap(journal.commit({ idempotencyKey: key, ...(author === undefined ? {} : { author }), appends: [append] }), (result) => {
        const entry = result.entries[0]!
        const wanted = append._tag === "revision" ? streamOf(append.record) : append.stream
        return streamKey(entry.stream) === streamKey(wanted)
          ? Effect.succeed(entry)
          : Effect.fail(new InvalidCommitError({ reason: `idempotency key "${key}" was already used for ${streamKey(entry.stream)}` }))
      })

    // The link graph, caught up with the journal on demand: only entries after the last one seen
    // are read. Writes that touch links or events check against it and commit under one lock.
    let graphAt = { position: 0, graph: LinkGraph.empty }
    const lock = yield* Semaphore.make(1)
    const linkGraphNow: Effect.Effect<LinkGraph.LinkGraph, ReadError> = Effect.suspend(() => {
      let { position, graph } = graphAt
      return Stream.runForEachArray(journal.readAll({ from: position + 1 }), (entries) =>
        Effect.sync(() => {
          graph = applyAll(LinkGraph.projection, graph, entries)
          position = entries.at(-1)!.position
        })).pipe(Effect.map(() => {
          if (position > graphAt.position) graphAt = { position, graph }
          return graph
        }))
    })

    // Checks a record against the link graph (links and events only), then runs `write`, all
    // under the lock so that no other write of this chronicle lands between check and commit.
    const checked = <E>(record: AnyRecord, write: Effect.Effect<Entry, E>): Effect.Effect<Entry, E | LinkGraph.LinkError | ReadError> => {
      if (record.type !== "link" && record.type !== "event") return write
      return lock.withPermits(1)(Effect.gen(function*() {
        const graph = yield* linkGraphNow
        const refusal = record.type === "link"
          ? Result.getFailure(LinkGraph.check(graph, record))
          : Result.getFailure(LinkGraph.checkEvent(graph, record as AnyEvent))
        if (refusal._tag === "Some") return yield* Effect.fail(refusal.value)
        return yield* write
      }))
    }

    const writeRecord = (only: "link" | undefined) => (input: unknown, o: RecordOptions = {}) =>
      Effect.flatMap(decode(input, only), (record) => {
        const key = o.idempotencyKey ??
          idempotencyKeyOf("record", { record: vocabulary.encode(record), author: o.author, reason: o.reason, expected: o.expected })
        const reason = o.reason === undefined ? {} : { reason: o.reason }
        return checked(record, commitOne(key, o.author, { _tag: "revision", record, expected: o.expected ?? "none", ...reason }))
      })

    // Corrections and retractions read the stream first: a retry finds its own entry there, and a
    // missing (or retracted) record is a typed error. Committing against the revision read makes
    // that check hold against concurrent writers.
    const change = (
      method: "correct" | "retract",
      stream: StreamRef,
      o: ChangeOptions,
      payload: unknown,
      append: (expected: Expected) => Append
    ): Effect.Effect<Entry, NoRecordError | CommitError | ReadError> =>
      Effect.gen(function*() {
        if (blank(o.reason)) return yield* new InvalidCommitError({ reason: `${method === "correct" ? "a correction" : "a retraction"} needs a reason` })
        const key = o.idempotencyKey ??
          idempotencyKeyOf(method, { payload, author: o.author, reason: o.reason, expected: o.expected })
        const history = yield* journal.readStream(stream)
        const done = history.find((e) => e.idempotencyKey === key)
        if (done !== undefined) return done
        const last = history.at(-1)
        if (last === undefined) return yield* new NoRecordError({ stream, method, retracted: false })
        if (method === "retract" && last.body._tag === "retraction") return yield* new NoRecordError({ stream, method, retracted: true })
        return yield* commitOne(key, o.author, append(o.expected ?? last.revision))
      })

    const correct: ChronicleShape["correct"] = (input, o) =>
      Effect.flatMap(decode(input), (record) =>
        checked(record, change("correct", streamOf(record), o, vocabulary.encode(record), (expected) => ({ _tag: "revision", record, expected, reason: o.reason }))))

    const retract: ChronicleShape["retract"] = (stream, o) => {
      const valid = Schema.decodeUnknownResult(StreamRef)(stream)
      if (Result.isFailure(valid)) return Effect.fail(new InvalidCommitError({ reason: `not a stream: ${valid.failure.message}` }))
      const ref = { type: valid.success.type, id: valid.success.id }
      return change("retract", ref, o, ref, (expected) => ({ _tag: "retraction", stream: ref, expected, reason: o.reason }))
    }

    const project: ChronicleShape["project"] = (projection, o = {}) =>
      Effect.suspend(() => {
        let state = projection.initial
        const all = journal.readAll()
        const until = o.asOf === undefined ? undefined : toEpochMillis(o.asOf)
        // Record time never decreases along positions, so reading stops at the first later entry.
        const read = until === undefined ? all : all.pipe(Stream.takeWhile((e) => e.recordedAt <= until))
        return Stream.runForEachArray(read, (entries) => Effect.sync(() => void (state = applyAll(projection, state, entries)))).pipe(
          Effect.map(() => state)
        )
      })

    const live: ChronicleShape["live"] = <S>(projection: Projection<S>) =>
      Effect.gen(function*() {
        const head = yield* journal.head
        const ref = yield* SubscriptionRef.make({ position: 0, state: projection.initial })
        const follow = journal.tail().pipe(
          Stream.runForEachArray((entries) =>
            SubscriptionRef.update(ref, (s) => ({ position: entries.at(-1)!.position, state: applyAll(projection, s.state, entries) }))
          )
        )
        const fiber = yield* Effect.forkScoped(follow)
        const reached = (position: number) =>
          SubscriptionRef.changes(ref).pipe(
            Stream.filter((s) => s.position >= position),
            Stream.runHead,
            Effect.flatMap((first) => (first._tag === "Some" ? Effect.succeed(first.value.state) : Effect.never))
          )
        // A failed tail fails every wait instead of leaving it hanging.
        const waitFor = (position: number) => Effect.raceFirst(reached(position), Effect.andThen(Fiber.join(fiber), Effect.never))
        yield* waitFor(head)
        return {
          get: Effect.map(SubscriptionRef.get(ref), (s) => s.state),
          changes: Stream.map(SubscriptionRef.changes(ref), (s) => s.state),
          waitFor
        } satisfies Live<S>
      })

    return Chronicle.of({
      journal,
      record: writeRecord(undefined),
      correct,
      retract,
      link: writeRecord("link"),
      project,
      catalog: () => project(Catalog.projection),
      catalogAsOf: (recordTime) => project(Catalog.projection, { asOf: recordTime }),
      live
    })
  })

/** The chronicle service over the `Journal` in context. */
export const layer = (options: Options = {}): Layer.Layer<Chronicle, never, Journal> => Layer.effect(Chronicle, make(options))
