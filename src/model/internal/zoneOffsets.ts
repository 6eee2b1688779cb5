/**
 * The one path from IANA zone ids to UTC offsets, in both directions: the offset in force at an
 * instant, and the instant at which a zone's clocks read a given wall time.
 *
 * The data comes from the engine (`Intl.DateTimeFormat`, backed by ICU's copy of the IANA
 * database). An offset is read as the difference between the wall clock the engine prints for an
 * instant and the instant itself, so no offset string is ever parsed (reading `GMT-00:25:21` is
 * where `@date-fns/tz` lost the sign of Dublin's mean time).
 *
 * Asking the engine costs microseconds, so each zone's offset changes are found once and kept.
 * Time is cut into chunks of 25 days; the first question about a chunk samples the offset every
 * 37.5 hours across it and, where two samples differ, finds the change to the second by
 * bisection. Later questions are answered from the chunk: one or two map look-ups and a short
 * walk. A change that the samples cannot see is one undone within 37.5 hours (an offset that
 * returns to its old value between two samples). From 1850 to 2100 the shortest such episode lasts
 * a week in the engine's data (Brazil's north-east, October 2000; Gaza's predicted Ramadan
 * changes), and four days in the fuller history some systems compile (Freetown, 1939).
 *
 * Policy for wall times (see `When.bounds`): a reading maps to the first instant at which the
 * clocks show that reading or a later one. A reading that happened twice (clocks set back) is its
 * first occurrence; one that never happened (clocks set forward over it) is the moment of the
 * jump. The mapping never decreases as the reading grows.
 *
 * @internal
 */
import { daysFromCivil, MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, MS_PER_SECOND } from "./edtfCalendar.js"

/** Length of a chunk: 25 days, a whole number of seconds so that every sample is on a second. */
const CHUNK = 25 * MS_PER_DAY
/** Samples per chunk; the step is 37.5 hours. */
const STEPS = 16
const STEP = CHUNK / STEPS

/**
 * No zone's offset reaches this far from UTC (the largest in the data are local mean times of
 * about ±15 h), so the instant of a wall time lies within this distance of the wall time.
 */
const REACH = 26 * MS_PER_HOUR

/** Chunks kept across all zones before they are all forgotten (a few tens of megabytes). */
const CHUNK_LIMIT = 1 << 19

/**
 * A chunk's offsets: a number when one offset holds throughout, else `[offset at the chunk's
 * start, t1, offset from t1, t2, offset from t2, …]` with t1 < t2 < … inside the chunk.
 */
type Chunk = number | Float64Array

/** Chunks are kept in blocks of 256 (about 17.5 years), so that finding one is an array read. */
const BLOCK_BITS = 8
const BLOCK_MASK = (1 << BLOCK_BITS) - 1

/** What is known of one zone of the engine (shared by every id that the engine resolves to it). */
export interface Zone {
  /** The engine's canonical id for the zone (`Asia/Kolkata` resolves to `Asia/Calcutta`). */
  readonly engineId: string
  /** The offset when it never changes (UTC), else undefined. */
  readonly fixed: number | undefined
  readonly wallAt: (instant: number) => number
  /** Chunks by block (chunk index >> 8), then by position in the block; undefined until asked for. */
  readonly blocks: Map<number, Array<Chunk | undefined>>
}

let chunkCount = 0
const zonesByEngineId = new Map<string, Zone>()

// ---------------------------------------------------------------------------
// asking the engine
// ---------------------------------------------------------------------------

const FIELDS: Intl.DateTimeFormatOptions = {
  hourCycle: "h23",
  era: "short",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric"
}

type Field = "year" | "month" | "day" | "hour" | "minute" | "second"

/**
 * Where each number stands in the engine's printed date, and how it names the era before year 1,
 * learnt once from `formatToParts` so that reading the plain `format` output (three times faster)
 * does not depend on the layout of a locale.
 */
let layoutLearnt: { readonly order: ReadonlyArray<Field>; readonly beforeCommonEra: string } | undefined

const layout = () => (layoutLearnt ??= learnLayout())

