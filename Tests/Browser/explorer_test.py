#!/usr/bin/env python3
"""Drives the HTML explorer (`kgraph render --format html`) in headless Chromium through Selenium
and compares what the page shows with the kgraph CLI's own JSON answers.

Usage: explorer_test.py --kgraph BIN --bench-gen BIN --graphs DIR --hostile FILE [--screenshots DIR]

Exit 0 when every check passes, 1 otherwise (each failure is printed). Screenshots of each state
go to --screenshots when given (`make explorer-screenshots` writes Examples/explorer/).
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

FAILURES = []


def check(cond, message):
    if not cond:
        FAILURES.append(message)
        print("FAIL: " + message, flush=True)
    return cond


class CLI:
    def __init__(self, binary, graph):
        self.binary, self.graph = binary, graph

    def run(self, *args):
        p = subprocess.run([self.binary, *args, "--graph", self.graph], capture_output=True, text=True)
        return p.returncode, p.stdout, p.stderr

    def json(self, *args):
        rc, out, err = self.run(*args, "--format", "json")
        if rc != 0:
            raise RuntimeError("kgraph %s exited %d: %s" % (" ".join(args), rc, err))
        return json.loads(out)

    def resolve(self, name):
        """The entity ids `kgraph show` resolves NAME to: one, several (ambiguous) or none."""
        rc, out, err = self.run("show", name, "--format", "json")
        if rc == 0:
            return [json.loads(out)["entity"]["id"]]
        if "names several entities" in err:
            return sorted(re.findall(r"\[([^\]]+)\]", err.split("names several entities:")[1]))
        return []

    def suggestions(self, name):
        """The ids `kgraph show` suggests for a name it does not know, nearest first."""
        rc, _, err = self.run("show", name)
        return re.findall(r"\[([^\]]+)\]'", err.split("did you mean")[1]) if rc != 0 and "did you mean" in err else []


def browser():
    o = Options()
    for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,900", "--disable-dev-shm-usage",
              "--allow-file-access-from-files"]:
        o.add_argument(a)
    for path in ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]:
        if os.path.exists(path):
            o.binary_location = path
            break
    o.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = "/usr/bin/chromedriver"
    return webdriver.Chrome(service=Service(driver) if os.path.exists(driver) else Service(), options=o)


def load(d, path, fragment=""):
    d.get("file://" + path + fragment)
    # `labelled`: the first frame is drawn and the labels and hit areas that follow it are in place.
    for _ in range(400):
        if d.execute_script("return document.body && document.body.dataset.labelled !== undefined"):
            break
        time.sleep(0.05)
    errors = [l for l in d.get_log("browser") if l.get("level") == "SEVERE"]
    check(not errors, "browser errors on %s: %s" % (path, errors))


def shot(d, folder, name):
    if folder:
        d.save_screenshot(os.path.join(folder, name + ".png"))


def js(d, script, *args):
    return d.execute_script(script, *args)


def panel_relations(d):
    """The relations the side panel lists: id -> {date, strength, quotes, documents}."""
    out = {}
    for li in d.find_elements(By.CSS_SELECTOR, "#kg-panel li.kg-rel"):
        out[li.get_attribute("data-relation")] = {
            "date": li.find_element(By.CSS_SELECTOR, ".kg-date").text,
            "strength": li.find_element(By.CSS_SELECTOR, ".kg-strength").text,
            "quotes": [q.get_attribute("textContent") for q in li.find_elements(By.CSS_SELECTOR, ".kg-quote")],
            "titles": [t.get_attribute("textContent") for t in li.find_elements(By.CSS_SELECTOR, ".kg-doc-title")],
        }
    return out


def compare_card(d, cli, entity_id, documents):
    card = cli.json("show", entity_id)
    check(d.find_element(By.CSS_SELECTOR, "#kg-panel article.kg-card").get_attribute("data-entity") == entity_id,
          "panel shows %s" % entity_id)
    check(d.find_element(By.CSS_SELECTOR, "#kg-panel .kg-name").get_attribute("textContent") == card["entity"]["name"],
          "card name of %s" % entity_id)
    aliases = [a.get_attribute("textContent") for a in d.find_elements(By.CSS_SELECTOR, "#kg-panel .kg-alias")]
    check(aliases == card["entity"]["aliases"], "card aliases of %s: %s" % (entity_id, aliases))
    shown = panel_relations(d)
    check(sorted(shown) == sorted(r["id"] for r in card["relations"]),
          "card of %s lists the relations of `kgraph show`: %s" % (entity_id, sorted(shown)))
    for r in card["relations"]:
        s = shown.get(r["id"])
        if not s:
            continue
        # The date at its precision: `2024-01 (month)`; undated ones say so.
        check(re.fullmatch(re.escape(r["date"]) + r" \((day|month|year)(\.\.(day|month|year))?\)", s["date"]) if r.get("date")
              else s["date"] == "undated", "date of %s: %s" % (r["id"], s["date"]))
        if "confidence" in r and "assertion" in r:  # (unrated ones read 'unrated')
            strength = r["confidence"] + " confidence"
            if not (r["provenance"] == "added" and r["assertion"] == "reported"):
                strength += ", " + r["assertion"]
            if r["provenance"] == "added":
                strength += ", added from general knowledge"
            check(s["strength"] == strength, "strength of %s: %s (expected %s)" % (r["id"], s["strength"], strength))
        check(s["quotes"] == [c["quote"] for c in r["sources"]], "quotes of %s" % r["id"])
        check(s["titles"] == [documents[c["document"]]["title"] for c in r["sources"] if c["document"] in documents],
              "document titles of %s" % r["id"])


def click_at(d, x, y):
    """A real pointer click at the viewport point (x, y): the pointer moves there, presses and
    releases (WebDriver input actions), so the page's hit testing decides what was clicked."""
    settle(d)
    chain = ActionChains(d)
    chain.w3c_actions.pointer_action.move_to_location(int(round(x)), int(round(y)))
    chain.w3c_actions.pointer_action.click()
    chain.perform()


