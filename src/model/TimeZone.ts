/**
 * IANA time-zone ids (`Asia/Aqtau`, `Asia/Almaty`, `UTC`), checked against the
 * time-zone database of the running JavaScript engine.
 *
 * @since 0.1.0
 *
 * @module
 */
import { Data, Result, Schema } from "effect"
import type { Brand } from "effect"
import { makeBoundedCache } from "./internal/edtfCache.js"

/**
 * An IANA time-zone id that the engine's `Intl.DateTimeFormat` knows, kept as
 * written. A place carries one so that local dates can be turned into instants.
 *
 * @category models
 * @since 0.1.0
 */
export type TimeZone = string & Brand.Brand<"TimeZone">

/**
 * The failure of {@link make}: `input` is the rejected id, `reason` says why.
 *
 * @category errors
 * @since 0.1.0
 */
export class TimeZoneError extends Data.TaggedError("TimeZoneError")<{
  readonly input: string
  readonly reason: string
}> {
  override get message(): string {
    return this.reason
  }
}

// Letters, digits and `_ + -` in `/`-separated parts: this keeps out offset
// strings such as "+05:00", which newer engines accept as a `timeZone` option
// but which are not IANA ids and change no clocks.
const ID_SHAPE = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/

const validity = makeBoundedCache<string, boolean>()

const engineKnows = (id: string): boolean => {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: id })
    return true
  } catch {
    return false
  }
}

/**
 * Says why `id` is not a time zone, or `undefined` when it is one. The engine is
 * asked once per id; the answer is remembered.
 *
 * @category guards
 * @since 0.1.0
 */
export const invalidReason = (id: string): string | undefined => {
  let known = validity.get(id)
  if (known === undefined) known = validity.set(id, id.length <= 64 && ID_SHAPE.test(id) && engineKnows(id))
  return known ? undefined : `${JSON.stringify(id.length > 64 ? `${id.slice(0, 64)}…` : id)} is not an IANA time zone`
}

/**
 * Tells whether a value is a string naming a time zone the engine knows.
 *
 * @category guards
 * @since 0.1.0
 */
export const isTimeZone = (u: unknown): u is TimeZone => typeof u === "string" && invalidReason(u) === undefined

/**
 * Checks an id and brands it, or explains (`"Asia/Aqtu" is not an IANA time zone`).
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (id: string): Result.Result<TimeZone, TimeZoneError> => {
  const reason = invalidReason(id)
  return reason === undefined ? Result.succeed(id as TimeZone) : Result.fail(new TimeZoneError({ input: id, reason }))
}

/**
 * Like {@link make} but throws the {@link TimeZoneError}; meant for literals in
 * code and fixtures.
 *
 * @category constructors
 * @since 0.1.0
 */
export const unsafeMake = (id: string): TimeZone => Result.getOrThrow(make(id))

/**
 * Coordinated Universal Time.
 *
 * @category constants
 * @since 0.1.0
 */
export const UTC: TimeZone = "UTC" as TimeZone

/**
 * Schema for an IANA time-zone id: a string the engine's `Intl.DateTimeFormat`
 * accepts as `timeZone`, branded `TimeZone`. Decoding `"Asia/Aqtu"` fails with
 * `"Asia/Aqtu" is not an IANA time zone`.
 *
 * @category schemas
 * @since 0.1.0
 */
export const TimeZone = Schema.String.pipe(
  Schema.check(Schema.makeFilter((id: string) => invalidReason(id) ?? true, { expected: "an IANA time zone" })),
  Schema.brand("TimeZone")
).annotate({
  title: "TimeZone",
  description: "An IANA time-zone id such as Asia/Aqtau, Asia/Almaty or UTC."
})
