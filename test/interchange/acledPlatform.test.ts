/**
 * The ACLED importer and exporter bundle for the browser (csv-parse and csv-stringify resolve to
 * their browser builds through the package's `imports` map) and run where Node's globals are
 * absent, as test/platform.test.ts checks for the whole entry.
 */
import { build } from "esbuild"
import { fileURLToPath } from "node:url"
import { createContext, runInContext } from "node:vm"
import { describe, expect, it } from "vitest"

describe("ACLED CSV in a bare JavaScript context", () => {
  it("imports bytes and exports CSV with no Buffer and no process", async () => {
    const result = await build({
      entryPoints: [fileURLToPath(new URL("./platform/acledSmoke.ts", import.meta.url))],
      bundle: true,
      platform: "browser",
      format: "iife",
      globalName: "smoke",
      target: "es2022",
      write: false,
      metafile: true,
      logLevel: "silent"
    })
    const inputs = Object.keys(result.metafile.inputs)
    expect(inputs.filter((i) => i.startsWith("node:"))).toEqual([])
    expect(inputs.some((i) => i.includes("csv-parse/dist/esm/sync.js"))).toBe(true)
    const context = createContext({ console, TextEncoder, TextDecoder, URL, setTimeout, clearTimeout, queueMicrotask, structuredClone })
    runInContext(result.outputFiles[0]!.text, context)
    expect(runInContext("[typeof Buffer, typeof process]", context)).toEqual(["undefined", "undefined"])
    const [appends, csv] = runInContext("smoke.run()", context) as ReadonlyArray<string>
    expect(appends).toBe("7") // two sources, two places, ACLED and the protesters, the event
    expect(csv).toContain("KAZ1,2011-12-16,2011,1,Political violence; Demonstrations,Protests,Excessive force against protesters")
    expect(csv).toContain("crowd size=several thousand")
  }, 60_000)
})
