// Chronik's web page: filters in the URL, timeline, actor network, map, event table and
// document view. Plain DOM; every piece of article text goes in through textContent or
// text nodes, never as HTML.
"use strict";

const FILTERS = ["actor", "type", "quad", "country", "sector", "since", "until", "place", "q", "min_confidence"];
const TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
  "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
const QUADS = { "1": "verbal cooperation", "2": "material cooperation", "3": "verbal conflict", "4": "material conflict" };
const SVG = "http://www.w3.org/2000/svg";
const $ = (sel) => document.querySelector(sel);

let nextCursor = null;
let loading = 0;

function el(tag, attrs, text) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function svgEl(tag, attrs, title) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  if (title) {
    const t = document.createElementNS(SVG, "title");
    t.textContent = title;
    node.appendChild(t);
  }
  return node;
}

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

// state in the URL --------------------------------------------------------------------
function state() {
  return new URLSearchParams(location.search);
}

function filterParams() {
  const p = new URLSearchParams();
  const s = state();
  for (const k of FILTERS) if (s.get(k)) p.set(k, s.get(k));
  return p;
}

function setState(changes, push) {
  const s = state();
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === undefined || v === "") s.delete(k); else s.set(k, v);
  }
  const url = location.pathname + (s.toString() ? "?" + s.toString() : "");
  if (push) history.pushState(null, "", url); else history.replaceState(null, "", url);
}

function formToState() {
  const form = $("#filters");
  const changes = {};
  for (const k of FILTERS) changes[k] = form.elements[k].value.trim();
  changes.open = null;
  changes.ev = null;
  setState(changes, true);
}

function stateToForm() {
  const form = $("#filters");
  const s = state();
  for (const k of FILTERS) form.elements[k].value = s.get(k) || "";
  $("#interval").value = s.get("interval") || "month";
}

// data ----------------------------------------------------------------------------------
async function api(path, params) {
  const url = path + (params && params.toString() ? "?" + params.toString() : "");
  const resp = await fetch(url, { headers: { Accept: "application/json" } });
  let body;
  try {
    body = await resp.json();
  } catch (e) {
    throw new Error(`${path}: the server answered ${resp.status} without JSON`);
  }
  if (!resp.ok) throw new Error(body.error || `${path}: ${resp.status}`);
  return body;
}

function showError(err) {
  const box = $("#error");
  if (!err) {
    box.hidden = true;
    box.textContent = "";
    return;
  }
  box.hidden = false;
  box.textContent = String(err.message || err);
}

function busy(delta) {
  loading += delta;
  document.body.dataset.loading = loading > 0 ? "1" : "0";
}

async function refresh() {
  stateToForm();
  showError(null);
  busy(1);
  const f = filterParams();
  const statsParams = new URLSearchParams(f);
  statsParams.set("interval", $("#interval").value);
  try {
    // each view is drawn as soon as its data arrives
    await Promise.all([
      api("/api/events", noTotal(withLimit(f, 50))).then((page) => {
        renderTable(page, false);
        if (!window.chronikTableMs) window.chronikTableMs = performance.now();
      }),
      api("/api/stats", statsParams).then((stats) => {
        $("#summary").textContent = `${stats.events} events`;  // the count comes with the statistics
        renderTimeline(stats);
      }),
      api("/api/dyads", withLimit(f, 40)).then((res) => renderNetwork(res.dyads)),
      api("/api/places", withLimit(f, 300)).then(renderMap),
    ]);
    const open = state().get("open");
    if (open) await openDocument(open, state().get("ev"), false);
    else $("#doc-panel").hidden = true;
  } catch (err) {
    showError(err);
  } finally {
    busy(-1);
    if (!window.chronikFirstRenderMs) window.chronikFirstRenderMs = performance.now();
    document.body.dataset.ready = "1";
  }
}

function noTotal(params) {
  params.set("total", "false");
  return params;
}

function withLimit(params, n) {
  const p = new URLSearchParams(params);
  p.set("limit", String(n));
  return p;
}

// table ----------------------------------------------------------------------------------
function actorText(value) {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.map((a) => {
    const code = [a.country, a.sector].filter(Boolean).join("/");
    return (a.name || a.text || "?") + (code ? ` (${code})` : "");
  }).join(" + ") || "–";
}

