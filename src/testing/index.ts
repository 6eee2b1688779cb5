/**
 * fast-check arbitraries and test helpers for protest-chronicle records.
 *
 * @packageDocumentation
 */
export {}