# The point of edge K's drawn line (or OFF screen pixels beside it) where the topmost element is
# that edge (its line or its hit area), trying several places along the line; null when none is.
EDGE_POINT = """const k = arguments[0], off = arguments[1];
const path = document.querySelector('#kg-e' + k + ' path'), L = path.getTotalLength(), m = path.getScreenCTM();
for (const f of [0.5, 0.45, 0.55, 0.4, 0.6, 0.35, 0.65, 0.3, 0.7, 0.25, 0.75, 0.2, 0.8]) {
  const p = new DOMPoint(path.getPointAtLength(L * f).x, path.getPointAtLength(L * f).y).matrixTransform(m);
  const q0 = path.getPointAtLength(Math.min(L, L * f + 2)), q = new DOMPoint(q0.x, q0.y).matrixTransform(m);
  const dx = q.x - p.x, dy = q.y - p.y, n = Math.hypot(dx, dy) || 1;
  const x = Math.round(p.x - dy / n * off), y = Math.round(p.y + dx / n * off);
  const top = document.elementFromPoint(x, y);
  if (!top) continue;
  const line = top.closest('g.edge'), hit = top.closest('.kg-hit');
  if ((line && line.id === 'kg-e' + k) || (hit && hit.dataset.edge === String(k))) return [x, y, hit ? 'hit area' : 'line'];
}
return null;"""


def settle(d):
    """Waits for the page's next frame (labels are placed in it after a change)."""
    d.execute_async_script("requestAnimationFrame(() => setTimeout(arguments[0], 0))")


def click_edge(d, k, off):
    """Clicks edge K with the real pointer, OFF pixels beside its line; False when no such point is free."""
    settle(d)
    point = js(d, EDGE_POINT, k, off)
    if not check(point is not None, "edge %d has a clickable point %d px from its line" % (k, off)):
        return False
    print("edge %d: clicked at (%d, %d), %d px from its line, on its %s" % (k, point[0], point[1], off, point[2]), flush=True)
    click_at(d, point[0], point[1])
    return True


def click_entity(d, i):
    """Clicks entity I's shape in the drawing with the real pointer (at its centre: its shape, or
    the overview's label for it, is on top there)."""
    settle(d)
    point = js(d, """const g = document.getElementById('kg-n' + arguments[0]);
        const r = g.querySelector('path, polygon, ellipse').getBoundingClientRect(), x = r.x + r.width / 2, y = r.y + r.height / 2;
        const top = document.elementFromPoint(x, y);
        const node = top && top.closest('g.node'), label = top && top.closest('.kg-label');
        return (node && node.id === g.id) || (label && label.dataset.entity === String(arguments[0])) ? [x, y] : null;""", i)
    if check(point is not None, "entity %d is on top at its centre" % i):
        click_at(d, point[0], point[1])


# The overview's labels on screen: their entity, font size and box in CSS pixels.
LABELS = """return [...document.querySelectorAll('.kg-labels .kg-label')].map(t => {
  const r = t.getBoundingClientRect();
  return [Number(t.dataset.entity), parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a, r.left, r.top, r.right, r.bottom];
});"""


