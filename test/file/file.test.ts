import { spawnSync } from "node:child_process"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { crc32 } from "node:zlib"
import { Effect, Layer, Stream } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Append, CommitRequest, StoredEntry } from "../../src/journal/Entry.js"
import { layerFile } from "../../src/file/FileJournal.js"
import type { Migration } from "../../src/journal/Upcast.js"
import { journalConformance } from "../../src/testing/index.js"
import { bundleChild, type Child, startChild } from "./childProcess.js"
import { actor, entryJson, entryLine, removeScratch, tempJournal, withJournal } from "./fileHelpers.js"

const HEADER = `{"format":"protest-chronicle/journal","version":1}`

afterAll(removeScratch)

journalConformance("file", () => layerFile(tempJournal()), { describe, it }, {
  numRuns: 30,
  durable: () => {
    const file = tempJournal()
    return () => layerFile(file)
  }
})

// The same laws when entries are read back from the file: none kept in memory, or only the first few.
for (const keepInMemory of [0, 3]) {
  journalConformance(`file, keepInMemory ${keepInMemory}`, () => layerFile(tempJournal(), { keepInMemory }), { describe, it }, {
    numRuns: 15,
    durable: () => {
      const file = tempJournal()
      return () => layerFile(file, { keepInMemory })
    }
  })
}

const run = <A, E>(effect: Effect.Effect<A, E>): Promise<A> => Effect.runPromise(effect)
/** The error `effect` fails with (the test fails if it succeeds). */
const failure = <A, E>(effect: Effect.Effect<A, E>): Promise<E> => Effect.runPromise(Effect.flip(effect))

const create = (id: string, description?: string): Append => ({ _tag: "revision", record: actor(id, description), expected: "none" })
const commit = (file: string, ...requests: ReadonlyArray<CommitRequest>) =>
  run(withJournal(file, (journal) => Effect.forEach(requests, (request) => journal.commit(request))))
const readAll = (file: string) => run(withJournal(file, (journal) => Stream.runCollect(journal.readAll())))
const open = (file: string) => withJournal(file, (journal) => journal.head)

/** A journal with three entries in two commits (lines 2, 3 and 4). */
const threeEntries = async (): Promise<string> => {
  const file = tempJournal()
  await commit(
    file,
    { idempotencyKey: "k1", appends: [create("actor-1")] },
    { idempotencyKey: "k2", appends: [create("actor-2"), create("actor-3")] }
  )
  return file
}

const lines = (file: string): Array<string> => fs.readFileSync(file, "utf8").split("\n")

/** A stale lock: the pid of a process that has exited, on this host. */
const deadPid = (): number => {
  const child = spawnSync(process.execPath, ["-e", ""])
  if (child.pid === undefined) throw new Error("could not start a process")
  return child.pid
}

const writeLock = (file: string, holder: { readonly pid: number; readonly hostname?: string }) =>
  fs.writeFileSync(`${file}.lock`, JSON.stringify({ pid: holder.pid, hostname: holder.hostname ?? os.hostname(), since: "2024-01-01T00:00:00.000Z" }))

