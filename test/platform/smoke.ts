/**
 * What the platform test runs in a bare JavaScript context (no `process`, `require` or `Buffer`),
 * bundled for the browser: dates in a place's time zone, the bundled dataset decoded, a timeline
 * built from it, a chronicle in memory, and the interchange exports of that timeline and its link
 * graph. Returns one line per check; throws on a failure.
 */
import { Result } from "effect"
import { Chronicle, Projection, Record, When } from "../../src/index.js"
import { zhanaozen } from "../../src/datasets/index.js"
import { Dot, GeoJson, Mermaid, TimelineJs } from "../../src/interchange/index.js"
import { arbWhen } from "../../src/testing/index.js"
import * as fc from "fast-check"

const check = (ok: boolean, what: string): string => {
  if (!ok) throw new Error(`smoke: ${what}`)
  return what
}

export const run = async (): Promise<ReadonlyArray<string>> => {
  const lines: Array<string> = []
  const day = When.make("2011-12-16")
  if (Result.isFailure(day)) throw new Error(`smoke: When.make failed: ${day.failure.message}`)
  lines.push(check(day.success === "2011-12-16", "When.make(\"2011-12-16\")"))
  const bounds = When.bounds(day.success, "Asia/Aqtau")
  if (Result.isFailure(bounds)) throw new Error(`smoke: When.bounds failed: ${bounds.failure.message}`)
  lines.push(check(
    new Date(bounds.success.earliest).toISOString() === "2011-12-15T19:00:00.000Z",
    `When.bounds in Asia/Aqtau begins at ${new Date(bounds.success.earliest).toISOString()}`
  ))

  const records = zhanaozen.all.map((encoded) => Record.decode(encoded))
  const failed = records.filter(Result.isFailure)
  lines.push(check(failed.length === 0 && records.length > 100, `Record.decode of ${records.length} dataset records`))

  const timeline = Projection.Timeline.fromRecords(records.flatMap((r) => (Result.isSuccess(r) ? [r.success] : [])))
  if (Result.isFailure(timeline)) throw new Error("smoke: Timeline.fromRecords failed")
  const size = Projection.Timeline.size(timeline.success)
  lines.push(check(size === zhanaozen.events.length, `a timeline of ${size} events`))

  const decoded = records.flatMap((r) => (Result.isSuccess(r) ? [r.success] : []))
  const graph = Projection.LinkGraph.fromRecords(decoded.filter(Record.isEvent), decoded.filter(Record.isLink))
  if (Result.isFailure(graph)) throw new Error("smoke: LinkGraph.fromRecords failed")
  const slides = (JSON.parse(TimelineJs.toJson(timeline.success)) as { events: ReadonlyArray<unknown> }).events.length
  const features = GeoJson.fromTimeline(timeline.success).features.length
  const diagrams = Mermaid.fromLinkGraph(graph.success).startsWith("flowchart") && Dot.fromLinkGraph(graph.success).startsWith("digraph")
  lines.push(check(slides === size && features > 0 && diagrams, `interchange: ${slides} TimelineJS slides, ${features} GeoJSON features, Mermaid and DOT`))

  const chronicle = await Chronicle.open()
  for (const record of zhanaozen.all) await chronicle.record(record)
  const catalog = await chronicle.catalog()
  await chronicle.close()
  const held = Projection.Catalog.size(catalog)
  lines.push(check(held === zhanaozen.all.length, `a chronicle in memory holding ${held} records`))

  const samples = fc.sample(arbWhen, { numRuns: 20, seed: 1 })
  lines.push(check(samples.length === 20, "fast-check arbitraries from the testing entry"))
  return lines
}
