import { configDefaults, defineConfig } from "vitest/config"

// Two projects, so that the PostgreSQL server (test/postgres/globalSetup.ts) is started only
// when a run includes PostgreSQL tests: vitest runs a project's global setup only then. The
// PostgreSQL files run one at a time, beside the unit tests: the many-processes test loads the
// server and both cores on its own.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["test/**/*.test.ts"], exclude: [...configDefaults.exclude, "test/postgres/**"] }
      },
      {
        extends: true,
        test: {
          name: "postgres",
          include: ["test/postgres/**/*.test.ts"],
          globalSetup: ["test/postgres/globalSetup.ts"],
          fileParallelism: false
        }
      }
    ]
  }
})
