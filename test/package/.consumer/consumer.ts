// ESM TypeScript consumer: compiled with `tsc --noEmit` (never run) to prove that both entries
// resolve, through the exports map, to the .d.ts files shipped in the tarball.
import * as Chronicle from "protest-chronicle"
import * as ChronicleTesting from "protest-chronicle/testing"

export const entries: ReadonlyArray<object> = [Chronicle, ChronicleTesting]