def overview_labels(d):
    """Fitted, the drawing's own labels (a few pixels high) are hidden, and the page's labels are
    12 px on screen, do not overlap, and follow the pointer to an entity that has none."""
    zoom = float(js(d, "return document.querySelector('#kg-canvas svg').dataset.zoom"))
    small = js(d, "return parseFloat(document.querySelector('g.node text').getAttribute('font-size'))") * zoom
    check(small < 10, "fitted, Graphviz's labels would be %.1f px on screen" % small)
    check(js(d, "return getComputedStyle(document.querySelector('g.node text')).display") == "none", "fitted, Graphviz's labels are hidden")
    labels = js(d, LABELS)
    check(len(labels) >= 30, "fitted, %d entities are labelled" % len(labels))
    check(all(abs(size - 12) < 0.5 for _, size, *_ in labels), "overview labels are 12 px on screen: %s" % sorted({round(x[1], 1) for x in labels}))
    overlaps = [(a[0], b[0]) for n, a in enumerate(labels) for b in labels[n + 1:]
                if a[2] < b[4] - 1 and b[2] < a[4] - 1 and a[3] < b[5] - 1 and b[3] < a[5] - 1]
    check(not overlaps, "overview labels do not overlap: %s" % overlaps[:5])
    degree = js(d, "return kgExplorer.data.entities.map(E => E.rels.length)")
    shown = {x[0] for x in labels}
    check(max(degree) == max(degree[i] for i in shown), "the best-connected entity is labelled")
    # The pointer over an entity without a label shows its name.
    unlabelled = [i for i in range(len(degree)) if i not in shown]
    target = next((i for i in unlabelled if js(d, """const g = document.getElementById('kg-n' + arguments[0]);
        const r = g.querySelector('path, polygon, ellipse').getBoundingClientRect();
        const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
        return !!top && top.closest('g.node') === g && r.width > 4;""", i)), None)
    if check(target is not None, "some unlabelled entity is under the pointer's reach"):
        x, y = js(d, """const r = document.querySelector('#kg-n' + arguments[0] + ' path, #kg-n' + arguments[0] + ' polygon, #kg-n'
            + arguments[0] + ' ellipse').getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2];""", target)
        chain = ActionChains(d)
        chain.w3c_actions.pointer_action.move_to_location(int(x), int(y))
        chain.perform()
        settle(d)
        check(target in {x[0] for x in js(d, LABELS)}, "hovering entity %d shows its label" % target)
    # Zoomed in, Graphviz's labels come back and the page's go.
    d.find_element(By.ID, "kg-canvas").send_keys("++++++")
    settle(d)
    check(js(d, "return getComputedStyle(document.querySelector('g.node text')).display") != "none" and not js(d, LABELS),
          "zoomed in, the drawing's own labels show")
    d.find_element(By.ID, "kg-canvas").send_keys("0")
    settle(d)


def entity_index(d, entity_id):
    return js(d, "return kgExplorer.data.entities.findIndex(e => e.e.id === arguments[0])", entity_id)


