/**
 * The file store keeps the event loop running: a server using it stays responsive while commits
 * are written and fsynced, and while it waits to take over a lock (ticks are counted, not time).
 * Commits still land one at a time, whole, in order, and as they were asked for.
 */
import * as fs from "node:fs"
import * as os from "node:os"
import { spawnSync } from "node:child_process"
import { Context, Effect, Exit, Fiber, Layer, Scope, Stream } from "effect"
import { afterAll, expect, it } from "vitest"
import type { Append, CommitRequest } from "../../src/journal/Entry.js"
import { type JournalRepair, layerFile } from "../../src/file/FileJournal.js"
import { Journal, type JournalShape } from "../../src/journal/Journal.js"
import { checksumHex } from "../../src/file/internal/format.js"
import { actor, entryJson, removeScratch, tempJournal, withJournal, written } from "./fileHelpers.js"

afterAll(removeScratch)

/** A ticker on the check phase: it fires once per turn of the event loop. */
const ticker = () => {
  let ticks = 0
  let handle: NodeJS.Immediate | undefined
  const tick = () => {
    ticks++
    handle = setImmediate(tick)
  }
  handle = setImmediate(tick)
  return { ticks: () => ticks, stop: () => clearImmediate(handle) }
}

it("turns the event loop during every one of 200 commits, which succeed only after their write", async () => {
  const file = tempJournal()
  const clock = ticker()
  const during = await Effect.runPromise(withJournal(file, (journal) =>
    Effect.gen(function*() {
      const ticks: Array<number> = []
      for (let i = 0; i < 200; i++) {
        const before = clock.ticks()
        const size = written(file)
        yield* journal.commit({ idempotencyKey: `k${i}`, appends: [{ _tag: "revision", record: actor(`a${i}`), expected: "none" }] })
        ticks.push(clock.ticks() - before)
        // The commit is on disk when it succeeds.
        if (written(file) <= size) throw new Error(`commit ${i} succeeded before its write`)
      }
      return ticks
    }))).finally(clock.stop)
  const blocked = during.flatMap((ticks, i) => (ticks === 0 ? [i] : []))
  expect(blocked, "commits during which the event loop never turned").toEqual([])
})

it("turns the event loop while it waits for another process to finish taking over a stale lock", async () => {
  const file = tempJournal()
  const lock = `${file}.lock`
  // A stale lock (a dead pid on this host), and a breaker file showing that a live process (this
  // one, standing in for a rival) is removing it: the opener must wait for the breaker to go.
  const dead = spawnSync(process.execPath, ["-e", ""]).pid!
  const stale = JSON.stringify({ pid: dead, hostname: os.hostname(), since: "2024-01-01T00:00:00.000Z" })
  fs.writeFileSync(lock, stale)
  const breaker = `${lock}.break-${checksumHex(stale)}`
  fs.writeFileSync(breaker, JSON.stringify({ pid: process.pid, hostname: os.hostname(), since: "2024-01-01T00:00:00.000Z" }))
  const clock = ticker()
  // The rival finishes its takeover after 20 turns of the event loop: a blocked loop never gets there.
  const rival = new Promise<number>((resolve) => {
    const wait = () => {
      if (clock.ticks() < 20) return void setImmediate(wait)
      fs.unlinkSync(lock)
      fs.unlinkSync(breaker)
      resolve(clock.ticks())
    }
    wait()
  })
  const opened = await Effect.runPromise(Effect.exit(Layer.build(layerFile(file)).pipe(Effect.asVoid, Effect.scoped))).finally(clock.stop)
  expect(Exit.isSuccess(opened) ? "opened" : String(opened.cause)).toBe("opened")
  expect(await rival).toBeGreaterThanOrEqual(20)
})

const create = (id: string, description?: string): Append => ({ _tag: "revision", record: actor(id, description), expected: "none" })
/** A commit of four records with long descriptions (about 4 MB), so that its write takes a while. */
const big = (key: string): CommitRequest => ({
  idempotencyKey: key,
  appends: Array.from({ length: 4 }, (_, i) => create(`${key}-${i}`, "ө".repeat(500_000)))
})
/** Waits, turning the event loop, until the journal's content has grown past `size`. */
const grown = (file: string, size: number) =>
  Effect.gen(function*() {
    while (written(file) <= size) yield* Effect.sleep("1 millis")
  })
/** Reopens `file`: its entries as JSON, and the repairs the open reported. */
const reopen = async (file: string) => {
  const repairs: Array<JournalRepair> = []
  const entries = await Effect.runPromise(withJournal(file, (journal) => Stream.runCollect(journal.readAll()), {
    onRepair: (repair) => void repairs.push(repair)
  }))
  return { entries: entries.map(entryJson), repairs }
}
const everything = (journal: JournalShape) => Effect.map(Stream.runCollect(journal.readAll()), (entries) => entries.map(entryJson))

