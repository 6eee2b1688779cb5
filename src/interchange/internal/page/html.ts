/**
 * The timeline page as one HTML document: the head (a Content-Security-Policy that lets only the
 * page's own script and style run, by their SHA-256, and fetches nothing), the header, the
 * controls and the chart's frame and the frame of the table the script fills (each hidden until
 * the script draws it), the panel, the data (packed, see `wire.ts`) as JSON in a
 * `<script type="application/json">` element, the script, and then the table of every event
 * written in full inside `<noscript>`, with its sources listed once below it: the page reads
 * without its script too, while a browser that runs the script neither builds 10,000 rows it
 * will not show nor reads them before it draws the chart, since they come after the script.
 *
 * Escaping, by context: text in elements and attributes through `escapeHtml`; the JSON with
 * `<`, `>`, `&` and U+2028/9 written as `\u` escapes, so that no `</script>` or `<!--` inside a
 * record can end or bend the element; links only for http(s) addresses.
 *
 * @internal
 */
import { sha256 } from "@noble/hashes/sha2.js"
import { utf8ToBytes } from "@noble/hashes/utils.js"
import { words } from "../slides.js"
import { escapeHtml } from "../text.js"
import type { PageData, PageEvent } from "./data.js"
import { pageScript } from "./script.js"
import { pageStyle } from "./style.js"
import { pack } from "./wire.js"

const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

/** Base64 of bytes (no `btoa`: not every runtime has it). */
const base64 = (bytes: Uint8Array): string => {
  let out = ""
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0)
    out += alphabet[(n >> 18) & 63]! + alphabet[(n >> 12) & 63]! + (i + 1 < bytes.length ? alphabet[(n >> 6) & 63]! : "=") + (i + 2 < bytes.length ? alphabet[n & 63]! : "=")
  }
  return out
}

const hashOf = (text: string): string => `'sha256-${base64(sha256(utf8ToBytes(text)))}'`

let policy: string | undefined
/** The Content-Security-Policy of every page: computed once, as script and style never change. */
const securityPolicy = (): string =>
  (policy ??= `default-src 'none'; script-src ${hashOf(pageScript)}; style-src ${hashOf(pageStyle)}; img-src data:; base-uri 'none'; form-action 'none'`)

/** JSON that can sit inside a `<script>` element whatever its strings hold. */
const scriptJson = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/</gu, "\\u003c")
    .replace(/>/gu, "\\u003e")
    .replace(/&/gu, "\\u0026")
    .replace(/\u2028/gu, "\\u2028")
    .replace(/\u2029/gu, "\\u2029")

const capitalised = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1)

