/**
 * "No exception escapes the public API for bad data": every function the root entry exports is
 * called with hostile values (anything at all, values outside its TypeScript type, awkward
 * objects) and with plausible values mixed in, and must return — a typed failure, an empty answer,
 * a rejected promise — rather than throw.
 *
 * The only functions allowed to throw are those whose name says so (`…Unsafe`, each the twin of a
 * function that returns a `Result`) and the schema combinators listed below.
 */
import { fc } from "@fast-check/vitest"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import * as Root from "../../src/index.js"
import { zhanaozen } from "../../src/datasets/index.js"
import { arbHostile, arbOutsideType, arbRecord } from "../../src/testing/index.js"

const { Projection, Record } = Root

const records = zhanaozen.all.map((r) => Result.getOrThrow(Record.decode(r)))
const events = records.filter(Record.isEvent)
const links = records.filter(Record.isLink)
const timeline = Result.getOrThrow(Projection.Timeline.fromRecords(records))
const graph = Result.getOrThrow(Projection.LinkGraph.fromRecords(events, links))
const catalog = records.reduce(
  (c, record, i) =>
    Projection.Catalog.apply(c, {
      position: i + 1,
      stream: { type: record.type, id: record.id },
      revision: 1,
      recordedAt: i,
      idempotencyKey: `k${i}`,
      body: { _tag: "revision", record }
    }),
  Projection.Catalog.empty
)

/** Values a caller would plausibly pass, so that calls also get past the first check. */
const plausible = fc.constantFrom<unknown>(
  events[0],
  events[events.length - 1],
  links[0],
  records,
  events,
  timeline,
  graph,
  catalog,
  Projection.Timeline.empty,
  "zhanaozen-2011-12-16-shooting",
  "2011-12-16",
  "2011-12~/2012",
  "2011-12-30/..",
  "Asia/Aqtau",
  "Pacific/Apia",
  "year",
  "month",
  { from: "2011", to: "2012", timeZone: "Asia/Aqtau" },
  { kind: "about", value: 70 },
  [{ value: { kind: "exact", value: 14 }, citations: [{ source: "s" }] }],
  "envelope",
  1,
  0,
  -1
)

const argument = fc.oneof(arbOutsideType, plausible, arbRecord)

/**
 * Functions allowed to throw although their name does not end in `Unsafe`: schema combinators,
 * which take a schema and build a bigger one. Given something that is not a schema they throw
 * exactly as Effect's own `Schema.Struct` and `Schema.Array` do; they never see data.
 */
const schemaCombinators = new Set(["Claim.claimOf", "Claim.claimsOf", "Text.nonEmptyArrayOf"])

const functionsOf = (namespace: unknown, prefix: string, depth = 0): Array<[string, (...args: Array<unknown>) => unknown]> => {
  const out: Array<[string, (...args: Array<unknown>) => unknown]> = []
  for (const [key, value] of Object.entries(namespace as object)) {
    const name = `${prefix}${key}`
    if (typeof value === "function" && /^[a-z]/.test(key)) out.push([name, value as (...args: Array<unknown>) => unknown])
    else if (typeof value === "object" && value !== null && /^[A-Z]/.test(key) && depth < 2 && !("ast" in value)) {
      out.push(...functionsOf(value, `${name}.`, depth + 1))
    }
  }
  return out
}

const exported = functionsOf(Root, "").filter(([name]) => !/Unsafe$/.test(name) && !schemaCombinators.has(name))

describe("every exported function", () => {
  it("is found (the list is not empty, and covers every namespace)", () => {
    expect(exported.length).toBeGreaterThan(120)
    const namespaces = new Set(exported.map(([name]) => name.split(".").slice(0, -1).join(".")))
    for (const ns of ["Record", "When", "Count", "Projection.Timeline", "Projection.LinkGraph", "Chronicle", "Journal"]) {
      expect(namespaces.has(ns), ns).toBe(true)
    }
  })

  it.each(exported)("%s never throws, whatever it is given", (_name, fn) => {
    fc.assert(
      fc.property(fc.array(argument, { maxLength: 4 }), (args) => {
        const out = fn(...args)
        // A rejected promise is a typed failure, not a throw; keep it from being unhandled.
        if (out instanceof Promise) out.catch(() => undefined)
      }),
      { numRuns: 60 }
    )
  })
})

describe("the decoders, at the border with the outside world", () => {
  const decoders: { readonly [name: string]: (u: unknown) => Result.Result<unknown, { readonly _tag: string }> } = {
    decode: Record.decode,
    decodeJson: (u) => Record.decodeJson(u as string),
    decodeJsonl: (u) => Record.decodeJsonl(u as string)
  }
  it.each(Object.entries(decoders))("Record.%s fails with a RecordDecodeError on anything, even objects that throw when read", (_name, decode) => {
    fc.assert(
      fc.property(arbHostile, (u) => {
        const r = decode(u)
        if (Result.isFailure(r)) expect(r.failure._tag).toBe("RecordDecodeError")
      }),
      { numRuns: 300 }
    )
  })
})
