/**
 * The PostgreSQL journal over a client whose schema is in place: commits through
 * `<schema>.append_commit`, reads in pages bounded by count and bytes, and tails that wake on
 * `NOTIFY`, poll, and ride out lost connections. `PostgresJournal.ts` documents the guarantees.
 */
import { Cause, Duration, Effect, Option, PubSub, Queue, Random, Result, Stream } from "effect"
import { type PgClient, PgTypes } from "@effect/sql-pg"
import type { SqlError } from "effect/sql/SqlError"
import type { CommitResult, Entry } from "../../journal/Entry.js"
import { streamKey } from "../../journal/Entry.js"
import { ConflictError, InvalidCommitError, JournalCorruptionError, JournalStoreError } from "../../journal/errors.js"
import type { JournalShape } from "../../journal/Journal.js"
import { entryOf, type JournalOptions, settingsOf, startOf, storedBodyOf, validate } from "../../journal/StoreKit.js"
import type { EntryCodec } from "../ReadModel.js"
import { entryQuery, type EntryRow, makeEntryCodec, rowToStored } from "./entries.js"
import { type Page, readPage } from "./pages.js"
import { channelOf } from "./schema.js"
import { describe, isConnectionLoss, sqlStateOf, storeError } from "./storeError.js"

/**
 * The most a commit may hold, in bytes of JSON as the store sends it (each append's record or
 * retraction, its reason, and the idempotency key and author, which every entry repeats).
 * PostgreSQL's own limits are higher (255 MiB for the commit's JSON as `jsonb`, 1 GiB for a
 * value), but a commit near them would fail on the server; this limit is met long before, and is
 * the same whatever the records hold.
 */
export const MAX_COMMIT_BYTES = 64 * 1024 * 1024

/** The largest revision the `revision integer` column holds. */
const MAX_REVISION = 2_147_483_647

