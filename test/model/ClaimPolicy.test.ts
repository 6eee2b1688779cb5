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

describe("ClaimPolicy claimant kinds", () => {
  const ep = Record.decodeUnsafe({ type: "actor", id: "ep", kind: "international-organization", name: "European Parliament" })
  const ministry = Record.decodeUnsafe({ type: "actor", id: "other-ministry", kind: "state-body", name: "A foreign ministry", parent: "other-state" })
  const otherState = Record.decodeUnsafe({ type: "actor", id: "other-state", kind: "state-body", name: "Another state" })
  const sources = [
    { type: "source", id: "resolution", kind: "official" },
    { type: "source", id: "court-ruling", kind: "court" },
    { type: "source", id: "blog", kind: "social" }
  ] as never
  const attr = ClaimPolicy.attribution({ actors: [ep, ministry, otherState] as never, sources, foreign: ["other-state"] })
  const claim = (claimant: string | undefined, source: string) =>
    ({ value: Count.exactUnsafe(17), citations: [{ source }], ...(claimant === undefined ? {} : { claimant }) }) as unknown as CountClaims[number]

  it("a named claimant decides: a foreign parliament's official resolution is a third party's word", () => {
    expect(ClaimPolicy.claimantKind(claim("ep", "resolution"), attr)).toBe("third-party")
    expect(ClaimPolicy.isOfficial(claim("ep", "resolution"), attr)).toBe(false)
  })

  it("a body of another state is a third party, through its parents too", () => {
    expect(ClaimPolicy.claimantKind(claim("other-ministry", "blog"), attr)).toBe("third-party")
    expect(ClaimPolicy.claimantKind(claim("other-state", "blog"), attr)).toBe("third-party")
  })

  it("without a claimant, a court or official source makes the claim the state's; else it is unattributed", () => {
    expect(ClaimPolicy.claimantKind(claim(undefined, "court-ruling"), attr)).toBe("state")
    expect(ClaimPolicy.claimantKind(claim(undefined, "blog"), attr)).toBe("unattributed")
    expect(pipe(claim(undefined, "blog"), ClaimPolicy.claimantKind(attr))).toBe("unattributed")
    expect(ClaimPolicy.claimantKind(null as never, attr)).toBe("unattributed")
  })
})
