/**
 * Interchange: the library's records in and out of the formats researchers and newsrooms already
 * use. Pure functions, no file system and no Node built-in, so the entry runs in browsers, Deno,
 * Bun and edge runtimes like the root entry; each export also has a streaming form (an
 * `Iterable<string>` of pieces and an Effect `Stream`) for large inputs.
 *
 * - `Acled`: ACLED CSV exports in (the appends that bring a journal up to date with them) and out.
 * - `Existing`: what a journal holds already, and `plan`: imported records planned against it later,
 *   a batch at a time.
 * - `TimelineJs`: a timeline as Knight Lab TimelineJS 3 JSON.
 * - `GeoJson`: a timeline's events as an RFC 7946 FeatureCollection of points.
 * - `Mermaid`: the link graph as a Mermaid flowchart.
 * - `Dot`: the link graph as Graphviz DOT.
 * - `Plover`: PLOVER JSON Lines in, as the journal appends that import them.
 * - `TimelinePage`: a chronicle as one self-contained HTML page (chart, panel, table, record-time slider).
 *
 * @packageDocumentation
 */
export * as Acled from "./Acled.js"
export * as Dot from "./Dot.js"
export * as Existing from "./Existing.js"
export * as GeoJson from "./GeoJson.js"
export * as Mermaid from "./Mermaid.js"
export * as Plover from "./Plover.js"
export * as TimelineJs from "./TimelineJs.js"
export * as TimelinePage from "./TimelinePage.js"
