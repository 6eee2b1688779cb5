/**
 * The single-writer lock of a journal file: a lock file beside it, `<path>.lock`, holding
 * `{"pid":…,"hostname":…,"since":…}`. The algorithm, and why two processes cannot both take over
 * one stale lock, is described in `FileJournal.ts`. Every step is asynchronous: a process waiting
 * for a rival's takeover sleeps on a timer, so its event loop keeps running.
 */
import { randomBytes } from "node:crypto"
import * as fs from "node:fs/promises"
import * as os from "node:os"
import { checksumHex } from "./format.js"

/** Who holds a lock. */
export interface LockHolder {
  readonly pid: number
  readonly hostname: string
  readonly since: string
}

/** A lock this process holds; `release` removes the lock file if it is still this one. */
export interface HeldLock {
  readonly release: () => Promise<void>
}

export const errorCode = (e: unknown): unknown => (typeof e === "object" && e !== null ? (e as { readonly code?: unknown }).code : undefined)

/** Makes the hard link `to` → `from`; false when `to` exists. Atomic: of racing linkers, one wins. */
const link = async (from: string, to: string): Promise<boolean> => {
  try {
    await fs.link(from, to)
    return true
  } catch (e) {
    if (errorCode(e) === "EEXIST") return false
    throw e
  }
}

const readText = async (file: string): Promise<string | undefined> => {
  try {
    return await fs.readFile(file, "utf8")
  } catch (e) {
    if (errorCode(e) === "ENOENT") return undefined
    throw e
  }
}

const remove = async (file: string): Promise<void> => {
  try {
    await fs.unlink(file)
  } catch (e) {
    if (errorCode(e) !== "ENOENT") throw e
  }
}

const parseHolder = (text: string): LockHolder | undefined => {
  try {
    const u: unknown = JSON.parse(text)
    if (typeof u !== "object" || u === null) return undefined
    const { hostname, pid, since } = u as { readonly [key: string]: unknown }
    return Number.isInteger(pid) && (pid as number) > 0 && typeof hostname === "string" && typeof since === "string"
      ? { pid: pid as number, hostname, since }
      : undefined
  } catch {
    return undefined
  }
}

/**
 * True only when the holder surely no longer runs: it ran on this host and its pid is gone. A
 * holder on another host, or a pid we may not signal (EPERM), counts as alive.
 */
const isDead = (holder: LockHolder): boolean => {
  if (holder.hostname !== os.hostname()) return false
  try {
    process.kill(holder.pid, 0)
    return false
  } catch (e) {
    return errorCode(e) === "ESRCH"
  }
}

const sleep = (millis: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, millis))

const unreadable = (file: string): Error =>
  new Error(`${file} is not a lock file this library wrote; remove it if no process uses the journal`)

/**
 * Removes `file` if, and only if, it still holds `text` (a dead holder's lock). Racing removers
 * are serialised by a breaker file named after `text`: only the process that creates it removes
 * `file`. A breaker left by a dead remover is removed the same way, one level up.
 */
const removeStale = async (file: string, text: string, draft: string): Promise<void> => {
  const breaker = `${file}.break-${checksumHex(text)}`
  if (await link(draft, breaker)) {
    try {
      // Only the breaker's creator removes `text`, and its holder is dead: it cannot have changed.
      if ((await readText(file)) === text) await remove(file)
    } finally {
      await remove(breaker)
    }
    return
  }
  const breakerText = await readText(breaker)
  if (breakerText === undefined) return
  const breakerHolder = parseHolder(breakerText)
  if (breakerHolder === undefined) throw unreadable(breaker)
  if (isDead(breakerHolder)) await removeStale(breaker, breakerText, draft)
  else await sleep(5) // a live process is removing it: look again soon
}

const ATTEMPTS = 200

/**
 * Takes the lock `lockPath`, taking over a lock whose holder is dead; returns the holder when a
 * live process has it. Rejects on I/O errors and on a lock file it cannot read.
 */
export const acquireLock = async (lockPath: string): Promise<HeldLock | LockHolder> => {
  const mine: LockHolder = { pid: process.pid, hostname: os.hostname(), since: new Date().toISOString() }
  const text = JSON.stringify(mine)
  // The lock appears whole or not at all: it is written under a private name, then linked.
  const draft = `${lockPath}.${process.pid}-${randomBytes(6).toString("hex")}.tmp`
  await fs.writeFile(draft, text, { flag: "wx" })
  try {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (await link(draft, lockPath)) {
        return {
          release: async () => {
            if ((await readText(lockPath)) === text) await remove(lockPath)
          }
        }
      }
      const current = await readText(lockPath)
      if (current === undefined) continue // released meanwhile
      const holder = parseHolder(current)
      if (holder === undefined) throw unreadable(lockPath)
      if (!isDead(holder)) return holder
      await removeStale(lockPath, current, draft)
    }
    throw new Error(`could not take ${lockPath} in ${ATTEMPTS} attempts: another process keeps taking over its stale lock`)
  } finally {
    await remove(draft)
  }
}
