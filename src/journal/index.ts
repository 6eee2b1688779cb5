/**
 * The journal: an append-only, event-sourced log of record revisions and retractions, with its
 * entries, errors, upcasting, and the memory store. The file store is in `protest-chronicle/file`,
 * the PostgreSQL store in `protest-chronicle/postgres`.
 *
 * @module
 */
export * from "./Entry.js"
export * from "./errors.js"
export * from "./Journal.js"
export * from "./Upcast.js"
