import * as fs from "node:fs"
import { Effect, Stream } from "effect"
import { afterAll, expect, it } from "vitest"
import type { JournalRepair } from "../../src/file/FileJournal.js"
import { bundleChild, type Child, startChild } from "./childProcess.js"
import { entryJson, removeScratch, seededRandom, tempJournal, withJournal, written } from "./fileHelpers.js"

/** Journals crashed side by side, each by its own sequence of children. */
const LANES = 3
/** Kills per journal; the crash points cycle through the three kinds below, five of each in all. */
const ROUNDS = 5
/** The longest wait, after a child's first acknowledged commit, before an "any time" kill. */
const MAX_DELAY_MS = 150

/**
 * Where a round kills its child: `tear`, as soon as a 16 MB commit has begun to grow the file (in
 * the middle of its write); `in flight`, within 20 ms after a commit begins (while it is checked,
 * encoded, written or fsynced); `any time`, up to 150 ms after the first acknowledged commit.
 */
const KINDS = ["tear", "in flight", "any time"] as const
type Kind = (typeof KINDS)[number]

afterAll(removeScratch)

const sleep = (millis: number) => new Promise<void>((resolve) => setTimeout(resolve, millis))

/** Waits for the crash point of `kind`, then kills the child. */
const crash = async (child: Child, kind: Kind, file: string, random: () => number): Promise<string> => {
  if (kind === "tear") {
    const begin = await child.nextLine((line) => line.startsWith("begin\t") && line.split("\t")[1]!.endsWith("-c3"))
    const before = Number(begin.split("\t")[2])
    // Spin (blocking this thread for a few milliseconds at most) so that the kill follows the
    // first bytes of the write closely.
    const deadline = Date.now() + 5_000
    while (fs.statSync(file).size <= before && Date.now() < deadline);
    child.process.kill("SIGKILL")
    return "killed as the 16 MB write began"
  }
  await child.nextLine((line) => line.startsWith("ack\t"))
  const delay = Math.floor(random() * (kind === "in flight" ? 20 : MAX_DELAY_MS))
  if (kind === "in flight") await child.nextLine((line) => line.startsWith("begin\t"))
  await sleep(delay)
  child.process.kill("SIGKILL")
  return `killed ${delay} ms after ${kind === "in flight" ? "a commit began" : "the first ack"}`
}

it(`keeps every acknowledged commit, byte for byte, through ${LANES * ROUNDS} SIGKILLs, and reports each torn write it cuts`, async () => {
  const started = Date.now()
  const script = await bundleChild("crash-child")
  const seed = Number(process.env["CRASH_SEED"] ?? Math.floor(Math.random() * 2 ** 31))
  const log: Array<string> = []
  const context = () => `seed ${seed} (rerun with CRASH_SEED=${seed})\n${log.join("\n")}`
  let acknowledged = 0
  let bytes = 0
  const cuts: Record<Kind, number> = { tear: 0, "in flight": 0, "any time": 0 }

  const lane = async (laneIndex: number) => {
    const random = seededRandom(seed + laneIndex)
    const file = tempJournal()
    log.push(`lane ${laneIndex}: journal ${file}`)
    let verified = Buffer.alloc(0) // the file as of the last reopen
    for (let r = 0; r < ROUNDS; r++) {
      const round = laneIndex * ROUNDS + r + 1
      const kind = KINDS[(r + laneIndex) % KINDS.length]!
      const roundStarted = Date.now()
      const child = startChild(script, [file, String(round), String(seed), kind === "tear" ? "tear" : "any"])
      const how = await crash(child, kind, file, random).catch((error: Error) => {
        throw new Error(`round ${round}: ${error.message}\n${context()}`)
      })
      const { signal } = await child.closed
      const killedSize = fs.statSync(file).size
      // Without the NUL bytes the child had set aside for its next commits, which hold nothing.
      const killedContent = written(file)
      const acks = child.lines
        .filter((line) => line.startsWith("ack\t"))
        .map((line) => {
          const [, key, entries] = line.split("\t")
          return { key: key!, entries: JSON.parse(entries!) as ReadonlyArray<string> }
        })
      const at = log.push(
        `round ${round} (lane ${laneIndex}, ${kind}): ${how} (${Date.now() - roundStarted} ms after the start), ${acks.length} acks, ` +
          `file ${killedSize} bytes (${killedContent} before its reserved space)`
      ) - 1
      expect(signal, `${context()}\nstderr: ${child.stderr()}`).toBe("SIGKILL")

      const repairs: Array<JournalRepair> = []
      const entries = await Effect.runPromise(
        withJournal(file, (journal) => Stream.runCollect(journal.readAll()), { onRepair: (repair) => void repairs.push(repair) })
      ).catch((error: Error) => {
        throw new Error(`round ${round}: the reopen failed: ${error.message}\n${context()}`)
      })
      const reopened = fs.readFileSync(file)
      if (reopened.length < killedContent) {
        cuts[kind]++
        log[at] += `, cut to ${reopened.length} bytes`
        // The cut was reported, with what it removed.
        expect(repairs, context()).toEqual([expect.objectContaining({ _tag: "TornWriteCut", offset: reopened.length, bytes: killedSize - reopened.length })])
      } else {
        expect(repairs, context()).toEqual([])
        // Closing the journal cut its reserved space.
        expect(reopened.length, context()).toBe(killedContent)
      }
      // Whatever was there at the last reopen is still there, byte for byte.
      expect(reopened.subarray(0, verified.length).equals(verified), `the file lost bytes it held; ${context()}`).toBe(true)
      const byKey = new Map<string, Array<string>>()
      for (const entry of entries) {
        const list = byKey.get(entry.idempotencyKey) ?? []
        list.push(entryJson(entry))
        byKey.set(entry.idempotencyKey, list)
      }
      for (const ack of acks) {
        expect(byKey.get(ack.key), `acknowledged commit ${ack.key} is missing or differs; ${context()}`).toEqual(ack.entries)
      }
      acknowledged += acks.length
      verified = reopened
      log[at] += `, round done in ${Date.now() - roundStarted} ms`
    }
    bytes += verified.length
  }

  await Promise.all(Array.from({ length: LANES }, (_, i) => lane(i)))
  // Kills in the middle of a 16 MB write tear it: the cut of a real torn write is exercised.
  expect(cuts.tear, `no kill tore a write; ${context()}`).toBeGreaterThan(0)
  console.log(
    `crash test: ${LANES * ROUNDS} kills, ${acknowledged} acknowledged commits, torn writes cut: ` +
      `${KINDS.map((k) => `${cuts[k]} (${k})`).join(", ")}, ${bytes} bytes kept, ${Date.now() - started} ms, seed ${seed}` +
      (process.env["CRASH_LOG"] === undefined ? "" : `\n${log.join("\n")}`)
  )
}, 240_000)
