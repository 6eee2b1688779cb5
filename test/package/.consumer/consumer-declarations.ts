// ── THE DECLARATION-EMIT CHECK (ESM) ─────────────────────────────────────────────────────
// A library built on protest-chronicle emits its own declarations. Every value below is exported
// with an inferred type, so tsc must write that type into consumer-declarations.d.ts by a public
// name (`Record.RecordDecodeError`, `When.When`, ...). A type that only lives in a file hidden by
// the `exports` map fails with TS2742 / TS2883 / TS4023 ("cannot be named").
// scripts/package-test.sh compiles it with tsconfig.declarations.json (declaration: true,
// emitDeclarationOnly, into a temp folder); consumer-declarations.cts is its CommonJS twin.
//
// TypeScript names a type through a namespace (`When.When`) only when that namespace is in scope
// in the consumer's file; it never writes `import("protest-chronicle").When.When` by itself. So
// this file imports the namespaces whose types its values use, as a user's file would.
import { Schema } from "effect"
import { Count, Event, Id, Journal, Mapping, Projection, Record, TimeZone, Vocabulary, When } from "protest-chronicle"
import { layerFile } from "protest-chronicle/file"
import { layerPostgres, ReadModel } from "protest-chronicle/postgres"
import {
  arbChronicle,
  arbCount,
  arbCountClaims,
  arbEvent,
  arbEventByKind,
  arbMutation,
  arbRecord,
  arbTimeZone,
  arbWhen,
  assertRoundTrip
} from "protest-chronicle/testing"

export const decoded = Record.decode({})
export const decodedJson = Record.decodeJson("{}")
export const decodedJsonl = Record.decodeJsonl("")
export const parsed = When.parse("2011")
export const when = When.make("2011-12-16")
export const bounds = When.bounds(When.makeUnsafe("2011-12-16"), "Asia/Aqtau")
export const zone = TimeZone.make("Asia/Aqtau")
export const about = Count.aboutUnsafe(2000, { phrase: "about two thousand" })
export const vocabulary = Vocabulary.makeUnsafe([])
export const boycott = Vocabulary.defineKindUnsafe({
  kind: "consumer-boycott",
  description: "A call to stop buying a company's products.",
  fields: { target: Schema.String },
  mapping: Mapping.kindMappings.rally
})
// Event.Event values, inferred three ways: a type guard, a schema decode, a function of an event.
export const firstEvent = (records: ReadonlyArray<Record.Record>) => records.find(Record.isEvent)
export const decodeEvent = Schema.decodeUnknownSync(Event.Event)
export const eventFacts = (event: Event.Event) => ({ event, bounds: Event.bounds(event), mapping: Event.mappingOf(event) })
export const anyDecoded = vocabulary.decode({})
export const arbitraryWhen = arbWhen
export const arbitraryTimeZone = arbTimeZone
export const arbitraryCount = arbCount
export const arbitraryCountClaims = arbCountClaims
export const arbitraryEvent = arbEvent
export const arbitraryEventByKind = arbEventByKind
export const arbitraryRecord = arbRecord
export const mutation = arbMutation
export const roundTrip = assertRoundTrip
// The link graph and inference hand out their own types (graph state, paths, storylines,
// proposals, refusals): each must be nameable through `Projection`.
export const linkGraphRead = Projection.LinkGraph.fromRecords([])
export const linkGraph = Projection.LinkGraph.empty
export const paths = Projection.LinkGraph.paths(linkGraph, Id.EventId.make("a"), Id.EventId.make("b"))
export const storylines = Projection.LinkGraph.storylines(linkGraph)
export const refusal = (link: Parameters<typeof Projection.LinkGraph.check>[1]) => Projection.LinkGraph.check(linkGraph, link)
export const proposals = Projection.Inference.propose(linkGraph)
export const rules = Projection.Inference.rules
export const arbitraryChronicle = arbChronicle()
// The PostgreSQL entry: a layer and a read model, whose types name Journal and Projection types.
export const journalOnPostgres = layerPostgres({ connection: "postgres://localhost/chronicle" })
export const journalInFile = layerFile("chronicle.jsonl", { repair: "moveAside" })
export const catalogReadModel = ReadModel.catalog
export type UsesNamespaces = [Journal.Entry, Projection.Catalog.Catalog]
