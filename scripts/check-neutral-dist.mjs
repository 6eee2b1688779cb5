// Checks the built package's platform-neutral entries (the root, `testing`, `datasets`,
// `interchange`): from each of dist/{index,testing,datasets,interchange}.{js,cjs}, follows every relative import and require into the
// shared chunks, and fails if any file reached imports a Node built-in module (`node:fs`, or a
// bare `fs`). tsup puts modules shared by several entries into chunks, so a neutral entry could
// reach `node:` code through a chunk it shares with the file store; this finds that.
// Usage: node scripts/check-neutral-dist.mjs [dist]
import { existsSync, readFileSync } from "node:fs"
import { builtinModules } from "node:module"
import { dirname, join, relative, resolve } from "node:path"

const dist = resolve(process.argv[2] ?? "dist")
const entries = ["index", "testing", "datasets", "interchange"].flatMap((name) => [`${name}.js`, `${name}.cjs`])
const builtins = new Set(builtinModules)
// Static and dynamic imports, re-exports, side-effect imports and requires.
const specifiers = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)(["'])([^"'\n]+)\1/g

const isBuiltin = (specifier) => specifier.startsWith("node:") || builtins.has(specifier) || builtins.has(specifier.split("/")[0])

let problems = 0
let files = 0
for (const entry of entries) {
  const start = join(dist, entry)
  if (!existsSync(start)) {
    console.error(`check-neutral-dist: ${relative(process.cwd(), start)} is missing (run npm run build)`)
    process.exit(1)
  }
  const before = problems
  const seen = new Map([[start, [entry]]])
  const queue = [start]
  while (queue.length > 0) {
    const file = queue.shift()
    files++
    const code = readFileSync(file, "utf8")
    for (const [, , specifier] of code.matchAll(specifiers)) {
      if (isBuiltin(specifier)) {
        problems++
        console.error(`check-neutral-dist: ${entry} reaches ${specifier} through ${seen.get(file).join(" -> ")}`)
      } else if (specifier.startsWith(".")) {
        const target = resolve(dirname(file), specifier)
        if (!seen.has(target) && existsSync(target)) {
          seen.set(target, [...seen.get(file), relative(dist, target)])
          queue.push(target)
        }
      }
    }
  }
  const found = problems - before
  console.log(`check-neutral-dist: ${entry}: ${seen.size} files, ${found === 0 ? "no" : found} built-in module import${found === 1 ? "" : "s"}`)
}
if (problems > 0) {
  console.error(`check-neutral-dist: ${problems} imports of built-in modules reachable from the neutral entries`)
  process.exit(1)
}
console.log(`check-neutral-dist: ok (${files} files read)`)
