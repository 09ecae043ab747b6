// kg view: the embedded graph, laid out and drawn by vis-network (inlined before this script, from the
// pyvis package). This script adds what kg needs: colours by class, labels that never overlap, a
// search box, focus on an entity and its neighbours, and the evidence of each fact. MIT, like kg.
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("kg-data").textContent);
  const details = document.getElementById("details");
  const FONT = 13, FACE = 'system-ui, "Liberation Sans", Arial, sans-serif';  // label size on screen, any zoom
  const byId = new Map(data.entities.map(e => [e.id, Object.assign({}, e, {degree: 0, shown: true})]));
  const edges = data.edges.filter(e => byId.has(e.subject) && byId.has(e.object));
  const near = new Map([...byId.keys()].map(id => [id, new Set([id])]));
  edges.forEach((e, i) => {
    e.id = i;
    byId.get(e.subject).degree++; byId.get(e.object).degree++;
    near.get(e.subject).add(e.object); near.get(e.object).add(e.subject);
  });
  const big = byId.size > 400;
  let focused = null;

  function html(tag, text, parent, cls) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (cls) node.className = cls;
    if (parent) parent.appendChild(node);
    return node;
  }

  function radius(n) { return 6 + 3 * Math.sqrt(n.degree); }
  function colour(n, dim) {
    const c = dim ? "#e4e4e4" : (data.colors[n.type] || "#999");
    return {background: c, border: dim ? "#e4e4e4" : "#ffffff", highlight: {background: c, border: "#d62728"},
            hover: {background: c, border: "#d62728"}};
  }

  const nodes = new vis.DataSet([...byId.values()].map(n => ({id: n.id, label: n.label, size: radius(n),
                                                                color: colour(n, false)})));
  const pairs = new Map();
  const links = new vis.DataSet(edges.map(e => {
    const key = [e.subject, e.object].sort().join(" "), seen = pairs.get(key) || 0;
    pairs.set(key, seen + 1);
    e.curved = seen > 0;
    return {id: e.id, from: e.subject, to: e.object, arrows: "to", width: 0.5 + 2 * e.confidence,
            smooth: seen ? {enabled: true, type: seen % 2 ? "curvedCW" : "curvedCCW", roundness: 0.2 * Math.ceil(seen / 2)}
                         : false};
  }));
  const network = new vis.Network(document.getElementById("graph"), {nodes: nodes, edges: links}, {
    layout: {randomSeed: 7, improvedLayout: byId.size <= 150},
    // on a large graph a coarser Barnes-Hut sum (theta) halved the layout time of 1,485 entities
    // (2,000 articles) for the same picture, and shorter batches let the page show its progress
    physics: {solver: "forceAtlas2Based",
              forceAtlas2Based: {theta: big ? 1 : 0.5, gravitationalConstant: -80, springLength: 110, avoidOverlap: 0.5},
              stabilization: {iterations: big ? 250 : 500, updateInterval: big ? 10 : 50}},
    interaction: {hover: true, hideEdgesOnDrag: big, multiselect: false},
    nodes: {shape: "dot", borderWidth: 1.5, font: {size: FONT, face: FACE, strokeWidth: 3, strokeColor: "#fcfcfc"}},
    edges: {color: {color: "#9a9a9a", highlight: "#d62728", hover: "#d62728"}, selectionWidth: 1.5,
            font: {size: FONT, face: FACE, color: "#555", strokeWidth: 3, strokeColor: "#fcfcfc", align: "horizontal"}},
  });

  // Labels keep one size on screen; a label is drawn only where it overlaps no label already placed,
  // the best-connected entities (and the focused ones) first. Run again after every zoom or drag.
  // A box is the text's width and 12 px: vis-network draws a label a few pixels wider than the text
  // (with 8, an edge label of 2,000 articles' view overlapped its hub's name by 1.4 px)
  const measure = document.createElement("canvas").getContext("2d");
  function declutter() {
    const scale = network.getScale(), positions = network.getPositions();
    network.setOptions({nodes: {font: {size: FONT / scale}}, edges: {font: {size: FONT / scale}}});
    measure.font = `${FONT}px ${FACE}`;
    const order = [...byId.values()].sort((a, b) => rank(b) - rank(a) || (a.label < b.label ? -1 : 1));
    const placed = new Map(), cell = 150 / scale, updates = [];
    let edgeUpdates = [];
    for (const n of order) {
      // a focused entity's own label, then its edges' labels, then its neighbours' names: around a hub
      // of many neighbours their names would otherwise leave no room for what relates them
      if (focused && n !== focused && !edgeUpdates.length) edgeUpdates = edgeLabels(positions, placed, cell, scale);
      const p = positions[n.id], r = Math.max(radius(n), 3 / scale);  // a dot stays visible zoomed out
      const w = (measure.measureText(n.label).width + 12) / scale, h = (FONT * 1.4 + 8) / scale;
      const box = {x0: Math.min(p.x - w / 2, p.x - r), x1: Math.max(p.x + w / 2, p.x + r), y0: p.y - r - 2 / scale,
                   y1: p.y + r + h};
      const show = (!focused || near.get(focused.id).has(n.id)) && place(box, placed, cell);
      if (show !== n.shown || r !== n.size) {
        n.shown = show; n.size = r;
        updates.push({id: n.id, label: show ? n.label : "", size: r});
      }
    }
    nodes.update(updates);
    if (focused) links.update(edgeUpdates.length ? edgeUpdates : edgeLabels(positions, placed, cell, scale));
  }
  // A focused entity's straight edges are labelled at their middle, where that overlaps no label placed.
  function edgeLabels(positions, placed, cell, scale) {
    return edges.filter(e => e.subject === focused.id || e.object === focused.id).map(e => {
      const a = positions[e.subject], b = positions[e.object], x = (a.x + b.x) / 2, y = (a.y + b.y) / 2;
      const w = (measure.measureText(e.label).width + 12) / scale, h = (FONT * 1.4 + 4) / scale;
      const box = {x0: x - w / 2, x1: x + w / 2, y0: y - h / 2, y1: y + h / 2};
      e.shown = !e.curved && e.subject !== e.object && place(box, placed, cell);
      return {id: e.id, label: e.shown ? e.label : " "};  // vis-network keeps a label set to ""
    });
  }
  function rank(n) {
    return (n === focused ? 2e6 : 0) + (focused && near.get(focused.id).has(n.id) ? 1e6 : 0) + n.degree;
  }
  function place(box, placed, cell) {
    const cells = [];
    for (let i = Math.floor(box.x0 / cell); i <= Math.floor(box.x1 / cell); i++)
      for (let j = Math.floor(box.y0 / cell); j <= Math.floor(box.y1 / cell); j++) cells.push(`${i},${j}`);
    for (const key of cells)
      for (const o of placed.get(key) || [])
        if (box.x0 < o.x1 && o.x0 < box.x1 && box.y0 < o.y1 && o.y0 < box.y1) return false;
    for (const key of cells) { if (!placed.has(key)) placed.set(key, []); placed.get(key).push(box); }
    return true;
  }
  let pending = null;
  function later() { clearTimeout(pending); pending = setTimeout(declutter, 80); }

  function focus(n) {
    focused = n;
    const keep = n ? near.get(n.id) : null;
    nodes.update([...byId.values()].map(m => ({id: m.id, color: colour(m, keep && !keep.has(m.id))})));
    links.update(edges.map(e => {
      const on = n && (e.subject === n.id || e.object === n.id);
      e.shown = false;
      return {id: e.id, label: " ", hidden: Boolean(n) && !on};
    }));
    if (n) {
      network.selectNodes([n.id]);
      network.fit({nodes: [...keep], animation: false});
      showEntity(n);
    } else {
      network.unselectAll();
    }
    declutter();
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
    network.selectEdges([e.id]);
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
    details.replaceChildren();
    html("h2", n.label, details);
    fields([["type", n.type], ["aliases", n.aliases.join(", ")], ["IRI", n.id]], details);
    for (const link of n.links) {
      const a = html("a", link, html("div", undefined, details));
      a.href = link;
      a.rel = "noopener noreferrer";
    }
    const facts = edges.filter(e => e.subject === n.id || e.object === n.id);
    html("p", facts.length ? `${facts.length} fact${facts.length === 1 ? "" : "s"}:` : "No facts.", details);
    const list = html("ul", undefined, details);
    for (const e of facts) {
      const a = html("a", `${byId.get(e.subject).label} ${e.label} ${byId.get(e.object).label}`,
                     html("li", undefined, list), "fact");
      a.dataset.edge = e.id;
      a.addEventListener("click", () => showEdge(e));
    }
  }

  function find(text) {
    const q = text.trim().toLowerCase(), all = [...byId.values()];
    if (!q) return null;
    return all.find(n => [n.label, ...n.aliases].some(x => x.toLowerCase() === q))
      || all.filter(n => n.label.toLowerCase().includes(q)).sort((a, b) => b.degree - a.degree)[0] || null;
  }

  function search() {
    const box = document.getElementById("search"), list = document.getElementById("names");
    for (const n of [...byId.values()].sort((a, b) => b.degree - a.degree)) html("option", undefined, list).value = n.label;
    const go = () => {
      const n = find(box.value);
      if (n) { focus(n); return; }
      details.replaceChildren();
      html("p", `No entity called “${box.value}” is drawn (a label or an alias, in any case).`, details, "hint");
    };
    box.addEventListener("change", go);
    box.addEventListener("keydown", ev => { if (ev.key === "Enter") go(); });
  }

  function legend() {
    const box = document.getElementById("legend");
    for (const [depth, name, count] of data.legend) {
      if (!count) continue;
      const row = html("span", undefined, box, depth ? "entry sub" : "entry");
      html("span", undefined, row, "swatch").style.background = data.colors[name.replace(/^other /, "")] || "#999";
      html("span", `${name} ${count}`, row);
    }
    const f = data.filters, hidden = data.stored - byId.size;
    const parts = [`${byId.size} entities, ${edges.length} facts`];
    if (!f.all_entities && hidden > 0) parts.push(`${hidden} entities without a fact not drawn`);
    if (f.entity) parts.push(`around “${f.entity}”`);
    if (f.min_confidence !== null) parts.push(`confidence ≥ ${f.min_confidence}`);
    document.getElementById("summary").textContent = parts.join(" · ");
  }

  network.on("click", params => {
    if (params.nodes.length) focus(byId.get(params.nodes[0]));
    else if (params.edges.length) showEdge(edges[params.edges[0]]);
    else focus(null);
  });
  network.on("zoom", later);
  network.on("dragEnd", later);
  // the layout of a large graph takes seconds: say so rather than show an empty canvas
  const progress = document.getElementById("progress");
  network.on("stabilizationProgress", p => {
    progress.textContent = `laying out… ${Math.round(100 * p.iterations / p.total)}%`;
  });
  network.once("stabilizationIterationsDone", () => {
    progress.remove();
    network.setOptions({physics: false});
    network.fit({animation: false});
    declutter();
    network.once("afterDrawing", () => { document.body.dataset.ready = "true"; });
    network.redraw();
  });
  search();
  legend();
  window.kg = {network: network, nodes: nodes, edges: edges, entities: byId, focus: focus, find: find};
})();
