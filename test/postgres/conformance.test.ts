import { describe, inject, it } from "vitest"
import { layerPostgres } from "../../src/postgres/index.js"
import { journalConformance } from "../../src/testing/index.js"
import { freshJournal, freshSchema } from "./server.js"

const url = inject("pgUrl")
const prefix = inject("pgSchemaPrefix")

describe.skipIf(url === "")("PostgreSQL store", () => {
  journalConformance("postgres", () => freshJournal(url, prefix), { describe, it }, {
    numRuns: 30,
    durable: () => {
      const schema = freshSchema(prefix)
      return () => layerPostgres({ connection: url, schema })
    }
  })
})
