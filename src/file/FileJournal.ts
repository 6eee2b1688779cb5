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
 * **Commits.** One at a time: a commit's lines are written in one positional write (going on
 * after a short write) at the end of the last commit, through a descriptor opened with `O_DSYNC`,
 * so that the write returns only once its data is on disk (where the platform has no `O_DSYNC`,
 * an fdatasync follows the write); only then does `commit` succeed and do readers and tails see
 * its entries. The write runs on libuv's thread pool, so the event loop keeps running meanwhile;
 * commits wait for each other in the order they came. A failed write is cut back (truncate,
 * fsync) before the commit fails with `JournalStoreError`; if even that fails, the store refuses
 * further commits until it is reopened.
 *
 * **Reserved space.** While the journal is open, the file ends in up to 1 MiB of NUL bytes: a
 * commit smaller than that which reaches past the file's end writes NUL bytes after itself, up to
 * the next MiB, so that the next small commits overwrite blocks already on disk, and their sync
 * flushes their data only (a write that grows the file also waits for the file system to commit
 * its own journal: on ext4 that made one-entry commits about 1.6× as slow). When the space cannot
 * be set aside (a full disk, a file size limit), the commit is written alone. Closing the journal
 * cuts the file back to its last commit. After a crash the NUL bytes stay; opening the file keeps
 * them as reserved space, and reports nothing, since they hold nothing.
 *
 * **Open.** The file is read in large chunks; each line's checksum is verified, its JSON parsed
 * and its shape checked, then the entries go to the shared core, which upcasts and decodes them.
 * A missing or empty file is created with its header (the file and its folder are fsynced); a
 * UTF-8 byte-order mark before the header is accepted and kept.
 *
 * **Reads.** Entries stay decoded in memory after the open, so reads never touch the file. With
 * `keepInMemory: n`, only the first n do; later ones are read back from the file when a reader
 * asks for them, a page of 1,024 at a time, and their lines are verified (and decoded) again. Then
 * memory grows with the index (each stream's revision and the places of its entries, each
 * commit's key, each line's offset), not with the entries: an import of a million events keeps
 * about a hundred bytes per event, not the events, at the price of reading and decoding entries
 * again whenever they are read. A line changed by another program after the open fails its read
 * with `JournalCorruptionError`; a read after the layer's scope has closed fails with
 * `JournalStoreError`.
 *
 * **Torn writes and corruption.** A crash while a commit is written can leave one thing only:
 * after the last complete commit, some whole lines of the unfinished commit (fewer than its n),
 * then a last line without a newline that is the start of the line being written (perhaps
 * followed by NUL bytes: blocks the file system had allocated but not filled). That is a torn
 * write. The commit was never acknowledged, so its bytes are cut (truncate to the end of the last
 * complete commit, fsync); the cut is reported to the `onRepair` option before it is made, and
 * logged as one warning. Anything else is corruption: `JournalCorruptionError` naming the first
 * bad line, and nothing is changed. That covers a whole (newline-terminated) line whose checksum
 * fails (a flipped bit, in the last commit as anywhere; a line appended by another program), a
 * line whose checksum matches but whose content or place is wrong, a last line without a newline
 * that the writer could not have begun there, and a last commit short of lines whose last line is
 * whole (a crash leaves the line it stops in unfinished; lines of a finished commit were removed).
 * The error says how many lines follow the last intact commit and how many of them fail their
 * checksum, naming the first few, so that one flipped bit is told apart from a file of garbage.
 * The remedy is a backup, or `repair: "moveAside"`: the lines from the last intact commit on are
 * copied to `<path>.damaged` (`.damaged-2`, … when taken; fsynced), then cut from the journal;
 * that too is reported to `onRepair` first, and logged. Nothing is ever deleted without being
 * reported. A first line that is not the header (not a journal, or a newer format version) is
 * never repaired.
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
 * A breaker whose creator died is removed the same way, one level up. A process waiting for a
 * rival's takeover sleeps on a timer, so its event loop keeps running. When the layer's scope
 * closes, a commit in flight is waited for, then the file is closed and the lock removed (if it
 * is still this process's); later commits fail with `JournalStoreError`.
 *
 * Gotchas: a kill can stop a large write exactly after a newline (the kernel cuts a write at a
 * page boundary), leaving a short commit whose last line is whole. Followed by reserved space,
 * that is a torn write; at the end of the file it is reported as corruption, though nothing
 * acknowledged was lost; `repair: "moveAside"` moves it aside. A program reading the file while
 * the journal is open (`tail -f`) meets the reserved NUL bytes at its end. The lock is
 * advisory, for processes using this library. A pid reused by an unrelated process makes a stale
 * lock look live (remove the lock file by hand). Containers that share the journal's volume need
 * distinct hostnames, since a pid from another pid namespace looks dead. A crash while taking the
 * lock may leave a `.tmp` or `.break-…` file beside it, which is harmless.
 *
 * @since 0.1.0
 */
import * as fs from "node:fs"
import { promisify } from "node:util"
import { Effect, Layer } from "effect"
import type { StoredEntry } from "../journal/Entry.js"
import { JournalCorruptionError, JournalLockedError, JournalStoreError } from "../journal/errors.js"
import { Journal, type JournalOptions } from "../journal/Journal.js"
import { makeJournal } from "../journal/StoreKit.js"
import type { MigrationError } from "../journal/Upcast.js"
import type { VocabularyError } from "../model/Vocabulary.js"
import { encodeCommit, HEADER_LINE, lineStarts, parseLines, reserve, type Scan, scanFile, shorten } from "./internal/format.js"
import { asideName, checkJournalPath, close, copyAside, explain, fdatasync, fsync, fsyncFolder, ftruncate, readExactly, writeAll } from "./internal/io.js"
import { acquireLock } from "./internal/lock.js"

/**
 * A change made to the journal file on open, reported to `onRepair` before it is made.
 * `TornWriteCut`: the unfinished last commit a crash left, which was never acknowledged, is cut.
 * `DamageMovedAside`: with `repair: "moveAside"`, corrupt lines and everything after them are
 * copied to `movedTo`, then cut. `line` is the first line removed (1-based), `offset` the byte
 * length the journal is cut to, `bytes` how many bytes are removed, `reason` what was wrong.
 *
 * @category models
 * @since 0.1.0
 */
export interface JournalRepair {
  readonly _tag: "TornWriteCut" | "DamageMovedAside"
  readonly path: string
  readonly line: number
  readonly offset: number
  readonly bytes: number
  readonly reason: string
  /** The file holding the removed bytes (`DamageMovedAside` only). */
  readonly movedTo?: string
}

/**
 * Options of `layerFile`, beside the vocabulary and migrations every store takes.
 *
 * - `onRepair` is called, before the file is changed, with each repair open makes (see
 *   `JournalRepair`), so that the program learns of it, not only the log; a promise it returns is
 *   waited for. If it throws (or rejects), the file is left as it was and the open fails with
 *   `JournalStoreError` (method `"onRepair"`).
 * - `repair: "moveAside"` opens a journal whose tail is corrupt by moving the damaged lines, and
 *   every line after them, into `<path>.damaged`. Without it, corruption fails the open.
 *
 * @category models
 * @since 0.1.0
 */
export interface FileJournalOptions extends JournalOptions {
  /** `"moveAside"`: open a journal with a corrupt tail by moving the damaged lines aside. */
  readonly repair?: "moveAside"
  /** Told of each repair open makes, before the file changes; may return a promise. */
  readonly onRepair?: (repair: JournalRepair) => void
  /**
   * How many entries, from the first, are kept in memory to serve reads (default `Infinity`:
   * every entry, so reads never touch the file). Later entries are read back from the file when
   * asked for, so that a large journal need not live in memory: what stays is the index, about a
   * hundred bytes per stream. `0` keeps none.
   */
  readonly keepInMemory?: number
}

const io = <A>(method: string, path: string, run: () => Promise<A>): Effect.Effect<A, JournalStoreError> =>
  Effect.tryPromise({ try: run, catch: (cause) => new JournalStoreError({ method, cause: explain(cause, path) }) })

const badArgument = (message: string) => Effect.fail(new JournalStoreError({ method: "open", cause: new Error(message) }))

const lock = (path: string) =>
  Effect.acquireRelease(
    Effect.flatMap(io("lock", path, () => acquireLock(`${path}.lock`)), (held) =>
      "release" in held ? Effect.succeed(held) : Effect.fail(new JournalLockedError({ path, holder: held }))),
    (held) => Effect.ignore(io("unlock", path, held.release))
  )

/** `O_DSYNC` where the platform has it (not on Windows, where each write is followed by an fdatasync). */
const DSYNC: number | undefined = fs.constants.O_DSYNC

const openFd = promisify((path: string, callback: (e: NodeJS.ErrnoException | null, fd: number) => void) =>
  fs.open(path, fs.constants.O_RDWR | fs.constants.O_CREAT | (DSYNC ?? 0), 0o644, callback))

const plural = (n: number, word: string): string =>
  `${n.toLocaleString("en-US")} ${n === 1 ? word : word.endsWith("y") ? `${word.slice(0, -1)}ies` : `${word}s`}`

/** The corruption error for a scan's damage: where, how much, and what to do. */
const corruption = (path: string, scan: Extract<Scan<unknown>, { _tag: "Corrupt" }>): JournalCorruptionError => {
  const { damaged, endLine, fault, lines, more } = scan
  const bytes = plural(scan.size - scan.end, "byte")
  const span = lines === 1 ? `line ${endLine}` : `lines ${endLine}–${(endLine + lines - 1).toLocaleString("en-US")}`
  const named = more.map((m) => m.line.toLocaleString("en-US")).join(", ") + (damaged > more.length ? ", …" : "")
  const survey = lines === 1
    ? `It is the last line (${bytes}).`
    : `The last intact commit is followed by ${span} (${bytes}); ` +
      (damaged === 0
        ? "each of them passes its checksum."
        : `${damaged === lines ? "all" : damaged.toLocaleString("en-US")} of them fail their checksum (line${damaged === 1 ? "" : "s"} ${named}).`)
  return new JournalCorruptionError({
    path,
    line: fault.line,
    damagedLines: damaged,
    reason: `${fault.reason}. ${survey} Nothing was changed. Restore the file from a backup, or open it with ` +
      `{ repair: "moveAside" } to move ${span} to ${path}.damaged, ` +
      (endLine === 2 ? "leaving the journal empty" : `keeping the ${plural(endLine - 2, "entry")} before ${lines === 1 ? "it" : "them"}`)
  })
}

/** Calls the program's `onRepair`, then makes the repair; a throwing callback stops it. */
const reported = (path: string, options: FileJournalOptions, repair: JournalRepair, make: () => Promise<void>) =>
  Effect.gen(function*() {
    const onRepair = options.onRepair
    if (typeof onRepair === "function") {
      // Awaited, so that a callback returning a promise is waited for and its rejection caught.
      yield* Effect.tryPromise({
        try: async () => void (await onRepair(repair)),
        catch: (cause) => new JournalStoreError({ method: "onRepair", cause })
      })
    }
    yield* io("repair", path, make)
    yield* Effect.logWarning(
      `${path}: ${repair._tag === "TornWriteCut" ? "cut" : `moved to ${repair.movedTo}`} ${plural(repair.bytes, "byte")} ` +
        `from line ${repair.line}: ${repair.reason}`
    )
  })

/**
 * Reads the file, handing each complete commit's entries to `add` (stopping at the first error it
 * returns), then writes the header when the file is new, cuts a torn tail, or moves damage aside
 * when asked to; the offset after the last commit (`end`) and the file's size (`allocated`, past
 * `end` when reserved space follows). The offset of each entry's line goes to `starts`, if
 * given. Nothing is written unless every entry before it was accepted.
 */
const load = (
  path: string,
  fd: number,
  options: FileJournalOptions,
  add: (stored: StoredEntry) => JournalCorruptionError | undefined,
  starts: Array<number> | undefined
) =>
  Effect.gen(function*() {
    const scan = yield* io("open", path, () =>
      scanFile(fd, (entries, at) => {
        for (let i = 0; i < entries.length; i++) {
          const error = add(entries[i]!)
          if (error !== undefined) return error
          starts?.push(at[i]!)
        }
        return undefined
      }))
    switch (scan._tag) {
      case "NotJournal":
        return yield* new JournalCorruptionError({ path, line: 1, reason: `${scan.reason}. Check the path; nothing was changed` })
      case "Stopped": {
        const { position, reason } = scan.stop
        return yield* new JournalCorruptionError({
          path,
          ...(position === undefined ? {} : { position, line: position + 1 }),
          reason: `${reason}\nThe line is as it was written (its checksum matches): if the journal was written with another ` +
            "vocabulary or migrations, open it with those; otherwise restore the file from a backup. Nothing was changed"
        })
      }
      case "Fresh": {
        const header = Buffer.from(HEADER_LINE, "utf8")
        yield* io("create", path, async () => {
          await ftruncate(fd, 0)
          await writeAll(fd, header, 0)
          await fsync(fd)
          await fsyncFolder(path)
        })
        return { end: header.length, allocated: header.length }
      }
      case "Entries": {
        const { end, size, torn } = scan
        if (torn !== undefined) {
          const repair: JournalRepair = { _tag: "TornWriteCut", path, line: torn.line, offset: end, bytes: size - end, reason: torn.reason }
          yield* reported(path, options, repair, async () => {
            await ftruncate(fd, end)
            await fsync(fd)
          })
          return { end, allocated: end }
        }
        return { end, allocated: size }
      }
      case "Corrupt": {
        if (options.repair !== "moveAside") return yield* corruption(path, scan)
        const { end, fault, size } = scan
        const movedTo = yield* io("repair", path, () => asideName(path))
        const repair: JournalRepair = {
          _tag: "DamageMovedAside",
          path,
          line: scan.endLine,
          offset: end,
          bytes: size - end,
          reason: `line ${fault.line}: ${fault.reason}`,
          movedTo
        }
        yield* reported(path, options, repair, async () => {
          await copyAside(fd, end, size, movedTo)
          await ftruncate(fd, end)
          await fsync(fd)
        })
        return { end, allocated: end }
      }
    }
  })

/**
 * A journal kept in the JSONL file at `path` (created when missing), for one writing process at
 * a time: opening takes the lock `<path>.lock`, verifies every line and cuts the torn tail a crash
 * may leave (reported to `onRepair`); closing the layer's scope waits for a commit in flight, then
 * closes the file and releases the lock. Each commit is written and fsynced off the main thread
 * before it succeeds. The module doc describes the format, torn writes, corruption and the lock.
 *
 * Fails with `JournalLockedError` (naming the holder) when a live process holds the lock,
 * `JournalCorruptionError` (naming the 1-based line, and what to do) when the file is damaged
 * other than by a torn write, is not a journal, or holds an entry that does not decode, and
 * `JournalStoreError` on I/O errors and unusable arguments (a path that is not a non-empty string,
 * a folder, a missing folder), told in the user's terms. It never throws.
 *
 * @example
 * ```ts
 * import * as fs from "node:fs"
 * import * as os from "node:os"
 * import * as path from "node:path"
 * import { Effect } from "effect"
 * import { Journal, Record } from "protest-chronicle"
 * import { layerFile } from "protest-chronicle/file"
 *
 * const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "chronicle-")), "journal.jsonl")
 * const journal = layerFile(file, {
 *   onRepair: (repair) => console.warn(`${repair.path}: ${repair._tag} at line ${repair.line}`)
 * })
 * const town = Record.decodeUnsafe({ type: "place", id: "zhanaozen", kind: "town", name: "Zhanaozen", timeZone: "Asia/Aqtau" })
 *
 * // The first run creates the file; the lock is released when the program's layer closes.
 * await Effect.runPromise(Effect.gen(function*() {
 *   const j = yield* Journal.Journal
 *   yield* j.commit({ idempotencyKey: "import-1", appends: [{ _tag: "revision", record: town, expected: "none" }] })
 * }).pipe(Effect.provide(journal)))
 *
 * // A later run reads it back.
 * const head = await Effect.runPromise(Effect.gen(function*() {
 *   return yield* (yield* Journal.Journal).head
 * }).pipe(Effect.provide(journal)))
 * console.log(head) // 1
 * fs.rmSync(path.dirname(file), { recursive: true })
 * ```
 *
 * @category layers
 * @since 0.1.0
 */
export const layerFile = (
  path: string,
  options: FileJournalOptions = {}
): Layer.Layer<Journal, JournalLockedError | JournalCorruptionError | JournalStoreError | MigrationError | VocabularyError> =>
  Layer.effect(
    Journal,
    Effect.gen(function*() {
      if (typeof path !== "string" || path.length === 0) {
        const got = typeof path === "string" ? "an empty string" : shorten(String(path))
        return yield* badArgument(`the journal path must be a non-empty string naming a file, got ${got}`)
      }
      if (path.includes("\0")) return yield* badArgument(`the journal path ${JSON.stringify(shorten(path))} holds a NUL character`)
      const opts: FileJournalOptions = typeof options === "object" && options !== null ? options : {}
      if (opts.repair !== undefined && opts.repair !== "moveAside") {
        return yield* badArgument(`the repair option must be "moveAside" or left out, got ${shorten(String(opts.repair))}`)
      }
      const keep = opts.keepInMemory ?? Number.POSITIVE_INFINITY
      if (typeof keep !== "number" || Number.isNaN(keep) || keep < 0) {
        return yield* badArgument(`keepInMemory must be a number of entries, 0 or more (Infinity keeps all), got ${shorten(String(keep))}`)
      }
      yield* io("open", path, () => checkJournalPath(path))
      yield* lock(path)
      // The offset after the last commit, and the file's size: the bytes between are reserved space.
      let size = 0
      let allocated = 0
      let closed = false
      // The offset of each entry's line (entry n starts at `starts[n - 1]`), kept only when
      // entries are read back from the file: with every entry in memory, reads never touch it.
      const starts: Array<number> | undefined = keep === Number.POSITIVE_INFINITY ? undefined : []
      // The append in flight, if any, and the reads: the file is closed only after they settled.
      let inFlight: Promise<unknown> = Promise.resolve()
      const reading = new Set<Promise<unknown>>()
      // Set when a failed commit could not be cut back: the file's end is then unknown.
      let broken: unknown = undefined
      const fd = yield* Effect.acquireRelease(io("open", path, () => openFd(path)), (fd) =>
        Effect.ignore(io("close", path, async () => {
          closed = true
          await inFlight
          await Promise.allSettled(reading)
          // Reserved space is cut; were this lost in a crash, the next open would keep it.
          if (broken === undefined && allocated > size) await ftruncate(fd, size)
          await close(fd)
        })))
      const write = async (entries: ReadonlyArray<StoredEntry>): Promise<void> => {
        if (closed) throw new Error("the journal is closed (its layer's scope has ended)")
        if (broken !== undefined) {
          throw new Error("an earlier failed commit could not be rolled back; reopen the journal", { cause: broken })
        }
        const commit = encodeCommit(entries)
        const bytes = reserve(commit, size, allocated)
        try {
          await put(bytes)
        } catch (cause) {
          // Space could not be set aside (a full disk, a file size limit): the commit alone may fit.
          if (bytes === commit || broken !== undefined) throw cause
          await put(commit)
        }
        if (starts !== undefined) for (const start of lineStarts(commit, size)) starts.push(start)
        size += commit.length
      }
      /** Writes `bytes` durably after the last commit, or cuts them back and rejects. */
      const put = async (bytes: Buffer): Promise<void> => {
        try {
          await writeAll(fd, bytes, size)
          if (DSYNC === undefined) await fdatasync(fd)
        } catch (cause) {
          try {
            await ftruncate(fd, size)
            await fsync(fd)
            allocated = size
          } catch (rollback) {
            broken = rollback
          }
          throw cause
        }
        allocated = Math.max(allocated, size + bytes.length)
      }
      // The core runs one append at a time, and waits for it.
      const append = (entries: ReadonlyArray<StoredEntry>) =>
        io("append", path, () => {
          const done = write(entries)
          inFlight = done.catch(() => undefined)
          return done
        })
      // Entries `from` to `to`, read back from their lines (which are verified again).
      const readBack = (starts: Array<number>) => (from: number, to: number) =>
        Effect.flatMap(
          io("read", path, () => {
            if (closed) return Promise.reject(new Error("the journal is closed (its layer's scope has ended)"))
            const begin = starts[from - 1]!
            const done = readExactly(fd, (to < starts.length ? starts[to]! : size) - begin, begin)
            reading.add(done)
            return done.finally(() => reading.delete(done))
          }),
          (bytes) => {
            const parsed = parseLines(bytes, from + 1)
            return Array.isArray(parsed)
              ? Effect.succeed(parsed)
              : Effect.fail(new JournalCorruptionError({ path, line: parsed.line, reason: `${parsed.reason} (read back after the journal was opened: was the file changed by another program?)` }))
          }
        )
      return yield* makeJournal({
        name: path,
        // Lines are parsed and shape-checked by the scan; entries are decoded as their commits are read.
        shapeChecked: true,
        parsedJson: true,
        load: (add) =>
          Effect.map(load(path, fd, opts, add, starts), (file) => {
            size = file.end
            allocated = file.allocated
          }),
        append,
        ...(starts === undefined ? {} : { readBack: { keep, read: readBack(starts) } })
      }, opts)
    }).pipe(Effect.catchDefect((defect) => Effect.fail(new JournalStoreError({ method: "open", cause: defect }))))
  )
