import { Cause, Effect, Exit, Fiber, Option, Result, Stream } from "effect"
import { describe, expect, it } from "vitest"
import {
  JournalCorruptionError,
  makeUpcaster,
  type Migration,
  MigrationError,
  type StoredEntry
} from "../../src/journal/index.js"
import { loadAll, makeJournal } from "../../src/journal/StoreKit.js"
import { Journal, type JournalShape, layerMemory } from "../../src/journal/Journal.js"
import { Record } from "../../src/index.js"

// Version 1 of a rally kept the crowd as one bare number. Version 2 keeps it as `size`: a list of
// count claims, each with the sources that report it. The number becomes an approximate count
// claimed by the record's own sources.
const crowdToSize: Migration = {
  type: "event",
  kind: "rally",
  from: 1,
  up: (json) => {
    const { crowd, ...rest } = json as { readonly crowd?: number; readonly citations: ReadonlyArray<unknown> }
    return crowd === undefined ? rest : { ...rest, size: [{ value: { kind: "about", value: crowd }, citations: rest.citations }] }
  }
}
const migrations = [crowdToSize]

const rallyV1 = (id: string, crowd: number) => ({
  type: "event",
  kind: "rally",
  id,
  title: "Oil workers gather on the central square",
  when: "2011-05-26",
  where: { place: "zhanaozen", site: "the central square", timeZone: "Asia/Aqtau" },
  form: "gathering",
  crowd,
  citations: [{ source: "source-rfe-2011-05-26" }]
})

// The same rally as version 2 writes it.
const rallyV2 = (id: string, crowd: number) => crowdToSize.up(rallyV1(id, crowd)) as { readonly id: string }

const strike = {
  type: "event",
  kind: "strike",
  id: "ozenmunaigas-2011-05-strike",
  title: "Ozenmunaigas oil workers strike",
  when: "2011-05-26/2011-12-16",
  where: { place: "zhanaozen", timeZone: "Asia/Aqtau" },
  citations: [{ source: "source-rfe-2011-05-26" }]
}

const stored = (position: number, record: { readonly id: string }, revision: number, schemaVersion = 1): StoredEntry => ({
  position,
  stream: { type: "event", id: record.id },
  revision,
  recordedAt: new Date(Date.UTC(2011, 4, 26 + position)).toISOString(),
  idempotencyKey: `import-${position}`,
  body: { _tag: "revision", schemaVersion, record }
})

// What a journal file of the first version holds: two revisions of a rally, a strike between.
const v1File: ReadonlyArray<StoredEntry> = [
  stored(1, rallyV1("zhanaozen-2011-05-26-rally", 2000), 1),
  stored(2, strike, 1),
  stored(3, rallyV1("zhanaozen-2011-05-26-rally", 3000), 2)
]

const sizeOf = (entry: { readonly body: { readonly _tag: string } }) => {
  const body = entry.body as { readonly _tag: "revision"; readonly record: { readonly size?: unknown; readonly crowd?: unknown } }
  return { size: body.record.size, crowd: body.record.crowd }
}

const lifted = (crowd: number) => ({
  size: [{ value: { kind: "about", value: crowd }, citations: [{ source: "source-rfe-2011-05-26" }] }],
  crowd: undefined
})

const journal = Effect.gen(function*() {
  return yield* Journal
})

const withJournal = <A, E>(options: Parameters<typeof layerMemory>[0], body: (journal: JournalShape) => Effect.Effect<A, E>) =>
  Effect.runPromise(Effect.flatMap(journal, body).pipe(Effect.provide(layerMemory(options))))

const openExit = (options: Parameters<typeof layerMemory>[0]) => Effect.runPromiseExit(Effect.provide(journal, layerMemory(options)))

const openError = async (options: Parameters<typeof layerMemory>[0]) => {
  const exit = await openExit(options)
  if (Exit.isSuccess(exit)) throw new Error("the journal opened")
  return Option.getOrThrow(Cause.findErrorOption(exit.cause))
}

