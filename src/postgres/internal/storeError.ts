/**
 * `JournalStoreError`s of the PostgreSQL store, and what kind of failure a driver error is.
 *
 * The driver's own message says little ("PgConnection: The server reported an error"); the
 * server's reason and SQLSTATE sit in the error's cause. A store error's cause is therefore an
 * `Error` whose message holds the server's reason (cut to a readable length, on one line), with
 * the driver's error kept as its `cause`.
 */
import { JournalStoreError } from "../../journal/errors.js"

/** The longest piece of a server's or driver's message a store error repeats. */
const MAX_PART = 200

/**
 * One line, cut to `max` characters: server messages may quote whole values back (a detail
 * such as `Key (idempotency_key)=(…) already exists` repeats the key).
 */
export const oneLine = (text: string, max = MAX_PART): string => {
  const flat = text.replace(/\s+/g, " ").trim()
  return flat.length <= max ? flat : `${flat.slice(0, max)}… (${flat.length} characters)`
}

interface ServerFields {
  readonly message?: unknown
  readonly code?: unknown
  readonly detail?: unknown
}

const field = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined)

const reasonOf = (error: unknown): { readonly _tag?: unknown; readonly message?: unknown; readonly cause?: unknown } | undefined => {
  if (typeof error !== "object" || error === null) return undefined
  const reason = (error as { readonly reason?: unknown }).reason
  return typeof reason === "object" && reason !== null ? reason : undefined
}

/** The SQLSTATE a driver error carries (from the server), if any. */
export const sqlStateOf = (error: unknown): string | undefined => {
  const cause = reasonOf(error)?.cause
  return typeof cause === "object" && cause !== null ? field((cause as ServerFields).code) : undefined
}

/** What a driver error says, the server's own reason and SQLSTATE first. */
export const describe = (error: unknown): string => {
  const reason = reasonOf(error)
  const cause = reason?.cause
  const server = typeof cause === "object" && cause !== null ? (cause as ServerFields) : undefined
  const parts: Array<string> = []
  const serverMessage = field(server?.message)
  const code = field(server?.code)
  const driverMessage = field(reason?.message) ?? (error instanceof Error ? field(error.message) : undefined)
  if (serverMessage !== undefined) {
    parts.push(code === undefined ? serverMessage : `${serverMessage} (SQLSTATE ${code})`)
    const detail = field(server?.detail)
    if (detail !== undefined) parts.push(oneLine(detail, 100))
  } else {
    if (driverMessage !== undefined) parts.push(driverMessage)
    else if (typeof reason?._tag === "string") parts.push(reason._tag)
    else parts.push(safeString(error))
  }
  return parts.map((part) => oneLine(part)).join("; ")
}

const safeString = (value: unknown): string => {
  try {
    return String(value)
  } catch {
    return "unknown error"
  }
}

/**
 * True when a driver error means the connection is gone or the server cannot take it now: a
 * socket error, SQLSTATE class 08 (connection exception), 57P01–57P03 (the server terminated the
 * session, is shutting down or starting), or 53300 (too many connections). Retrying such a
 * failure on a new connection may succeed; retrying any other failure would repeat it.
 */
export const isConnectionLoss = (error: unknown): boolean => {
  const tag = reasonOf(error)?._tag
  if (typeof tag === "string" && tag.endsWith("ConnectionError")) return true
  const code = sqlStateOf(error)
  return code !== undefined && (code.startsWith("08") || code === "57P01" || code === "57P02" || code === "57P03" || code === "53300")
}

/** A store error of `method`, its message carrying the server's reason. */
export const storeError = (method: string) => (cause: unknown): JournalStoreError =>
  new JournalStoreError({ method, cause: new Error(describe(cause), { cause }) })
