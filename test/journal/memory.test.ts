import { Cause, Clock, Effect, Exit, Fiber, Option, Stream } from "effect"
import { describe, expect, it } from "vitest"
import { type StoredEntry, JournalCorruptionError } from "../../src/journal/index.js"
import { loadAll, makeJournal } from "../../src/journal/StoreKit.js"
import { Journal, type JournalShape, layerMemory } from "../../src/journal/Journal.js"
import { journalConformance } from "../../src/testing/index.js"

journalConformance("memory", () => layerMemory(), { describe, it }, { numRuns: 100 })

const rally = (id: string, title: string) => ({
  type: "event",
  kind: "rally",
  id,
  title,
  when: "2011-12-16",
  where: { place: "zhanaozen", timeZone: "Asia/Aqtau" },
  form: "sit-in",
  citations: [{ source: "source-1" }]
})

const stored = (position: number, id: string, revision: number, record: unknown = rally(id, `${id} ${revision}`)): StoredEntry => ({
  position,
  stream: { type: "event", id },
  revision,
  recordedAt: new Date(Date.UTC(2011, 11, 16, position)).toISOString(),
  idempotencyKey: `seed-${position}`,
  body: { _tag: "revision", schemaVersion: 1, record }
})

const seeded = [stored(1, "a", 1), stored(2, "b", 1), stored(3, "a", 2)]

const journal = Effect.gen(function*() {
  return yield* Journal
})

const withJournal = <A, E>(layer: ReturnType<typeof layerMemory>, body: (journal: JournalShape) => Effect.Effect<A, E>) =>
  Effect.runPromise(Effect.flatMap(journal, body).pipe(Effect.provide(layer)))

/** The typed error opening a journal over `initial` fails with. */
const openError = async (initial: ReadonlyArray<StoredEntry>) => {
  const exit = await Effect.runPromiseExit(Effect.provide(journal, layerMemory({ initial })))
  if (Exit.isSuccess(exit)) throw new Error("the journal opened")
  return Option.getOrThrow(Cause.findErrorOption(exit.cause))
}

describe("layerMemory", () => {
  it("replays its initial entries and continues after them", async () => {
    const [all, result] = await withJournal(layerMemory({ initial: seeded }), (journal) =>
      Effect.gen(function*() {
        const result = yield* journal.commit({ idempotencyKey: "k", appends: [{ _tag: "revision", record: rally("a", "a 3") as never, expected: 2 }] })
        return [yield* Stream.runCollect(journal.readAll()), result] as const
      }))
    expect(all.map((e) => [e.position, e.stream.id, e.revision])).toEqual([[1, "a", 1], [2, "b", 1], [3, "a", 2], [4, "a", 3]])
    expect(all[1]!.recordedAt).toBe(Date.UTC(2011, 11, 16, 2))
    expect(all[0]!.body).toEqual({ _tag: "revision", record: rally("a", "a 1") })
    expect(result.entries[0]!.position).toBe(4)
  })

  it("honours the idempotency keys of its initial entries", async () => {
    const result = await withJournal(layerMemory({ initial: seeded }), (journal) =>
      journal.commit({ idempotencyKey: "seed-2", appends: [{ _tag: "revision", record: rally("c", "c") as never, expected: "none" }] }))
    expect(result.duplicate).toBe(true)
    expect(result.entries.map((e) => e.position)).toEqual([2])
  })

  it("each build is a separate journal", async () => {
    const layer = layerMemory()
    const commit = (journal: JournalShape) =>
      Effect.andThen(journal.commit({ idempotencyKey: "k", appends: [{ _tag: "revision", record: rally("a", "a") as never, expected: "none" }] }), journal.head)
    expect(await withJournal(layer, commit)).toBe(1)
    expect(await withJournal(layer, commit)).toBe(1)
  })

  it("an initial entry out of position is a JournalCorruptionError naming the position", async () => {
    const error = await openError([stored(1, "a", 1), stored(3, "b", 1)])
    expect(error).toBeInstanceOf(JournalCorruptionError)
    expect(error).toMatchObject({ path: "memory", position: 3 })
    expect((error as JournalCorruptionError).reason).toContain("expected position 2")
  })

  it("a repeated position is a JournalCorruptionError", async () => {
    expect(await openError([stored(1, "a", 1), stored(1, "b", 1)])).toMatchObject({ _tag: "JournalCorruptionError", position: 1 })
  })

  it("a revision that skips is a JournalCorruptionError naming the position", async () => {
    const error = await openError([stored(1, "a", 1), stored(2, "a", 3)])
    expect(error).toMatchObject({ _tag: "JournalCorruptionError", position: 2 })
    expect((error as JournalCorruptionError).reason).toContain("jumps from revision 1 to 3")
  })

  it("a record that does not decode is a JournalCorruptionError naming the position", async () => {
    const error = await openError([stored(1, "a", 1), stored(2, "b", 1, { ...rally("b", "b"), when: "2011-13-40" })])
    expect(error).toMatchObject({ _tag: "JournalCorruptionError", position: 2 })
    expect((error as JournalCorruptionError).reason).toContain("does not decode")
    expect((error as JournalCorruptionError).message).toMatch(/^memory: position 2: /)
  })

  it("a record in another record's stream is a JournalCorruptionError naming the position", async () => {
    const error = await openError([stored(1, "a", 1, rally("b", "b"))])
    expect(error).toMatchObject({ _tag: "JournalCorruptionError", position: 1 })
    expect((error as JournalCorruptionError).reason).toContain("does not belong to stream event/a")
  })

  it("a record time that is not an instant is a JournalCorruptionError", async () => {
    expect(await openError([{ ...stored(1, "a", 1), recordedAt: "not a date" }])).toMatchObject({
      _tag: "JournalCorruptionError",
      position: 1
    })
  })
})

