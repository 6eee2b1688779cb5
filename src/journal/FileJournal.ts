/**
 * The file store, the embedded default: one JSONL file, one writer at a time under a lock file,
 * every commit durable (fsync) before it is acknowledged.
 *
 * **The file.** The first line is the header `{"format":"protest-chronicle/journal","version":1}`.
 * Every later line is one entry, in position order (line `n + 1` holds position `n`):
 *
 * ```text
 * <StoredEntry JSON> TAB <i>/<n> TAB <crc32>
 * ```
 *
 * `<i>/<n>` says the entry is the i-th of a commit of n entries; `<crc32>` is 8 lowercase hex
 * digits of `zlib.crc32` over the UTF-8 bytes before the last tab (the JSON text, the tab and the
 * counter). JSON text holds no raw tab or newline, so the columns split trivially:
 * `tail -n +2 journal.jsonl | cut -f1 | jq .` reads the entries.
 *
 * **Commits.** A commit's lines are written in one positional write at the end of the last
 * commit, then the file is fsynced; only then does `commit` succeed. A failed or short write is
 * cut back (truncate, fsync) before the commit fails with `JournalStoreError`; if even that fails,
 * the store refuses further commits until it is reopened.
 *
 * **Open.** The file is read in large chunks; each line's checksum is verified, its JSON parsed
 * and its shape checked, then the entries go to the shared core, which upcasts and decodes them.
 * A crash can only tear the end of the file, so there, and only there, damage is repaired: a
 * last line without a newline, or whose checksum does not match (as it does not when the line
 * stops inside its JSON), is cut, and so are the lines of a last commit that has fewer than its
 * n entries (it was never acknowledged). The file is truncated to the end of the last complete
 * commit and fsynced. Any other bad line, and any line whose checksum matches but whose content
 * is wrong (the writer never writes one), is a `JournalCorruptionError` naming the line
 * (1-based), and nothing is written. A missing or empty file is created with its header (the
 * file and its directory are fsynced).
 *
 * **The lock.** `<path>.lock` holds `{"pid":…,"hostname":…,"since":…}`. To take it, a writer
 * writes its lock text under a private name and hard-links it to `<path>.lock`: `link` fails if
 * the name exists, so of racing writers exactly one wins, and a lock never appears half written.
 * A loser reads the holder; a live one (another host, or a pid that still exists) means
 * `JournalLockedError`. A dead holder (same host, `kill(pid, 0)` fails with ESRCH) is taken over
 * in two steps. First the taker links its text to `<path>.lock.break-<crc32 of the stale text>`;
 * only the one process that creates that breaker file may delete the stale lock, and it does so
 * only if the lock still holds exactly the stale text (it cannot change meanwhile: its holder is
 * dead and no other breaker exists), then removes the breaker. Then the taker links its own lock
 * like any writer, so a fresh writer that slipped in between simply wins. A rival taker of the
 * same stale lock either finds the breaker (and waits for it to go) or creates it after it went,
 * finds the lock changed and deletes nothing; either way it then meets the winner's live lock.
 * A breaker whose creator died is removed the same way, one level up. When the layer's scope
 * closes the file is closed and the lock removed (if it is still this process's).
 *
 * Gotchas: the lock is advisory, for processes using this library. A pid reused by an unrelated
 * process makes a stale lock look live (remove the lock file by hand). Containers that share the
 * journal's volume need distinct hostnames, since a pid from another pid namespace looks dead. A
 * crash while taking the lock may leave a `.tmp` or `.break-…` file beside it, which is harmless.
 *
 * @since 0.1.0
 */
import * as fs from "node:fs"
import * as nodePath from "node:path"
import { Effect, Layer } from "effect"
import type { StoredEntry } from "./Entry.js"
import { JournalCorruptionError, JournalLockedError, JournalStoreError } from "./errors.js"
import { makeJournal } from "./internal/core.js"
import { encodeCommit, HEADER_LINE, scanFile } from "./internal/fileFormat.js"
import { acquireLock } from "./internal/fileLock.js"
import { Journal, type JournalOptions } from "./Journal.js"

const io = <A>(method: string, run: () => A): Effect.Effect<A, JournalStoreError> =>
  Effect.try({ try: run, catch: (cause) => new JournalStoreError({ method, cause }) })

const fsyncDirectory = (file: string): void => {
  const dir = fs.openSync(nodePath.dirname(file), "r")
  try {
    fs.fsyncSync(dir)
  } finally {
    fs.closeSync(dir)
  }
}

