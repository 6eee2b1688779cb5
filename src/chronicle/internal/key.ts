/**
 * Deterministic idempotency keys: the SHA-256 of a request's content in canonical JSON (object
 * keys sorted, `undefined` dropped), so that the same request always gets the same key, followed
 * by the revision of the stream the write was made after, so that the same request made later,
 * on a stream that has changed since, is a new write. The hash is `@noble/hashes`' SHA-256, which
 * runs in any JavaScript runtime (the digests equal those of `node:crypto`, which journals written
 * before hold).
 */
import { sha256 } from "@noble/hashes/sha2.js"
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js"

/**
 * Canonical JSON: object keys sorted, `undefined`, functions and symbols left out as JSON does.
 * It never throws: a bigint is written as a string with an `n`, a repeated object (a cycle) as
 * `"[cycle]"`, and a value that cannot be read as `"[unreadable]"`.
 */
const canonical = (value: unknown, ancestors: Set<object> = new Set()): string | undefined => {
  try {
    if (typeof value === "bigint") return JSON.stringify(`${value}n`)
    if (value === null || typeof value !== "object") {
      return typeof value === "function" || typeof value === "symbol" ? undefined : JSON.stringify(value) ?? undefined
    }
    if (ancestors.has(value)) return JSON.stringify("[cycle]")
    ancestors.add(value)
    let out: string
    if (Array.isArray(value)) out = `[${Array.from(value, (v) => canonical(v, ancestors) ?? "null").join(",")}]`
    else {
      const fields = Object.keys(value).sort().flatMap((k) => {
        const v = canonical((value as Record<string, unknown>)[k], ancestors)
        return v === undefined ? [] : [`${JSON.stringify(k)}:${v}`]
      })
      out = `{${fields.join(",")}}`
    }
    ancestors.delete(value)
    return out
  } catch {
    return JSON.stringify("[unreadable]")
  }
}

/**
 * The idempotency key a chronicle gives a write when the caller gives none:
 * `chronicle:<operation>:<sha256 of the canonical JSON of the content>`.
 */
export const idempotencyKeyOf = (operation: string, content: unknown): string =>
  `chronicle:${typeof operation === "string" ? operation : "?"}:${bytesToHex(sha256(utf8ToBytes(canonical(content) ?? "")))}`

/**
 * The key of a write of `content` made when its stream was at revision `after` (0: no stream):
 * `chronicle:<operation>:<sha256>:after-<revision>`.
 */
export const keyAfter = (contentKey: string, after: number): string => `${contentKey}:after-${after}`
