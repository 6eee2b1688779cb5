/**
 * The platform-neutral entries (the root, `testing`, `datasets`, `interchange`) bundle for the browser and run
 * where Node's globals are absent. Each entry is bundled with esbuild for `platform: "browser"`;
 * a Node built-in anywhere in what it imports fails the build (esbuild cannot resolve it there)
 * or shows in its metafile. Then test/platform/smoke.ts, bundled the same way, runs in a fresh
 * V8 context (`node:vm`) that has the ECMAScript globals and the few web-standard ones a browser,
 * Deno, Bun or an edge runtime also has (timers, TextEncoder, URL, structuredClone, console), and no
 * `process`, `require`, `Buffer` or `module`.
 */
import { build } from "esbuild"
import { fileURLToPath } from "node:url"
import { createContext, runInContext } from "node:vm"
import { describe, expect, it } from "vitest"

const path = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url))

const bundle = async (entry: string, format: "esm" | "iife", globalName?: string) => {
  const result = await build({
    entryPoints: [path(entry)],
    bundle: true,
    platform: "browser",
    format,
    ...(globalName === undefined ? {} : { globalName }),
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent"
  })
  return { code: result.outputFiles[0]!.text, inputs: Object.keys(result.metafile.inputs) }
}

const neutralEntries = ["../src/index.ts", "../src/testing/index.ts", "../src/datasets/index.ts", "../src/interchange/index.ts"]

describe("platform-neutral entries", () => {
  for (const entry of neutralEntries) {
    it(`${entry.slice(3)} bundles for the browser without a Node built-in`, async () => {
      const { code, inputs } = await bundle(entry, "esm")
      expect(inputs.filter((input) => input.startsWith("node:") || /(^|\/)src\/(file|postgres)\//.test(input))).toEqual([])
      expect(inputs.some((input) => input.includes("src/"))).toBe(true)
      expect(code).not.toMatch(/\bfrom\s*["']node:|\brequire\(\s*["']node:/)
    }, 60_000)
  }

  it("run in a bare JavaScript context: When, Record.decode, a timeline, a chronicle in memory, the interchange exports", async () => {
    const { code } = await bundle("./platform/smoke.ts", "iife", "smoke")
    // Only what every runtime provides; the context brings its own ECMAScript globals (Intl too).
    const context = createContext({
      console,
      setTimeout,
      clearTimeout,
      setInterval,
      clearInterval,
      queueMicrotask,
      structuredClone,
      TextEncoder,
      TextDecoder,
      URL
    })
    runInContext(code, context, { filename: "smoke.js" })
    expect(runInContext("[typeof process, typeof require, typeof Buffer, typeof module]", context)).toEqual([
      "undefined",
      "undefined",
      "undefined",
      "undefined"
    ])
    const lines = await (runInContext("smoke.run()", context) as Promise<ReadonlyArray<string>>)
    expect(lines).toHaveLength(7)
  }, 120_000)
})