const lock = (path: string) =>
  Effect.acquireRelease(
    Effect.flatMap(io("lock", () => acquireLock(`${path}.lock`)), (held) =>
      "release" in held ? Effect.succeed(held) : Effect.fail(new JournalLockedError({ path, holder: held }))),
    (held) => Effect.ignore(io("unlock", held.release))
  )

const open = (path: string) =>
  Effect.acquireRelease(
    io("open", () => fs.openSync(path, fs.constants.O_RDWR | fs.constants.O_CREAT, 0o644)),
    (fd) => Effect.ignore(io("close", () => fs.closeSync(fd)))
  )

/**
 * Reads the file, handing each complete commit's entries to `add` (stopping at the first error it
 * returns), then writes the header when the file is new or cuts a torn tail; the file's size.
 * Nothing is written unless every entry was read and accepted.
 */
const load = (path: string, fd: number, add: (stored: StoredEntry) => JournalCorruptionError | undefined) =>
  Effect.gen(function*() {
    const scan = yield* io("open", () =>
      scanFile(fd, (entries) => {
        for (let i = 0; i < entries.length; i++) {
          const error = add(entries[i]!)
          if (error !== undefined) return error
        }
        return undefined
      }))
    switch (scan._tag) {
      case "Corrupt":
        return yield* new JournalCorruptionError({ path, line: scan.line, reason: scan.reason })
      case "Stopped":
        return yield* scan.stop
      case "Fresh": {
        const header = Buffer.from(HEADER_LINE, "utf8")
        yield* io("create", () => {
          fs.ftruncateSync(fd, 0)
          fs.writeSync(fd, header, 0, header.length, 0)
          fs.fsyncSync(fd)
          fsyncDirectory(path)
        })
        return header.length
      }
      case "Entries": {
        const { cut } = scan
        if (cut !== undefined) {
          yield* io("repair", () => {
            fs.ftruncateSync(fd, scan.end)
            fs.fsyncSync(fd)
          })
          yield* Effect.logWarning(`${path}: cut ${scan.size - scan.end} bytes from line ${cut.line}: ${cut.reason}`)
        }
        return scan.end
      }
    }
  })

/**
 * A journal kept in the JSONL file at `path` (created when missing), for one writing process at
 * a time: opening takes the lock `<path>.lock`, verifies every line and cuts the torn tail a crash
 * may leave; closing the layer's scope closes the file and releases the lock. Each commit is
 * written in one write and fsynced before it succeeds. The module doc describes the format and
 * the lock.
 *
 * Fails with `JournalLockedError` (naming the holder) when a live process holds the lock,
 * `JournalCorruptionError` (naming the 1-based line) when a line other than the torn tail is bad
 * or a stored entry does not decode, and `JournalStoreError` on I/O errors.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Journal } from "protest-chronicle"
 *
 * const program = Effect.gen(function*() {
 *   const journal = yield* Journal.Journal
 *   return yield* journal.head
 * }).pipe(Effect.provide(Journal.layerFile("chronicle.jsonl")))
 * ```
 */
export const layerFile = (
  path: string,
  options: JournalOptions = {}
): Layer.Layer<Journal, JournalLockedError | JournalCorruptionError | JournalStoreError> =>
  Layer.effect(
    Journal,
    Effect.gen(function*() {
      yield* lock(path)
      const fd = yield* open(path)
      let size = 0
      // Set when a failed commit could not be cut back: the file's end is then unknown.
      let broken: unknown = undefined
      const append = (entries: ReadonlyArray<StoredEntry>) =>
        io("append", () => {
          if (broken !== undefined) {
            throw new Error("an earlier failed commit could not be rolled back; reopen the journal", { cause: broken })
          }
          const bytes = encodeCommit(entries)
          try {
            const written = fs.writeSync(fd, bytes, 0, bytes.length, size)
            if (written !== bytes.length) throw new Error(`short write: ${written} of ${bytes.length} bytes`)
            fs.fsyncSync(fd)
          } catch (cause) {
            try {
              fs.ftruncateSync(fd, size)
              fs.fsyncSync(fd)
            } catch (rollback) {
              broken = rollback
            }
            throw cause
          }
          size += bytes.length
        })
      return yield* makeJournal({
        name: path,
        // Lines are parsed and shape-checked by the scan; entries are decoded as their commits are read.
        shapeChecked: true,
        parsedJson: true,
        load: (add) => Effect.map(load(path, fd, add), (end) => void (size = end)),
        append
      }, options)
    })
  )
