/**
 * A child process for the file-store tests, driven by lines on stdin.
 *
 * - `race <file>`: on each `go`, tries to open the journal and prints `won <pid>` or
 *   `locked <holder pid>`; a winner holds the lock until `release`, then prints `released`.
 * - `grow <file>`: opens the journal, prints `ready <pid>`; on `go` commits one large record and
 *   then a small one, printing `big ok` or `big <error tag> <method>`, then `small ok` or
 *   `small <error tag> <method>`, and exits. (The parent lowers this process's file-size limit meanwhile.)
 */
import * as readline from "node:readline"
import { Effect, Exit, Layer, Option, Scope } from "effect"
import { layerFile } from "../../src/file/FileJournal.js"
import { Journal } from "../../src/journal/Journal.js"
import { actor } from "./fileHelpers.js"

const [mode, file] = process.argv.slice(2)
if (file === undefined) throw new Error("usage: file-child race|grow <file>")

const commands = readline.createInterface({ input: process.stdin })[Symbol.asyncIterator]()
const next = async (): Promise<string | undefined> => (await commands.next()).value as string | undefined
const say = (line: string) => process.stdout.write(`${line}\n`)

/** `ok`, or the error's tag (and method, for store errors). */
const outcome = (exit: Exit.Exit<unknown, { readonly _tag: string }>): string =>
  Exit.isSuccess(exit)
    ? "ok"
    : Option.match(Exit.findErrorOption(exit), {
      onNone: () => `defect ${String(exit.cause)}`,
      onSome: (error) => ("method" in error ? `${error._tag} ${String(error.method)}` : error._tag)
    })

const race = async (path: string) => {
  for (let command = await next(); command !== undefined; command = await next()) {
    if (command !== "go") continue
    const scope = Effect.runSync(Scope.make())
    const exit = await Effect.runPromiseExit(Layer.buildWithScope(layerFile(path), scope))
    const error = Exit.findErrorOption(exit)
    if (Exit.isSuccess(exit)) {
      say(`won ${process.pid}`)
      while ((await next()) !== "release");
      await Effect.runPromise(Scope.close(scope, Exit.void))
      say("released")
    } else {
      say(Option.isSome(error) && error.value._tag === "JournalLockedError" ? `locked ${error.value.holder.pid}` : `error ${outcome(exit)}`)
    }
  }
}

const grow = (path: string) =>
  Effect.runPromise(
    Journal.use((journal) =>
      Effect.gen(function*() {
        say(`ready ${process.pid}`)
        yield* Effect.promise(() => next())
        const big = yield* Effect.exit(journal.commit({
          idempotencyKey: "big",
          appends: [{ _tag: "revision", record: actor("big", "ө".repeat(200_000)), expected: "none" }]
        }))
        say(`big ${outcome(big)}`)
        const small = yield* Effect.exit(journal.commit({
          idempotencyKey: "small",
          appends: [{ _tag: "revision", record: actor("small"), expected: "none" }]
        }))
        say(`small ${outcome(small)}`)
      })
    ).pipe(Effect.provide(layerFile(path)))
  )

await (mode === "race" ? race(file) : grow(file))
process.exit(0)
