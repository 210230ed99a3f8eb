#!/usr/bin/env python3
"""Writes centrality.json: degree, betweenness, PageRank and component sizes computed by NetworkX
for small directed multigraphs, so CentralityTests can check kgraph's own implementations against
an independent one.

Run from this folder:  python3 make_centrality_fixtures.py   (NetworkX 3.6.1)

Conventions (the same as KGraph's Centrality.swift):
- The graph is a MultiDiGraph: node i is entity i, edge (u, v) is a relation from u to v, in order;
  parallel edges and self-loops occur.
- degree: G.degree() on the MultiDiGraph (in + out) - every relation counts, a self-loop twice.
  (Not nx.MultiGraph(G).degree(): that conversion merges (u, v, 0) with (v, u, 0).)
- betweenness: nx.betweenness_centrality of the simple undirected graph - direction ignored,
  parallel edges collapsed into one, self-loops removed - normalised (the default).
- pagerank: nx.pagerank on the MultiDiGraph itself, alpha 0.85: each parallel edge counts once
  (weights of parallel edges add up), nodes without out-edges spread their rank uniformly.
  Run to a tight tolerance so the fixture is the fixed point, not an early stop.
- sampled: betweenness estimated from a given list of source nodes, as
  nx.betweenness_centrality(simple, k=len(sources)) scales it; the sources are handed to NetworkX
  through a random.Random whose sample() returns them, so NetworkX's own code does the rest.
- components: sizes of the weakly connected components, largest first.
"""
import json
import random

import networkx as nx


def random_multigraph(rng, n, m, self_loops=True):
    edges = []
    for _ in range(m):
        u = rng.randrange(n)
        v = rng.randrange(n)
        if u == v and not self_loops:
            continue
        edges.append([u, v])
        if rng.random() < 0.15:  # a parallel relation (same pair, same direction)
            edges.append([u, v])
    return edges


class Chosen(random.Random):
    """A generator whose sample() returns fixed nodes: NetworkX's k-sampling with known sources."""

    def __init__(self, nodes):
        super().__init__(0)
        self.nodes = nodes

    def sample(self, population, k):
        assert k == len(self.nodes)
        return list(self.nodes)


def case(name, n, edges, rng):
    G = nx.MultiDiGraph()
    G.add_nodes_from(range(n))
    G.add_edges_from(edges)
    simple = nx.Graph()
    simple.add_nodes_from(range(n))
    simple.add_edges_from((u, v) for u, v in edges if u != v)
    degree = dict(G.degree())
    bc = nx.betweenness_centrality(simple)
    pr = nx.pagerank(G, alpha=0.85, tol=1e-13, max_iter=100000)
    sources = sorted(rng.sample(range(n), max(2, n // 3)))
    sampled = nx.betweenness_centrality(simple, k=len(sources), seed=Chosen(sources))
    comps = sorted((len(c) for c in nx.weakly_connected_components(G)), reverse=True)
    return {
        "name": name,
        "nodes": n,
        "edges": edges,
        "degree": [degree[i] for i in range(n)],
        "betweenness": [bc[i] for i in range(n)],
        "pagerank": [pr[i] for i in range(n)],
        "sampled": {"sources": sources, "betweenness": [sampled[i] for i in range(n)]},
        "components": comps,
    }


def main():
    rng = random.Random(20240128)
    cases = [
        # A path 0-1-2-3-4: betweenness 0, 1/2, 2/3, 1/2, 0 (normalised).
        case("path", 5, [[0, 1], [1, 2], [3, 2], [3, 4]], rng),
        # A star with parallel spokes and a self-loop at the hub.
        case("star", 6, [[0, 1], [0, 2], [0, 2], [3, 0], [4, 0], [0, 5], [0, 0]], rng),
        # Two components and an isolated node; node 6 has no out-edges (dangling).
        case("pieces", 8, [[0, 1], [1, 2], [2, 0], [3, 4], [4, 5], [5, 6], [3, 6]], rng),
    ]
    for i in range(12):
        n = rng.randrange(5, 31)
        m = rng.randrange(n, 3 * n)
        cases.append(case(f"random-{i}", n, random_multigraph(rng, n, m), rng))
    with open("centrality.json", "w") as f:
        f.write('{"networkx": %s, "cases": [\n' % json.dumps(nx.__version__))
        f.write(",\n".join(json.dumps(c) for c in cases))
        f.write("\n]}\n")


if __name__ == "__main__":
    main()
