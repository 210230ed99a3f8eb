#!/usr/bin/env python3
"""kgraph side by side with NetworkX and python-igraph on one generated GraphML file.

Generates the graph (kgraph-bench-gen, cached by size and seed under --work), then runs, one
after the other, each under /usr/bin/time -v for its whole-process peak RSS:
  kgraph-bench DIR            (the KGraph library, phases timed in-process)
  peer_bench.py igraph DIR
  peer_bench.py networkx DIR
then times end to end, process start included, `kgraph path --graph graph.graphml FROM TO`
against a python-igraph script that loads the same file and asks the same question, and the
native format's load. Prints a table (figures and the ratio kgraph/peer, below 1 = kgraph faster
or smaller) and writes every figure to WORK/results.json.

Usage: run.py --entities N --relations M [--seed S] [--bin DIR] [--work DIR] [--skip networkx,...]
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


def generate(args, entities, relations, formats="yaml,graphml,csv"):
    """The folder holding the generated graph of this size and seed, written once and kept."""
    folder = os.path.join(args.work, f"{entities}-{relations}-seed{args.seed}")
    files = {"yaml": "graph.yaml", "graphml": "graph.graphml", "csv": "entities.csv"}
    wanted = ["queries.json"] + [files[f] for f in formats.split(",")]
    if not all(os.path.exists(os.path.join(folder, name)) for name in wanted):
        print(f"generating {entities} entities / {relations} relations (seed {args.seed}) in {folder}", file=sys.stderr)
        subprocess.run([os.path.join(args.bin, "kgraph-bench-gen"), "--entities", str(entities), "--relations",
                        str(relations), "--seed", str(args.seed), "--formats", formats, "-o", folder], check=True)
    return folder


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--entities", type=int, default=10_000)
    ap.add_argument("--relations", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--bin", default=os.path.join(ROOT, ".build", "release"))
    ap.add_argument("--work", default=os.path.join(ROOT, ".build", "bench"))
    ap.add_argument("--skip", default="", help="comma-separated tools to leave out: networkx, igraph")
    ap.add_argument("--repeat", type=int, default=3, help="end-to-end runs; the fastest counts")
    args = ap.parse_args()
    skip = set(filter(None, args.skip.split(",")))

    folder = generate(args, args.entities, args.relations)
    queries_file = os.path.join(folder, "queries.json")
    with open(queries_file) as f:
        queries = json.load(f)
    graphml = os.path.join(folder, "graph.graphml")

    # A private, empty cache folder, so that kgraph reads the files cold every time.
    env = dict(os.environ, KGRAPH_CACHE="off")
    env.pop("KGRAPH_GRAPH", None)

    tools = {}
    print("kgraph ...", file=sys.stderr)
    out, rss, _ = run_measured([os.path.join(args.bin, "kgraph-bench"), folder], env=env)
    out["phases"]["rss"] = rss
    tools["kgraph"] = out
    for tool in ("igraph", "networkx"):
        if tool in skip:
            continue
        print(f"{tool} ...", file=sys.stderr)
        out, rss, _ = run_measured([sys.executable, os.path.join(HERE, "peers", "peer_bench.py"), tool, folder])
        out["phases"]["rss"] = rss
        tools[tool] = out

    # End to end, process start included: the CLI against an igraph script asking the same.
    print("end to end ...", file=sys.stderr)
    frm, to = queries["pathFrom"]["name"], queries["pathTo"]["name"]
    e2e = {"kgraph": best_wall([os.path.join(args.bin, "kgraph"), "path", "--graph", graphml, frm, to],
                               args.repeat, env=env)}
    if "igraph" not in skip:
        script = ("import igraph,sys\ng=igraph.Graph.Read_GraphML(sys.argv[1])\n"
                  "p=g.get_shortest_path(g.vs.find(label=sys.argv[2]).index,g.vs.find(label=sys.argv[3]).index,mode='all')\n"
                  "print(len(p)-1)\n")
        e2e["igraph"] = best_wall([sys.executable, "-c", script, graphml, frm, to], args.repeat)
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
    print(f"{args.entities:,} entities / {args.relations:,} relations, seed {args.seed}; "
          f"GraphML {os.path.getsize(graphml) / 1e6:.0f} MB; {platform.machine()}, {os.cpu_count()} cores, "
          f"load average {' '.join(load_average)}")
    versions = ", ".join(f"{t} {tools[t]['version']}" for t in tools if t != "kgraph")
    if versions:
        print(versions)
    peers = [t for t in ("igraph", "networkx") if t in tools]
    header = ["", "kgraph"] + peers + [f"kgraph/{p}" for p in peers]
    rows = []
    for phase, label in PHASES:
        k = tools["kgraph"]["phases"].get(phase)
        row = [label, fmt(k, phase)]
        row += [fmt(tools[p]["phases"].get(phase), phase) for p in peers]
        row += [ratio(k, tools[p]["phases"].get(phase)) for p in peers]
        rows.append(row)
    row = ["path end to end (load + query, process)", fmt(e2e["kgraph"], "e2e")]
    row += [fmt(e2e.get(p), "e2e") for p in peers] + [ratio(e2e["kgraph"], e2e.get(p)) for p in peers]
    rows.append(row)
    widths = [max(len(r[i]) for r in rows + [header]) for i in range(len(header))]
    print("| " + " | ".join(h.ljust(w) for h, w in zip(header, widths)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for r in rows:
        print("| " + " | ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))) + " |")
    print(f"\nnative YAML, 10,000 entities / 100,000 relations ({native['yaml_bytes'] / 1e6:.0f} MB): "
          f"first load (parsed) {fmt(native['cold'], 'x')}, {native['cold_rss']:,.0f} MB; "
          f"later loads (cache) {fmt(native['cached'], 'x')}, {native['cached_rss']:,.0f} MB")
    slowest = max(shipped, key=shipped.get)
    print("shipped graph, each query command end to end (best of 5): "
          + ", ".join(f"{n} {shipped[n] * 1000:.0f} ms" for n in shipped) + f"; slowest {slowest}")
    if layout:
        print(f"sfdp layout + SVG of 2,000 entities / 4,000 relations: in-process {fmt(layout['kgraph'], 'x')}, "
              f"sfdp program on the same DOT {fmt(layout['sfdp'], 'x')} (ratio {ratio(layout['kgraph'], layout['sfdp'])})")
    notes = []
    if "networkx" in tools and "kpaths_prep" in tools["networkx"]["phases"]:
        notes.append(f"NetworkX's 5 shortest paths exclude {fmt(tools['networkx']['phases']['kpaths_prep'], 'x')} "
                     "to make the simple graph shortest_simple_paths needs")
    if "neighborhood_relations" in tools["kgraph"]["phases"]:
        notes.append(f"kgraph's depth-2 row lists the entities, as the peers do; with the relations among them "
                     f"(what `kgraph neighbors --depth 2` shows) it takes {fmt(tools['kgraph']['phases']['neighborhood_relations'], 'x')}")
    if "names" in tools["kgraph"]["phases"]:
        notes.append(f"kgraph's path rows exclude building its name index once "
                     f"({fmt(tools['kgraph']['phases']['names'], 'x')}); the end-to-end row includes it")
    for n in notes:
        print("- " + n)

    # Do the tools agree on the answers?
    disagreements = []
    for key in ("entities", "relations", "bfs", "path", "neighborhood", "betweenness_top"):
        values = {t: tools[t]["results"].get(key) for t in tools if key in tools[t]["results"]}
        if len(set(map(str, values.values()))) > 1:
            disagreements.append(f"{key}: " + ", ".join(f"{t}={v}" for t, v in values.items()))
    if disagreements:
        print("\nthe tools disagree on: " + "; ".join(disagreements))
    else:
        print("\nall tools agree on counts, BFS reach, path length, neighbourhood size and the top betweenness entity")
    with open(os.path.join(args.work, "results.json"), "w") as f:
        json.dump({"entities": args.entities, "relations": args.relations, "seed": args.seed, "tools": tools,
                   "end_to_end": e2e, "native": native, "layout": layout, "shipped": shipped, "load_average": load_average}, f, indent=1)


if __name__ == "__main__":
    main()
