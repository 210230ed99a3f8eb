#!/usr/bin/env python3
"""kgraph side by side with python-igraph, NetworkX, rustworkx and graph-tool on generated GraphML.

Generates the graph (kgraph-bench-gen, cached by size and seed under --work) as two GraphML files:
kgraph's own export (graph.graphml) and the same graph written the way NetworkX writes GraphML
(foreign.graphml). For each input and each core setting (pinned to one core with `taskset -c 0`,
then allowed two), runs one after the other, each under /usr/bin/time -v for its whole-process
peak RSS:
  kgraph-bench DIR FILE            (the KGraph library, phases timed in-process)
  peer_bench.py TOOL DIR FILE      (each peer that is installed)
then times end to end, process start included, `kgraph path --graph FILE FROM TO` against a
script per peer that loads the same file and asks the same question. Then, once: the native
format's load, the sfdp layout, and the shipped graph's query commands. Prints a table per input
and core setting (figures, the best peer per phase and the ratio kgraph/best peer: below 1 =
kgraph faster or smaller) and writes every figure to WORK/results.json.

Usage: run.py --entities N --relations M [--seed S] [--bin DIR] [--work DIR] [--inputs own,foreign]
              [--cores 1,2] [--skip networkx,...] [--repeat R]
"""
import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

PHASES = [
    ("load", "load GraphML"),
    ("rss", "peak RSS (MB, whole process)"),
    ("bfs", "full BFS from one entity"),
    ("path", "shortest path, two names"),
    ("kpaths", "5 shortest paths"),
    ("neighborhood", "depth-2 neighbourhood"),
    ("betweenness", "betweenness, sample subgraph"),
    ("export", "export GraphML"),
]


SHIPPED_QUERIES = [
    ("check", ["check"]),
    ("show", ["show", "Kata'ib Hezbollah"]),
    ("entities", ["entities"]),
    ("relations", ["relations", "--type", "struck"]),
    ("path", ["path", "IRGC", "US base", "-k", "3"]),
    ("neighbors", ["neighbors", "kh", "--depth", "2"]),
    ("timeline", ["timeline"]),
    ("stats", ["stats"]),
]


def run_measured(cmd, env=None):
    """Runs cmd under /usr/bin/time -v; returns (stdout JSON, peak RSS in MB, wall seconds)."""
    start = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-v"] + cmd, capture_output=True, text=True, env=env)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr[-3000:])
        raise SystemExit(f"failed: {' '.join(cmd)}")
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    return out, (int(rss.group(1)) / 1024 if rss else None), wall


def best_wall(cmd, repeat, env=None):
    """The fastest of `repeat` runs of cmd, in seconds (process start included)."""
    best = None
    for _ in range(repeat):
        start = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
        elapsed = time.perf_counter() - start
        if proc.returncode != 0:
            sys.stderr.write(proc.stderr[-2000:])
            raise SystemExit(f"failed: {' '.join(cmd)}")
        best = elapsed if best is None else min(best, elapsed)
    return best


def fmt(value, phase):
    if value is None:
        return "-"
    if phase == "rss":
        return f"{value:,.0f}"
    return f"{value:.3f} s" if value >= 0.1 else f"{value * 1000:.1f} ms"


def ratio(a, b):
    if a is None or b is None or b == 0:
        return "-"
    return f"{a / b:.2f}"


INPUTS = {"own": "graph.graphml", "foreign": "foreign.graphml"}
PEERS = ["rustworkx", "igraph", "graph-tool", "networkx"]

