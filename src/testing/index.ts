/**
 * fast-check arbitraries and test helpers for protest-chronicle records, so that users can
 * property-test their own code on our records: `import { arbEvent } from "protest-chronicle/testing"`.
 *
 * @packageDocumentation
 */
export * from "./Count.js"
export * from "./JournalConformance.js"
export * from "./JournalImmutability.js"
export * from "./JournalModel.js"
export * from "./laws.js"
export * from "./laws-projection.js"
export * from "./Linkage.js"
export * from "./Mutations.js"
export * from "./Records.js"
export * from "./Timeline.js"
export * from "./When.js"
// Types the arbitraries mention, so that a consumer importing only this entry can name them.
export type { TimeZone } from "../model/TimeZone.js"
export type { When } from "../model/When.js"
export * from "./Hostile.js"