describe("layerFile: commits and reads", () => {
  it("reads back after reopening exactly the entries and records it committed", async () => {
    const file = tempJournal()
    const committed = await run(withJournal(file, (journal) =>
      Effect.gen(function*() {
        yield* journal.commit({ idempotencyKey: "k1", author: "editor", appends: [create("actor-1")] })
        yield* journal.commit({
          idempotencyKey: "k2",
          reason: "add a description",
          appends: [{ _tag: "revision", record: actor("actor-1", "Жанаозен oil workers"), expected: 1 }, create("actor-2")]
        })
        yield* journal.commit({
          idempotencyKey: "k3",
          appends: [{ _tag: "retraction", stream: { type: "actor", id: "actor-2" }, expected: 1, reason: "a duplicate" }]
        })
        return yield* Stream.runCollect(journal.readAll())
      })))
    const reopened = await run(withJournal(file, (journal) =>
      Effect.gen(function*() {
        return {
          all: yield* Stream.runCollect(journal.readAll()),
          actor1: yield* journal.readStream({ type: "actor", id: "actor-1" }),
          head: yield* journal.head,
          again: yield* journal.commit({ idempotencyKey: "k2", appends: [create("actor-9")] })
        }
      })))
    expect(reopened.all).toEqual(committed)
    expect(reopened.all.map(entryJson)).toEqual(committed.map(entryJson))
    expect(reopened.head).toBe(4)
    expect(reopened.actor1.map((e) => e.revision)).toEqual([1, 2])
    const latest = reopened.actor1[1]!.body
    expect(latest._tag === "revision" && latest.record.type === "actor" ? latest.record.description : undefined).toBe("Жанаозен oil workers")
    // An idempotency key is remembered across reopening.
    expect(reopened.again.duplicate).toBe(true)
    expect(reopened.again.entries.map(entryJson)).toEqual(committed.slice(1, 3).map(entryJson))
  })

  it("creates a missing file with its header, and writes nothing else until a commit", async () => {
    const file = tempJournal()
    expect(await run(open(file))).toBe(0)
    expect(fs.readFileSync(file, "utf8")).toBe(`${HEADER}\n`)
  })

  it("writes the header into an empty file, or over the start of a header cut short", async () => {
    for (const content of ["", HEADER.slice(0, 20)]) {
      const file = tempJournal()
      fs.writeFileSync(file, content)
      expect(await run(open(file))).toBe(0)
      expect(fs.readFileSync(file, "utf8")).toBe(`${HEADER}\n`)
    }
  })

  it("writes a header line, then one line per entry: <json> TAB <i>/<n> TAB <crc32 of what precedes the last tab>", async () => {
    const file = await threeEntries()
    const [header, ...entries] = lines(file)
    expect(header).toBe(HEADER)
    expect(entries.pop()).toBe("") // the file ends in a newline
    expect(entries.map((line) => line.split("\t")[1])).toEqual(["1/1", "1/2", "2/2"])
    entries.forEach((line, i) => {
      const [json, counter, checksum] = line.split("\t")
      expect(checksum).toMatch(/^[0-9a-f]{8}$/)
      expect(parseInt(checksum!, 16)).toBe(crc32(`${json}\t${counter}`))
      const stored = JSON.parse(json!) as StoredEntry
      expect(stored.position).toBe(i + 1)
      expect(stored.body).toMatchObject({ _tag: "revision", schemaVersion: 1, record: { type: "actor", id: `actor-${i + 1}` } })
    })
  })

  it("leaves the file byte for byte unchanged when a commit fails or repeats a key", async () => {
    const file = await threeEntries()
    const before = fs.readFileSync(file)
    const errors = await run(withJournal(file, (journal) =>
      Effect.gen(function*() {
        const conflict = yield* Effect.flip(journal.commit({ idempotencyKey: "k3", appends: [create("actor-4"), create("actor-1")] }))
        const invalid = yield* Effect.flip(journal.commit({ idempotencyKey: "k4", appends: [] }))
        const repeat = yield* journal.commit({ idempotencyKey: "k1", appends: [create("actor-5")] })
        return [conflict._tag, invalid._tag, repeat.duplicate]
      })))
    expect(errors).toEqual(["ConflictError", "InvalidCommitError", true])
    expect(fs.readFileSync(file).equals(before)).toBe(true)
  })

  it("upcasts a hand-written version 1 line through the migrations it is given", async () => {
    const file = tempJournal()
    const v1: StoredEntry = {
      position: 1,
      stream: { type: "actor", id: "ozenmunaigas" },
      revision: 1,
      recordedAt: "2011-12-16T05:00:00.000Z",
      idempotencyKey: "import-2011",
      body: { _tag: "revision", schemaVersion: 1, record: { type: "actor", id: "ozenmunaigas", category: "company", title: "Ozenmunaigas JSC" } }
    }
    fs.writeFileSync(file, `${HEADER}\n${entryLine(JSON.stringify(v1))}`)
    const renamed: Migration = {
      type: "actor",
      from: 1,
      up: (record) => {
        const { category, title, ...rest } = record as { readonly category: string; readonly title: string }
        return { ...rest, kind: category, name: title }
      }
    }
    const entries = await run(withJournal(file, (journal) =>
      Effect.gen(function*() {
        yield* journal.commit({ idempotencyKey: "k2", appends: [create("kmg")] })
        return yield* Stream.runCollect(journal.readAll())
      }), { migrations: [renamed] }))
    expect(entries.map(entryJson).map((json) => JSON.parse(json).body.record)).toEqual([
      { type: "actor", id: "ozenmunaigas", kind: "company", name: "Ozenmunaigas JSC" },
      { type: "actor", id: "kmg", kind: "workers", name: "Workers kmg" }
    ])
    // New bodies are written in the current version; the old line is never rewritten.
    const [, first, second] = lines(file)
    expect(first).toBe(entryLine(JSON.stringify(v1)).trimEnd())
    expect(JSON.parse(second!.split("\t")[0]!).body.schemaVersion).toBe(2)
  })
})

