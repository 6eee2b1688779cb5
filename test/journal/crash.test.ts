import * as fs from "node:fs"
import { Effect, Stream } from "effect"
import { afterAll, expect, it } from "vitest"
import { bundleChild, startChild } from "./childProcess.js"
import { entryJson, removeScratch, seededRandom, tempJournal, withJournal } from "./fileHelpers.js"

const ROUNDS = 60
/** A new journal file every so many rounds, so that reopening stays quick. */
const ROUNDS_PER_FILE = 10
/** The longest wait, after a child's first acknowledged commit, before it is killed. */
const MAX_DELAY_MS = 150

afterAll(removeScratch)

const sleep = (millis: number) => new Promise<void>((resolve) => setTimeout(resolve, millis))

it(`keeps every acknowledged commit, byte for byte, through ${ROUNDS} SIGKILLs`, async () => {
  const started = Date.now()
  const script = await bundleChild("crash-child")
  const seed = Number(process.env["CRASH_SEED"] ?? Math.floor(Math.random() * 2 ** 31))
  const random = seededRandom(seed)
  let file = tempJournal()
  const rounds: Array<string> = [`journal ${file}`]
  const context = () => `seed ${seed} (rerun with CRASH_SEED=${seed})\n${rounds.join("\n")}`

  let verified = Buffer.alloc(0) // the file as of the last reopen
  let acknowledged = 0
  let cuts = 0
  let bytes = 0
  for (let round = 1; round <= ROUNDS; round++) {
    if (round % ROUNDS_PER_FILE === 1 && round > 1) {
      bytes += verified.length
      file = tempJournal()
      verified = Buffer.alloc(0)
      rounds.push(`journal ${file}`)
    }
    const delay = Math.floor(random() * MAX_DELAY_MS)
    const child = startChild(script, [file, String(round), String(seed)])
    await child.nextLine((line) => line.startsWith("ack\t")).catch((error: Error) => {
      throw new Error(`round ${round}: ${error.message}\n${context()}`)
    })
    await sleep(delay)
    child.process.kill("SIGKILL")
    const { signal } = await child.closed
    const killedSize = fs.statSync(file).size
    const acks = child.lines
      .filter((line) => line.startsWith("ack\t"))
      .map((line) => {
        const [, key, entries] = line.split("\t")
        return { key: key!, entries: JSON.parse(entries!) as ReadonlyArray<string> }
      })
    rounds.push(`round ${round}: killed ${delay} ms after the first ack, ${acks.length} acks, file ${killedSize} bytes`)
    expect(signal, `${context()}\nstderr: ${child.stderr()}`).toBe("SIGKILL")

    const entries = await Effect.runPromise(withJournal(file, (journal) => Stream.runCollect(journal.readAll())))
    const reopened = fs.readFileSync(file)
    if (reopened.length < killedSize) {
      cuts++
      rounds[rounds.length - 1] += `, cut to ${reopened.length} bytes`
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
  }
  console.log(
    `crash test: ${ROUNDS} kills, ${acknowledged} acknowledged commits, ${cuts} torn tails cut, ` +
      `${bytes + verified.length} bytes written, ${Date.now() - started} ms, seed ${seed}`
  )
}, 240_000)
