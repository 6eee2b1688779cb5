/**
 * The chronicle: the facade for applications — record, correct, retract and link with one call
 * each, read the catalog now or as of a record time, keep projections live — with Effect or with
 * promises.
 *
 * @module
 */
export * from "./Chronicle.js"
export * from "./Client.js"
