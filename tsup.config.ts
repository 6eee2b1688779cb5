import { execFileSync } from "node:child_process"
import { cpSync, rmSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { defineConfig } from "tsup"

// Six public entries (the library, testing, datasets, interchange, postgres, file) and the command line (cli). `splitting` keeps shared modules in shared chunks so that a class
// defined once (an error type, say) is the same class whichever entry a user imports.
//
// tsup builds only the JavaScript. The declarations come from `tsc -p tsconfig.build.json`, one
// .d.ts per source module, because tsup's bundled declarations put shared types into chunk files
// (dist/Source-XXXX.d.ts) that the `exports` map hides, so a user's own declaration emit could not
// name them (TS2742 / TS2883 / TS4023 on `export const d = Record.decode(x)`). With one file per
// module every type keeps its public name, e.g. `import("protest-chronicle").Record.RecordDecodeError`.
//
// The same files serve both conditions of the `exports` map:
//   dist/types/esm/  for `import`  (ESM, from the package's "type": "module"),
//   dist/types/cjs/  for `require` (a copy, made CommonJS by its own package.json), so that a
//                    CommonJS consumer reads CommonJS declarations for dist/*.cjs.
const typesDir = "dist/types"
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc")

const emitDeclarations = async (): Promise<void> => {
  // The command line runs as ESM only (dist/cli.js, the `bin`); its CommonJS twin is not shipped.
  for (const file of ["dist/cli.cjs", "dist/cli.cjs.map"]) rmSync(file, { force: true })
  rmSync(typesDir, { recursive: true, force: true })
  const started = Date.now()
  execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { stdio: "inherit" })
  cpSync(`${typesDir}/esm`, `${typesDir}/cjs`, { recursive: true })
  writeFileSync(`${typesDir}/cjs/package.json`, `{ "type": "commonjs" }\n`)
  console.log(`DTS ${typesDir}/{esm,cjs} (tsc -p tsconfig.build.json) in ${Date.now() - started}ms`)
}

export default defineConfig({
  entry: { index: "src/index.ts", testing: "src/testing/index.ts", datasets: "src/datasets/index.ts", interchange: "src/interchange/index.ts", postgres: "src/postgres/index.ts", file: "src/file/index.ts", cli: "src/cli/bin.ts" },
  format: ["esm", "cjs"],
  dts: false,
  splitting: true,
  sourcemap: true,
  clean: true,
  target: "node22",
  // `#csv-parse` and `#csv-stringify` stay imports of the package's own "imports" map, so that each
  // runtime picks its build when it loads dist/ (Node's, or the browser build elsewhere).
  // The command line (dist/cli.js, the package's `bin`) imports the library by its own name, so
  // that it loads the very modules a user's code would.
  external: ["effect", "fast-check", "@effect/sql-pg", /^@effect\/platform-node/, /^protest-chronicle(\/|$)/, /^#/],
  onSuccess: emitDeclarations
})