function renderTable(page, append) {
  const body = $("#events tbody");
  if (!append) clear(body);
  for (const ev of page.events) {
    const tr = el("tr", { "data-event": ev.event_id, "data-doc": ev.doc_id || "", "data-quad": ev.quad || "" });
    tr.appendChild(el("td", {}, ev.date || "–"));
    tr.appendChild(el("td", { class: "type q" + (ev.quad || "") }, ev.type));
    tr.appendChild(el("td", {}, actorText(ev.source)));
    tr.appendChild(el("td", {}, actorText(ev.target)));
    tr.appendChild(el("td", {}, ev.location ? ev.location.name || ev.location.text : ""));
    tr.appendChild(el("td", { class: "num" }, ev.num_mentions || 1));
    const evidence = (ev.evidence && ev.evidence.text) || "";
    tr.appendChild(el("td", { class: "evidence", title: evidence }, evidence.length > 160 ? evidence.slice(0, 160) + "…" : evidence));
    tr.addEventListener("click", () => {
      if (!ev.doc_id) return;
      setState({ open: ev.doc_id, ev: ev.event_id }, true);
      openDocument(ev.doc_id, ev.event_id, true).catch(showError);
    });
    body.appendChild(tr);
  }
  if (!append && page.events.length === 0) {
    const tr = el("tr", { class: "empty" });
    tr.appendChild(el("td", { colspan: "7" }, "No events match these filters."));
    body.appendChild(tr);
  }
  nextCursor = page.next;
  $("#more").hidden = !nextCursor;
}

async function moreEvents() {
  if (!nextCursor) return;
  const p = withLimit(filterParams(), 50);
  p.set("cursor", nextCursor);
  p.set("total", "false");
  busy(1);
  try {
    renderTable(await api("/api/events", p), true);
  } catch (err) {
    showError(err);
  } finally {
    busy(-1);
  }
}

// timeline -------------------------------------------------------------------------------
function renderTimeline(stats) {
  const svg = $("#timeline");
  clear(svg);
  const W = 600, H = 180, left = 34, bottom = 22, top = 14;
  const rows = stats.timeline;
  svg.dataset.periods = String(rows.length);
  svg.dataset.events = String(stats.events);
  if (!rows.length) {
    svg.appendChild(svgEl("text", { x: W / 2, y: H / 2, "text-anchor": "middle", class: "muted" })).textContent = "no dated events";
    return;
  }
  const totals = rows.map((r) => Object.values(r.quad).reduce((a, b) => a + b, 0));
  const max = Math.max(1, ...totals);
  const bw = (W - left - 4) / rows.length;
  const y = (v) => H - bottom - (v / max) * (H - bottom - top);
  svg.appendChild(svgEl("line", { x1: left, y1: H - bottom, x2: W, y2: H - bottom, class: "axis" }));
  svg.appendChild(svgEl("text", { x: left - 4, y: top + 3, "text-anchor": "end", class: "tick" })).textContent = String(max);
  svg.appendChild(svgEl("text", { x: left - 4, y: H - bottom, "text-anchor": "end", class: "tick" })).textContent = "0";
  rows.forEach((r, i) => {
    let acc = 0;
    for (const q of ["1", "2", "3", "4"]) {
      const n = r.quad[q] || 0;
      if (!n) continue;
      svg.appendChild(svgEl("rect", {
        x: left + i * bw + 0.5, y: y(acc + n), width: Math.max(1, bw - 1), height: y(acc) - y(acc + n),
        class: "bar q" + q, "data-period": r.period, "data-quad": q,
      }, `${r.period}: ${n} ${QUADS[q]}`));
      acc += n;
    }
  });
  const every = Math.max(1, Math.ceil(rows.length / 8));
  rows.forEach((r, i) => {
    if (i % every) return;
    svg.appendChild(svgEl("text", { x: left + i * bw + bw / 2, y: H - 6, "text-anchor": "middle", class: "tick" })).textContent = r.period;
  });
}

function renderLegend() {
  const box = $("#legend");
  for (const [q, name] of Object.entries(QUADS)) {
    const item = el("span", { class: "key" });
    item.appendChild(el("i", { class: "swatch q" + q }));
    item.appendChild(document.createTextNode(`${q} ${name}`));
    box.appendChild(item);
  }
}

