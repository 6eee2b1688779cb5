/**
 * A silent vitest reporter for CI: when VITEST_COUNTS_FILE is set, it writes one line,
 * "N passed, N failed, N skipped", to that file at the end of the run. .ci/run prints it as its
 * closing line. Being silent, it leaves vitest's own summary as the last lines of the test output
 * (the built-in json reporter would print "JSON report written to …" after it).
 *
 *   vitest run --reporter=default --reporter=./scripts/vitest-counts-reporter.ts
 */
import { writeFileSync } from "node:fs"
import type { Reporter, TestModule } from "vitest/node"

export default class CountsReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const file = process.env["VITEST_COUNTS_FILE"]
    if (file === undefined || file === "") return
    const counts = { passed: 0, failed: 0, skipped: 0 }
    for (const testModule of testModules) {
      for (const test of testModule.children.allTests()) {
        const { state } = test.result()
        if (state === "passed") counts.passed++
        else if (state === "failed") counts.failed++
        else counts.skipped++
      }
    }
    writeFileSync(file, `${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`)
  }
}