def shipped(args, d, tmp):
    cli = CLI(args.kgraph, args.graphs)
    page = os.path.join(tmp, "graph.html")
    rc, _, err = cli.run("render", "-o", page)
    if not check(rc == 0, "render --format html exits 0: " + err):
        return
    documents = {doc["id"]: doc for doc in cli.json("documents")}
    load(d, page)
    shot(d, args.screenshots, "1-overview")
    overview_labels(d)
    # The legend's evidence rows are the drawing's (the SVG render's legend lists the same lines).
    svg = cli.run("render", "--format", "svg")[1]
    evidence = [x.get_attribute("data-evidence") for x in d.find_elements(By.CSS_SELECTOR, "#kg-legend [data-evidence]")]
    check(evidence and all(">" + re.sub(r"[&<>]", "", t) + "<" in svg or t in svg for t in evidence),
          "the evidence legend %s is the drawing's" % evidence)
    total = len(cli.json("relations"))
    check(js(d, "return document.getElementById('kg-count').dataset.visible") == str(total),
          "all %d relations visible at first" % total)

    # Find: every shipped id, name and alias resolves in the page to an entity the CLI gives for it,
    # and tricky spellings resolve exactly as `kgraph show` resolves them.
    entities = cli.json("entities")
    spellings = [(e["id"], t) for e in entities for t in [e["id"], e["name"]] + e["aliases"]]
    page_answers = js(d, "return arguments[0].map(t => kgExplorer.resolve(t).entities.map(i => kgExplorer.data.entities[i].e.id))",
                      [t for _, t in spellings])
    for (eid, text), got in zip(spellings, page_answers):
        check(eid in got, "the page resolves %r to %s (expected %s among them)" % (text, got, eid))
    tricky = ["the Pentagon", "THE PENTAGON", "Pentagon's", "Iran’s", "iran's", "Kata’ib Hezbollah", "kataib hezbollah",
              "KATA'IB HEZBOLLAH’S", "Kataʼib Hezbollah", "U.S.", "u s", "US base", "Tower-22", "tower 22", "Tehran",
              "Kata’ib Hizballah", "Théran", "the", "Qasem Soleimani", "Soleimani’s", "Nonexistent Group", "Isl. Rev. Guard",
              "  the   pentagon  ", "Ｉｒａｎ", "IRAN’S"]
    page_answers = js(d, "return arguments[0].map(t => kgExplorer.resolve(t).entities.map(i => kgExplorer.data.entities[i].e.id).sort())",
                      tricky)
    for text, got in zip(tricky, page_answers):
        check(got == cli.resolve(text), "%r: page %s, CLI %s" % (text, got, cli.resolve(text)))

    # Type a name: the entity is selected, centred, and its card matches `kgraph show --format json`.
    box = d.find_element(By.ID, "kg-search")
    box.send_keys("Kata’ib Hezbollah’s" + Keys.ENTER)
    compare_card(d, cli, "kataib-hezbollah", documents)
    check("kg-selected" in d.find_element(By.ID, "kg-n%d" % entity_index(d, "kataib-hezbollah")).get_attribute("class"),
          "the found entity is highlighted in the drawing")
    shot(d, args.screenshots, "2-search-card")
    # Near misses: the page suggests what `kgraph show` suggests, in the same order.
    for miss in ["Kataib Hezbolah", "Pentagn", "Irann", "Soleimany", "Hezbolah"]:
        box.clear()
        box.send_keys(miss + Keys.ENTER)
        suggested = [b.get_attribute("data-entity") for b in d.find_elements(By.CSS_SELECTOR, "#kg-search-result button")]
        check(suggested == cli.suggestions(miss), "near misses for %r: page %s, CLI %s" % (miss, suggested, cli.suggestions(miss)))
    shot(d, args.screenshots, "2b-near-misses")

    # Click an entity in the drawing with the pointer (fitted first: 0).
    d.find_element(By.ID, "kg-canvas").send_keys("0")
    iran = entity_index(d, "iran")
    click_entity(d, iran)
    compare_card(d, cli, "iran", documents)

    # Click an edge with the pointer: its relations' evidence (all parallel relations it stands for).
    # On its line, then 6 px beside it (the invisible wide stroke under each edge takes that click).
    edges = js(d, "return kgExplorer.data.edges")
    rels = {r["id"]: r for r in cli.json("relations")}
    k = max(range(len(edges)), key=lambda n: len(edges[n]))
    for off in [0, 6]:
        click_entity(d, iran)
        if not click_edge(d, k, off):
            continue
        ids = js(d, "return arguments[0].map(i => kgExplorer.data.relations[i].r.id)", edges[k])
        check(d.find_elements(By.CSS_SELECTOR, "#kg-panel article.kg-edge-card[data-edge='%d']" % k),
              "a click %d px from edge %d opens its evidence" % (off, k))
        shown = panel_relations(d)
        check(sorted(shown) == sorted(ids), "edge %d shows its %d relations: %s" % (k, len(ids), sorted(shown)))
        for rid in ids:
            if rid in shown:
                check(shown[rid]["quotes"] == [c["quote"] for c in rels[rid]["sources"]], "edge evidence quotes of %s" % rid)
    # A single-relation edge, zoomed in (the drawing's own labels shown), by the pointer too.
    single = next(n for n in range(len(edges)) if len(edges[n]) == 1)
    d.find_element(By.ID, "kg-canvas").send_keys("++++++")
    centre_on_edge = """const p = document.querySelector('#kg-e' + arguments[0] + ' path'), L = p.getTotalLength(), q = p.getPointAtLength(L / 2);
        const svg = document.querySelector('#kg-canvas svg'), g = svg.querySelector('g.graph').transform.baseVal.consolidate().matrix;
        const b = svg.viewBox.baseVal, x = g.a * q.x + g.e, y = g.d * q.y + g.f;
        svg.setAttribute('viewBox', [x - b.width / 2, y - b.height / 2, b.width, b.height].join(' '));"""
    js(d, centre_on_edge, single)
    time.sleep(0.1)
    check(js(d, "return document.querySelector('#kg-canvas svg').classList.contains('kg-overview')") is False,
          "zoomed in, the drawing's own labels show")
    if click_edge(d, single, 5):
        check(d.find_elements(By.CSS_SELECTOR, "#kg-panel article.kg-edge-card[data-edge='%d']" % single),
              "zoomed in, a click beside edge %d opens its evidence" % single)
    d.find_element(By.ID, "kg-canvas").send_keys("0")
    click_edge(d, k, 0)
    shot(d, args.screenshots, "3-edge-evidence")

    # Time window: the visible relations are those `kgraph relations --since/--until` lists.
    span = js(d, "return [Number(document.getElementById('kg-since').max)]")[0]
    for lo, hi, undated in [(0.55, 0.8, False), (0.9, 0.95, True), (0.2, 0.6, False), (0.0, 0.5, False)]:
        js(d, """const a = document.getElementById('kg-since'), b = document.getElementById('kg-until');
                 a.value = String(arguments[0]); a.dispatchEvent(new Event('input'));
                 b.value = String(arguments[1]); b.dispatchEvent(new Event('input'));
                 const u = document.getElementById('kg-undated'); if (u.checked !== arguments[2]) u.click();""",
           int(span * lo), int(span * hi), undated)
        since = d.find_element(By.ID, "kg-since-text").text
        until = d.find_element(By.ID, "kg-until-text").text
        flags = (["--since", since] if lo > 0 else []) + ["--until", until]
        flags += ["--include-undated"] if undated else []
        expected = len(cli.json("relations", *flags))
        visible = int(js(d, "return document.getElementById('kg-count').dataset.visible"))
        check(visible == expected, "window %s..%s undated=%s: page %d, CLI %d" % (since, until, undated, visible, expected))
        hidden_edges = js(d, "return [...document.querySelectorAll('g.edge.kg-hidden')].length")
        check(hidden_edges > 0, "some edges hidden in window %s..%s" % (since, until))
    shot(d, args.screenshots, "4-time-window")

    # A type and a kind toggled off: the legend follows what is visible.
    toggle(d, "type", "struck")
    check(not d.find_elements(By.CSS_SELECTOR, "#kg-legend [data-type=struck]"), "the legend drops a hidden type")
    toggle(d, "kind", "person")
    check(not d.find_elements(By.CSS_SELECTOR, "#kg-legend [data-kind=person]"), "the legend drops a hidden kind")
    person = next(e["id"] for e in entities if e["kind"] == "person")
    check("kg-hidden" in d.find_element(By.ID, "kg-n%d" % entity_index(d, person)).get_attribute("class"),
          "a hidden kind's entities are hidden")

    # Paths over everything: same length and same shortest paths as `kgraph path -k 200 --format json`.
    load(d, page)
    for a, b in [("Iran", "Tower 22"), ("Kirby", "Kata'ib Hezbollah"), ("the Pentagon", "US base")]:
        d.find_element(By.ID, "kg-path-from").clear()
        d.find_element(By.ID, "kg-path-from").send_keys(a)
        d.find_element(By.ID, "kg-path-to").clear()
        d.find_element(By.ID, "kg-path-to").send_keys(b + Keys.ENTER)
        answer = cli.json("path", a, b, "-k", "200")
        shortest = [p for p in answer["paths"] if p["length"] == answer["paths"][0]["length"]]
        summary = d.find_element(By.CSS_SELECTOR, "#kg-path-result .kg-path-summary")
        check(summary.get_attribute("data-length") == str(shortest[0]["length"]),
              "%s -> %s: page %s hops, CLI %d" % (a, b, summary.get_attribute("data-length"), shortest[0]["length"]))
        page_paths = [[x.get_attribute("data-entity") for x in li.find_elements(By.CSS_SELECTOR, "button[data-entity]")]
                      for li in d.find_elements(By.CSS_SELECTOR, "#kg-path-result li")]
        hops = [set(json.loads(h.get_attribute("data-relations"))) for h in d.find_elements(By.CSS_SELECTOR, "#kg-path-result .kg-hop")]
        cli_paths = [[p["hops"][0]["from"]] + [h["to"] for h in p["hops"]] for p in shortest]
        check(sorted(page_paths) == sorted(cli_paths), "%s -> %s: page paths %s, CLI %s" % (a, b, page_paths, cli_paths))
        on_page = set().union(*hops) if hops else set()
        check(all(h["relationId"] in on_page for p in shortest for h in p["hops"]), "%s -> %s: every CLI hop is highlighted" % (a, b))
        highlighted = js(d, "return [...document.querySelectorAll('g.node.kg-path')].map(g => kgExplorer.data.entities[Number(g.id.slice(4))].e.id).sort()")
        check(highlighted == sorted({e for p in cli_paths for e in p}), "%s -> %s: highlighted entities %s" % (a, b, highlighted))
    shot(d, args.screenshots, "5-path")

    # Focus: entities further than N hops are dimmed.
    d.find_element(By.ID, "kg-path-clear").click()
    center = entity_index(d, "kataib-hezbollah")
    d.find_element(By.ID, "kg-canvas").send_keys("0")
    click_entity(d, center)
    d.find_element(By.ID, "kg-depth").clear()
    d.find_element(By.ID, "kg-depth").send_keys("1")
    d.find_element(By.ID, "kg-focus").click()
    around = cli.json("neighbors", "kataib-hezbollah", "--depth", "1")
    near = {"kataib-hezbollah"} | {x["entity"]["id"] for x in around["entities"]}
    undimmed = js(d, "return [...document.querySelectorAll('g.node:not(.kg-dim)')].map(g => kgExplorer.data.entities[Number(g.id.slice(4))].e.id)")
    check(set(undimmed) == near, "focus 1 hop keeps %d entities, `kgraph neighbors --depth 1` %d" % (len(undimmed), len(near)))
    shot(d, args.screenshots, "6-focus")

    # Share: the fragment reopens the same view.
    toggle(d, "assertion", "alleged")
    js(d, """const a = document.getElementById('kg-since'); a.value = String(Math.floor(a.max / 2)); a.dispatchEvent(new Event('input'));""")
    d.find_element(By.ID, "kg-path-from").send_keys("Iran")
    d.find_element(By.ID, "kg-path-to").send_keys("Tower 22" + Keys.ENTER)
    d.find_element(By.ID, "kg-canvas").send_keys("+++")
    state = lambda: js(d, """return {url: location.hash, count: document.getElementById('kg-count').textContent,
        card: (document.querySelector('#kg-panel article') || {}).outerHTML, since: document.getElementById('kg-since-text').textContent,
        path: document.getElementById('kg-path-result').textContent, view: document.querySelector('#kg-canvas svg').getAttribute('viewBox'),
        off: [...document.querySelectorAll('#kg-filters input[type=checkbox]:not(:checked)')].map(c => c.dataset.value || c.id),
        dim: document.querySelectorAll('.kg-dim').length}""")
    before = state()
    check("sel=" in before["url"] and "since=" in before["url"] and "from=" in before["url"], "the fragment holds the state: " + before["url"])
    d.get("about:blank")
    load(d, page, before["url"])
    after = state()
    for key in ["count", "card", "since", "path", "off", "dim"]:
        check(before[key] == after[key], "reload keeps %s: %r vs %r" % (key, str(before[key])[:120], str(after[key])[:120]))
    view_a = [round(float(x)) for x in before["view"].split()]
    view_b = [round(float(x)) for x in after["view"].split()]
    check(all(abs(x - y) <= 1 for x, y in zip(view_a, view_b)), "reload keeps the zoom: %s vs %s" % (view_a, view_b))
    shot(d, args.screenshots, "7-shared-link")

    # Keyboard: 0 fits, arrows pan.
    d.find_element(By.ID, "kg-canvas").send_keys("0")
    view = lambda: js(d, "return document.querySelector('#kg-canvas svg').getAttribute('viewBox')")
    fitted = view()
    d.find_element(By.ID, "kg-canvas").send_keys(Keys.ARROW_RIGHT)
    check(view() != fitted, "arrow keys pan")
    d.find_element(By.ID, "kg-canvas").send_keys("-")
    check(float(view().split()[2]) > float(fitted.split()[2]), "- zooms out")


