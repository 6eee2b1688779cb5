/**
 * Ids the importers derive from names and keys: readable where they can be, with a hash where
 * folding a name to ASCII would lose letters, so that distinct names keep distinct ids and the
 * same name always gives the same id.
 *
 * @internal
 */
import { sha256 } from "@noble/hashes/sha2.js"
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js"

/** The first `length` hex digits of the SHA-256 of a string. */
export const shortHash = (s: string, length = 10): string => bytesToHex(sha256(utf8ToBytes(s))).slice(0, length)

/** A readable, valid id from a name: lower-case ASCII words, with a hash when letters were dropped. */
export const slug = (name: string): string => {
  const folded = name.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
  const base = folded.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 80)
  const lossy = base === "" || /[^\x00-\x7f]/.test(folded)
  return lossy ? `${base === "" ? "x" : base}-${shortHash(name.trim())}` : base
}

const ID_PART = /^[A-Za-z0-9][A-Za-z0-9._:~-]{0,149}$/u

/** A key kept as it is when it is already a valid id part (a source's own id), else its slug. */
export const keyPart = (key: string): string => (ID_PART.test(key) ? key : slug(key))
