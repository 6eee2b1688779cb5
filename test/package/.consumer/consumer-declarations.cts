// ── THE DECLARATION-EMIT CHECK (CommonJS) ────────────────────────────────────────────────
// The CommonJS twin of consumer-declarations.ts: `require` resolves to the CommonJS declarations,
// and the emitted consumer-declarations.d.cts must name every inferred type through the
// `Chronicle` / `Testing` imports. (`export =`, because verbatimModuleSyntax forbids
// `export const` in a CommonJS module.)
import Effect = require("effect")
import Chronicle = require("protest-chronicle")
import Testing = require("protest-chronicle/testing")
import Postgres = require("protest-chronicle/postgres")
import File = require("protest-chronicle/file")

const { Count, Event, Mapping, Record, TimeZone, Vocabulary, When } = Chronicle
const vocabulary = Vocabulary.make([])

export = {
  decoded: Record.decode({}),
  decodedJson: Record.decodeJson("{}"),
  parsed: When.parse("2011"),
  bounds: When.bounds(When.makeUnsafe("2011-12-16"), "Asia/Aqtau"),
  zone: TimeZone.make("Asia/Aqtau"),
  about: Count.about(2000, { phrase: "about two thousand" }),
  vocabulary,
  boycott: Vocabulary.defineKind({
    kind: "consumer-boycott",
    description: "A call to stop buying a company's products.",
    fields: { target: Effect.Schema.String },
    mapping: Mapping.kindMappings.rally
  }),
  firstEvent: (records: ReadonlyArray<Chronicle.Record.Record>) => records.find(Record.isEvent),
  decodeEvent: Effect.Schema.decodeUnknownSync(Event.Event),
  eventFacts: (event: Chronicle.Event.Event) => ({ event, bounds: Event.bounds(event), mapping: Event.mappingOf(event) }),
  anyDecoded: vocabulary.decode({}),
  arbitraryWhen: Testing.arbWhen,
  arbitraryTimeZone: Testing.arbTimeZone,
  arbitraryCount: Testing.arbCount,
  arbitraryEvent: Testing.arbEvent,
  arbitraryRecord: Testing.arbRecord,
  mutation: Testing.arbMutation,
  journalOnPostgres: Postgres.layerPostgres({ connection: "postgres://localhost/chronicle" }),
  journalInFile: File.layerFile("chronicle.jsonl", { repair: "moveAside" }),
  catalogReadModel: Postgres.ReadModel.catalog
}
