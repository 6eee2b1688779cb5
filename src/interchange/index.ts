/**
 * protest-chronicle/interchange: pure conversions between chronicle records and the formats
 * researchers and newsrooms already use. No file system and no Node built-in: it runs in browsers,
 * Deno, Bun and edge runtimes; the command line wraps it.
 *
 * @packageDocumentation
 */
export * as Acled from "./Acled.js"
