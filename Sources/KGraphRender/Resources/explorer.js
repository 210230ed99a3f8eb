// The kgraph explorer: pan and zoom over Graphviz's drawing, find names as the CLI does, filter,
// follow paths and read every relation's evidence. Written for this page, no framework.
//
// Safety rule: text from the graph is only ever put in the page with textContent or as an
// attribute value; never as markup. Links are made only for http(s) URLs.
(function () {
  'use strict';

  const tParse = performance.now();
  const D = JSON.parse(document.getElementById('kg-data').textContent);
  const tParsed = performance.now();
  const $ = (id) => document.getElementById(id);
  const SVGNS = 'http://www.w3.org/2000/svg';
  const ASSERTIONS = ['reported', 'claimed', 'attributed', 'alleged', 'denied'];
  const CONFIDENCES = ['high', 'medium', 'low'];
  const MAX_HOPS = 6; // as `kgraph path` without --max-hops

  // ---- Data ----------------------------------------------------------------------------------

  const entityIndex = new Map(D.entities.map((e, i) => [e.e.id, i]));
  const kindOf = new Map(D.kinds.map((k) => [k.id, k]));
  const typeOf = new Map(D.types.map((t) => [t.id, t]));
  const edgeOfRelation = new Int32Array(D.relations.length).fill(-1);
  D.edges.forEach((rels, k) => rels.forEach((r) => { edgeOfRelation[r] = k; }));

  const ent = (i) => D.entities[i].e;
  const kindLabel = (id) => (kindOf.get(id) || { label: id }).label;
  const typeLabel = (id) => (typeOf.get(id) || { label: id }).label;
  const nameOf = (id) => (entityIndex.has(id) ? ent(entityIndex.get(id)).name : id);

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  // A link only for http(s); anything else (javascript:, data:) stays visible as plain text.
  function urlNode(url) {
    let safe = null;
    try { const u = new URL(url); if (u.protocol === 'http:' || u.protocol === 'https:') safe = u.href; } catch (e) { safe = null; }
    if (safe === null) return el('span', 'kg-url', url);
    const a = el('a', 'kg-url', url);
    a.href = safe;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    return a;
  }

  // ---- State, kept in the URL fragment -------------------------------------------------------

  const S = {
    sel: null,        // selected entity index
    edge: null,       // selected edge index
    since: null,      // yyyymmdd or null
    until: null,
    undated: true,
    off: { type: new Set(), kind: new Set(), assertion: new Set(), confidence: new Set() },
    from: '', to: '',  // path endpoints as typed
    focus: null, depth: 1,
    view: null,       // [x, y, w, h] of the viewBox
  };

  function writeFragment() {
    const p = new URLSearchParams();
    if (S.sel !== null) p.set('sel', ent(S.sel).id);
    if (S.edge !== null) p.set('edge', String(S.edge));
    if (S.since !== null) p.set('since', dayText(S.since));
    if (S.until !== null) p.set('until', dayText(S.until));
    if (!S.undated) p.set('undated', '0');
    for (const what of ['type', 'kind', 'assertion', 'confidence']) for (const v of S.off[what]) p.append('hide-' + what, v);
    if (S.from) p.set('from', S.from);
    if (S.to) p.set('to', S.to);
    if (S.focus !== null) { p.set('focus', ent(S.focus).id); p.set('depth', String(S.depth)); }
    if (S.view) p.set('view', S.view.map((v) => Math.round(v)).join(','));
    const hash = '#' + p.toString();
    try { history.replaceState(null, '', hash); } catch (e) { /* some file: URLs refuse; the state still works */ }
  }

  function readFragment() {
    const p = new URLSearchParams(location.hash.slice(1));
    const entityParam = (k) => (p.has(k) && entityIndex.has(p.get(k)) ? entityIndex.get(p.get(k)) : null);
    S.sel = entityParam('sel');
    const edge = parseInt(p.get('edge'), 10);
    S.edge = Number.isInteger(edge) && edge >= 0 && edge < D.edges.length ? edge : null;
    S.since = parseDay(p.get('since'));
    S.until = parseDay(p.get('until'));
    S.undated = p.get('undated') !== '0';
    for (const what of ['type', 'kind', 'assertion', 'confidence']) S.off[what] = new Set(p.getAll('hide-' + what));
    S.from = p.get('from') || '';
    S.to = p.get('to') || '';
    S.focus = entityParam('focus');
    const depth = parseInt(p.get('depth'), 10);
    S.depth = Number.isInteger(depth) && depth >= 1 ? depth : 1;
    const view = (p.get('view') || '').split(',').map(Number);
    S.view = view.length === 4 && view.every(Number.isFinite) && view[2] > 0 && view[3] > 0 ? view : null;
  }

  // ---- Days (yyyymmdd numbers, as the library's earliestDay / latestDay) ---------------------

  function parseDay(text) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text || '');
    return m ? Number(m[1]) * 10000 + Number(m[2]) * 100 + Number(m[3]) : null;
  }
  function dayText(n) {
    const y = Math.floor(n / 10000), m = Math.floor(n / 100) % 100, d = n % 100;
    return String(y).padStart(4, '0') + '-' + String(m).padStart(2, '0') + '-' + String(d).padStart(2, '0');
  }
  const toDate = (n) => new Date(Date.UTC(Math.floor(n / 10000), Math.floor(n / 100) % 100 - 1, n % 100));
  const fromDate = (t) => t.getUTCFullYear() * 10000 + (t.getUTCMonth() + 1) * 100 + t.getUTCDate();
  const DAY = 86400000;

  // ---- Which relations are visible -----------------------------------------------------------

  // The time rule of `kgraph relations --since/--until` (TimeWindow): a dated relation counts when
  // it may overlap the window; lo/hi come from the library. Undated ones: the toggle, which maps
  // to --include-undated with a window and to --dated-only without one.
  function inWindow(R) {
    if (R.r.date === undefined || R.r.date === null) return S.undated;
    if (S.since !== null && R.hi !== undefined && R.hi !== null && R.hi < S.since) return false;
    if (S.until !== null && R.lo !== undefined && R.lo !== null && R.lo > S.until) return false;
    return true;
  }

  // A relation without an assertion or a confidence is "unrated" for the toggles (as the YAML writes it).
  const assertionOf = (r) => r.assertion || D.unrated;
  const confidenceOf = (r) => r.confidence || D.unrated;

  function relationVisible(i) {
    const R = D.relations[i], r = R.r;
    if (S.off.type.has(r.relation) || S.off.assertion.has(assertionOf(r)) || S.off.confidence.has(confidenceOf(r))) return false;
    if (S.off.kind.has(ent(R.s).kind) || S.off.kind.has(ent(R.t).kind)) return false;
    return inWindow(R);
  }

  let visible = new Uint8Array(D.relations.length);
  function computeVisible() {
    visible = new Uint8Array(D.relations.length);
    let n = 0;
    for (let i = 0; i < D.relations.length; i++) if (relationVisible(i)) { visible[i] = 1; n++; }
    return n;
  }

  // ---- Names: the library's folded keys, and the same folding of what is typed ---------------

  const isWordChar = (c) => /[\p{Alphabetic}\p{N}]/u.test(c);

  // As NameIndex's withoutArticleAndPossessives: a leading "the " (with something after it) and
  // "'s" / "’s" ending a word are dropped.
  function withoutArticleAndPossessives(s) {
    let cs = Array.from(s);
    let start = 0;
    while (start < cs.length && /\s/u.test(cs[start])) start++;
    if (cs.length > start + 4 && cs.slice(start, start + 3).join('').toLowerCase() === 'the' && /\s/u.test(cs[start + 3])
        && cs.slice(start + 4).some((c) => !/\s/u.test(c))) {
      cs = cs.slice(start + 4);
    }
    const out = [];
    for (let i = 0; i < cs.length; i++) {
      const c = cs[i];
      if ((c === "'" || c === '\u2019') && i > 0 && isWordChar(cs[i - 1]) && i + 1 < cs.length
          && (cs[i + 1] === 's' || cs[i + 1] === 'S') && (i + 2 === cs.length || !isWordChar(cs[i + 2]))) {
        i += 1;
        continue;
      }
      out.push(c);
    }
    return out.join('');
  }

  // Case, diacritics and widths folded; only letters and digits kept (as normalizedName).
  function fold(s) {
    const core = withoutArticleAndPossessives(s).normalize('NFKD').replace(/\p{M}/gu, '');
    let out = '';
    for (const c of core) if (isWordChar(c)) out += c.toLowerCase();
    return out;
  }

  const nameKeys = new Map(Object.entries(D.names));

  function editDistance(a, b) {
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const cur = [i];
      for (let j = 1; j <= b.length; j++) {
        cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      }
      prev = cur;
    }
    return prev[b.length];
  }

  // Up to five near misses: prefix or substring matches first, then by edit distance (as the CLI).
  function suggestions(key) {
    if (!key) return [];
    const k = Array.from(key), best = new Map();
    for (const [candidate, list] of nameKeys) {
      const c = Array.from(candidate);
      let score;
      if (k.length >= 3 && (candidate.startsWith(key) || key.startsWith(candidate))) score = 0;
      else if (k.length >= 4 && candidate.includes(key)) score = 1;
      else {
        if (Math.abs(c.length - k.length) > Math.max(2, Math.floor(k.length / 2))) continue;
        const d = editDistance(k, c);
        if (d > Math.max(2, Math.floor(Math.min(k.length, c.length) / 3))) continue;
        score = 1 + d;
      }
      for (const e of list) if (!best.has(e) || score < best.get(e)) best.set(e, score);
    }
    return [...best.entries()].sort((a, b) => a[1] - b[1] || a[0] - b[0]).slice(0, 5).map((x) => x[0]);
  }

  // {entities: [...]} when the text names entities, else {entities: [], suggestions: [...]}.
  function resolve(text) {
    const key = fold(text);
    const hit = nameKeys.get(key);
    return hit ? { entities: hit.slice(), suggestions: [] } : { entities: [], suggestions: suggestions(key) };
  }

  // ---- The drawing: pan and zoom over Graphviz's SVG -----------------------------------------

  const canvas = $('kg-canvas');
  let svg = null, full = null, graph0 = null;
  const nodeEl = [], edgeEl = [];

  function mountDrawing() {
    if (D.refusal) {
      const box = el('div', null);
      box.id = 'kg-refusal';
      box.appendChild(el('strong', null, 'Too big to draw. '));
      box.appendChild(el('span', null, D.refusal + '. Search, cards, filters and paths still work on the data below.'));
      canvas.appendChild(box);
      return;
    }
    svg = canvas.querySelector('svg');
    if (!svg) {
      canvas.appendChild(el('p', null, 'The drawing is missing.'));
      return;
    }
    // The page's panel replaces the drawing's links and tooltips: nothing in it navigates or runs.
    for (const n of svg.querySelectorAll('script, foreignObject')) n.remove();
    for (const a of svg.querySelectorAll('a')) {
      a.removeAttributeNS('http://www.w3.org/1999/xlink', 'href');
      a.removeAttribute('href');
      a.removeAttribute('target');
    }
    svg.removeAttribute('width');
    svg.removeAttribute('height');
    svg.setAttribute('aria-label', 'graph drawing');
    const vb = svg.viewBox.baseVal;
    full = [vb.x, vb.y, vb.width, vb.height];
    graph0 = svg.querySelector('g.graph');
    for (let i = 0; i < D.entities.length; i++) nodeEl.push(document.getElementById('kg-n' + i));
    for (let k = 0; k < D.edges.length; k++) edgeEl.push(document.getElementById('kg-e' + k));
  }

  // ---- Hit areas: a wide invisible stroke under each edge, so a real pointer finds thin lines ---

  const hitEl = [];

  // Built after the first paint: the page is usable before, with the thin lines clickable.
  // The layer lies under every drawn shape (first in the graph), so entities and the lines
  // themselves win where they are; it widens only the empty space around each line.
  function addHitAreas() {
    if (!graph0 || hitEl.length) return;
    const layer = document.createElementNS(SVGNS, 'g');
    layer.setAttribute('class', 'kg-hits');
    for (let k = 0; k < edgeEl.length; k++) {
      const path = edgeEl[k] && edgeEl[k].querySelector('path');
      const hit = document.createElementNS(SVGNS, 'path');
      hit.setAttribute('class', 'kg-hit');
      if (path) hit.setAttribute('d', path.getAttribute('d'));
      hit.dataset.edge = String(k);
      layer.appendChild(hit);
      hitEl.push(hit);
    }
    const background = graph0.querySelector(':scope > polygon');
    graph0.insertBefore(layer, background ? background.nextSibling : graph0.firstChild);
    for (let k = 0; k < edgeEl.length; k++) if (edgeState[k] & 1) hitEl[k].classList.add('kg-hidden');
  }

  // ---- Labels that stay legible: when the drawing's own labels are too small to read on screen,
  // they are hidden and the best-connected entities get a label of a fixed on-screen size instead,
  // as many as fit without overlapping (the selected, hovered and path entities first).

  const LEGIBLE_PX = 10;   // Graphviz's labels are read below this on-screen size... not at all
  const LABEL_PX = 12;     // the on-screen size of the overview's labels
  const MAX_LABELS = 300;
  let geom = null, byDegree = null, labelLayer = null, labelsQueued = false, hover = null;
  let painted = false; // the first frame is drawn without the overview's labels, which come right after
  let canvasW = 1, canvasH = 1, graphScale = 1, graphShift = [0, 0], nodeFont = 11;
  const labelEl = new Map();
  const placedLabels = new Set();

  // Entity centres and sizes in the graph's coordinates, read once (one layout for all nodes).
  function geometry() {
    if (geom || !graph0) return geom;
    const n = D.entities.length;
    geom = { x: new Float32Array(n), y: new Float32Array(n), w: new Float32Array(n), h: new Float32Array(n), ok: new Uint8Array(n) };
    for (let i = 0; i < n; i++) {
      const shape = nodeEl[i] && nodeEl[i].querySelector('path, polygon, ellipse');
      if (!shape) continue;
      const b = shape.getBBox();
      geom.x[i] = b.x + b.width / 2; geom.y[i] = b.y + b.height / 2; geom.w[i] = b.width; geom.h[i] = b.height; geom.ok[i] = 1;
    }
    const m = graph0.transform.baseVal.consolidate();
    if (m) { graphScale = m.matrix.a || 1; graphShift = [m.matrix.e, m.matrix.f]; }
    const t = svg.querySelector('g.node text');
    if (t) nodeFont = parseFloat(t.getAttribute('font-size')) || nodeFont;
    byDegree = D.entities.map((E, i) => i).sort((a, b) => D.entities[b].rels.length - D.entities[a].rels.length || a - b);
    labelLayer = document.createElementNS(SVGNS, 'g');
    labelLayer.setAttribute('class', 'kg-labels');
    graph0.appendChild(labelLayer);
    return geom;
  }

  // Whether the drawing's labels are too small even were the canvas as wide as the window: decided
  // before the first frame without asking for a layout, so the browser styles the drawing once
  // (switching the overview later restyles every element: a quarter second at 5,000 entities).
  function surelyOverview() {
    const v = currentView(), m = graph0 && graph0.transform.baseVal.consolidate();
    const t = svg.querySelector('g.node text');
    const font = t ? parseFloat(t.getAttribute('font-size')) || nodeFont : nodeFont;
    const k = Math.min(window.innerWidth / v[2], window.innerHeight / v[3]) * (m ? m.matrix.a || 1 : 1);
    return font * k < LEGIBLE_PX;
  }

  function measureCanvas() { canvasW = canvas.clientWidth || 1; canvasH = canvas.clientHeight || 1; }

  function scheduleLabels() {
    if (labelsQueued || !svg || !painted) return;
    labelsQueued = true;
    requestAnimationFrame(placeLabels);
  }

  function shortName(name) { return name.length > 32 ? name.slice(0, 30) + '…' : name; }

  function placeLabels() {
    labelsQueued = false;
    if (!geometry()) return;
    const v = currentView();
    const k = Math.min(canvasW / v[2], canvasH / v[3]) * graphScale; // screen pixels per graph unit
    const overview = nodeFont * k < LEGIBLE_PX;
    svg.classList.toggle('kg-overview', overview);
    svg.dataset.zoom = k.toFixed(3);
    const want = [];
    if (overview) {
      const size = LABEL_PX / k, cell = 80 / k;
      labelLayer.setAttribute('font-size', size.toFixed(2));
      labelLayer.setAttribute('stroke-width', (size / 4).toFixed(2));
      // The view in graph coordinates, a little beyond the edges.
      const x0 = (v[0] - graphShift[0]) / graphScale - cell, x1 = x0 + v[2] / graphScale + 2 * cell;
      const y0 = (v[1] - graphShift[1]) / graphScale - cell, y1 = y0 + v[3] / graphScale + 2 * cell;
      const grid = new Map(), boxes = [];
      const free = (bx0, by0, bx1, by1) => {
        for (let gx = Math.floor(bx0 / cell); gx <= Math.floor(bx1 / cell); gx++) {
          for (let gy = Math.floor(by0 / cell); gy <= Math.floor(by1 / cell); gy++) {
            for (const b of grid.get(gx + ',' + gy) || []) if (bx0 < b[2] && b[0] < bx1 && by0 < b[3] && b[1] < by1) return false;
          }
        }
        return true;
      };
      const take = (b) => {
        for (let gx = Math.floor(b[0] / cell); gx <= Math.floor(b[2] / cell); gx++) {
          for (let gy = Math.floor(b[1] / cell); gy <= Math.floor(b[3] / cell); gy++) {
            const key = gx + ',' + gy;
            if (!grid.has(key)) grid.set(key, []);
            grid.get(key).push(b);
          }
        }
      };
      const first = [hover, S.sel, S.focus].filter((i) => i !== null);
      if (pathAnswer) first.push(...pathAnswer.entities);
      const seen = new Set();
      for (const i of first.concat(byDegree)) {
        if (want.length >= MAX_LABELS || seen.has(i)) continue;
        seen.add(i);
        if (!geom.ok[i] || (nodeState[i] & 1) || ((nodeState[i] & 16) && i !== hover)) continue; // hidden, or dimmed
        const x = geom.x[i], y = geom.y[i];
        if (x < x0 || x > x1 || y < y0 || y > y1) continue;
        const w = (Math.min(ent(i).name.length, 31) * 0.56 * LABEL_PX + 6) / k, h = 1.3 * LABEL_PX / k;
        const b = [x - w / 2, y - h / 2, x + w / 2, y + h / 2];
        if (!free(b[0], b[1], b[2], b[3]) && i !== hover && i !== S.sel) continue;
        take(b);
        want.push(i);
      }
    }
    const keep = new Set(want);
    for (const i of placedLabels) if (!keep.has(i)) { labelEl.get(i).remove(); placedLabels.delete(i); }
    for (const i of want) {
      let t = labelEl.get(i);
      if (!t) {
        t = document.createElementNS(SVGNS, 'text');
        t.setAttribute('class', 'kg-label');
        t.setAttribute('x', geom.x[i].toFixed(1));
        t.setAttribute('y', geom.y[i].toFixed(1));
        t.dataset.entity = String(i);
        t.textContent = shortName(ent(i).name);
        labelEl.set(i, t);
      }
      t.classList.toggle('kg-label-selected', i === S.sel);
      if (!placedLabels.has(i)) { labelLayer.appendChild(t); placedLabels.add(i); }
    }
    labelLayer.dataset.count = String(want.length);
  }

  function setView(v) {
    if (!svg) return;
    S.view = v;
    svg.setAttribute('viewBox', v.join(' '));
    scheduleLabels();
  }

  function fit() {
    if (!svg) return;
    const pad = 0.02;
    setView([full[0] - full[2] * pad, full[1] - full[3] * pad, full[2] * (1 + 2 * pad), full[3] * (1 + 2 * pad)]);
    S.view = null; // fitted is the default view
    writeFragment();
  }

  // A point of the window in viewBox units.
  function toSVG(clientX, clientY) {
    const m = svg.getScreenCTM();
    if (!m) return { x: 0, y: 0 };
    const p = svg.createSVGPoint();
    p.x = clientX; p.y = clientY;
    const q = p.matrixTransform(m.inverse());
    return { x: q.x, y: q.y };
  }

  function currentView() { const b = svg.viewBox.baseVal; return [b.x, b.y, b.width, b.height]; }

  function zoom(factor, at) {
    if (!svg) return;
    const v = currentView();
    const c = at || { x: v[0] + v[2] / 2, y: v[1] + v[3] / 2 };
    const w = Math.min(Math.max(v[2] * factor, 5), full[2] * 20), f = w / v[2];
    setView([c.x - (c.x - v[0]) * f, c.y - (c.y - v[1]) * f, v[2] * f, v[3] * f]);
    writeFragment();
  }

  function pan(dx, dy) { // in viewBox units
    if (!svg) return;
    const v = currentView();
    setView([v[0] + dx, v[1] + dy, v[2], v[3]]);
  }

  // Centre of an entity's node in viewBox units.
  function nodeCentre(i) {
    const g = nodeEl[i];
    if (!g || !graph0) return null;
    const b = g.getBBox(), m = graph0.transform.baseVal.consolidate();
    const p = svg.createSVGPoint();
    p.x = b.x + b.width / 2; p.y = b.y + b.height / 2;
    return m ? p.matrixTransform(m.matrix) : p;
  }

  function centreOn(i) {
    const c = nodeCentre(i);
    if (!c) return;
    const v = currentView();
    const w = Math.min(v[2], Math.max(600, full[2] / 4)), h = v[3] * (w / v[2]);
    setView([c.x - w / 2, c.y - h / 2, w, h]);
  }

  function installNavigation() {
    if (!svg) return;
    let drag = null;
    canvas.addEventListener('wheel', (e) => {
      e.preventDefault();
      zoom(Math.exp(e.deltaY * (e.deltaMode === 1 ? 0.05 : 0.0015)), toSVG(e.clientX, e.clientY));
    }, { passive: false });
    canvas.addEventListener('pointerdown', (e) => {
      if (e.button !== 0 || e.target.closest('#kg-toolbar')) return;
      drag = { x: e.clientX, y: e.clientY, moved: false, id: e.pointerId };
    });
    canvas.addEventListener('pointermove', (e) => {
      if (!drag) return;
      const dx = e.clientX - drag.x, dy = e.clientY - drag.y;
      if (!drag.moved && Math.hypot(dx, dy) < 4) return;
      if (!drag.moved) { drag.moved = true; canvas.setPointerCapture(drag.id); canvas.classList.add('kg-dragging'); }
      const m = svg.getScreenCTM();
      pan(-dx / m.a, -dy / m.d);
      drag.x = e.clientX; drag.y = e.clientY;
    });
    const end = () => {
      if (drag && drag.moved) { canvas.classList.remove('kg-dragging'); writeFragment(); canvas.dataset.dragged = '1'; }
      drag = null;
    };
    canvas.addEventListener('pointerup', end);
    canvas.addEventListener('pointercancel', end);
    canvas.addEventListener('click', (e) => {
      if (canvas.dataset.dragged) { delete canvas.dataset.dragged; return; }
      const node = e.target.closest('g.node'), edge = e.target.closest('g.edge');
      const label = e.target.closest('.kg-label'), hit = e.target.closest('.kg-hit');
      if (node && /^kg-n\d+$/.test(node.id)) selectEntity(Number(node.id.slice(4)), false);
      else if (label) selectEntity(Number(label.dataset.entity), false);
      else if (edge && /^kg-e\d+$/.test(edge.id)) selectEdge(Number(edge.id.slice(4)));
      else if (hit) selectEdge(Number(hit.dataset.edge));
    });
    // In the overview, the entity under the pointer shows its name.
    canvas.addEventListener('pointerover', (e) => {
      // (Over the label itself, it stays: the label appearing under the pointer must not hide it again.)
      const node = e.target.closest('g.node'), label = e.target.closest('.kg-label');
      const i = node && /^kg-n\d+$/.test(node.id) ? Number(node.id.slice(4)) : label ? Number(label.dataset.entity) : null;
      if (i !== hover) { hover = i; if (svg.classList.contains('kg-overview')) scheduleLabels(); }
    });
    window.addEventListener('resize', () => { measureCanvas(); scheduleLabels(); });
    canvas.addEventListener('keydown', (e) => {
      const v = currentView(), step = 0.1;
      const keys = {
        '+': () => zoom(1 / 1.25), '=': () => zoom(1 / 1.25), '-': () => zoom(1.25), '_': () => zoom(1.25), '0': fit,
        ArrowLeft: () => pan(-v[2] * step, 0), ArrowRight: () => pan(v[2] * step, 0),
        ArrowUp: () => pan(0, -v[3] * step), ArrowDown: () => pan(0, v[3] * step),
      };
      if (keys[e.key] && !e.ctrlKey && !e.metaKey && !e.altKey) { e.preventDefault(); keys[e.key](); writeFragment(); }
    });
    $('kg-zoom-in').addEventListener('click', () => zoom(1 / 1.25));
    $('kg-zoom-out').addEventListener('click', () => zoom(1.25));
    $('kg-fit').addEventListener('click', fit);
  }

  // ---- The panel: an entity's card, an edge's evidence ---------------------------------------

  function entityButton(id) {
    if (!entityIndex.has(id)) return el('span', null, id);
    const b = el('button', 'kg-link', nameOf(id));
    b.type = 'button';
    b.dataset.entity = id;
    b.addEventListener('click', () => selectEntity(entityIndex.get(id), true));
    return b;
  }

  function relationItem(i) {
    const R = D.relations[i], r = R.r;
    const li = el('li', 'kg-rel' + (visible[i] ? '' : ' kg-filtered'));
    li.dataset.relation = r.id;
    const line = el('div', 'kg-reading');
    line.appendChild(entityButton(r.source));
    line.appendChild(el('span', null, ' ' + typeLabel(r.relation) + ' '));
    line.appendChild(entityButton(r.target));
    li.appendChild(line);
    const meta = el('div', 'kg-meta');
    meta.appendChild(el('span', 'kg-date', R.when));
    meta.appendChild(el('span', null, ' · '));
    meta.appendChild(el('span', 'kg-strength', R.strength));
    if (!visible[i]) meta.appendChild(el('span', null, ' · hidden by the filters'));
    li.appendChild(meta);
    if (r.attributes) {
      for (const key of Object.keys(r.attributes).sort()) {
        const v = r.attributes[key];
        li.appendChild(el('div', 'kg-meta', key + ': ' + (typeof v === 'object' ? JSON.stringify(v) : String(v))));
      }
    }
    for (const c of r.sources) li.appendChild(citation(c));
    if (r.note) li.appendChild(el('div', 'kg-meta', 'note: ' + r.note));
    li.appendChild(el('div', 'kg-meta kg-id', 'id: ' + r.id));
    return li;
  }

  function citation(c) {
    const box = el('div', 'kg-cite');
    box.appendChild(el('q', 'kg-quote', c.quote));
    if (c.speaker) {
      box.appendChild(el('span', null, ' — said by '));
      box.appendChild(entityButton(c.speaker));
    }
    const doc = D.documents[c.document];
    const where = el('div', 'kg-doc');
    if (doc) {
      where.appendChild(el('span', 'kg-doc-title', doc.title));
      const facts = [doc.outlet, doc.published].filter((x) => x);
      if (facts.length) where.appendChild(el('span', null, ' · ' + facts.join(', ')));
      where.appendChild(el('span', null, ' [' + c.document + ']'));
      if (doc.url) { where.appendChild(el('br')); where.appendChild(urlNode(doc.url)); }
    } else {
      where.appendChild(el('span', null, '[' + c.document + ']'));
    }
    box.appendChild(where);
    return box;
  }

  // Relations grouped by type, in vocabulary order.
  function groupedRelations(rels) {
    const order = new Map(D.types.map((t, n) => [t.id, n]));
    const groups = new Map();
    for (const i of rels) {
      const t = D.relations[i].r.relation;
      if (!groups.has(t)) groups.set(t, []);
      groups.get(t).push(i);
    }
    const frag = document.createDocumentFragment();
    for (const t of [...groups.keys()].sort((a, b) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9))) {
      const list = groups.get(t);
      const h = el('h3', null, typeLabel(t) + ' (' + list.length + ')');
      h.dataset.type = t;
      frag.appendChild(h);
      const ul = el('ul', 'kg-rels');
      ul.style.listStyle = 'none';
      ul.style.padding = '0';
      for (const i of list) ul.appendChild(relationItem(i));
      frag.appendChild(ul);
    }
    return frag;
  }

  function showCard(i) {
    const panel = $('kg-panel'), E = D.entities[i], e = E.e;
    panel.replaceChildren();
    const card = el('article', 'kg-card');
    card.dataset.entity = e.id;
    card.appendChild(el('h2', 'kg-name', e.name));
    card.appendChild(el('div', 'kg-kind', kindLabel(e.kind) + ' · id ' + e.id));
    if (e.aliases.length) {
      const al = el('div', 'kg-aliases');
      al.appendChild(el('span', null, 'Also: '));
      e.aliases.forEach((a, n) => { if (n) al.appendChild(el('span', null, '; ')); al.appendChild(el('span', 'kg-alias', a)); });
      card.appendChild(al);
    }
    if (E.country) card.appendChild(el('div', 'kg-meta', 'Country: ' + E.country));
    if (E.description) card.appendChild(el('p', 'kg-description', E.description));
    const actions = el('div', 'kg-actions');
    const mk = (label, fn) => { const b = el('button', null, label); b.type = 'button'; b.addEventListener('click', fn); actions.appendChild(b); };
    mk('Path from here', () => { $('kg-path-from').value = e.id; $('kg-path-to').focus(); });
    mk('Path to here', () => { $('kg-path-to').value = e.id; $('kg-path-from').focus(); });
    mk('Focus', () => { S.focus = i; S.depth = Math.max(1, parseInt($('kg-depth').value, 10) || 1); update(); });
    card.appendChild(actions);
    card.appendChild(el('div', 'kg-meta', E.rels.length + ' relation' + (E.rels.length === 1 ? '' : 's')));
    card.appendChild(groupedRelations(E.rels));
    panel.appendChild(card);
  }

  function showEdge(k) {
    const panel = $('kg-panel'), rels = D.edges[k];
    panel.replaceChildren();
    const box = el('article', 'kg-edge-card');
    box.dataset.edge = String(k);
    const first = D.relations[rels[0]].r;
    box.appendChild(el('h2', null, nameOf(first.source) + ' ' + typeLabel(first.relation) + ' ' + nameOf(first.target)));
    box.appendChild(el('div', 'kg-meta', rels.length === 1 ? 'one relation' : rels.length + ' parallel relations drawn as this edge'));
    const ul = el('ul', 'kg-rels');
    ul.style.listStyle = 'none';
    ul.style.padding = '0';
    for (const i of rels) ul.appendChild(relationItem(i));
    box.appendChild(ul);
    panel.appendChild(box);
  }

  function selectEntity(i, centre) {
    S.sel = i;
    S.edge = null;
    update();
    if (centre) { centreOn(i); }
    writeFragment();
  }

  function selectEdge(k) {
    S.edge = k;
    S.sel = null;
    update();
    writeFragment();
  }

  // ---- Search --------------------------------------------------------------------------------

  function suggestionButtons(target, list, pick) {
    const box = el('div', 'kg-suggest');
    for (const i of list) {
      const b = el('button', null, ent(i).name + ' (' + kindLabel(ent(i).kind) + ')');
      b.type = 'button';
      b.dataset.entity = ent(i).id;
      b.addEventListener('click', () => pick(i));
      box.appendChild(b);
    }
    target.appendChild(box);
  }

  function search(text) {
    const out = $('kg-search-result');
    out.replaceChildren();
    if (!text.trim()) return;
    const found = resolve(text);
    if (found.entities.length === 1) {
      selectEntity(found.entities[0], true);
      out.appendChild(el('span', null, 'Found ' + ent(found.entities[0]).name));
    } else if (found.entities.length > 1) {
      out.appendChild(el('span', null, '“' + text + '” names ' + found.entities.length + ' entities: '));
      suggestionButtons(out, found.entities, (i) => selectEntity(i, true));
    } else {
      out.appendChild(el('span', null, 'No entity is called “' + text + '”' + (found.suggestions.length ? '; did you mean:' : '.')));
      suggestionButtons(out, found.suggestions, (i) => { $('kg-search').value = ent(i).name; search(ent(i).name); });
    }
  }

  // ---- Filters -------------------------------------------------------------------------------

  function checkboxGroup(title, what, items) {
    const box = el('div', 'kg-filter-group');
    box.dataset.filter = what;
    box.appendChild(el('span', null, title));
    for (const [id, label] of items) {
      const l = el('label');
      const c = el('input');
      c.type = 'checkbox';
      c.checked = !S.off[what].has(id);
      c.dataset.value = id;
      c.addEventListener('change', () => {
        if (c.checked) S.off[what].delete(id); else S.off[what].add(id);
        update();
        writeFragment();
      });
      l.appendChild(c);
      l.appendChild(document.createTextNode(' ' + label));
      box.appendChild(l);
    }
    return box;
  }

  function buildFilters() {
    const f = $('kg-filters');
    f.replaceChildren();
    if (D.span) {
      const lo = toDate(D.span[0]), hi = toDate(D.span[1]);
      const days = Math.max(0, Math.round((hi - lo) / DAY));
      const w = el('div', 'kg-filter-group');
      w.id = 'kg-window';
      w.appendChild(el('span', null, 'Time window'));
      const range = (id, label, value) => {
        const l = el('label', null, label + ' ');
        const out = el('output');
        out.id = id + '-text';
        const r = el('input');
        r.type = 'range'; r.id = id; r.min = '0'; r.max = String(days); r.step = '1'; r.value = String(value);
        r.setAttribute('aria-label', label);
        l.appendChild(out);
        w.appendChild(l);
        w.appendChild(r);
        return r;
      };
      const offset = (day) => (day === null ? null : Math.round((toDate(day) - lo) / DAY));
      const a = range('kg-since', 'From', Math.max(0, Math.min(days, offset(S.since) ?? 0)));
      const b = range('kg-until', 'To', Math.max(0, Math.min(days, offset(S.until) ?? days)));
      const sync = (moved) => {
        if (Number(a.value) > Number(b.value)) { if (moved === a) b.value = a.value; else a.value = b.value; }
        const since = fromDate(new Date(lo.getTime() + Number(a.value) * DAY));
        const until = fromDate(new Date(lo.getTime() + Number(b.value) * DAY));
        // The whole span is no window at all (as no --since/--until).
        S.since = Number(a.value) === 0 ? null : since;
        S.until = Number(b.value) === days ? null : until;
        $('kg-since-text').textContent = dayText(since);
        $('kg-until-text').textContent = dayText(until);
      };
      a.addEventListener('input', () => { sync(a); update(); writeFragment(); });
      b.addEventListener('input', () => { sync(b); update(); writeFragment(); });
      f.appendChild(w);
      sync(null);
    }
    const und = el('label');
    const c = el('input');
    c.type = 'checkbox'; c.id = 'kg-undated'; c.checked = S.undated;
    c.addEventListener('change', () => { S.undated = c.checked; update(); writeFragment(); });
    und.appendChild(c);
    und.appendChild(document.createTextNode(' undated relations'));
    const ug = el('div', 'kg-filter-group');
    ug.appendChild(und);
    f.appendChild(ug);
    const present = (of) => new Set(D.relations.map((R) => of(R.r)));
    const assertions = present(assertionOf), confidences = present(confidenceOf), typesUsed = present((r) => r.relation);
    const kindsUsed = new Set(D.entities.map((E) => E.e.kind));
    const used = (values, seen) => values.concat([D.unrated]).filter((v) => seen.has(v)).map((v) => [v, v]);
    f.appendChild(checkboxGroup('Assertion', 'assertion', used(ASSERTIONS, assertions)));
    f.appendChild(checkboxGroup('Confidence', 'confidence', used(CONFIDENCES, confidences)));
    f.appendChild(checkboxGroup('Relation types', 'type', D.types.filter((t) => typesUsed.has(t.id)).map((t) => [t.id, t.label])));
    f.appendChild(checkboxGroup('Entity kinds', 'kind', D.kinds.filter((k) => kindsUsed.has(k.id)).map((k) => [k.id, k.label])));
  }

  // ---- Paths and focus -----------------------------------------------------------------------

  // Adjacency over visible relations, both directions (as `kgraph path` without --directed).
  function neighbours() {
    const adj = D.entities.map(() => []);
    for (let i = 0; i < D.relations.length; i++) {
      if (!visible[i]) continue;
      const R = D.relations[i];
      if (R.s === R.t) continue;
      adj[R.s].push([R.t, i]);
      adj[R.t].push([R.s, i]);
    }
    return adj;
  }

  function distances(adj, starts, limit) {
    const dist = new Int32Array(D.entities.length).fill(-1), queue = [];
    for (const s of starts) { dist[s] = 0; queue.push(s); }
    for (let h = 0; h < queue.length; h++) {
      const u = queue[h];
      if (dist[u] >= limit) continue;
      for (const [v] of adj[u]) if (dist[v] < 0) { dist[v] = dist[u] + 1; queue.push(v); }
    }
    return dist;
  }

  // Every shortest path from any of `from` to any of `to` within MAX_HOPS: the entities and
  // relations on them, and the paths themselves as entity sequences (up to `cap`).
  function shortestPaths(from, to, cap) {
    const adj = neighbours();
    const targets = new Set(to);
    const ds = distances(adj, from, MAX_HOPS), dt = distances(adj, to, MAX_HOPS);
    let L = -1;
    for (const t of to) if (ds[t] >= 0 && (L < 0 || ds[t] < L)) L = ds[t];
    if (L < 0) return null;
    const onPath = (v) => ds[v] >= 0 && dt[v] >= 0 && ds[v] + dt[v] === L;
    const entities = new Set(), relations = new Set();
    for (let v = 0; v < D.entities.length; v++) if (onPath(v)) entities.add(v);
    for (const u of entities) for (const [v, r] of adj[u]) if (entities.has(v) && ds[v] === ds[u] + 1) relations.add(r);
    const paths = [];
    const walk = (u, seq) => {
      if (paths.length >= cap) return;
      if (targets.has(u) && ds[u] === L) { paths.push(seq.slice()); return; }
      const next = [...new Set(adj[u].filter(([v]) => entities.has(v) && ds[v] === ds[u] + 1).map(([v]) => v))];
      for (const v of next) { seq.push(v); walk(v, seq); seq.pop(); }
    };
    for (const s of from) if (entities.has(s) && ds[s] === 0) walk(s, [s]);
    return { length: L, entities, relations, paths };
  }

  let pathAnswer = null;

  function findPaths() {
    const out = $('kg-path-result');
    out.replaceChildren();
    pathAnswer = null;
    if (!S.from || !S.to) return;
    const a = resolve(S.from), b = resolve(S.to);
    for (const [text, r] of [[S.from, a], [S.to, b]]) {
      if (!r.entities.length) {
        out.appendChild(el('p', null, 'No entity is called “' + text + '”' + (r.suggestions.length ? '; did you mean:' : '.')));
        suggestionButtons(out, r.suggestions, (i) => selectEntity(i, true));
        return;
      }
    }
    const shared = a.entities.filter((x) => b.entities.includes(x));
    if (shared.length) { out.appendChild(el('p', null, 'From and To name the same entity; a path needs two different ends.')); return; }
    const answer = shortestPaths(a.entities, b.entities, 50);
    if (!answer) {
      out.appendChild(el('p', 'kg-no-path', 'No path within ' + MAX_HOPS + ' hops over the visible relations.'));
      return;
    }
    pathAnswer = answer;
    const head = el('p', 'kg-path-summary', answer.paths.length + (answer.paths.length >= 50 ? '+' : '') + ' shortest path'
      + (answer.paths.length === 1 ? '' : 's') + ', ' + answer.length + ' hop' + (answer.length === 1 ? '' : 's') + ' each');
    head.dataset.length = String(answer.length);
    head.dataset.paths = String(answer.paths.length);
    out.appendChild(head);
    const ol = el('ol');
    for (const seq of answer.paths) {
      const li = el('li');
      li.dataset.path = '';
      seq.forEach((v, n) => {
        if (n) {
          const u = seq[n - 1];
          const rels = D.relations.map((R, i) => i).filter((i) => answer.relations.has(i)
            && ((D.relations[i].s === u && D.relations[i].t === v) || (D.relations[i].s === v && D.relations[i].t === u)));
          const hop = el('span', 'kg-hop', ' — ' + [...new Set(rels.map((i) => typeLabel(D.relations[i].r.relation)))].join(' / ') + ' — ');
          hop.dataset.relations = JSON.stringify(rels.map((i) => D.relations[i].r.id));
          li.appendChild(hop);
        }
        li.appendChild(entityButton(ent(v).id));
      });
      ol.appendChild(li);
    }
    out.appendChild(ol);
  }

  function focusSet() {
    if (S.focus === null) return null;
    const dist = distances(neighbours(), [S.focus], S.depth);
    return dist;
  }

  // ---- Legend ---------------------------------------------------------------------------------

  function lineSample(t) {
    const s = document.createElementNS(SVGNS, 'svg');
    s.setAttribute('width', '32'); s.setAttribute('height', '10');
    const l = document.createElementNS(SVGNS, 'line');
    l.setAttribute('x1', '1'); l.setAttribute('y1', '5'); l.setAttribute('x2', '31'); l.setAttribute('y2', '5');
    l.setAttribute('stroke', t.color || '#555');
    // A type's colour and boldness; the line's pattern tells the evidence (see the Evidence rows).
    const style = (t.style || '').split(',').map((x) => x.trim());
    l.setAttribute('stroke-width', style.includes('bold') ? '3' : '1.5');
    s.appendChild(l);
    return s;
  }

  function evidenceSample(item) {
    const s = document.createElementNS(SVGNS, 'svg');
    s.setAttribute('width', '32'); s.setAttribute('height', '10');
    const l = document.createElementNS(SVGNS, 'line');
    l.setAttribute('x1', '1'); l.setAttribute('y1', '5'); l.setAttribute('x2', '31'); l.setAttribute('y2', '5');
    l.setAttribute('stroke', item.greyed ? D.deniedGrey : '#333');
    l.setAttribute('stroke-width', String(2.4 * item.width));
    l.setAttribute('stroke-opacity', String(item.opacity));
    if (item.pattern === 'dashed') l.setAttribute('stroke-dasharray', '5,3');
    if (item.pattern === 'dotted') l.setAttribute('stroke-dasharray', '1,3');
    s.appendChild(l);
    return s;
  }

  // The evidence lines for the visible relations: each line with the texts of its visible parts
  // (`claimed` alone, or `claimed / attributed`); none when every visible relation is plain.
  function visibleEvidence(classSeen) {
    const atoms = new Uint8Array(D.evidenceAtoms.length);
    let plainOnly = true;
    classSeen.forEach((seen, c) => {
      if (!seen) return;
      plainOnly = plainOnly && D.evidenceClasses[c].plain;
      for (const a of D.evidenceClasses[c].atoms) atoms[a] = 1;
    });
    if (plainOnly) return [];
    return D.evidence.map((line, row) => {
      const texts = D.evidenceAtoms.filter((atom, a) => atoms[a] && atom.row === row).map((atom) => atom.text);
      return texts.length ? Object.assign({}, line, { text: texts.join(' / ') }) : null;
    }).filter((line) => line);
  }

  function buildLegend(kindCount, typeCount, classSeen) {
    const box = $('kg-legend');
    box.replaceChildren();
    box.appendChild(el('div', 'kg-meta', 'Entities (shape and fill by kind)'));
    for (const k of D.kinds) {
      if (!kindCount.get(k.id)) continue;
      const row = el('div', 'kg-legend-row');
      row.dataset.kind = k.id;
      const chip = el('span', 'kg-chip');
      chip.style.background = k.fill;
      row.appendChild(chip);
      row.appendChild(el('span', null, k.label + ' (' + k.shape + ') · ' + kindCount.get(k.id)));
      box.appendChild(row);
    }
    box.appendChild(el('div', 'kg-meta', 'Relations (colour by type)'));
    for (const t of D.types) {
      if (!typeCount.get(t.id)) continue;
      const row = el('div', 'kg-legend-row');
      row.dataset.type = t.id;
      row.appendChild(lineSample(t));
      row.appendChild(el('span', null, t.label + ' · ' + typeCount.get(t.id)));
      box.appendChild(row);
    }
    const evidence = visibleEvidence(classSeen);
    if (evidence.length) {
      // The drawing's strength styles (StrengthStyle, the table every picture uses), for the visible relations.
      box.appendChild(el('div', 'kg-meta', 'Evidence (line pattern, width and head)'));
      for (const item of evidence) {
        const row = el('div', 'kg-legend-row');
        row.dataset.evidence = item.text;
        row.appendChild(evidenceSample(item));
        row.appendChild(el('span', null, (item.glyph ? item.glyph + ' ' : '') + item.text));
        box.appendChild(row);
      }
    }
  }

  // ---- Update: filters, selection, path and focus onto the drawing and the panel --------------

  // The classes each drawn entity and edge carries, as bits of DRAWN_CLASSES, so that an update
  // touches only the elements whose state changed (the first one, at 5,000 entities, none).
  const DRAWN_CLASSES = ['kg-hidden', 'kg-faint', 'kg-selected', 'kg-path', 'kg-dim'];
  const nodeState = new Uint8Array(D.entities.length), edgeState = new Uint8Array(D.edges.length);

  function drawnState(g, states, i, bits) {
    const changed = states[i] ^ bits;
    if (!changed) return;
    for (let b = 0; b < DRAWN_CLASSES.length; b++) if (changed & (1 << b)) g.classList.toggle(DRAWN_CLASSES[b], (bits & (1 << b)) !== 0);
    states[i] = bits;
  }

  function update() {
    const n = computeVisible();
    findPaths();
    const focus = focusSet();
    const kindCount = new Map(), typeCount = new Map();
    const entityShown = new Uint8Array(D.entities.length), classSeen = new Uint8Array(D.evidenceClasses.length);
    for (let i = 0; i < D.relations.length; i++) {
      if (!visible[i]) continue;
      const R = D.relations[i];
      entityShown[R.s] = 1; entityShown[R.t] = 1;
      classSeen[R.ev] = 1;
      typeCount.set(R.r.relation, (typeCount.get(R.r.relation) || 0) + 1);
    }
    D.entities.forEach((E, i) => {
      const hidden = S.off.kind.has(E.e.kind);
      if (!hidden) kindCount.set(E.e.kind, (kindCount.get(E.e.kind) || 0) + 1);
      if (!nodeEl[i]) return;
      drawnState(nodeEl[i], nodeState, i, (hidden ? 1 : 0) | (!hidden && !entityShown[i] && E.rels.length > 0 ? 2 : 0)
        | (S.sel === i ? 4 : 0) | (pathAnswer && pathAnswer.entities.has(i) ? 8 : 0)
        | ((pathAnswer && !pathAnswer.entities.has(i)) || (focus && focus[i] < 0) ? 16 : 0));
    });
    D.edges.forEach((rels, k) => {
      if (!edgeEl[k]) return;
      const shown = rels.some((r) => visible[r]);
      const onPath = !!pathAnswer && rels.some((r) => pathAnswer.relations.has(r));
      const R = D.relations[rels[0]];
      const was = edgeState[k];
      drawnState(edgeEl[k], edgeState, k, (shown ? 0 : 1) | (S.edge === k ? 4 : 0) | (onPath ? 8 : 0)
        | ((pathAnswer && !onPath) || (focus && (focus[R.s] < 0 || focus[R.t] < 0)) ? 16 : 0));
      if (hitEl[k] && (was & 1) !== (edgeState[k] & 1)) hitEl[k].classList.toggle('kg-hidden', !shown);
    });
    const count = $('kg-count');
    count.textContent = n + ' of ' + D.relations.length + ' relations visible' + (S.since !== null || S.until !== null
      ? ' (' + (S.since !== null ? dayText(S.since) : '…') + ' to ' + (S.until !== null ? dayText(S.until) : '…') + ')' : '');
    count.dataset.visible = String(n);
    buildLegend(kindCount, typeCount, classSeen);
    scheduleLabels();
    if (S.sel !== null) showCard(S.sel);
    else if (S.edge !== null) showEdge(S.edge);
  }

  // ---- Start ---------------------------------------------------------------------------------

  function start() {
    const t0 = performance.now();
    readFragment();
    $('kg-title').textContent = D.title || 'kgraph';
    $('kg-subtitle').textContent = D.subtitle;
    const notes = $('kg-notes');
    notes.appendChild(el('p', null, D.entities.length + ' entities, ' + D.relations.length + ' relations, '
      + D.edges.length + ' drawn edges. Layout by Graphviz; this page needs no network.'));
    for (const note of D.notes) notes.appendChild(el('p', null, 'Note: ' + note));
    const t1 = performance.now();
    mountDrawing();
    installNavigation();
    const t2 = performance.now();
    buildFilters();
    $('kg-search-form').addEventListener('submit', (e) => { e.preventDefault(); search($('kg-search').value); });
    $('kg-path-form').addEventListener('submit', (e) => {
      e.preventDefault();
      S.from = $('kg-path-from').value.trim();
      S.to = $('kg-path-to').value.trim();
      update();
      writeFragment();
    });
    $('kg-path-clear').addEventListener('click', () => { S.from = S.to = ''; $('kg-path-from').value = $('kg-path-to').value = ''; update(); writeFragment(); });
    $('kg-focus').addEventListener('click', () => {
      if (S.sel === null) return;
      S.focus = S.sel;
      S.depth = Math.max(1, parseInt($('kg-depth').value, 10) || 1);
      update();
      writeFragment();
    });
    $('kg-unfocus').addEventListener('click', () => { S.focus = null; update(); writeFragment(); });
    $('kg-path-from').value = S.from;
    $('kg-path-to').value = S.to;
    $('kg-depth').value = String(S.depth);
    if (svg) {
      if (S.view) setView(S.view); else fit();
      svg.classList.toggle('kg-overview', surelyOverview());
    }
    const t3 = performance.now();
    update();
    const t4 = performance.now();
    // Milliseconds: JSON.parse, then start's four steps (readable in the console; the scale test prints them).
    document.body.dataset.timing = [tParsed - tParse, t1 - t0, t2 - t1, t3 - t2, t4 - t3].map(Math.round).join(' ');
    document.body.dataset.ready = String(Math.round(performance.now() - t0));
    // The same steps in the browser's performance timeline (DevTools' Performance panel shows them).
    [['kgraph: parse the data', tParse, tParsed], ['kgraph: read the link', t0, t1], ['kgraph: mount the drawing', t1, t2],
      ['kgraph: filters and view', t2, t3], ['kgraph: first update', t3, t4]].forEach(([name, start, end]) => {
      try { performance.measure(name, { start, end }); } catch (e) { /* an older browser without measure options */ }
    });
    // Usable = the first frame is on screen (a task queued from the frame's callback runs after its
    // paint), since navigation began. Then the hit areas and the overview's labels.
    requestAnimationFrame(() => setTimeout(() => {
      document.body.dataset.usable = String(Math.round(performance.now()));
      painted = true;
      if (svg) {
        measureCanvas();
        placeLabels();
        addHitAreas();
      }
      document.body.dataset.labelled = String(Math.round(performance.now()));
      try { performance.measure('kgraph: labels and hit areas', { start: Number(document.body.dataset.usable) }); } catch (e) { /* as above */ }
    }, 0));
  }

  // Read-only handles for the browser tests and for curious readers in the console.
  window.kgExplorer = { data: D, state: S, fold, resolve };
  start();
}());
