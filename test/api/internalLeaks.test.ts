/**
 * Internal modules stay out of the published types: no declaration file reachable from a public
 * entry may be one under `internal/`. A public module declares its own types and signatures and
 * binds them to the implementation, as Effect's modules do; the failure names the chain of
 * declaration files that reaches the internal one.
 */
import * as path from "node:path"
import { describe, expect, it } from "vitest"
import { internalLeaks } from "./internalLeaks.js"

describe("published declarations", () => {
  it("reference no internal/ module", () => {
    const leaks = internalLeaks(path.resolve(import.meta.dirname, "../.."))
    expect([...leaks.values()].map((chain) => chain.join(" -> "))).toEqual([])
  }, 120_000)
})
