/**
 * Claim policies: how to summarise a contested count (every claim about the number killed, the
 * size of a crowd) into one answer. The record always keeps every claim; a policy only chooses
 * which claims a summary reports and the one count that covers them.
 *
 * Which claims are official depends on who made them, so the `official` policy reads an
 * {@link Attribution}: a way to look up actors and sources by id. Build one from records with
 * {@link attribution}, or take a timeline's with `Timeline.attribution`.
 *
 * The rule. "Official" means the state whose forces or courts the events concern: its government,
 * officials, police, military and courts. Every claim has a {@link ClaimantKind}:
 * - `state`: the claimant is an actor of kind `state-body`, `official`, `police`, `military` or
 *   `court` (and not one the attribution marks as `foreign`); or the claim names no claimant and
 *   cites a `court` or `official` source.
 * - `third-party`: the claimant is any other actor the attribution knows: an international
 *   organisation or a foreign parliament (the European Parliament on Kazakhstan), a foreign state's
 *   body (listed in `foreign`), an NGO, a union, a company, the media, a person. A named claimant
 *   decides, whatever the sources it is cited to: a foreign parliament's resolution is an
 *   official publication, but not the concerned state's word.
 * - `unattributed`: no claimant the attribution knows, and no court or official source.
 *
 * The `official` policy keeps the `state` claims only.
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
 * How to summarise a contested count: `all` keeps every claim; `official` keeps the claims of the
 * state concerned (claimant kind `state`, see {@link claimantKind}); `lowest` and `highest` keep the claim that allows the
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
  /**
   * Whether the actor with this id belongs to another state than the one the events concern (its
   * claims are then `third-party` whatever its kind). Absent: no actor is foreign.
   */
  readonly foreign?: (id: string) => boolean
}

/**
 * Who stands behind a claim, as the `official` policy reads it: the `state` whose forces or courts
 * the events concern, a `third-party` (anyone else who is named), or `unattributed`.
 *
 * @category models
 * @since 0.1.0
 */
export type ClaimantKind = "state" | "third-party" | "unattributed"

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
 * ones). Values that are not records are left out. `foreign` lists the actors of other states
 * than the one the events concern; an actor whose parent (or its parent, and so on) is listed is
 * foreign too.
 *
 * @category constructors
 * @since 0.1.0
 */
export const attribution = (records: {
  readonly actors?: Iterable<Actor>
  readonly sources?: Iterable<Source>
  readonly foreign?: Iterable<string>
}): Attribution => {
  const actor = lookup(isObject(records) ? records.actors : undefined)
  const source = lookup(isObject(records) ? records.sources : undefined)
  const listed = new Set<unknown>()
  const given = isObject(records) ? records.foreign : undefined
  if (isObject(given) && typeof (given as { [Symbol.iterator]?: unknown })[Symbol.iterator] === "function") {
    for (const id of given) listed.add(id)
  }
  if (listed.size === 0) return { actor, source }
  const foreign = (id: string): boolean => {
    const seen = new Set<string>()
    for (let at: string | undefined = id; at !== undefined && !seen.has(at); at = parentOf(actor(at))) {
      if (listed.has(at)) return true
      seen.add(at)
    }
    return false
  }
  return { actor, source, foreign }
}

const parentOf = (a: unknown): string | undefined => {
  if (!isObject(a)) return undefined
  const parent = a["parent"]
  return typeof parent === "string" ? parent : undefined
}

const nobody: Attribution = { actor: () => undefined, source: () => undefined }

const STATE_KINDS: ReadonlySet<unknown> = new Set(["state-body", "official", "police", "military", "court"])

const isClaim = (u: unknown): u is CountClaim => isObject(u) && Count.isCount(u["value"])

const kindIn = (find: unknown, id: unknown): unknown => {
  if (typeof find !== "function" || typeof id !== "string") return undefined
  const found: unknown = find(id)
  return isObject(found) ? found["kind"] : undefined
}

/**
 * The kind of a claim's claimant (see {@link ClaimantKind} and the rule in the module's
 * description): a named claimant the attribution knows decides; a claim without one is `state`
 * when it cites a `court` or `official` source, else `unattributed`. A value that is not a claim is
 * `unattributed`.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Claim, ClaimPolicy, Record } from "protest-chronicle"
 *
 * const [claim] = Schema.decodeUnknownSync(Claim.CountClaims)([
 *   { value: { kind: "exact", value: 17 }, citations: [{ source: "ep-resolution" }], claimant: "european-parliament" }
 * ])
 * const who = ClaimPolicy.attribution({
 *   actors: [Record.decodeUnsafe({ type: "actor", id: "european-parliament", kind: "international-organization", name: "European Parliament" })].filter(Record.isActor),
 *   sources: [Record.decodeUnsafe({ type: "source", id: "ep-resolution", outlet: "European Parliament", kind: "official" })].filter(Record.isSource)
 * })
 * ClaimPolicy.claimantKind(claim!, who) // "third-party": an official publication, but not the state concerned
 * ```
 *
 * @category predicates
 * @since 0.1.0
 */
export const claimantKind: {
  (attribution: Attribution): (claim: CountClaim) => ClaimantKind
  (claim: CountClaim, attribution: Attribution): ClaimantKind
} = Function.dual(2, (claim: CountClaim, attribution: Attribution): ClaimantKind => {
  if (!isObject(claim) || !isObject(attribution)) return "unattributed"
  const actorKind = kindIn(attribution.actor, claim.claimant)
  if (actorKind !== undefined) {
    const foreign = typeof attribution.foreign === "function" && typeof claim.claimant === "string" && attribution.foreign(claim.claimant) === true
    return STATE_KINDS.has(actorKind) && !foreign ? "state" : "third-party"
  }
  if (!Array.isArray(claim.citations)) return "unattributed"
  const cited = claim.citations.some((c) => {
    if (!isObject(c)) return false
    const kind = kindIn(attribution.source, c.source)
    return kind === "official" || kind === "court"
  })
  return cited ? "state" : "unattributed"
})

/**
 * Tells whether a claim is official: its {@link claimantKind} is `state`, the state whose forces or
 * courts the events concern. A value that is not a claim is not official, and neither is a claim
 * whose claimant and sources the attribution does not know.
 *
 * @category predicates
 * @since 0.1.0
 */
export const isOfficial: {
  (attribution: Attribution): (claim: CountClaim) => boolean
  (claim: CountClaim, attribution: Attribution): boolean
} = Function.dual(2, (claim: CountClaim, attribution: Attribution): boolean => claimantKind(claim, attribution) === "state")

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