const learnLayout = () => {
  const f = new Intl.DateTimeFormat("en-US", { ...FIELDS, timeZone: "UTC" })
  const sample = new Date(0)
  sample.setUTCFullYear(-4, 0, 2)
  const parts = f.formatToParts(sample)
  const order = parts.filter((p) => p.type in { year: 1, month: 1, day: 1, hour: 1, minute: 1, second: 1 }).map((p) => p.type as Field)
  const beforeCommonEra = parts.find((p) => p.type === "era")?.value ?? "BC"
  return { order, beforeCommonEra }
}

const FIRST_CE_INSTANT = -62_135_596_800_000 // 0001-01-01T00:00:00Z

/** The range of `Date`: beyond it the engine prints nothing, and the offset is taken as constant. */
const LAST_INSTANT = 8.64e15

/** Reads the wall clock the engine prints for `instant` (a whole second) as wall-time ms. */
const makeWallAt = (format: Intl.DateTimeFormat) => {
  const { beforeCommonEra, order } = layout()
  const values = [0, 0, 0, 0, 0, 0]
  const slot = (field: Field): number => order.indexOf(field)
  const [year, month, day, hour, minute, second] = (["year", "month", "day", "hour", "minute", "second"] as const).map(slot) as [
    number, number, number, number, number, number
  ]
  const wallAt = (instant: number): number => {
    if (instant > LAST_INSTANT || instant < -LAST_INSTANT) {
      const edge = instant > 0 ? LAST_INSTANT : -LAST_INSTANT
      return wallAt(edge) + (instant - edge)
    }
    const text = format.format(instant)
    let n = -1
    let inNumber = false
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i) - 48
      if (c >= 0 && c <= 9) {
        if (!inNumber) {
          n++
          inNumber = true
          values[n] = 0
        }
        values[n] = values[n]! * 10 + c
      } else {
        inNumber = false
      }
    }
    let y = values[year]!
    // Years before 1 CE print as 1 BC, 2 BC, …: astronomical years 0, -1, ….
    if (instant < FIRST_CE_INSTANT + 2 * MS_PER_DAY && text.includes(beforeCommonEra)) y = 1 - y
    return (
      daysFromCivil(y, values[month]!, values[day]!) * MS_PER_DAY +
      values[hour]! * MS_PER_HOUR +
      values[minute]! * MS_PER_MINUTE +
      values[second]! * MS_PER_SECOND
    )
  }
  return wallAt
}

// ---------------------------------------------------------------------------
// finding a chunk's offset changes
// ---------------------------------------------------------------------------

/** The first whole second in (low, high] whose offset differs from `lowOffset` (known to differ at `high`). */
const changeBetween = (zone: Zone, low: number, lowOffset: number, high: number): number => {
  let lo = low
  let hi = high
  while (hi - lo > MS_PER_SECOND) {
    const mid = lo + Math.floor((hi - lo) / (2 * MS_PER_SECOND)) * MS_PER_SECOND
    if (zone.wallAt(mid) - mid === lowOffset) lo = mid
    else hi = mid
  }
  return hi
}

const buildChunk = (zone: Zone, index: number): Chunk => {
  const start = index * CHUNK
  const end = start + CHUNK
  const first = zone.wallAt(start) - start
  let found: Array<number> | undefined
  let at = start
  let offset = first
  for (let step = 1; step <= STEPS; step++) {
    const sample = start + step * STEP
    const sampled = zone.wallAt(sample) - sample
    // Several changes may fall between two samples (a zone that changed twice in a day and a half).
    while (sampled !== offset) {
      const change = changeBetween(zone, at, offset, sample)
      const after = zone.wallAt(change) - change
      // A change exactly at the chunk's end is the next chunk's starting offset.
      if (change < end) (found ??= [first]).push(change, after)
      at = change
      offset = after
    }
    at = sample
  }
  return found === undefined ? first : Float64Array.from(found)
}

const chunkAt = (zone: Zone, index: number): Chunk => {
  let block = zone.blocks.get(index >> BLOCK_BITS)
  const known = block?.[index & BLOCK_MASK]
  if (known !== undefined) return known
  if (chunkCount >= CHUNK_LIMIT) {
    for (const z of zonesByEngineId.values()) z.blocks.clear()
    chunkCount = 0
    block = undefined
  }
  // Offsets are whole seconds within a day of UTC, so a constant chunk is a small integer and
  // the block stays an array of small integers and pointers.
  if (block === undefined) zone.blocks.set(index >> BLOCK_BITS, (block = new Array<Chunk | undefined>(1 << BLOCK_BITS).fill(undefined)))
  const built = buildChunk(zone, index)
  block[index & BLOCK_MASK] = built
  chunkCount++
  return built
}

