/**
 * The PLOVER category and mode of a record → the kind of event that holds it, with the fields the
 * kind needs; the inverse of `Mapping` wherever a kind can hold the distinction (a test checks
 * that `Event.mappingOf` of every event built here gives back the category, and the mode where
 * the kind keeps it). Also the actor kind of a PLOVER sector code.
 *
 * @internal
 */
import type { PloverType } from "../../model/Codebooks.js"

/** What the kind table builds: the kind, its own fields, the participants' roles, and notes. */
export interface Built {
  readonly kind: string
  readonly fields: { readonly [key: string]: unknown }
  readonly actorRole: string
  readonly recipientRole: string
  readonly notes: ReadonlyArray<string>
}

/** What the kind table reads besides the category and mode. */
export interface KindContext {
  readonly actors: ReadonlyArray<{ readonly record: { readonly id: string } }>
  readonly recipients: ReadonlyArray<{ readonly record: { readonly id: string } }>
  readonly sizes: { readonly dead?: number | undefined; readonly injured?: number | undefined; readonly arrested?: number | undefined; readonly crowd?: number | undefined }
  readonly citations: ReadonlyArray<{ readonly source: string }>
  readonly text: string | undefined
}

const claims = (n: number | undefined, ctx: KindContext) =>
  n === undefined ? undefined : [{ value: { kind: "exact", value: n }, citations: ctx.citations, note: "As given in the PLOVER record's size." }]

const withCounts = (ctx: KindContext, names: { readonly dead?: string; readonly injured?: string; readonly crowd?: string }) => {
  const fields: { [key: string]: unknown } = {}
  const set = (name: string | undefined, n: number | undefined) => {
    const c = claims(n, ctx)
    if (name !== undefined && c !== undefined) fields[name] = c
  }
  set(names.dead, ctx.sizes.dead)
  set(names.injured, ctx.sizes.injured)
  set(names.crowd, ctx.sizes.crowd)
  return fields
}

const build = (kind: string, fields: Built["fields"], roles: readonly [string, string], notes: ReadonlyArray<string> = []): Built => ({
  kind,
  fields,
  actorRole: roles[0],
  recipientRole: roles[1],
  notes
})

const PARTICIPANT = ["participant", "target"] as const
const PERPETRATOR = ["perpetrator", "victim"] as const
const AUTHORITY = ["authority", "target"] as const

