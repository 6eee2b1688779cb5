import Ajv2020 from "ajv/dist/2020.js"
import * as fc from "fast-check"
import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { Record } from "../../src/index.js"
import { arbRecord } from "../../src/testing/index.js"

// The exported JSON Schema is for other languages: check it with an independent validator.
const ajv = new Ajv2020.default({ allErrors: true, strict: false })
const validate = ajv.compile(Record.jsonSchema())

describe("the JSON Schema of the record format", () => {
  it("is what ships in schema/record.schema.json (run `npm run schema` after a model change)", () => {
    const shipped = JSON.parse(readFileSync(new URL("../../schema/record.schema.json", import.meta.url), "utf8"))
    expect(shipped).toEqual(JSON.parse(JSON.stringify(Record.jsonSchema())))
  })

  it("accepts every record the decoder accepts", () => {
    fc.assert(
      fc.property(arbRecord, (r) => {
        const json = JSON.parse(JSON.stringify(r))
        if (!validate(json)) throw new Error(ajv.errorsText(validate.errors))
      }),
      { numRuns: 300 }
    )
  })

  it("rejects records without citations, with unknown fields or of an unknown type", () => {
    const rally = {
      type: "event", kind: "rally", id: "r", title: "Rally", when: "2023-04-11", form: "gathering",
      where: { place: "zhanaozen", timeZone: "Asia/Aqtau" }, citations: [{ source: "s" }]
    }
    expect(validate(rally)).toBe(true)
    expect(validate({ ...rally, citations: [] })).toBe(false)
    expect(validate({ ...rally, sumary: "typo" })).toBe(false)
    expect(validate({ ...rally, type: "meeting" })).toBe(false)
    expect(validate({ ...rally, when: "16 December 2011" })).toBe(false)
  })
})
