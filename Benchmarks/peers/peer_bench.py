#!/usr/bin/env python3
"""Times NetworkX or python-igraph on a graph written by kgraph-bench-gen, phase by phase, in one
process, and prints one JSON object: {"tool", "version", "phases": {name: seconds}, "results": {...}}.

The phases ask what kgraph-bench asks (see Benchmarks/README.md):
  load          read graph.graphml
  bfs           breadth-first search from queries.bfsRoot, following relations both ways
  path          one shortest path (hops, both ways) between two entities given by name
  kpaths        5 shortest loopless paths between the same two
  neighborhood  every entity within 2 hops (both ways) of queries.center
  betweenness   Brandes betweenness (undirected, unweighted, parallel relations merged) on the
                subgraph induced by the entities in sample.txt
  export        write the whole graph back as GraphML
Results (counts, lengths, the top betweenness entity) let the harness check the tools agree.

Usage: peer_bench.py networkx|igraph DIR
"""
import itertools
import json
import os
import sys
import tempfile
import time


def timed(phases, name, fn):
    start = time.perf_counter()
    value = fn()
    phases[name] = time.perf_counter() - start
    return value


def run_networkx(folder, queries, sample):
    import networkx as nx

    phases, results = {}, {}
    path = os.path.join(folder, "graph.graphml")
    G = timed(phases, "load", lambda: nx.read_graphml(path))
    results["entities"], results["relations"] = G.number_of_nodes(), G.number_of_edges()

    def both(n):
        return itertools.chain(G.successors(n), G.predecessors(n))

    def by_name(name):
        return next(n for n, label in G.nodes(data="label") if label == name)

    root = queries["bfsRoot"]["id"]
    results["bfs"] = timed(phases, "bfs", lambda: 1 + sum(1 for _ in nx.generic_bfs_edges(G, root, neighbors=both)))
    U = G.to_undirected(as_view=True)

    def path_query():
        return nx.bidirectional_shortest_path(U, by_name(queries["pathFrom"]["name"]), by_name(queries["pathTo"]["name"]))

    results["path"] = len(timed(phases, "path", path_query)) - 1
    # shortest_simple_paths refuses multigraphs: make the simple undirected graph first (timed apart).
    S = timed(phases, "kpaths_prep", lambda: nx.Graph(G))

    def kpaths():
        s, t = by_name(queries["pathFrom"]["name"]), by_name(queries["pathTo"]["name"])
        return [len(p) - 1 for p in itertools.islice(nx.shortest_simple_paths(S, s, t), 5)]

    results["kpaths"] = timed(phases, "kpaths", kpaths)
    center = queries["center"]["id"]
    results["neighborhood"] = timed(
        phases, "neighborhood", lambda: len(nx.single_source_shortest_path_length(U, center, cutoff=2)))

    def betweenness():
        H = nx.Graph(G.subgraph(sample))
        scores = nx.betweenness_centrality(H, normalized=False)
        best = max(scores, key=lambda n: (scores[n], n))
        return best, scores[best]

    best, score = timed(phases, "betweenness", betweenness)
    results["betweenness_top"], results["betweenness_top_score"] = best, round(score, 3)
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out.graphml")
        timed(phases, "export", lambda: nx.write_graphml(G, out))
        results["export_bytes"] = os.path.getsize(out)
    return nx.__version__, phases, results


def run_igraph(folder, queries, sample):
    import igraph as ig

    phases, results = {}, {}
    path = os.path.join(folder, "graph.graphml")
    g = timed(phases, "load", lambda: ig.Graph.Read_GraphML(path))
    results["entities"], results["relations"] = g.vcount(), g.ecount()

    def by_name(name):
        return g.vs.find(label=name).index

    def by_id(node_id):
        return g.vs.find(id=node_id).index

    root = by_id(queries["bfsRoot"]["id"])
    results["bfs"] = timed(phases, "bfs", lambda: len(g.bfs(root, mode="all")[0]))

    def path_query():
        return g.get_shortest_path(by_name(queries["pathFrom"]["name"]), by_name(queries["pathTo"]["name"]), mode="all")

    results["path"] = len(timed(phases, "path", path_query)) - 1

    def kpaths():
        s, t = by_name(queries["pathFrom"]["name"]), by_name(queries["pathTo"]["name"])
        return [len(p) - 1 for p in g.get_k_shortest_paths(s, t, k=5, mode="all")]

    results["kpaths"] = timed(phases, "kpaths", kpaths)
    center = by_id(queries["center"]["id"])
    results["neighborhood"] = timed(phases, "neighborhood", lambda: len(g.neighborhood(center, order=2, mode="all")))

    def betweenness():
        wanted = set(sample)
        sub = g.induced_subgraph([v.index for v in g.vs if v["id"] in wanted])
        sub.to_undirected(mode="collapse")
        scores = sub.betweenness(directed=False)
        ids = sub.vs["id"]
        best = max(range(len(scores)), key=lambda i: (scores[i], ids[i]))
        return ids[best], scores[best]

    best, score = timed(phases, "betweenness", betweenness)
    results["betweenness_top"], results["betweenness_top_score"] = best, round(score, 3)
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out.graphml")
        timed(phases, "export", lambda: g.write_graphml(out))
        results["export_bytes"] = os.path.getsize(out)
    return ig.__version__, phases, results


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("networkx", "igraph"):
        sys.exit(__doc__)
    tool, folder = sys.argv[1], sys.argv[2]
    with open(os.path.join(folder, "queries.json")) as f:
        queries = json.load(f)
    with open(os.path.join(folder, queries["sampleFile"])) as f:
        sample = [line.strip() for line in f if line.strip()]
    run = run_networkx if tool == "networkx" else run_igraph
    version, phases, results = run(folder, queries, sample)
    print(json.dumps({"tool": tool, "version": version, "phases": phases, "results": results}))


if __name__ == "__main__":
    main()
