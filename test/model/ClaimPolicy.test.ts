/**
 * Claim policies on their own, without a timeline: the attribution they read official claims
 * through, and their data-first and piped forms.
 */
import { pipe } from "effect"
import { describe, expect, it } from "vitest"
import * as ClaimPolicy from "../../src/model/ClaimPolicy.js"
import * as Count from "../../src/model/Count.js"
import { Record } from "../../src/index.js"
import type { CountClaims } from "../../src/model/Claim.js"

const claims = [
  { value: Count.exactUnsafe(14), citations: [{ source: "decree" }], claimant: "prosecutor" },
  { value: Count.betweenUnsafe(60, 70), citations: [{ source: "blog" }] },
  { value: Count.exactUnsafe(16), citations: [{ source: "court-ruling" }] }
] as unknown as CountClaims

const who = ClaimPolicy.attribution({
  actors: [Record.decodeUnsafe({ type: "actor", id: "prosecutor", kind: "state-body", name: "Prosecutor General's Office" })] as never,
  sources: [
    { type: "source", id: "decree", kind: "news" },
    { type: "source", id: "court-ruling", kind: "court" },
    { type: "source", id: "blog", kind: "social" }
  ] as never
})

describe("ClaimPolicy", () => {
  it("tells official claims by their claimant's kind or an official or court source", () => {
    expect(claims.map((c) => ClaimPolicy.isOfficial(c, who))).toEqual([true, false, true])
    expect(claims.map(ClaimPolicy.isOfficial(who))).toEqual([true, false, true])
    // Without an attribution nobody is known, so no claim is official.
    expect(ClaimPolicy.summarize(claims, "official").claims).toEqual([])
  })

  it("summarises by each policy, data first or piped", () => {
    expect(ClaimPolicy.summarize(claims, "official", who).count).toEqual(Count.envelope([Count.exactUnsafe(14), Count.exactUnsafe(16)]))
    expect(ClaimPolicy.summarize(claims, "lowest").claims).toEqual([claims[0]])
    expect(pipe(claims, ClaimPolicy.summarize("highest")).claims).toEqual([claims[1]])
    expect(pipe(claims, ClaimPolicy.summarize("official", who))).toEqual(ClaimPolicy.summarize(claims, "official", who))
    expect(Count.bounds(ClaimPolicy.summarize(claims, "envelope").count!)).toEqual({ low: 14, high: 70 })
  })
})
