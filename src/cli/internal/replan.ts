/**
 * An import's commit that met another writer (several processes importing into one PostgreSQL
 * journal) is planned again against what that writer wrote, by the importers' own rules.
 */
import { Effect } from "effect"
import type { Journal } from "protest-chronicle"

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
