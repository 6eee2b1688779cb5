/**
 * The steps the journal conformance suite is written in: records and appends to commit, reads of
 * a whole journal, and expectations about commits, conflicts and tails.
 */
import { Cause, Effect, Exit, Option, Stream } from "effect"
import { type Append, type CommitRequest, type Entry, type Expected, streamKey, type StreamRef } from "../../journal/Entry.js"
import type { CommitError, ConflictError } from "../../journal/errors.js"
import { Journal, type JournalShape } from "../../journal/Journal.js"
import * as Record from "../../model/Record.js"
import type { AnyRecord } from "../../model/Vocabulary.js"
import { deepStrictEqual, fail, strictEqual } from "./assert.js"
import type { HandClock } from "./conformanceClock.js"

/** How a case is declared: a title and a body run with a fresh journal and the suite's clock. */
export type CaseIt = (title: string, body: (journal: JournalShape, clock: HandClock) => Effect.Effect<void, unknown>) => void

/** How cases are grouped (the runner's `describe`). */
export type CaseDescribe = (name: string, body: () => void) => void

/** A valid rally record with the given id; `title` tells revisions apart. */
export const rally = (id: string, title = `Rally ${id}`): AnyRecord =>
  Record.decodeOrThrow({
    type: "event",
    kind: "rally",
    id,
    title,
    when: "2011-12-16",
    where: { place: "zhanaozen", site: "the central square", timeZone: "Asia/Aqtau" },
    form: "sit-in",
    citations: [{ source: "source-1" }]
  })

export const revise = (record: AnyRecord, expected: Expected, reason?: string): Append =>
  reason === undefined ? { _tag: "revision", record, expected } : { _tag: "revision", record, expected, reason }

export const retract = (stream: StreamRef, expected: Expected, reason: string): Append => ({ _tag: "retraction", stream, expected, reason })

export const streamOfAppend = (a: Append): StreamRef => (a._tag === "revision" ? { type: a.record.type, id: a.record.id } : a.stream)

export const theJournal = Effect.gen(function*() {
  return yield* Journal
})

export const readAll = (journal: JournalShape, from?: number) =>
  Stream.runCollect(journal.readAll(from === undefined ? undefined : { from }))

/** What a reader can observe of a whole journal. */
export const snapshot = (journal: JournalShape) =>
  Effect.all({ head: journal.head, entries: readAll(journal) })

export const expectUnchanged = (journal: JournalShape, before: { readonly head: number; readonly entries: ReadonlyArray<Entry> }, what: string) =>
  Effect.map(snapshot(journal), (after) => deepStrictEqual(after, before, `${what} wrote something`))

/** The error a commit fails with; a success, or a defect, fails the test. */
export const commitError = (journal: JournalShape, request: CommitRequest): Effect.Effect<CommitError> =>
  Effect.flatMap(Effect.exit(journal.commit(request)), (exit) => {
    if (Exit.isSuccess(exit)) return Effect.sync(() => fail(`the commit ${request.idempotencyKey} succeeded, but should have failed`))
    const error = Cause.findErrorOption(exit.cause)
    return Option.isSome(error) ? Effect.succeed(error.value) : Effect.die(Cause.squash(exit.cause))
  })

export const expectConflict = (error: CommitError, stream: StreamRef, expected: Expected, actual: "none" | number): void => {
  strictEqual(error._tag, "ConflictError", `expected a ConflictError, got ${error._tag}: ${error.message}`)
  const conflict = error as ConflictError
  deepStrictEqual({ stream: conflict.stream, expected: conflict.expected, actual: conflict.actual }, { stream, expected, actual })
}

/** Fails the test instead of hanging when a tail never delivers what it should. */
export const within = <A, E>(effect: Effect.Effect<A, E>, what: string): Effect.Effect<A, E> =>
  Effect.timeoutOrElse(effect, { duration: "10 seconds", orElse: () => Effect.sync(() => fail(`${what} did not finish within 10 s`)) })

/** Gives a forked tail time to subscribe, so that it meets later commits live. */
export const settle = Effect.sleep("20 millis")

/** Runs a tail in a fiber until it delivers the commit with the key `last`. */
export const tailUntil = (journal: JournalShape, last: string, from?: number) =>
  Effect.forkChild(
    Stream.runCollect(Stream.takeUntil(journal.tail(from === undefined ? undefined : { from }), (e) => e.idempotencyKey === last))
  )

/** Everything a reader can observe: head, every entry, and each stream the run can touch. */
export const observe = (journal: JournalShape, streams: ReadonlyArray<StreamRef>) =>
  Effect.gen(function*() {
    const entries = yield* readAll(journal)
    const keys = new Map<string, StreamRef>()
    for (const s of [...streams, ...entries.map((e) => e.stream)]) keys.set(streamKey(s), s)
    const byStream = yield* Effect.forEach([...keys.values()], (s) => Effect.map(journal.readStream(s), (es) => [streamKey(s), es] as const))
    return { head: yield* journal.head, entries, streams: Object.fromEntries(byStream) }
  })
