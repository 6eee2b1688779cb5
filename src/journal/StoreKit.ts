/**
 * What a journal store needs from the journal, in one place: the file store (`protest-chronicle/file`)
 * and the PostgreSQL store (`protest-chronicle/postgres`) are written with it, and so would a new
 * store be. Not a public entry of the package: its shape may change with the stores.
 *
 * Two ways to write a store:
 *
 * - Give `makeJournal` a `Persistence` (the entries the store holds when opened, and a durable,
 *   all-or-nothing `append`); the journal keeps its index in memory and does the rest. The memory
 *   and file stores are built so.
 * - Or check revisions and keys where the entries are (a database): `validate` a request, build
 *   the committed entries with `entryOf` and their stored form with `storedBody` / `storedOf`, and
 *   read stored entries back with `decodeStored`, as the PostgreSQL store does.
 *
 * @since 0.1.0
 */
export { makeJournal } from "./internal/core.js"
export {
  type BodyToStore,
  type Checked,
  decodeStored,
  entryOf,
  freezeEntry,
  isStoredEntry,
  type JournalOptions,
  loadAll,
  type Persistence,
  type Placement,
  settingsOf,
  startOf,
  storedBody,
  storedBodyOf,
  storedOf,
  validate
} from "./internal/kit.js"
