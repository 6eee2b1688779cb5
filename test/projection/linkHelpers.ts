/** Helpers for link graph tests: journal entries from records, and the Zhanaozen graph. */
import { type Journal, Projection, Record } from "../../src/index.js"
import type { AnyEvent } from "../../src/model/Event.js"
import type { Link } from "../../src/model/Link.js"
import * as zhanaozen from "../fixtures/zhanaozen/index.js"

type Entry = Journal.Entry

/** Journal entries writing these records, one per commit, a minute apart. */
export const entriesOf = (records: ReadonlyArray<unknown>, start = 1): Array<Entry> =>
  records.map((input, i) => {
    const record = Record.decodeUnsafe(input)
    return {
      position: start + i,
      stream: { type: record.type, id: record.id },
      revision: 1,
      recordedAt: Date.UTC(2024, 0, 1) + (start + i) * 60_000,
      idempotencyKey: `k-${start + i}`,
      body: { _tag: "revision", record }
    }
  })

/** The Zhanaozen fixtures as journal entries. */
export const zhanaozenEntries: ReadonlyArray<Entry> = entriesOf(zhanaozen.all)

/** The Zhanaozen link graph. */
export const zhanaozenGraph = Projection.replay(Projection.LinkGraph.projection, zhanaozenEntries)

/** A decoded event with a few fields set; the rest a minimal valid rally. */
export const rally = (id: string, when: string, place = "zhanaozen", timeZone = "Asia/Aqtau"): AnyEvent =>
  Record.decodeUnsafe({
    type: "event",
    kind: "rally",
    id,
    title: `rally ${id}`,
    when,
    where: { place, timeZone },
    form: "demonstration",
    citations: [{ source: "source-1" }]
  }) as AnyEvent

/** A decoded event of a given kind (rally, strike, detention, dispersal or statement). */
export const eventOf = (kind: string, id: string, when: string, place = "zhanaozen", timeZone = "Asia/Aqtau", actors: ReadonlyArray<string> = []): AnyEvent => {
  const extra: { [k: string]: unknown } = kind === "rally"
    ? { form: "demonstration" }
    : kind === "detention"
    ? { detained: [{ value: { kind: "unknown" }, citations: [{ source: "source-1" }] }] }
    : kind === "official-statement"
    ? { speaker: "akimat" }
    : kind === "violence"
    ? { form: "shooting" }
    : {}
  return Record.decodeUnsafe({
    type: "event",
    kind,
    id,
    title: `${kind} ${id}`,
    when,
    where: { place, timeZone },
    participants: actors.map((actor) => ({ actor, role: "participant" })),
    citations: [{ source: "source-1" }],
    ...extra
  }) as AnyEvent
}

/** A decoded asserted link. */
export const link = (id: string, relation: Link["relation"], from: string, to: string): Link =>
  Record.decodeUnsafe({ type: "link", id, relation, from, to, rationale: "test", citations: [{ source: "source-1" }] }) as Link