describe("layerFile: entries read back from the file (keepInMemory)", () => {
  it("reads entries past keepInMemory from the file: all of them, one stream's, a repeated key's, and live ones", async () => {
    const file = await threeEntries()
    const got = await run(withJournal(file, (journal) =>
      Effect.gen(function*() {
        yield* journal.commit({ idempotencyKey: "k3", appends: [{ _tag: "revision", record: actor("actor-1", "renamed"), expected: 1, reason: "fix" }] })
        const all = yield* Stream.runCollect(journal.readAll())
        const from3 = yield* Stream.runCollect(journal.readAll({ from: 3 }))
        const history = yield* journal.readStream({ type: "actor", id: "actor-1" })
        const repeat = yield* journal.commit({ idempotencyKey: "k2", appends: [create("actor-9")] })
        const tail = yield* Stream.runCollect(journal.tail({ from: 2 }).pipe(Stream.take(3)))
        return {
          positions: all.map((e) => e.position),
          from3: from3.map((e) => e.position),
          history: history.map((e) => [e.position, e.revision]),
          repeat: [repeat.duplicate, ...repeat.entries.map((e) => e.stream.id)],
          tail: tail.map((e) => e.position),
          frozen: all.every((e) => Object.isFrozen(e) && Object.isFrozen(e.body))
        }
      }), { keepInMemory: 1 }))
    expect(got).toEqual({
      positions: [1, 2, 3, 4],
      from3: [3, 4],
      history: [[1, 1], [4, 2]],
      repeat: [true, "actor-2", "actor-3"],
      tail: [2, 3, 4],
      frozen: true
    })
  })

  it("fails a read with a corruption error naming the line when the file was changed behind its back", async () => {
    const file = await threeEntries()
    const error = await failure(withJournal(file, (journal) =>
      Effect.gen(function*() {
        const text = fs.readFileSync(file, "utf8").split("\n")
        text[2] = text[2]!.replace("actor-2", "actor-X")
        fs.writeFileSync(file, text.join("\n"))
        return yield* Stream.runCollect(journal.readAll())
      }), { keepInMemory: 0 }))
    expect(error._tag).toBe("JournalCorruptionError")
    expect(error._tag === "JournalCorruptionError" && error.line).toBe(3)
    expect(error.message).toMatch(/checksum mismatch/)
  })

  it("refuses a keepInMemory that is not a number of entries, before touching the file", async () => {
    for (const keepInMemory of [-1, Number.NaN, "10" as unknown as number]) {
      const file = tempJournal()
      const error = await failure(withJournal(file, (journal) => journal.head, { keepInMemory }))
      expect(error._tag).toBe("JournalStoreError")
      expect(error.message).toMatch(/keepInMemory/)
      expect(fs.existsSync(file)).toBe(false)
    }
  })
})

