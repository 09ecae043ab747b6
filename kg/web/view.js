// kg view: draws the embedded graph data as SVG. Written for kg (MIT, like the package); no library.
"use strict";
(function () {
  const SVG = "http://www.w3.org/2000/svg";
  const data = JSON.parse(document.getElementById("kg-data").textContent);
  const svg = document.getElementById("graph");
  const details = document.getElementById("details");
  const nodes = data.entities.map(e => Object.assign({}, e, {degree: 0}));
  const byId = new Map(nodes.map(n => [n.id, n]));
  const edges = data.edges.filter(e => byId.has(e.subject) && byId.has(e.object));
  edges.forEach(e => { byId.get(e.subject).degree++; byId.get(e.object).degree++; });
  let selected = null;

  function el(name, attrs, parent) {
    const node = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    if (parent) parent.appendChild(node);
    return node;
  }

  function html(tag, text, parent, cls) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (cls) node.className = cls;
    if (parent) parent.appendChild(node);
    return node;
  }

  function radius(n) { return 7 + Math.min(10, 2 * Math.sqrt(n.degree)); }

  // Fruchterman-Reingold, from a circle in label order: the same data always gives the same picture.
  function layout() {
    const n = nodes.length, k = 150, centre = 0;
    nodes.forEach((v, i) => {
      const a = 2 * Math.PI * i / Math.max(1, n);
      v.x = centre + 40 * Math.sqrt(n) * Math.cos(a);
      v.y = centre + 40 * Math.sqrt(n) * Math.sin(a);
    });
    let t = 60;
    for (let step = 0; step < 500; step++) {
      nodes.forEach(v => { v.dx = (centre - v.x) * 0.05; v.dy = (centre - v.y) * 0.05; });
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          const a = nodes[i], b = nodes[j];
          const dx = a.x - b.x, dy = a.y - b.y, d = Math.max(1, Math.hypot(dx, dy));
          if (d > 2 * k) continue;  // far nodes do not push: loose entities stay near the rest
          const f = k * k / d / d;
          a.dx += dx * f; a.dy += dy * f; b.dx -= dx * f; b.dy -= dy * f;
        }
      }
      for (const e of edges) {
        const a = byId.get(e.subject), b = byId.get(e.object);
        if (a === b) continue;
        const dx = a.x - b.x, dy = a.y - b.y, f = Math.hypot(dx, dy) / k;
        a.dx -= dx * f; a.dy -= dy * f; b.dx += dx * f; b.dy += dy * f;
      }
      nodes.forEach(v => {
        const d = Math.max(0.01, Math.hypot(v.dx, v.dy)), s = Math.min(d, t) / d;
        v.x += v.dx * s; v.y += v.dy * s;
      });
      t = Math.max(1, t * 0.985);
    }
  }

  // Edges between the same two entities bend apart; the label sits at the middle of the curve.
  function geometry(e, bend) {
    const a = byId.get(e.subject), b = byId.get(e.object);
    if (a === b) {
      const r = radius(a);
      return {d: `M${a.x + r},${a.y} C${a.x + 50},${a.y - 50} ${a.x - 10},${a.y - 60} ${a.x},${a.y - r}`,
              lx: a.x + 22, ly: a.y - 48};
    }
    const dx = b.x - a.x, dy = b.y - a.y, len = Math.max(1, Math.hypot(dx, dy));
    const cx = (a.x + b.x) / 2 - dy / len * bend, cy = (a.y + b.y) / 2 + dx / len * bend;
    const ra = radius(a), rb = radius(b) + 3;
    const ua = Math.hypot(cx - a.x, cy - a.y) || 1, ub = Math.hypot(cx - b.x, cy - b.y) || 1;
    const sx = a.x + (cx - a.x) / ua * ra, sy = a.y + (cy - a.y) / ua * ra;
    const ex = b.x + (cx - b.x) / ub * rb, ey = b.y + (cy - b.y) / ub * rb;
    return {d: `M${sx},${sy} Q${cx},${cy} ${ex},${ey}`, lx: (sx + 2 * cx + ex) / 4, ly: (sy + 2 * cy + ey) / 4};
  }

  function render() {
    const defs = el("defs", {}, svg);
    const marker = el("marker", {id: "arrow", viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 5,
                                 markerHeight: 5, orient: "auto-start-reverse"}, defs);
    el("path", {d: "M0,0 L10,5 L0,10 z", fill: "#999"}, marker);
    const view = el("g", {id: "view"}, svg);
    const lines = el("g", {}, view), circles = el("g", {}, view), labels = el("g", {}, view);
    const pairs = new Map();
    for (const e of edges) {
      const key = [e.subject, e.object].sort().join(" ");
      const seen = pairs.get(key) || 0;
      pairs.set(key, seen + 1);
      const bend = seen === 0 ? 0 : (seen % 2 ? 1 : -1) * 28 * Math.ceil(seen / 2);
      const sign = e.subject < e.object ? 1 : -1;
      const g = geometry(e, bend * sign);
      const group = el("g", {"class": "edge", "data-subject": byId.get(e.subject).label,
                             "data-predicate": e.predicate, "data-object": byId.get(e.object).label}, lines);
      el("path", {"class": "line", d: g.d, "marker-end": "url(#arrow)",
                  "stroke-width": 1 + 2 * e.confidence}, group);
      el("path", {"class": "hit", d: g.d}, group);
      const label = el("text", {x: g.lx, y: g.ly - 3, "text-anchor": "middle", "class": "edge-label"}, labels);
      label.textContent = e.label;
      e.elements = [group, label];
      for (const target of e.elements) target.addEventListener("click", ev => { ev.stopPropagation(); showEdge(e); });
    }
    for (const n of nodes) {
      const group = el("g", {"class": "node", "data-label": n.label, "data-type": n.type,
                             transform: `translate(${n.x},${n.y})`}, circles);
      el("circle", {r: radius(n), fill: data.colors[n.type] || "#999"}, group);
      el("text", {x: radius(n) + 3, y: 4}, group).textContent = n.label;
      n.elements = [group];
      group.addEventListener("click", ev => { ev.stopPropagation(); showEntity(n); });
    }
    fit();
  }

  let box = {x: 0, y: 0, w: 1, h: 1};
  function fit() {
    const xs = nodes.map(n => n.x), ys = nodes.map(n => n.y);
    const x0 = Math.min(0, ...xs) - 60, y0 = Math.min(0, ...ys) - 60;
    const x1 = Math.max(0, ...xs) + 160, y1 = Math.max(0, ...ys) + 40;
    box = {x: x0, y: y0, w: x1 - x0, h: y1 - y0};
    svg.setAttribute("viewBox", `${box.x} ${box.y} ${box.w} ${box.h}`);
  }

  function panAndZoom() {
    let drag = null;
    svg.addEventListener("mousedown", ev => { drag = {x: ev.clientX, y: ev.clientY, box: Object.assign({}, box)}; });
    window.addEventListener("mouseup", () => { drag = null; });
    window.addEventListener("mousemove", ev => {
      if (!drag) return;
      const scale = box.w / svg.clientWidth;
      box.x = drag.box.x - (ev.clientX - drag.x) * scale;
      box.y = drag.box.y - (ev.clientY - drag.y) * scale;
      svg.setAttribute("viewBox", `${box.x} ${box.y} ${box.w} ${box.h}`);
    });
    svg.addEventListener("wheel", ev => {
      ev.preventDefault();
      const f = ev.deltaY > 0 ? 1.15 : 1 / 1.15, r = svg.getBoundingClientRect();
      const px = box.x + (ev.clientX - r.left) / r.width * box.w, py = box.y + (ev.clientY - r.top) / r.height * box.h;
      box = {x: px - (px - box.x) * f, y: py - (py - box.y) * f, w: box.w * f, h: box.h * f};
      svg.setAttribute("viewBox", `${box.x} ${box.y} ${box.w} ${box.h}`);
    }, {passive: false});
    svg.addEventListener("click", () => select(null));
  }

  function select(item) {
    if (selected) selected.elements.forEach(x => x.classList.remove("selected"));
    selected = item;
    if (item) item.elements.forEach(x => x.classList.add("selected"));
  }

  function marked(sentence, marks, parent) {
    let at = 0;
    for (const [b, e] of marks) {
      if (b < at || e > sentence.length) continue;
      parent.appendChild(document.createTextNode(sentence.slice(at, b)));
      html("mark", sentence.slice(b, e), parent);
      at = e;
    }
    parent.appendChild(document.createTextNode(sentence.slice(at)));
  }

  function fields(pairs, parent) {
    const dl = html("dl", undefined, parent);
    for (const [k, v] of pairs) if (v) { html("dt", k, dl); html("dd", v, dl); }
  }

  function showEdge(e) {
    select(e);
    details.replaceChildren();
    html("h2", `${byId.get(e.subject).label} — ${e.label} → ${byId.get(e.object).label}`, details);
    for (const ev of e.evidence) {
      const box = html("div", undefined, details, "evidence");
      marked(ev.sentence, ev.marks, html("blockquote", undefined, box, "sentence"));
      fields([["document", ev.title ? `${ev.document} (${ev.title})` : ev.document],
              ["confidence", ev.confidence.toFixed(2)], ["date", ev.date],
              ["attributed to", ev.attributed_to], ["rule", ev.rule]], box);
    }
  }

  function showEntity(n) {
    select(n);
    details.replaceChildren();
    html("h2", n.label, details);
    fields([["type", n.type], ["aliases", n.aliases.join(", ")], ["IRI", n.id]], details);
    for (const link of n.links) {
      const a = html("a", link, html("div", undefined, details));
      a.href = link;
      a.rel = "noopener noreferrer";
    }
    const facts = edges.filter(e => e.subject === n.id || e.object === n.id);
    html("p", facts.length ? `${facts.length} facts:` : "No facts.", details);
    const list = html("ul", undefined, details);
    for (const e of facts) {
      const a = html("a", `${byId.get(e.subject).label} ${e.label} ${byId.get(e.object).label}`,
                     html("li", undefined, list), "fact");
      a.addEventListener("click", () => showEdge(e));
    }
  }

  function legend() {
    const counts = {};
    nodes.forEach(n => { counts[n.type] = (counts[n.type] || 0) + 1; });
    const box = document.getElementById("legend");
    for (const [type, colour] of Object.entries(data.colors)) {
      if (!counts[type]) continue;
      const row = html("span", undefined, box, "entry");
      html("span", undefined, row, "swatch").style.background = colour;
      html("span", `${type} (${counts[type]})`, row);
    }
    const f = data.filters, parts = [`${nodes.length} entities, ${edges.length} facts`];
    if (f.entity) parts.push(`around “${f.entity}”`);
    if (f.min_confidence !== null) parts.push(`confidence ≥ ${f.min_confidence}`);
    document.getElementById("summary").textContent = parts.join(" · ");
  }

  layout();
  render();
  panAndZoom();
  legend();
  document.body.dataset.ready = "true";
})();