describe("upcasting a v1 rally (crowd: number) to v2 (size: count claims)", () => {
  it("the v1 JSON does not decode with today's model: only the migration makes it readable", async () => {
    expect(Result.isFailure(Record.decode(rallyV1("r", 2000)))).toBe(true)
    const error = await openError({ initial: v1File })
    expect(error).toBeInstanceOf(JournalCorruptionError)
    expect(error).toMatchObject({ position: 1 })
  })

  it("readAll lifts every v1 rally and leaves other kinds alone", async () => {
    const entries = await withJournal({ initial: v1File, migrations }, (j) => Stream.runCollect(j.readAll()))
    expect(entries.map(sizeOf)).toEqual([lifted(2000), { size: undefined, crowd: undefined }, lifted(3000)])
    expect(entries[1]!.body).toEqual({ _tag: "revision", record: strike })
    expect(entries.map((e) => [e.position, e.revision, e.idempotencyKey])).toEqual([[1, 1, "import-1"], [2, 1, "import-2"], [3, 2, "import-3"]])
  })

  it("readStream lifts", async () => {
    const entries = await withJournal({ initial: v1File, migrations }, (j) => j.readStream({ type: "event", id: "zhanaozen-2011-05-26-rally" }))
    expect(entries.map(sizeOf)).toEqual([lifted(2000), lifted(3000)])
  })

  it("the tail lifts what it replays, then follows new commits", async () => {
    const entries = await withJournal({ initial: v1File, migrations }, (j) =>
      Effect.gen(function*() {
        const tail = yield* Effect.forkChild(Stream.runCollect(Stream.take(j.tail({ from: 1 }), 4)))
        yield* Effect.sleep("10 millis")
        const record = Record.decodeOrThrow(rallyV2("aqtau-2011-06-rally", 150))
        yield* j.commit({ idempotencyKey: "new", appends: [{ _tag: "revision", record, expected: "none" }] })
        return yield* Fiber.join(tail)
      }))
    expect(entries.map(sizeOf)).toEqual([lifted(2000), { size: undefined, crowd: undefined }, lifted(3000), lifted(150)])
  })

  it("new commits are written in version 2, and the stored journal replays through layerMemory", async () => {
    const written: Array<StoredEntry> = []
    const { original, replayed } = await Effect.runPromise(Effect.gen(function*() {
      // A store that keeps what the core hands it, as a file would.
      const store = yield* makeJournal({ name: "capture", load: loadAll(v1File), append: (es) => Effect.sync(() => void written.push(...es)) }, { migrations })
      const rally = Record.decodeOrThrow({ ...rallyV2("zhanaozen-2011-05-26-rally", 2500), title: "Corrected title" })
      const strikeAgain = Record.decodeOrThrow({ ...strike, title: "Ozenmunaigas strike, corrected" })
      yield* store.commit({ idempotencyKey: "fix", appends: [{ _tag: "revision", record: rally, expected: 2 }, { _tag: "revision", record: strikeAgain, expected: 1 }] })
      const original = yield* Stream.runCollect(store.readAll())
      const replayed = yield* Effect.flatMap(journal, (j) => Stream.runCollect(j.readAll())).pipe(
        Effect.provide(layerMemory({ initial: [...v1File, ...written], migrations }))
      )
      return { original, replayed }
    }))
    expect(written.map((e) => [e.position, e.body._tag === "revision" ? e.body.schemaVersion : undefined])).toEqual([[4, 2], [5, 1]])
    expect(written[0]!.body).toMatchObject({ record: { size: lifted(2500).size } })
    expect(replayed).toEqual(original)
    expect(replayed.map(sizeOf).slice(3)).toEqual([lifted(2500), { size: undefined, crowd: undefined }])
  })

  it("a v2 body is not migrated again", async () => {
    let calls = 0
    const counting: Migration = { ...crowdToSize, up: (json) => (calls++, crowdToSize.up(json)) }
    const initial = [stored(1, rallyV2("r", 10), 1, 2), stored(2, rallyV1("r", 20), 2, 1)]
    const entries = await withJournal({ initial, migrations: [counting] }, (j) => Stream.runCollect(j.readAll()))
    expect(entries.map(sizeOf)).toEqual([lifted(10), lifted(20)])
    expect(calls).toBe(1)
  })

  it("migrations chain: a v1 body goes through every step to the current version", async () => {
    // v3 renames the site of every rally to title case.
    const v2ToV3: Migration = {
      type: "event",
      kind: "rally",
      from: 2,
      up: (json) => {
        const r = json as { readonly where: { readonly site?: string } }
        return { ...r, where: { ...r.where, site: r.where.site?.toUpperCase() } }
      }
    }
    const entries = await withJournal({ initial: v1File, migrations: [v2ToV3, crowdToSize] }, (j) => Stream.runCollect(j.readAll()))
    expect(entries.map((e) => (e.body as { record: { where: { site?: string } } }).record.where.site)).toEqual(["THE CENTRAL SQUARE", undefined, "THE CENTRAL SQUARE"])
    expect(sizeOf(entries[0]!)).toEqual(lifted(2000))
    expect(makeUpcaster([v2ToV3, crowdToSize]).currentVersion("event", "rally")).toBe(3)
    expect(makeUpcaster([v2ToV3, crowdToSize]).currentVersion("event", "strike")).toBe(1)
  })
})

