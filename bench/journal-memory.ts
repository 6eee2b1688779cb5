/**
 * The memory store against Emmett's in-memory event store on the same workload: append 100,000
 * events over 1,000 streams (one append call per event, each to the stream's expected next
 * revision), then fold every stream. Target: faster than Emmett (ratio below 1).
 */
import { getInMemoryEventStore } from "@event-driven-io/emmett"
import { Effect } from "effect"
import { Journal, Record } from "../src/index.js"
import { type Benchmark, compare } from "./harness.js"

export interface JournalMemoryOptions {
  readonly events?: number
  readonly streams?: number
  readonly repeat?: number
}

export const journalMemoryBenchmark = (options: JournalMemoryOptions = {}): Benchmark => {
  const events = options.events ?? 100_000
  const streams = options.streams ?? 1_000
  const name = `memory journal: append ${events.toLocaleString("en-US")} over ${streams.toLocaleString("en-US")} streams + fold, vs Emmett`
  // The same payloads for both stores, built before timing: revision r of stream s is a rally
  // record whose title names the revision.
  const payloads = Array.from({ length: events }, (_, i) => {
    const s = i % streams
    return Record.decodeUnsafe({
      type: "event",
      kind: "rally",
      id: `rally-${s}`,
      title: `Rally ${s}, revision ${Math.floor(i / streams) + 1}`,
      when: "2023-04-11",
      where: { place: "zhanaozen", timeZone: "Asia/Aqtau" },
      form: "gathering",
      citations: [{ source: "bench" }]
    })
  })
  type Folded = { readonly revisions: number; readonly title: string }
  const fold = (state: Folded, title: string): Folded => ({ revisions: state.revisions + 1, title })

  const ours = () =>
    Effect.runPromise(
      Effect.gen(function*() {
        const journal = yield* Journal.Journal
        for (let i = 0; i < events; i++) {
          const expected = i < streams ? "none" : Math.floor(i / streams)
          yield* journal.commit({
            idempotencyKey: `k${i}`,
            appends: [{ _tag: "revision", record: payloads[i]!, expected }]
          })
        }
        let total = 0
        for (let s = 0; s < streams; s++) {
          const entries = yield* journal.readStream({ type: "event", id: `rally-${s}` })
          let state: Folded = { revisions: 0, title: "" }
          for (const e of entries) if (e.body._tag === "revision" && e.body.record.type === "event") state = fold(state, e.body.record.title)
          total += state.revisions
        }
        if (total !== events) throw new Error(`folded ${total} revisions, expected ${events}`)
        return total
      }).pipe(Effect.provide(Journal.layerMemory()))
    )

  const emmett = async () => {
    const store = getInMemoryEventStore()
    for (let i = 0; i < events; i++) {
      const record = payloads[i]!
      await store.appendToStream(`rally-${i % streams}`, [{ type: "RecordRevised", data: { record } }], {
        expectedStreamVersion: i < streams ? 0n : BigInt(Math.floor(i / streams))
      })
    }
    let total = 0
    for (let s = 0; s < streams; s++) {
      const { state } = await store.aggregateStream(`rally-${s}`, {
        initialState: (): Folded => ({ revisions: 0, title: "" }),
        evolve: (st: Folded, ev: { type: "RecordRevised"; data: { record: Record.Record } }) =>
          ev.data.record.type === "event" ? fold(st, ev.data.record.title) : st
      })
      total += state.revisions
    }
    if (total !== events) throw new Error(`Emmett folded ${total} revisions, expected ${events}`)
    return total
  }

  return compare(name, ours, emmett, { target: 1, better: "lower", repeat: options.repeat ?? 5, warmup: 1 })
}
