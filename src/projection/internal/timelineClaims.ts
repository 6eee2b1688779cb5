/**
 * Contested counts summarised by a policy, with the timeline's actors and sources telling which
 * claims are official.
 *
 * @internal
 */
import { HashMap } from "effect"
import type { CountClaim, CountClaims } from "../../model/Claim.js"
import * as Count from "../../model/Count.js"
import { isObject } from "./readable.js"
import { stateOf, type Timeline } from "./timelineState.js"

/**
 * How to summarise a contested count: `all` keeps every claim; `official` keeps the claims made by
 * a state body (a claimant of kind `state-body`, `official`, `police`, `military` or `court`) or
 * cited to an `official` or `court` source; `lowest` and `highest` keep the claim that allows the
 * smallest (or largest) numbers; `envelope` reports one count from the lowest low to the highest
 * high of all claims.
 *
 * @category models
 * @since 0.1.0
 */
export type ClaimPolicy = "all" | "official" | "lowest" | "highest" | "envelope"

/**
 * What a policy reports: the claims it keeps (every claim is kept in the record either way), and
 * the single count that summarises them — the envelope of the kept claims — or `undefined` when
 * it keeps none (no official claim, or no claim at all).
 *
 * @category models
 * @since 0.1.0
 */
export interface ClaimSummary {
  readonly claims: ReadonlyArray<CountClaim>
  readonly count: Count.Count | undefined
}

const STATE_KINDS: ReadonlySet<unknown> = new Set(["state-body", "official", "police", "military", "court"])

const isClaim = (u: unknown): u is CountClaim => isObject(u) && Count.isCount(u["value"])

/**
 * Tells whether a claim is official: its claimant is a state body (by actor kind) or one of its
 * citations is an `official` or `court` source. A value that is not a claim is not official.
 *
 * @category queries
 * @since 0.1.0
 */
export const isOfficial = (timeline: Timeline, claim: CountClaim): boolean => {
  if (!isObject(claim)) return false
  const state = stateOf(timeline)
  if (typeof claim.claimant === "string") {
    const a = HashMap.get(state.actors, claim.claimant)
    if (a._tag === "Some" && isObject(a.value) && STATE_KINDS.has(a.value.kind)) return true
  }
  if (!Array.isArray(claim.citations)) return false
  return claim.citations.some((c) => {
    if (!isObject(c) || typeof c.source !== "string") return false
    const s = HashMap.get(state.sources, c.source)
    return s._tag === "Some" && isObject(s.value) && (s.value.kind === "official" || s.value.kind === "court")
  })
}

const lowest = (a: Count.Bounds, b: Count.Bounds) => a.low < b.low || (a.low === b.low && a.high < b.high)
const highest = (a: Count.Bounds, b: Count.Bounds) => a.high > b.high || (a.high === b.high && a.low > b.low)

const best = (claims: ReadonlyArray<CountClaim>, better: (a: Count.Bounds, b: Count.Bounds) => boolean): ReadonlyArray<CountClaim> => {
  let kept: CountClaim | undefined
  let keptBounds: Count.Bounds | undefined
  for (const c of claims) {
    const b = Count.bounds(c.value)
    if (keptBounds === undefined || better(b, keptBounds)) {
      kept = c
      keptBounds = b
    }
  }
  return kept === undefined ? [] : [kept]
}

/**
 * Summarises contested claims by a policy (see {@link ClaimPolicy}). Ties for `lowest` and
 * `highest` go to the claim listed first.
 *
 * Gotchas: it answers, rather than fails, for input outside its type: no claims (or a value that
 * is not a list) keep nothing, elements that are not claims (no `value` that is a `Count`) are
 * left out, and a policy other than the five keeps nothing — each with `count` undefined, the
 * answer a policy that keeps no claim gives.
 *
 * @category queries
 * @since 0.1.0
 */
export const summarize = (timeline: Timeline, claims: CountClaims, policy: ClaimPolicy): ClaimSummary => {
  const valid = Array.isArray(claims) ? (claims as ReadonlyArray<unknown>).filter(isClaim) : []
  const kept: ReadonlyArray<CountClaim> = (() => {
    switch (policy) {
      case "all":
      case "envelope":
        return valid
      case "official":
        return valid.filter((c) => isOfficial(timeline, c))
      case "lowest":
        return best(valid, lowest)
      case "highest":
        return best(valid, highest)
      default:
        return []
    }
  })()
  const count = kept.length === 0 ? undefined : kept.length === 1 ? kept[0]!.value : Count.envelope(kept.map((c) => c.value) as [Count.Count, ...Array<Count.Count>])
  return { claims: kept, count }
}