describe("migration errors", () => {
  const from = (n: number): Migration => ({ ...crowdToSize, from: n })

  it.each([
    ["a gap", [from(1), from(3)], "gap"],
    ["a chain that does not start at 1", [from(2)], "gap"],
    ["a repeat", [from(1), from(1)], "two migrations"],
    ["an event migration without a kind", [{ type: "event", from: 1, up: (x: unknown) => x } as Migration], "must name its kind"],
    ["a kind on a non-event migration", [{ type: "actor", kind: "rally", from: 1, up: (x: unknown) => x } as Migration], "cannot name a kind"]
  ] as const)("%s is a MigrationError", (_, chain, message) => {
    expect(() => makeUpcaster(chain)).toThrow(MigrationError)
    expect(() => makeUpcaster(chain)).toThrow(message)
  })

  it("a journal with a broken chain does not open: the layer fails with the MigrationError, a typed failure, not a defect", async () => {
    const exit = await openExit({ initial: v1File, migrations: [from(1), from(1)] })
    expect(Exit.isFailure(exit) && Cause.findErrorOption(exit.cause)).toEqual(Option.some(expect.any(MigrationError)))
    expect(Exit.isFailure(exit) && Cause.hasDies(exit.cause)).toBe(false)
  })

  it.each([
    ["migrations that are not an array", { migrations: "crowdToSize" }, "MigrationError"],
    ["a migration that is not an object", { migrations: [null] }, "MigrationError"],
    ["a vocabulary that is not one", { vocabulary: { kinds: [] } }, "VocabularyError"]
  ] as const)("%s: the layer fails with a typed error", async (_, options, tag) => {
    const exit = await openExit({ initial: v1File, ...(options as object) })
    const error = Exit.isFailure(exit) ? Option.getOrUndefined(Cause.findErrorOption(exit.cause)) : undefined
    expect((error as { readonly _tag?: string } | undefined)?._tag).toBe(tag)
  })
})

describe("bodies the code cannot read", () => {
  it("a body newer than the code knows is a JournalCorruptionError naming its position", async () => {
    const error = await openError({ initial: [...v1File, stored(4, rallyV1("zhanaozen-2011-05-26-rally", 1), 3, 3)], migrations })
    expect(error).toBeInstanceOf(JournalCorruptionError)
    expect(error).toMatchObject({ position: 4 })
    expect((error as JournalCorruptionError).reason).toContain("newer than this library knows (2)")
  })

  it("a kind without migrations is at version 1: a version-2 strike is newer than the code", async () => {
    const error = await openError({ initial: [stored(1, strike, 1, 2)], migrations })
    expect(error).toMatchObject({ _tag: "JournalCorruptionError", position: 1 })
  })

  it("a migration that throws is a JournalCorruptionError naming the position", async () => {
    const throwing: Migration = { ...crowdToSize, up: () => { throw new Error("no crowd") } }
    const error = await openError({ initial: v1File, migrations: [throwing] })
    expect(error).toMatchObject({ _tag: "JournalCorruptionError", position: 1 })
    expect((error as JournalCorruptionError).reason).toContain("no crowd")
  })

  it("a migration whose result does not decode is a JournalCorruptionError naming the position", async () => {
    const sloppy: Migration = { ...crowdToSize, up: (json) => json } // forgets to drop `crowd`
    const error = await openError({ initial: v1File, migrations: [sloppy] })
    expect(error).toMatchObject({ _tag: "JournalCorruptionError", position: 1 })
    expect((error as JournalCorruptionError).reason).toContain("does not decode")
  })
})
