/**
 * "No exception escapes the public API for bad data", for the interchange entry: every function it
 * exports is called with hostile values (anything at all, values outside its type, awkward
 * objects) mixed with plausible ones, its iterables are walked and its streams run, and none
 * throws (a stream may fail with a typed error, never with a defect).
 */
import { fc } from "@fast-check/vitest"
import { Cause, Effect, Exit, Stream } from "effect"
import { describe, expect, it } from "vitest"
import * as Interchange from "../../src/interchange/index.js"
import { arbOutsideType, arbRecord } from "../../src/testing/index.js"
import { graph, hostile, hostileTitles, seed, timeline } from "./fixtures.js"

const odd = hostile(hostileTitles)
const plausible = fc.constantFrom<unknown>(
  timeline,
  graph,
  odd.timeline,
  odd.graph,
  { groupBy: "place", title: { headline: "<b>" }, indent: true },
  { sameAs: "merge", linkedOnly: true, direction: "TB" },
  { ancestors: false },
  { groupBy: 7, title: null, media: "yes" }
)
const argument = fc.oneof(arbOutsideType, plausible, arbRecord)

const functions = Object.entries(Interchange).flatMap(([ns, module]) =>
  Object.entries(module as object)
    // Error classes are constructors, called with `new` only.
    .filter(([, value]) => typeof value === "function" && !((value as { prototype?: unknown }).prototype instanceof Error))
    .map(([name, fn]) => [`${ns}.${name}`, fn as (...args: Array<unknown>) => unknown] as const)
)

/** Walks what a function gave: an iterable is iterated, a stream run. */
const consume = (out: unknown): void => {
  if (Stream.isStream(out)) {
    // A typed failure (bad input told as an error) is an answer; a defect is a throw.
    const exit = Effect.runSync(Effect.exit(Stream.runDrain(out as Stream.Stream<unknown>)))
    if (Exit.isFailure(exit) && Cause.hasDies(exit.cause)) throw Cause.squash(exit.cause)
  }
  else if (typeof out === "object" && out !== null && Symbol.iterator in out) for (const _ of out as Iterable<unknown>) void _
}

describe("every function of the interchange entry", () => {
  it("is found", () => {
    expect(functions.map(([name]) => name)).toEqual(expect.arrayContaining(["TimelineJs.fromTimeline", "GeoJson.unplaced", "Mermaid.stream", "Dot.lines"]))
  })

  it.each(functions)("%s never throws, whatever it is given", (_name, fn) => {
    fc.assert(
      fc.property(fc.array(argument, { maxLength: 3 }), (args) => {
        consume(fn(...args))
      }),
      { seed: seed(`${_name} never throws`), numRuns: 60 }
    )
  })
})
