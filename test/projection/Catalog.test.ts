import { Hash } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Journal, Projection, Record } from "../../src/index.js"
import {
  arbEntries,
  assertAsOfEqualsPrefix,
  assertDeterministic,
  assertDoesNotMutate,
  assertReplayEqualsIncremental,
  deepFreeze
} from "../../src/testing/index.js"

const { Catalog } = Projection
type Entry = Journal.Entry

const key = (e: Entry) => Journal.streamKey(e.stream)
const byStream = (entries: ReadonlyArray<Entry>): Map<string, Array<Entry>> => {
  const groups = new Map<string, Array<Entry>>()
  for (const e of entries) groups.set(key(e), [...(groups.get(key(e)) ?? []), e])
  return groups
}

const union = Record.decodeUnsafe({ type: "actor", id: "oil-workers-union", kind: "union", name: "Oil workers' union" })
const entry = (position: number, recordedAt: number, body: Entry["body"], extra: Partial<Entry> = {}): Entry => ({
  position,
  stream: { type: "actor", id: "oil-workers-union" },
  revision: position,
  recordedAt,
  idempotencyKey: `k-${position}`,
  body,
  ...extra
})

describe("Catalog", () => {
  it("obeys the projection laws", () => {
    assertReplayEqualsIncremental(Catalog.projection)
    assertAsOfEqualsPrefix(Catalog.projection)
    assertDeterministic(Catalog.projection)
  })

  it("keeps each stream's last revision as current, unless a retraction came after it", () => {
    fc.assert(
      fc.property(arbEntries, (entries) => {
        const catalog = Projection.replay(Catalog.projection, entries)
        const groups = byStream(entries)
        expect(Catalog.size(catalog)).toBe(groups.size)
        for (const [, stream] of groups) {
          const item = Catalog.get(catalog, stream[0]!.stream)!
          const last = stream.at(-1)!
          const lastRevision = stream.filter((e) => e.body._tag === "revision").at(-1)
          expect(item.history).toEqual(stream)
          expect(item.history).toHaveLength(stream.length)
          if (last.body._tag === "revision") {
            expect(item.current).toBe(last.body.record)
            expect(item.retracted).toBeUndefined()
          } else {
            expect(item.current).toBeUndefined()
            expect(item.retracted).toEqual({
              at: last.recordedAt,
              revision: last.revision,
              reason: last.body.reason,
              ...(last.author === undefined ? {} : { author: last.author })
            })
          }
          expect(item.lastSaid).toBe(lastRevision?.body._tag === "revision" ? lastRevision.body.record : undefined)
        }
      })
    )
  })

  it("lists records in the order their streams were first recorded, by type, with or without retracted ones", () => {
    fc.assert(
      fc.property(arbEntries, (entries) => {
        const catalog = Projection.replay(Catalog.projection, entries)
        const firsts = [...byStream(entries).values()]
        const said = (s: Array<Entry>) => s.filter((e) => e.body._tag === "revision").at(-1)
        const current = firsts.filter((s) => s.at(-1)!.body._tag === "revision")
        const record = (e: Entry | undefined) => (e?.body._tag === "revision" ? [e.body.record] : [])
        expect(Catalog.records(catalog)).toEqual(current.flatMap((s) => record(s.at(-1))))
        expect(Catalog.records(catalog, { includeRetracted: true })).toEqual(firsts.flatMap((s) => record(said(s))))
        expect(Catalog.events(catalog)).toEqual(Catalog.records(catalog).filter((r) => r.type === "event"))
        expect(Catalog.records(catalog, { type: "place" }).every((r) => r.type === "place")).toBe(true)
        expect(Catalog.streams(catalog, { includeRetracted: true }).map((i) => i.stream)).toEqual(firsts.map((s) => s[0]!.stream))
      })
    )
  })

  it("tells what was said, when it was corrected and retracted, and why", () => {
    const corrected = Record.decodeUnsafe({ ...union, name: "Union of Ozenmunaigas oil workers" })
    const entries = [
      entry(1, 100, { _tag: "revision", record: union }, { author: "editor-a" }),
      entry(2, 200, { _tag: "revision", record: corrected }, { author: "editor-b", reason: "full name" }),
      entry(3, 300, { _tag: "retraction", reason: "duplicate of another actor" }, { author: "editor-a", reason: "duplicate of another actor" })
    ]
    const item = Catalog.get(Projection.replay(Catalog.projection, entries), union)!
    expect(item.current).toBeUndefined()
    expect(item.lastSaid).toBe(corrected)
    expect(item.retracted).toEqual({ at: 300, revision: 3, reason: "duplicate of another actor", author: "editor-a" })
    expect(item.history.map((e) => [e.revision, e.recordedAt, e.reason])).toEqual([[1, 100, undefined], [2, 200, "full name"], [3, 300, "duplicate of another actor"]])
    expect(Catalog.get(Projection.asOf(Catalog.projection, entries, 250), union)?.current).toBe(corrected)
    expect(Catalog.get(Catalog.empty, union)).toBeUndefined()
    expect(Catalog.records(Projection.replay(Catalog.projection, entries))).toEqual([])
  })

  it("does not mutate its deep-frozen input", () => {
    assertDoesNotMutate(arbEntries, (entries) => {
      const catalog = Projection.replay(Catalog.projection, entries)
      Catalog.streams(catalog, { includeRetracted: true })
      Catalog.records(catalog, { includeRetracted: true })
      Catalog.events(catalog)
    })
    const arbSplit = arbEntries.chain((es) => fc.nat({ max: es.length }).map((k) => ({ es, k })))
    assertDoesNotMutate(
      arbSplit.map(({ es, k }) => {
        const catalog = Projection.replay(Catalog.projection, es.slice(0, k))
        // effect's HashMap caches subtree hashes in its nodes on first hashing: fill the caches
        // before freezing, as a frozen node cannot take them later.
        Hash.hash(catalog)
        return { catalog, rest: es.slice(k) }
      }),
      ({ catalog, rest }) => {
        const next = Projection.applyAll(Catalog.projection, catalog, rest)
        Catalog.streams(catalog, { includeRetracted: true })
        Catalog.records(next)
      }
    )
  })
})

describe("Catalog types", () => {
  it("narrows records by type", () => {
    const places: ReadonlyArray<{ readonly type: "place" }> = Catalog.records(Catalog.empty, { type: "place" })
    expect(places).toEqual([])
    expect(deepFreeze(Catalog.events(Catalog.empty))).toEqual([])
  })
})
