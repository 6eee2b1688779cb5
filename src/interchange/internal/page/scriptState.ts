/**
 * The first part of the timeline page's script, as text: reading the page's data, the chronicle
 * as of a record time (each stream's last version at or before it, same-as reports joined into
 * one event whose representative is the earliest report), filters, lanes, time-axis ticks and
 * the words of counts under a policy. No DOM here but the data element it reads. `scriptView.ts`
 * draws the chart, `scriptPanel.ts` the tooltip, panel and table and handles input; `script.ts`
 * joins the three.
 *
 * Why a string: the page must carry its script inline, and a string is what every build of the
 * library (tsup's ESM and CJS, tsc's declarations, the browser bundle of the platform tests) keeps
 * as it is, with no build step of its own. The script is plain modern JavaScript that every
 * current browser runs, written without template literals so that it sits in `String.raw`
 * unchanged; it is tested where it runs, in Chromium (test/interchange/timelinePage*.ts).
 *
 * @internal
 */
export const scriptState = String.raw`
const D = unpack(JSON.parse(document.getElementById("tl-data").textContent));
const DAY = 86400000;
const MONTHS = ["January","February","March","April","May","June","July","August","September","October","November","December"];
const PALETTE = ["#0072B2","#D55E00","#009E73","#CC79A7","#B8860B","#3E8EC4","#8C6D31","#6A3D9A","#B15928","#1B7837","#7F7F7F","#A50F15"];
const RELATIONS = {
  "causes": ["#C2410C", "causes"], "responds-to": ["#0B5CAD", "responds to"], "part-of": ["#047857", "is part of"],
  "continues": ["#9D174D", "continues"], "commemorates": ["#A16207", "commemorates"], "echoes": ["#6D28D9", "echoes"],
  "contradicts": ["#B91C1C", "contradicts"], "same-as": ["#4B5563", "is the same event as"]
};
const POLICIES = {
  envelope: "span of all claims (and of the official ones)", all: "every claim", official: "official claims only",
  lowest: "lowest claim", highest: "highest claim"
};
const own = (o, k) => (o !== null && typeof o === "object" && Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined);
const words = (s) => String(s).replace(/([a-z])([A-Z])/g, "$1 $2").replace(/[-_]/g, " ").toLowerCase();
const cap = (s) => (s === "" ? s : s.charAt(0).toUpperCase() + s.slice(1));
const placeName = (id) => { const p = own(D.places, id); return p ? p.n : id; };
const actorName = (id) => { const a = own(D.actors, id); return a ? a.n : id; };
const sourceName = (id) => { const s = own(D.sources, id); return s ? s.o : id; };
const safeUrl = (u) => (typeof u === "string" && /^https?:\/\/[^\s"'<>]+$/i.test(u) ? u : null);
// One collator for every sort by name (localeCompare makes one per call), made when first needed:
// making it loads the locale's rules, which costs tens of milliseconds.
let collator = null;
const collate = (a, b) => (collator === null ? (collator = new Intl.Collator()) : collator).compare(a, b);
const clip = (s, n) => (s.length > n ? s.slice(0, n - 1) + "\u2026" : s);
const pad2 = (n) => String(n).padStart(2, "0");
const recordTime = (i) => {
  if (D.times === null) return "an unrecorded time";
  const d = new Date(D.times[i]);
  return d.getUTCDate() + " " + MONTHS[d.getUTCMonth()] + " " + d.getUTCFullYear() + ", " + pad2(d.getUTCHours()) + ":" + pad2(d.getUTCMinutes()) + " UTC";
};

// Every stream's versions in record-time order (a journal's order normally is).
const byTime = (a, b) => a.t - b.t;
for (const list of [D.events, D.links]) for (const s of list) {
  for (let i = 1; i < s.v.length; i++) if (s.v[i - 1].t > s.v[i].t) { s.v.sort(byTime); break; }
}
const lastTime = D.times === null ? 0 : Math.max(0, D.times.length - 1);

// The place hierarchy, for the place filter and for ordering lanes.
const placePath = new Map();
const pathOf = (id) => {
  if (placePath.has(id)) return placePath.get(id);
  const names = []; const seen = new Set();
  for (let p = id; p !== undefined && !seen.has(p); p = own(own(D.places, p), "w")) { seen.add(p); names.unshift(placeName(p)); }
  const path = names.join("\u0001").toLowerCase();
  placePath.set(id, path);
  return path;
};
const isWithin = (id, target) => {
  const seen = new Set();
  for (let p = id; p !== undefined && !seen.has(p); p = own(own(D.places, p), "w")) { if (p === target) return true; seen.add(p); }
  return false;
};

// The span of every version of every event: the axis does not jump as the record time moves.
const domain = (() => {
  let lo = Infinity, hi = -Infinity;
  for (const s of D.events) for (const v of s.v) if (v.x) for (const b of v.x.b) if (b !== null) { lo = Math.min(lo, b); hi = Math.max(hi, b); }
  if (!(lo < hi)) { lo = 0; hi = 365; }
  const span = Math.max(hi - lo, 30);
  return { from: lo - span * 0.03, to: lo + span * 1.03 };
})();
const startOf = (e) => (e.b[0] === null ? domain.from : e.b[0]);
const endOf = (e) => (e.b[3] === null ? domain.to : e.b[3]);

const versionAt = (v, t) => {
  let lo = 0, hi = v.length - 1, found = -1;
  while (lo <= hi) { const m = (lo + hi) >> 1; if (v[m].t <= t) { found = m; lo = m + 1; } else hi = m - 1; }
  return found;
};
const timelineOrder = (a, b) =>
  (a.e.b[0] === null ? -Infinity : a.e.b[0]) - (b.e.b[0] === null ? -Infinity : b.e.b[0]) ||
  (a.e.b[3] === null ? Infinity : a.e.b[3]) - (b.e.b[3] === null ? Infinity : b.e.b[3]) ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

// The chronicle as recorded at record time index t.
const snapshot = (t) => {
  const events = [];
  for (const s of D.events) {
    const i = versionAt(s.v, t);
    if (i >= 0 && s.v[i].x) events.push({ id: s.id, e: s.v[i].x, stream: s, vi: i, rep: s.id, dups: [], rank: 0, drawn: 0, first: null });
  }
  events.sort(timelineOrder);
  const byId = new Map();
  events.forEach((c, i) => { c.rank = i; byId.set(c.id, c); });
  const links = [];
  for (const s of D.links) {
    const i = versionAt(s.v, t);
    const l = i >= 0 ? s.v[i].x : undefined;
    if (l && byId.has(l.from) && byId.has(l.to)) links.push({ id: s.id, l: l });
  }
  const parent = new Map();
  const find = (id) => { let r = id; while (parent.has(r)) r = parent.get(r); return r; };
  for (const k of links) {
    if (k.l.rel !== "same-as") continue;
    const a = find(k.l.from), b = find(k.l.to);
    if (a === b) continue;
    if (byId.get(a).rank < byId.get(b).rank) parent.set(b, a); else parent.set(a, b);
  }
  for (const c of events) { c.rep = find(c.id); if (c.rep !== c.id) byId.get(c.rep).dups.push(c); }
  const classes = events.filter((c) => c.rep === c.id);
  let added = 0, corrected = 0, retracted = 0;
  if (D.times !== null) for (const s of D.events) for (const v of s.v) if (v.t === t) { if (!v.x) retracted++; else if (v.r > 1) corrected++; else added++; }
  return { t: t, events: events, byId: byId, links: links, classes: classes, changes: { added: added, corrected: corrected, retracted: retracted } };
};

const haystack = (e) => {
  if (e._h === undefined) e._h = [e.title, e.summary || "", e.note || "", e.site || "", e.tags.join(" "), e.demands.join(" ")].join("\n").toLowerCase();
  return e._h;
};
const matchesOne = (e, f) =>
  (f.kind === "" || e.kind === f.kind) &&
  (f.place === "" || isWithin(e.place, f.place) || e.also.some((p) => isWithin(p, f.place))) &&
  (f.actor === "" || e.who.some((w) => w[0] === f.actor)) &&
  (f.text === "" || haystack(e).indexOf(f.text) >= 0);
// A class of same-as reports answers a filter when any of its reports does.
const matches = (c, f) => matchesOne(c.e, f) || c.dups.some((d) => matchesOne(d.e, f));

const laneKeys = (c, by) => {
  if (by === "kind") return [c.e.kind];
  if (by === "actor") { const ids = Array.from(new Set(c.e.who.map((w) => w[0]))); return ids.length === 0 ? [""] : ids; }
  return [c.e.place];
};
const laneLabel = (key, by) => {
  if (by === "kind") return { label: cap(words(key)), parent: "" };
  if (by === "actor") return { label: key === "" ? "No actor named" : actorName(key), parent: "" };
  const w = own(own(D.places, key), "w");
  return { label: placeName(key), parent: w === undefined ? "" : placeName(w) };
};
const laneSort = (by) => (a, b) => {
  if (by === "place") return pathOf(a.key) < pathOf(b.key) ? -1 : pathOf(a.key) > pathOf(b.key) ? 1 : 0;
  if (a.key === "") return 1;
  if (b.key === "") return -1;
  return collate(a.label, b.label);
};
const lanesOf = (classes, by) => {
  const lanes = new Map();
  for (const c of classes) for (const key of laneKeys(c, by)) {
    let lane = lanes.get(key);
    if (!lane) { const l = laneLabel(key, by); lane = { key: key, label: l.label, parent: l.parent, items: [] }; lanes.set(key, lane); }
    lane.items.push(c);
  }
  return Array.from(lanes.values()).sort(laneSort(by));
};

// Ticks: the first step whose width on screen is at least minPx.
const STEPS = [[1, "day"], [2, "day"], [7, "day"], [14, "day"], [1, "month"], [2, "month"], [3, "month"], [6, "month"],
  [1, "year"], [2, "year"], [5, "year"], [10, "year"], [20, "year"], [50, "year"], [100, "year"], [200, "year"], [500, "year"], [1000, "year"]];
const stepDays = (s) => s[0] * (s[1] === "day" ? 1 : s[1] === "month" ? 30.44 : 365.25);
const ticksOf = (from, to, width) => {
  const perDay = width / (to - from);
  const step = STEPS.find((s) => stepDays(s) * perDay >= 72) || STEPS[STEPS.length - 1];
  const out = [];
  const first = new Date(from * DAY);
  if (step[1] === "year") {
    let y = Math.floor(first.getUTCFullYear() / step[0]) * step[0];
    for (let d = Date.UTC(y, 0, 1) / DAY; d <= to && out.length < 400; y += step[0], d = Date.UTC(y, 0, 1) / DAY) {
      if (d >= from) out.push({ d: d, text: y > 0 ? String(y) : (1 - y) + " BCE", major: true });
    }
  } else if (step[1] === "month") {
    let y = first.getUTCFullYear(), m = Math.floor(first.getUTCMonth() / step[0]) * step[0];
    for (let d = Date.UTC(y, m, 1) / DAY; d <= to && out.length < 400; ) {
      if (d >= from) out.push({ d: d, text: (m === 0 || out.length === 0 ? MONTHS[m].slice(0, 3) + " " + y : MONTHS[m].slice(0, 3)), major: m === 0 });
      m += step[0]; if (m >= 12) { m -= 12; y += 1; }
      d = Date.UTC(y, m, 1) / DAY;
    }
  } else {
    for (let d = Math.ceil(from / step[0]) * step[0]; d <= to && out.length < 400; d += step[0]) {
      const date = new Date(d * DAY);
      const text = date.getUTCDate() + " " + MONTHS[date.getUTCMonth()].slice(0, 3) + (out.length === 0 || date.getUTCMonth() === 0 && date.getUTCDate() <= step[0] ? " " + date.getUTCFullYear() : "");
      out.push({ d: d, text: text, major: date.getUTCDate() === 1 });
    }
  }
  return out;
};

// What a mark says about its counts under a policy.
const countWords = (e, policy) => e.counts.map((k) => {
  const s = k.sum[policy];
  if (policy === "envelope") {
    const off = k.sum.official;
    return k.label + " " + (s === null ? "none" : s) + (off !== null && off !== s ? " (official " + off + ")" : "");
  }
  if (policy === "all") return k.label + " " + k.claims.map((c) => c.v).join("; ");
  return k.label + " " + (s === null ? "none " + (policy === "official" ? "official" : "") : s);
}).join(" \u00b7 ");
const contested = (e) => e.counts.some((k) => k.claims.length > 1);
`
