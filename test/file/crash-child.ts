/**
 * The child of the crash test: opens the journal file and commits in a loop until it is killed.
 * Before each commit it writes `begin\t<key>\t<file size>`, and after the commit returns
 * `ack\t<key>\t<entries as JSON>`, each with a synchronous write, so that a line the parent reads
 * is a commit that began, or was acknowledged. In mode `tear`, its third commit is a large one
 * (about 16 MB in one write), for the parent to kill it in the middle of that write.
 *
 * Usage: node crash-child.mjs <journal file> <round> <seed> <mode: tear | any>
 */
import * as fs from "node:fs"
import { Effect } from "effect"
import type { Append } from "../../src/journal/Entry.js"
import { layerFile } from "../../src/file/FileJournal.js"
import { Journal } from "../../src/journal/Journal.js"
import { actor, entryJson, seededRandom } from "./fileHelpers.js"

const [file, round, seed, mode] = process.argv.slice(2)
if (file === undefined || round === undefined || seed === undefined) throw new Error("usage: crash-child <file> <round> <seed> <mode>")
const random = seededRandom(Number(seed) * 1_000 + Number(round))
const pick = (n: number): number => Math.floor(random() * n)

// Long descriptions, some very long, so that a kill can land inside a write of a commit (a kill
// lands mostly in fsync, where it tears nothing).
const description = (big: boolean): string | undefined =>
  big ? `wages ${"ө".repeat(100_000 + pick(200_000))} end` : random() < 0.5 ? undefined : `wages ${"ө".repeat(pick(3_000))} end`

const program = Journal.use((journal) =>
  Effect.gen(function*() {
    fs.writeSync(1, `open\t${yield* journal.head}\n`)
    // The streams this child wrote, with their revisions, so that some commits revise them.
    const revisions = new Map<string, number>()
    for (let n = 1;; n++) {
      const key = `r${round}-c${n}`
      const appends: Array<Append> = []
      const streams = new Set<string>()
      const huge = mode === "tear" && n === 3
      const size = huge ? 8 : 1 + pick(3)
      const big = random() < 0.25
      for (let j = 0; j < size; j++) {
        const known = [...revisions.keys()]
        const id = !huge && known.length > 0 && random() < 0.4 ? known[pick(known.length)]! : `actor-r${round}-c${n}-${j}`
        if (streams.has(id)) continue
        streams.add(id)
        const text = huge ? `wages ${"ө".repeat(1_000_000)} end` : description(big)
        appends.push({ _tag: "revision", record: actor(id, text), expected: revisions.get(id) ?? "none" })
      }
      fs.writeSync(1, `begin\t${key}\t${fs.statSync(file).size}\n`)
      const result = yield* journal.commit({ idempotencyKey: key, appends })
      for (const entry of result.entries) revisions.set(entry.stream.id, entry.revision)
      fs.writeSync(1, `ack\t${key}\t${JSON.stringify(result.entries.map(entryJson))}\n`)
    }
  })
)

Effect.runPromise(program.pipe(Effect.provide(layerFile(file)))).catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