def drawing_evidence(cli, *flags):
    """The Evidence lines of the legend `kgraph render` draws with FLAGS, without their glyphs."""
    rc, dot, err = cli.run("render", "--format", "dot", *flags)
    if rc != 0:
        raise RuntimeError("kgraph render %s exited %d: %s" % (" ".join(flags), rc, err))
    if "Evidence</FONT>" not in dot:
        return []
    legend = dot.split("Evidence</FONT>", 1)[1].split("</TABLE>", 1)[0]
    return [re.sub(r"^[⊣▷○] ", "", t) for t in re.findall(r'<FONT POINT-SIZE="10">([^<]*)</FONT>', legend)]


def page_evidence(d):
    return [x.get_attribute("data-evidence") for x in d.find_elements(By.CSS_SELECTOR, "#kg-legend [data-evidence]")]


def toggle(d, what, value):
    """Clicks a filter's checkbox (a WebDriver element click: the pointer, at the box on screen)."""
    d.find_element(By.CSS_SELECTOR, "[data-filter=%s] input[data-value='%s']" % (what, value)).click()


def visible_count(d):
    return int(js(d, "return document.getElementById('kg-count').dataset.visible"))


def legend(args, d, tmp):
    """The legend lists only what is visible, as `kgraph render` with the same filters draws it, and
    "unrated" (no confidence or no assertion) is a toggle like the other values."""
    cli = CLI(args.kgraph, args.graphs)
    page = os.path.join(tmp, "graph.html")
    rc, _, err = cli.run("render", "-o", page)
    if not check(rc == 0, "render --format html exits 0: " + err):
        return
    load(d, page)
    check(page_evidence(d) == drawing_evidence(cli), "all visible: the evidence legend %s is the drawing's %s"
          % (page_evidence(d), drawing_evidence(cli)))
    for value in ["alleged", "claimed"]:
        toggle(d, "assertion", value)
    kept = "reported,attributed,denied"
    check(page_evidence(d) == drawing_evidence(cli, "--assertion", kept),
          "alleged and claimed off: %s, render --assertion %s: %s" % (page_evidence(d), kept, drawing_evidence(cli, "--assertion", kept)))
    check("alleged" not in page_evidence(d), "the legend drops alleged when it is hidden")
    toggle(d, "confidence", "low")
    flags = ["--assertion", kept, "--min-confidence", "medium"]
    check(page_evidence(d) == drawing_evidence(cli, *flags), "and low off: %s, render %s: %s"
          % (page_evidence(d), " ".join(flags), drawing_evidence(cli, *flags)))
    # The time window too: the evidence of the relations in the window.
    span = int(js(d, "return Number(document.getElementById('kg-since').max)"))
    js(d, """const a = document.getElementById('kg-since'), b = document.getElementById('kg-until');
             a.value = String(arguments[0]); a.dispatchEvent(new Event('input'));
             b.value = String(arguments[1]); b.dispatchEvent(new Event('input'));
             const u = document.getElementById('kg-undated'); if (u.checked) u.click();""", int(span * 0.9), int(span * 0.97))
    flags += ["--since", d.find_element(By.ID, "kg-since-text").text, "--until", d.find_element(By.ID, "kg-until-text").text]
    check(visible_count(d) == len(cli.json("relations", *flags)), "window and strength: page %d, CLI %d"
          % (visible_count(d), len(cli.json("relations", *flags))))
    check(page_evidence(d) == drawing_evidence(cli, *flags), "in the window: %s, render %s: %s"
          % (page_evidence(d), " ".join(flags), drawing_evidence(cli, *flags)))
    types = sorted(x.get_attribute("data-type") for x in d.find_elements(By.CSS_SELECTOR, "#kg-legend [data-type]"))
    check(types == sorted({r["relation"] for r in cli.json("relations", *flags)}), "the legend's types are the visible ones: %s" % types)

    # Unrated relations (as read from another tool's file): three relations of a copy of the
    # shipped graph lose their confidence, their assertion, or both.
    folder = os.path.join(tmp, "unrated")
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(args.graphs, folder)
    yaml = next(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".yaml"))
    text = open(yaml, encoding="utf-8").read()
    for rid, fields in [("irgc-part-of-iran", ["confidence", "assertion"]), ("quds-force-part-of-irgc", ["confidence"]),
                        ("centcom-part-of-us-forces", ["assertion"])]:
        check("  - id: %s\n" % rid in text, "the shipped graph has relation %s" % rid)
        text = text.replace("  - id: %s\n" % rid, "  - id: %s\n" % rid + "".join("    %s: unrated\n" % f for f in fields), 1)
    open(yaml, "w", encoding="utf-8").write(text)
    cli = CLI(args.kgraph, folder)
    relations = cli.json("relations")
    check(sum(1 for r in relations if "confidence" not in r or "assertion" not in r) == 3, "three unrated relations")
    page = os.path.join(tmp, "unrated.html")
    rc, _, err = cli.run("render", "-o", page)
    if not check(rc == 0, "render of the unrated graph exits 0: " + err):
        return
    load(d, page)
    for what in ["assertion", "confidence"]:
        check(d.find_elements(By.CSS_SELECTOR, "[data-filter=%s] input[data-value=unrated]" % what), "an unrated %s toggle" % what)
    check("unrated" in page_evidence(d) and page_evidence(d) == drawing_evidence(cli),
          "unrated in the legend: %s, drawing %s" % (page_evidence(d), drawing_evidence(cli)))
    rated = "reported,claimed,attributed,alleged,denied"
    for what, flags in [("assertion", ["--assertion", rated]), ("confidence", ["--assertion", rated, "--min-confidence", "low"])]:
        toggle(d, what, "unrated")
        expected = len(cli.json("relations", *flags))
        check(visible_count(d) == expected, "unrated %s off: page %d, `relations %s` %d" % (what, visible_count(d), " ".join(flags), expected))
        check(page_evidence(d) == drawing_evidence(cli, *flags), "unrated %s off: legend %s, render %s: %s"
              % (what, page_evidence(d), " ".join(flags), drawing_evidence(cli, *flags)))
    check("unrated" not in page_evidence(d), "the legend drops unrated when both are off")
    js(d, "document.querySelector('#kg-legend [data-evidence]').previousElementSibling.scrollIntoView({block: 'center'})")
    shot(d, args.screenshots, "11-legend-filtered")
    hidden = js(d, """return [...document.querySelectorAll('g.edge.kg-hidden')].flatMap(g =>
        kgExplorer.data.edges[Number(g.id.slice(4))].map(i => kgExplorer.data.relations[i].r.id)).sort()""")
    check(hidden == ["centcom-part-of-us-forces", "irgc-part-of-iran", "quds-force-part-of-irgc"], "the unrated edges are hidden: %s" % hidden)
    # The toggle lives in the link like the others.
    url = js(d, "return location.hash")
    check("hide-assertion=unrated" in url and "hide-confidence=unrated" in url, "the fragment keeps unrated off: " + url)
    d.get("about:blank")
    load(d, page, url)
    check(visible_count(d) == len(relations) - 3, "reloaded: %d visible" % visible_count(d))
    toggle(d, "assertion", "unrated")
    toggle(d, "confidence", "unrated")
    check(visible_count(d) == len(relations), "both back on: all %d visible" % len(relations))


