/**
 * `JournalStoreError`s of the PostgreSQL store. The cause is kept, but as an `Error`: a driver
 * error that is not one (or not one in the caller's realm) is wrapped in an `Error` carrying its
 * message, with the original as its `cause`, so that the store error's message always reads.
 */
import { JournalStoreError } from "../../journal/errors.js"

const messageOf = (cause: unknown): string => {
  if (typeof cause === "object" && cause !== null) {
    const { _tag, message } = cause as { readonly _tag?: unknown; readonly message?: unknown }
    if (typeof message === "string" && message !== "") return message
    if (typeof _tag === "string") return _tag
  }
  try {
    return String(cause)
  } catch {
    return "unknown error"
  }
}

/** A store error of `method` with `cause`. */
export const storeError = (method: string) => (cause: unknown): JournalStoreError =>
  new JournalStoreError({ method, cause: cause instanceof Error ? cause : new Error(messageOf(cause), { cause }) })