/** The kind for a PLOVER category and mode, or why none holds it. */
export const kindFor = (type: PloverType, mode: string | undefined, ctx: KindContext): Built | string => {
  const kept = mode === undefined ? [] : [`No ${type === "ASSAULT" ? "form of violence" : "kind"} of this library holds the PLOVER mode "${mode}"; it is kept here.`]
  const noKind = `PLOVER ${type}${mode === undefined ? "" : ` ${mode}`} has no kind in this library`
  switch (type) {
    case "PROTEST":
      switch (mode) {
        case undefined:
        case "demo":
          return build("rally", { form: "demonstration", ...withCounts(ctx, { crowd: "size" }) }, PARTICIPANT)
        case "obstruct":
          return build("rally", { form: "blockade", ...withCounts(ctx, { crowd: "size" }) }, PARTICIPANT)
        case "riot":
          return build("violence", { form: "clashes", ...withCounts(ctx, { dead: "killed", injured: "injured" }) }, PARTICIPANT)
        case "strike":
          return build("strike", withCounts(ctx, { crowd: "size" }), PARTICIPANT)
        case "hunger":
          return build("hunger-strike", withCounts(ctx, { crowd: "size" }), PARTICIPANT)
        default:
          return noKind
      }
    case "ASSAULT": {
      const counts = withCounts(ctx, { dead: "killed", injured: "injured" })
      switch (mode) {
        case "firearms":
          return build("violence", { form: "shooting", ...counts }, PERPETRATOR)
        case "beat":
          return build("violence", { form: "beating", ...counts }, PERPETRATOR)
        case "destroy":
          return build("violence", { form: "arson", ...counts }, PERPETRATOR)
        case "targeted":
          return build("violence", { form: "killing", targeted: true, ...counts }, PERPETRATOR)
        case "crowd-control":
          // PLOVER does not say which means (tear gas, water cannon, batons...).
          return build("dispersal", { force: ["crowd-control"], ...counts }, PERPETRATOR)
        default:
          return build("violence", { form: "other", ...counts }, PERPETRATOR, kept)
      }
    }
    case "COERCE":
      switch (mode) {
        case "arrest": {
          const detained = claims(ctx.sizes.arrested, ctx) ?? [{ value: { kind: "unknown", phrase: "not given" }, citations: ctx.citations }]
          return build("detention", { detained }, ["authority", "detainee"])
        }
        case "curfew":
          return build("emergency-measure", { measures: ["curfew"] }, AUTHORITY)
        case "martial-law":
          return build("emergency-measure", { measures: ["state-of-emergency"] }, AUTHORITY)
        case "restrict":
          return build("emergency-measure", { measures: ["ban"] }, AUTHORITY)
        case "withhold":
          return build("emergency-measure", { measures: ["internet-shutdown"] }, AUTHORITY)
        default:
          return build("emergency-measure", { measures: ["other"] }, AUTHORITY, kept)
      }
    case "MOBILIZE":
      if (mode === "police") return build("emergency-measure", { measures: ["deployment"] }, AUTHORITY)
      if (mode === "troops") return build("emergency-measure", { measures: ["military-deployment"] }, AUTHORITY)
      return noKind
    case "SANCTION":
      if (mode === "convict") return build("trial", { stage: "verdict" }, ["court", "defendant"])
      if (mode === "discontinue") return build("layoff", {}, ["employer", "target"])
      return noKind
    case "ACCUSE":
      if (mode === "allege") return build("trial", { stage: "charge" }, ["participant", "defendant"])
      if (mode === "investigate") return build("negotiation", { form: "inquiry" }, PARTICIPANT)
      if (mode === "disapprove") return statement("condemnation", ctx)
      return noKind
    case "REQUEST":
      return statement("appeal", ctx, kept)
    case "THREATEN":
      return statement("warning", ctx, kept)
    case "REJECT":
      return statement("denial", ctx, kept)
    case "AGREE":
      return statement("acknowledgement", ctx)
    case "CONCEDE":
      if (ctx.actors.length === 0) return "PLOVER CONCEDE needs an actor (the one who conceded)"
      return build("concession", { by: ctx.actors.map((a) => a.record.id), subject: "other", terms: [ctx.text ?? "The terms are not given in the PLOVER record."] }, PARTICIPANT)
    case "RETREAT":
      if (mode === "release") return build("release", { form: "release" }, AUTHORITY)
      return noKind
    case "CONSULT":
      return build("negotiation", { form: "negotiation" }, ["negotiator", "negotiator"], kept)
    default:
      return noKind
  }
}

const statement = (stance: string, ctx: KindContext, notes: ReadonlyArray<string> = []): Built | string => {
  const speaker = ctx.actors[0]?.record.id
  if (speaker === undefined) return "a PLOVER statement category needs an actor (the speaker)"
  return build("official-statement", { speaker, stance }, ["speaker", "target"], notes)
}

const sectorKinds: { readonly [sector: string]: string } = {
  COP: "police",
  MIL: "military",
  PRM: "military",
  GOV: "state-body",
  LEG: "state-body",
  SPY: "state-body",
  JUD: "court",
  PTY: "party",
  OPP: "party",
  JRN: "media",
  LAB: "workers",
  AGR: "workers",
  BUS: "company",
  CVL: "residents",
  SOC: "ngo",
  NGO: "ngo",
  IGO: "international-organization",
  UNO: "international-organization",
  EUR: "international-organization"
}

/** The actor kind of a PLOVER sector code (its first three letters), "other" when none fits. */
export const ploverActorKind = (sector: string | undefined): string =>
  sector === undefined ? "other" : sectorKinds[sector.slice(0, 3).toUpperCase()] ?? "other"
