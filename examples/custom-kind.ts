// A custom event kind through the vocabulary: the disputed union election of 20 April 2011 at
// Karazhanbasmunai, one of the grievances of that spring's strike. No built-in kind fits an
// election, so the app defines one, with its own fields and its CAMEO / PLOVER / ACLED mapping, and
// the journal stores it like any other record.
//
//   npx tsx examples/custom-kind.ts
import { Effect, Result, Schema, Stream } from "effect"
import { Event, Id, Journal, Vocabulary } from "protest-chronicle"

const UnionElection = Vocabulary.defineKindUnsafe({
  kind: "union-election",
  description: "A vote for a workplace union's leadership, with whether its result was disputed.",
  fields: {
    union: Id.ActorId,
    disputed: Schema.Boolean,
    disputedBy: Schema.optionalKey(Schema.Array(Id.ActorId))
  },
  // The nearest codes: what is reported is a rejection of the result, without violence.
  mapping: {
    cameo: { code: "120", label: "Reject, not specified below" },
    plover: { type: "REJECT" },
    acled: { eventType: "Strategic developments", subEventType: "Other" }
  }
})
const vocabulary = Vocabulary.makeUnsafe([UnionElection])

const election = {
  type: "event",
  kind: "union-election",
  id: "karazhanbas-2011-04-20-union-election",
  title: "Disputed union election at Karazhanbasmunai",
  when: "2011-04-20",
  where: { place: "karazhanbas-field", timeZone: "Asia/Aqtau" },
  union: "karazhanbasmunai-union",
  disputed: true,
  disputedBy: ["karazhanbasmunai-workers"],
  citations: [{ source: "src-indymedia-2011-mangystau-mass-strikes" }]
}

// The built-in vocabulary does not know the kind, and says so.
const unknown = Vocabulary.builtIn.decode(election)
if (Result.isFailure(unknown)) console.log(`built-in vocabulary: ${unknown.failure.message}`)

// The app's vocabulary decodes it, checks its own fields, and maps it.
const wrong = vocabulary.decode({ ...election, disputed: "yes" })
if (Result.isFailure(wrong)) console.log(`a field of the custom kind is checked too: ${wrong.failure.message}`)

const decoded = vocabulary.decode(election)
if (Result.isFailure(decoded)) throw decoded.failure
const event = decoded.success as Event.AnyEvent
const mapping = vocabulary.mapping(event)!
console.log(`\n${event.title} (${event.kind}): CAMEO ${mapping.cameo.code}, PLOVER ${mapping.plover?.type ?? "not coded"}, ACLED ${mapping.acled?.eventType ?? "not coded"}`)

// A journal given the same vocabulary stores and reads it back.
const stored = await Effect.runPromise(
  Effect.gen(function*() {
    const journal = yield* Journal.Journal
    yield* journal.commit({ idempotencyKey: "union-election", appends: [{ _tag: "revision", record: event, expected: "none" }] })
    return yield* Stream.runCollect(journal.readAll())
  }).pipe(Effect.provide(Journal.layerMemory({ vocabulary })))
)
console.log(`journal: ${stored.length} entry, stream ${stored[0]!.stream.type}/${stored[0]!.stream.id}, revision ${stored[0]!.revision}`)
console.log(`JSON Schema lists the kind: ${JSON.stringify(vocabulary.jsonSchema()).includes('"union-election"')}`)
