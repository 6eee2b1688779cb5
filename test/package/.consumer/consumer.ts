// ESM TypeScript consumer: compiled with `tsc --noEmit` (never run) to prove that the entries
// resolve, through the exports map, to the .d.ts files shipped in the tarball.
import * as Chronicle from "protest-chronicle"
import * as ChronicleTesting from "protest-chronicle/testing"
import * as ChroniclePostgres from "protest-chronicle/postgres"
import * as ChronicleFile from "protest-chronicle/file"
import * as ChronicleInterchange from "protest-chronicle/interchange"

export const entries: ReadonlyArray<object> = [Chronicle, ChronicleTesting, ChroniclePostgres, ChronicleFile, ChronicleInterchange]
