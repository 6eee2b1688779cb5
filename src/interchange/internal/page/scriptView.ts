/**
 * The second part of the timeline page's script, as text (see `scriptState.ts` for why a string):
 * the page's state and the chart as SVG — lanes, axis, marks, arcs, the focus and selection boxes,
 * the status line.
 *
 * Every text from the data reaches the page through `textContent` or `setAttribute`, never as
 * markup, and only http(s) addresses become links. Marks are drawn as a few paths, one per kind
 * colour and style, each holding all its marks as sub-paths, so that moving the slider or panning
 * over 10,000 events stays quick; marks off screen are left out of them.
 *
 * @internal
 */
export const scriptView = String.raw`
const SVGNS = "http://www.w3.org/2000/svg";
const $ = (id) => document.getElementById(id);
const el = (tag, attrs, kids) => {
  const n = document.createElement(tag);
  if (attrs) for (const k in attrs) if (attrs[k] !== undefined && attrs[k] !== null) n.setAttribute(k, attrs[k]);
  if (kids) for (const k of kids) if (k !== null && k !== undefined) n.append(k);
  return n;
};
const sv = (tag, attrs) => {
  const n = document.createElementNS(SVGNS, tag);
  if (attrs) for (const k in attrs) n.setAttribute(k, attrs[k]);
  return n;
};
const set = (n, k, v) => { const s = String(v); if (n.getAttribute(k) !== s) n.setAttribute(k, s); };
const link = (url, text) => { const u = safeUrl(url); return u ? el("a", { href: u, target: "_blank", rel: "noopener noreferrer" }, [text]) : document.createTextNode(text); };

const S = {
  t: Math.min(Math.max(0, D.asOf), lastTime), policy: D.policy, by: D.groupBy,
  f: { kind: "", place: "", actor: "", text: "" }, view: { from: domain.from, to: domain.to },
  selected: null, active: null, tableAll: false, tableDirty: false, snap: null
};
const kinds = (() => { const set = new Set(); for (const s of D.events) for (const v of s.v) if (v.x) set.add(v.x.kind); return Array.from(set).sort(); })();
const colourOf = (kind) => PALETTE[Math.max(0, kinds.indexOf(kind)) % PALETTE.length];

const svg = $("tl-chart"), wrap = $("tl-chart-wrap"), tip = $("tl-tip");
const gGrid = sv("g"), gLanes = sv("g"), gArcs = sv("g", { "aria-hidden": "true" }), gMarks = sv("g", { "aria-hidden": "true" }), gLabels = sv("g", { "aria-hidden": "true" }), gAxis = sv("g", { "aria-hidden": "true" });
// The selected mark's outline, and the one mark in the tab order: a rect that moves from event to
// event with the arrow keys and carries the event's name.
const selBox = sv("rect", { class: "sel-box", display: "none", rx: 2 });
const focusBox = sv("rect", { class: "focus-box", display: "none", rx: 2, role: "button" });
const gFocus = sv("g", { role: "group", "aria-label": "Events" });
gFocus.append(selBox, focusBox);
svg.append(gLanes, gGrid, gArcs, gMarks, gLabels, gFocus, gAxis);

const AXIS = 30, HEAD = 18, ROW = 22, GAP = 8, LABELS = 250, ARCS = 300;
// Marks are drawn as a few paths (one per kind colour and style), each holding every mark of its
// style as a sub-path: 10,000 events make some forty elements, not 10,000, so drawing stays fast.
// Pointer and keyboard find the event under the pointer or next in time from the list of placed
// marks (hit testing) rather than from the DOM.
const layers = new Map();
const layer = (key, parent, attrs) => {
  let p = layers.get(key);
  if (p === undefined) { p = sv("path", attrs); p.setAttribute("data-layer", key); parent.append(p); layers.set(key, p); }
  return p;
};
const labels = new Map();
let placed = [];
let frame = 0;
// Work the reader does not see at once (the table below the chart) waits until the chart is painted.
const afterPaint = (f) => (typeof scheduler === "object" && scheduler && typeof scheduler.postTask === "function" ? scheduler.postTask(f, { priority: "background" }) : setTimeout(f, 20));
const schedule = () => { if (frame === 0) frame = requestAnimationFrame(() => { frame = 0; draw(); }); };

const filtered = () => layout().classes;

const describe = (c) => {
  const e = c.e;
  const parts = [e.title, e.words + (e.unc ? ", uncertain date" : "") + (e.approx ? ", approximate date" : ""), placeName(e.place), cap(words(e.kind))];
  const counts = countWords(e, S.policy);
  if (counts !== "") parts.push(counts);
  if (c.dups.length > 0) parts.push((c.dups.length + 1) + " reports of one event");
  return parts.join("; ");
};

// Each version's extent in days and its style, computed once.
const geo = (e) => {
  if (e._g === undefined) {
    const s = startOf(e), end = endOf(e);
    e._g = { s: s, end: end, day: !e.unc && !e.approx && end - s <= 1.0001, k: Math.max(0, kinds.indexOf(e.kind)),
      core: e.approx && e.core ? e.core : null, bar: e.b[1] !== null && e.b[2] !== null && e.b[2] > e.b[1] ? [e.b[1], e.b[2]] : null };
  }
  return e._g;
};
const rectPath = (x, y, w, h) => { const r = Math.max(1, Math.round(w)); return "M" + Math.round(x) + " " + y + "h" + r + "v" + h + "h" + -r + "z"; };
// Where a placed mark is drawn: its band (at least a few pixels wide) and its row.
const boxOf = (p) => ({ x: p.x0, y: p.y + 3, w: p.w, h: ROW - 6 });
const clipX = (x) => Math.min(Math.max(x, -10), width + 10);

// The chart's width, as the resize observer reports it: reading it from the layout in each draw
// would force the browser to lay out the page there and then.
let width = 800, wrapWidth = 0;
const px = (d) => ((d - S.view.from) / (S.view.to - S.view.from)) * width;
const dayAt = (x) => S.view.from + (x / width) * (S.view.to - S.view.from);

const drawn = new Map();
const drawMarks = (shown, withLabels) => {
  const buf = new Map();
  const add = (key, d) => { const list = buf.get(key); if (list === undefined) buf.set(key, [d]); else list.push(d); };
  const used = new Set();
  const y3 = 3, h = ROW - 6;
  for (const p of shown) {
    const e = p.c.e, g = geo(e), k = g.k;
    const bx = clipX(p.x0), bx1 = clipX(p.x0 + p.w), y = p.y + y3;
    if (g.day) add("day " + k, rectPath(bx, y, bx1 - bx, h));
    else if (g.core !== null) {
      // Soft edges: the widening of an approximate date is drawn paler than its core.
      const c0 = Math.min(Math.max(clipX(px(g.core[0])), bx), bx1), c1 = Math.max(Math.min(clipX(px(g.core[1])), bx1), c0);
      if (c0 - bx >= 1) add("edge " + k, rectPath(bx, y, c0 - bx, h));
      if (bx1 - c1 >= 1) add("edge " + k, rectPath(c1, y, bx1 - c1, h));
      add("band " + k, rectPath(c0, y, c1 - c0, h));
    } else add("band " + k, rectPath(bx, y, bx1 - bx, h));
    // The part of an interval that certainly took place: a solid bar inside the band.
    if (!g.day && g.bar !== null) { const x = clipX(px(g.bar[0])); add("bar " + k, rectPath(x, p.y + ROW / 2 - 3, clipX(px(g.bar[1])) - x, 6)); }
    if (e.unc) add("unc", rectPath(bx, y, bx1 - bx, h));
    if (withLabels) {
      used.add(p.key);
      let l = labels.get(p.key);
      if (l === undefined || l.e !== e || l.policy !== S.policy || l.dups !== p.c.dups.length) {
        if (l !== undefined) l.el.remove();
        const text = sv("text", { class: "lbl" });
        text.append(document.createTextNode(clip(e.title, width < 600 ? 28 : 48) + (e.unc ? " ?" : "") + (p.c.dups.length > 0 ? " \u00d7" + (p.c.dups.length + 1) : "")));
        const counts = e.counts.length === 0 ? "" : (contested(e) ? "\u2696 " : "") + countWords(e, S.policy);
        if (counts !== "") { const t = sv("tspan", { class: "cnt" }); t.textContent = " " + clip(counts, 60); text.append(t); }
        gLabels.append(text);
        l = { el: text, e: e, policy: S.policy, dups: p.c.dups.length };
        labels.set(p.key, l);
      }
      set(l.el, "x", (Math.max(p.x0 + p.w, 0) + 4).toFixed(1)); set(l.el, "y", p.y + ROW / 2 + 4);
    }
  }
  for (const [key, l] of labels) if (!used.has(key)) { l.el.remove(); labels.delete(key); }
  const put = (key, attrs) => {
    const list = buf.get(key);
    if (list === undefined && !layers.has(key)) return;
    const d = list === undefined ? "" : list.join("");
    if (drawn.get(key) !== d) { layer(key, gMarks, attrs).setAttribute("d", d); drawn.set(key, d); }
  };
  kinds.forEach((kind, k) => {
    for (const style of ["edge", "band", "day", "bar"]) {
      put(style + " " + k, { fill: colourOf(kind), "fill-opacity": style === "edge" ? "0.2" : style === "band" ? "0.5" : "1", class: "marks " + style });
    }
  });
  put("unc", { class: "marks unc" });
  set(svg, "data-marks", shown.length);
};

// What the filters keep and how it falls into lanes, kept until the record time, a filter or the lanes change.
let laid = { key: null, classes: [], lanes: [] };
const layout = () => {
  if (S.snap === null || S.snap.t !== S.t) S.snap = snapshot(S.t);
  const key = S.by + "\u0001" + S.f.kind + "\u0001" + S.f.place + "\u0001" + S.f.actor + "\u0001" + S.f.text;
  if (laid.key !== key || laid.snap !== S.snap) {
    const classes = S.snap.classes.filter((c) => matches(c, S.f));
    laid = { key: key, snap: S.snap, classes: classes, lanes: lanesOf(classes, S.by) };
  }
  return laid;
};

// Each draw is timed (performance.measure "timeline:draw"), for whoever wants to know.
let draws = 0;
const draw = () => {
  const started = performance.now();
  draws++;
  width = Math.max(wrapWidth || 800, 200);
  const { classes, lanes } = layout();
  const from = S.view.from, scale = width / (S.view.to - S.view.from);
  let onScreen = 0;
  for (const lane of lanes) for (const c of lane.items) {
    const g = geo(c.e);
    if ((g.end - from) * scale >= -20 && (g.s - from) * scale <= width + 20) onScreen++;
  }
  const withLabels = onScreen <= LABELS;
  const labelWidth = (c) => (withLabels ? Math.min(width < 600 ? 28 : 48, c.e.title.length + 2) * 6.2 + (c.e.counts.length > 0 ? 90 : 0) : 0);
  const maxRows = withLabels ? 60 : 14;
  placed = [];
  const shown = [];
  while (gLanes.firstChild) gLanes.firstChild.remove();
  const seen = new Map();
  let y = AXIS;
  lanes.forEach((lane, li) => {
    const ends = [];
    const start = placed.length;
    for (const c of lane.items) {
      const g = geo(c.e);
      const x0 = (g.s - from) * scale, w = Math.max((g.end - g.s) * scale, g.day ? 4 : 3), x1 = x0 + w;
      const visible = x1 >= -20 && x0 <= width + 20;
      // Only marks on screen take rows; the others wait at the first row until the view reaches them.
      let row = 0;
      if (visible) {
        row = -1;
        for (let r = 0; r < ends.length; r++) if (ends[r] + 4 <= x0) { row = r; break; }
        if (row < 0) {
          if (ends.length < maxRows) { row = ends.length; ends.push(-Infinity); }
          else { row = 0; for (let r = 1; r < ends.length; r++) if (ends[r] < ends[row]) row = r; }
        }
        ends[row] = Math.max(ends[row], (withLabels ? Math.max(x1, 0) + 4 : x1) + labelWidth(c));
      }
      // Keyed by event (and by its n-th lane when it is in several, by actor).
      const n = seen.get(c.id) || 0;
      seen.set(c.id, n + 1);
      const p = { key: n === 0 ? c.id : c.id + "\u0000" + n, c: c, x0: x0, x1: x1, w: w, row: row, y: 0, lane: li, visible: visible };
      if (n === 0) { c.drawn = draws; c.first = p; }
      placed.push(p);
      if (visible) shown.push(p);
    }
    const rows = Math.max(ends.length, 1);
    const h = HEAD + rows * ROW + GAP;
    for (let i = start; i < placed.length; i++) placed[i].y = y + HEAD + placed[i].row * ROW;
    gLanes.append(sv("rect", { class: "lane-bg" + (li % 2 ? " odd" : ""), x: 0, y: y, width: width, height: h }));
    const label = sv("text", { class: "lane-label", x: 6, y: y + 13 });
    label.textContent = lane.label;
    if (lane.parent !== "") { const p = sv("tspan", { class: "parent" }); p.textContent = " \u00b7 " + lane.parent; label.append(p); }
    gLanes.append(label);
    y += h;
  });
  drawMarks(shown, withLabels);
  const height = Math.max(y, AXIS + 40);
  set(svg, "height", height); set(svg, "viewBox", "0 0 " + width + " " + height);
  drawAxis(height);
  drawArcs();
  roving();
  status(classes);
  if (S.tableDirty) { S.tableDirty = false; afterPaint(() => drawTable(filtered())); }
  performance.measure("timeline:draw", { start: started });
};

// The placed mark under a point of the chart: the narrowest band there.
const hitAt = (x, y) => {
  let best = null;
  for (const p of placed) {
    if (!p.visible || y < p.y + 1 || y > p.y + ROW - 1) continue;
    const b = boxOf(p);
    if (x < b.x - 2 || x > b.x + b.w + 2) continue;
    if (best === null || p.w < best.w) best = p;
  }
  return best;
};
const placeBox = (node, p) => {
  if (!p || !p.visible) { set(node, "display", "none"); return; }
  const b = boxOf(p);
  set(node, "x", (b.x - 2).toFixed(1)); set(node, "y", b.y - 2); set(node, "width", (b.w + 4).toFixed(1)); set(node, "height", b.h + 4); set(node, "display", "inline");
};

const drawAxis = (height) => {
  while (gGrid.firstChild) gGrid.firstChild.remove();
  while (gAxis.firstChild) gAxis.firstChild.remove();
  gAxis.append(sv("rect", { class: "axis-bg", x: 0, y: 0, width: width, height: AXIS - 4 }));
  for (const t of ticksOf(S.view.from, S.view.to, width)) {
    const x = px(t.d);
    gGrid.append(sv("line", { class: "grid", x1: x, x2: x, y1: AXIS - 6, y2: height, "stroke-width": t.major ? 1.5 : 1 }));
    const text = sv("text", { class: "tick", x: x + 3, y: 17 });
    text.textContent = t.text;
    gAxis.append(text);
  }
};

const centreOf = (p) => (Math.max(p.x0, -5) + Math.min(p.x1, width + 5)) / 2;
const drawArcs = () => {
  for (const n of Array.from(gArcs.querySelectorAll("text"))) n.remove();
  // Each class's first placed mark, as this draw left it (draw marks the class with its number).
  const at = (id) => { const c = snap.byId.get(id); return c !== undefined && c.drawn === draws ? c.first : undefined; };
  const snap = S.snap;
  const selRep = S.selected !== null && snap.byId.has(S.selected) ? snap.byId.get(S.selected).rep : null;
  const arcs = [];
  for (const k of snap.links) {
    if (k.l.rel === "same-as") continue;
    const a = at(snap.byId.get(k.l.from).rep), b = at(snap.byId.get(k.l.to).rep);
    if (!a || !b || a === b || (!a.visible && !b.visible)) continue;
    arcs.push({ k: k, a: a, b: b, hl: selRep !== null && (a.c.id === selRep || b.c.id === selRep) });
  }
  // A chart with hundreds of arcs on screen is a tangle: then only the selected event's are drawn.
  const crowded = arcs.length > ARCS;
  if (crowded) arcs.splice(0, arcs.length, ...arcs.filter((r) => r.hl));
  S.arcsHidden = crowded;
  // One path per relation (and per inferred or asserted, highlighted or not), like the marks.
  const buf = new Map();
  for (const r of arcs) {
    const first = r.a.x0 <= r.b.x0 ? r.a : r.b, second = first === r.a ? r.b : r.a;
    const x1 = centreOf(first), y1 = first.y + 3, x2 = centreOf(second), y2 = second.y + 3;
    const h = Math.min(70, 14 + Math.abs(x2 - x1) / 5);
    const top = Math.min(y1, y2) - h;
    const key = r.k.l.rel + (r.k.l.inf ? " inferred" : "") + (r.hl ? " hl" : "");
    const d = "M" + x1.toFixed(1) + " " + y1 + "C" + x1.toFixed(1) + " " + top + " " + x2.toFixed(1) + " " + top + " " + x2.toFixed(1) + " " + y2;
    if (buf.has(key)) buf.get(key).push(d); else buf.set(key, [d]);
    const mid = (x1 + x2) / 2;
    if ((arcs.length <= 30 || r.hl) && x2 - x1 > 60 && mid > 40 && mid < width - 40) {
      const colour = (RELATIONS[r.k.l.rel] || ["#555"])[0];
      const label = sv("text", { class: "arc-label", x: mid, y: top + h * 0.25 + 3, "text-anchor": "middle", fill: colour });
      label.textContent = (RELATIONS[r.k.l.rel] || [0, r.k.l.rel])[1];
      gArcs.append(label);
    }
  }
  for (const key of new Set(Array.from(layers.keys()).filter((k) => k.startsWith("arc ")).map((k) => k.slice(4)).concat(Array.from(buf.keys())))) {
    const rel = key.split(" ")[0];
    const path = layer("arc " + key, gArcs, { class: "arc" + (key.indexOf(" inferred") >= 0 ? " inferred" : "") + (key.indexOf(" hl") >= 0 ? " hl" : ""), stroke: (RELATIONS[rel] || ["#555"])[0] });
    set(path, "d", buf.has(key) ? buf.get(key).join("") : "");
  }
  set(svg, "data-arcs", arcs.length);
};

// The focus box stands on the active mark (the selected one, else the first on screen), named for
// its event; the selection box outlines the selected event.
const roving = () => {
  let active = placed.find((p) => p.visible && p.key === S.active);
  if (!active && S.selected !== null) active = placed.find((p) => p.visible && (p.c.id === S.selected || p.c.dups.some((d) => d.id === S.selected)));
  if (!active) active = placed.find((p) => p.visible);
  S.active = active ? active.key : null;
  placeBox(focusBox, active);
  if (active) { set(focusBox, "tabindex", "0"); set(focusBox, "aria-label", describe(active.c)); set(focusBox, "data-id", active.c.id); }
  else { focusBox.removeAttribute("tabindex"); focusBox.removeAttribute("aria-label"); }
  const sel = S.selected === null ? null : placed.find((p) => p.c.id === S.selected || p.c.dups.some((d) => d.id === S.selected));
  placeBox(selBox, sel);
};
const activePlaced = () => placed.find((p) => p.key === S.active);

const status = (classes) => {
  const snap = S.snap;
  const all = snap.classes.length;
  const merged = snap.events.length - all;
  const parts = [(classes.length === all ? "Showing all " + all : "Showing " + classes.length + " of " + all) + " event" + (all === 1 ? "" : "s")];
  if (merged > 0) parts.push(merged + " duplicate report" + (merged === 1 ? "" : "s") + " joined by same-as links");
  parts.push(snap.links.filter((k) => k.l.rel !== "same-as").length + " links" + (S.arcsHidden ? " (over " + ARCS + " on screen: only the selected event's are drawn; zoom in to see them)" : ""));
  if (D.times !== null) {
    const ch = snap.changes, said = [];
    if (ch.added) said.push(ch.added + " recorded"); if (ch.corrected) said.push(ch.corrected + " corrected"); if (ch.retracted) said.push(ch.retracted + " retracted");
    parts.push("as recorded on " + recordTime(S.t) + (said.length > 0 ? " (then: " + said.join(", ") + ")" : ""));
  }
  parts.push("counts: " + POLICIES[S.policy]);
  $("tl-status").textContent = parts.join(" \u00b7 ") + ".";
};
`
