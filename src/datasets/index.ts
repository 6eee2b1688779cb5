/**
 * Datasets that ship with the library, as typed records in their encoded (JSON) form, ready for
 * `Record.decode` or a chronicle: `import { zhanaozen } from "protest-chronicle/datasets"`.
 *
 * @module
 */
export * as zhanaozen from "./zhanaozen/index.js"
