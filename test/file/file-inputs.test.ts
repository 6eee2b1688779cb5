/**
 * `layerFile` never throws, whatever it is given: a path that is not a string, a folder, a missing
 * folder, a file that is not a journal, any bytes at all. Each failure is typed, says what to do
 * in the user's terms, and stays short.
 */
import * as fs from "node:fs"
import * as path from "node:path"
import { fc } from "@fast-check/vitest"
import { Cause, Effect, Exit, Stream } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { type FileJournalOptions, layerFile } from "../../src/file/FileJournal.js"
import { Journal } from "../../src/journal/Journal.js"
import { actor, removeScratch, scratchDir, tempJournal, withJournal } from "./fileHelpers.js"

afterAll(removeScratch)

const HEADER = `{"format":"protest-chronicle/journal","version":1}\n`

/** Opens the journal at `file` (any value), giving the exit of reading its head. */
const openExit = (file: unknown, options?: unknown) =>
  Effect.runPromiseExit(Journal.use((journal) => journal.head).pipe(Effect.provide(layerFile(file as string, options as FileJournalOptions))))

/** The typed error of a failed open; the test fails on success or on a defect. */
const errorOf = async (file: unknown, options?: unknown) => {
  const exit = await openExit(file, options)
  if (Exit.isSuccess(exit)) throw new Error(`opened, head ${exit.value}`)
  expect(Cause.hasDies(exit.cause), `a defect escaped: ${String(exit.cause)}`).toBe(false)
  const error = Exit.findErrorOption(exit)
  if (error._tag === "None") throw new Error(String(exit.cause))
  expect(error.value.message.length).toBeLessThan(1_000)
  return error.value
}

describe("arguments", () => {
  it("a path that is not a non-empty string is a store error saying so, and nothing is created", async () => {
    const cwd = scratchDir("journal-cwd-")
    const before = process.cwd()
    process.chdir(cwd)
    try {
      for (const bad of [42, undefined, null, {}, ["journal.jsonl"], ""]) {
        expect(await errorOf(bad), String(bad)).toMatchObject({
          _tag: "JournalStoreError",
          message: expect.stringMatching(/the journal path must be a non-empty string naming a file/)
        })
      }
      expect(await errorOf("journal\0.jsonl")).toMatchObject({ _tag: "JournalStoreError", message: expect.stringMatching(/NUL/) })
      expect(fs.readdirSync(cwd)).toEqual([])
    } finally {
      process.chdir(before)
    }
  })

  it("a folder is named as one, and nothing is created beside it", async () => {
    const dir = scratchDir("journal-dir-")
    const error = await errorOf(dir)
    expect(error.message).toContain(`${dir} is a folder: give the path of a journal file, such as ${path.join(dir, "journal.jsonl")}`)
    expect(fs.existsSync(`${dir}.lock`)).toBe(false)
  })

  it("a path in a missing folder names the folder, not a lock's temporary file", async () => {
    const folder = path.join(scratchDir("journal-"), "2011", "zhanaozen")
    const error = await errorOf(path.join(folder, "journal.jsonl"))
    expect(error).toMatchObject({ _tag: "JournalStoreError" })
    expect(error.message).toContain(`the folder ${folder} does not exist: create it first`)
    expect(error.message).not.toMatch(/\.tmp|\.lock/)
  })

  it("options that are not an object, or a repair that is not \"moveAside\"", async () => {
    expect(Exit.isSuccess(await openExit(tempJournal(), null))).toBe(true)
    expect(await errorOf(tempJournal(), { repair: "yes" })).toMatchObject({
      _tag: "JournalStoreError",
      message: expect.stringMatching(/the repair option must be "moveAside" or left out/)
    })
  })
})

describe("files", () => {
  it("a file that is not a journal is named as such on line 1, briefly, and left as it was", async () => {
    const contents = [
      "id,title,date\n1,strike,2011-05-26\n",
      Buffer.alloc(100_000, 7), // binary, no newline
      `${"{".repeat(5_000_000)}\n`, // a huge first line
      `{"format":"protest-chronicle/journal","version":1`.repeat(3) // no newline, not a header's start
    ]
    for (const content of contents) {
      const file = tempJournal()
      fs.writeFileSync(file, content)
      const error = await errorOf(file)
      expect(error).toMatchObject({ _tag: "JournalCorruptionError", line: 1, reason: expect.stringMatching(/this file is not a journal\. Check the path/) })
      expect(fs.readFileSync(file).equals(Buffer.from(content))).toBe(true)
    }
  })

  it("a UTF-8 byte-order mark before the header is accepted and kept", async () => {
    const file = tempJournal()
    fs.writeFileSync(file, `\ufeff${HEADER}`)
    const entries = await Effect.runPromise(withJournal(file, (journal) =>
      Effect.andThen(
        journal.commit({ idempotencyKey: "k1", appends: [{ _tag: "revision", record: actor("actor-1"), expected: "none" }] }),
        Stream.runCollect(journal.readAll())
      )))
    expect(entries.map((e) => e.stream.id)).toEqual(["actor-1"])
    expect(await Effect.runPromise(withJournal(file, (journal) => journal.head))).toBe(1)
    expect(fs.readFileSync(file, "utf8").startsWith(`\ufeff${HEADER}`)).toBe(true)
  })

  it("any bytes at all, alone or after a valid journal, open or fail typed and briefly, never throw", async () => {
    const file = tempJournal()
    await Effect.runPromise(withJournal(file, (journal) =>
      journal.commit({ idempotencyKey: "k1", appends: [{ _tag: "revision", record: actor("actor-1"), expected: "none" }] })))
    const journal = fs.readFileSync(file)
    const noise = fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      fc.array(fc.constantFrom("\n", "\t", "{", "}", "\"position\":2,", "1/1", "00000000", "\u0000", "ө", "\r"), { maxLength: 40 })
        .map((parts) => Buffer.from(parts.join("")))
    )
    await fc.assert(
      fc.asyncProperty(fc.boolean(), noise, async (afterJournal, bytes) => {
        fs.writeFileSync(file, afterJournal ? Buffer.concat([journal, bytes]) : bytes)
        const exit = await openExit(file)
        if (Exit.isFailure(exit)) {
          expect(Cause.hasDies(exit.cause), `a defect escaped: ${String(exit.cause)}`).toBe(false)
          const error = Exit.findErrorOption(exit)
          expect(error._tag === "Some" && error.value.message.length < 1_000).toBe(true)
        }
      }),
      { numRuns: 60 }
    )
  })
})
