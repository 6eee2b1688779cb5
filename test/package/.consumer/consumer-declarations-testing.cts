// The CommonJS twin of consumer-declarations-testing.ts.
import Testing = require("protest-chronicle/testing")

export = {
  arbitraryWhen: Testing.arbWhen,
  arbitraryTimeZone: Testing.arbTimeZone,
  zones: Testing.timeZoneSamples,
  arbitraryCount: Testing.arbCount,
  arbitraryDispute: Testing.arbDispute,
  arbitraryRecord: Testing.arbRecord
}
