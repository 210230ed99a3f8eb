#!/usr/bin/env python3
"""Reads a graph file with a real consumer and prints what it saw, as JSON, for kgraph's tests.

Usage: read_graph.py READER FILE
  READER: networkx-graphml | igraph-graphml | networkx-gexf | networkx-json | networkx-cytoscape
Prints {"nodes", "edges", "directed", "multigraph", "graph": {name: value},
        "node_values": {id: {attr: value}}, "edge_values": [[source, target, key, {attr: value}]]}
with every value as the reader returned it (None and "" left out). Exit 3 when the Python module
is missing, with the module's name, so the test can say what to install.
"""
import json
import math
import sys


def clean(d):
    out = {}
    for k, v in d.items():
        if v is None or v == "" or (isinstance(v, float) and math.isnan(v)):
            continue
        out[str(k)] = v
    return out


def need(module):
    try:
        return __import__(module)
    except ImportError:
        print(f"python module '{module}' is missing: pip install {module}", file=sys.stderr)
        sys.exit(3)


def from_networkx(g):
    edges = []
    if g.is_multigraph():
        for s, t, k, d in g.edges(keys=True, data=True):
            edges.append([str(s), str(t), str(k), clean(d)])
    else:
        for s, t, d in g.edges(data=True):
            edges.append([str(s), str(t), None, clean(d)])
    return {
        "nodes": g.number_of_nodes(),
        "edges": g.number_of_edges(),
        "directed": g.is_directed(),
        "multigraph": g.is_multigraph(),
        "graph": clean(dict(g.graph)),
        "node_values": {str(n): clean(d) for n, d in g.nodes(data=True)},
        "edge_values": edges,
    }


def main():
    reader, path = sys.argv[1], sys.argv[2]
    if reader == "networkx-graphml":
        nx = need("networkx")
        print(json.dumps(from_networkx(nx.read_graphml(path))))
    elif reader == "networkx-gexf":
        nx = need("networkx")
        print(json.dumps(from_networkx(nx.read_gexf(path))))
    elif reader == "networkx-json":
        nx = need("networkx")
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        print(json.dumps(from_networkx(nx.node_link_graph(data))))
    elif reader == "networkx-cytoscape":
        nx = need("networkx")
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        print(json.dumps(from_networkx(nx.cytoscape_graph(data))))
    elif reader == "igraph-graphml":
        ig = need("igraph")
        g = ig.Graph.Read_GraphML(path)
        names = g.vs["id"] if "id" in g.vs.attributes() else [str(v.index) for v in g.vs]
        nodes = {}
        for v in g.vs:
            nodes[names[v.index]] = clean({a: v[a] for a in g.vs.attributes() if a != "id"})
        edges = []
        for e in g.es:
            edges.append([names[e.source], names[e.target], e["id"] if "id" in g.es.attributes() else None,
                          clean({a: e[a] for a in g.es.attributes() if a != "id"})])
        print(json.dumps({
            "nodes": g.vcount(), "edges": g.ecount(), "directed": g.is_directed(), "multigraph": True,
            "graph": clean({a: g[a] for a in g.attributes()}),
            "node_values": nodes, "edge_values": edges,
        }))
    else:
        print(f"unknown reader {reader}", file=sys.stderr)
        sys.exit(2)


main()
