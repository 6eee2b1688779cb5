/**
 * Upcasting: stored bodies carry the schema version they were written in; registered migrations
 * lift an old body, one version at a time, to the current version on every read path (reads,
 * tails, replays), before it is decoded. Stores never rewrite what they hold.
 *
 * Versions are counted per record type, and per kind for events: version 1 is the first, and each
 * migration lifts `from` to `from + 1`.
 *
 * @since 0.1.0
 */
import { Data, Result } from "effect"
import type { StreamType } from "./Entry.js"

/**
 * A migration of one record type (and, for events, one kind) from version `from` to `from + 1`.
 * Every store takes its migrations as the `migrations` option.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Journal } from "protest-chronicle"
 *
 * // Suppose version 1 of places wrote the zone as `zone`; version 2 calls it `timeZone`.
 * const renameZone: Journal.Migration = {
 *   type: "place",
 *   from: 1,
 *   up: (record) => {
 *     const { zone, ...rest } = record as { readonly zone: string }
 *     return { ...rest, timeZone: zone }
 *   }
 * }
 * const written: Journal.StoredEntry = {
 *   position: 1,
 *   stream: { type: "place", id: "zhanaozen" },
 *   revision: 1,
 *   recordedAt: "2023-04-12T10:00:00.000Z",
 *   idempotencyKey: "import-1",
 *   body: { _tag: "revision", schemaVersion: 1, record: { type: "place", id: "zhanaozen", kind: "town", name: "Zhanaozen", zone: "Asia/Aqtau" } }
 * }
 * const program = Effect.gen(function*() {
 *   const journal = yield* Journal.Journal
 *   return yield* journal.readStream({ type: "place", id: "zhanaozen" })
 * }).pipe(Effect.provide(Journal.layerMemory({ initial: [written], migrations: [renameZone] })))
 *
 * const [entry] = await Effect.runPromise(program)
 * console.log(entry?.body) // the place as version 2 reads it, with `timeZone: "Asia/Aqtau"`
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Migration {
  readonly type: StreamType
  /** For events: the kind it applies to (required for events, absent for other types). */
  readonly kind?: string
  readonly from: number
  /** Takes the record's JSON at version `from`, returns its JSON at version `from + 1`. */
  readonly up: (record: unknown) => unknown
}

/**
 * Migrations were registered wrongly (a gap or a repeat in a chain). A programming error.
 *
 * @category errors
 * @since 0.1.0
 */
export class MigrationError extends Data.TaggedError("MigrationError")<{ readonly reason: string }> {
  override get message(): string {
    return this.reason
  }
}

/**
 * Lifts stored record JSON to the current version.
 *
 * @category models
 * @since 0.1.0
 */
export interface Upcaster {
  /** True when there are no migrations: every body is at version 1 and nothing is lifted. */
  readonly identity: boolean
  /** The version new bodies of this type (and kind) are written in. */
  readonly currentVersion: (type: StreamType, kind?: string) => number
  /**
   * Lifts `record` (JSON at `version`) to the current version; fails with a reason when the
   * version is newer than this code knows, or a migration throws.
   */
  readonly upcast: (type: StreamType, version: number, record: unknown) => { readonly ok: true; readonly record: unknown } | { readonly ok: false; readonly reason: string }
}

const keyOf = (type: StreamType, kind: string | undefined): string => (type === "event" ? `event:${kind ?? ""}` : type)

const kindOf = (record: unknown): string | undefined => {
  const kind = typeof record === "object" && record !== null ? (record as { readonly kind?: unknown }).kind : undefined
  return typeof kind === "string" ? kind : undefined
}

/**
 * Makes an upcaster from migrations, or a `MigrationError` when a chain has a gap or a repeat,
 * or an event migration names no kind ({@link makeUpcasterUnsafe} throws it).
 *
 * @category constructors
 * @since 0.1.0
 */
export const makeUpcaster = (migrations: ReadonlyArray<Migration> = []): Result.Result<Upcaster, MigrationError> => {
  try {
    return Result.succeed(makeUpcasterUnsafe(migrations))
  } catch (e) {
    return Result.fail(e instanceof MigrationError ? e : new MigrationError({ reason: `not a list of migrations: ${String(e)}` }))
  }
}

/**
 * {@link makeUpcaster} for migrations written in code; throws its `MigrationError`.
 *
 * @category constructors
 * @since 0.1.0
 */
export const makeUpcasterUnsafe = (migrations: ReadonlyArray<Migration> = []): Upcaster => {
  const chains = new Map<string, Map<number, Migration>>()
  for (const m of migrations) {
    if (m.type === "event" && m.kind === undefined) throw new MigrationError({ reason: "an event migration must name its kind" })
    if (m.type !== "event" && m.kind !== undefined) throw new MigrationError({ reason: `a ${m.type} migration cannot name a kind` })
    if (!Number.isInteger(m.from) || m.from < 1) throw new MigrationError({ reason: `migration "from" must be an integer >= 1, got ${m.from}` })
    const key = keyOf(m.type, m.kind)
    const chain = chains.get(key) ?? new Map<number, Migration>()
    if (chain.has(m.from)) throw new MigrationError({ reason: `two migrations of ${key} from version ${m.from}` })
    chain.set(m.from, m)
    chains.set(key, chain)
  }
  const current = new Map<string, number>()
  for (const [key, chain] of chains) {
    for (let v = 1; v <= chain.size; v++) {
      if (!chain.has(v)) throw new MigrationError({ reason: `migrations of ${key} have a gap: none from version ${v}` })
    }
    current.set(key, chain.size + 1)
  }
  const currentVersion = (type: StreamType, kind?: string): number => current.get(keyOf(type, kind)) ?? 1
  return {
    identity: chains.size === 0,
    currentVersion,
    upcast: (type, version, record) => {
      if (!Number.isInteger(version) || version < 1) return { ok: false, reason: `schema version ${String(version)} is not an integer >= 1` }
      let json = record
      let v = version
      for (;;) {
        const key = keyOf(type, kindOf(json))
        const target = current.get(key) ?? 1
        if (v === target) return { ok: true, record: json }
        if (v > target) return { ok: false, reason: `schema version ${v} of ${key} is newer than this library knows (${target})` }
        const m = chains.get(key)!.get(v)!
        try {
          json = m.up(json)
        } catch (e) {
          return { ok: false, reason: `migration of ${key} from version ${v} failed: ${e instanceof Error ? e.message : String(e)}` }
        }
        v++
      }
    }
  }
}
