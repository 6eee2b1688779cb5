/**
 * The decode benchmark: what it costs to decode and validate each line of a JSONL file of
 * records, compared with a bare `JSON.parse` of the same lines. Target: at most 3× the bare parse.
 */
import { Result } from "effect"
import { Record } from "../src/index.js"
import { all } from "../test/fixtures/zhanaozen/index.js"
import { type Benchmark, compare } from "./harness.js"

export interface DecodeBenchmarkOptions {
  /** How many JSONL lines to decode per run (default 1,000,000). */
  readonly records?: number
  /** Decodes and validates one line; should throw on a bad one. */
  readonly decodeLine?: (line: string) => unknown
  /** Builds line `index` of the input. */
  readonly makeLine?: (index: number) => string
  readonly repeat?: number
  readonly warmup?: number
}

/**
 * Line `index` of the input: one of the bundled Zhanaozen records (sources, places, actors,
 * events with contested counts and disputes, links), encoded as JSON, with its id made unique so
 * that every line is a distinct string. Every line is valid: the benchmark times the path real
 * files take.
 */
export const fixtureRecordLine = (index: number): string => {
  const record = all[index % all.length]!
  return JSON.stringify({ ...record, id: `${record.id}~${index.toString(36)}` })
}

/** Decodes and validates one line with the record model; a bad line stops the benchmark. */
export const decodeRecordLine = (line: string): unknown => {
  const r = Record.decodeJson(line)
  if (Result.isFailure(r)) throw new Error(`benchmark input does not decode:\n${r.failure.message}`)
  return r.success
}

/** The decode benchmark; the lines are generated once per run, when the benchmark starts. */
export const decodeBenchmark = (options: DecodeBenchmarkOptions = {}): Benchmark => {
  const { decodeLine = decodeRecordLine, makeLine = fixtureRecordLine, records = 1_000_000 } = options
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
