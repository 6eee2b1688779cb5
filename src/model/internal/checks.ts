import { Result, Schema } from "effect"
import * as When from "../When.js"

/**
 * A struct check: the optional EDTF value at `fromKey` must not certainly lie after the one at
 * `toKey` (compared by bounds in UTC, which is enough to catch a term that ends before it starts).
 */
export const whenNotAfter = <K extends string, L extends string>(fromKey: K, toKey: L) =>
  Schema.makeFilter((o: { readonly [k in K | L]?: When.When }) => {
    const from = o[fromKey]
    const to = o[toKey]
    if (from === undefined || to === undefined) return undefined
    const a = When.bounds(from, "UTC")
    const b = When.bounds(to, "UTC")
    // A bad date is reported by its own field's check.
    if (Result.isFailure(a) || Result.isFailure(b)) return undefined
    return a.success.earliest <= b.success.latest || { path: [toKey], issue: `"${to}" ends before "${from}" begins` }
  })
