/**
 * What an import reads of the journal, a batch at a time: what the journal holds of the batch's
 * streams (`held`, so that an import into a large journal need not read it whole into a catalog),
 * and the second planning of a commit that met another writer (several processes importing into
 * one PostgreSQL journal), by the importers' own rules.
 */
import { Effect } from "effect"
import type { Journal } from "protest-chronicle"
import type { Existing } from "protest-chronicle/interchange"

const keyOf = (stream: Journal.StreamRef): string => `${stream.type}\u0000${stream.id}`

/**
 * What the journal holds of each of `streams` (their latest revision and current record), as a
 * lookup for `Existing.plan`; a stream the journal does not hold is `undefined`.
 */
export const held = (journal: Journal.JournalShape, streams: ReadonlyArray<Journal.StreamRef>) =>
  Effect.map(
    Effect.forEach(streams, (stream) => Effect.map(journal.readStream(stream), (history) => [stream, history.at(-1)] as const), { concurrency: 16 }),
    (found) => {
      const byKey = new Map<string, Existing.Existing>()
      for (const [stream, last] of found) {
        if (last !== undefined) byKey.set(keyOf(stream), { revision: last.revision, ...(last.body._tag === "revision" ? { current: last.body.record } : {}) })
      }
      return (stream: Journal.StreamRef): Existing.Existing | undefined => byKey.get(keyOf(stream))
    }
  )

const streamOf = (a: Journal.Append): Journal.StreamRef => (a._tag === "revision" ? ({ type: a.record.type, id: a.record.id } as Journal.StreamRef) : a.stream)

/**
 * Plans appends again against what the journal holds now, after another writer committed some of
 * the same streams, by the importers' rules: a record that is there already, said the same way, is
 * dropped; an event said differently becomes a correction of the revision found; an actor, place
 * or source that exists now is left alone (an import never rewrites them), and so is a stream
 * retracted meanwhile.
 */
export const replan = (journal: Journal.JournalShape, appends: ReadonlyArray<Journal.Append>) =>
  Effect.map(
    Effect.forEach(appends, (a) => Effect.map(journal.readStream(streamOf(a)), (history) => [a, history.at(-1)] as const), { concurrency: 8 }),
    (found) =>
      found.flatMap(([a, last]): ReadonlyArray<Journal.Append> => {
        if (last === undefined) return [{ ...a, expected: "none" }]
        if (a._tag !== "revision") return [{ ...a, expected: last.revision }]
        const current = last.body._tag === "revision" ? last.body.record : undefined
        if (current === undefined || a.record.type !== "event" || JSON.stringify(current) === JSON.stringify(a.record)) return []
        return [{ ...a, expected: last.revision, reason: a.reason ?? "imported again: another import wrote it first, differently" }]
      })
  )
