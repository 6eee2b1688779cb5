/**
 * Projections: pure folds over journal entries (replayed, or taken as of a record time), and the
 * built-in ones such as the catalog.
 *
 * @module
 */
export * as Catalog from "./Catalog.js"
export * from "./Projection.js"