describe("layerFile: the lock", () => {
  it("refuses a second writer while the first is open, naming the holder, and frees the lock on close", async () => {
    const file = tempJournal()
    const error = await run(withJournal(file, () => Effect.flip(Layer.build(layerFile(file)).pipe(Effect.scoped))))
    expect(error._tag).toBe("JournalLockedError")
    expect(error._tag === "JournalLockedError" ? error.holder : undefined).toMatchObject({ pid: process.pid, hostname: os.hostname() })
    expect(fs.existsSync(`${file}.lock`)).toBe(false)
    expect(await run(open(file))).toBe(0)
  })

  it("holds { pid, hostname, since } in <path>.lock while open", async () => {
    const file = tempJournal()
    const lock = await run(withJournal(file, () => Effect.sync(() => JSON.parse(fs.readFileSync(`${file}.lock`, "utf8")))))
    expect(lock).toEqual({ pid: process.pid, hostname: os.hostname(), since: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) })
  })

  it("refuses a lock held by another live process, or by a process on another host, and leaves it be", async () => {
    for (const holder of [{ pid: process.ppid }, { pid: deadPid(), hostname: "elsewhere.example" }]) {
      const file = tempJournal()
      writeLock(file, holder)
      const lock = fs.readFileSync(`${file}.lock`)
      const error = await failure(open(file))
      expect(error).toMatchObject({ _tag: "JournalLockedError", path: file, holder: { pid: holder.pid } })
      expect(fs.readFileSync(`${file}.lock`).equals(lock)).toBe(true)
    }
  })

  it("takes over a lock left by a dead process on this host", async () => {
    const file = await threeEntries()
    const pid = deadPid()
    writeLock(file, { pid })
    expect(await run(withJournal(file, (journal) =>
      Effect.sync(() => JSON.parse(fs.readFileSync(`${file}.lock`, "utf8")).pid).pipe(Effect.zip(journal.head))))).toEqual([process.pid, 3])
    expect(fs.readdirSync(path.dirname(file))).toEqual(["journal.jsonl"])
  })

  it("fails with a store error on a lock file it cannot read", async () => {
    const file = tempJournal()
    fs.writeFileSync(`${file}.lock`, "locked by hand")
    expect(await failure(open(file))).toMatchObject({ _tag: "JournalStoreError", method: "lock" })
  })

  describe("processes racing to take over one stale lock", () => {
    let script: string
    beforeAll(async () => {
      script = await bundleChild("file-child")
    })

    it("lets exactly one of them win, round after round", async () => {
      const file = tempJournal()
      const racers: ReadonlyArray<Child> = Array.from({ length: 4 }, () => startChild(script, ["race", file]))
      try {
        for (let round = 1; round <= 15; round++) {
          writeLock(file, { pid: deadPid() })
          const outcomes = racers.map((racer) => racer.nextLine())
          for (const racer of racers) racer.send("go")
          const results = await Promise.all(outcomes)
          const winners = results.filter((line) => line.startsWith("won "))
          expect(winners, `round ${round}: ${results.join(", ")}`).toHaveLength(1)
          const winner = winners[0]!.slice(4)
          expect(results.filter((line) => line !== `locked ${winner}`), `round ${round}`).toEqual([`won ${winner}`])
          for (const racer of racers) racer.send("release") // losers ignore it
          await racers.find((racer) => String(racer.process.pid) === winner)!.nextLine((line) => line === "released")
          expect(fs.readdirSync(path.dirname(file)).sort(), `round ${round}: no lock or breaker files are left`).toEqual(["journal.jsonl"])
        }
      } finally {
        for (const racer of racers) racer.process.kill()
      }
    })
  })
})

describe.skipIf(spawnSync("prlimit", ["--version"]).status !== 0)("layerFile: a failed write", () => {
  it("cuts a short write back and fails with a store error; the next commit appends cleanly", async () => {
    const script = await bundleChild("file-child")
    const file = await threeEntries()
    const before = fs.readFileSync(file)
    const child = startChild(script, ["grow", file])
    const pid = (await child.nextLine()).replace("ready ", "")
    // Let the file grow by only a few bytes more: the big commit's write comes up short.
    expect(spawnSync("prlimit", ["--pid", pid, `--fsize=${before.length + 400}:${before.length + 400}`]).status).toBe(0)
    child.send("go")
    expect(await child.nextLine()).toBe("big JournalStoreError append")
    expect(await child.nextLine()).toBe("small ok")
    await child.closed
    const after = fs.readFileSync(file)
    expect(after.subarray(0, before.length).equals(before)).toBe(true)
    expect(after.length).toBeLessThanOrEqual(before.length + 400)
    expect((await readAll(file)).map((e) => e.stream.id)).toEqual(["actor-1", "actor-2", "actor-3", "small"])
  })
})
