/**
 * Counts the public names of the package: for each entry (root, testing, datasets, postgres,
 * file and interchange when they exist), every name reachable from it, namespace exports
 * followed to their members (`Projection.Timeline.query`), each declaration counted once per
 * entry however many paths reach it. Prints a table and the total, so that a change to the
 * public surface shows as a number in review.
 *
 *   npx tsx scripts/public-names.ts [project folder] [--list]
 *
 * `--list` also prints every name (the first of its qualified names), entry by entry.
 */
import * as path from "node:path"
import { publicApi } from "./lib/publicApi.js"

const args = process.argv.slice(2)
const root = path.resolve(args.find((a) => !a.startsWith("--")) ?? ".")
const api = publicApi(root)

if (args.includes("--list")) {
  for (const [entry, names] of api) {
    console.log(`# ${entry}`)
    for (const name of names.map((n) => n.names[0]!).sort()) console.log(name)
  }
}

const width = Math.max(...[...api.keys()].map((e) => e.length), 5)
let total = 0
console.log(`${"entry".padEnd(width)}  names  (paths)`)
for (const [entry, names] of api) {
  const paths = names.reduce((n, p) => n + p.names.length, 0)
  total += names.length
  console.log(`${entry.padEnd(width)}  ${String(names.length).padStart(5)}  (${paths})`)
}
console.log(`${"total".padEnd(width)}  ${String(total).padStart(5)}`)
