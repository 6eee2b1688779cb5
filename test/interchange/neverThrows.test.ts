/**
 * "No exception escapes the public API for bad data", for the interchange entry: every function it
 * exports is called with hostile values (anything at all, values outside its type, awkward
 * objects) mixed with plausible ones, its iterables are walked and its streams run, and none
 * throws.
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

// As in test/api/neverThrows.test.ts: functions, named in lower case (classes such as the error
// types are constructed, not called).
const functions = Object.entries(Interchange).flatMap(([ns, module]) =>
  Object.entries(module as object)
    .filter(([name, value]) => typeof value === "function" && /^[a-z]/.test(name))
    .map(([name, fn]) => [`${ns}.${name}`, fn as (...args: Array<unknown>) => unknown] as const)
)

/**
 * Walks what a function gave: an iterable is iterated, a stream run. A stream may end in a typed
 * failure (an importer refusing bad input): that is a value, not an exception; a defect is not.
 */
const consume = (out: unknown): void => {
  if (Stream.isStream(out)) {
    const exit = Effect.runSyncExit(Stream.runDrain(out as Stream.Stream<unknown, unknown>))
    if (Exit.isFailure(exit) && Cause.hasDies(exit.cause)) throw new Error(`the stream died: ${Cause.pretty(exit.cause)}`)
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