// Executable reports of bugs in the shared core (src/journal/internal/core.ts). Each test states
// what should happen and is expected to fail today; when the core is fixed it starts passing,
// vitest reports it, and it becomes an ordinary test (the first belongs in the conformance suite).
describe("core edge cases", () => {
  const commitExit = (request: unknown) =>
    Effect.runPromiseExit(Effect.flatMap(journal, (j) => j.commit(request as never)).pipe(Effect.provide(layerMemory())))
  const tagOf = (exit: Exit.Exit<unknown, { readonly _tag: string }>) =>
    Exit.isSuccess(exit) ? "success" : Option.match(Cause.findErrorOption(exit.cause), { onNone: () => "defect", onSome: (e) => e._tag })

  it("a record Record.decode rejects (an unknown field) is rejected, not stored without the field", async () => {
    const exit = await commitExit({ idempotencyKey: "k", appends: [{ _tag: "revision", record: { ...rally("a", "a"), crowd: 2000 }, expected: "none" }] })
    expect(tagOf(exit)).toBe("InvalidCommitError")
  })

  it("a stored schema version below 1 is a JournalCorruptionError, not a defect", async () => {
    const entry = stored(1, "a", 1)
    const exit = await Effect.runPromiseExit(Effect.provide(journal, layerMemory({ initial: [{ ...entry, body: { ...entry.body, schemaVersion: 0 } as never }] })))
    expect(tagOf(exit)).toBe("JournalCorruptionError")
  })

  it("a record time in a non-ISO format is corrupt (Date.parse reads it in the machine's time zone)", async () => {
    expect(await openError([{ ...stored(1, "a", 1), recordedAt: "16 December 2011" }])).toMatchObject({ _tag: "JournalCorruptionError" })
  })

  it("tail({ from: NaN }) follows new commits as tail() does", async () => {
    const seen = await withJournal(layerMemory(), (j) =>
      Effect.gen(function*() {
        const tail = yield* Effect.forkChild(Stream.runCollect(Stream.take(j.tail({ from: Number.NaN }), 1)))
        yield* Effect.sleep("10 millis")
        yield* j.commit({ idempotencyKey: "k", appends: [{ _tag: "revision", record: rally("a", "a") as never, expected: "none" }] })
        return yield* Fiber.join(tail).pipe(Effect.timeoutOrElse({ duration: "200 millis", orElse: () => Effect.succeed([]) }))
      }))
    expect(seen).toHaveLength(1)
  })

  it("the record time a commit returns is the one a store keeps (a clock with fractional milliseconds)", async () => {
    const clock: Clock.Clock = {
      currentTimeMillisUnsafe: () => 1_000.5,
      currentTimeMillis: Effect.succeed(1_000.5),
      currentTimeNanosUnsafe: () => 1_000_500_000n,
      currentTimeNanos: Effect.succeed(1_000_500_000n),
      monotonicTimeNanosUnsafe: () => 0n,
      monotonicTimeNanos: Effect.succeed(0n),
      sleep: () => Effect.void
    }
    const [committed, reopened] = await Effect.runPromise(Effect.gen(function*() {
      const kept: Array<StoredEntry> = []
      const store = yield* makeJournal({ name: "capture", load: loadAll([]), append: (es) => Effect.sync(() => void kept.push(...es)) })
      const result = yield* store.commit({ idempotencyKey: "k", appends: [{ _tag: "revision", record: rally("a", "a") as never, expected: "none" }] }).pipe(
        Effect.provideService(Clock.Clock, clock)
      )
      const again = yield* makeJournal({ name: "capture", load: loadAll(kept) })
      return [result.entries, yield* Stream.runCollect(again.readAll())] as const
    }))
    expect(reopened).toEqual(committed)
  })
})
