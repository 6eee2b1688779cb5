/**
 * A small benchmark harness: each benchmark measures a value and a baseline in the same process,
 * and is judged on their ratio (`value / baseline`) against a target, so results stay comparable
 * across machines of different speed.
 */

/** Which side of the target the ratio must fall on: `"lower"` means `ratio <= target`. */
export type Better = "lower" | "higher"

/** What one run of a benchmark measured, both in the benchmark's unit. */
export interface Measurement {
  readonly value: number
  readonly baseline: number
  /** Other baselines timed in the same rounds, for context (not judged): label and value. */
  readonly references?: ReadonlyArray<{ readonly label: string; readonly value: number }>
}

/** A benchmark: a name, a unit for `value` and `baseline`, and the ratio it must meet. */
export interface Benchmark {
  readonly name: string
  /** The unit of `value` and `baseline`: "ns/record", "records/s", "ms", "µs", … */
  readonly unit: string
  /** The bound on `value / baseline`. */
  readonly target: number
  readonly better: Better
  readonly run: () => Measurement | Promise<Measurement>
}

/** A finished benchmark; every field but `pass` is written to the `--json` file. */
export interface Outcome {
  readonly name: string
  readonly value: number
  readonly unit: string
  readonly baseline: number
  readonly ratio: number
  readonly target: number
  readonly better: Better
  readonly pass: boolean
  readonly references?: Measurement["references"]
}

/** Options of {@link compare}. */
export interface CompareOptions {
  readonly target: number
  /** Default `"lower"`: the workload should cost at most `target` times the baseline. */
  readonly better?: Better
  /** Timed runs of each side (default 7); the median is reported. */
  readonly repeat?: number
  /** Untimed runs of each side before timing starts, to let the JIT settle (default 2). */
  readonly warmup?: number
  /** How many items one run handles; when given, the result is nanoseconds per item. */
  readonly items?: number
  /** Defaults to "ns/item" when `items` is given, else "ms" (per run). */
  readonly unit?: string
  /** Other baselines to time in the same rounds and report beside the judged one. */
  readonly references?: ReadonlyArray<{ readonly label: string; readonly run: () => unknown }>
}

// Results land here so that no engine can drop a run as dead code.
let sink: unknown