// network -------------------------------------------------------------------------------
function intensityColour(v) {
  if (v === null || v === undefined) return "#888";
  const t = Math.max(-10, Math.min(10, v)) / 10;
  return t < 0 ? `rgb(${200}, ${Math.round(120 + 80 * (1 + t))}, ${Math.round(120 + 80 * (1 + t))})`
    : `rgb(${Math.round(120 + 80 * (1 - t))}, ${Math.round(140 + 60 * (1 - t))}, 210)`;
}

function renderNetwork(dyads) {
  const svg = $("#network");
  clear(svg);
  svg.dataset.edges = String(dyads.length);
  const W = 400, H = 300, R = 115;
  const weight = {};
  for (const d of dyads) {
    weight[d.source] = (weight[d.source] || 0) + d.events;
    weight[d.target] = (weight[d.target] || 0) + d.events;
  }
  const nodes = Object.keys(weight).sort((a, b) => weight[b] - weight[a]);
  if (!nodes.length) {
    svg.appendChild(svgEl("text", { x: W / 2, y: H / 2, "text-anchor": "middle", class: "muted" })).textContent = "no dyads";
    return;
  }
  const pos = {};
  nodes.forEach((n, i) => {
    const a = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
    pos[n] = [W / 2 + R * Math.cos(a), H / 2 + R * Math.sin(a)];
  });
  const maxE = Math.max(...dyads.map((d) => d.events));
  for (const d of dyads) {
    const [x1, y1] = pos[d.source], [x2, y2] = pos[d.target];
    const width = 1 + 6 * (d.events / maxE);
    const title = `${d.source} → ${d.target}: ${d.events} events, mean intensity ${d.mean_intensity}`;
    if (d.source === d.target) {
      svg.appendChild(svgEl("circle", { cx: x1, cy: y1 - 12, r: 10, fill: "none", stroke: intensityColour(d.mean_intensity),
        "stroke-width": width, class: "edge" }, title));
      continue;
    }
    // a slight curve keeps A->B and B->A apart
    const mx = (x1 + x2) / 2 + (y2 - y1) * 0.12, my = (y1 + y2) / 2 - (x2 - x1) * 0.12;
    svg.appendChild(svgEl("path", { d: `M${x1},${y1} Q${mx},${my} ${x2},${y2}`, fill: "none",
      stroke: intensityColour(d.mean_intensity), "stroke-width": width, class: "edge",
      "data-source": d.source, "data-target": d.target }, title));
  }
  const maxW = Math.max(...Object.values(weight));
  for (const n of nodes) {
    const [x, y] = pos[n];
    const g = svgEl("g", { class: "node", "data-actor": n, tabindex: "0" }, `${n}: ${weight[n]} events; click to filter`);
    g.appendChild(svgEl("circle", { cx: x, cy: y, r: 6 + 10 * Math.sqrt(weight[n] / maxW) }));
    g.appendChild(svgEl("text", { x: x, y: y + 4, "text-anchor": "middle" })).textContent = n;
    g.addEventListener("click", () => { setState({ actor: n, open: null, ev: null }, true); refresh(); });
    svg.appendChild(g);
  }
}

// map -----------------------------------------------------------------------------------
function renderMap(res) {
  const places = res.places;
  const svg = $("#map");
  clear(svg);
  svg.dataset.places = String(places.length);
  $("#map-note").textContent = res.sampled ? `(latest ${res.considered} events with a place)` : "";
  svg.appendChild(svgEl("rect", { x: -180, y: -90, width: 360, height: 180, class: "sea" }));
  for (let lon = -150; lon <= 150; lon += 30) svg.appendChild(svgEl("line", { x1: lon, y1: -90, x2: lon, y2: 90, class: "grid" }));
  for (let lat = -60; lat <= 60; lat += 30) svg.appendChild(svgEl("line", { x1: -180, y1: -lat, x2: 180, y2: -lat, class: lat ? "grid" : "grid equator" }));
  for (const ring of window.CHRONIK_WORLD || []) {
    svg.appendChild(svgEl("path", { d: "M" + ring.map(([lon, lat]) => `${lon},${-lat}`).join("L") + "Z", class: "land" }));
  }
  const max = Math.max(1, ...places.map((p) => p.events));
  for (const p of places) {
    const c = svgEl("circle", { cx: p.lon, cy: -p.lat, r: 1.5 + 5 * Math.sqrt(p.events / max), class: "place",
      "data-place": p.name || "" }, `${p.name || "?"} (${p.country || "?"}): ${p.events} events; click to filter`);
    c.addEventListener("click", () => { setState({ place: p.name, open: null, ev: null }, true); refresh(); });
    svg.appendChild(c);
  }
}

