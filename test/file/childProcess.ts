/**
 * Child processes for the file-store tests. A child script is bundled once per test file (with
 * tsup, a dev dependency) and run with plain `node`: under `--import tsx` each start costs about
 * two seconds of CPU, which fifty crash rounds cannot afford; a bundle starts in a fifth of that.
 */
import { type ChildProcess, spawn } from "node:child_process"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { build } from "tsup"
import { scratchDir } from "./fileHelpers.js"

/** Bundles the script at `entry` with everything it imports into `outDir`; the path of the runnable file. */
export const bundleScript = async (entry: URL, outDir: string): Promise<string> => {
  const name = path.basename(fileURLToPath(entry), ".ts")
  await build({
    entry: { [name]: fileURLToPath(entry) },
    outDir,
    format: ["esm"],
    platform: "node",
    target: "node22",
    noExternal: [/./],
    splitting: false,
    sourcemap: false,
    dts: false,
    clean: false,
    silent: true,
    config: false,
    outExtension: () => ({ js: ".mjs" })
  })
  return path.join(outDir, `${name}.mjs`)
}

/** Bundles `test/file/<name>.ts` with everything it imports; the path of the runnable file. */
export const bundleChild = (name: string): Promise<string> =>
  bundleScript(new URL(`./${name}.ts`, import.meta.url), scratchDir("journal-child-"))

/** A running child with its output split into lines as they arrive. */
export interface Child {
  readonly process: ChildProcess
  /** Complete lines of stdout so far. */
  readonly lines: Array<string>
  /** All of stderr so far. */
  readonly stderr: () => string
  /**
   * Resolves with the next stdout line that satisfies `accept`, skipping lines before it; rejects
   * if the child exits first. One call at a time.
   */
  readonly nextLine: (accept?: (line: string) => boolean) => Promise<string>
  /** Resolves when the child has exited and its output is closed. */
  readonly closed: Promise<{ readonly code: number | null; readonly signal: NodeJS.Signals | null }>
  readonly send: (line: string) => void
}

/** Starts `node <script> ...args`. */
export const startChild = (script: string, args: ReadonlyArray<string>): Child => {
  const child = spawn(process.execPath, [script, ...args], { stdio: ["pipe", "pipe", "pipe"] })
  const lines: Array<string> = []
  let partial = ""
  let errors = ""
  let seen = 0
  let waiter: { readonly accept: (line: string) => boolean; readonly resolve: (line: string) => void; readonly reject: (e: Error) => void } | undefined
  let exited = false
  const offer = () => {
    while (waiter !== undefined && seen < lines.length) {
      const line = lines[seen++]!
      if (waiter.accept(line)) {
        const w = waiter
        waiter = undefined
        w.resolve(line)
      }
    }
    if (waiter !== undefined && exited) {
      const w = waiter
      waiter = undefined
      w.reject(new Error(`child exited before the expected line; stderr:\n${errors}`))
    }
  }
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    const parts = (partial + chunk).split("\n")
    partial = parts.pop()!
    lines.push(...parts)
    offer()
  })
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    errors += chunk
  })
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on("close", (code, signal) => {
      exited = true
      offer()
      resolve({ code, signal })
    })
  })
  child.stdin.on("error", () => {}) // a killed child closes its stdin under us
  return {
    process: child,
    lines,
    stderr: () => errors,
    closed,
    nextLine: (accept = () => true) =>
      new Promise<string>((resolve, reject) => {
        waiter = { accept, resolve, reject }
        offer()
      }),
    send: (line) => {
      child.stdin.write(`${line}\n`)
    }
  }
}
