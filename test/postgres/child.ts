/**
 * Bundles a child script of the PostgreSQL tests with tsup (as the file-store tests do, since a
 * bundle starts far faster than `tsx`), and runs it with `startChild`.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import * as path from "node:path"
import { bundleScript } from "../file/childProcess.js"

export { startChild } from "../file/childProcess.js"

/** Bundles `test/postgres/<name>.ts`; the runnable file and a function that removes it. */
export const bundleChild = async (name: string): Promise<{ readonly script: string; readonly remove: () => void }> => {
  const outDir = mkdtempSync(path.join(tmpdir(), "pg-child-"))
  const script = await bundleScript(new URL(`./${name}.ts`, import.meta.url), outDir)
  return { script, remove: () => rmSync(outDir, { recursive: true, force: true }) }
}