# Load the file and answer the path question by name, as `kgraph path --graph FILE FROM TO` does.
PATH_SCRIPTS = {
    "igraph": "import igraph,sys\ng=igraph.Graph.Read_GraphML(sys.argv[1])\n"
              "p=g.get_shortest_path(g.vs.find(label=sys.argv[2]).index,g.vs.find(label=sys.argv[3]).index,mode='all')\n"
              "print(len(p)-1)\n",
    "rustworkx": "import rustworkx as rx,sys\ng=rx.read_graphml(sys.argv[1])[0]\n"
                 "f=lambda n:next(i for i in g.node_indices() if g[i]['label']==n)\n"
                 "s,t=f(sys.argv[2]),f(sys.argv[3])\n"
                 "print(len(rx.digraph_dijkstra_shortest_paths(g,s,target=t,as_undirected=True)[t])-1)\n",
    "graph-tool": "import graph_tool.all as gt,sys\ng=gt.load_graph(sys.argv[1],fmt='graphml')\n"
                  "f=lambda n:gt.find_vertex(g,g.vp['label'],n)[0]\n"
                  "print(len(gt.shortest_path(gt.GraphView(g,directed=False),f(sys.argv[2]),f(sys.argv[3]))[0])-1)\n",
}


def python_for(tool):
    """An interpreter that imports the peer's module (graph-tool is Debian's, for /usr/bin/python3), or None."""
    module = {"graph-tool": "graph_tool", "networkx": "networkx", "igraph": "igraph", "rustworkx": "rustworkx"}[tool]
    for python in dict.fromkeys([sys.executable, "/usr/bin/python3"]):
        if os.path.exists(python) and subprocess.run([python, "-c", f"import {module}"], capture_output=True).returncode == 0:
            return python
    return None


def pinned(cores):
    """The taskset prefix that allows a process `cores` cores (0 .. cores-1)."""
    return ["taskset", "-c", ",".join(str(c) for c in range(cores))]


def generate(args, entities, relations, formats="yaml,graphml,foreign,csv"):
    """The folder holding the generated graph of this size and seed, written once and kept."""
    folder = os.path.join(args.work, f"{entities}-{relations}-seed{args.seed}")
    files = {"yaml": "graph.yaml", "graphml": "graph.graphml", "foreign": "foreign.graphml", "csv": "entities.csv"}
    wanted = ["queries.json"] + [files[f] for f in formats.split(",")]
    if not all(os.path.exists(os.path.join(folder, name)) for name in wanted):
        print(f"generating {entities} entities / {relations} relations (seed {args.seed}) in {folder}", file=sys.stderr)
        subprocess.run([os.path.join(args.bin, "kgraph-bench-gen"), "--entities", str(entities), "--relations",
                        str(relations), "--seed", str(args.seed), "--formats", formats, "-o", folder], check=True)
    return folder


def compare(args, folder, file, cores, peers, queries, env):
    """Every tool on one input with `cores` cores: {"tools": {tool: bench JSON}, "end_to_end": {tool: s}}."""
    prefix = pinned(cores)
    path = os.path.join(folder, file)
    tools = {}
    print(f"{file}, {cores} core(s): kgraph ...", file=sys.stderr)
    out, rss, _ = run_measured(prefix + [os.path.join(args.bin, "kgraph-bench"), folder, path], env=env)
    out["phases"]["rss"] = rss
    tools["kgraph"] = out
    for tool, python in peers.items():
        print(f"{file}, {cores} core(s): {tool} ...", file=sys.stderr)
        out, rss, _ = run_measured(prefix + [python, os.path.join(HERE, "peers", "peer_bench.py"), tool, folder, file])
        out["phases"]["rss"] = rss
        tools[tool] = out
    print(f"{file}, {cores} core(s): end to end ...", file=sys.stderr)
    frm, to = queries["pathFrom"]["name"], queries["pathTo"]["name"]
    e2e = {"kgraph": best_wall(prefix + [os.path.join(args.bin, "kgraph"), "path", "--graph", path, frm, to],
                               args.repeat, env=env)}
    for tool, python in peers.items():
        if tool in PATH_SCRIPTS:
            e2e[tool] = best_wall(prefix + [python, "-c", PATH_SCRIPTS[tool], path, frm, to], args.repeat)
    return {"tools": tools, "end_to_end": e2e}


