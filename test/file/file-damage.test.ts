/**
 * What the file store does with a file a crash, a flipped bit or another program has changed: a
 * torn write (an unfinished last line) is cut and reported; anything else is corruption, reported
 * with what to do, and nothing changes unless `repair: "moveAside"` asks to move the damage aside.
 */
import * as fs from "node:fs"
import { fc } from "@fast-check/vitest"
import { Effect, Exit, Stream } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import type { Append, CommitRequest } from "../../src/journal/Entry.js"
import type { JournalCorruptionError } from "../../src/journal/errors.js"
import type { FileJournalOptions, JournalRepair } from "../../src/file/FileJournal.js"
import { actor, entryLine, removeScratch, tempJournal, withJournal } from "./fileHelpers.js"

afterAll(removeScratch)

const run = <A, E>(effect: Effect.Effect<A, E>): Promise<A> => Effect.runPromise(effect)
const create = (id: string, description?: string): Append => ({ _tag: "revision", record: actor(id, description), expected: "none" })
const commit = (file: string, ...requests: ReadonlyArray<CommitRequest>) =>
  run(withJournal(file, (journal) => Effect.forEach(requests, (request) => journal.commit(request))))
const ids = (file: string, options: FileJournalOptions = {}) =>
  run(withJournal(file, (journal) => Stream.runCollect(journal.readAll()), options)).then((entries) => entries.map((e) => e.stream.id))
/** Opens `file`, recording the repairs reported; the exit of the open and the repairs. */
const open = async (file: string, options: FileJournalOptions = {}) => {
  const repairs: Array<JournalRepair & { readonly sizeThen: number }> = []
  const exit = await Effect.runPromiseExit(withJournal(file, (journal) => journal.head, {
    ...options,
    onRepair: (repair) => repairs.push({ ...repair, sizeThen: fs.statSync(file).size })
  }))
  return { exit, repairs }
}
/** The corruption error an open fails with (the test fails on anything else). */
const corruptionOf = async (file: string, options: FileJournalOptions = {}): Promise<JournalCorruptionError> => {
  const { exit, repairs } = await open(file, options)
  expect(repairs).toEqual([])
  if (Exit.isSuccess(exit)) throw new Error(`the open succeeded with head ${exit.value}`)
  const error = Exit.findErrorOption(exit)
  if (error._tag === "None" || error.value._tag !== "JournalCorruptionError") throw new Error(`not a corruption error: ${String(exit.cause)}`)
  return error.value
}

/** A journal with three entries in two commits (lines 2, 3 and 4). */
const threeEntries = async (): Promise<string> => {
  const file = tempJournal()
  await commit(file, { idempotencyKey: "k1", appends: [create("actor-1")] }, { idempotencyKey: "k2", appends: [create("actor-2"), create("actor-3")] })
  return file
}

/** A journal of three entries, and the bytes a fourth commit of three entries appends to it. */
const withNextCommit = async () => {
  const file = await threeEntries()
  const intact = fs.readFileSync(file)
  await commit(file, { idempotencyKey: "k3", appends: [create("actor-4", "ө".repeat(40)), create("actor-5"), create("actor-6")] })
  const next = fs.readFileSync(file).subarray(intact.length)
  fs.writeFileSync(file, intact)
  return { file, intact, next }
}

const lines = (file: string): Array<string> => fs.readFileSync(file, "utf8").split("\n")