/** The events as last recorded, in timeline order: the table a reader without the script sees. */
const currentEvents = (data: PageData): ReadonlyArray<{ readonly id: string; readonly e: PageEvent }> =>
  data.events
    .flatMap((s) => {
      const last = s.v[s.v.length - 1]
      return last?.x === undefined ? [] : [{ id: s.id, e: last.x }]
    })
    .sort((a, b) =>
      (a.e.b[0] ?? -Infinity) - (b.e.b[0] ?? -Infinity) || (a.e.b[3] ?? Infinity) - (b.e.b[3] ?? Infinity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
    )

/**
 * The table for readers without the script: every event as last recorded, one short row each.
 * Its sources are listed once, below the table, and each row links to them there: a page of
 * 10,000 events would otherwise repeat each outlet's address thousands of times.
 */
const noscriptTable = (data: PageData, events: ReadonlyArray<{ readonly id: string; readonly e: PageEvent }>): string => {
  const name = <A extends { readonly n: string }>(map: { readonly [id: string]: A }, id: string): string => (Object.hasOwn(map, id) ? map[id]!.n : id)
  // Anchors are numbered, so no record's text goes into an id or an address.
  const anchors = new Map(Object.keys(data.sources).map((id, i) => [id, `tl-s${i + 1}`]))
  const rows = events
    .map(({ e }) => {
      const counts = e.counts.map((k) => `${escapeHtml(capitalised(k.label))}: ${escapeHtml(k.sum[data.policy] ?? k.claims.map((c) => c.v).join("; "))}`).join("<br>")
      const sources = [...new Set(e.cites.map((c) => c.s))]
        .map((id) => {
          const label = escapeHtml(Object.hasOwn(data.sources, id) ? data.sources[id]!.o : id)
          const anchor = anchors.get(id)
          return anchor === undefined ? label : `<a href="#${anchor}">${label}</a>`
        })
        .join("<br>")
      return `<tr><td>${escapeHtml(e.words)}</td><th scope="row">${escapeHtml(e.title)}</th><td>${escapeHtml(capitalised(words(e.kind)))}</td>` +
        `<td>${escapeHtml((e.site === undefined ? "" : `${e.site}, `) + name(data.places, e.place))}</td><td>${counts}</td><td>${sources}</td></tr>`
    })
    .join("\n")
  const sources = Object.entries(data.sources)
    .map(([id, s]) => {
      const title = s.t === undefined ? "" : ` — ${s.u === undefined ? escapeHtml(s.t) : `<a href="${escapeHtml(s.u)}" target="_blank" rel="noopener noreferrer">${escapeHtml(s.t)}</a>`}`
      const by = [s.a, s.p].filter((x) => x !== undefined).map((x) => escapeHtml(x!)).join(", ")
      const bare = s.t === undefined && s.u !== undefined ? ` <a href="${escapeHtml(s.u)}" target="_blank" rel="noopener noreferrer">${escapeHtml(s.u)}</a>` : ""
      return `<li id="${anchors.get(id)}">${escapeHtml(s.o)}${title}${by === "" ? "" : ` (${by})`}${bare}</li>`
    })
    .join("\n")
  const n = events.length
  return `<noscript><p class="note">The chart, filters and record-time slider need JavaScript; this table lists every event as last recorded, and its sources below it.</p>
<div class="table-wrap"><table>
<caption>${n} event${n === 1 ? "" : "s"} as last recorded, in time order.</caption>
<thead><tr><th scope="col">When</th><th scope="col">Event</th><th scope="col">Kind</th><th scope="col">Where</th><th scope="col">Counts</th><th scope="col">Sources</th></tr></thead>
<tbody>
${rows}
</tbody></table></div>
<h3>Sources</h3>
<ol class="sources">
${sources}
</ol></noscript>`
}

const controls = `<section id="tl-controls" class="controls" aria-label="Chart controls" hidden>
<fieldset><legend class="visually-hidden">Show</legend>
<label for="tl-group">Lanes by<select id="tl-group"><option value="place">Place</option><option value="kind">Kind</option><option value="actor">Actor</option></select></label>
<label for="tl-policy">Contested counts<select id="tl-policy"><option value="envelope">Span of all claims</option><option value="all">Every claim</option><option value="official">Official claims</option><option value="lowest">Lowest claim</option><option value="highest">Highest claim</option></select></label>
</fieldset>
<fieldset><legend class="visually-hidden">Filter</legend>
<label for="tl-kind">Kind<select id="tl-kind"></select></label>
<label for="tl-place">Place<select id="tl-place"></select></label>
<label for="tl-actor">Actor<select id="tl-actor"></select></label>
<label for="tl-text">Text<input id="tl-text" type="search" placeholder="Words in title or summary" autocomplete="off"></label>
<button type="button" id="tl-clear">Clear filters</button>
</fieldset>
<div id="tl-asof-box" class="asof"><label for="tl-asof">The chronicle as recorded on <output id="tl-asof-out" for="tl-asof"></output><input id="tl-asof" type="range" min="0" max="0" step="1" value="0"></label>
<button type="button" id="tl-latest">Latest</button></div>
<div class="zoom" role="group" aria-label="Zoom and pan">
<button type="button" id="tl-zoom-in" aria-label="Zoom in">+</button><button type="button" id="tl-zoom-out" aria-label="Zoom out">−</button>
<button type="button" id="tl-pan-left" aria-label="Earlier">◀</button><button type="button" id="tl-pan-right" aria-label="Later">▶</button>
<button type="button" id="tl-reset">Whole span</button></div>
</section>`

/** The whole page. */
export const pageHtml = (data: PageData): string => {
  const title = escapeHtml(data.title)
  const current = currentEvents(data)
  const events = current.length
  const recorded = data.times === null || data.times.length === 0
    ? ""
    : ` Recorded ${new Date(data.times[0]!).toISOString().slice(0, 10)} to ${new Date(data.times[data.times.length - 1]!).toISOString().slice(0, 10)}.`
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${securityPolicy()}">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="protest-chronicle">
<title>${title}</title>
<style>${pageStyle}</style>
</head>
<body>
<header>
<h1>${title}</h1>
${data.description === "" ? "" : `<p>${escapeHtml(data.description)}</p>`}
<p class="meta">${events} event${events === 1 ? "" : "s"}, ${Object.keys(data.sources).length} sources.${recorded} Dates are shown as the sources give them, each in the calendar of its own place.</p>
</header>
<main>
${controls}
<p id="tl-status" role="status" aria-live="polite"></p>
<div class="layout">
<section id="tl-chart-section" aria-label="Timeline chart" hidden>
<div id="tl-chart-wrap" class="chart-wrap">
<svg id="tl-chart" xmlns="http://www.w3.org/2000/svg" role="group" aria-label="Timeline of events by lane; use the arrow keys to move between events, Enter to open one" aria-describedby="tl-help"></svg>
<div id="tl-tip" class="tip" role="tooltip" hidden></div>
</div>
<p id="tl-help" class="help">Drag, the ◀ ▶ buttons or Shift+arrow keys pan; ctrl+wheel, double-click, the + − buttons or the + − keys zoom. In the chart, the arrow keys move from event to event and Enter opens one.</p>
<ul id="tl-legend" class="legend" aria-label="Legend"></ul>
</section>
<aside id="tl-panel" class="empty" tabindex="-1" aria-labelledby="tl-panel-title" aria-live="polite"><h2 id="tl-panel-title">Event details</h2><p class="note">Select an event in the table to see its dates, every claim, its sources and its history.</p></aside>
</div>
<section id="tl-table-section" aria-labelledby="tl-table-title">
<h2 id="tl-table-title">All events</h2>
<div class="table-wrap" id="tl-table-wrap" hidden><table id="tl-table">
<caption id="tl-table-caption"></caption>
<thead><tr><th scope="col">When</th><th scope="col">Event</th><th scope="col">Kind</th><th scope="col">Where</th><th scope="col">Counts</th><th scope="col">Sources</th></tr></thead>
<tbody></tbody></table></div>
<button type="button" id="tl-table-more" hidden>Show all rows</button>
<script type="application/json" id="tl-data">${scriptJson(pack(data))}</script>
<script>${pageScript}</script>
${noscriptTable(data, current)}
</section>
</main>
<footer class="note"><p>Made with protest-chronicle. Each mark spans every date its record allows; the panel gives the dates in the sources' own terms, every claim with its claimant and sources, and every revision with its reason.</p></footer>
</body>
</html>
`
}