const mib = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MiB`

// Text PostgreSQL cannot store: U+0000 (in text and jsonb) and unpaired surrogates (not UTF-8).
const unstorableText = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/
// The same in JSON text, where JSON.stringify has escaped them (an escaped backslash does not count).
const unstorableJson = /(?<!\\)(?:\\\\)*\\u(?:0000|d[89a-f][0-9a-f]{2})/i

/** Failures worth another attempt of the whole commit: a race the database resolved against us. */
const transient = (error: SqlError): boolean => {
  const tag = error.reason._tag
  return tag === "SerializationError" || tag === "DeadlockError" || tag === "UniqueViolation"
}

/** True when a store error is a lost connection (or a server not taking connections now). */
const lostConnection = (error: unknown): boolean =>
  error instanceof JournalStoreError && error.cause instanceof Error && isConnectionLoss(error.cause.cause)

/** The delay before retry `attempt` (0-based) after a lost connection: 50 ms doubling to 5 s. */
const backoff = (attempt: number): Duration.Duration => Duration.millis(Math.min(50 * 2 ** attempt, 5000))

/**
 * Runs `effect`, and while it fails with a lost connection runs it again after a growing delay.
 * The first failure of a streak logs one line (`what` and the server's reason); retries log
 * nothing more, so a server away for an hour costs one line, not one stack trace a second.
 */
const retryLostConnection = <A, E>(effect: Effect.Effect<A, E>, what: string): Effect.Effect<A, E> => {
  const attempt = (n: number): Effect.Effect<A, E> =>
    Effect.catchIf(effect, lostConnection, (error) =>
      Effect.andThen(
        n === 0 ? Effect.logWarning(`${what} lost its connection (${((error as JournalStoreError).cause as Error).message}); retrying until it is back`) : Effect.void,
        Effect.andThen(Effect.sleep(backoff(n)), Effect.suspend(() => attempt(n + 1)))
      ))
  return attempt(0)
}

interface CommitRow {
  readonly outcome: "committed" | "duplicate" | "conflict" | "nothing-to-retract"
  readonly append_index: number | null
  readonly first_position: bigint | number | null
  readonly recorded_ms: bigint | number | null
  readonly actual: ReadonlyArray<number | null> | null
}

/** What the journal needs besides the client. */
export interface StoreSettings extends JournalOptions {
  readonly pollInterval: Duration.Duration
}

/** Builds the journal over a client, after the schema is in place. */
export const makeStore = (sql: PgClient.PgClient, schema: string, settings: StoreSettings) =>
  Effect.gen(function*() {
    const { upcaster, vocabulary } = yield* settingsOf(settings)
    const codec: EntryCodec = makeEntryCodec(upcaster, vocabulary)
    const name = `postgres:${schema}`
    const scope = yield* Effect.scope

    const decodeRows = (rows: ReadonlyArray<EntryRow>): Effect.Effect<Array<Entry>, JournalCorruptionError> => {
      const entries: Array<Entry> = []
      for (const row of rows) {
        const decoded = codec.decode(rowToStored(row))
        if (Result.isFailure(decoded)) {
          return Effect.fail(new JournalCorruptionError({ path: name, position: Number(row.position), reason: decoded.failure }))
        }
        entries.push(decoded.success)
      }
      return Effect.succeed(entries)
    }

    const decodePage = (method: string) => (page: Effect.Effect<Page<EntryRow>, SqlError>) =>
      Effect.flatMap(Effect.mapError(page, storeError(method)), ({ more, rows }) =>
        Effect.map(decodeRows(rows), (entries) => ({ entries, more })))

    // Pages are bounded below only: `position > $1 ORDER BY position LIMIT n` is an index scan
    // under any plan, while a range bounded on both sides is estimated so small, on a table not
    // yet analyzed (after a bulk import), that a generic plan reads and sorts the whole rest.
    const allQuery = entryQuery(schema, "position")
    const streamQuery = entryQuery(schema, "revision", "stream_type = $2 AND stream_id = $3")
    const commitQuery = entryQuery(schema, "position", `${schema}.key_hash(idempotency_key) = ${schema}.key_hash($2) AND idempotency_key = $2`)

    /** Every entry a filter selects, page after page. */
    const collect = (method: string, query: typeof allQuery, params: ReadonlyArray<unknown>) => {
      const loop = (after: number, acc: Array<Entry>): Effect.Effect<Array<Entry>, JournalStoreError | JournalCorruptionError> =>
        Effect.flatMap(decodePage(method)(readPage<EntryRow>(sql, query, String(after), params)), ({ entries, more }) => {
          acc.push(...entries)
          const last = entries.at(-1)
          return more && last !== undefined ? loop(query.order === "revision" ? last.revision : last.position, acc) : Effect.succeed(acc)
        })
      return loop(0, [])
    }

    const headNow = Effect.mapError(
      Effect.map(sql.unsafe<{ readonly position: bigint | number }>(`SELECT position FROM ${schema}.head`), (rows) => Number(rows[0]?.position ?? 0)),
      storeError("head")
    )

    /**
     * Refuses a commit too large for the store, naming the append when one alone is: each append
     * counts its body, reason and stream, and the key and author every entry repeats.
     */
    const tooLarge = (
      bodies: ReadonlyArray<string>,
      reasons: ReadonlyArray<string | null>,
      types: ReadonlyArray<string>,
      ids: ReadonlyArray<string>,
      key: string,
      author: string | undefined
    ): InvalidCommitError | undefined => {
      const perEntry = Buffer.byteLength(key) + (author === undefined ? 0 : Buffer.byteLength(author))
      let total = 0
      for (let i = 0; i < bodies.length; i++) {
        const reason = reasons[i]
        const size = Buffer.byteLength(bodies[i]!) + (reason === null || reason === undefined ? 0 : Buffer.byteLength(reason)) +
          Buffer.byteLength(types[i]!) + Buffer.byteLength(ids[i]!) + perEntry
        if (size > MAX_COMMIT_BYTES) {
          return new InvalidCommitError({
            append: i,
            reason: `the append is ${mib(size)} as stored, over the PostgreSQL store's limit of ${mib(MAX_COMMIT_BYTES)} per commit: keep large documents outside the journal and cite them`
          })
        }
        total += size
      }
      return total > MAX_COMMIT_BYTES
        ? new InvalidCommitError({ reason: `the commit is ${mib(total)} as stored, over the PostgreSQL store's limit of ${mib(MAX_COMMIT_BYTES)} per commit: split it into several commits` })
        : undefined
    }

    const commit: JournalShape["commit"] = (request) =>
      Effect.suspend(() => {
        const validated = validate(request, vocabulary)
        if (Result.isFailure(validated)) return Effect.fail(validated.failure)
        const checked = validated.success
        if (unstorableText.test(request.idempotencyKey) || (request.author !== undefined && unstorableText.test(request.author))) {
          return Effect.fail(new InvalidCommitError({ reason: "the idempotency key or author holds U+0000 or an unpaired surrogate, which PostgreSQL cannot store" }))
        }
        // The commit in columns, one array each (see migration 4 in schema.ts).
        const n = checked.length
        const types: Array<string> = new Array(n)
        const ids: Array<string> = new Array(n)
        const expected: Array<number> = new Array(n)
        const retract: Array<boolean> = new Array(n)
        const reasons: Array<string | null> = new Array(n)
        const bodies: Array<string> = new Array(n)
        for (let i = 0; i < n; i++) {
          const a = request.appends[i]!
          const { stream } = checked[i]!
          const body = JSON.stringify(storedBodyOf(upcaster, request, i, checked[i]!))
          const reason = a.reason ?? request.reason ?? null
          if (unstorableJson.test(body) || unstorableText.test(stream.type) || unstorableText.test(stream.id) || (reason !== null && unstorableText.test(reason))) {
            return Effect.fail(new InvalidCommitError({ append: i, reason: "the append holds U+0000 or an unpaired surrogate, which PostgreSQL cannot store" }))
          }
          types[i] = stream.type
          ids[i] = stream.id
          // A revision beyond int4 can never be found (the column is an integer): -2 matches nothing,
          // so it is a conflict with the revision found, as in every store.
          expected[i] = a.expected === "any" ? -1 : a.expected === "none" ? 0 : a.expected > MAX_REVISION ? -2 : a.expected
          retract[i] = a._tag === "retraction"
          reasons[i] = reason
          bodies[i] = body
        }
        const large = tooLarge(bodies, reasons, types, ids, request.idempotencyKey, request.author)
        if (large !== undefined) return Effect.fail(large)
        const column = (values: ReadonlyArray<unknown>, oid: number) => Result.getOrThrow(PgTypes.array(values, oid))
        const columns = [
          column(types, PgTypes.OID.text),
          column(ids, PgTypes.OID.text),
          column(expected, PgTypes.OID.int4),
          column(retract, PgTypes.OID.bool),
          column(reasons, PgTypes.OID.text),
          column(bodies, PgTypes.OID.text)
        ]
        const call = (nowIso: string) =>
          sql.unsafe<CommitRow>(`SELECT * FROM ${schema}.append_commit($1, $2, $3::timestamptz, $4, $5, $6, $7, $8, $9)`, [
            request.idempotencyKey,
            request.author ?? null,
            nowIso,
            ...columns
          ])
        const attempt = (nowIso: string, retries: number): Effect.Effect<CommitRow, InvalidCommitError | JournalStoreError> =>
          Effect.catch(
            Effect.map(call(nowIso), (rows) => rows[0]!),
            (error) =>
              transient(error) && retries > 0
                ? Effect.andThen(Effect.flatMap(Random.nextBetween(1, 11), (ms) => Effect.sleep(Duration.millis(ms))), attempt(nowIso, retries - 1))
                : sqlStateOf(error)?.startsWith("54") === true
                // Class 54 (program limit exceeded): the server refused the commit as too large or
                // complex for it; nothing was written, and sending it again would fail again.
                ? Effect.fail(new InvalidCommitError({ reason: `PostgreSQL refused the commit as too large: ${describe(error)}; split it into several commits` }))
                : Effect.fail(storeError("commit")(error))
          )
        return Effect.clockWith((clock) => {
          const now = new Date(Math.floor(clock.currentTimeMillisUnsafe())).toISOString()
          return Effect.flatMap(attempt(now, 20), (row): Effect.Effect<CommitResult, ConflictError | InvalidCommitError | JournalStoreError> => {
            switch (row.outcome) {
              case "duplicate":
                return Effect.map(
                  Effect.mapError(collect("commit", commitQuery, [request.idempotencyKey]), (e) => e instanceof JournalStoreError ? e : storeError("commit")(e)),
                  (entries) => ({ entries, duplicate: true })
                )
              case "conflict": {
                const i = row.append_index!
                const actual = row.actual?.[i] ?? null
                return Effect.fail(new ConflictError({ stream: checked[i]!.stream, expected: request.appends[i]!.expected, actual: actual ?? "none" }))
              }
              case "nothing-to-retract": {
                const i = row.append_index!
                return Effect.fail(new InvalidCommitError({ append: i, reason: `stream ${streamKey(checked[i]!.stream)} has nothing to retract` }))
              }
              case "committed": {
                const first = Number(row.first_position)
                const recordedAt = Number(row.recorded_ms)
                const entries = request.appends.map((_, i): Entry =>
                  entryOf(request, i, checked[i]!, { position: first + i, revision: (row.actual?.[i] ?? 0) + 1, recordedAt })
                )
                return Effect.succeed({ entries, duplicate: false })
              }
            }
          })
        })
      })

    const readAll: JournalShape["readAll"] = (options) =>
      Stream.unwrap(
        Effect.map(headNow, (head) =>
          Stream.paginate(startOf(options) - 1, (after) =>
            after >= head
              ? Effect.succeed([[] as ReadonlyArray<Entry>, Option.none<number>()] as const)
              : Effect.map(
                decodePage("read")(readPage<EntryRow>(sql, allQuery, String(after))),
                ({ entries, more }): readonly [ReadonlyArray<Entry>, Option.Option<number>] => {
                  // Entries committed since `head` was read are left to the next read.
                  const upToHead = (entries.at(-1)?.position ?? 0) > head ? entries.filter((e) => e.position <= head) : entries
                  const last = upToHead.at(-1)?.position
                  return [upToHead, last === undefined || last >= head || !more ? Option.none() : Option.some(last)] as const
                }
              )))
      )

    const readStream: JournalShape["readStream"] = (stream) => collect("readStream", streamQuery, [stream.type, stream.id])

    // Wake-ups for tails: one listening connection per layer, started by the first tail, and
    // started again after it fails (one log line per lost connection, then silent retries with
    // a growing delay). Every (re)start wakes the tails, since notifications may have been missed.
    const wakeups = yield* PubSub.sliding<void>(1)
    let listenFailures = 0
    const listen = Effect.scoped(
      Effect.gen(function*() {
        const queue = yield* sql.listen(channelOf(schema))
        listenFailures = 0
        yield* PubSub.publish(wakeups, undefined)
        for (;;) {
          yield* Queue.take(queue)
          yield* PubSub.publish(wakeups, undefined)
        }
      })
    ).pipe(
      Effect.catchCause((cause) => {
        const failures = listenFailures++
        const reason = describe(Cause.squash(cause))
        return Effect.andThen(
          failures === 0 ? Effect.logWarning(`${name}: listening for commits failed (${reason}); tails poll until it is back`) : Effect.void,
          Effect.sleep(backoff(failures + 4))
        )
      }),
      Effect.forever
    )
    let listening = false
    const startListening = Effect.suspend(() => {
      if (listening) return Effect.void
      listening = true
      return Effect.asVoid(Effect.forkIn(listen, scope))
    })

    const tail: JournalShape["tail"] = (options) =>
      Stream.unwrap(
        Effect.gen(function*() {
          yield* startListening
          // Subscribed before the first read: a commit after any read wakes this tail.
          const subscription = yield* PubSub.subscribe(wakeups)
          // A wake-up or the poll interval, whichever comes first. The PubSub keeps one pending
          // wake-up per subscriber at most, so a burst of commits costs at most one extra read.
          const wait = Effect.raceFirst(Effect.asVoid(PubSub.take(subscription)), Effect.sleep(settings.pollInterval))
          // A page read that loses its connection is read again from the same position, so the
          // tail neither skips nor repeats an entry; any other failure ends the tail.
          const page = (after: number) =>
            retryLostConnection(decodePage("read")(readPage<EntryRow>(sql, allQuery, String(after))), `${name}: a tail's read`)
          return Stream.paginate(startOf(options) - 1, (after) =>
            Effect.flatMap(page(after), ({ entries }): Effect.Effect<readonly [ReadonlyArray<Entry>, Option.Option<number>]> =>
              entries.length === 0
                ? Effect.as(wait, [[], Option.some(after)] as const)
                : Effect.succeed([entries, Option.some(entries.at(-1)!.position)] as const)))
        })
      )

    const journal: JournalShape = {
      commit,
      readAll,
      readStream,
      tail,
      head: headNow,
      vocabulary
    }
    return { journal, codec }
  })
