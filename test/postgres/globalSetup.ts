/**
 * Global setup of the PostgreSQL tests: gives them a server for the whole run.
 *
 * - With PROTEST_CHRONICLE_PG_URL set, the tests use that server. Every schema they create starts
 *   with this run's prefix and is dropped at the end.
 * - Otherwise, when PostgreSQL's server binaries are installed, scripts/postgres-throwaway.sh
 *   starts a throwaway cluster on 127.0.0.1 and a free port, and deletes it at the end.
 * - Otherwise the suite is skipped with a message saying how to enable it; under CI=true that is a
 *   failure instead.
 */
import { spawnSync } from "node:child_process"
import { randomBytes } from "node:crypto"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import type { TestProject } from "vitest/node"
import { dropSchemas } from "./server.js"

declare module "vitest" {
  export interface ProvidedContext {
    /** The server's URL; empty when the suite is skipped. */
    readonly pgUrl: string
    /** The prefix of every schema this run creates. */
    readonly pgSchemaPrefix: string
  }
}

const script = fileURLToPath(new URL("../../scripts/postgres-throwaway.sh", import.meta.url))

const howToEnable =
  "To run it, install PostgreSQL's server binaries (Debian/Ubuntu: apt-get install postgresql), " +
  "or point the tests at a server of yours: PROTEST_CHRONICLE_PG_URL=postgres://user:password@host:5432/database npm test"

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const prefix = `pct_${randomBytes(4).toString("hex")}`
  project.provide("pgSchemaPrefix", prefix)
  const given = process.env["PROTEST_CHRONICLE_PG_URL"]
  if (given !== undefined && given !== "") {
    console.log(`PostgreSQL suite: using the server in PROTEST_CHRONICLE_PG_URL (schemas ${prefix}_*, dropped afterwards)`)
    project.provide("pgUrl", given)
    return () => dropSchemas(given, prefix)
  }
  const found = spawnSync("bash", [script, "find"], { encoding: "utf8" })
  if (found.status !== 0) {
    const missing = `no PostgreSQL server binaries (initdb) found and PROTEST_CHRONICLE_PG_URL is not set. ${howToEnable}`
    if (process.env["CI"] === "true") throw new Error(`the PostgreSQL suite cannot run, and under CI=true that is a failure: ${missing}`)
    console.warn(`\nPostgreSQL suite skipped: ${missing}\n`)
    project.provide("pgUrl", "")
    return undefined
  }
  const dir = join(tmpdir(), `protest-chronicle-pg-${process.pid}-${randomBytes(3).toString("hex")}`)
  const started = spawnSync("bash", [script, "start", dir], { encoding: "utf8" })
  if (started.status !== 0) {
    spawnSync("bash", [script, "stop", dir])
    throw new Error(`could not start a throwaway PostgreSQL cluster in ${dir}:\n${started.stderr}`)
  }
  const url = started.stdout.trim()
  console.log(`PostgreSQL suite: throwaway cluster from ${found.stdout.trim()} at ${url}`)
  project.provide("pgUrl", url)
  return async () => {
    const stopped = spawnSync("bash", [script, "stop", dir], { encoding: "utf8" })
    if (stopped.status !== 0) console.warn(`could not stop the throwaway PostgreSQL cluster in ${dir}:\n${stopped.stderr}`)
  }
}
