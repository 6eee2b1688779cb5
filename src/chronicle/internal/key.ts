/**
 * Deterministic idempotency keys: the SHA-256 of a request's content in canonical JSON (object
 * keys sorted, `undefined` dropped), so that the same request always gets the same key, followed
 * by the revision of the stream the write was made after, so that the same request made later,
 * on a stream that has changed since, is a new write.
 */
import { createHash } from "node:crypto"

const sortKeys = (_key: string, value: unknown): unknown => {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value
  // Object.fromEntries defines keys as own data properties, "__proto__" included.
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}

/**
 * The idempotency key a chronicle gives a write when the caller gives none:
 * `chronicle:<operation>:<sha256 of the canonical JSON of the content>`.
 */
export const idempotencyKeyOf = (operation: string, content: unknown): string =>
  `chronicle:${operation}:${createHash("sha256").update(JSON.stringify(content, sortKeys) ?? "").digest("hex")}`

/**
 * The key of a write of `content` made when its stream was at revision `after` (0: no stream):
 * `chronicle:<operation>:<sha256>:after-<revision>`.
 */
export const keyAfter = (contentKey: string, after: number): string => `${contentKey}:after-${after}`
