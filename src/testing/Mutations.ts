/**
 * Mutations that turn a valid encoded record into an invalid one, each with the path where the
 * decoder must report the problem. For fuzzing decoders: every mutated record must be rejected,
 * without an exception, with an issue at (or below) the mutated path.
 *
 * @since 0.1.0
 */
import * as fc from "fast-check"

/**
 * A mutated record and the path that makes it invalid.
 *
 * @category models
 * @since 0.1.0
 */
export interface Mutated {
  readonly record: unknown
  readonly path: ReadonlyArray<PropertyKey>
  readonly description: string
}

/**
 * A JSON object: the form of a record that `arbMutation` mutates.
 *
 * @category models
 * @since 0.1.0
 */
export type Json = { [k: string]: unknown }

const setAt = (value: unknown, path: ReadonlyArray<PropertyKey>, f: (old: unknown) => unknown | typeof remove): unknown => {
  if (path.length === 0) return f(value)
  const [head, ...rest] = path
  if (Array.isArray(value)) {
    const copy = [...value]
    copy[head as number] = setAt(copy[head as number], rest, f)
    return copy
  }
  const copy: Json = { ...(value as Json) }
  const next = setAt(copy[head as string], rest, f)
  if (next === remove) delete copy[head as string]
  else copy[head as string] = next
  return copy
}
const remove = Symbol("remove")

const badDates = ["2011-13-40", "2011-02-29", "hello", "", "2011-12-16T25:00:00", "2011-05-11/2011-05-01", "16.12.2011"]
const badIds = ["", " ", "has space", "-leading-hyphen", "a/b"]

/**
 * An arbitrary of mutations of a valid encoded record (as produced by `arbRecord`), each known to
 * make it invalid.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const arbMutation = (record: Json): fc.Arbitrary<Mutated> => {
  const options: Array<fc.Arbitrary<Mutated>> = [
    fc.constantFrom(...badIds).map((id) => ({ record: setAt(record, ["id"], () => id), path: ["id"], description: `id ${JSON.stringify(id)}` })),
    fc.constant({ record: setAt(record, ["id"], () => remove), path: ["id"], description: "id removed" }),
    fc.constantFrom(42, null, true, [], {}).map((v) => ({ record: setAt(record, ["id"], () => v), path: ["id"], description: `id ${JSON.stringify(v)}` })),
    fc.constantFrom("bogus", 7, null).map((t) => ({ record: setAt(record, ["type"], () => t), path: ["type"], description: `type ${JSON.stringify(t)}` }))
  ]
  if (record["type"] === "event") {
    options.push(
      fc.constantFrom(...badDates).map((d) => ({ record: setAt(record, ["when"], () => d), path: ["when"], description: `when ${JSON.stringify(d)}` })),
      fc.constant({ record: setAt(record, ["citations"], () => []), path: ["citations"], description: "no citations" }),
      fc.constant({ record: setAt(record, ["citations"], () => remove), path: ["citations"], description: "citations removed" }),
      fc.constantFrom("Mars/Base", "UTC+5", "").map((tz) => ({
        record: setAt(record, ["where", "timeZone"], () => tz),
        path: ["where", "timeZone"],
        description: `timeZone ${JSON.stringify(tz)}`
      })),
      fc.constantFrom("bogus-kind", 3).map((k) => ({ record: setAt(record, ["kind"], () => k), path: ["kind"], description: `kind ${JSON.stringify(k)}` })),
      fc.constant({ record: setAt(record, ["title"], () => "   "), path: ["title"], description: "blank title" })
    )
  }
  if (record["type"] === "place") {
    options.push(
      fc.constantFrom(91, -200, Number.NaN).map((lat) => ({
        record: setAt(record, ["coordinates"], () => ({ lat, lon: 0, precision: "exact" })),
        path: ["coordinates", "lat"],
        description: `latitude ${lat}`
      }))
    )
  }
  if (record["type"] === "source") {
    options.push(
      fc.constantFrom("not a url", "ftp://example.org/x", "javascript:alert(1)").map((url) => ({
        record: setAt(record, ["url"], () => url),
        path: ["url"],
        description: `url ${JSON.stringify(url)}`
      }))
    )
  }
  return fc.oneof(...options)
}
