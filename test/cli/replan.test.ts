/**
 * The import's second planning, after another writer committed some of its streams first: the
 * importers' rules hold (shared records that exist are never rewritten, retracted streams are left
 * alone, an event said differently becomes a correction).
 */
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { replan } from "../../src/cli/internal/replan.js"
import type { Append } from "../../src/journal/Entry.js"
import { Journal, layerMemory } from "../../src/journal/Journal.js"
import * as Record from "../../src/model/Record.js"

const rally = (id: string, title: string) =>
  Record.decodeUnsafe({
    type: "event",
    kind: "rally",
    id,
    title,
    when: "2011-12-16",
    where: { place: "zhanaozen", timeZone: "Asia/Aqtau" },
    form: "sit-in",
    citations: [{ source: "source-1" }]
  })
const actor = (id: string, name: string) => Record.decodeUnsafe({ type: "actor", id, kind: "workers", name })
const create = (record: ReturnType<typeof rally>): Append => ({ _tag: "revision", record, expected: "none" })

describe("replan: an import's appends planned again against another writer's commits", () => {
  it("drops what exists said the same way, a shared record that exists, a retracted stream; corrects a changed event", async () => {
    const got = await Effect.runPromise(Effect.gen(function*() {
      const journal = yield* Journal
      // What the other writer committed first.
      yield* journal.commit({
        idempotencyKey: "other",
        appends: [create(actor("oil-workers", "Oil workers")), create(rally("same", "A rally")), create(rally("changed", "A rally")), create(rally("gone", "A rally"))]
      })
      yield* journal.commit({ idempotencyKey: "other-2", appends: [{ _tag: "retraction", stream: { type: "event", id: "gone" }, expected: 1, reason: "a duplicate" }] })
      const ours = [
        create(actor("oil-workers", "Striking oil workers")),
        create(rally("same", "A rally")),
        create(rally("changed", "A rally in the square")),
        create(rally("gone", "A rally")),
        create(rally("new", "A rally"))
      ]
      return yield* replan(journal, ours)
    }).pipe(Effect.provide(layerMemory())))
    expect(got.map((a) => a._tag === "revision" ? [a.record.id, a.expected, a.reason ?? ""] : [])).toEqual([
      ["changed", 1, "imported again: another import wrote it first, differently"],
      ["new", "none", ""]
    ])
  })
})
