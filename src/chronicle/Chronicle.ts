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
 * const union = { type: "actor", id: "ozenmunaigas-workers", kind: "workers", name: "Ozenmunaigas oil workers" }
 * const program = Effect.gen(function*() {
 *   const chronicle = yield* Chronicle.Chronicle
 *   yield* chronicle.record(union, { author: "editor" })
 *   yield* chronicle.correct({ ...union, name: "Oil workers of Ozenmunaigas" }, { reason: "name as they use it" })
 *   return yield* chronicle.catalogAsOf(new Date("2011-12-16T18:00:00Z"))
 * }).pipe(Effect.provide(Chronicle.layer().pipe(Layer.provide(Journal.layerMemory()))))
 * await Effect.runPromise(program) // the catalog as known then: empty, as both writes came later
 * ```
 *
 * @since 0.1.0
 */
import { Context, Data, Effect, Fiber, Layer, Result, Schema, type Scope, Semaphore, Stream, SubscriptionRef } from "effect"
import type { Entry, Expected } from "../journal/Entry.js"
import { type Append, StreamRef, streamKey, streamOf } from "../journal/Entry.js"
import { type CommitError, InvalidCommitError, type ReadError } from "../journal/errors.js"
import { Journal, type JournalShape } from "../journal/Journal.js"
import { clipText, RecordDecodeError } from "../model/DecodeError.js"
import type { AnyEvent } from "../model/Event.js"
import { type AnyRecord, builtIn, type Vocabulary } from "../model/Vocabulary.js"
import * as Catalog from "../projection/Catalog.js"
import * as LinkGraph from "../projection/LinkGraph.js"
import { applyAll, type Projection, type RecordTime, toEpochMillis } from "../projection/Projection.js"
import { idempotencyKeyOf, keyAfter } from "./internal/key.js"


/**
 * A correction or retraction named a stream that has no record to change: it was never recorded
 * (`retracted: false`), or, for a retraction, it is retracted already (`retracted: true`).
 *
 * @category errors
 * @since 0.1.0
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

/**
 * A record cites or names records the chronicle does not hold: sources never recorded (or
 * retracted), places, actors. Nothing was written. `missing` lists each, as `{ type, id }`.
 * Record them first, or open the chronicle with `checkReferences: false` for an import that
 * brings them afterwards.
 *
 * @category errors
 * @since 0.1.0
 */
export class MissingReferenceError extends Data.TaggedError("MissingReferenceError")<{
  readonly stream: StreamRef
  readonly missing: ReadonlyArray<StreamRef>
}> {
  override get message(): string {
    const shown = this.missing.slice(0, 20).map((m) => `${m.type} ${clipText(m.id)}`).join(", ")
    const more = this.missing.length > 20 ? ` and ${this.missing.length - 20} more` : ""
    return `${streamKey(this.stream)} refers to records this chronicle does not hold (never recorded, or retracted): ${shown}${more}. ` +
      "Record them first, or open the chronicle with checkReferences: false for an import that brings them later."
  }
}

/**
 * Options every write takes: who writes, and an idempotency key (default: derived from the request).
 *
 * @category models
 * @since 0.1.0
 */
export interface WriteOptions {
  readonly author?: string
  readonly idempotencyKey?: string
}

/**
 * Options of `record` and `link`: `expected` defaults to `"none"` (the stream must be new).
 *
 * @category models
 * @since 0.1.0
 */
export interface RecordOptions extends WriteOptions {
  readonly reason?: string
  readonly expected?: Expected
}

/**
 * Options of `correct` and `retract`: a reason is required; `expected` defaults to the revision read just before.
 *
 * @category models
 * @since 0.1.0
 */
export interface ChangeOptions extends WriteOptions {
  readonly reason: string
  readonly expected?: Expected
}

/**
 * A projection kept current from the journal's tail.
 *
 * @category models
 * @since 0.1.0
 */
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
 *
 * @category models
 * @since 0.1.0
 */
export interface ChronicleShape {
  readonly journal: JournalShape
  /**
   * Records a new record: decoded first (nothing is written when it is bad); its stream must be new
   * unless `expected` says otherwise. A link is checked as `link` checks it; an event written over
   * an existing stream is checked as `correct` checks it.
   */
  readonly record: (
    input: unknown,
    options?: RecordOptions
  ) => Effect.Effect<Entry, RecordDecodeError | MissingReferenceError | LinkGraph.LinkError | CommitError | ReadError>
  /**
   * Appends revision n+1 of an existing record, with a reason. On a retracted stream it restores the
   * record. A corrected link is checked as its replacement; a corrected event must keep every
   * directed link that names it possible in time (else `ImpossibleLinkError`, naming that link).
   */
  readonly correct: (
    input: unknown,
    options: ChangeOptions
  ) => Effect.Effect<Entry, RecordDecodeError | MissingReferenceError | LinkGraph.LinkError | NoRecordError | CommitError | ReadError>
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
  readonly link: (
    input: unknown,
    options?: RecordOptions
  ) => Effect.Effect<Entry, RecordDecodeError | MissingReferenceError | LinkGraph.LinkError | CommitError | ReadError>
  /** Replays a projection over the journal, up to `asOf` when given. */
  readonly project: <S>(projection: Projection<S>, options?: { readonly asOf?: RecordTime }) => Effect.Effect<S, ReadError>
  /** The catalog now. */
  readonly catalog: () => Effect.Effect<Catalog.Catalog, ReadError>
  /** The catalog as it was known at a record time. */
  readonly catalogAsOf: (recordTime: RecordTime) => Effect.Effect<Catalog.Catalog, ReadError>
  /** A projection caught up with the journal, then kept current as commits land, until the scope closes. */
  readonly live: <S>(projection: Projection<S>) => Effect.Effect<Live<S>, ReadError, Scope.Scope>
}

/**
 * The chronicle service.
 *
 * @category services
 * @since 0.1.0
 */
export class Chronicle extends Context.Service<Chronicle, ChronicleShape>()("protest-chronicle/Chronicle") {}

/**
 * Options of a chronicle.
 *
 * @category models
 * @since 0.1.0
 */
export interface Options {
  /**
   * The vocabulary records are decoded with. Default: the journal's own (give it once, to the
   * journal layer: `Journal.layerMemory({ vocabulary })`); `Chronicle.open()` without a journal
   * makes an in-memory one with this vocabulary.
   */
  readonly vocabulary?: Vocabulary
  /**
   * Check that every source a record cites, and every place and actor it names, is a current
   * record of the chronicle (default `true`); a record that refers to one that is not is refused
   * with a `MissingReferenceError`. Turn it off for a bulk import that brings its sources after
   * its events, and run `Catalog`-based checks afterwards.
   */
  readonly checkReferences?: boolean
}

const blank = (s: unknown): boolean => typeof s !== "string" || s.trim() === ""

/**
 * Builds a chronicle on the `Journal` in context.
 *
 * Idempotency: a write without `idempotencyKey` gets one derived from its content — the SHA-256
 * of the operation, the encoded record (or stream), and the `author`, `reason` and `expected`
 * given — and from the revision of the stream it was made after. A retried call (after a lost
 * reply, say) finds its own entry still the last of its stream and returns it instead of writing
 * twice; the same call made again after any other write to that stream is a new write. So
 * correcting A to B, B to A and A to B again writes three revisions, and a retraction after a
 * restore is a new tombstone. A retry that comes after another writer's entry on the same stream
 * is no longer recognised: for that, pass your own `idempotencyKey`, which the journal honours
 * for good (the same key always answers with its first commit).
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (options: Options = {}): Effect.Effect<ChronicleShape, never, Journal> =>
  Effect.gen(function*() {
    const journal = yield* Journal
    const vocabulary = options?.vocabulary ?? journal.vocabulary ?? builtIn
    const checkReferences = options?.checkReferences !== false

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
          : Effect.fail(new InvalidCommitError({ reason: `idempotency key "${clipText(key)}" was already used for ${streamKey(entry.stream)}` }))
      })

    // What the checks read, caught up with the journal on demand (only entries after the last one
    // seen are read): the link graph, and the current records of each type. Every write runs under
    // one lock, so that no other write of this chronicle lands between its checks and its commit.
    const current = new Map<string, Set<string>>()
    let known = { position: 0, graph: LinkGraph.empty }
    const lock = yield* Semaphore.make(1)
    const note = (entry: Entry): void => {
      let ids = current.get(entry.stream.type)
      if (ids === undefined) current.set(entry.stream.type, (ids = new Set()))
      if (entry.body._tag === "revision") ids.add(entry.stream.id)
      else ids.delete(entry.stream.id)
    }
    const catchUp: Effect.Effect<void, ReadError> = Effect.suspend(() =>
      Stream.runForEachArray(journal.readAll({ from: known.position + 1 }), (entries) =>
        Effect.sync(() => {
          for (const e of entries) note(e)
          known = { position: entries.at(-1)!.position, graph: applyAll(LinkGraph.projection, known.graph, entries) }
        }))
    )

    const missingOf = (record: AnyRecord): ReadonlyArray<StreamRef> => {
      const missing: Array<StreamRef> = []
      for (const [type, ids] of vocabulary.references(record)) {
        // Events a link names are checked by the link graph, with its own error.
        if (type === "event") continue
        const held = current.get(type)
        for (const id of ids) if (held?.has(id) !== true) missing.push(StreamRef.make({ type, id }))
      }
      return missing
    }

    // Runs a write under the lock, with what the checks read caught up first.
    const locked = <A, E>(write: Effect.Effect<A, E>): Effect.Effect<A, E | ReadError> =>
      lock.withPermits(1)(Effect.andThen(catchUp, write))

    // Checks a record (its references, then links and events against the link graph) and runs
    // `write`, under the lock.
    const checked = <E>(record: AnyRecord, write: Effect.Effect<Entry, E>) =>
      locked(Effect.gen(function*() {
        if (checkReferences) {
          const missing = missingOf(record)
          if (missing.length > 0) return yield* new MissingReferenceError({ stream: streamOf(record), missing })
        }
        if (record.type === "link" || record.type === "event") {
          const refusal = record.type === "link"
            ? Result.getFailure(LinkGraph.check(known.graph, record))
            : Result.getFailure(LinkGraph.checkEvent(known.graph, record as AnyEvent))
          if (refusal._tag === "Some") return yield* Effect.fail(refusal.value)
        }
        return yield* write
      }))

    // Every write reads its stream first. A retry finds its own entry as the stream's last (its
    // key names the revision it was made after) and gets it back; otherwise the write commits
    // under a key naming the stream's revision now, against that revision unless told otherwise.
    const write = <E>(
      stream: StreamRef,
      contentKey: string,
      o: WriteOptions & { readonly expected?: Expected | undefined },
      plan: (last: Entry | undefined, key: string) => Effect.Effect<Entry, E | CommitError>
    ): Effect.Effect<Entry, E | CommitError | ReadError> =>
      Effect.gen(function*() {
        const history = yield* journal.readStream(stream)
        const last = history.at(-1)
        if (o.idempotencyKey !== undefined) {
          const done = history.find((e) => e.idempotencyKey === o.idempotencyKey)
          if (done !== undefined) return done
          return yield* plan(last, o.idempotencyKey)
        }
        if (last !== undefined && last.idempotencyKey === keyAfter(contentKey, last.revision - 1)) return last
        return yield* plan(last, keyAfter(contentKey, last?.revision ?? 0))
      })

    const writeRecord = (only: "link" | undefined) => (input: unknown, o: RecordOptions = {}) =>
      Effect.flatMap(decode(input, only), (record) => {
        const contentKey = idempotencyKeyOf("record", { record: vocabulary.encode(record), author: o.author, reason: o.reason, expected: o.expected })
        const reason = o.reason === undefined ? {} : { reason: o.reason }
        return checked(
          record,
          write(streamOf(record), contentKey, o, (_last, key) =>
            commitOne(key, o.author, { _tag: "revision", record, expected: o.expected ?? "none", ...reason }))
        )
      })

    // Corrections and retractions need a record to change: a missing (or, for a retraction,
    // retracted) one is a typed error. Committing against the revision read makes that check
    // hold against concurrent writers.
    const change = (
      method: "correct" | "retract",
      stream: StreamRef,
      o: ChangeOptions,
      payload: unknown,
      append: (expected: Expected) => Append
    ): Effect.Effect<Entry, NoRecordError | CommitError | ReadError> => {
      if (blank(o.reason)) {
        return Effect.fail(new InvalidCommitError({ reason: `${method === "correct" ? "a correction" : "a retraction"} needs a reason (the reason option)` }))
      }
      const contentKey = idempotencyKeyOf(method, { payload, author: o.author, reason: o.reason, expected: o.expected })
      return write(stream, contentKey, o, (last, key) => {
        if (last === undefined) return Effect.fail(new NoRecordError({ stream, method, retracted: false }))
        if (method === "retract" && last.body._tag === "retraction") return Effect.fail(new NoRecordError({ stream, method, retracted: true }))
        return commitOne(key, o.author, append(o.expected ?? last.revision))
      })
    }

    const correct: ChronicleShape["correct"] = (input, o) =>
      Effect.flatMap(decode(input), (record) =>
        checked(record, change("correct", streamOf(record), o ?? {}, vocabulary.encode(record), (expected) => ({ _tag: "revision", record, expected, reason: o.reason }))))

    const retract: ChronicleShape["retract"] = (stream, o) => {
      const valid = Schema.decodeUnknownResult(StreamRef)(stream)
      if (Result.isFailure(valid)) return Effect.fail(new InvalidCommitError({ reason: `not a stream: ${clipText(valid.failure.message, 300)}` }))
      const ref = { type: valid.success.type, id: valid.success.id }
      return locked(change("retract", ref, o ?? {}, ref, (expected) => ({ _tag: "retraction", stream: ref, expected, reason: o.reason })))
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

/**
 * The chronicle service over the `Journal` in context.
 *
 * @category layers
 * @since 0.1.0
 */
export const layer = (options: Options = {}): Layer.Layer<Chronicle, never, Journal> => Layer.effect(Chronicle, make(options))
