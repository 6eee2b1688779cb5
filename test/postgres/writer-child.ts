/**
 * A child of the many-processes test: opens the PostgreSQL journal and makes `commits`
 * successful commits, each appending to its own stream and to one of the shared streams at the
 * revision it last saw. A conflict is printed (`conflict\t<key>\t<stream>\t<expected>\t<actual>`)
 * and the commit retried at the revision the conflict names. Every 50th commit it also races the other
 * children for the key `race-<i>`. Each success prints `ack\t<key>\t<duplicate>\t<positions>`.
 * Any other failure prints `error\t…` and exits with status 1.
 *
 * Usage: node writer-child.mjs <url> <schema> <child index> <commits> <shared streams>
 */
import * as fs from "node:fs"
import { Effect } from "effect"
import type { CommitRequest, Expected } from "../../src/journal/Entry.js"
import { Journal } from "../../src/journal/Journal.js"
import { layerPostgres } from "../../src/postgres/index.js"
import { actor } from "../file/fileHelpers.js"

const [url, schema, index, commits, shared] = process.argv.slice(2)
if (url === undefined || schema === undefined || index === undefined || commits === undefined || shared === undefined) {
  throw new Error("usage: writer-child <url> <schema> <child index> <commits> <shared streams>")
}
const me = Number(index)
const print = (...fields: ReadonlyArray<string | number | boolean>) => fs.writeSync(1, `${fields.join("\t")}\n`)

const program = Journal.use((journal) =>
  Effect.gen(function*() {
    const known = new Map<string, number>()
    const send = (request: CommitRequest, sharedId?: string): Effect.Effect<void, unknown> =>
      Effect.gen(function*() {
        const result = yield* journal.commit(request)
        for (const e of result.entries) known.set(e.stream.id, Math.max(known.get(e.stream.id) ?? 0, e.revision))
        print("ack", request.idempotencyKey, result.duplicate, JSON.stringify(result.entries.map((e) => [e.position, e.stream.id, e.revision])))
      }).pipe(
        Effect.catchTag("ConflictError", (conflict) =>
          Effect.gen(function*() {
            print("conflict", request.idempotencyKey, conflict.stream.id, String(conflict.expected), String(conflict.actual))
            // The conflict names the stream's revision: aim at it next.
            if (conflict.actual === "none") known.delete(conflict.stream.id)
            else known.set(conflict.stream.id, conflict.actual)
            return yield* send(retarget(request, sharedId), sharedId)
          }))
      )
    const expectedOf = (id: string): Expected => known.get(id) ?? "none"
    const retarget = (request: CommitRequest, sharedId?: string): CommitRequest => ({
      ...request,
      appends: request.appends.map((a) => a._tag === "revision" && a.record.id === sharedId ? { ...a, expected: expectedOf(sharedId) } : a)
    })
    for (let i = 0; i < Number(commits); i++) {
      const sharedId = `shared-${(me + i) % Number(shared)}`
      yield* send({
        idempotencyKey: `p${me}-c${i}`,
        appends: [
          { _tag: "revision", record: actor(`own-${me}`, `commit ${i}`), expected: i === 0 ? "none" : i },
          { _tag: "revision", record: actor(sharedId, `child ${me}, commit ${i}`), expected: expectedOf(sharedId) }
        ]
      }, sharedId)
      if (i % 50 === 0) {
        yield* send({ idempotencyKey: `race-${i}`, appends: [{ _tag: "revision", record: actor(`race-${i}`, `won by child ${me}`), expected: "any" }] })
      }
    }
  })
)

Effect.runPromise(program.pipe(Effect.provide(layerPostgres({ connection: url, schema })))).catch((error: unknown) => {
  print("error", String(error))
  process.exit(1)
})
