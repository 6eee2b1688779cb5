/**
 * Checks that every quote the bundled dataset takes from the seed article (the April 2023 report
 * the Zhanaozen chronicle began from, cited as EADaily's or as its English republication's)
 * appears in the article's text, word for word (whitespace
 * aside). The article is not part of the repository, so this runs by hand, with the article's text
 * at hand, rather than in the test suite, where it could only ever be skipped:
 *
 *   npx tsx scripts/check-seed-quotes.ts path/to/seed-article-2023-04-11.txt
 *
 * Exits 1 and lists the quotes it cannot find, or 2 when it is given no readable file.
 */
import { readFileSync } from "node:fs"
import { all, seedArticle, seedRepublication } from "../src/datasets/zhanaozen/index.js"

const file = process.argv[2]
if (file === undefined) {
  console.error("usage: tsx scripts/check-seed-quotes.ts <seed-article.txt>")
  process.exit(2)
}
let text: string
try {
  text = readFileSync(file, "utf8").replace(/\s+/g, " ")
} catch (error) {
  console.error(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(2)
}

const quotes: Array<string> = []
const walk = (node: unknown): void => {
  if (node === null || typeof node !== "object") return
  if (Array.isArray(node)) return node.forEach(walk)
  const o = node as { readonly [key: string]: unknown }
  if ((o["source"] === seedArticle || o["source"] === seedRepublication) && typeof o["quote"] === "string") quotes.push(o["quote"])
  Object.values(o).forEach(walk)
}
all.forEach(walk)

const missing = quotes.filter((q) => !text.includes(q))
console.log(`${quotes.length - missing.length} of ${quotes.length} quotes from the seed article found verbatim`)
for (const q of missing) console.log(`  not found: ${JSON.stringify(q)}`)
process.exit(missing.length === 0 && quotes.length > 0 ? 0 : 1)