def table(run):
    """The rows of one comparison: each phase, each tool, the best peer and kgraph's ratio to it."""
    tools, e2e = run["tools"], run["end_to_end"]
    peers = [t for t in tools if t != "kgraph"]
    header = ["", "kgraph"] + peers + ["best peer", "kgraph/best"]
    rows = []

    def row(label, phase, values):
        k = values.get("kgraph")
        others = {p: values[p] for p in peers if values.get(p) is not None}
        best = min(others, key=others.get) if others else None
        return ([label, fmt(k, phase)] + [fmt(values.get(p), phase) for p in peers]
                + [best or "-", ratio(k, others.get(best)) if best else "-"])

    for phase, label in PHASES:
        rows.append(row(label, phase, {t: tools[t]["phases"].get(phase) for t in tools}))
    rows.append(row("path end to end (load + query, process)", "e2e", e2e))
    return header, rows


def print_table(header, rows):
    widths = [max(len(r[i]) for r in rows + [header]) for i in range(len(header))]
    print("| " + " | ".join(h.ljust(w) for h, w in zip(header, widths)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for r in rows:
        print("| " + " | ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))) + " |")


def disagreements(tools):
    """The answers the tools do not agree on (counts, BFS reach, path length, neighbourhood, top betweenness)."""
    found = []
    for key in ("entities", "relations", "bfs", "path", "neighborhood", "betweenness_top"):
        values = {t: tools[t]["results"].get(key) for t in tools if key in tools[t]["results"]}
        if len(set(map(str, values.values()))) > 1:
            found.append(f"{key}: " + ", ".join(f"{t}={v}" for t, v in values.items()))
    return found


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--entities", type=int, default=10_000)
    ap.add_argument("--relations", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--bin", default=os.path.join(ROOT, ".build", "release"))
    ap.add_argument("--work", default=os.path.join(ROOT, ".build", "bench"))
    ap.add_argument("--inputs", default="own,foreign", help="own (kgraph's export), foreign (as NetworkX writes it)")
    ap.add_argument("--cores", default="1,2", help="core counts to run every tool with (taskset)")
    ap.add_argument("--skip", default="", help="comma-separated tools to leave out: " + ", ".join(PEERS))
    ap.add_argument("--repeat", type=int, default=3, help="end-to-end runs; the fastest counts")
    args = ap.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    inputs = [i for i in args.inputs.split(",") if i]
    core_counts = [int(c) for c in args.cores.split(",") if c]

    peers = {}
    for tool in PEERS:
        if tool in skip:
            continue
        python = python_for(tool)
        if python is None:
            print(f"{tool} is not installed: left out (make setup-bench installs it)", file=sys.stderr)
        else:
            peers[tool] = python

    folder = generate(args, args.entities, args.relations)
    with open(os.path.join(folder, "queries.json")) as f:
        queries = json.load(f)

    # A private, empty cache folder, so that kgraph reads the files cold every time.
    env = dict(os.environ, KGRAPH_CACHE="off")
    env.pop("KGRAPH_GRAPH", None)
    runs = {i: {str(c): compare(args, folder, INPUTS[i], c, peers, queries, env) for c in core_counts} for i in inputs}

    # The native format at 100,000 relations (whatever the main size): parsed cold, then from the cache.
    native_folder = generate(args, 10_000, 100_000, formats="yaml")
    yaml = os.path.join(native_folder, "graph.yaml")
    print("native format ...", file=sys.stderr)
    cache_env = dict(env, KGRAPH_CACHE=os.path.join(args.work, "cache"))
    bench = [os.path.join(args.bin, "kgraph-bench"), "--load-only", native_folder, yaml]
    cold, cold_rss, _ = run_measured(bench, env=env)
    run_measured(bench, env=cache_env)  # fills the cache
    warm, warm_rss, _ = run_measured(bench, env=cache_env)
    native = {"cold": cold["phases"]["load"], "cold_rss": cold_rss, "cached": warm["phases"]["load"],
              "cached_rss": warm_rss, "yaml_bytes": os.path.getsize(yaml)}

    # Layout: a 2,000-entity / 4,000-relation graph through sfdp, in-process against the program.
    layout = {}
    if shutil.which("sfdp"):
        print("layout ...", file=sys.stderr)
        layout_folder = generate(args, 2_000, 4_000, formats="yaml")
        dot = os.path.join(layout_folder, "layout.dot")
        out, _, _ = run_measured([os.path.join(args.bin, "kgraph-bench"), "--layout",
                                  os.path.join(layout_folder, "graph.yaml"), dot], env=env)
        layout = {"kgraph": out["layout"],
                  "sfdp": best_wall(["sfdp", "-Tsvg", dot, "-o", os.path.join(layout_folder, "sfdp.svg")], 3)}

    # The shipped graph: every query command, process start included (parse cache warm, as in use).
    print("shipped graph ...", file=sys.stderr)
    shipped_env = dict(os.environ)
    shipped_env.pop("KGRAPH_GRAPH", None)
    shipped = {}
    graphs = os.path.join(ROOT, "Graphs")
    for name, cmd in SHIPPED_QUERIES:
        shipped[name] = best_wall([os.path.join(args.bin, "kgraph")] + cmd + ["--graph", graphs], 5, env=shipped_env)

    with open("/proc/loadavg") as f:
        load_average = f.read().split()[:3]
    print()
    print(f"{args.entities:,} entities / {args.relations:,} relations, seed {args.seed}; {platform.machine()}, "
          f"{os.cpu_count()} cores, load average {' '.join(load_average)}")
    any_run = runs[inputs[0]][str(core_counts[0])]["tools"] if inputs else {}
    versions = ", ".join(f"{t} {any_run[t]['version']}" for t in any_run if t != "kgraph")
    if versions:
        print(versions)
    for i in inputs:
        size = os.path.getsize(os.path.join(folder, INPUTS[i])) / 1e6
        for c in core_counts:
            run = runs[i][str(c)]
            print(f"\n{INPUTS[i]} ({'kgraph' + chr(39) + 's own export' if i == 'own' else 'written as NetworkX writes GraphML'}, "
                  f"{size:,.0f} MB), every process on {c} core(s):")
            print_table(*table(run))
            found = disagreements(run["tools"])
            print("the tools disagree on: " + "; ".join(found) if found else
                  "all tools agree on counts, BFS reach, path length, neighbourhood size and the top betweenness entity")
    print(f"\nnative YAML, 10,000 entities / 100,000 relations ({native['yaml_bytes'] / 1e6:.0f} MB): "
          f"first load (parsed) {fmt(native['cold'], 'x')}, {native['cold_rss']:,.0f} MB; "
          f"later loads (cache) {fmt(native['cached'], 'x')}, {native['cached_rss']:,.0f} MB")
    slowest = max(shipped, key=shipped.get)
    print("shipped graph, each query command end to end (best of 5): "
          + ", ".join(f"{n} {shipped[n] * 1000:.0f} ms" for n in shipped) + f"; slowest {slowest}")
    if layout:
        print(f"sfdp layout + SVG of 2,000 entities / 4,000 relations: in-process {fmt(layout['kgraph'], 'x')}, "
              f"sfdp program on the same DOT {fmt(layout['sfdp'], 'x')} (ratio {ratio(layout['kgraph'], layout['sfdp'])})")
    notes = ["rustworkx and graph-tool have no k-shortest-paths function; rustworkx's searches that follow "
             "relations both ways run on its undirected simple graph, made once and timed apart"]
    first = any_run
    if "networkx" in first and "kpaths_prep" in first["networkx"]["phases"]:
        notes.append(f"NetworkX's 5 shortest paths exclude {fmt(first['networkx']['phases']['kpaths_prep'], 'x')} "
                     "to make the simple graph shortest_simple_paths needs")
    if "neighborhood_relations" in first.get("kgraph", {}).get("phases", {}):
        notes.append(f"kgraph's depth-2 row lists the entities, as the peers do; with the relations among them "
                     f"(what `kgraph neighbors --depth 2` shows) it takes {fmt(first['kgraph']['phases']['neighborhood_relations'], 'x')}")
    notes.append("every tool's path rows include finding the two entities by name (kgraph compares the names "
                 "as they fold, entity by entity, without building its name index for two lookups)")
    for n in notes:
        print("- " + n)
    with open(os.path.join(args.work, "results.json"), "w") as f:
        json.dump({"entities": args.entities, "relations": args.relations, "seed": args.seed, "runs": runs,
                   "native": native, "layout": layout, "shipped": shipped, "load_average": load_average}, f, indent=1)


if __name__ == "__main__":
    main()
