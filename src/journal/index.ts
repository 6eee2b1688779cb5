// The public face of the journal.
export * from "./Entry.js"
export * from "./errors.js"
export * from "./Journal.js"
export * from "./Upcast.js"
export * from "./FileJournal.js"
