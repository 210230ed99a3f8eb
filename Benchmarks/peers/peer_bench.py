#!/usr/bin/env python3
"""Times NetworkX, python-igraph, rustworkx or graph-tool on a graph written by kgraph-bench-gen,
phase by phase, in one process, and prints one JSON object: {"tool", "version", "phases": {name: seconds}, "results": {...}}.

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
A phase a tool has no function for (rustworkx and graph-tool have no k shortest paths) is left out.

Usage: peer_bench.py networkx|igraph|rustworkx|graph-tool DIR [FILE]
  FILE: the GraphML file in DIR to read (default graph.graphml; foreign.graphml is the same graph
  written the way NetworkX writes it). graph-tool is Debian's package: run this script with
  /usr/bin/python3 for it.
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


def run_networkx(path, queries, sample):
    import networkx as nx

    phases, results = {}, {}
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


def run_igraph(path, queries, sample):
    import igraph as ig

    phases, results = {}, {}
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


def run_rustworkx(path, queries, sample):
    import rustworkx as rx

    phases, results = {}, {}
    g = timed(phases, "load", lambda: rx.read_graphml(path)[0])
    results["entities"], results["relations"] = g.num_nodes(), g.num_edges()

    def by(field, value):
        return next(i for i in g.node_indices() if g[i][field] == value)

    # Searches that follow relations both ways need the undirected simple graph (made once, timed apart).
    U = timed(phases, "undirected_prep", lambda: g.to_undirected(multigraph=False))
    root = by("id", queries["bfsRoot"]["id"])
    results["bfs"] = timed(phases, "bfs", lambda: sum(len(layer) for layer in rx.bfs_layers(U, [root])))

    def path_query():
        s, t = by("label", queries["pathFrom"]["name"]), by("label", queries["pathTo"]["name"])
        return rx.digraph_dijkstra_shortest_paths(g, s, target=t, as_undirected=True)[t]

    results["path"] = len(timed(phases, "path", path_query)) - 1

    def neighborhood():
        center = by("id", queries["center"]["id"])
        seen, frontier = {center}, [center]
        for _ in range(2):
            frontier = [m for n in frontier for m in U.neighbors(n) if m not in seen and not seen.add(m)]
        return len(seen)

    results["neighborhood"] = timed(phases, "neighborhood", neighborhood)

    def betweenness():
        wanted = set(sample)
        sub = U.subgraph([i for i in U.node_indices() if U[i]["id"] in wanted])
        scores = rx.graph_betweenness_centrality(sub, normalized=False)
        best = max(scores.keys(), key=lambda i: (scores[i], sub[i]["id"]))
        return sub[best]["id"], scores[best]

    best, score = timed(phases, "betweenness", betweenness)
    results["betweenness_top"], results["betweenness_top_score"] = best, round(score, 3)
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out.graphml")
        timed(phases, "export", lambda: rx.write_graphml(g, out, keys=rustworkx_keys(rx, g)))
        results["export_bytes"] = os.path.getsize(out)
    return rx.__version__, phases, results


def rustworkx_keys(rx, g):
    """The key declarations rustworkx's writer needs for a graph its reader made: its own inference
    refuses a graph whose attributes differ between nodes (as in every kgraph export). Part of the
    export phase."""
    def declare(domain, prefix, names):
        return [rx.GraphMLKey(f"{prefix}{k}", domain, n, rx.GraphMLType.String, None) for k, n in enumerate(sorted(names))]
    graph = set(g.attrs or {})
    nodes = set().union(*(g[i].keys() for i in g.node_indices())) - {"id"}
    edges = set().union(*(d.keys() for d in g.edges()))
    return (declare(rx.GraphMLDomain.Graph, "g", graph) + declare(rx.GraphMLDomain.Node, "n", nodes)
            + declare(rx.GraphMLDomain.Edge, "e", edges))


def run_graph_tool(path, queries, sample):
    import graph_tool.all as gt

    phases, results = {}, {}
    g = timed(phases, "load", lambda: gt.load_graph(path, fmt="graphml"))
    results["entities"], results["relations"] = g.num_vertices(), g.num_edges()
    ids, labels = g.vp["_graphml_vertex_id"], g.vp["label"]
    U = gt.GraphView(g, directed=False)

    def by(prop, value):
        return gt.find_vertex(g, prop, value)[0]

    def reach(source, max_dist=None):
        dist = gt.shortest_distance(U, source=source, max_dist=max_dist)
        return int((dist.a <= (max_dist if max_dist is not None else g.num_vertices())).sum())

    results["bfs"] = timed(phases, "bfs", lambda: reach(by(ids, queries["bfsRoot"]["id"])))

    def path_query():
        s, t = by(labels, queries["pathFrom"]["name"]), by(labels, queries["pathTo"]["name"])
        return gt.shortest_path(U, s, t)[0]

    results["path"] = len(timed(phases, "path", path_query)) - 1
    results["neighborhood"] = timed(phases, "neighborhood", lambda: reach(by(ids, queries["center"]["id"]), 2))

    def betweenness():
        wanted = set(sample)
        mask = g.new_vertex_property("bool", vals=[ids[v] in wanted for v in g.vertices()])
        H = gt.Graph(gt.GraphView(U, vfilt=mask), prune=True, directed=False)
        gt.remove_parallel_edges(H)
        gt.remove_self_loops(H)
        scores = gt.betweenness(H, norm=False)[0]
        hid = H.vp["_graphml_vertex_id"]
        best = max(H.vertices(), key=lambda v: (scores[v], hid[v]))
        return hid[best], float(scores[best])

    best, score = timed(phases, "betweenness", betweenness)
    results["betweenness_top"], results["betweenness_top_score"] = best, round(score, 3)
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out.graphml")
        timed(phases, "export", lambda: g.save(out, fmt="graphml"))
        results["export_bytes"] = os.path.getsize(out)
    return gt.__version__.split()[0], phases, results


RUNNERS = {"networkx": run_networkx, "igraph": run_igraph, "rustworkx": run_rustworkx, "graph-tool": run_graph_tool}


def main():
    if len(sys.argv) not in (3, 4) or sys.argv[1] not in RUNNERS:
        sys.exit(__doc__)
    tool, folder = sys.argv[1], sys.argv[2]
    path = os.path.join(folder, sys.argv[3] if len(sys.argv) == 4 else "graph.graphml")
    with open(os.path.join(folder, "queries.json")) as f:
        queries = json.load(f)
    with open(os.path.join(folder, queries["sampleFile"])) as f:
        sample = [line.strip() for line in f if line.strip()]
    version, phases, results = RUNNERS[tool](path, queries, sample)
    print(json.dumps({"tool": tool, "version": version, "phases": phases, "results": results}))


if __name__ == "__main__":
    main()