describe("a torn write (an unfinished last line) is cut, and the program is told", () => {
  it("cuts any unfinished prefix of a commit; a prefix that ends in a newline is corruption, and changes nothing", async () => {
    const { file, intact, next } = await withNextCommit()
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: next.length - 1 }), async (k) => {
        fs.writeFileSync(file, Buffer.concat([intact, next.subarray(0, k)]))
        const { exit, repairs } = await open(file)
        if (next[k - 1] === 0x0a) {
          // Whole lines of an unfinished commit: a crash leaves the line it stops in unfinished.
          expect(Exit.isFailure(exit)).toBe(true)
          expect(repairs).toEqual([])
          expect(fs.readFileSync(file).length).toBe(intact.length + k)
        } else {
          expect(exit).toEqual(Exit.succeed(3))
          expect(repairs).toEqual([{
            _tag: "TornWriteCut",
            path: file,
            line: 5,
            offset: intact.length,
            bytes: k,
            reason: expect.stringMatching(/cut short by a crash/),
            sizeThen: intact.length + k // reported before the file changed
          }])
          expect(fs.readFileSync(file).equals(intact)).toBe(true)
        }
      }),
      { numRuns: 40, examples: [[1], [next.indexOf(0x0a)], [next.indexOf(0x0a) + 1], [next.length - 1]] }
    )
  })

  it("cuts an unfinished last line followed by NUL bytes (reserved space, or blocks a file system allocated but never filled)", async () => {
    const { file, intact, next } = await withNextCommit()
    for (const nul of [1, 4096, 1024 * 1024]) {
      const tail = Buffer.concat([next.subarray(0, 30), Buffer.alloc(nul)])
      fs.writeFileSync(file, Buffer.concat([intact, tail]))
      const { exit, repairs } = await open(file)
      expect(exit).toEqual(Exit.succeed(3))
      expect(repairs.map((r) => [r._tag, r.bytes])).toEqual([["TornWriteCut", tail.length]])
      expect(fs.readFileSync(file).equals(intact)).toBe(true)
    }
  })

  it("cuts whole lines of an unfinished commit followed by NUL bytes (a write that stopped after a newline)", async () => {
    const { file, intact, next } = await withNextCommit()
    const tail = Buffer.concat([next.subarray(0, next.indexOf(0x0a) + 1), Buffer.alloc(4096)])
    fs.writeFileSync(file, Buffer.concat([intact, tail]))
    const { exit, repairs } = await open(file)
    expect(exit).toEqual(Exit.succeed(3))
    expect(repairs.map((r) => [r._tag, r.line, r.bytes])).toEqual([["TornWriteCut", 5, tail.length]])
    expect(fs.readFileSync(file).equals(intact)).toBe(true)
  })

  it("keeps NUL bytes after the last commit as reserved space: nothing is reported, commits overwrite them, closing cuts them", async () => {
    const { file, intact } = await withNextCommit()
    for (const nul of [1, 4096, 3 * 1024 * 1024 + 5]) {
      fs.writeFileSync(file, Buffer.concat([intact, Buffer.alloc(nul)]))
      const { exit, repairs } = await open(file)
      expect(exit).toEqual(Exit.succeed(3))
      expect(repairs).toEqual([])
      expect(fs.readFileSync(file).equals(intact)).toBe(true)
    }
    fs.writeFileSync(file, Buffer.concat([intact, Buffer.alloc(4096)]))
    await commit(file, { idempotencyKey: "k4", appends: [create("actor-7")] })
    expect(fs.readFileSync(file).subarray(0, intact.length).equals(intact)).toBe(true)
    expect(fs.readFileSync(file).includes(0)).toBe(false)
    expect(await ids(file)).toEqual(["actor-1", "actor-2", "actor-3", "actor-7"])
  })

  it("commits go on cleanly after a cut", async () => {
    const { file, intact, next } = await withNextCommit()
    fs.writeFileSync(file, Buffer.concat([intact, next.subarray(0, next.length - 1)]))
    await commit(file, { idempotencyKey: "k4", appends: [create("actor-7")] })
    expect(await ids(file)).toEqual(["actor-1", "actor-2", "actor-3", "actor-7"])
  })
})

describe("anything else is corruption: a typed error naming the line and what to do; nothing changes", () => {
  /** Damages the file, checks the open fails naming `line` and changes nothing; the error. */
  const corruptAt = async (file: string, damage: (bytes: Buffer) => Buffer, line: number, reason: RegExp) => {
    const damaged = damage(fs.readFileSync(file))
    fs.writeFileSync(file, damaged)
    const error = await corruptionOf(file)
    expect(error).toMatchObject({ _tag: "JournalCorruptionError", path: file, line })
    expect(error.reason).toMatch(reason)
    expect(error.message).toMatch(/restore the file from a backup/i)
    expect(fs.readFileSync(file).equals(damaged)).toBe(true)
    expect(fs.existsSync(`${file}.lock`)).toBe(false)
    return error
  }

  it("a flipped bit anywhere in the last, fsynced commit, its newline included", async () => {
    const file = await threeEntries()
    const intact = fs.readFileSync(file)
    const lastCommit = intact.lastIndexOf(0x0a, intact.lastIndexOf(0x0a, intact.length - 2) - 1) + 1 // lines 3 and 4
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: lastCommit, max: intact.length - 1 }), fc.integer({ min: 0, max: 7 }), async (at, bit) => {
        fs.writeFileSync(file, intact)
        const error = await corruptAt(file, (bytes) => {
          bytes[at] = bytes[at]! ^ (1 << bit)
          return bytes
        }, at <= intact.indexOf(0x0a, lastCommit) ? 3 : 4, /./)
        expect(error.damagedLines).toBeGreaterThanOrEqual(1)
      }),
      { numRuns: 40, examples: [[intact.length - 1, 0], [intact.length - 1, 5], [intact.length - 2, 0]] }
    )
  })

  it("a whole line appended by another program, with or without a newline", async () => {
    const file = await threeEntries()
    const intact = fs.readFileSync(file)
    await corruptAt(file, (bytes) => Buffer.concat([bytes, Buffer.from("note: checked by hand\n")]), 5, /does not end in a tab and a checksum/)
    fs.writeFileSync(file, intact)
    await corruptAt(file, (bytes) => Buffer.concat([bytes, Buffer.from("note: checked by hand")]), 5, /not the start of entry 4/)
  })

  it("a last line whose checksum matches, on a line that is whole but not JSON", async () => {
    const file = await threeEntries()
    await corruptAt(file, (bytes) => Buffer.concat([bytes, Buffer.from(entryLine(`{"position":4,"str`))]), 5, /not JSON/)
  })

  it("a last commit whose lines are whole but fewer than its counter says", async () => {
    const file = await threeEntries()
    const [, second] = lines(file)
    const json = second!.split("\t")[0]!.replace(`"position":1`, `"position":4`).replace(`"idempotencyKey":"k1"`, `"idempotencyKey":"k3"`)
    await corruptAt(file, (bytes) => Buffer.concat([bytes, Buffer.from(entryLine(json, 1, 2))]), 5, /holds 1 of its 2 entries, yet its last line is whole/)
  })

  it("a flipped byte in a middle line, telling how many of the lines after it are damaged", async () => {
    const file = await threeEntries()
    const error = await corruptAt(file, (bytes) => Buffer.from(bytes.toString("utf8").replace("actor-2", "actor-7")), 3, /checksum mismatch/)
    expect(error.damagedLines).toBe(1)
    expect(error.reason).toMatch(/lines 3–4 .*; 1 of them fail their checksum \(line 3\)/)
  })

  it("lines saved with Windows line endings", async () => {
    const file = await threeEntries()
    await corruptAt(file, (bytes) => Buffer.from(bytes.toString("utf8").replaceAll("\n", "\r\n")), 2, /Windows line endings/)
  })

  it("a million bad lines: the error names the first few and the count, briefly", async () => {
    const file = await threeEntries()
    const garbage = Buffer.alloc(2_000_000, "x\n")
    const error = await corruptAt(file, (bytes) => Buffer.concat([bytes, garbage]), 5, /does not end in a tab/)
    expect(error.damagedLines).toBe(1_000_000)
    expect(error.reason).toMatch(/lines 5–1,000,004 .*; all of them fail their checksum \(lines 5, 6, 7, 8, 9, …\)/)
    expect(error.message.length).toBeLessThan(1_000)
  })

  it("a huge damaged line is never repeated in the error", async () => {
    const file = await threeEntries()
    const error = await corruptAt(file, (bytes) => Buffer.concat([bytes, Buffer.from(`{"position":4,"${"k".repeat(5_000_000)}":1}\t1/1\t00000000\n`)]), 5, /checksum mismatch/)
    expect(error.message.length).toBeLessThan(1_000)
  })
})

