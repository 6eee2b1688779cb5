/**
 * The parts `Mapping` builds its mappings from: a frozen mapping from a CAMEO code, a PLOVER type
 * and mode and an ACLED pair (either of the last two may be absent), CAMEO's four-digit protest
 * codes by the category of demands, and ACLED's reading of who used violence against whom.
 *
 * @internal
 */
import { type AcledSubEventType, cameoLabels, type PloverType } from "../Codebooks.js"
import type { DemandsFor, Mapping, Side } from "../Mapping.js"

export type KnownCameoCode = keyof typeof cameoLabels
export type Acled = NonNullable<Mapping["acled"]>

/** A mapping, frozen: mappings are shared constants, so no caller may change another's. */
export const mapping = (code: KnownCameoCode, plover: readonly [PloverType, string?] | undefined, acled: Acled | undefined): Mapping => {
  const m: { -readonly [K in keyof Mapping]: Mapping[K] } = { cameo: Object.freeze({ code, label: cameoLabels[code] }) }
  if (plover !== undefined) m.plover = Object.freeze(plover[1] === undefined ? { type: plover[0] } : { type: plover[0], mode: plover[1] })
  if (acled !== undefined) m.acled = Object.freeze({ ...acled })
  return Object.freeze(m)
}

/** "This standard does not code it." */
export const none = undefined

export const protests = (subEventType: AcledSubEventType<"Protests">): Acled => ({ eventType: "Protests", subEventType })
export const riots = (subEventType: AcledSubEventType<"Riots">): Acled => ({ eventType: "Riots", subEventType })
export const civilians = (subEventType: AcledSubEventType<"Violence against civilians">): Acled => ({
  eventType: "Violence against civilians",
  subEventType
})
export const strategic = (subEventType: AcledSubEventType<"Strategic developments">): Acled => ({
  eventType: "Strategic developments",
  subEventType
})

const demandDigit: { readonly [D in DemandsFor]: string } = {
  "leadership-change": "1",
  "policy-change": "2",
  rights: "3",
  "institutional-change": "4"
}

/** The four-digit CAMEO protest code for demands of that category, or the three-digit code. */
export const protestCode = (code: "141" | "142" | "143" | "144" | "145", demandsFor: DemandsFor | undefined): KnownCameoCode => {
  const digit = demandsFor === undefined || !Object.hasOwn(demandDigit, demandsFor) ? undefined : demandDigit[demandsFor]
  return (digit === undefined ? code : `${code}${digit}`) as KnownCameoCode
}

/** Means of force PLOVER 2.0 calls crowd control (ASSAULT `crowd-control`), firing in the air included. */
export const crowdControl: ReadonlySet<unknown> = new Set(["batons", "tear-gas", "stun-grenades", "water-cannon", "rubber-bullets", "warning-shots", "crowd-control"])

/** ACLED's event and sub-event type for violence, from its form and who used it against whom. */
export const acledOfViolence = (form: string, between: { readonly by: Side; readonly against: Side } | undefined, byMob: boolean): Acled => {
  const by = between?.by
  const against = between?.against
  if (form === "clashes" || ((by === "protesters" || by === "rioters") && against !== "civilians")) return riots("Violent demonstration")
  if (byMob || by === "rioters") return riots("Mob violence")
  if (by === "state-forces" && against === "protesters") return protests("Excessive force against protesters")
  if ((by === "state-forces" && against === "armed-group") || (by === "armed-group" && against === "state-forces")) {
    return { eventType: "Battles", subEventType: "Armed clash" }
  }
  return civilians("Attack")
}
