/**
 * `Existing.plan`: planning after the import gives what planning during it gives. Rows imported
 * without `existing`, then planned against a journal's catalog, come to the same appends, counts
 * and retracted streams as the same rows imported with that catalog; and `plan` never throws.
 */
import { fc, test as fcTest } from "@fast-check/vitest"
import { Effect, Result, Stream } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { Acled, Existing } from "../../src/interchange/index.js"
import * as Journal from "../../src/journal/index.js"
import * as Catalog from "../../src/projection/Catalog.js"
import type { AnyRecord } from "../../src/model/Vocabulary.js"
import { csvOf, importablePairs, importOk, rowsArb } from "./acledHelpers.js"

const recordsOf = (result: Acled.ImportResult): Array<AnyRecord> => result.appends.flatMap((a) => (a._tag === "revision" ? [a.record] : []))

/** A catalog of a journal that imported `earlier`, then retracted the events whose index is in `retract`. */
const catalogAfter = (earlier: string, retract: ReadonlySet<number>) =>
  Effect.runPromise(Effect.gen(function*() {
    const journal = yield* Journal.Journal
    const first = importOk(earlier)
    if (first.appends.length > 0) yield* journal.commit({ idempotencyKey: "earlier", appends: first.appends })
    const events = recordsOf(first).filter((r) => r.type === "event")
    const gone = events.filter((_, i) => retract.has(i))
    if (gone.length > 0) {
      yield* journal.commit({ idempotencyKey: "retract", appends: gone.map((r) => ({ _tag: "retraction" as const, stream: { type: "event", id: r.id } as Journal.StreamRef, expected: 1, reason: "a duplicate" })) })
    }
    return (yield* Stream.runCollect(journal.readAll())).reduce(Catalog.apply, Catalog.empty)
  }).pipe(Effect.provide(Journal.layerMemory())))

describe("Existing.plan", () => {
  // The runs must include corrections and retracted streams, or the law says little.
  const seen = { corrected: 0, retracted: 0, unchanged: 0 }
  afterAll(() => expect(Math.min(...Object.values(seen)), JSON.stringify(seen)).toBeGreaterThan(0))
  fcTest.prop([rowsArb(importablePairs()), fc.array(fc.boolean(), { maxLength: 12 }), fc.array(fc.nat({ max: 11 }), { maxLength: 4 })], { numRuns: 40 })(
    "planning after an import equals planning during it",
    async (generated, kept, retracted) => {
      const all = Acled.importCsv(csvOf(generated), { skipInvalid: true })
      if (Result.isFailure(all)) throw new Error(all.failure.message)
      const ok = new Set<string>(recordsOf(all.success).map((r) => r.id))
      const rows = generated.filter((r) => ok.has(`acled:${r.event_id_cnty}`))
      // The journal holds some of the rows, some of them as an older export said them.
      const earlier = rows.filter((_, i) => kept[i] ?? false).map((r, i) => (i % 2 === 0 ? { ...r, notes: `${r.notes} (older)`.trim() } : r))
      const catalog = await catalogAfter(csvOf(earlier), new Set(retracted))
      const during = importOk(csvOf(rows), { existing: catalog })
      const after = Existing.plan(recordsOf(importOk(csvOf(rows))), catalog, "ACLED export")
      expect(Result.isSuccess(after)).toBe(true)
      if (Result.isFailure(after)) return
      expect(after.success.appends).toEqual(during.appends)
      expect(after.success.retracted).toEqual(during.retracted)
      expect([after.success.created, after.success.corrected, after.success.unchanged]).toEqual([during.created, during.corrected, during.unchanged])
      if (during.corrected > 0) seen.corrected++
      if (during.retracted.length > 0) seen.retracted++
      if (during.unchanged > 0) seen.unchanged++
    }
  )

  it("fails, never throws, on what is not records, a format that is not text, or a lookup that throws or answers wrongly", () => {
    const records = recordsOf(importOk(csvOf([])))
    const event = { type: "event", id: "acled:KAZ1", title: "x" } as unknown as AnyRecord
    const cases: ReadonlyArray<readonly [unknown, unknown, unknown, RegExp]> = [
      [null, Catalog.empty, "f", /array/],
      [[null], Catalog.empty, "f", /records\[0\]/],
      [[{ type: 1 }], Catalog.empty, "f", /records\[0\]/],
      [records, Catalog.empty, 7, /format/],
      [records, null, "f", /catalog or a lookup/],
      [records, { "event/x": 1 }, "f", /catalog or a lookup/],
      [[event], () => { throw new Error("offline") }, "f", /offline/],
      [[event], () => ({ revision: "two" }), "f", /not \{ revision/]
    ]
    for (const [rs, existing, format, message] of cases) {
      const result = Existing.plan(rs as never, existing as never, format as never)
      expect(Result.isFailure(result) && result.failure._tag).toBe("ExistingPlanError")
      expect(Result.isFailure(result) && result.failure.message).toMatch(message)
    }
  })
})
