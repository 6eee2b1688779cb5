/**
 * The few assertions the testing entry's suites make, without `node:assert`, so that they run in
 * any JavaScript runtime and under any test runner: a failure throws an `Error` named
 * `AssertionError` carrying `actual` and `expected`.
 */
import { Equal } from "effect"

/** The error a failed assertion throws. */
export class AssertionError extends Error {
  readonly actual: unknown
  readonly expected: unknown
  constructor(message: string, actual?: unknown, expected?: unknown) {
    super(message)
    this.name = "AssertionError"
    this.actual = actual
    this.expected = expected
  }
}

/** A value for a failure message: its JSON (bigints and Maps readable), cut to a readable length. */
const show = (u: unknown): string => {
  let text: string
  try {
    text = JSON.stringify(u, (_, v: unknown) =>
      typeof v === "bigint" ? `${v}n` : v instanceof Map ? { Map: [...v] } : v instanceof Set ? { Set: [...v] } : v) ?? String(u)
  } catch {
    text = String(u)
  }
  return text.length > 2_000 ? `${text.slice(0, 2_000)}…` : text
}

/** Fails with `message`. */
export const fail = (message: string): never => {
  throw new AssertionError(message)
}

/** Asserts that `value` is truthy. */
export const ok = (value: unknown, message = "expected a truthy value"): void => {
  if (!value) throw new AssertionError(message, value, true)
}

/** Asserts `Object.is(actual, expected)`. */
export const strictEqual = <A>(actual: unknown, expected: A, message?: string): void => {
  if (!Object.is(actual, expected)) {
    throw new AssertionError(`${message ?? "values differ"}\nactual:   ${show(actual)}\nexpected: ${show(expected)}`, actual, expected)
  }
}

/** Asserts that `actual` and `expected` are equal by Effect's structural equality (`Equal.equals`). */
export const deepStrictEqual = <A>(actual: unknown, expected: A, message?: string): void => {
  if (!Equal.equals(actual, expected)) {
    throw new AssertionError(`${message ?? "values differ"}\nactual:   ${show(actual)}\nexpected: ${show(expected)}`, actual, expected)
  }
}
