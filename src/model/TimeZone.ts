/**
 * IANA time-zone ids (`Asia/Aqtau`, `Asia/Almaty`, `UTC`), checked against the
 * time-zone database of the running JavaScript engine, and the offsets they give.
 *
 * Every offset the library uses (for `When.bounds`, `When.span` and calendar
 * groups) comes from one place: the engine's `Intl` time-zone data (ICU's copy of
 * the IANA database), read once per zone and kept.
 *
 * @since 0.1.0
 *
 * @module
 */
import { Data, Result, Schema } from "effect"
import { dual } from "effect/Function"
import type { Brand } from "effect"
import { cut, describeValue } from "./internal/shown.js"
import { offsetAt as zoneOffsetAt, zoneNamed } from "./internal/zoneOffsets.js"

/**
 * An IANA time-zone id that the engine's `Intl.DateTimeFormat` knows, kept as
 * written. A place carries one so that local dates can be turned into instants.
 *
 * @category models
 * @since 0.1.0
 */
export type TimeZone = string & Brand.Brand<"TimeZone">

/**
 * The failure of {@link make} and of everything that reads a zone: `input` is the
 * rejected id (cut to 60 characters when longer, or a short description of a value
 * that is not a string), `reason` says why.
 *
 * @category errors
 * @since 0.1.0
 */
export class TimeZoneError extends Data.TaggedError("TimeZoneError")<{
  readonly input: string
  readonly reason: string
}> {
  override get message(): string {
    return typeof this.reason === "string" ? this.reason : "not an IANA time zone"
  }
}

// An offset written where a zone id belongs: say where offsets go instead.
const OFFSET_LIKE = /^(?:UTC|GMT)?[+-]\d/

/**
 * Says why `id` is not a time zone, or `undefined` when it is one. The engine is
 * asked once per id; the answer is remembered. Any value may be passed: one that
 * is not a string is refused with a reason, never with an exception. Meant for
 * input checked as it arrives (a form field, a command-line option, a JSON value
 * of unknown type) where the reason is shown as it is; {@link make} takes a
 * string and gives a {@link TimeZoneError}.
 *
 * @example
 * ```ts
 * import { TimeZone } from "protest-chronicle"
 *
 * TimeZone.invalidReason("Asia/Aqtau") // undefined
 * TimeZone.invalidReason("UTC+5") // says to give the place's zone, or to write the offset in the date
 * TimeZone.invalidReason(42) // a time zone is an IANA id such as "Asia/Aqtau", not a number
 * ```
 *
 * @category guards
 * @since 0.1.0
 */
export const invalidReason = (id: unknown): string | undefined => {
  if (zoneNamed(id) !== undefined) return undefined
  if (typeof id !== "string") return `a time zone is an IANA id such as "Asia/Aqtau", not ${describeValue(id)}`
  const shown = JSON.stringify(cut(id))
  return OFFSET_LIKE.test(id)
    ? `${shown} is not an IANA time zone: give the place's zone (such as "Asia/Aqtau"), or write the offset in the date itself (2011-12-16T10:00:00+05:00)`
    : `${shown} is not an IANA time zone`
}

const zoneError = (id: unknown, reason: string): TimeZoneError =>
  new TimeZoneError({ input: typeof id === "string" ? cut(id) : describeValue(id), reason })

/**
 * Tells whether a value is a string naming a time zone the engine knows.
 *
 * @category guards
 * @since 0.1.0
 */
export const isTimeZone = (u: unknown): u is TimeZone => zoneNamed(u) !== undefined

/**
 * Checks an id and brands it, or explains (`"Asia/Aqtu" is not an IANA time zone`).
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (id: string): Result.Result<TimeZone, TimeZoneError> => {
  const reason = invalidReason(id)
  return reason === undefined ? Result.succeed(id as TimeZone) : Result.fail(zoneError(id, reason))
}

/**
 * Like {@link make} but throws the {@link TimeZoneError}; meant for literals in
 * code and fixtures.
 *
 * @category constructors
 * @since 0.1.0
 */
export const makeUnsafe = (id: string): TimeZone => Result.getOrThrow(make(id))


/**
 * The offset of a zone from UTC at an instant, in milliseconds east of UTC (local
 * mean time before standard time has seconds: Dublin was −25 min 21 s until 1916).
 * The instant is epoch milliseconds within the range of `Date`; anything else, or
 * an unknown zone, gives a {@link TimeZoneError}.
 *
 * @example
 * import { pipe } from "effect"
 * import { TimeZone } from "protest-chronicle"
 * TimeZone.offsetAt("Asia/Almaty", Date.UTC(2023, 0, 1)) // success: 21600000 (UTC+6)
 * pipe("Asia/Aqtau", TimeZone.offsetAt(Date.UTC(2011, 11, 16))) // success: 18000000 (UTC+5)
 *
 * @category getters
 * @since 0.1.0
 */
export const offsetAt: {
  (instant: number): (zone: TimeZone | string) => Result.Result<number, TimeZoneError>
  (zone: TimeZone | string, instant: number): Result.Result<number, TimeZoneError>
} = dual(2, (zone: TimeZone | string, instant: number): Result.Result<number, TimeZoneError> => {
  const known = zoneNamed(zone)
  if (known === undefined) return Result.fail(zoneError(zone, invalidReason(zone) ?? "not an IANA time zone"))
  if (typeof instant !== "number" || !(Math.abs(instant) <= 8.64e15)) {
    return Result.fail(zoneError(zone, `${describeValue(instant)} is not an instant: give epoch milliseconds within the range of Date`))
  }
  return Result.succeed(zoneOffsetAt(known, instant))
})

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
