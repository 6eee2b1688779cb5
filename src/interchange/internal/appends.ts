/**
 * What importers share: the appends that bring a journal up to date with imported records. A
 * record the journal does not hold yet is created (`expected: "none"`); an imported event that
 * differs from the one held is corrected (`expected` its current revision, with a reason naming
 * the fields that changed); anything else is left alone. Actors, places and sources that exist
 * are never rewritten (an editor may have improved them), and each is planned once per import.
 * So importing the same file twice changes nothing, and a newer export becomes corrections.
 *
 * @internal
 */
import type { Append, StreamRef } from "../../journal/Entry.js"
import type { AnyRecord } from "../../model/Vocabulary.js"
import * as Catalog from "../../projection/Catalog.js"
import type { Existing, ExistingOption, Planned } from "../Existing.js"


/** Thrown by a lookup when the caller's throws or answers with something else; importers turn it into their typed error. */
export class LookupFailed extends Error {
  constructor(readonly stream: StreamRef, readonly reason: string) {
    super(reason)
  }
}

/** A lookup from the `existing` option (nothing exists when it is absent or not one). */
export const lookupOf = (existing: ExistingOption | undefined): ((stream: StreamRef) => Existing | undefined) => {
  if (typeof existing === "function") {
    return (stream) => {
      let found: unknown
      try {
        found = existing(stream)
      } catch (e) {
        throw new LookupFailed(stream, `the existing lookup threw: ${e instanceof Error ? e.message : String(e)}`)
      }
      if (found === undefined || found === null) return undefined
      if (typeof found === "object" && Number.isSafeInteger((found as Existing).revision) && (found as Existing).revision >= 1) return found as Existing
      throw new LookupFailed(stream, "the existing lookup answered with something that is not { revision, current? }")
    }
  }
  if (!Catalog.isCatalog(existing)) return () => undefined
  return (stream) => {
    const item = Catalog.get(existing, stream)
    return item === undefined ? undefined : { revision: item.history.length, ...(item.current === undefined ? {} : { current: item.current }) }
  }
}

/**
 * A planner for one import: `plan` turns records (sources, places and actors before the events
 * that name them) into appends. `format` names the source format in correction reasons.
 */
export const makePlanner = (existing: ExistingOption | undefined, format: string) => {
  const lookup = lookupOf(existing)
  const seen = new Set<string>()
  return (records: ReadonlyArray<AnyRecord>): Planned => {
    const appends: Array<Append> = []
    const retracted: Array<StreamRef> = []
    let created = 0
    let corrected = 0
    let unchanged = 0
    for (const record of records) {
      const stream = { type: record.type, id: record.id } as StreamRef
      if (record.type !== "event") {
        const key = `${record.type}/${record.id}`
        if (seen.has(key)) continue
        seen.add(key)
      }
      const found = lookup(stream)
      if (found === undefined) {
        appends.push({ _tag: "revision", record, expected: "none" })
        created++
      } else if (found.current === undefined) retracted.push(stream)
      else if (record.type !== "event" || sameJson(found.current, record)) unchanged++
      else {
        const changed = changedFields(found.current, record).join(", ")
        appends.push({ _tag: "revision", record, expected: found.revision, reason: `${format} updated ${record.id}: ${changed}` })
        corrected++
      }
    }
    return { appends, retracted, created, corrected, unchanged }
  }
}

/** True for UTF-8 input bytes from any realm (a frame's or a VM context's would fail `instanceof`). */
export const isBytes = (u: unknown): u is Uint8Array => ArrayBuffer.isView(u) && Object.prototype.toString.call(u) === "[object Uint8Array]"

/** Structural equality of two JSON values (key order ignored, undefined members ignored). */
export const sameJson = (a: unknown, b: unknown): boolean => {
  if (a === b) return true
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a)) {
    const bs = b as ReadonlyArray<unknown>
    return a.length === bs.length && a.every((x, i) => sameJson(x, bs[i]))
  }
  const ka = definedKeys(a)
  const kb = definedKeys(b)
  return ka.length === kb.length && ka.every((k) => sameJson((a as Fields)[k], (b as Fields)[k]))
}

type Fields = { readonly [key: string]: unknown }

const definedKeys = (o: object): Array<string> => Object.keys(o).filter((k) => (o as Fields)[k] !== undefined)

/** The top-level fields in which two records differ, sorted. */
export const changedFields = (before: AnyRecord, after: AnyRecord): Array<string> => {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)])
  return [...keys].filter((k) => !sameJson((before as unknown as Fields)[k], (after as unknown as Fields)[k])).sort()
}
