/**
 * The catalog benchmark: replaying a journal of `count` entries (default 1,000,000) over 200,000
 * actor streams, one of which takes a tenth of all entries, into the catalog projection. The
 * catalog keeps every revision of every stream in persistent structures, so a replay should cost
 * O(n log n) and stay within a small factor of the baseline: the same entries grouped by stream in
 * a mutable `Map` (what a throwaway script would do).
 */
import type { Entry } from "../src/journal/Entry.js"
import { Record } from "../src/index.js"
import * as Catalog from "../src/projection/Catalog.js"
import { replay } from "../src/projection/Projection.js"
import { type Benchmark, compare } from "./harness.js"

const union = Record.decodeUnsafe({ type: "actor", id: "oil-workers-union", kind: "union", name: "Oil workers' union" })

/** The entries: 200,000 streams, one of them (`hot`) with a tenth of all entries. */
const journal = (count: number): ReadonlyArray<Entry> => {
  const entries = new Array<Entry>(count)
  const revisions = new Map<string, number>()
  for (let i = 0; i < count; i++) {
    const id = i % 10 === 0 ? "hot" : `actor-${i % 200_000}`
    const revision = (revisions.get(id) ?? 0) + 1
    revisions.set(id, revision)
    entries[i] = {
      position: i + 1,
      stream: { type: "actor", id },
      revision,
      recordedAt: i,
      idempotencyKey: `k${i}`,
      body: { _tag: "revision", record: { ...union, id } as typeof union }
    } as Entry
  }
  return entries
}

/** Replays `count` entries into the catalog, against grouping them by stream in a `Map`. */
export const catalogBenchmark = (count = 1_000_000): Benchmark => {
  const entries = journal(count)
  const check = (catalog: Catalog.Catalog): Catalog.Catalog => {
    if (Catalog.revisionOf(catalog, { type: "actor", id: "hot" } as Entry["stream"]) !== Math.ceil(count / 10)) throw new Error("catalog: the hot stream lost entries")
    return catalog
  }
  return compare(
    `catalog: replay ${count.toLocaleString("en-US")} entries vs grouping them in a Map`,
    () => check(replay(Catalog.projection, entries)),
    () => {
      const byStream = new Map<string, Array<Entry>>()
      for (const e of entries) {
        const key = `${e.stream.type}/${e.stream.id}`
        const list = byStream.get(key)
        if (list === undefined) byStream.set(key, [e])
        else list.push(e)
      }
      return byStream
    },
    { target: 25, items: count, repeat: 3, warmup: 1 }
  )
}
