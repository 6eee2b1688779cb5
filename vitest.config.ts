import { configDefaults, defineConfig } from "vitest/config"

// Vitest 5's reporter calls `Map.groupBy` (Node >= 21) when it prints failures; on Node 20 that
// crash hides the failure report. The config file runs in vitest's main process, so the missing
// function is supplied here.
if (typeof (Map as { groupBy?: unknown }).groupBy !== "function") {
  Object.defineProperty(Map, "groupBy", {
    configurable: true,
    writable: true,
    value: <K, V>(items: Iterable<V>, key: (item: V, index: number) => K): Map<K, Array<V>> => {
      const groups = new Map<K, Array<V>>()
      let i = 0
      for (const item of items) {
        const k = key(item, i++)
        const group = groups.get(k)
        if (group === undefined) groups.set(k, [item])
        else group.push(item)
      }
      return groups
    }
  })
}

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
