// CommonJS TypeScript consumer: the `require` condition of the exports map points at the .d.cts
// declarations, so they are checked separately from the ESM ones.
import Chronicle = require("protest-chronicle")
import ChronicleTesting = require("protest-chronicle/testing")
import ChroniclePostgres = require("protest-chronicle/postgres")
import ChronicleFile = require("protest-chronicle/file")
import ChronicleInterchange = require("protest-chronicle/interchange")

const entries: ReadonlyArray<object> = [Chronicle, ChronicleTesting, ChroniclePostgres, ChronicleFile, ChronicleInterchange]
export = entries
