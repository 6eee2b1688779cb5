/**
 * The conformance cases about writing: commits across streams, expected revisions and conflicts,
 * invalid commits, idempotency. Each failing commit is also checked to have written nothing.
 */
import { Effect } from "effect"
import { type CommitRequest, type Entry, type Expected, streamKey, streamOf, type StreamRef } from "../../journal/Entry.js"
import type { AnyRecord } from "../../model/Vocabulary.js"
import { deepStrictEqual, strictEqual } from "./assert.js"
import { startOfTime } from "./conformanceClock.js"
import { type CaseDescribe, type CaseIt, commitError, expectConflict, expectUnchanged, rally, readAll, retract, revise, snapshot } from "./conformanceSteps.js"

/** Registers the writing cases. */
export const writeCases = (describe: CaseDescribe, it: CaseIt): void => {
  describe("commits", () => {
    it("an empty journal has head 0 and no entries", (journal) =>
      Effect.gen(function*() {
        deepStrictEqual(yield* snapshot(journal), { head: 0, entries: [] })
        deepStrictEqual(yield* journal.readStream({ type: "event", id: "nothing" }), [])
      }))

    it("one append is revision 1 at position 1, stamped with the clock's time", (journal) =>
      Effect.gen(function*() {
        const record = rally("r-1")
        const result = yield* journal.commit({ idempotencyKey: "k-1", appends: [revise(record, "none")] })
        const entry: Entry = {
          position: 1,
          stream: { type: "event", id: "r-1" },
          revision: 1,
          recordedAt: startOfTime,
          idempotencyKey: "k-1",
          body: { _tag: "revision", record }
        }
        deepStrictEqual(result, { entries: [entry], duplicate: false })
        deepStrictEqual(yield* snapshot(journal), { head: 1, entries: [entry] })
        deepStrictEqual(yield* journal.readStream(entry.stream), [entry])
      }))

    it("several appends across streams get contiguous global positions and per-stream revisions", (journal, clock) =>
      Effect.gen(function*() {
        const [a, b, c] = [rally("a"), rally("b"), rally("c")]
        const first = yield* journal.commit({ idempotencyKey: "k-1", appends: [revise(a, "none"), revise(b, "none")] })
        clock.advance(1_000)
        const second = yield* journal.commit({
          idempotencyKey: "k-2",
          appends: [revise(rally("b", "B again"), 1), revise(c, "none"), revise(rally("a", "A again"), 1)]
        })
        deepStrictEqual(first.entries.map((e) => [e.position, streamKey(e.stream), e.revision]), [[1, "event/a", 1], [2, "event/b", 1]])
        deepStrictEqual(second.entries.map((e) => [e.position, streamKey(e.stream), e.revision]), [
          [3, "event/b", 2],
          [4, "event/c", 1],
          [5, "event/a", 2]
        ])
        // One commit, one record time and one key for all its entries.
        deepStrictEqual(second.entries.map((e) => [e.recordedAt, e.idempotencyKey]), Array(3).fill([startOfTime + 1_000, "k-2"]))
        deepStrictEqual(yield* readAll(journal), [...first.entries, ...second.entries])
        strictEqual(yield* journal.head, 5)
        deepStrictEqual((yield* journal.readStream({ type: "event", id: "a" })).map((e) => e.position), [1, 5])
      }))

    it("the commit's author and reason go on every entry; an append's own reason wins", (journal) =>
      Effect.gen(function*() {
        const result = yield* journal.commit({
          idempotencyKey: "k-1",
          author: "archivist",
          reason: "import of the 2011 court files",
          appends: [revise(rally("a"), "none"), revise(rally("b"), "none", "a second source")]
        })
        deepStrictEqual(result.entries.map((e) => [e.author, e.reason]), [
          ["archivist", "import of the 2011 court files"],
          ["archivist", "a second source"]
        ])
        deepStrictEqual(yield* readAll(journal), result.entries)
      }))

    it("record time comes from the Clock and never goes backwards", (journal, clock) =>
      Effect.gen(function*() {
        const times: Array<number> = []
        const commit = (key: string) =>
          Effect.map(journal.commit({ idempotencyKey: key, appends: [revise(rally(key), "any")] }), (r) => times.push(r.entries[0]!.recordedAt))
        clock.set(startOfTime + 5_000)
        yield* commit("t-1")
        clock.set(startOfTime + 2_000) // the clock steps back (NTP, another host's clock)
        yield* commit("t-2")
        clock.set(startOfTime + 9_000)
        yield* commit("t-3")
        deepStrictEqual(times, [startOfTime + 5_000, startOfTime + 5_000, startOfTime + 9_000])
        deepStrictEqual((yield* readAll(journal)).map((e) => e.recordedAt), times)
      }))
  })

  describe("expected revisions", () => {
    it("\"none\" on an existing stream is a conflict naming the stream, expected and actual; nothing is written", (journal) =>
      Effect.gen(function*() {
        yield* journal.commit({ idempotencyKey: "k-1", appends: [revise(rally("a"), "none")] })
        const before = yield* snapshot(journal)
        const error = yield* commitError(journal, { idempotencyKey: "k-2", appends: [revise(rally("a", "again"), "none")] })
        expectConflict(error, { type: "event", id: "a" }, "none", 1)
        yield* expectUnchanged(journal, before, "a conflicting commit")
      }))

    it("a number is a conflict when the stream is at another revision, or missing", (journal) =>
      Effect.gen(function*() {
        yield* journal.commit({ idempotencyKey: "k-1", appends: [revise(rally("a"), "none")] })
        yield* journal.commit({ idempotencyKey: "k-2", appends: [revise(rally("a", "A2"), 1)] })
        const before = yield* snapshot(journal)
        expectConflict(yield* commitError(journal, { idempotencyKey: "k-3", appends: [revise(rally("a", "A3"), 1)] }), { type: "event", id: "a" }, 1, 2)
        expectConflict(yield* commitError(journal, { idempotencyKey: "k-4", appends: [revise(rally("a", "A3"), 3)] }), { type: "event", id: "a" }, 3, 2)
        expectConflict(yield* commitError(journal, { idempotencyKey: "k-5", appends: [revise(rally("b"), 1)] }), { type: "event", id: "b" }, 1, "none")
        yield* expectUnchanged(journal, before, "a conflicting commit")
        const ok = yield* journal.commit({ idempotencyKey: "k-6", appends: [revise(rally("a", "A3"), 2)] })
        strictEqual(ok.entries[0]!.revision, 3)
      }))

    it("\"any\" accepts a missing stream and a stream at any revision", (journal) =>
      Effect.gen(function*() {
        const first = yield* journal.commit({ idempotencyKey: "k-1", appends: [revise(rally("a"), "any")] })
        const second = yield* journal.commit({ idempotencyKey: "k-2", appends: [revise(rally("a", "A2"), "any")] })
        deepStrictEqual([first.entries[0]!.revision, second.entries[0]!.revision], [1, 2])
      }))

    it("a conflict on the second append of a commit writes nothing, not even the first", (journal) =>
      Effect.gen(function*() {
        yield* journal.commit({ idempotencyKey: "k-1", appends: [revise(rally("a"), "none"), revise(rally("b"), "none")] })
        const before = yield* snapshot(journal)
        const streamA = yield* journal.readStream({ type: "event", id: "a" })
        const request: CommitRequest = {
          idempotencyKey: "k-2",
          appends: [revise(rally("a", "A2"), 1), revise(rally("b", "B2"), 7), revise(rally("c"), "none")]
        }
        expectConflict(yield* commitError(journal, request), { type: "event", id: "b" }, 7, 1)
        yield* expectUnchanged(journal, before, "a commit whose second append conflicts")
        deepStrictEqual(yield* journal.readStream({ type: "event", id: "a" }), streamA)
        deepStrictEqual(yield* journal.readStream({ type: "event", id: "c" }), [])
        // A failed commit does not use up its key: the corrected request goes through.
        const fixed = yield* journal.commit({ ...request, appends: [request.appends[0]!, revise(rally("b", "B2"), 1), request.appends[2]!] })
        strictEqual(fixed.duplicate, false)
        deepStrictEqual(fixed.entries.map((e) => e.position), [3, 4, 5])
      }))

    it("a retraction is checked against its expected revision like a revision", (journal) =>
      Effect.gen(function*() {
        yield* journal.commit({ idempotencyKey: "k-1", appends: [revise(rally("a"), "none")] })
        const before = yield* snapshot(journal)
        const error = yield* commitError(journal, { idempotencyKey: "k-2", appends: [retract({ type: "event", id: "a" }, "none", "a hoax")] })
        expectConflict(error, { type: "event", id: "a" }, "none", 1)
        yield* expectUnchanged(journal, before, "a conflicting retraction")
      }))
  })

  describe("invalid commits", () => {
    const a = rally("a")
    const cast = (record: unknown) => record as AnyRecord
    const cases: ReadonlyArray<readonly [string, (existing: AnyRecord) => CommitRequest, number | undefined]> = [
      ["a commit without appends", () => ({ idempotencyKey: "bad", appends: [] }), undefined],
      ["a commit with an empty idempotency key", () => ({ idempotencyKey: "", appends: [revise(rally("b"), "none")] }), undefined],
      ["a stream twice in one commit", () => ({ idempotencyKey: "bad", appends: [revise(rally("b"), "none"), revise(rally("b", "B2"), "any")] }), 1],
      [
        "a revision and a retraction of one stream in one commit",
        (existing) => ({ idempotencyKey: "bad", appends: [revise(existing, "any"), retract(streamOf(existing), "any", "a hoax")] }),
        1
      ],
      ["expected revision 0", () => ({ idempotencyKey: "bad", appends: [revise(rally("b"), 0)] }), 0],
      ["a negative expected revision", () => ({ idempotencyKey: "bad", appends: [revise(rally("b"), -1)] }), 0],
      ["a fractional expected revision", () => ({ idempotencyKey: "bad", appends: [revise(rally("b"), 1.5)] }), 0],
      ["an expected revision that is not a number", () => ({ idempotencyKey: "bad", appends: [revise(rally("b"), "latest" as unknown as Expected)] }), 0],
      ["a retraction with an empty reason", (existing) => ({ idempotencyKey: "bad", appends: [retract(streamOf(existing), 1, "")] }), 0],
      ["a retraction with a blank reason", (existing) => ({ idempotencyKey: "bad", appends: [retract(streamOf(existing), 1, "   ")] }), 0],
      ["a record with a date that is not EDTF", () => ({ idempotencyKey: "bad", appends: [revise(cast({ ...rally("b"), when: "2011-13-40" }), "none")] }), 0],
      ["a record without citations", () => ({ idempotencyKey: "bad", appends: [revise(cast({ ...rally("b"), citations: [] }), "none")] }), 0],
      ["a record with an invalid id", () => ({ idempotencyKey: "bad", appends: [revise(cast({ ...rally("b"), id: "has space" }), "none")] }), 0],
      ["an append without a record", () => ({ idempotencyKey: "bad", appends: [revise(cast(null), "any")] }), 0],
      [
        "a retraction of something that is not a stream",
        () => ({ idempotencyKey: "bad", appends: [retract({ type: "bogus", id: "has space" } as unknown as StreamRef, "any", "a hoax")] }),
        0
      ],
      [
        "a valid append followed by an invalid one",
        (existing) => ({ idempotencyKey: "bad", appends: [revise(existing, 1), revise(cast({ ...rally("b"), title: "  " }), "none")] }),
        1
      ]
    ]
    for (const [label, make, index] of cases) {
      it(`${label} is an InvalidCommitError and writes nothing`, (journal) =>
        Effect.gen(function*() {
          yield* journal.commit({ idempotencyKey: "k-1", appends: [revise(a, "none")] })
          const before = yield* snapshot(journal)
          const error = yield* commitError(journal, make(a))
          strictEqual(error._tag, "InvalidCommitError", `expected an InvalidCommitError, got ${error._tag}: ${error.message}`)
          if (index !== undefined) strictEqual((error as { readonly append?: number }).append, index, "the error names the wrong append")
          yield* expectUnchanged(journal, before, `${label}`)
        }))
    }
  })

  describe("idempotency", () => {
    it("re-sending a commit returns the first result with duplicate: true and writes nothing", (journal, clock) =>
      Effect.gen(function*() {
        const request: CommitRequest = { idempotencyKey: "k-1", appends: [revise(rally("a"), "none"), revise(rally("b"), "none")] }
        const first = yield* journal.commit(request)
        const before = yield* snapshot(journal)
        clock.advance(60_000)
        // Its expected revisions are stale now: still a duplicate, not a conflict.
        const again = yield* journal.commit(request)
        deepStrictEqual(again, { entries: first.entries, duplicate: true })
        yield* expectUnchanged(journal, before, "a repeated commit")
      }))

    it("a used key returns the first result even when the content differs", (journal) =>
      Effect.gen(function*() {
        const first = yield* journal.commit({ idempotencyKey: "k-1", appends: [revise(rally("a"), "none")] })
        yield* journal.commit({ idempotencyKey: "k-2", appends: [revise(rally("b"), "none")] })
        const before = yield* snapshot(journal)
        const other = yield* journal.commit({
          idempotencyKey: "k-1",
          author: "someone else",
          appends: [revise(rally("c"), "none"), retract({ type: "event", id: "b" }, 1, "a hoax")]
        })
        deepStrictEqual(other, { entries: first.entries, duplicate: true })
        yield* expectUnchanged(journal, before, "a commit with a used key")
      }))
  })
}
