/**
 * Projections: pure folds over journal entries (replayed, or taken as of a record time), and the
 * built-in ones: the catalog, the timeline and its calendar, the link graph; hierarchies and link
 * inference.
 *
 * @module
 */
export * as Calendar from "./Calendar.js"
export * as Catalog from "./Catalog.js"
export * as Hierarchy from "./Hierarchy.js"
export * as Inference from "./Inference.js"
export * as LinkGraph from "./LinkGraph.js"
export * from "./Projection.js"
export * as Timeline from "./Timeline.js"
