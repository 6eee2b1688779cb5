/**
 * Fast decoding for the package's own readers (journal stores, JSON Lines readers): a validity
 * check compiled from a schema, and the decoder for values straight from `JSON.parse`. Sibling
 * folders use this module instead of reaching into `model/internal/`; it is not part of the
 * package's public entries.
 *
 * @since 0.1.0
 */
import type { Result, SchemaAST } from "effect"
import type { RecordDecodeError } from "./DecodeError.js"
import { compile } from "./internal/guard.js"
import { decodeParsed } from "./internal/parsed.js"
import type { AnyRecord, Vocabulary } from "./Vocabulary.js"

/**
 * A fast validity check compiled from a schema's AST, for schemas whose decoded value equals
 * their input (no transformations). It answers only "certainly valid": `false` means "ask the
 * schema", which then reports the issues (or, where the guard is stricter than the schema,
 * accepts). The decoders use it to skip Effect's general interpreter on the common, valid path;
 * a property test checks that it never accepts what the schema rejects.
 */
export type Guard = (input: unknown) => boolean

/**
 * A check compiled (once per schema) from a schema's AST that answers "certainly valid": `false`
 * means "ask the schema", which reports the issues. Only for schemas whose decoded value equals
 * their input (no transformations).
 */
export const guardOf = (schema: { readonly ast: SchemaAST.AST }): Guard => compile(schema.ast)

/**
 * Decodes a value straight from `JSON.parse` with `vocabulary`, skipping the checks only other
 * values can fail (class instances, sparse arrays, symbol keys). Unsound for any other value.
 */
export const decodeParsedJson = (vocabulary: Vocabulary, parsed: unknown): Result.Result<AnyRecord, RecordDecodeError> =>
  decodeParsed(vocabulary, parsed)