def hostile(args, d, tmp):
    cli = CLI(args.kgraph, args.hostile)
    page = os.path.join(tmp, "hostile.html")
    rc, _, err = cli.run("render", "-o", page)
    if not check(rc == 0, "hostile render exits 0: " + err):
        return
    load(d, page)
    check(len(d.find_elements(By.TAG_NAME, "script")) == 2, "only the page's own two scripts")
    check(d.title == "<script>alert('title')</script> {{JS}}", "the title is literal: %r" % d.title)
    check(d.find_element(By.ID, "kg-title").text == "<script>alert('title')</script> {{JS}}", "the heading is literal")
    for e in cli.json("entities"):
        d.find_element(By.ID, "kg-search").clear()
        d.find_element(By.ID, "kg-search").send_keys(e["aliases"][0] if e["aliases"] else e["name"])
        d.find_element(By.ID, "kg-search").send_keys(Keys.ENTER)
        card = cli.json("show", e["id"])
        check(d.find_element(By.CSS_SELECTOR, "#kg-panel .kg-name").get_attribute("textContent") == e["name"],
              "hostile name shows literally: %r" % e["name"])
        for r in card["relations"]:
            li = d.find_element(By.CSS_SELECTOR, "#kg-panel li[data-relation='%s']" % r["id"])
            text = li.get_attribute("textContent")
            for c in r["sources"]:
                check(c["quote"] in text, "quote shows literally: %r" % c["quote"])
            if r.get("note"):
                check(r["note"] in text, "note shows literally: %r" % r["note"])
    desc = d.find_elements(By.CSS_SELECTOR, "#kg-panel .kg-description")
    check(all("</script>" in x.text for x in desc), "descriptions literal")
    links = js(d, "return [...document.querySelectorAll('a[href]')].map(a => a.href)")
    check(all(h.startswith("https://") or h.startswith("http://") for h in links), "only http(s) links: %s" % links)
    check(not d.find_elements(By.CSS_SELECTOR, "#kg-panel img, #kg-panel b, #kg-panel u, #kg-panel i"), "no markup from the data")
    check(js(d, "return document.querySelectorAll('svg script, svg foreignObject, [onload], [onerror]').length") == 0, "nothing runs")
    shot(d, args.screenshots, "8-hostile")


