/**
 * The ACLED mapping as Markdown tables, generated from `Mapping` and `Event.mappingOf` so that the
 * README cannot drift from the code: each built-in kind's default ACLED pair (what an export
 * writes), and which kind each ACLED pair imports as. A test compares the README with this output.
 *
 * @since 0.2.0
 */
import * as Mapping from "../model/Mapping.js"
import { candidatesFor } from "./acledKinds.js"

/**
 * Which kind each ACLED (event type, sub-event type) pair imports as, with the details set on
 * it; pairs that no kind gives are unmappable and reported per row.
 *
 * @category mappings
 * @since 0.2.0
 */
export const importTable = (): ReadonlyArray<{ readonly eventType: string; readonly subEventType: string; readonly kind: string; readonly details: string }> => {
  const out: Array<{ eventType: string; subEventType: string; kind: string; details: string }> = []
  for (const eventType of Mapping.acledEventTypes) {
    for (const subEventType of Mapping.acledSubEventTypes[eventType]) {
      const first = candidatesFor(eventType, subEventType)[0]
      if (first !== undefined) out.push({ eventType, subEventType, kind: first.kind, details: first.details })
    }
  }
  return out
}

/**
 * The README's ACLED tables, as Markdown: each built-in kind's default ACLED pair (export), then
 * the kind each ACLED pair imports as (import).
 *
 * @category mappings
 * @since 0.2.0
 */
export const mappingTable = (): string => {
  const exportLines = ["| Kind | ACLED event type | ACLED sub-event type |", "|---|---|---|"]
  for (const kind of Mapping.builtInKinds) {
    const acled = (Mapping.kindMappings[kind] as { readonly acled?: { readonly eventType: string; readonly subEventType: string } }).acled
    exportLines.push(acled === undefined ? `| ${kind} | — | not coded by ACLED |` : `| ${kind} | ${acled.eventType} | ${acled.subEventType} |`)
  }
  const importLines = ["| ACLED event type | ACLED sub-event type | Imported as (the first that gives the pair back) |", "|---|---|---|"]
  for (const eventType of Mapping.acledEventTypes) {
    for (const subEventType of Mapping.acledSubEventTypes[eventType]) {
      const tried = candidatesFor(eventType, subEventType).map((c) => `${c.kind}${c.details === "" ? "" : ` (${c.details})`}`)
      importLines.push(`| ${eventType} | ${subEventType} | ${tried.length === 0 ? "unmappable (reported)" : tried.join("; else ")} |`)
    }
  }
  return `${exportLines.join("\n")}\n\n${importLines.join("\n")}\n`
}