// document view -----------------------------------------------------------------------------
function segments(text, spans) {
  // cut the text at every span boundary; each piece knows which spans cover it
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(Math.max(0, Math.min(text.length, s.start))); cuts.add(Math.max(0, Math.min(text.length, s.end))); }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    out.push({ text: text.slice(a, b), covers: spans.filter((s) => s.start <= a && s.end >= b && s.end > s.start) });
  }
  return out;
}

async function openDocument(docId, eventId, scroll) {
  const doc = await api("/api/documents/" + encodeURIComponent(docId));
  const panel = $("#doc-panel");
  panel.hidden = false;
  panel.dataset.doc = doc.doc_id;
  $("#doc-title").textContent = doc.title || doc.doc_id;
  $("#doc-meta").textContent = [doc.published, doc.source, doc.lang, doc.url].filter(Boolean).join(" · ");
  const list = $("#doc-events");
  clear(list);
  for (const ev of doc.events) {
    const li = el("li", { "data-event": ev.event_id, class: ev.event_id === eventId ? "current" : "" });
    const a = el("a", { href: "#" }, `${ev.date || "–"} ${ev.type}: ${actorText(ev.source)} → ${actorText(ev.target)}`);
    a.addEventListener("click", (e) => {
      e.preventDefault();
      setState({ ev: ev.event_id }, false);
      openDocument(docId, ev.event_id, true).catch(showError);
    });
    li.appendChild(a);
    list.appendChild(li);
  }
  const spans = [];
  for (const ev of doc.events) {
    if (ev.evidence.start === null || ev.evidence.end === null) continue;
    spans.push({ start: ev.evidence.start, end: ev.evidence.end, kind: ev.event_id === eventId ? "current" : "evidence", ev });
  }
  for (const m of doc.mentions) spans.push({ start: m.start, end: m.end, kind: "actor", m });
  const box = $("#doc-text");
  clear(box);
  let first = null;
  for (const seg of segments(doc.text, spans)) {
    if (!seg.covers.length) { box.appendChild(document.createTextNode(seg.text)); continue; }
    const kinds = new Set(seg.covers.map((s) => s.kind));
    const mark = el("mark", { class: [...kinds].join(" ") }, seg.text);
    const actor = seg.covers.find((s) => s.kind === "actor");
    if (actor) mark.title = `${actor.m.name || actor.m.text} (${[actor.m.country, actor.m.sector].filter(Boolean).join("/")})`;
    if (kinds.has("current") && !first) first = mark;
    box.appendChild(mark);
  }
  if (first && scroll) first.scrollIntoView({ block: "center" });
  if (scroll && !first) panel.scrollIntoView();
}

// start ----------------------------------------------------------------------------------
async function actorSuggestions(q) {
  if (q.length < 2) return;
  try {
    const res = await api("/api/actors", new URLSearchParams({ q, limit: "15" }));
    const list = $("#actor-list");
    clear(list);
    for (const a of res.actors) list.appendChild(el("option", { value: a.name || a.country || "" }, `${a.country || ""} ${a.events} events`));
  } catch (err) { /* suggestions are optional */ }
}

function start() {
  const typeSelect = $("#filters").elements.type;
  for (const t of TYPES) typeSelect.appendChild(el("option", { value: t }, t));
  renderLegend();
  $("#filters").addEventListener("submit", (e) => { e.preventDefault(); formToState(); refresh(); });
  $("#reset").addEventListener("click", () => { history.pushState(null, "", location.pathname); refresh(); });
  $("#interval").addEventListener("change", () => { setState({ interval: $("#interval").value }, false); refresh(); });
  $("#more").addEventListener("click", moreEvents);
  $("#doc-close").addEventListener("click", () => { setState({ open: null, ev: null }, true); $("#doc-panel").hidden = true; });
  let timer = null;
  $("#filters").elements.actor.addEventListener("input", (e) => {
    clearTimeout(timer);
    timer = setTimeout(() => actorSuggestions(e.target.value.trim()), 200);
  });
  window.addEventListener("popstate", refresh);
  refresh();
}

document.addEventListener("DOMContentLoaded", start);
