// ── THE DECLARATION-EMIT CHECK, TESTING ENTRY ALONE (ESM) ───────────────────────────────
// A test helper package that imports only `protest-chronicle/testing` and re-exports its
// arbitraries. Its types must be nameable through that entry alone: TypeScript does not look
// through the main entry's namespaces for them. Compiled on its own (tsconfig.declarations-testing.json),
// so that the main entry is not in the program. consumer-declarations-testing.cts is its twin.
import { arbCount, arbDispute, arbRecord, arbTimeZone, arbWhen, timeZoneSamples } from "protest-chronicle/testing"

export const arbitraryWhen = arbWhen
export const arbitraryTimeZone = arbTimeZone
export const zones = timeZoneSamples
export const arbitraryCount = arbCount
export const arbitraryDispute = arbDispute
export const arbitraryRecord = arbRecord
