/**
 * Reading what a command is given: a file, or standard input when the file is `-` (or left out
 * where the command allows it), as text at once or as a stream of byte chunks for large imports.
 * A missing or unreadable file is a usage error naming the path.
 */
import { Effect, Stream } from "effect"
import { isUtf8 } from "node:buffer"
import * as fs from "node:fs"
import { refused, usage } from "./failure.js"

/** Whether `path` names standard input. */
export const isStdin = (path: string | undefined): boolean => path === undefined || path === "-"

const describe = (path: string, error: unknown): string => {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  if (code === "ENOENT") return `no such file: ${path}`
  if (code === "EISDIR") return `${path} is a folder, not a file`
  if (code === "EACCES") return `cannot read ${path}: permission denied`
  return `cannot read ${path}: ${(error as Error | undefined)?.message ?? String(error)}`
}

/** The size of a file in bytes, or undefined for standard input. */
export const sizeOf = (path: string | undefined): number | undefined => {
  if (isStdin(path)) return undefined
  try {
    return fs.statSync(path!).size
  } catch {
    return undefined
  }
}

/** Checks that a file can be read before any work starts. */
export const checkReadable = (path: string | undefined) =>
  Effect.try({
    try: () => {
      if (isStdin(path)) return
      const stat = fs.statSync(path!)
      if (stat.isDirectory()) throw Object.assign(new Error("a folder"), { code: "EISDIR" })
      fs.accessSync(path!, fs.constants.R_OK)
    },
    catch: (error) => usage(describe(path!, error), "Give the path of an existing file, or - for standard input.")
  })

/** The number of the first line of `bytes` that is not UTF-8, or undefined when all of it is. */
export const firstBadLine = (bytes: Buffer): number | undefined => {
  if (isUtf8(bytes)) return undefined
  let line = 1
  for (let start = 0; start < bytes.length; line++) {
    const end = bytes.indexOf(10, start)
    const stop = end < 0 ? bytes.length : end + 1
    if (!isUtf8(bytes.subarray(start, stop))) return line
    start = stop
  }
  return line
}

/** The whole input as text; input that is not UTF-8 is refused with the line where it stops being so. */
export const readText = (path: string | undefined): Effect.Effect<string, ReturnType<typeof usage>> =>
  Effect.andThen(checkReadable(path), () =>
    Effect.flatMap(
      Effect.tryPromise({
        try: async () => {
          const parts: Array<Buffer> = []
          const stream = isStdin(path) ? process.stdin : fs.createReadStream(path!)
          for await (const chunk of stream) parts.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk)
          return Buffer.concat(parts)
        },
        catch: (error) => usage(describe(path ?? "standard input", error))
      }),
      (bytes) => {
        const bad = firstBadLine(bytes)
        return bad === undefined
          ? Effect.succeed(bytes.toString("utf8").replace(/^\uFEFF/, ""))
          : Effect.fail(refused(`line ${bad}: (record): is not UTF-8 text`, "Save the file as UTF-8 and run the command again; nothing was written."))
      }
    ))

/** The input as chunks of bytes (1 MiB at most each), reporting the bytes read so far to `onRead`. */
export const chunks = (path: string | undefined, onRead: (bytes: number) => void = () => {}): Stream.Stream<Uint8Array, ReturnType<typeof usage>> =>
  Stream.unwrap(Effect.as(checkReadable(path), Stream.suspend(() => {
    let read = 0
    const source = isStdin(path) ? process.stdin : fs.createReadStream(path!, { highWaterMark: 1 << 20 })
    return Stream.fromAsyncIterable(source as AsyncIterable<Buffer>, (error) => usage(describe(path ?? "standard input", error))).pipe(
      Stream.map((chunk) => {
        read += chunk.length
        onRead(read)
        return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length)
      })
    )
  })))
