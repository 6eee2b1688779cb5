/**
 * What the journal holds already, as the importers (`Acled`, `Plover`) compare with it: a stream's
 * latest revision and current record, given as a catalog of the journal or as a lookup by stream
 * (a database query, a cache). Importers create what is missing, correct what changed and leave
 * the rest alone.
 *
 * @since 0.2.0
 */
import type { StreamRef } from "../journal/Entry.js"
import type { AnyRecord } from "../model/Vocabulary.js"
import type { Catalog } from "../projection/Catalog.js"

/**
 * What the journal holds of a stream: its latest revision and its current record (absent when
 * the stream is retracted).
 *
 * @category models
 * @since 0.2.0
 */
export interface Existing {
  readonly revision: number
  readonly current?: AnyRecord
}

/**
 * What the journal holds already: a catalog, or a lookup by stream that answers `undefined` for
 * a stream it does not hold. A lookup that throws, or answers anything but `undefined` or an
 * `Existing`, fails the import with a typed error.
 *
 * @category models
 * @since 0.2.0
 */
export type ExistingOption = Catalog | ((stream: StreamRef) => Existing | undefined)
