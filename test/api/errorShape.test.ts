/**
 * Every error class of the record model, the journal, the projections and the chronicle has one shape: a `_tag`
 * equal to its class name, its facts as fields, and a `message` computed from those fields (a
 * getter on the class, never a field of its own that could disagree with them).
 */
import { describe, expect, it } from "vitest"
import { Chronicle, Count, Journal, Projection, Record, TimeZone, Vocabulary, When } from "../../src/index.js"

const stream = { type: "event", id: "zhanaozen-2011-12-16-shooting" } as const

const samples: ReadonlyArray<readonly [string, Error & { readonly _tag: string }]> = [
  ["CountError", new Count.CountError({ reason: "low (70) must not exceed high (60)", path: ["high"] })],
  ["RecordDecodeError", new Record.RecordDecodeError({ issues: [{ path: ["when"], message: "not an EDTF date" }] })],
  ["TimeZoneError", new TimeZone.TimeZoneError({ input: "Mars/Olympus", reason: "not an IANA time zone" })],
  ["VocabularyError", new Vocabulary.VocabularyError({ reason: "kind \"rally\" is defined twice" })],
  ["MigrationError", new Journal.MigrationError({ reason: "a gap" })],
  ["ConflictError", new Journal.ConflictError({ stream, expected: 1, actual: 2 })],
  ["InvalidCommitError", new Journal.InvalidCommitError({ reason: "no appends" })],
  ["JournalLockedError", new Journal.JournalLockedError({ path: "j.jsonl", holder: { pid: 1, hostname: "h", since: "2011-12-16" } })],
  ["JournalCorruptionError", new Journal.JournalCorruptionError({ path: "j.jsonl", line: 3, reason: "checksum" })],
  ["JournalStoreError", new Journal.JournalStoreError({ method: "head", cause: new Error("gone") })],
  ["NoRecordError", new Chronicle.NoRecordError({ stream, method: "correct", retracted: false })],
  ["MissingReferenceError", new Chronicle.MissingReferenceError({ stream, missing: [{ type: "source", id: "s" }] })],
  ["WhenError", new When.WhenError({ input: "16/12/2011", reason: "write EDTF dates as 2011-12-16" })],
  ["TimelineQueryError", new Projection.Timeline.TimelineQueryError({ field: "to", reason: "is before from" })],
  ["UnreadableRecordError", new Projection.Timeline.UnreadableRecordError({ index: 0, id: "e", field: "when", reason: "is not an EDTF date" })],
  ["ImpossibleLinkError", new Projection.LinkGraph.ImpossibleLinkError({ link: "l" as never, relation: "responds-to", from: { id: "a", when: "2011-12-16", timeZone: "UTC" } as never, to: { id: "b", when: "2011-12-17", timeZone: "UTC" } as never, rule: "the response starts before what it answers" })],
  ["LinkCycleError", new Projection.LinkGraph.LinkCycleError({ link: "l" as never, relation: "causes", cycle: ["a", "b", "a"], links: ["l", "m"] })],
  ["LinkEndpointError", new Projection.LinkGraph.LinkEndpointError({ link: "l" as never, role: "from", event: "a" as never, retracted: false })]
]

describe("error classes share one shape", () => {
  it.each(samples)("%s: _tag is its name, message is built from its fields", (name, error) => {
    expect(error._tag).toBe(name)
    expect(error.constructor.name).toBe(name)
    expect(error).toBeInstanceOf(Error)
    expect(Object.prototype.hasOwnProperty.call(error, "message")).toBe(false)
    expect(typeof error.message).toBe("string")
    expect(error.message.length).toBeGreaterThan(0)
  })
})
