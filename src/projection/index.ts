// The public face of projections: pure folds over journal entries, and the catalog.
export * as Allen from "./Allen.js"
export * as Anniversary from "./Anniversary.js"
export * as Catalog from "./Catalog.js"
export * as Hierarchy from "./Hierarchy.js"
export * as Inference from "./Inference.js"
export * as LinkGraph from "./LinkGraph.js"
export * from "./Projection.js"
export * as Timeline from "./Timeline.js"
