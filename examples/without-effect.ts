// Using the library without writing any Effect code: `Chronicle.open` gives a promise-based client
// over the embedded file store. Here it records the Zhanaozen dataset's sources, places, actors and
// 2011 events, closes the file, opens it again and reads the catalog back.
//
//   npx tsx examples/without-effect.ts
import { mkdtempSync, rmSync, statSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Chronicle, Projection } from "protest-chronicle"
import { zhanaozen } from "protest-chronicle/datasets"
import { layerFile } from "protest-chronicle/file"

const dir = mkdtempSync(join(tmpdir(), "protest-chronicle-example-"))
const path = join(dir, "chronicle.jsonl")

try {
  const chronicle = await Chronicle.open(layerFile(path))
  const of2011 = zhanaozen.events.filter((e) => e.when.startsWith("2011"))
  for (const record of [...zhanaozen.sources, ...zhanaozen.places, ...zhanaozen.actors, ...of2011]) {
    await chronicle.record(record, { author: "example" })
  }
  // A bad record is a rejected promise with a typed error, and nothing is written.
  await chronicle.record({ type: "event", kind: "strike", id: "no-date" }).catch((error: unknown) => {
    const e = error as { readonly _tag?: string; readonly message?: string }
    console.log(`refused: ${e._tag}\n  ${e.message?.split("\n").join("\n  ")}`)
  })
  await chronicle.close()
  console.log(`\nwrote ${path.replace(dir, "<tmp>")} (${statSync(path).size.toLocaleString("en-US")} bytes)`)

  // Another process (or this one, later) opens the same file.
  const again = await Chronicle.open(layerFile(path))
  const catalog = await again.catalog()
  const count = (type: "source" | "place" | "actor" | "event") => Projection.Catalog.records(catalog, { type }).length
  console.log(`reopened: ${count("source")} sources, ${count("place")} places, ${count("actor")} actors, ${count("event")} events`)
  const shooting = Projection.Catalog.get(catalog, { type: "event", id: "zhanaozen-2011-12-16-shooting" })?.current
  if (shooting?.type === "event") console.log(`  ${shooting.when}  ${shooting.title}`)
  await again.close()
} finally {
  rmSync(dir, { recursive: true, force: true })
}