it("concurrent commits land one at a time, each whole, in the order they are given positions", async () => {
  const file = tempJournal()
  const seen = await Effect.runPromise(withJournal(file, (journal) =>
    Effect.gen(function*() {
      const results = yield* Effect.forEach(Array.from({ length: 40 }, (_, i) => i), (i) =>
        journal.commit({ idempotencyKey: `k${i}`, appends: [create(`a${i}`), create(`b${i}`)] }), { concurrency: "unbounded" })
      const positions = results.flatMap((r) => r.entries.map((e) => e.position)).sort((a, b) => a - b)
      expect(positions).toEqual(Array.from({ length: 80 }, (_, i) => i + 1))
      for (const r of results) expect(r.entries[1]!.position).toBe(r.entries[0]!.position + 1)
      return yield* everything(journal)
    })))
  expect(await reopen(file)).toEqual({ entries: seen, repairs: [] })
})

it("a commit interrupted while it is written either lands whole or not at all; the file matches memory", async () => {
  const file = tempJournal()
  const seen = await Effect.runPromise(withJournal(file, (journal) =>
    Effect.gen(function*() {
      const size = written(file)
      const fiber = yield* Effect.forkChild(journal.commit(big("big")))
      yield* grown(file, size)
      yield* Fiber.interrupt(fiber)
      yield* journal.commit({ idempotencyKey: "small", appends: [create("small")] })
      return yield* everything(journal)
    })))
  expect(seen.length === 1 || seen.length === 5).toBe(true)
  expect(await reopen(file)).toEqual({ entries: seen, repairs: [] })
})

it("a request changed by its caller while its commit waits for an earlier one is written as it was given", async () => {
  const file = tempJournal()
  const stored = await Effect.runPromise(withJournal(file, (journal) =>
    Effect.gen(function*() {
      const first = yield* Effect.forkChild(journal.commit(big("big")))
      const request = { idempotencyKey: "k2", author: "editor", appends: [create("actor-1")] }
      const second = yield* Effect.forkChild(journal.commit(request))
      yield* Effect.yieldNow
      request.idempotencyKey = "changed"
      request.author = "someone else"
      request.appends[0] = create("actor-2")
      yield* Fiber.join(first)
      return (yield* Fiber.join(second)).entries.map((e) => [e.idempotencyKey, e.author, e.stream.id])
    })))
  expect(stored).toEqual([["k2", "editor", "actor-1"]])
})

it("closing the journal waits for the commit in flight; later commits fail with a store error", async () => {
  const file = tempJournal()
  const scope = Effect.runSync(Scope.make())
  const context = await Effect.runPromise(Layer.buildWithScope(layerFile(file), scope))
  const journal = Context.get(context, Journal)
  const size = written(file)
  const inFlight = Effect.runPromiseExit(journal.commit(big("big")))
  await Effect.runPromise(grown(file, size))
  await Effect.runPromise(Scope.close(scope, Exit.void))
  const exit = await inFlight
  const after = await Effect.runPromiseExit(journal.commit({ idempotencyKey: "late", appends: [create("late")] }))
  expect(Exit.isFailure(after) && Exit.findErrorOption(after)).toMatchObject({ value: { _tag: "JournalStoreError", method: "append" } })
  const { entries, repairs } = await reopen(file)
  expect(repairs).toEqual([])
  expect(entries).toHaveLength(Exit.isSuccess(exit) ? 4 : 0)
})

it("with keepInMemory, a read after the journal closed fails with a store error, and one begun before is waited for", async () => {
  const file = tempJournal()
  const scope = Effect.runSync(Scope.make())
  const context = await Effect.runPromise(Layer.buildWithScope(layerFile(file, { keepInMemory: 0 }), scope))
  const journal = Context.get(context, Journal)
  await Effect.runPromise(journal.commit({ idempotencyKey: "k1", appends: [create("a"), create("b")] }))
  const before = Effect.runPromiseExit(Stream.runCollect(journal.readAll()))
  await Effect.runPromise(Scope.close(scope, Exit.void))
  const begun = await before
  expect(Exit.isSuccess(begun) ? begun.value.map((e) => e.stream.id) : Exit.findErrorOption(begun)).toEqual(["a", "b"])
  const after = await Effect.runPromiseExit(Stream.runCollect(journal.readAll()))
  expect(Exit.isFailure(after) && Exit.findErrorOption(after)).toMatchObject({ value: { _tag: "JournalStoreError", method: "read" } })
})

it("a tail receives each entry only once its commit is in the file", async () => {
  const file = tempJournal()
  const received = await Effect.runPromise(withJournal(file, (journal) =>
    Effect.gen(function*() {
      const sizes: Array<number> = []
      const tail = yield* Effect.forkChild(
        Stream.runForEach(Stream.take(journal.tail(), 30), () => Effect.sync(() => void sizes.push(written(file))))
      )
      yield* Effect.forEach(Array.from({ length: 15 }, (_, i) => i), (i) =>
        journal.commit({ idempotencyKey: `k${i}`, appends: [create(`a${i}`, "ө".repeat(20_000)), create(`b${i}`)] }), { concurrency: 3 })
      yield* Fiber.join(tail)
      return sizes
    })))
  // The byte offset at which each entry's line ends: the tail saw the file at least that long.
  const ends: Array<number> = []
  const bytes = fs.readFileSync(file)
  for (let at = bytes.indexOf(0x0a) + 1; at < bytes.length; at = bytes.indexOf(0x0a, at) + 1) ends.push(bytes.indexOf(0x0a, at) + 1)
  expect(received.map((size, i) => size >= ends[i]!)).toEqual(ends.map(() => true))
})
