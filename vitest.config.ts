import { configDefaults, defineConfig } from "vitest/config"

// Two projects, so that the PostgreSQL server (test/postgres/globalSetup.ts) is started only
// when a run includes PostgreSQL tests: vitest runs a project's global setup only then. The
// PostgreSQL files run one at a time, beside the unit tests: the many-processes test loads the
// server and both cores on its own.
//
// Test files share their worker's module cache (`isolate: false`): importing effect and the
// library again for each of some fifty files took about a fifth of the run. No test relies on
// a fresh module state (none mocks a module or patches a global).
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["test/**/*.test.ts"], exclude: [...configDefaults.exclude, "test/postgres/**", "test/**/*.pg.test.ts"], isolate: false }
      },
      {
        extends: true,
        test: {
          name: "postgres",
          include: ["test/postgres/**/*.test.ts", "test/**/*.pg.test.ts"],
          globalSetup: ["test/postgres/globalSetup.ts"],
          fileParallelism: false,
          isolate: false
        }
      }
    ]
  }
})
