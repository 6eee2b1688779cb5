/**
 * Every zone the engine knows, 1850–2100, against an independent oracle (`zoneOracle.ts`: the
 * engine's wall clock one instant at a time, changes found by stepping minute by minute and
 * second by second, the policy applied from its definition).
 *
 * Where to look: every zone id of `Intl.supportedValuesOf("timeZone")`, "UTC", and every link name
 * of the system's time-zone data that the engine accepts (`Asia/Kolkata`, `US/Eastern`, …). The
 * instants where offsets change come from the system's compiled data (`tzdata.ts`); a sample of
 * them per zone (always the first and the last), each probed one second before, at, and a minute
 * after the change, and at the wall times on both sides of it: the last reading before, the first
 * reading after, the middle of a skipped or repeated stretch, as date-times and as whole local
 * days. Then a few random instants and wall times per zone. `ZONE_ORACLE=all` probes every change
 * of every zone (minutes, not seconds).
 *
 * The system's data may be another release than the engine's (Node 20 ships 2025c, Debian 12
 * 2025b) or include the pre-1970 "backzone" history that ICU leaves out; the oracle's values
 * always come from the engine, so such a difference only moves a probe, never the expected answer.
 */
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import * as TimeZone from "../../src/model/TimeZone.js"
import * as When from "../../src/model/When.js"
import { type Change, systemChanges, systemZoneNames } from "./tzdata.js"
import { oracleInstantOfWall, oracleOffset, stretchesAround } from "./zoneOracle.js"

const FROM = Date.UTC(1850, 0, 1)
const TO = Date.UTC(2100, 11, 31, 23, 59, 59)
const HOUR = 3_600_000
const DAY = 24 * HOUR
const REACH = 72 * HOUR
const everything = process.env["ZONE_ORACLE"] === "all"

const canonical = Intl.supportedValuesOf("timeZone")
const links = systemZoneNames().filter((n) => !canonical.includes(n) && TimeZone.isTimeZone(n))
const zones = [...canonical, "UTC", ...links]

/** A small seeded generator, so that a failure can be replayed. */
const seeded = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const SEED = Number(process.env["ZONE_ORACLE_SEED"] ?? 20111216)

const pad = (n: number, w = 2): string => String(n).padStart(w, "0")
const dateText = (wall: number): string => {
  const d = new Date(wall)
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}
const dateTimeText = (wall: number): string => {
  const d = new Date(wall)
  return `${dateText(wall)}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
}
const boundsOf = (text: string, zone: string): When.Bounds => {
  const r = When.bounds(When.makeUnsafe(text), zone)
  if (Result.isFailure(r)) throw new Error(r.failure.message)
  return r.success
}

/** The failures found, as readable lines (a list reads better than the first mismatch alone). */
const checkZone = (zone: string, changes: ReadonlyArray<Change>, random: () => number, instants: number, walls: number): Array<string> => {
  const problems: Array<string> = []
  const offsetMatches = (instant: number) => {
    const ours = TimeZone.offsetAt(zone, instant)
    const expected = oracleOffset(zone, instant)
    if (!Result.isSuccess(ours) || ours.success !== expected) {
      problems.push(`${zone} offset at ${new Date(instant).toISOString()}: ${Result.isSuccess(ours) ? ours.success : "failure"}, engine ${expected}`)
    }
  }
  const wallsMatch = (center: number, readings: ReadonlyArray<number>) => {
    const stretches = stretchesAround(zone, center, REACH)
    for (const wall of readings) {
      const expected = oracleInstantOfWall(stretches, wall)
      const ours = boundsOf(dateTimeText(wall), zone).earliest
      if (ours !== expected) problems.push(`${zone} ${dateTimeText(wall)}: ${new Date(ours).toISOString()}, oracle ${new Date(expected).toISOString()}`)
      const dayStart = Math.floor(wall / DAY) * DAY
      const first = oracleInstantOfWall(stretches, dayStart)
      const last = Math.max(first, oracleInstantOfWall(stretches, dayStart + DAY) - 1)
      const day = boundsOf(dateText(wall), zone)
      if (day.earliest !== first || day.latest !== last) {
        problems.push(`${zone} ${dateText(wall)}: ${new Date(day.earliest).toISOString()}…${new Date(day.latest).toISOString()}, oracle ${new Date(first).toISOString()}…${new Date(last).toISOString()}`)
      }
    }
  }
  for (const c of changes) {
    for (const instant of [c.at - 1000, c.at, c.at + 60_000]) offsetMatches(instant)
    const before = oracleOffset(zone, c.at - 1000)
    const after = oracleOffset(zone, c.at)
    const middle = c.at + Math.round((before + after) / 2000) * 1000
    wallsMatch(c.at, [c.at + before - 1000, c.at + before, middle, c.at + after - 1000, c.at + after])
  }
  const second = (lo: number, hi: number) => lo + Math.floor(random() * ((hi - lo) / 1000)) * 1000
  for (let i = 0; i < instants; i++) offsetMatches(second(FROM, TO))
  for (let i = 0; i < walls; i++) {
    const wall = second(FROM + 4 * DAY, TO - 4 * DAY)
    wallsMatch(wall, [wall])
  }
  return problems
}

/** Which of a zone's changes to probe: all of them, or the first, the last and `count` others. */
const pick = (changes: ReadonlyArray<Change>, count: number, random: () => number): ReadonlyArray<Change> => {
  if (everything || changes.length <= count + 2) return changes
  const chosen = new Set([0, changes.length - 1])
  while (chosen.size < count + 2) chosen.add(Math.floor(random() * changes.length))
  return [...chosen].sort((a, b) => a - b).map((i) => changes[i]!)
}

describe("zone offsets against an independent oracle, every zone, 1850–2100", () => {
  it(`knows ${zones.length} zone names (${canonical.length} canonical, ${links.length} links from the system's data)`, () => {
    expect(canonical.length).toBeGreaterThan(300)
    for (const zone of zones) expect(TimeZone.isTimeZone(zone)).toBe(true)
  })

  it.skipIf(systemChanges("Europe/Dublin", FROM, TO) === undefined)("agrees around the changes in the system's data", () => {
    const random = seeded(SEED)
    const problems: Array<string> = []
    for (const zone of zones) {
      const isLink = !canonical.includes(zone)
      const changes = systemChanges(zone, FROM, TO) ?? []
      problems.push(...checkZone(zone, pick(changes, isLink ? 0 : 2, random), random, everything ? 100 : 3, everything ? 20 : 0))
    }
    expect(problems.slice(0, 20), `${problems.length} disagreements (seed ${SEED})`).toEqual([])
  }, everything ? 3_600_000 : 60_000)

  it("agrees at random instants and wall times without the system's data", () => {
    const random = seeded(SEED + 1)
    const problems = zones.flatMap((zone) => checkZone(zone, [], random, 3, canonical.includes(zone) ? 1 : 0))
    expect(problems.slice(0, 20), `${problems.length} disagreements (seed ${SEED + 1})`).toEqual([])
  }, 60_000)
})
