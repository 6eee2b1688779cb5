/**
 * The `protest-chronicle` command: its subcommands, the flags they all take, and how it ends —
 * exit 0 when all went well, 1 for invalid data or a refused operation, 2 for a usage error —
 * with failures as one or two plain lines on stderr (and the cause with `--verbose`).
 */
import { Cause, Effect, Exit } from "effect"
import { CliOutput, Command } from "effect/cli"
import { createRequire } from "node:module"
import { demoCommands } from "./demo.js"
import { exportCommands } from "./exporting.js"
import { importCommands } from "./importing.js"
import { explain, firstLine } from "./internal/failure.js"
import { helpFormatter } from "./internal/help.js"
import { globalFlags } from "./internal/store.js"
import { stderr, visible } from "./internal/terminal.js"
import { links } from "./linking.js"
import { readCommands } from "./reading.js"
import { writeCommands } from "./writing.js"

/** The package's version, from its package.json. */
export const version: string = (createRequire(import.meta.url)("protest-chronicle/package.json") as { version: string }).version

/** The root command. */
export const root = Command.make("protest-chronicle").pipe(
  Command.withDescription(
    "Keep a chronicle of labour and protest events: import ACLED and PLOVER files, record and correct events with reasons, " +
      "read the timeline as of any time, follow the links between events, and export them for other tools."
  ),
  Command.withExamples([
    { command: "protest-chronicle import acled.csv --format acled", description: "Import an ACLED export into ./chronicle.jsonl" },
    { command: "protest-chronicle timeline --from 2011-12 --to 2011-12", description: "What happened in December 2011" },
    { command: "protest-chronicle export --format timelinejs --out timeline.json", description: "A timeline for TimelineJS" },
    { command: "protest-chronicle demo", description: "The bundled Zhanaozen chronicle" }
  ]),
  Command.withSubcommands([...writeCommands, ...importCommands, ...readCommands, links, ...exportCommands, ...demoCommands]),
  Command.withGlobalFlags(globalFlags)
)

const isCliError = (e: unknown): e is { readonly _tag: string; readonly message: string; readonly errors?: ReadonlyArray<{ readonly message: string }> } =>
  typeof e === "object" && e !== null && typeof (e as { _tag?: unknown })._tag === "string" && "~effect/cli/CliError" in e

/**
 * Runs the command on `args` (without the program name) and gives the exit code; every failure
 * is printed to stderr first.
 */
// Help and the version as effect/cli prints them; a usage error as plain lines, without the help.
const presenter: CliOutput.Presenter = {
  present: (event) =>
    event._tag !== "InvalidInvocation"
      ? CliOutput.defaultPresenter.present(event)
      : stderr(
        [
          ...event.errors.map((e) => `protest-chronicle: ${firstLine(e.message)}`),
          `  Run \`${[...event.commandPath, "--help"].join(" ")}\` for its flags and examples.`
        ].join("\n") + "\n"
      )
}

export const main = (args: ReadonlyArray<string>) => {
  const verbose = args.includes("--verbose")
  return Command.runWith(root, { version })(args).pipe(
    Effect.provideService(CliOutput.Presenter, presenter),
    Effect.provideService(CliOutput.Formatter, helpFormatter()),
    Effect.as(0),
    Effect.catchCause((cause) =>
      Effect.gen(function*() {
        if (Cause.hasInterruptsOnly(cause)) return yield* Effect.failCause(cause)
        const error = Cause.squash(cause)
        // Parse errors (unknown flags, bad values, missing arguments) are usage errors; effect/cli
        // has printed them already, with the help of the command.
        if (isCliError(error)) return error._tag === "ShowHelp" && (error as { errors?: ReadonlyArray<unknown> }).errors?.length === 0 ? 0 : 2
        const failure = explain(error)
        yield* stderr(`protest-chronicle: ${failure.lines.flatMap((l) => l.split("\n")).map(visible).join("\n  ")}\n`)
        if (verbose) yield* stderr(`${Cause.pretty(cause)}\n`)
        return failure.exitCode
      })
    )
  )
}

/** Ends the process with the command's exit code; Ctrl-C ends it with 130 after its finalizers ran. */
export const teardown = (exit: Exit.Exit<number, unknown>, onExit: (code: number) => void): void => {
  if (Exit.isSuccess(exit)) return onExit(exit.value)
  if (Cause.hasInterruptsOnly(exit.cause)) {
    process.stderr.write("protest-chronicle: interrupted; the journal keeps every commit made before it\n")
    return onExit(130)
  }
  process.stderr.write(`protest-chronicle: ${String(Cause.squash(exit.cause))}\n`)
  onExit(1)
}
