/**
 * The streaming forms of the exports: an `Iterable<string>` of text pieces that can be walked any
 * number of times (each walk starts afresh and reads the input lazily), and the same pieces as an
 * Effect `Stream`. Joining the pieces gives exactly the text of the one-shot function.
 *
 * @internal
 */
import { Stream } from "effect"

/** An iterable that calls `make` afresh on every walk. */
export const reusable = <A>(make: () => Iterator<A>): Iterable<A> => ({ [Symbol.iterator]: make })

/** The pieces as a stream; each run of the stream walks them afresh. */
export const streamOf = (pieces: Iterable<string>): Stream.Stream<string> => Stream.suspend(() => Stream.fromIterable(pieces))

/** All the pieces joined. */
export const joined = (pieces: Iterable<string>): string => {
  let out = ""
  for (const piece of pieces) out += piece
  return out
}

/**
 * A JSON document written piece by piece: `shell` is the document with its one long list empty and
 * as its last key, `items` the list's items, each stringified on its own. The pieces join to what
 * `JSON.stringify` gives for the whole document (with `indent`, as with an indent of 2).
 */
export function* jsonDocument(shell: object, items: Iterable<unknown>, indent: boolean): Generator<string> {
  const text = indent ? JSON.stringify(shell, null, 2) : JSON.stringify(shell)
  const at = text.lastIndexOf("[]") + 1
  yield text.slice(0, at)
  let first = true
  for (const item of items) {
    const piece = indent ? JSON.stringify(item, null, 2).replace(/\n/gu, "\n    ") : JSON.stringify(item)
    yield `${first ? "" : ","}${indent ? "\n    " : ""}${piece}`
    first = false
  }
  yield `${indent && !first ? "\n  " : ""}${text.slice(at)}`
}
