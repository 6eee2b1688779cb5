/**
 * The journal: an append-only, event-sourced log of record revisions and retractions, with its
 * entries, errors, upcasting, and the memory and file stores.
 *
 * @module
 */
export * from "./Entry.js"
export * from "./errors.js"
export * from "./Journal.js"
export * from "./Upcast.js"
export * from "./FileJournal.js"