const median = (xs: ReadonlyArray<number>): number => {
  const sorted = [...xs].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

// A workload may return a promise (an async store); it is awaited inside the timed span.
const timeOnce = async (f: () => unknown): Promise<number> => {
  // Drop the last run's result, so that it does not stay alive through this run (a 1M-event
  // timeline is hundreds of megabytes). No collection is forced: each side pays for the
  // collections that fall in its runs, as it would in use.
  sink = undefined
  const start = process.hrtime.bigint()
  const result = f()
  sink = result instanceof Promise ? await result : result
  return Number(process.hrtime.bigint() - start)
}

/**
 * Builds a benchmark that times `workload` against `baseline` in the same process, alternating
 * which goes first on each round so that drift (GC pressure, CPU frequency) hits both alike, and
 * reports the median of each side.
 */
export const compare = (
  name: string,
  workload: () => unknown,
  baseline: () => unknown,
  options: CompareOptions
): Benchmark => {
  const { items, repeat = 7, target, warmup = 2 } = options
  if (!(repeat >= 1) || !(warmup >= 0)) throw new RangeError(`${name}: repeat must be >= 1 and warmup >= 0`)
  const scale = items === undefined ? 1e-6 : 1 / items // ns per run -> ms per run, or ns per item
  return {
    name,
    unit: options.unit ?? (items === undefined ? "ms" : "ns/item"),
    target,
    better: options.better ?? "lower",
    run: async () => {
      const references = options.references ?? []
      for (let i = 0; i < warmup; i++) {
        await workload()
        await baseline()
        for (const r of references) await r.run()
      }
      const workloadNs: Array<number> = []
      const baselineNs: Array<number> = []
      const referenceNs: Array<Array<number>> = references.map(() => [])
      for (let i = 0; i < repeat; i++) {
        if (i % 2 === 0) {
          workloadNs.push(await timeOnce(workload))
          baselineNs.push(await timeOnce(baseline))
        } else {
          baselineNs.push(await timeOnce(baseline))
          workloadNs.push(await timeOnce(workload))
        }
        for (let r = 0; r < references.length; r++) referenceNs[r]!.push(await timeOnce(references[r]!.run))
      }
      sink = undefined
      const measured = { value: median(workloadNs) * scale, baseline: median(baselineNs) * scale }
      return references.length === 0
        ? measured
        : { ...measured, references: references.map((r, i) => ({ label: r.label, value: median(referenceNs[i]!) * scale })) }
    }
  }
}

/**
 * A benchmark timed in milliseconds per run, reported as throughput instead: `entries` per second
 * (higher is better), its references too. Commit benchmarks time runs of a fixed size this way.
 */
export const asThroughput = (timed: Benchmark, entries: number): Benchmark => {
  const perSecond = (ms: number) => entries / (ms / 1000)
  return {
    name: timed.name,
    unit: "entries/s",
    target: timed.target,
    better: "higher",
    run: async () => {
      const { baseline, references, value } = await timed.run()
      const measured = { value: perSecond(value), baseline: perSecond(baseline) }
      return references === undefined ? measured : { ...measured, references: references.map((r) => ({ label: r.label, value: perSecond(r.value) })) }
    }
  }
}

/** Runs one benchmark and judges its ratio against the target. */
export const runBenchmark = async (benchmark: Benchmark): Promise<Outcome> => {
  const { baseline, references, value } = await benchmark.run()
  const ratio = value / baseline
  const pass = benchmark.better === "lower" ? ratio <= benchmark.target : ratio >= benchmark.target
  const { better, name, target, unit } = benchmark
  const outcome = { name, value, unit, baseline, ratio, target, better, pass }
  return references === undefined ? outcome : { ...outcome, references }
}

/** One JSON object for the `--json` file, with exactly the documented keys (`references` when there are any). */
export const toJsonLine = ({ baseline, better, name, ratio, references, target, unit, value }: Outcome): string =>
  JSON.stringify({ name, value, unit, baseline, ratio, target, better, ...(references === undefined ? {} : { references }) })

const formatNumber = (x: number): string =>
  !Number.isFinite(x) ? String(x) : Math.abs(x) >= 1e4 ? Math.round(x).toLocaleString("en-US") : x.toPrecision(4)

/** A plain-text table for people: name, value, baseline, ratio, target, verdict. */
export const formatTable = (outcomes: ReadonlyArray<Outcome>): string => {
  const header = ["benchmark", "value", "baseline", "ratio", "target", ""]
  const rows = outcomes.map((o) => [
    o.name,
    `${formatNumber(o.value)} ${o.unit}`,
    `${formatNumber(o.baseline)} ${o.unit}`,
    `${o.ratio.toFixed(2)}×`,
    `${o.better === "lower" ? "≤" : "≥"} ${o.target}×`,
    o.pass ? "✓" : "✗"
  ])
  const widths = header.map((h, col) => Math.max(h.length, ...rows.map((row) => row[col]!.length)))
  const line = (cells: ReadonlyArray<string>) =>
    cells.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!))).join("  ").trimEnd()
  const notes = outcomes.flatMap((o) =>
    (o.references ?? []).map((r) => `  ${o.name}: against ${r.label}, ${formatNumber(r.value)} ${o.unit}: ${(o.value / r.value).toFixed(2)}× (for reference, not judged)`)
  )
  return [line(header), line(widths.map((w) => "─".repeat(w))), ...rows.map(line), ...(notes.length === 0 ? [] : ["", ...notes])].join("\n")
}
