/**
 * Claim policies: how to summarise a contested count (every claim about the number killed, the
 * size of a crowd) into one answer. The record always keeps every claim; a policy only chooses
 * which claims a summary reports and the one count that covers them.
 *
 * Which claims are official depends on who made them and on what they cite, so the `official`
 * policy reads an {@link Attribution}: a way to look up actors and sources by id. Build one from
 * records with {@link attribution}, or take a timeline's with `Timeline.attribution`.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Claim, ClaimPolicy, Count } from "protest-chronicle"
 *
 * const killed = Schema.decodeUnknownSync(Claim.CountClaims)([
 *   { value: { kind: "exact", value: 14 }, citations: [{ source: "court-ruling" }] },
 *   { value: { kind: "between", low: 60, high: 70 }, citations: [{ source: "rights-report" }] }
 * ])
 * const { count } = ClaimPolicy.summarize(killed, "envelope") // from the lowest low to the highest high
 * console.log(count === undefined ? "no claim kept" : Count.format(count)) // "14–70"
 * ```
 *
 * @since 0.1.0
 *
 * @module
 */
import { Function } from "effect"
import type { Actor } from "./Actor.js"
import type { CountClaim, CountClaims } from "./Claim.js"
import * as Count from "./Count.js"
import type { Source } from "./Source.js"

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

/**
 * The actors and sources a policy may look up by id to tell official claims from others.
 *
 * @category models
 * @since 0.1.0
 */
export interface Attribution {
  /** The actor with this id (its kind is what the `official` policy reads), or undefined. */
  readonly actor: (id: string) => Pick<Actor, "kind"> | undefined
  /** The source with this id (its kind is what the `official` policy reads), or undefined. */
  readonly source: (id: string) => Pick<Source, "kind"> | undefined
}

const isObject = (u: unknown): u is { readonly [key: string]: unknown } => typeof u === "object" && u !== null

const lookup = <A>(records: Iterable<A> | undefined): ((id: string) => A | undefined) => {
  const byId = new Map<unknown, A>()
  if (isObject(records) && typeof (records as { [Symbol.iterator]?: unknown })[Symbol.iterator] === "function") {
    for (const r of records) if (isObject(r)) byId.set(r["id"], r)
  }
  return (id) => byId.get(id)
}

/**
 * An attribution from actor and source records (later records with the same id replace earlier
 * ones). Values that are not records are left out.
 *
 * @category constructors
 * @since 0.1.0
 */
export const attribution = (records: { readonly actors?: Iterable<Actor>; readonly sources?: Iterable<Source> }): Attribution => ({
  actor: lookup(isObject(records) ? records.actors : undefined),
  source: lookup(isObject(records) ? records.sources : undefined)
})

const nobody: Attribution = { actor: () => undefined, source: () => undefined }

const STATE_KINDS: ReadonlySet<unknown> = new Set(["state-body", "official", "police", "military", "court"])

const isClaim = (u: unknown): u is CountClaim => isObject(u) && Count.isCount(u["value"])

const kindIn = (find: unknown, id: unknown): unknown => {
  if (typeof find !== "function" || typeof id !== "string") return undefined
  const found: unknown = find(id)
  return isObject(found) ? found["kind"] : undefined
}

/**
 * Tells whether a claim is official: its claimant is a state body (by actor kind) or one of its
 * citations is an `official` or `court` source. A value that is not a claim is not official, and
 * neither is a claim whose claimant and sources the attribution does not know.
 *
 * @category predicates
 * @since 0.1.0
 */
export const isOfficial: {
  (attribution: Attribution): (claim: CountClaim) => boolean
  (claim: CountClaim, attribution: Attribution): boolean
} = Function.dual(2, (claim: CountClaim, attribution: Attribution): boolean => {
  if (!isObject(claim) || !isObject(attribution)) return false
  if (STATE_KINDS.has(kindIn(attribution.actor, claim.claimant))) return true
  if (!Array.isArray(claim.citations)) return false
  return claim.citations.some((c) => {
    if (!isObject(c)) return false
    const kind = kindIn(attribution.source, c.source)
    return kind === "official" || kind === "court"
  })
})

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

const summarizeWith = (claims: CountClaims, policy: ClaimPolicy, who: Attribution = nobody): ClaimSummary => {
  const valid = Array.isArray(claims) ? (claims as ReadonlyArray<unknown>).filter(isClaim) : []
  const kept: ReadonlyArray<CountClaim> = (() => {
    switch (policy) {
      case "all":
      case "envelope":
        return valid
      case "official":
        return valid.filter((c) => isOfficial(c, who))
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

/**
 * Summarises contested claims by a policy (see {@link ClaimPolicy}). Ties for `lowest` and
 * `highest` go to the claim listed first. The `official` policy needs an attribution (without
 * one no claim is official); the others ignore it.
 *
 * Gotchas: it answers, rather than fails, for input outside its type: no claims (or a value that
 * is not a list) keep nothing, elements that are not claims (no `value` that is a `Count`) are
 * left out, and a policy other than the five keeps nothing — each with `count` undefined, the
 * answer a policy that keeps no claim gives.
 *
 * @example
 * ```ts
 * import { pipe, Schema } from "effect"
 * import { Claim, ClaimPolicy, Record } from "protest-chronicle"
 *
 * const killed = Schema.decodeUnknownSync(Claim.CountClaims)([
 *   { value: { kind: "exact", value: 14 }, citations: [{ source: "court-ruling" }], claimant: "court" },
 *   { value: { kind: "between", low: 60, high: 70 }, citations: [{ source: "rights-report" }] }
 * ])
 * const court = Record.decodeUnsafe({ type: "actor", id: "court", kind: "court", name: "Regional court" })
 * const who = ClaimPolicy.attribution({ actors: [court].filter(Record.isActor) })
 * ClaimPolicy.summarize(killed, "official", who).claims.length // 1: the court's
 * pipe(killed, ClaimPolicy.summarize("lowest")) // data last, in a pipe
 * // A timeline gives the attribution of the records it holds: Projection.Timeline.attribution(timeline)
 * ```
 *
 * @category combinators
 * @since 0.1.0
 */
export const summarize: {
  (policy: ClaimPolicy, attribution?: Attribution): (claims: CountClaims) => ClaimSummary
  (claims: CountClaims, policy: ClaimPolicy, attribution?: Attribution): ClaimSummary
} = Function.dual((args) => typeof args[0] !== "string", summarizeWith)
