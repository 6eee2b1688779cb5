/**
 * The clock of the journal conformance suite: set by hand, so that record times are known.
 */
import { Clock, Effect } from "effect"

/**
 * A clock set by hand, so record times are known. Unlike `TestClock`, its sleeps run on the live
 * clock: a test's timeouts still fire, and a store that sleeps (a lock retry) does not hang.
 */
export interface HandClock extends Clock.Clock {
  readonly set: (millis: number) => void
  readonly advance: (millis: number) => void
}

// 16 December 2011, 06:00 UTC: an arbitrary, recognisable start for record time.
export const startOfTime = Date.UTC(2011, 11, 16, 6, 0)

export const makeHandClock = (live: Clock.Clock): HandClock => {
  let now = startOfTime
  return {
    currentTimeMillisUnsafe: () => now,
    currentTimeMillis: Effect.sync(() => now),
    currentTimeNanosUnsafe: () => BigInt(now) * 1_000_000n,
    currentTimeNanos: Effect.sync(() => BigInt(now) * 1_000_000n),
    monotonicTimeNanosUnsafe: () => live.monotonicTimeNanosUnsafe(),
    monotonicTimeNanos: live.monotonicTimeNanos,
    sleep: (duration) => live.sleep(duration),
    set: (millis) => {
      now = millis
    },
    advance: (millis) => {
      now += millis
    }
  }
}

export const liveClock = (): Clock.Clock => Effect.runSync(Clock.clockWith(Effect.succeed))
