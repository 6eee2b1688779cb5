/**
 * Many processes, one chronicle: 8 child processes each make 500 commits with expected revisions
 * against shared streams (retrying after each conflict), and race one another for the same
 * idempotency keys, while a tail in this process follows the journal from position 1. All of them
 * open the same fresh schema at once, so its migration runs under contention too.
 */
import { Effect, Fiber, Stream } from "effect"
import { afterAll, describe, expect, inject, it } from "vitest"
import { Journal } from "../../src/journal/Journal.js"
import { layerPostgres } from "../../src/postgres/index.js"
import { bundleChild, startChild } from "./child.js"
import { freshSchema } from "./server.js"

const url = inject("pgUrl")
const prefix = inject("pgSchemaPrefix")

const CHILDREN = 8
const COMMITS = 500
const SHARED = 4
const RACES = Math.ceil(COMMITS / 50)

const cleanups: Array<() => void> = []
afterAll(() => cleanups.forEach((f) => f()))

interface Ack {
  readonly key: string
  readonly duplicate: boolean
  readonly entries: ReadonlyArray<readonly [number, string, number]>
}

describe.skipIf(url === "")("PostgreSQL store: many processes", () => {
  it(`${CHILDREN} processes × ${COMMITS} commits with expected revisions: nothing lost or doubled, conflicts typed, the tail sees every entry once and in order`, async () => {
    const { remove, script } = await bundleChild("writer-child")
    cleanups.push(remove)
    const schema = freshSchema(prefix)
    const total = CHILDREN * COMMITS * 2 + RACES

    const program = Effect.gen(function*() {
      const journal = yield* Journal
      const tail = yield* Effect.forkChild(Stream.runCollect(Stream.take(journal.tail(), total)))
      const children = Array.from({ length: CHILDREN }, (_, i) => startChild(script, [url, schema, String(i), String(COMMITS), String(SHARED)]))
      const exits = yield* Effect.promise(() => Promise.all(children.map((c) => c.closed)))
      const all = yield* Stream.runCollect(journal.readAll())
      const tailed = yield* Effect.timeout(Fiber.join(tail), "20 seconds")
      const streams = yield* Effect.forEach(
        [...Array.from({ length: SHARED }, (_, i) => `shared-${i}`), ...Array.from({ length: CHILDREN }, (_, i) => `own-${i}`)],
        (id) => Effect.map(journal.readStream({ type: "actor", id }), (entries) => [id, entries] as const)
      )
      return { children, exits, all, tailed, streams: new Map(streams) }
    })
    const { all, children, exits, streams, tailed } = await Effect.runPromise(
      Effect.provide(Effect.timeout(program, "100 seconds"), layerPostgres({ connection: url, schema, pollInterval: "100 millis" }))
    )

    children.forEach((child, i) => {
      expect(exits[i]!.code, `child ${i} failed:\n${child.lines.filter((l) => l.startsWith("error")).join("\n")}\n${child.stderr()}`).toBe(0)
    })
    const lines = children.map((c) => c.lines)
    const acks: Array<Ack> = lines.flat().filter((l) => l.startsWith("ack\t")).map((l) => {
      const [, key, duplicate, entries] = l.split("\t")
      return { key: key!, duplicate: duplicate === "true", entries: JSON.parse(entries!) }
    })
    const conflicts = lines.flat().filter((l) => l.startsWith("conflict\t")).map((l) => l.split("\t"))

    // Nothing lost or doubled: contiguous positions, and each commit's entries where it was told.
    expect(all.map((e) => e.position)).toEqual(Array.from({ length: total }, (_, i) => i + 1))
    const byPosition = new Map(all.map((e) => [e.position, e]))
    for (const ack of acks) {
      for (const [position, id, revision] of ack.entries) {
        const entry = byPosition.get(position)
        expect([entry?.stream.id, entry?.revision, entry?.idempotencyKey]).toEqual([id, revision, ack.key])
      }
    }
    const written = acks.filter((a) => !a.duplicate)
    expect(written.length).toBe(CHILDREN * COMMITS + RACES)
    expect(new Set(written.map((a) => a.key)).size).toBe(written.length)

    // Expected revisions held: every stream's revisions are 1, 2, 3, … with no gap or repeat.
    for (const [id, entries] of streams) {
      expect(entries.map((e) => e.revision), id).toEqual(Array.from({ length: entries.length }, (_, i) => i + 1))
    }
    for (let i = 0; i < CHILDREN; i++) expect(streams.get(`own-${i}`)!.length).toBe(COMMITS)
    expect([...streams].filter(([id]) => id.startsWith("shared-")).reduce((n, [, es]) => n + es.length, 0)).toBe(CHILDREN * COMMITS)

    // A race for one key: one child wrote, the others got its entries back as a duplicate.
    for (let i = 0; i < COMMITS; i += 50) {
      const race = acks.filter((a) => a.key === `race-${i}`)
      expect(race.length).toBe(CHILDREN)
      expect(race.filter((a) => !a.duplicate).length).toBe(1)
      for (const a of race) expect(a.entries).toEqual(race.find((r) => !r.duplicate)!.entries)
    }

    // Conflicts happened, and each was a typed ConflictError naming a shared stream behind it.
    expect(conflicts.length).toBeGreaterThan(0)
    for (const [, , stream, expected, actual] of conflicts) {
      expect(stream).toMatch(/^shared-\d$/)
      expect(actual).not.toBe(expected)
    }

    expect(tailed).toEqual(all)
    console.log(`many processes: ${total} entries, ${conflicts.length} conflicts retried`)
  }, 120_000)
})
