/**
 * The file store's I/O, all asynchronous (libuv's thread pool does the waiting, so the event loop
 * keeps running during writes and fsyncs), and its errors told in the user's terms.
 */
import * as fs from "node:fs"
import * as nodePath from "node:path"
import { promisify } from "node:util"
import { errorCode } from "./lock.js"

const write = promisify(fs.write)
const read = promisify(fs.read)
export const fdatasync = promisify(fs.fdatasync)
export const fsync = promisify(fs.fsync)
export const ftruncate = promisify(fs.ftruncate)
export const close = promisify(fs.close)
const open = promisify(fs.open)

/** Writes all of `bytes` at `position`, going on after short writes (the next write then says why). */
export const writeAll = async (fd: number, bytes: Uint8Array, position: number): Promise<void> => {
  for (let done = 0; done < bytes.length;) {
    const { bytesWritten } = await write(fd, bytes, done, bytes.length - done, position + done)
    if (bytesWritten === 0) throw new Error(`short write: ${done} of ${bytes.length} bytes`)
    done += bytesWritten
  }
}

/** Reads exactly `length` bytes at `position`, going on after short reads. */
export const readExactly = async (fd: number, length: number, position: number): Promise<Buffer> => {
  const bytes = Buffer.allocUnsafe(length)
  for (let done = 0; done < length;) {
    const { bytesRead } = await read(fd, bytes, done, length - done, position + done)
    if (bytesRead === 0) throw new Error(`the journal ended at byte ${position + done}, before the ${length} bytes asked for at ${position}`)
    done += bytesRead
  }
  return bytes
}

/** Fsyncs the folder holding `file`, so that a file created in it survives a crash. */
export const fsyncFolder = async (file: string): Promise<void> => {
  const dir = await open(nodePath.dirname(file), "r")
  try {
    await fsync(dir)
  } finally {
    await close(dir)
  }
}

/** The name `copyAside` gives damaged bytes: `<path>.damaged`, or `<path>.damaged-2`, … when taken. */
export const asideName = async (path: string): Promise<string> => {
  let target = `${path}.damaged`
  for (let n = 2; await exists(target); n++) target = `${path}.damaged-${n}`
  return target
}

const exists = (file: string): Promise<boolean> =>
  fs.promises.lstat(file).then(() => true, (e: unknown) => {
    if (errorCode(e) === "ENOENT") return false
    throw e
  })

/**
 * Copies the bytes `[from, to)` of `fd` into the new file `target` (which must not exist: nothing
 * is overwritten), then fsyncs it and its folder.
 */
export const copyAside = async (fd: number, from: number, to: number, target: string): Promise<void> => {
  const handle = await fs.promises.open(target, "wx", 0o644)
  try {
    const chunk = Buffer.allocUnsafe(Math.min(8 * 1024 * 1024, Math.max(1, to - from)))
    for (let at = from; at < to;) {
      const { bytesRead } = await read(fd, chunk, 0, Math.min(chunk.length, to - at), at)
      if (bytesRead === 0) throw new Error(`the journal ended at byte ${at} while its damaged part was copied to ${target}`)
      await writeAll(handle.fd, chunk.subarray(0, bytesRead), at - from)
      at += bytesRead
    }
    await handle.sync()
  } finally {
    await handle.close()
  }
  await fsyncFolder(target)
}

/**
 * Checks that `path` can name a journal file before anything is created: its folder exists and
 * is a folder, and the path itself is missing or a regular file (not a folder, and not a device or
 * pipe, whose open could hang). Rejects with an error in the user's terms.
 */
export const checkJournalPath = async (path: string): Promise<void> => {
  const folder = nodePath.dirname(nodePath.resolve(path))
  let info: fs.Stats
  try {
    info = await fs.promises.stat(folder)
  } catch (e) {
    throw explain(e, path)
  }
  if (!info.isDirectory()) throw new Error(`${folder} is not a folder, so it cannot hold the journal ${path}`)
  try {
    info = await fs.promises.stat(path)
  } catch (e) {
    if (errorCode(e) === "ENOENT") return // created on open
    throw explain(e, path)
  }
  if (info.isDirectory()) throw new Error(`${path} is a folder: give the path of a journal file, such as ${nodePath.join(path, "journal.jsonl")}`)
  if (!info.isFile()) throw new Error(`${path} is not a regular file (a device, pipe or socket), so it cannot hold a journal`)
}

/**
 * An I/O error of the store at `path`, told in the user's terms: what happened, to which file or
 * folder, and what to do. The original error is kept as the cause.
 */
export const explain = (error: unknown, path: string): unknown => {
  const folder = nodePath.dirname(nodePath.resolve(path))
  const message = ((): string | undefined => {
    switch (errorCode(error)) {
      case "ENOENT":
        return `the folder ${folder} does not exist: create it first (the journal file itself is created when missing)`
      case "ENOTDIR":
        return `a part of the path ${path} is a file, not a folder`
      case "EISDIR":
        return `${path} is a folder: give the path of a journal file, such as ${nodePath.join(path, "journal.jsonl")}`
      case "EACCES":
      case "EPERM":
        return `permission denied: this process may not read and write ${path}, or create files in ${folder}`
      case "EROFS":
        return `${folder} is on a read-only file system`
      case "ENOSPC":
        return `the disk holding ${path} is full: free some space and try again`
      case "EDQUOT":
        return `the disk quota for ${path} is used up: free some space and try again`
      case "EFBIG":
        return `${path} has reached the largest file size this process may write (a file size limit)`
      case "EMFILE":
      case "ENFILE":
        return "too many files are open in this process or system: close some and try again"
      case "EIO":
        return `the disk reported an I/O error on ${path}: check the disk, then the journal (restore it from a backup if it is damaged)`
      default:
        return undefined
    }
  })()
  return message === undefined ? error : new Error(message, { cause: error })
}
