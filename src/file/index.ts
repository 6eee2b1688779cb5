/**
 * protest-chronicle/file: the journal in one JSONL file (`layerFile`), the embedded default, with
 * its lock and its line format. Runs on Node (it uses `node:fs`); the root entry stays
 * platform-neutral.
 *
 * @packageDocumentation
 */
export * from "./FileJournal.js"
export { JournalLockedError } from "../journal/errors.js"
