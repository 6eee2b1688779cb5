/**
 * The system's compiled time-zone data (TZif files, RFC 8536, under /usr/share/zoneinfo or
 * $TZDIR), read without the library, to tell the zone oracle where each zone's offset changes.
 * Only the instants are used: the oracle asks the engine itself what the offsets are, so where the
 * system's data and the engine's copy differ (another release, or the "backzone" history some
 * systems compile in), a probe lands where nothing changes in the engine and still checks
 * something true.
 */
import { existsSync, readFileSync } from "node:fs"
import { join } from "node:path"

export const zoneinfoDir: string | undefined = [process.env["TZDIR"], "/usr/share/zoneinfo"].find(
  (d): d is string => d !== undefined && existsSync(join(d, "tzdata.zi"))
)

/** Every zone and link name in the system's data (from `tzdata.zi`), or none without one. */
export const systemZoneNames = (): ReadonlyArray<string> => {
  if (zoneinfoDir === undefined) return []
  const names = new Set<string>()
  for (const line of readFileSync(join(zoneinfoDir, "tzdata.zi"), "utf8").split("\n")) {
    const parts = line.split(/\s+/)
    if (parts[0] === "Z" && parts[1] !== undefined) names.add(parts[1])
    if (parts[0] === "L" && parts[2] !== undefined) names.add(parts[2])
  }
  return [...names].sort()
}

/** A change of offset: the instant (epoch ms) and the offsets (ms east of UTC) before and after. */
export interface Change {
  readonly at: number
  readonly before: number
  readonly after: number
}

const HOUR = 3_600_000

/** `[+-]hh[:mm[:ss]]` in seconds. */
const clock = (text: string): number => {
  const m = /^([+-]?)(\d+)(?::(\d+))?(?::(\d+))?$/.exec(text)
  if (m === null) throw new Error(`bad time ${text}`)
  const s = Number(m[2]) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0)
  return m[1] === "-" ? -s : s
}

/** The day of month of rule `Mm.w.d` in `year` (w = 5: the last such weekday). */
const ruleDay = (year: number, month: number, week: number, weekday: number): number => {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay()
  let day = 1 + ((weekday - first + 7) % 7) + 7 * (week - 1)
  const length = new Date(Date.UTC(year, month, 0)).getUTCDate()
  while (day > length) day -= 7
  return day
}

/**
 * The changes a POSIX TZ string (a TZif footer such as `EST5EDT,M3.2.0,M11.1.0` or
 * `IST-1GMT0,M10.5.0,M3.5.0/1`) gives in the years `from`…`to`. Only the `Mm.w.d` rule form is
 * read; the IANA data uses no other.
 */
const footerChanges = (tz: string, from: number, to: number): Array<Change> => {
  const m = /^(<[^>]+>|[A-Za-z]+)([+-]?[\d:]+)(?:(<[^>]+>|[A-Za-z]+)([+-]?[\d:]+)?,(M[\d.]+)(?:\/([+-]?[\d:]+))?,(M[\d.]+)(?:\/([+-]?[\d:]+))?)?$/.exec(tz)
  if (m === null) throw new Error(`cannot read the TZ string ${tz}`)
  if (m[3] === undefined) return []
  const std = -clock(m[2]!) * 1000
  const dst = m[4] === undefined ? std + HOUR : -clock(m[4]) * 1000
  const at = (year: number, rule: string, time: string | undefined, offsetBefore: number): number => {
    const [month, week, weekday] = rule.slice(1).split(".").map(Number) as [number, number, number]
    return Date.UTC(year, month - 1, ruleDay(year, month, week, weekday)) + clock(time ?? "2") * 1000 - offsetBefore
  }
  const changes: Array<Change> = []
  for (let year = from; year <= to; year++) {
    changes.push({ at: at(year, m[5]!, m[6], std), before: std, after: dst })
    changes.push({ at: at(year, m[7]!, m[8], dst), before: dst, after: std })
  }
  return changes.sort((a, b) => a.at - b.at)
}

/**
 * The changes of offset of zone `name` from `fromMs` to `toMs` in the system's data: the TZif
 * file's explicit transitions, then its footer rule for the years after them. Transitions that
 * change only the name or the daylight-saving flag are left out. Undefined without such a file.
 */
export const systemChanges = (name: string, fromMs: number, toMs: number): ReadonlyArray<Change> | undefined => {
  if (zoneinfoDir === undefined) return undefined
  const path = join(zoneinfoDir, name)
  if (!existsSync(path)) return undefined
  const data = readFileSync(path)
  if (data.toString("latin1", 0, 4) !== "TZif") return undefined
  const counts = (at: number) => [20, 24, 28, 32, 36, 40].map((o) => data.readUInt32BE(at + o)) as [number, number, number, number, number, number]
  const [isut1, isstd1, leap1, time1, type1, char1] = counts(0)
  // Skip the 32-bit block; read the 64-bit one (version 2 and later).
  const second = 44 + time1 * 5 + type1 * 6 + char1 + leap1 * 8 + isstd1 + isut1
  const [isut, isstd, leap, timecnt, typecnt, charcnt] = counts(second)
  let p = second + 44
  const times = Array.from({ length: timecnt }, (_, i) => Number(data.readBigInt64BE(p + i * 8)) * 1000)
  p += timecnt * 8
  const indices = Array.from({ length: timecnt }, (_, i) => data.readUInt8(p + i))
  p += timecnt
  const offsets = Array.from({ length: typecnt }, (_, i) => data.readInt32BE(p + i * 6) * 1000)
  p += typecnt * 6 + charcnt + leap * 12 + isstd + isut
  const footer = data.toString("latin1", p + 1, data.indexOf(10, p + 1))
  const changes: Array<Change> = []
  let current = offsets[0]!
  for (let i = 0; i < timecnt; i++) {
    const next = offsets[indices[i]!]!
    if (next !== current) changes.push({ at: times[i]!, before: current, after: next })
    current = next
  }
  const last = times.length === 0 ? -Infinity : times[times.length - 1]!
  const lastYear = Number.isFinite(last) ? new Date(last).getUTCFullYear() : 1800
  for (const c of footerChanges(footer, Math.max(lastYear, 1800), new Date(toMs).getUTCFullYear() + 1)) {
    if (c.at > last && c.before !== c.after) changes.push(c)
  }
  return changes.filter((c) => c.at >= fromMs && c.at <= toMs)
}
