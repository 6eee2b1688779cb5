/**
 * Decoding of values straight from `JSON.parse`, for the library's own readers (JSON Lines, the
 * journal file). Such values hold only plain objects, dense arrays and string keys, so their
 * guards skip the checks only other values can fail. Kept out of the public `Vocabulary` because
 * the shortcut is only sound for parsed JSON.
 */
import type { Result } from "effect"
import type { RecordDecodeError } from "../DecodeError.js"
import type { AnyRecord, Vocabulary } from "../Vocabulary.js"

type Decode = (parsed: unknown) => Result.Result<AnyRecord, RecordDecodeError>

const parsedDecoders = new WeakMap<Vocabulary, Decode>()

/** Registers the parsed-JSON decoder of a vocabulary (its `make` does this). */
export const registerParsedDecoder = (vocabulary: Vocabulary, decode: Decode): void => {
  parsedDecoders.set(vocabulary, decode)
}

/** Decodes a value straight from `JSON.parse` with `vocabulary` (its general decoder if it has no other). */
export const decodeParsed = (vocabulary: Vocabulary, parsed: unknown): Result.Result<AnyRecord, RecordDecodeError> =>
  (parsedDecoders.get(vocabulary) ?? vocabulary.decode)(parsed)
