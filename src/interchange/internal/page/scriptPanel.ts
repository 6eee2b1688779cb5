/**
 * The last part of the timeline page's script, as text (see `scriptState.ts` for why a string):
 * the tooltip of a mark (every claim and its claimant), the panel of the selected event (dates as
 * the sources give them, every claim, every citation with its link, its links to other events and
 * its revision history), the table of events below the chart, the controls, and the input
 * handlers (mouse, touch, keyboard, printing).
 *
 * @internal
 */
export const scriptPanel = String.raw`
const claimLine = (c) => {
  const bits = [c.v];
  if (c.by) bits.push("claimed by " + actorName(c.by));
  if (c.on) bits.push("on " + c.on);
  if (c.src.length > 0) bits.push("(" + c.src.map(sourceName).join("; ") + ")");
  return bits.join(" ") + (c.off ? " \u2014 official" : "");
};

const showTip = (p) => {
  if (!p || !p.visible) return;
  const e = p.c.e;
  tip.replaceChildren(el("strong", null, [e.title]), el("div", null, [e.words + " \u00b7 " + placeName(e.place) + (e.unc ? " \u00b7 date uncertain" : "")]));
  for (const k of e.counts) tip.append(el("div", null, [cap(k.label) + ":"]), el("ul", null, k.claims.map((c) => el("li", null, [claimLine(c)]))));
  if (p.c.dups.length > 0) tip.append(el("div", null, ["Also reported as: " + p.c.dups.map((d) => d.e.title).join("; ")]));
  tip.hidden = false;
  const b = boxOf(p);
  const left = Math.min(Math.max(b.x, 4), Math.max(width - tip.offsetWidth - 4, 4));
  const below = p.y + ROW + 2;
  tip.style.left = left + "px";
  tip.style.top = (below + tip.offsetHeight > wrap.clientHeight && p.y - tip.offsetHeight - 2 > 0 ? p.y - tip.offsetHeight - 2 : below) + "px";
  tip.shownFor = p.key;
};
const hideTip = () => { if (!tip.hidden) { tip.hidden = true; tip.shownFor = null; } };

const versionLine = (v, shownIndex, i) => {
  const what = !v.x ? (v.r === 1 && !v.why ? "Unreadable revision " + v.r : "Retracted") : v.r === 1 ? "Recorded" : "Corrected (revision " + v.r + ")";
  const text = what + ", " + recordTime(v.t) + (v.a ? ", by " + v.a : "") + (v.why ? ": " + v.why : "");
  const later = v.t > S.t;
  const item = el("li", { class: later ? "later" : null }, [text]);
  if (i === shownIndex) item.append(el("span", { class: "badge" }, ["shown"]));
  if (later) item.append(el("span", { class: "badge" }, ["after the chosen record time"]));
  if (D.history && D.times !== null && D.times.length > 1 && v.t !== S.t) {
    const b = el("button", { type: "button", class: "linklike" }, [" view the chronicle then"]);
    b.addEventListener("click", () => setTime(v.t));
    item.append(" ", b);
  }
  return item;
};

const selectButton = (id, text) => {
  const b = el("button", { type: "button", class: "linklike" }, [text]);
  b.addEventListener("click", () => select(id, true));
  return b;
};

const drawPanel = () => {
  const panel = $("tl-panel");
  panel.replaceChildren();
  const id = S.selected;
  const stream = id === null ? undefined : D.events.find((s) => s.id === id);
  panel.classList.toggle("empty", stream === undefined);
  if (stream === undefined) {
    panel.append(el("h2", { id: "tl-panel-title" }, ["Event details"]), el("p", { class: "note" }, ["Select an event on the chart or in the table to see its dates, every claim, its sources and its history."]));
    return;
  }
  const vi = versionAt(stream.v, S.t);
  const shownVi = vi >= 0 && stream.v[vi].x ? vi : -1;
  let latest = -1; stream.v.forEach((v, i) => { if (v.x) latest = i; });
  const e = (shownVi >= 0 ? stream.v[shownVi] : stream.v[Math.max(latest, 0)]).x;
  const close = el("button", { type: "button", class: "panel-close" }, ["Close"]);
  close.addEventListener("click", () => select(null, false));
  panel.append(el("h2", { id: "tl-panel-title" }, [e ? e.title : id]), close);
  if (shownVi < 0) panel.append(el("p", { class: "note" }, ["Not in the chronicle as recorded on " + recordTime(S.t) + "; " + (e ? "shown as last recorded" : "never readable") + "."]));
  if (e) {
    panel.append(el("p", null, [el("strong", null, [cap(words(e.kind))]), " \u00b7 " + e.words + " ", el("code", null, [e.when])]));
    const q = [];
    if (e.approx) q.push("approximate: drawn with soft edges over the dates it may cover");
    if (e.unc) q.push("uncertain: the sources are not sure of it (dashed outline)");
    if (q.length > 0) panel.append(el("p", { class: "note" }, ["Date " + q.join("; ") + "."]));
    if (e.note) panel.append(el("p", { class: "note" }, ["Dating: " + e.note]));
    const where = [e.site || null, placeName(e.place)].concat(e.also.map(placeName)).filter((s) => s);
    const w = own(own(D.places, e.place), "w");
    panel.append(el("p", null, [el("strong", null, ["Where: "]), where.join(", ") + (w !== undefined ? " (" + placeName(w) + ")" : "")]));
    if (e.summary) panel.append(el("p", null, [e.summary]));
    if (e.who.length > 0) panel.append(el("h3", null, ["Who"]), el("ul", null, e.who.map((w2) => el("li", null, [actorName(w2[0]) + " \u2014 " + w2[1]]))));
    if (e.demands.length > 0) panel.append(el("p", null, [el("strong", null, ["Demands: "]), e.demands.join("; ")]));
    for (const k of e.counts) {
      const kept = new Set(k.kept[S.policy] || []);
      const sum = k.sum[S.policy];
      panel.append(el("h3", null, [cap(k.label) + ": " + (sum === null ? "no " + (S.policy === "official" ? "official " : "") + "claim" : sum)]));
      panel.append(el("p", { class: "note" }, [POLICIES[S.policy] + "; " + k.claims.length + " claim" + (k.claims.length === 1 ? "" : "s") + " recorded:"]));
      panel.append(el("ul", null, k.claims.map((c, i) => el("li", null, [claimLine(c), c.note ? " \u2014 " + c.note : null, kept.has(i) ? el("span", { class: "badge kept" }, ["kept"]) : null]))));
    }
    for (const d of e.disputes) {
      panel.append(el("h3", null, ["Disputed: " + d.topic]), el("ul", null, d.claims.map((c) => el("li", null, [c.v + (c.by ? ", claimed by " + actorName(c.by) : "") + (c.src.length ? " (" + c.src.map(sourceName).join("; ") + ")" : "")]))));
    }
    if (e.tags.length > 0) panel.append(el("p", { class: "note" }, ["Tags: " + e.tags.join(", ")]));
    panel.append(el("h3", null, ["Sources"]), el("ol", null, e.cites.map((c) => {
      const s = own(D.sources, c.s);
      const item = el("li", null, [s ? link(s.u, s.t || s.o) : c.s]);
      if (s && s.t) item.append(" \u2014 " + s.o);
      if (s && (s.a || s.p)) item.append(" (" + [s.a, s.p].filter((x) => x).join(", ") + ")");
      if (c.loc) item.append(", " + c.loc);
      if (c.q) item.append(el("blockquote", null, [c.q]));
      if (c.tr) item.append(el("blockquote", null, ["Translation: " + c.tr]));
      return item;
    })));
  }
  const snap = S.snap;
  const c = snap.byId.get(id);
  const related = [];
  if (c) {
    const rep = snap.byId.get(c.rep);
    for (const other of [rep].concat(rep.dups)) if (other.id !== id) related.push(el("li", null, ["Same event, reported as: ", selectButton(other.id, other.e.title)]));
    for (const k of snap.links) {
      if (k.l.rel === "same-as" || (k.l.from !== id && k.l.to !== id)) continue;
      const out = k.l.from === id;
      const other = snap.byId.get(out ? k.l.to : k.l.from);
      const rel = (RELATIONS[k.l.rel] || [0, k.l.rel])[1];
      const item = el("li", null, [out ? "This " + rel + ": " : "", selectButton(other.id, other.e.title), out ? "" : " " + rel + " this"]);
      if (k.l.why) item.append(" \u2014 " + k.l.why);
      if (k.l.inf) item.append(" (proposed by rule " + k.l.inf.rule + ", score " + k.l.inf.score.toFixed(2) + ": " + k.l.inf.reason + ")");
      if (k.l.cites.length > 0) item.append(" [" + k.l.cites.map((x) => sourceName(x.s)).join("; ") + "]");
      related.push(item);
    }
  }
  if (related.length > 0) panel.append(el("h3", null, ["Links"]), el("ul", null, related));
  panel.append(el("h3", null, ["History"]), el("ol", null, stream.v.map((v, i) => versionLine(v, shownVi, i))));
  if (!D.history) panel.append(el("p", { class: "note" }, ["This page holds only the current revision of each record; earlier revisions and retracted records were left out."]));
};

const TABLE_ROWS = 300;
let tableDraws = 0;
const drawTable = (classes) => {
  const body = $("tl-table").tBodies[0];
  const rows = S.tableAll ? classes : classes.slice(0, TABLE_ROWS);
  body.replaceChildren(...rows.map((c) => {
    const e = c.e;
    const title = el("th", { scope: "row" }, [selectButton(c.id, e.title)]);
    if (c.dups.length > 0) title.append(el("div", { class: "note" }, ["Also reported as: " + c.dups.map((d) => d.e.title).join("; ")]));
    const counts = el("td", null, e.counts.length === 0 ? [] : [el("ul", null, e.counts.map((k) => el("li", null, [cap(k.label) + ": " + (k.sum[S.policy] === null ? "none" : S.policy === "all" ? k.claims.map((x) => x.v).join("; ") : k.sum[S.policy])])))]);
    const sources = el("td", null, [el("ul", null, Array.from(new Set(e.cites.map((x) => x.s))).map((sid) => { const s = own(D.sources, sid); return el("li", null, [s ? link(s.u, s.o) : sid]); }))]);
    return el("tr", null, [el("td", { class: "when" }, [e.words, el("br"), el("code", null, [e.when])]), title, el("td", null, [cap(words(e.kind))]), el("td", null, [(e.site ? e.site + ", " : "") + placeName(e.place)]), counts, sources]);
  }));
  $("tl-table-caption").textContent = classes.length + " event" + (classes.length === 1 ? "" : "s") + (D.times !== null ? " as recorded on " + recordTime(S.t) : "") + ", in time order; counts: " + POLICIES[S.policy] + (rows.length < classes.length ? "; the first " + rows.length + " shown" : "") + ".";
  document.documentElement.setAttribute("data-table", String(++tableDraws));
  $("tl-table-wrap").hidden = false;
  const more = $("tl-table-more");
  more.hidden = rows.length >= classes.length;
  more.textContent = "Show all " + classes.length + " rows";
};

// A change of what is shown (record time, filters, policy, lanes): table, panel and chart.
// The table is drawn after the chart's frame: it is below the chart, and the chart answers first.
const refresh = () => { S.tableDirty = true; drawPanel(); schedule(); };
const setTime = (t) => { S.t = t; const r = $("tl-asof"); r.value = String(t); $("tl-asof-out").textContent = recordTime(t); refresh(); };
const select = (id, focus) => {
  S.selected = id;
  hideTip();
  const c = id === null ? undefined : S.snap.byId.get(id);
  if (c) {
    const p = placed.find((q) => q.c.id === c.rep);
    if (p) { S.active = p.key; if (!p.visible) centreOn(p.c); }
    else if (!matches(S.snap.byId.get(c.rep), S.f)) centreOn(S.snap.byId.get(c.rep));
  }
  drawPanel(); draw();
  if (focus && id !== null) $("tl-panel").focus();
};
const zoom = (factor, at) => {
  const span = S.view.to - S.view.from;
  const next = Math.min(Math.max(span * factor, 1), (domain.to - domain.from) * 4);
  // Buttons and keys zoom around the selected event when it is on screen, else around the middle.
  const sel = at === undefined && S.selected !== null ? placed.find((p) => p.visible && p.c.id === (S.snap.byId.get(S.selected) || { rep: null }).rep) : undefined;
  const centre = at !== undefined ? at : sel ? dayAt(Math.min(Math.max(sel.x0 + sel.w / 2, 0), width)) : S.view.from + span / 2;
  S.view = { from: centre - (centre - S.view.from) * (next / span), to: centre + (S.view.to - centre) * (next / span) };
  schedule();
};
const pan = (fraction) => { const d = (S.view.to - S.view.from) * fraction; S.view = { from: S.view.from + d, to: S.view.to + d }; schedule(); };
const centreOn = (c) => { const span = S.view.to - S.view.from, mid = (startOf(c.e) + endOf(c.e)) / 2; S.view = { from: mid - span / 2, to: mid + span / 2 }; };

const fill = (select, options) => { for (const o of options) select.append(el("option", { value: o[0] }, [o[1]])); };
const setUp = () => {
  const named = new Set(), usedActors = new Set();
  for (const s of D.events) for (const v of s.v) if (v.x) {
    named.add(v.x.place);
    for (const p of v.x.also) named.add(p);
    for (const w of v.x.who) usedActors.add(w[0]);
  }
  // Each place named, with the places it lies within.
  const usedPlaces = new Set();
  for (const p of named) for (let q = p; q !== undefined && !usedPlaces.has(q); q = own(own(D.places, q), "w")) usedPlaces.add(q);
  fill($("tl-kind"), [["", "All kinds"]].concat(kinds.map((k) => [k, cap(words(k))])));
  const depth = (id) => pathOf(id).split("\u0001").length - 1;
  fill($("tl-place"), [["", "All places"]].concat(Array.from(usedPlaces).sort((a, b) => (pathOf(a) < pathOf(b) ? -1 : 1)).map((p) => [p, "\u2003".repeat(depth(p)) + placeName(p)])));
  // The actors' menu is sorted by name, which needs the collator: it is filled once the chart is painted.
  afterPaint(() => fill($("tl-actor"), Array.from(usedActors).sort((a, b) => collate(actorName(a), actorName(b))).map((a) => [a, actorName(a)])));
  fill($("tl-actor"), [["", "All actors"]]);
  $("tl-group").value = S.by;
  $("tl-policy").value = S.policy;
  const range = $("tl-asof");
  if (D.times === null || D.times.length < 2 || !D.history) {
    $("tl-asof-box").hidden = true;
  } else {
    range.max = String(lastTime); range.value = String(S.t);
    $("tl-asof-out").textContent = recordTime(S.t);
  }
  range.addEventListener("input", () => { S.t = Number(range.value); $("tl-asof-out").textContent = recordTime(S.t); refresh(); });
  $("tl-latest").addEventListener("click", () => setTime(lastTime));
  $("tl-group").addEventListener("change", (ev) => { S.by = ev.target.value; S.active = null; refresh(); });
  $("tl-policy").addEventListener("change", (ev) => { S.policy = ev.target.value; refresh(); });
  for (const k of ["kind", "place", "actor"]) $("tl-" + k).addEventListener("change", (ev) => { S.f[k] = ev.target.value; refresh(); });
  let typing = 0;
  $("tl-text").addEventListener("input", (ev) => { clearTimeout(typing); typing = setTimeout(() => { S.f.text = ev.target.value.trim().toLowerCase(); refresh(); }, 120); });
  $("tl-clear").addEventListener("click", () => {
    S.f = { kind: "", place: "", actor: "", text: "" };
    for (const k of ["kind", "place", "actor", "text"]) $("tl-" + k).value = "";
    refresh();
  });
  $("tl-zoom-in").addEventListener("click", () => zoom(0.5));
  $("tl-zoom-out").addEventListener("click", () => zoom(2));
  $("tl-pan-left").addEventListener("click", () => pan(-0.25));
  $("tl-pan-right").addEventListener("click", () => pan(0.25));
  $("tl-reset").addEventListener("click", () => { S.view = { from: domain.from, to: domain.to }; schedule(); });
  $("tl-table-more").addEventListener("click", () => { S.tableAll = true; drawTable(filtered()); });
  window.addEventListener("beforeprint", () => { S.tableAll = true; drawTable(filtered()); });

  const pointAt = (ev) => { const r = svg.getBoundingClientRect(); return hitAt(ev.clientX - r.left, ev.clientY - r.top); };
  let hovered = null;
  svg.addEventListener("pointermove", (ev) => {
    if (drag !== null && dragged) return;
    const p = pointAt(ev);
    if (p === hovered) return;
    hovered = p;
    svg.classList.toggle("over", p !== null);
    if (p !== null) showTip(p); else if (document.activeElement !== focusBox) hideTip();
  });
  svg.addEventListener("pointerleave", () => { hovered = null; svg.classList.remove("over"); if (document.activeElement !== focusBox) hideTip(); });
  focusBox.addEventListener("focus", () => { showTip(activePlaced()); focusBox.setAttribute("aria-describedby", "tl-tip"); });
  focusBox.addEventListener("blur", () => { hideTip(); focusBox.removeAttribute("aria-describedby"); });
  let drag = null, dragged = false;
  svg.addEventListener("pointerdown", (ev) => { if (ev.button !== 0) return; drag = { x: ev.clientX, view: S.view, id: ev.pointerId }; dragged = false; });
  svg.addEventListener("pointermove", (ev) => {
    if (drag === null) return;
    const dx = ev.clientX - drag.x;
    if (!dragged && Math.abs(dx) < 4) return;
    if (!dragged) { dragged = true; svg.setPointerCapture(drag.id); svg.classList.add("dragging"); hideTip(); }
    const d = (dx / width) * (drag.view.to - drag.view.from);
    S.view = { from: drag.view.from - d, to: drag.view.to - d };
    schedule();
  });
  const endDrag = () => { drag = null; svg.classList.remove("dragging"); };
  svg.addEventListener("pointerup", endDrag);
  svg.addEventListener("pointercancel", endDrag);
  svg.addEventListener("click", (ev) => {
    if (dragged) { dragged = false; return; }
    const p = pointAt(ev);
    if (p) { S.active = p.key; select(p.c.id, false); }
  });
  svg.addEventListener("dblclick", (ev) => { const r = svg.getBoundingClientRect(); zoom(0.5, dayAt(ev.clientX - r.left)); });
  svg.addEventListener("wheel", (ev) => {
    const r = svg.getBoundingClientRect();
    if (ev.ctrlKey || ev.metaKey) { ev.preventDefault(); zoom(Math.exp(ev.deltaY * 0.002), dayAt(ev.clientX - r.left)); }
    else if (Math.abs(ev.deltaX) > Math.abs(ev.deltaY)) { ev.preventDefault(); pan(ev.deltaX / width); }
  }, { passive: false });
  svg.addEventListener("keydown", (ev) => {
    const k = ev.key;
    if (k === "+" || k === "=") zoom(0.5);
    else if (k === "-" || k === "_") zoom(2);
    else if (k === "0") { S.view = { from: domain.from, to: domain.to }; schedule(); }
    else if (k === "Escape") { hideTip(); if (S.selected !== null) select(null, false); }
    else if ((k === "ArrowLeft" || k === "ArrowRight") && ev.shiftKey) pan(k === "ArrowLeft" ? -0.2 : 0.2);
    else if (k === "ArrowLeft" || k === "ArrowRight" || k === "ArrowUp" || k === "ArrowDown" || k === "Home" || k === "End") move(k);
    else if ((k === "Enter" || k === " ") && ev.target === focusBox) { const p = activePlaced(); if (p) select(p.c.id, false); else return; }
    else return;
    ev.preventDefault();
  });
  new ResizeObserver((seen) => {
    const w = seen[seen.length - 1].contentRect.width;
    if (w !== wrapWidth) { wrapWidth = w; schedule(); }
  }).observe(wrap);
};

// Arrow keys: left and right through time, up and down to the nearest mark in the next row.
const move = (key) => {
  const order = placed.slice().sort((a, b) => a.x0 - b.x0 || a.y - b.y);
  if (order.length === 0) return;
  const at = Math.max(0, order.findIndex((p) => p.key === S.active));
  const cur = order[at];
  let next = cur;
  if (key === "ArrowRight") next = order[Math.min(at + 1, order.length - 1)];
  else if (key === "ArrowLeft") next = order[Math.max(at - 1, 0)];
  else if (key === "Home") next = order[0];
  else if (key === "End") next = order[order.length - 1];
  else {
    const rows = order.filter((p) => (key === "ArrowDown" ? p.y > cur.y : p.y < cur.y));
    if (rows.length > 0) {
      const y = key === "ArrowDown" ? Math.min(...rows.map((p) => p.y)) : Math.max(...rows.map((p) => p.y));
      next = rows.filter((p) => p.y === y).reduce((a, b) => (Math.abs(b.x0 - cur.x0) < Math.abs(a.x0 - cur.x0) ? b : a));
    }
  }
  S.active = next.key;
  if (!next.visible) centreOn(next.c);
  draw();
  focusBox.focus();
  showTip(activePlaced());
};

const swatch = (draw) => { const s = sv("svg", { width: 26, height: 12, "aria-hidden": "true" }); draw(s); return s; };
const drawLegend = () => {
  const list = $("tl-legend");
  const item = (sw, text) => list.append(el("li", null, [sw, text]));
  for (const k of kinds) item(swatch((s) => s.append(sv("rect", { x: 1, y: 1, width: 24, height: 10, rx: 2, fill: colourOf(k) }))), cap(words(k)));
  item(swatch((s) => s.append(sv("rect", { x: 11, y: 0, width: 4, height: 12, fill: "#1d2329" }))), "a known day");
  item(swatch((s) => s.append(sv("rect", { x: 1, y: 1, width: 24, height: 10, fill: "#1d2329", "fill-opacity": 0.5 }), sv("rect", { x: 8, y: 4, width: 10, height: 4, fill: "#1d2329" }))), "a range of possible dates (solid bar: certainly ongoing)");
  item(swatch((s) => s.append(sv("rect", { x: 1, y: 1, width: 24, height: 10, fill: "#1d2329", "fill-opacity": 0.2 }), sv("rect", { x: 7, y: 1, width: 12, height: 10, fill: "#1d2329", "fill-opacity": 0.5 }))), "approximate (~): pale edges over the dates it may reach");
  item(swatch((s) => s.append(sv("rect", { x: 1, y: 1, width: 24, height: 10, fill: "#fff", stroke: "#1d2329", "stroke-dasharray": "3 2" }))), "uncertain (?): dashed outline");
  item(swatch(() => undefined), "\u2696 contested count: every claim on hover, focus or in the panel");
  for (const r in RELATIONS) if (r !== "same-as") item(swatch((s) => s.append(sv("path", { d: "M1 11 C1 1 25 1 25 11", fill: "none", stroke: RELATIONS[r][0], "stroke-width": 2 }))), RELATIONS[r][1]);
  item(swatch((s) => s.append(sv("path", { d: "M1 11 C1 1 25 1 25 11", fill: "none", stroke: "#4B5563", "stroke-width": 2, "stroke-dasharray": "4 3" }))), "dashed arc: inferred link");
  item(swatch(() => undefined), "\u00d7n: n reports of one event (same-as)");
};

const initStarted = performance.now();
// The frame first, while the page is small: its width is read once here, then from the observer.
$("tl-chart-section").hidden = false;
$("tl-controls").hidden = false;
wrapWidth = wrap.clientWidth;
setUp();
drawLegend();
S.snap = snapshot(S.t);
// The chart first; the table below it is built once the chart is painted (draw schedules it).
S.tableDirty = true;
drawPanel();
draw();
performance.measure("timeline:init", { start: initStarted });
document.documentElement.setAttribute("data-ready", "true");
`
