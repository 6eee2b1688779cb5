/**
 * Bundled for the browser by test/interchange/acledPlatform.test.ts and run in a bare JavaScript
 * context (no Buffer, no process): an ACLED file in as bytes, its events out as CSV.
 */
import { Result } from "effect"
import { Acled } from "../../../src/interchange/index.js"

export const run = (): ReadonlyArray<string> => {
  const csv = "event_id_cnty,event_date,event_type,sub_event_type,actor1,country,location,latitude,longitude,source,fatalities,tags\n" +
    "KAZ1,16 December 2011,Protests,Excessive force against protesters,Protesters (Kazakhstan),Kazakhstan,Zhanaozen,43.3412,52.8619,\"Vlast.kz; Reuters\",14,crowd size=several thousand\n"
  const imported = Acled.importCsv(new TextEncoder().encode(csv))
  if (Result.isFailure(imported)) return [`import failed: ${imported.failure.message}`]
  const records = imported.success.appends.flatMap((a) => (a._tag === "revision" ? [a.record] : []))
  const events = records.filter((r) => r.type === "event")
  return [String(imported.success.appends.length), Acled.exportCsv(events as never, { records }).csv]
}