def scale(args, d, tmp):
    gen = os.path.join(tmp, "gen")
    subprocess.run([args.bench_gen, "--entities", "5000", "--relations", "6000", "--formats", "yaml", "-o", gen],
                   check=True, capture_output=True)
    graph = os.path.join(gen, "graph.yaml")
    cli = CLI(args.kgraph, graph)
    page = os.path.join(tmp, "big.html")
    started = time.time()
    rc, _, err = cli.run("render", "-o", page)
    check(rc == 0, "5,000 entities render: " + err)
    print("5,000 entities: render took %.1f s, page %.1f MB" % (time.time() - started, os.path.getsize(page) / 1e6), flush=True)
    # Usable = the page's script has run (drawing mounted, filters and panel ready) and the first
    # frame is drawn, from navigation start; then the overview's labels and the hit areas follow.
    times, labelled, parsed = [], [], []
    for _ in range(3):
        d.get("about:blank")
        load(d, page)
        times.append(int(js(d, "return document.body.dataset.usable")))
        labelled.append(int(js(d, "return document.body.dataset.labelled")))
        parsed.append(int(js(d, "return performance.getEntriesByType('navigation')[0].domInteractive")))
    print("5,000 entities: HTML parsed after %s ms, usable (first frame) after %s ms, labels and hit areas after %s ms;"
          " script steps %s ms; load average %.1f on %d cores (machine shared)"
          % (parsed, times, labelled, js(d, "return document.body.dataset.timing"), os.getloadavg()[0], os.cpu_count() or 1), flush=True)
    check(int(js(d, "return Number(document.querySelector('.kg-labels').dataset.count)")) > 20,
          "the fitted 5,000-entity drawing labels its best-connected entities")
    hub = js(d, "return kgExplorer.data.entities.map((E, i) => [E.rels.length, i]).sort((a, b) => b[0] - a[0])[0][1]")
    click_entity(d, hub)
    check(js(d, "return (document.querySelector('#kg-panel article') || {dataset: {}}).dataset.entity") == js(d, "return kgExplorer.data.entities[arguments[0]].e.id", hub),
          "a click on the best-connected entity of 5,000 opens its card")
    # A time says little on an oversubscribed machine (load above the cores): then it is printed, not asserted.
    load_average, cores = os.getloadavg()[0], os.cpu_count() or 1
    if load_average <= cores:
        check(min(times) < 2000, "5,000 entities usable in under 2 s: %s ms" % min(times))
    else:
        print("5,000 entities: the 2 s limit is not asserted: load average %.1f on %d cores" % (load_average, cores), flush=True)
    name = cli.json("entities")[1234]
    started = time.time()
    d.find_element(By.ID, "kg-search").send_keys(name["name"] + Keys.ENTER)
    check(d.find_element(By.CSS_SELECTOR, "#kg-panel article").get_attribute("data-entity") == name["id"],
          "search works on 5,000 entities")
    print("5,000 entities: search and card took %.2f s" % (time.time() - started), flush=True)
    shot(d, args.screenshots, "9-5000-entities")
    # Past the render size guard the page says so, and still finds names.
    subprocess.run([args.bench_gen, "--entities", "5200", "--relations", "5300", "--formats", "yaml", "-o", gen + "2"],
                   check=True, capture_output=True)
    cli = CLI(args.kgraph, os.path.join(gen + "2", "graph.yaml"))
    rc, _, err = cli.run("render", "-o", page)
    check(rc == 0 and "draws nothing" in err, "past the guard: exit 0 with a note: %d %s" % (rc, err))
    load(d, page)
    check("Too big to draw" in d.find_element(By.ID, "kg-refusal").text, "the page says it is too big to draw")
    name = cli.json("entities")[42]
    d.find_element(By.ID, "kg-search").send_keys(name["name"] + Keys.ENTER)
    check(d.find_element(By.CSS_SELECTOR, "#kg-panel article").get_attribute("data-entity") == name["id"],
          "search works past the guard")
    shot(d, args.screenshots, "10-too-big")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--kgraph", required=True)
    p.add_argument("--bench-gen", required=True)
    p.add_argument("--graphs", required=True)
    p.add_argument("--hostile", required=True)
    p.add_argument("--screenshots")
    p.add_argument("--only", choices=["shipped", "legend", "hostile", "scale"])
    args = p.parse_args()
    if args.screenshots:
        os.makedirs(args.screenshots, exist_ok=True)
    d = browser()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for part in [shipped, legend, hostile, scale]:
                if args.only and part.__name__ != args.only:
                    continue
                try:
                    part(args, d, tmp)
                except Exception as e:  # a broken step is a failure, and the next steps still run
                    check(False, "%s: %s: %s" % (part.__name__, type(e).__name__, e))
    finally:
        d.quit()
    print("%d failure(s)" % len(FAILURES))
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
