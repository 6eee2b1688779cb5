import * as fc from "fast-check"
import * as Root from "./src/index.js"
import { arbOutsideType, arbRecord } from "./src/testing/index.js"
const names = process.argv.slice(2)
for (const name of names) {
  const parts = name.split("."); let f: any = Root; for (const p of parts) f = f[p]
  const r = fc.check(fc.property(fc.array(fc.oneof(arbOutsideType, arbRecord), { maxLength: 3 }), (args) => { f(...args) }), { numRuns: 200 })
  if (r.failed) { const args = r.counterexample![0]; console.log(name, "|", String(r.errorInstance).slice(0, 120), "|", args.map((a: any) => { try { return typeof a === "string" ? JSON.stringify(a.slice(0,30)) : typeof a === "object" ? (Array.isArray(a) ? `array(${a.length})` : Object.prototype.toString.call(a)) : String(a) } catch { return "?" } }).join(", ")) }
  else console.log(name, "OK")
}
