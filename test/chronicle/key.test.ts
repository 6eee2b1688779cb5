/**
 * Idempotency keys are stored in journals, so their digests must never change: known inputs give
 * the digests `node:crypto` gave when the keys were first written, and any content gives the
 * SHA-256 `node:crypto` computes over its canonical JSON.
 */
import { fc, test } from "@fast-check/vitest"
import { createHash } from "node:crypto"
import { describe, expect, it } from "vitest"
import { idempotencyKeyOf } from "../../src/chronicle/internal/key.js"

describe("idempotencyKeyOf", () => {
  it("gives the digests journals already hold", () => {
    const record = { type: "event", id: "zhanaozen-2011-12-16-shooting", title: "Жаңаөзен", n: 14, x: undefined, list: [1, null, "a"] }
    expect(idempotencyKeyOf("record", record)).toBe("chronicle:record:3a5d87cd8fde2592b742a85d00f1b98c32054736bb67a791876b107aa1e7acea")
    expect(idempotencyKeyOf("retract", "")).toBe("chronicle:retract:12ae32cb1ec02d01eda3581b127c1fee3b0dc53572ed6baf239721a03d82e126")
    // Nothing to hash: the SHA-256 of the empty string.
    expect(idempotencyKeyOf("correct", undefined)).toBe("chronicle:correct:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
  })

  test.prop([fc.string({ unit: "grapheme", maxLength: 300 })])("hashes text as node:crypto does", (text) => {
    const expected = createHash("sha256").update(JSON.stringify(text)).digest("hex")
    expect(idempotencyKeyOf("record", text)).toBe(`chronicle:record:${expected}`)
  })

  test.prop([fc.string({ unit: "binary", minLength: 40, maxLength: 5000 })])("hashes long and unpaired-surrogate text as node:crypto does", (text) => {
    const expected = createHash("sha256").update(JSON.stringify(text)).digest("hex")
    expect(idempotencyKeyOf("record", text)).toBe(`chronicle:record:${expected}`)
  })
})
