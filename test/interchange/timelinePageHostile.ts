/**
 * A journal whose every text is an attack: script tags, event-handler attributes, `javascript:`,
 * `data:` and `vbscript:` URLs, SVG payloads, a `</script>` to end the page's JSON early, comment
 * and CDATA tricks, template syntax and line separators — in titles, summaries, notes, sites,
 * quotes, translations, locators, demands, claim notes, disputes, actor, place and source names,
 * source URLs, link rationales, and the authors and reasons of the entries. Each payload that runs
 * sets `window.__pwned` or opens a dialog, which the browser test watches for. The entries are
 * hand-made (as a cast or a foreign store could make them), so that values no schema would let in
 * (a `javascript:` URL) reach the page too.
 */
import type { Entry } from "../../src/journal/index.js"
import { hostileTitles } from "./fixtures.js"

export const payloads: ReadonlyArray<string> = [
  `<script>window.__pwned = 1</script>`,
  `</script><script>window.__pwned = 2</script>`,
  `<img src=x onerror="window.__pwned = 3; alert(3)">`,
  `<svg onload="window.__pwned = 4"><script>window.__pwned = 5</script></svg>`,
  `"><iframe src="javascript:window.top.__pwned = 6"></iframe>`,
  `' onmouseover='window.__pwned = 7' x='`,
  `<!-- <script>window.__pwned = 8</script> -->`,
  `\u2028\u2029</SCRIPT ><script>window.__pwned = 9</script>`,
  `<a href="javascript:window.__pwned = 10">click</a>`,
  `{{constructor.constructor('window.__pwned = 11')()}} \${alert(11)}`,
  `<style>body { display: none }</style>`,
  `]]><![CDATA[<script>window.__pwned = 12</script>]]>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned = 13">`,
  ...hostileTitles
]

const urls: ReadonlyArray<string> = [
  "javascript:window.__pwned = 20",
  "JaVaScRiPt:alert(21)",
  "data:text/html,<script>window.__pwned = 22</script>",
  "vbscript:msgbox(23)",
  " javascript:alert(24)",
  `https://example.org/"><script>window.__pwned = 25</script>`,
  "https://example.org/report?a=1&b=2",
  "https://example.org/photo.png"
]

export const hostileEntries = (): ReadonlyArray<Entry> => {
  const say = (i: number): string => payloads[i % payloads.length]!
  const entries: Array<Entry> = []
  const at = (day: number) => Date.UTC(2012, 0, 1) + day * 86_400_000
  const write = (type: string, id: string, day: number, record: unknown, revision = 1, i = 0) =>
    entries.push({
      position: entries.length + 1,
      stream: { type, id },
      revision,
      recordedAt: at(day),
      idempotencyKey: `k${entries.length}`,
      author: say(i + 3),
      reason: say(i + 4),
      body: record === undefined ? { _tag: "retraction", reason: say(i + 5) } : { _tag: "revision", schemaVersion: 1, record }
    } as unknown as Entry)
  urls.forEach((url, i) => write("source", `s${i}`, 0, { type: "source", id: `s${i}`, outlet: say(i), kind: i % 2 ? "official" : "news", title: say(i + 1), url, author: say(i + 2) }))
  write("place", "country", 0, { type: "place", id: "country", kind: "country", name: say(0), timeZone: "Asia/Almaty" })
  write("place", "town", 0, { type: "place", id: "town", kind: "town", name: say(1), within: "country", timeZone: "Asia/Aqtau" })
  payloads.forEach((p, i) => write("actor", `a${i}`, 0, { type: "actor", id: `a${i}`, kind: i % 3 === 0 ? "police" : "workers", name: p }))
  payloads.forEach((title, i) => {
    const cite = [{ source: `s${i % urls.length}`, quote: say(i + 1), translation: say(i + 2), locator: say(i + 3) }]
    const event = {
      type: "event",
      kind: i % 2 === 0 ? "rally" : "detention",
      id: `e${i}`,
      title,
      summary: say(i + 1),
      note: say(i + 2),
      when: ["2011-12-16", "2011-06~", "2011-12-16/2011-12-18", "2012?", "2011-05-11/..", "201X"][i % 6],
      where: { place: i % 2 ? "town" : "country", site: say(i + 3), timeZone: "Asia/Aqtau" },
      participants: [{ actor: `a${i}`, role: "organizer" }, { actor: `a${(i + 1) % payloads.length}`, role: "target" }],
      demands: [say(i + 4)],
      tags: ["strike"],
      citations: cite,
      detained: [
        { value: { kind: "about", value: 70, phrase: say(i + 5) }, citations: cite, claimant: `a${i}`, note: say(i + 6), madeOn: "2011-12-17" },
        { value: { kind: "exact", value: 14 }, citations: [{ source: "s1" }], claimant: "a0" }
      ],
      disputes: [{ topic: say(i + 7), claims: [{ value: { kind: "text", text: say(i + 8) }, citations: cite, claimant: `a${i}` }] }]
    }
    write("event", `e${i}`, 1 + i, event, 1, i)
    if (i % 4 === 0) write("event", `e${i}`, 30 + i, { ...event, title: `${title} ${say(i + 9)}` }, 2, i)
    if (i % 9 === 0) write("event", `e${i}`, 60 + i, undefined, i % 4 === 0 ? 3 : 2, i)
  })
  for (let i = 1; i < payloads.length; i++) {
    write("link", `l${i}`, 90, { type: "link", id: `l${i}`, relation: ["echoes", "same-as", "contradicts", "causes"][i % 4], from: `e${i}`, to: `e${i - 1}`, rationale: say(i), citations: [{ source: "s0", quote: say(i + 1) }] })
  }
  return entries
}