describe(`repair: "moveAside" moves the damage aside, never deletes it`, () => {
  it("moves the lines from the last intact commit on into <path>.damaged, reports it first, and commits go on", async () => {
    const { file, intact, next } = await withNextCommit()
    const flipped = Buffer.from(next)
    flipped[10] = flipped[10]! ^ 1
    const damaged = Buffer.concat([intact, flipped])
    fs.writeFileSync(file, damaged)
    const { exit, repairs } = await open(file, { repair: "moveAside" })
    expect(exit).toEqual(Exit.succeed(3))
    expect(repairs).toEqual([{
      _tag: "DamageMovedAside",
      path: file,
      line: 5,
      offset: intact.length,
      bytes: next.length,
      reason: expect.stringMatching(/^line 5: checksum mismatch/),
      movedTo: `${file}.damaged`,
      sizeThen: damaged.length
    }])
    expect(fs.readFileSync(file).equals(intact)).toBe(true)
    expect(fs.readFileSync(`${file}.damaged`).equals(flipped)).toBe(true)
    // A second repair never overwrites the first one's file.
    fs.writeFileSync(file, damaged)
    expect((await open(file, { repair: "moveAside" })).repairs.map((r) => r.movedTo)).toEqual([`${file}.damaged-2`])
    expect(fs.readFileSync(`${file}.damaged`).equals(flipped)).toBe(true)
    await commit(file, { idempotencyKey: "k4", appends: [create("actor-7")] })
    expect(await ids(file)).toEqual(["actor-1", "actor-2", "actor-3", "actor-7"])
  })

  it("never repairs a file that is not a journal, or a newer format", async () => {
    for (const header of ["id,title\n", `{"format":"protest-chronicle/journal","version":2}\n`]) {
      const file = tempJournal()
      fs.writeFileSync(file, `${header}1,strike\n`)
      const error = await corruptionOf(file, { repair: "moveAside" })
      expect(error).toMatchObject({ line: 1 })
      expect(error.reason).toMatch(/not a journal|format version 2/)
      expect(fs.readFileSync(file, "utf8")).toBe(`${header}1,strike\n`)
      expect(fs.existsSync(`${file}.damaged`)).toBe(false)
    }
  })

  it("when onRepair throws, or its promise rejects, changes nothing and fails with a store error", async () => {
    const { file, intact, next } = await withNextCommit()
    const torn = Buffer.concat([intact, next.subarray(0, 20)])
    fs.writeFileSync(file, torn)
    const failing: ReadonlyArray<() => unknown> = [
      () => {
        throw new Error("the alert service is down")
      },
      () => Promise.reject(new Error("the alert service is down"))
    ]
    for (const onRepair of failing) {
      const exit = await Effect.runPromiseExit(withJournal(file, (journal) => journal.head, { onRepair: onRepair as () => void }))
      expect(Exit.isFailure(exit) && Exit.findErrorOption(exit)).toMatchObject({ value: { _tag: "JournalStoreError", method: "onRepair" } })
      expect(fs.readFileSync(file).equals(torn)).toBe(true)
    }
  })
})
