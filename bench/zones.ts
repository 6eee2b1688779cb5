/**
 * The zone benchmark: `When.bounds` of 1,000,000 distinct zoned dates, each seen once per run, so
 * that neither the per-value cache of `bounds` nor the parse cache helps; only the per-zone cache
 * of offset changes does, as it would for an import of a million events. Judged against an
 * absolute budget of 2 µs a date (target: at most 1× the budget). For reference, in the same
 * rounds: `Date.UTC` of the same fields (what reading the same dates in UTC with no parsing and no
 * zone would cost), and the first run of all, made before any other, while the zone caches are
 * still empty.
 */
import { Result } from "effect"
import * as When from "../src/model/When.js"
import { type Benchmark, compare } from "./harness.js"
import { random } from "./synthetic.js"

/** Zones with every kind of history: daylight saving north and south, half and quarter hours, local mean time, skipped days. */
const ZONES = [
  "Asia/Aqtau", "Asia/Almaty", "Europe/Dublin", "Europe/Lisbon", "Europe/Berlin", "Europe/Moscow", "America/New_York",
  "America/Los_Angeles", "America/Sao_Paulo", "America/Santiago", "America/St_Johns", "Australia/Lord_Howe",
  "Australia/Sydney", "Pacific/Apia", "Pacific/Chatham", "Asia/Kolkata", "Asia/Kathmandu", "Asia/Tehran", "Asia/Shanghai",
  "Asia/Gaza", "Africa/Casablanca", "Africa/Cairo", "Africa/Monrovia", "UTC"
]

const FIRST_DAY = Date.UTC(1850, 0, 1) / 86_400_000
const DAYS = Date.UTC(2101, 0, 1) / 86_400_000 - FIRST_DAY

const pad = (n: number, width = 2): string => String(n).padStart(width, "0")

interface Workload {
  readonly whens: ReadonlyArray<When.When>
  readonly zones: ReadonlyArray<string>
  /** The calendar fields of each date's start, for the `Date.UTC` reference. */
  readonly fields: Int32Array
}

/**
 * `count` distinct (date, zone) pairs, 1850–2100: 70% days, 10% months, 15% local date-times, 5%
 * intervals of one to ten days.
 */
const workload = (count: number): Workload => {
  const next = random(1913)
  const seen = new Set<string>()
  const whens: Array<When.When> = []
  const zones: Array<string> = []
  const fields = new Int32Array(count * 3)
  while (whens.length < count) {
    const zone = ZONES[Math.floor(next() * ZONES.length)]!
    const date = new Date((FIRST_DAY + Math.floor(next() * DAYS)) * 86_400_000)
    const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]
    const day = `${pad(y, 4)}-${pad(m)}-${pad(d)}`
    const r = next()
    const text =
      r < 0.7 ? day
      : r < 0.8 ? day.slice(0, 7)
      : r < 0.95 ? `${day}T${pad(Math.floor(next() * 24))}:${pad(Math.floor(next() * 60))}:${pad(Math.floor(next() * 60))}`
      : `${day}/${new Date(date.getTime() + (1 + Math.floor(next() * 10)) * 86_400_000).toISOString().slice(0, 10)}`
    const key = `${zone}\n${text}`
    if (seen.has(key)) continue
    seen.add(key)
    fields.set([y, m, d], whens.length * 3)
    whens.push(When.makeUnsafe(text))
    zones.push(zone)
  }
  return { whens, zones, fields }
}

/** The zone benchmark over `count` distinct zoned dates (default 1,000,000), against the `budgetNs` budget. */
export const zonesBenchmark = (count = 1_000_000, budgetNs = 2_000): Benchmark => {
  const name = `zones: When.bounds of ${count.toLocaleString("en-US")} distinct zoned dates vs the ${budgetNs / 1000} µs budget`
  return {
    name,
    unit: "ns/date",
    target: 1,
    better: "lower",
    run: async () => {
      const { fields, whens, zones } = workload(count)
      const bounds = () => {
        let sum = 0
        for (let i = 0; i < whens.length; i++) {
          const b = When.bounds(whens[i]!, zones[i]!)
          if (Result.isSuccess(b)) sum += b.success.earliest
        }
        return sum
      }
      const dateUtc = () => {
        let sum = 0
        for (let i = 0; i < fields.length; i += 3) sum += Date.UTC(fields[i]!, fields[i + 1]! - 1, fields[i + 2]!)
        return sum
      }
      const started = process.hrtime.bigint()
      bounds()
      const firstRun = Number(process.hrtime.bigint() - started) / count
      const measured = await compare(name, bounds, dateUtc, { target: 1, items: count, repeat: 7, warmup: 2 }).run()
      return {
        value: measured.value,
        baseline: budgetNs,
        references: [
          { label: "Date.UTC of the same fields", value: measured.baseline },
          { label: "the first run, zone caches empty", value: firstRun }
        ]
      }
    }
  }
}
