// CommonJS consumer of the packed tarball, run by scripts/package-test.sh from a throwaway
// project that has only the tarball and effect installed. Any failed check exits non-zero.
// Usage: node consumer.cjs [record.json]   (with a record file, the decode check runs too)
"use strict"
const { readFileSync } = require("node:fs")
const { Result } = require("effect")
const chronicle = require("protest-chronicle")
const testing = require("protest-chronicle/testing")
const postgres = require("protest-chronicle/postgres")
const file = require("protest-chronicle/file")
const interchange = require("protest-chronicle/interchange")
const { checkRecordDecode } = require("./record-check.cjs")

const fail = (message) => {
  console.error(`consumer.cjs: FAIL: ${message}`)
  process.exit(1)
}

const exportNames = (mod) => Object.keys(mod).filter((name) => name !== "default" && name !== "__esModule").sort()

async function main() {
  for (const [entry, mod] of [["protest-chronicle", chronicle], ["protest-chronicle/testing", testing], ["protest-chronicle/postgres", postgres], ["protest-chronicle/file", file], ["protest-chronicle/interchange", interchange]]) {
    const names = exportNames(mod)
    for (const name of names) {
      if (mod[name] === undefined) fail(`${entry} exports ${name} as undefined`)
    }
    console.log(`consumer.cjs: require ${entry} -> { ${names.map((n) => `${n}: ${typeof mod[n]}`).join(", ") || "(no exports)"} }`)
    // The CJS and ESM builds come from one source, so they must expose the same names.
    const esmNames = exportNames(await import(entry))
    if (esmNames.join() !== names.join()) fail(`${entry}: require() gives [${names}] but import() gives [${esmNames}]`)
  }
  console.log("consumer.cjs: require() and import() expose the same export names")

  for (const internal of ["protest-chronicle/dist/index.cjs", "protest-chronicle/dist/model/When.js", "protest-chronicle/src/index.ts"]) {
    let error
    try {
      require.resolve(internal)
    } catch (caught) {
      error = caught
    }
    if (error === undefined) fail(`require("${internal}") resolved: the exports map should hide it`)
    if (error.code !== "ERR_PACKAGE_PATH_NOT_EXPORTED") {
      fail(`require("${internal}") failed with ${error.code ?? error}, expected ERR_PACKAGE_PATH_NOT_EXPORTED`)
    }
  }
  console.log("consumer.cjs: internal paths are hidden by the exports map")

  // package.json declares a JSON Schema export; load it once the file ships.
  const manifest = require("protest-chronicle/package.json")
  if (manifest.exports?.["./record.schema.json"] !== undefined) {
    let schema
    try {
      schema = require("protest-chronicle/record.schema.json")
    } catch (error) {
      if (error.code !== "MODULE_NOT_FOUND") throw error
      console.log("consumer.cjs: NOTE: exports lists ./record.schema.json, but the tarball has no such file yet")
    }
    if (schema !== undefined) {
      if (typeof schema !== "object" || schema === null) fail("protest-chronicle/record.schema.json is not a JSON object")
      console.log("consumer.cjs: protest-chronicle/record.schema.json loads")
    }
  }

  const recordFile = process.argv[2]
  if (recordFile === undefined) {
    console.log("consumer.cjs: decode check skipped (no record fixture yet)")
  } else {
    console.log(`consumer.cjs: ${checkRecordDecode(chronicle, Result, readFileSync(recordFile, "utf8"))}`)
  }
  console.log("consumer.cjs: ok")
}

main().catch((error) => fail(error instanceof Error ? error.message : String(error)))
