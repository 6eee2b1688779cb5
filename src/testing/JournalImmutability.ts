/**
 * The immutability case of the journal conformance suite: a store keeps no reference to what a
 * caller handed it, and what it hands out cannot be changed. Random records are committed, then
 * every object the caller passed (records, appends, streams, the request) is scrambled; every
 * read must still give the records as they were committed, deeply frozen, entries included.
 *
 * @since 0.1.0
 */
import { Effect, Stream } from "effect"
import * as fc from "fast-check"
import { deepStrictEqual, ok } from "./internal/assert.js"
import type { Append, CommitRequest, Entry } from "../journal/Entry.js"
import type { JournalShape } from "../journal/Journal.js"
import type { AnyRecord } from "../model/Vocabulary.js"
import { arbRecord } from "./Records.js"

/**
 * Changes everything it can reach in a value, in place: strings and numbers in objects and
 * arrays, an extra element in every array, an extra key in every object. Frozen parts are left.
 *
 * @category conformance
 * @since 0.1.0
 */
export const scramble = (value: unknown, seen: Set<object> = new Set()): void => {
  if (typeof value !== "object" || value === null || seen.has(value) || Object.isFrozen(value)) return
  seen.add(value)
  const bag = value as Record<string, unknown>
  for (const key of Object.keys(bag)) {
    const v = bag[key]
    if (typeof v === "string") bag[key] = `${v} (changed afterwards)`
    else if (typeof v === "number") bag[key] = v + 1
    else scramble(v, seen)
  }
  if (Array.isArray(value)) value.push("changed afterwards")
  else bag["changedAfterwards"] = true
}

/**
 * Whether a value and everything inside it is frozen.
 *
 * @category guards
 * @since 0.1.0
 */
export const isDeeplyFrozen = (value: unknown, seen: Set<object> = new Set()): boolean => {
  if (typeof value !== "object" || value === null || seen.has(value)) return true
  if (!Object.isFrozen(value)) return false
  seen.add(value)
  return Object.values(value).every((v) => isDeeplyFrozen(v, seen))
}

const arbBatch = fc.array(fc.tuple(arbRecord, fc.boolean()), { minLength: 1, maxLength: 4 })

/**
 * Runs the property against one journal (`numRuns` runs, each committing under fresh ids). Fails
 * with an assertion naming what changed or what was not frozen.
 *
 * @category conformance
 * @since 0.1.0
 */
export const assertKeepsNoReferences = (journal: JournalShape, numRuns = 15): Effect.Effect<void, unknown> =>
  Effect.promise(async () => {
    let run = 0
    await fc.assert(
      fc.asyncProperty(arbBatch, async (batch) => {
        run++
        // Copies, so that scrambling them leaves fast-check's own values (which it shrinks) alone.
        const records = batch.map(([r], i) => structuredClone({ ...r, id: `keeps-no-ref-${run}-${i}` })) as Array<Record<string, unknown>>
        const before = structuredClone(records)
        const appends: Array<Append> = records.map((record) => ({ _tag: "revision", record: record as unknown as AnyRecord, expected: "any" }))
        const request: CommitRequest = { idempotencyKey: `keeps-no-ref-${run}`, author: `desk ${run}`, appends }
        const result = await Effect.runPromise(journal.commit(request))
        // The second half of the batch is retracted in a second commit, through stream objects
        // that are scrambled afterwards too.
        const streams = before.filter((_, i) => batch[i]![1]).map((r) => ({ type: r["type"], id: r["id"] }) as Entry["stream"])
        const retraction: CommitRequest = {
          idempotencyKey: `keeps-no-ref-${run}-retract`,
          appends: streams.map((stream) => ({ _tag: "retraction", stream, expected: 1, reason: "retracted in the test" }))
        }
        const retracted = streams.length === 0 ? undefined : await Effect.runPromise(journal.commit(retraction))
        scramble(records)
        scramble(request)
        scramble(streams)
        scramble(retraction)
        const first = result.entries[0]!.position
        const read = await Effect.runPromise(Stream.runCollect(journal.readAll({ from: first })))
        const revisions = read.filter((e) => e.body._tag === "revision" && e.idempotencyKey === `keeps-no-ref-${run}`)
        deepStrictEqual(revisions.map((e) => (e.body as { readonly record: unknown }).record), before, "a record changed when the caller changed its input")
        deepStrictEqual(revisions.map((e) => e.author), before.map(() => `desk ${run}`))
        for (const entry of [...read, ...result.entries, ...(retracted?.entries ?? [])]) {
          ok(isDeeplyFrozen(entry), `entry ${entry.position} can be changed by whoever reads it`)
        }
        for (const [i, r] of before.entries()) {
          const history = await Effect.runPromise(journal.readStream({ type: r["type"] as Entry["stream"]["type"], id: `keeps-no-ref-${run}-${i}` }))
          deepStrictEqual(history.map((e) => e.body._tag), batch[i]![1] ? ["revision", "retraction"] : ["revision"])
          ok(history.every((e) => isDeeplyFrozen(e)), "readStream gave an entry that can be changed")
        }
      }),
      { numRuns }
    )
  })
