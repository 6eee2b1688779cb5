#!/usr/bin/env node
/**
 * The executable of `protest-chronicle` (the package's `bin`): runs the command on the process's
 * arguments with Node's platform services, and exits with its code.
 */
import { runMain } from "@effect/platform-node/NodeRuntime"
import { layer as NodeServices } from "@effect/platform-node/NodeServices"
import { Effect } from "effect"
import { main, teardown } from "./main.js"

runMain(main(process.argv.slice(2)).pipe(Effect.provide(NodeServices)), {
  disableErrorReporting: true,
  teardown: teardown as never
})