// ---------------------------------------------------------------------------
// the two directions
// ---------------------------------------------------------------------------

/** The offset (ms east of UTC) of `zone` at `instant` (epoch ms, finite, within the range of `Date`). */
export const offsetAt = (zone: Zone, instant: number): number => {
  if (zone.fixed !== undefined) return zone.fixed
  const chunk = chunkAt(zone, Math.floor(instant / CHUNK))
  if (typeof chunk === "number") return chunk
  let offset = chunk[0]!
  for (let i = 1; i < chunk.length && chunk[i]! <= instant; i += 2) offset = chunk[i + 1]!
  return offset
}

/**
 * The first UTC instant (epoch ms) at which the clocks of `zone` read `wall` (wall-time ms, see
 * `edtfCalendar`) or later.
 */
export const instantOfWall = (zone: Zone, wall: number): number => {
  if (zone.fixed !== undefined) return wall - zone.fixed
  // The answer lies in [wall - REACH, wall + REACH]: walk the offsets in force there, in order,
  // and stop in the first stretch whose clock gets past `wall`.
  const from = wall - REACH
  let index = Math.floor(from / CHUNK)
  let chunk = chunkAt(zone, index)
  if (typeof chunk === "number" && wall + REACH < (index + 1) * CHUNK) return wall - chunk
  let begins = from
  let offset: number
  let next = 1
  if (typeof chunk === "number") {
    offset = chunk
  } else {
    offset = chunk[0]!
    while (next < chunk.length && chunk[next]! <= from) {
      offset = chunk[next + 1]!
      next += 2
    }
  }
  for (;;) {
    let ends: number
    let nextOffset: number
    if (typeof chunk !== "number" && next < chunk.length) {
      ends = chunk[next]!
      nextOffset = chunk[next + 1]!
      next += 2
    } else {
      index++
      ends = index * CHUNK
      chunk = chunkAt(zone, index)
      nextOffset = typeof chunk === "number" ? chunk : chunk[0]!
      next = 1
    }
    // The clock runs over [begins + offset, ends + offset) in this stretch.
    if (ends + offset > wall) return Math.max(begins, wall - offset)
    begins = ends
    offset = nextOffset
  }
}

// ---------------------------------------------------------------------------
// zone ids
// ---------------------------------------------------------------------------

/** Longer than any IANA id. */
export const MAX_ID_LENGTH = 64

// Letters, digits and `_ + -` in `/`-separated parts: this keeps out offset strings such as
// "+05:00", which newer engines accept as a `timeZone` option but which are not IANA ids.
const ID_SHAPE = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/

/** Zones by the id they were asked for; `null` for an id the engine does not know. */
const zonesById = new Map<string, Zone | null>()
const ID_LIMIT = 10_000

const zoneFor = (id: string): Zone | null => {
  let format: Intl.DateTimeFormat
  try {
    format = new Intl.DateTimeFormat("en-US", { ...FIELDS, timeZone: id })
  } catch {
    return null
  }
  const engineId = format.resolvedOptions().timeZone
  const shared = zonesByEngineId.get(engineId)
  if (shared !== undefined) return shared
  const zone: Zone = {
    engineId,
    fixed: engineId === "UTC" || engineId === "Etc/UTC" ? 0 : undefined,
    wallAt: makeWallAt(format),
    blocks: new Map()
  }
  zonesByEngineId.set(engineId, zone)
  return zone
}

/**
 * The zone named `id`, or undefined when `id` is not an IANA id that the engine knows (any value
 * that is not such a string, including offsets like `+05:00`). Answers are remembered.
 */
export const zoneNamed = (id: unknown): Zone | undefined => {
  if (typeof id !== "string" || id.length > MAX_ID_LENGTH) return undefined
  let zone = zonesById.get(id)
  if (zone === undefined) {
    if (zonesById.size >= ID_LIMIT) zonesById.clear()
    zone = ID_SHAPE.test(id) ? zoneFor(id) : null
    zonesById.set(id, zone)
  }
  return zone ?? undefined
}
