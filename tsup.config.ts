import { defineConfig } from "tsup"

// Two public entries. `splitting` keeps shared modules in shared chunks so that a class
// defined once (an error type, say) is the same class whichever entry a user imports.
export default defineConfig({
  entry: { index: "src/index.ts", testing: "src/testing/index.ts" },
  format: ["esm", "cjs"],
  dts: true,
  splitting: true,
  sourcemap: true,
  clean: true,
  target: "node20",
  external: ["effect", "fast-check"]
})
