// The public face of projections: pure folds over journal entries, and the catalog.
export * as Catalog from "./Catalog.js"
export * as Inference from "./Inference.js"
export * as LinkGraph from "./LinkGraph.js"
export * from "./Projection.js"
