/**
 * The decode benchmark: what it costs to decode and validate each line of a JSONL journal,
 * compared with a bare `JSON.parse` of the same lines. Target: at most 3× the bare parse.
 */
import { type Benchmark, compare } from "./harness.js"

export interface DecodeBenchmarkOptions {
  /** How many JSONL lines to decode per run (default 1,000,000). */
  readonly records?: number
  /** Decodes and validates one line; should throw (or return a failure) on a bad one. */
  readonly decodeLine?: (line: string) => unknown
  /** Builds line `index` of the input; the default writes a protest record of about 700 bytes. */
  readonly makeLine?: (index: number) => string
  readonly repeat?: number
  readonly warmup?: number
}

const pad2 = (n: number): string => String(n).padStart(2, "0")

/**
 * A stand-in record line, shaped like a journal entry (dates, a place, a disputed count, sources),
 * until the record model can generate real ones. Fields vary with `index` so that every line is
 * a distinct string.
 */
export const sampleRecordLine = (index: number): string =>
  JSON.stringify({
    kind: "protest",
    id: `evt-${index.toString(36).padStart(8, "0")}`,
    recordedAt: new Date(Date.UTC(2012, 0, 1) + index * 61_000).toISOString(),
    when: { edtf: `2011-${pad2(1 + (index % 12))}-${pad2(1 + (index % 28))}${index % 3 === 0 ? "~" : ""}` },
    place: {
      name: index % 2 === 0 ? "Zhanaozen" : "Aktau",
      region: "Mangystau",
      country: "KZ",
      timeZone: "Asia/Aqtau",
      point: { lat: (433_000 + (index % 997)) / 10_000, lon: (528_000 + (index % 991)) / 10_000 }
    },
    participants: { min: 100 + (index % 900), max: 1_000 + (index % 9_000), basis: "estimate" },
    actors: [
      { role: "strikers", name: "oil workers of the regional production company" },
      { role: "employer", name: `contractor ${index % 40}` }
    ],
    claims: [
      { source: `src-${index % 500}`, says: "wage arrears and a regional pay coefficient", confidence: "reported" },
      { source: `src-${(index + 7) % 500}`, says: "number of participants disputed", confidence: "contested" }
    ],
    sources: [{ id: `src-${index % 500}`, title: `field report no. ${index}`, published: "2011-12-20", language: "ru" }],
    tags: ["strike", "oil", "wages"]
  })

/** The trivial stand-in for the real decoder: parse, then check that it looks like a record. */
export const parseAndCheck = (line: string): unknown => {
  const value: unknown = JSON.parse(line)
  if (typeof value !== "object" || value === null || typeof (value as { readonly id?: unknown }).id !== "string") {
    throw new Error(`not a record: ${line.slice(0, 80)}`)
  }
  return value
}

/** The decode benchmark; the lines are generated once per run, when the benchmark starts. */
export const decodeBenchmark = (options: DecodeBenchmarkOptions = {}): Benchmark => {
  const { decodeLine = parseAndCheck, makeLine = sampleRecordLine, records = 1_000_000 } = options
  const name = "decode+validate JSONL record vs JSON.parse"
  const timing = { items: records, unit: "ns/record", target: 3, better: "lower", repeat: options.repeat ?? 5, warmup: options.warmup ?? 1 } as const
  return {
    name,
    unit: timing.unit,
    target: timing.target,
    better: timing.better,
    run: () => {
      const lines: Array<string> = new Array(records)
      for (let i = 0; i < records; i++) lines[i] = makeLine(i)
      const eachLine = (f: (line: string) => unknown) => () => {
        let last: unknown
        for (const line of lines) last = f(line)
        return last
      }
      return compare(name, eachLine(decodeLine), eachLine(JSON.parse), timing).run()
    }
  }
}
