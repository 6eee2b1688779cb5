/**
 * The command line as a user runs it, for the end-to-end tests: the bin built once per test file
 * with esbuild from src/cli/bin.ts (the library bundled in from src/, its dependencies left as
 * imports, as tsup builds dist/cli.js), run with Node as a child process. The package test runs
 * the tsup-built bin from the installed tarball.
 */
import { spawn, spawnSync } from "node:child_process"
import { mkdirSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { build } from "esbuild"
import { Acled } from "../../src/interchange/index.js"
import { stringify } from "csv-stringify/sync"
import { syntheticRow } from "../../bench/acled.js"
import { afterAll, beforeAll } from "vitest"

export const root = fileURLToPath(new URL("../../", import.meta.url))

const entries: Record<string, string> = {
  "protest-chronicle": "src/index.ts",
  "protest-chronicle/file": "src/file/index.ts",
  "protest-chronicle/postgres": "src/postgres/index.ts",
  "protest-chronicle/interchange": "src/interchange/index.ts",
  "protest-chronicle/datasets": "src/datasets/index.ts",
  "protest-chronicle/testing": "src/testing/index.ts"
}

/** Bundles the bin into .tmp/ (inside the package, so that its self-references resolve) and gives its path. */
export const buildBin = async (): Promise<string> => {
  const dir = join(root, ".tmp", "cli-test")
  mkdirSync(dir, { recursive: true })
  const outfile = join(dir, `bin-${process.pid}-${Math.random().toString(36).slice(2)}.mjs`)
  await build({
    entryPoints: [join(root, "src/cli/bin.ts")],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node22",
    packages: "external",
    logLevel: "error",
    plugins: [{
      name: "library-from-source",
      setup: (b) => {
        b.onResolve({ filter: /^protest-chronicle(\/[a-z]+)?$/ }, (args) => {
          const file = entries[args.path]
          return file === undefined ? undefined : { path: join(root, file) }
        })
      }
    }]
  })
  return outfile
}

/** What a run printed and how it ended. */
export interface Run {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
  readonly stdout: string
  readonly stderr: string
}

/** Options of a run: the folder, standard input, and extra environment. */
export interface RunOptions {
  readonly cwd?: string
  readonly input?: string
  readonly env?: Record<string, string | undefined>
}

const baseEnv = (): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_NO_WARNINGS: "1" }
  delete env["PROTEST_CHRONICLE_PG_URL"]
  delete env["NO_COLOR"]
  delete env["FORCE_COLOR"]
  delete env["COLUMNS"]
  return env
}

/** Runs the bin with these arguments and waits for it. */
export const run = (bin: string, args: ReadonlyArray<string>, options: RunOptions = {}): Promise<Run> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: options.cwd ?? root, env: { ...baseEnv(), ...options.env } })
    let stdout = ""
    let stderr = ""
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d))
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d))
    child.on("error", reject)
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }))
    child.stdin.end(options.input ?? "")
  })

/** Runs the bin inside a pseudo-terminal (`script`), so that stdout and stderr are terminals. */
export const runInTerminal = (bin: string, args: ReadonlyArray<string>, options: RunOptions = {}): Run => {
  const quote = (s: string) => `'${s.replaceAll("'", "'\\''")}'`
  const command = [process.execPath, bin, ...args].map(quote).join(" ")
  const r = spawnSync("script", ["-qec", command, "/dev/null"], { cwd: options.cwd ?? root, env: { ...baseEnv(), ...options.env }, encoding: "utf8", input: options.input ?? "" })
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr }
}

/** A fresh folder for a test, removed by the returned function. */
export const scratch = (): { readonly dir: string; readonly remove: () => void } => {
  const dir = mkdtempSync(join(tmpdir(), "pc-cli-"))
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

/**
 * The bin and a scratch folder for one test file: the bin is built before the file's tests and
 * both are removed after them. `path` is set once the build is done.
 */
export const useBin = (): { readonly path: string; readonly tmp: ReturnType<typeof scratch> } => {
  const state = { path: "", tmp: scratch() }
  beforeAll(async () => {
    state.path = await buildBin()
  }, 60_000)
  afterAll(() => {
    state.tmp.remove()
    rmSync(state.path, { force: true })
  })
  return state
}

/** An ACLED export of `rows` synthetic rows (rows `from` to `from + rows - 1`). */
export const acledCsv = (rows: number, from = 0): string => {
  const cells: Array<ReadonlyArray<string>> = [Acled.columns]
  for (let i = from; i < from + rows; i++) cells.push(syntheticRow(i))
  return stringify(cells as Array<Array<string>>)
}

/** The longest line of some text, in terminal columns (ANSI codes left out). */
export const widest = (text: string): number =>
  Math.max(0, ...text.split("\n").map((l) => [...new Intl.Segmenter().segment(l.replace(/\x1b\[[0-9;]*[A-Za-z]/g, ""))].reduce((n, s) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|\p{Extended_Pictographic}/u.test(s.segment) ? 2 : 1), 0)))
