/**
 * What the interchange tests export: the bundled Zhanaozen chronicle as a timeline and a link
 * graph, and small chronicles whose every text is hostile (quotes, markup, `-->`, Mermaid
 * directives, DOT escapes, right-to-left, Kazakh and Russian text, emoji, line breaks), built from
 * records that decode, so that they are what a user could really record. Also the seed of the
 * property tests, printed so that a failure can be replayed.
 */
import { Result } from "effect"
import { Projection, Record } from "../../src/index.js"
import { zhanaozen } from "../../src/datasets/index.js"

export const records = zhanaozen.all.map((r) => Result.getOrThrow(Record.decode(r)))
export const timeline = Result.getOrThrow(Projection.Timeline.fromRecords(records))
export const graph = Result.getOrThrow(Projection.LinkGraph.fromRecords(records.filter(Record.isEvent), records.filter(Record.isLink)))

/** Titles that break naive exports. */
export const hostileTitles: ReadonlyArray<string> = [
  `"Double" and 'single' quotes`,
  `<script>window.__pwned = 1</script>`,
  `<img src=x onerror="window.__pwned = 2">`,
  `&lt;b&gt;already escaped&lt;/b&gt; & more`,
  "مظاهرة عمال النفط في جاناوزين",
  "Жаңаөзен мұнайшыларының ереуілі",
  "Забастовка нефтяников «Озенмунайгаз»",
  "✊🏽 strikers 🔥👩‍🏭",
  "A --> B; C --- D | E",
  `%%{init: {"theme": "dark"}}%% click e0 call alert(1)`,
  `back\\slash \\N \\l \\" end\\`,
  "two\nlines\r\nand a tab\there",
  "[brackets] {braces} (parens) #35; `ticks`",
  "]]> <!-- comment --> <![CDATA[x]]>"
]

/** Records of a small chronicle whose titles, names and outlets are the given texts. */
export const hostileRecords = (titles: ReadonlyArray<string>): ReadonlyArray<Record.Record> => {
  const say = (i: number): string => titles[i % titles.length]!
  const encoded: Array<unknown> = [
    { type: "source", id: "s1", outlet: say(1), kind: "news", title: say(2), url: "https://example.org/report?a=1&b=<2>" },
    { type: "source", id: "s2", outlet: say(3), kind: "official", title: say(4), url: "https://example.org/photo.png" },
    { type: "place", id: "country", kind: "country", name: say(1), timeZone: "Asia/Almaty", coordinates: { lat: 48, lon: 68, precision: "centroid" } },
    { type: "place", id: "town", kind: "town", name: say(2), timeZone: "Asia/Aqtau", within: "country" },
    { type: "place", id: "site", kind: "site", name: say(5), timeZone: "Asia/Aqtau", within: "town", coordinates: { lat: 43.34, lon: 52.86, precision: "exact" } },
    { type: "actor", id: "a1", kind: "state-body", name: say(8) }
  ]
  titles.forEach((title, i) => {
    const cite = [{ source: i % 2 === 0 ? "s1" : "s2", quote: say(i + 3) }]
    const where = { place: ["site", "town", "country"][i % 3], timeZone: "Asia/Aqtau", site: say(i + 1) }
    const when = ["2011-12-16", "2011-06~", "2011-12-16/2011-12-18", "2012?", "2011-05-11/..", "201X", "2011-21", "2011-12-16T10:00:00+05:00"][i % 8]
    encoded.push(
      i % 2 === 0
        ? { type: "event", kind: "rally", id: `e${i}`, title, summary: say(i + 2), note: say(i + 5), when, where, form: "march", citations: cite,
            size: [{ value: { kind: "about", value: 2000, phrase: say(i + 4) }, citations: cite, claimant: "a1" }] }
        : { type: "event", kind: "detention", id: `e${i}`, title, when, where, citations: cite,
            detained: [{ value: { kind: "at-least", value: 100 }, citations: cite }, { value: { kind: "exact", value: 14 }, citations: cite }] }
    )
  })
  for (let i = 1; i < titles.length; i++) {
    const relation = ["echoes", "same-as", "contradicts", "echoes"][i % 4]
    encoded.push({ type: "link", id: `l${i}`, relation, from: `e${i}`, to: `e${i - 1}`, rationale: say(i), citations: [{ source: "s1" }] })
  }
  return encoded.map((r) => Result.getOrThrow(Record.decode(r)))
}

/** The timeline and link graph of {@link hostileRecords}. */
export const hostile = (titles: ReadonlyArray<string>) => {
  const rs = hostileRecords(titles)
  return {
    timeline: Result.getOrThrow(Projection.Timeline.fromRecords(rs)),
    graph: Result.getOrThrow(Projection.LinkGraph.fromRecords(rs.filter(Record.isEvent), rs.filter(Record.isLink)))
  }
}

/** The seed of this run's property tests: `FC_SEED` when set, else a fresh one, printed. */
export const seed = (name: string): number => {
  const value = Number(process.env["FC_SEED"] ?? Math.floor(Math.random() * 2 ** 31))
  console.log(`${name}: fast-check seed ${value} (rerun with FC_SEED=${value})`)
  return value
}
