"""`kgraph path` end to end against the peers' load-and-path scripts, alternated, one core each.

    python3 Benchmarks/e2e_alternated.py FOLDER FILE ROUNDS [PEERS]

FOLDER is a generated graph's folder (its queries.json names the two entities), FILE the GraphML
in it, PEERS a comma-separated list of run.py's PATH_SCRIPTS (default rustworkx,igraph). Each
round runs every tool once, in turn, pinned to core 0 under /usr/bin/time -v; it prints each run,
then each tool's fastest run and largest peak RSS and kgraph's ratio to it. Alternating rounds
spreads the machine's slow spells over all tools, where run.py's end-to-end row runs each tool's
repeats back to back. Needs `make bench-build` first (release kgraph) and the peers installed.
"""
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import run  # noqa: E402  (PATH_SCRIPTS: each peer's load-and-path script)


def main():
    if len(sys.argv) < 4:
        raise SystemExit(__doc__)
    folder, file, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
    peers = (sys.argv[4] if len(sys.argv) > 4 else "rustworkx,igraph").split(",")
    queries = json.load(open(os.path.join(folder, "queries.json")))
    frm, to = queries["pathFrom"]["name"], queries["pathTo"]["name"]
    path = os.path.join(folder, file)
    commands = {"kgraph": [os.path.join(ROOT, ".build", "release", "kgraph"), "path", "--graph", path, frm, to]}
    for peer in peers:
        python = "/usr/bin/python3" if peer == "graph-tool" else sys.executable
        commands[peer] = [python, "-c", run.PATH_SCRIPTS[peer], path, frm, to]
    best = {tool: (float("inf"), 0) for tool in commands}
    for r in range(rounds):
        for tool, command in commands.items():
            start = time.perf_counter()
            proc = subprocess.run(["/usr/bin/time", "-v", "taskset", "-c", "0"] + command, capture_output=True, text=True)
            elapsed = time.perf_counter() - start
            if proc.returncode != 0:
                raise SystemExit(f"{tool} failed:\n{proc.stderr[-2000:]}")
            rss = int(next(l for l in proc.stderr.splitlines() if "Maximum resident" in l).split()[-1]) // 1024
            print(f"round {r + 1} {tool}: {elapsed:.3f} s, {rss} MB", flush=True)
            best[tool] = (min(best[tool][0], elapsed), max(best[tool][1], rss))
    print(f"{file}, one core, {rounds} alternated rounds: fastest run, largest peak RSS "
          f"(load average {os.getloadavg()[0]:.2f})")
    for tool, (elapsed, rss) in best.items():
        print(f"  {tool:10s} {elapsed:.3f} s {rss:6d} MB   kgraph/{tool}: time {best['kgraph'][0] / elapsed:.2f}, "
              f"RSS {best['kgraph'][1] / rss:.2f}")


if __name__ == "__main__":
    main()
