/**
 * Helpers shared by the file-store tests and their child processes: temp journals, records,
 * a comparable JSON form of entries, and a seeded random source.
 */
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { crc32 } from "node:zlib"
import { Effect, Result } from "effect"
import type { Entry } from "../../src/journal/Entry.js"
import { type FileJournalOptions, layerFile } from "../../src/file/FileJournal.js"
import { Journal, type JournalShape } from "../../src/journal/Journal.js"
import { type AnyRecord, builtIn } from "../../src/model/Vocabulary.js"

const scratch: Array<string> = []

/** A fresh temp directory, removed by `removeScratch`. */
export const scratchDir = (prefix: string): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  scratch.push(dir)
  return dir
}

/** Removes every directory `scratchDir` made in this process. */
export const removeScratch = (): void => {
  for (const dir of scratch.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
}

/** A path for a journal file in a fresh temp directory. */
export const tempJournal = (): string => path.join(scratchDir("journal-"), "journal.jsonl")

/** An actor record (a workers' group), optionally with a description. */
export const actor = (id: string, description?: string): AnyRecord => {
  const decoded = builtIn.decode({ type: "actor", id, kind: "workers", name: `Workers ${id}`, ...(description === undefined ? {} : { description }) })
  if (Result.isFailure(decoded)) throw new Error(decoded.failure.message)
  return decoded.success
}

/** An entry as JSON text, its record encoded: equal texts mean equal entries. */
export const entryJson = (entry: Entry): string =>
  JSON.stringify({
    position: entry.position,
    stream: entry.stream,
    revision: entry.revision,
    recordedAt: entry.recordedAt,
    idempotencyKey: entry.idempotencyKey,
    author: entry.author,
    reason: entry.reason,
    body: entry.body._tag === "revision" ? { _tag: "revision", record: builtIn.encode(entry.body.record) } : entry.body
  })

/** Runs `use` against the journal in `file`; the layer (lock and file) is released afterwards. */
export const withJournal = <A, E>(
  file: string,
  use: (journal: JournalShape) => Effect.Effect<A, E>,
  options: FileJournalOptions = {}
) => Journal.use(use).pipe(Effect.provide(layerFile(file, options)))

/** One entry line as the module doc describes it: `<json>\t<i>/<n>\t<crc32 of what precedes the last tab>`. */
export const entryLine = (json: string, index = 1, count = 1): string => {
  const covered = `${json}\t${index}/${count}`
  return `${covered}\t${crc32(covered).toString(16).padStart(8, "0")}\n`
}

/**
 * The length of `file` without the NUL bytes at its end: the journal's content, without the space
 * an open journal sets aside for its next commits.
 */
export const written = (file: string): number => {
  const fd = fs.openSync(file, "r")
  try {
    const chunk = Buffer.allocUnsafe(64 * 1024)
    for (let end = fs.fstatSync(fd).size; end > 0;) {
      const from = Math.max(0, end - chunk.length)
      const n = fs.readSync(fd, chunk, 0, end - from, from)
      let last = n - 1
      while (last >= 0 && chunk[last] === 0) last--
      if (last >= 0) return from + last + 1
      end = from
    }
    return 0
  } finally {
    fs.closeSync(fd)
  }
}

/** A small seeded generator of numbers in [0, 1) (mulberry32). */
export const seededRandom = (seed: number): (() => number) => {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
