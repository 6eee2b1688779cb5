/**
 * protest-chronicle: typed, immutable records of labour and protest events.
 *
 * @packageDocumentation
 */
export * from "./model/index.js"
export * as Journal from "./journal/index.js"
export * as Projection from "./projection/index.js"
export * as Chronicle from "./chronicle/index.js"
