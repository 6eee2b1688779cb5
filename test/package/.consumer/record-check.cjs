// ── THE DECODE CHECK ─────────────────────────────────────────────────────────────────────
// The one place where the package test exercises the record API at run time; consumer.mjs and
// consumer.cjs both call it with the entry they loaded. It runs only once
// test/fixtures/package-record.json holds a real record instead of the `{}` placeholder.
// (Its type-level twin is consumer-record.ts.) Throws an Error that says what went wrong.
"use strict"

/**
 * @param {any} lib the loaded `protest-chronicle` entry
 * @param {typeof import("effect").Result} Result effect's Result module
 * @param {string} recordText the fixture file's text
 */
function checkRecordDecode(lib, Result, recordText) {
  const { Record } = lib
  if (typeof Record?.decode !== "function" || typeof Record?.decodeJson !== "function") {
    throw new Error("protest-chronicle does not export Record.decode and Record.decodeJson")
  }
  const decoded = Record.decode(JSON.parse(recordText))
  if (!Result.isResult(decoded)) throw new Error("Record.decode did not return a Result")
  if (Result.isFailure(decoded)) throw new Error(`Record.decode rejected the fixture:\n${decoded.failure.message}`)
  const fromLine = Record.decodeJson(JSON.stringify(JSON.parse(recordText)))
  if (!Result.isResult(fromLine)) throw new Error("Record.decodeJson did not return a Result")
  if (Result.isFailure(fromLine)) throw new Error(`Record.decodeJson rejected the fixture:\n${fromLine.failure.message}`)
  if (!Result.isFailure(Record.decode({ not: "a record" }))) throw new Error('Record.decode accepted { not: "a record" }')
  if (!Result.isFailure(Record.decodeJson("{ not json"))) throw new Error("Record.decodeJson accepted malformed JSON")
  return "Record.decode and Record.decodeJson accept the fixture and reject bad input"
}

exports.checkRecordDecode = checkRecordDecode
