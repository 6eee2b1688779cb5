/**
 * The file store keeps the event loop running: a server using it stays responsive while commits
 * are written and fsynced, and while it waits to take over a lock. Ticks are counted, not time.
 */
import * as fs from "node:fs"
import * as os from "node:os"
import { spawnSync } from "node:child_process"
import { Effect, Layer } from "effect"
import { afterAll, expect, it } from "vitest"
import { layerFile } from "../../src/journal/FileJournal.js"
import { checksumHex } from "../../src/journal/internal/fileFormat.js"
import { actor, removeScratch, tempJournal, withJournal } from "./fileHelpers.js"

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
        const size = fs.statSync(file).size
        yield* journal.commit({ idempotencyKey: `k${i}`, appends: [{ _tag: "revision", record: actor(`a${i}`), expected: "none" }] })
        ticks.push(clock.ticks() - before)
        // The commit is on disk when it succeeds.
        if (fs.statSync(file).size <= size) throw new Error(`commit ${i} succeeded before its write`)
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
  const opened = await Effect.runPromise(Effect.exit(Layer.build(layerFile(file)).pipe(Effect.scoped))).finally(clock.stop)
  expect(opened._tag, String(opened)).toBe("Success")
  expect(await rival).toBeGreaterThanOrEqual(20)
})
