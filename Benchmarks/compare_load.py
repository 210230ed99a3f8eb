#!/usr/bin/env python3
"""The GraphML load of two kgraph builds side by side: instruction counts, peak memory, wall-clock.

For each build (a folder holding its release `kgraph-bench`), in one run:
  - callgrind instruction counts of `kgraph-bench --load-only --split-load SMALL`: all threads, the
    main thread and the largest other. Valgrind runs the threads one at a time, but the reader
    and the assembler go by the CPU affinity mask, which it leaves as it is, so they split the
    work as with two cores; pinned to one core (`taskset -c 0`) they would work on one thread.
    The most a second core can give is all threads' count over the larger thread's;
  - peak RSS (`/usr/bin/time`) and wall-clock of the same on LARGE, with both cores and pinned,
    the builds and the two settings alternated round by round, the minimum of the rounds kept.
Prints a table and the ratios second/first (above 1: the second build is slower or bigger).
Instruction counts are the figure to trust on a busy machine; the wall-clock rows print the load
average beside them.

Usage: compare_load.py --builds NAME=DIR NAME=DIR --small DIR --large DIR [--rounds N] [--no-callgrind]
  (`make bench-compare` builds BASE_REV, default b070c14, beside this checkout and runs it)
"""
import argparse
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile


def load_average():
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


def callgrind(binary, folder, scratch):
    """Instruction counts of one load: (all threads, main thread, largest other thread)."""
    # valgrind 3.19 cannot read Swift 6's DWARF: it gets a copy without debug info.
    plain = os.path.join(scratch, "kgraph-bench-" + str(abs(hash(binary))))
    if not os.path.exists(plain):
        shutil.copy(binary, plain)
        subprocess.run(["strip", "--strip-debug", plain], check=True)
    out = os.path.join(scratch, "cg-%d" % len(os.listdir(scratch)))
    cmd = [
        "valgrind", "--tool=callgrind", "--separate-threads=yes", "--callgrind-out-file=" + out,
        plain, "--load-only", "--split-load", folder]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr[-3000:])
        raise SystemExit("callgrind failed: " + " ".join(cmd))
    counts = {}
    for path in glob.glob(out + "*"):
        thread = re.search(r"-(\d+)$", path)
        with open(path) as f:
            for line in f:
                if line.startswith("summary:") or line.startswith("totals:"):
                    counts[int(thread.group(1)) if thread else 1] = int(line.split()[1])
                    break
    main = counts.get(1, 0)
    others = [v for k, v in counts.items() if k != 1]
    return sum(counts.values()), main, max(others) if others else 0


def timed_load(binary, folder, pinned):
    """(load seconds as kgraph-bench times it, peak RSS in MB) of one run."""
    with tempfile.NamedTemporaryFile(mode="r") as rss:
        cmd = ["/usr/bin/time", "-f", "%M", "-o", rss.name] + (["taskset", "-c", "0"] if pinned else []) + [
            binary, "--load-only", "--split-load", folder]
        proc = subprocess.run(cmd, capture_output=True, text=True, env=dict(os.environ, KGRAPH_CACHE="off"))
        if proc.returncode != 0:
            sys.stderr.write(proc.stderr[-3000:])
            raise SystemExit("failed: " + " ".join(cmd))
        out = json.loads(proc.stdout.strip().splitlines()[-1])
        return out["phases"]["load"], int(rss.read().split()[-1]) / 1024


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--builds", nargs=2, required=True, metavar="NAME=DIR")
    ap.add_argument("--small", required=True, help="folder of the graph counted under callgrind (100,000 relations)")
    ap.add_argument("--large", required=True, help="folder of the graph timed (1,000,000 relations)")
    ap.add_argument("--rounds", type=int, default=4)
    ap.add_argument("--no-callgrind", action="store_true")
    args = ap.parse_args()
    builds = [(b.split("=", 1)[0], os.path.join(b.split("=", 1)[1], "kgraph-bench")) for b in args.builds]
    names = [n for n, _ in builds]
    rows = []  # (label, first, second, unit)

    if not args.no_callgrind and shutil.which("valgrind"):
        with tempfile.TemporaryDirectory() as scratch:
            counts = {}
            for name, binary in builds:
                print(f"callgrind {name} ...", file=sys.stderr)
                counts[name] = callgrind(binary, args.small, scratch)
        g = lambda name, i: counts[name][i] / 1e9
        rows.append(("instructions, all threads (G)", g(names[0], 0), g(names[1], 0), "G"))
        rows.append(("instructions, main thread (G)", g(names[0], 1), g(names[1], 1), "G"))
        rows.append(("instructions, other thread (G)", g(names[0], 2), g(names[1], 2), "G"))
        bound = lambda name: counts[name][0] / max(counts[name][1], counts[name][2])
        rows.append(("two cores at best, all/max(thread)", bound(names[0]), bound(names[1]), "x"))

    best = {}
    loads = []
    for r in range(args.rounds):
        for name, binary in builds:
            for pinned in (False, True):
                print(f"round {r + 1}: {name} {'pinned' if pinned else 'two cores'} ...", file=sys.stderr)
                loads.append(load_average())
                seconds, rss = timed_load(binary, args.large, pinned)
                key = (name, pinned)
                s, m = best.get(key, (float("inf"), float("inf")))
                best[key] = (min(s, seconds), min(m, rss))
    rows.append(("load, two cores (s, min)", best[(names[0], False)][0], best[(names[1], False)][0], "s"))
    rows.append(("load, pinned to one core (s, min)", best[(names[0], True)][0], best[(names[1], True)][0], "s"))
    rows.append(("two cores / pinned speed-up", best[(names[0], True)][0] / best[(names[0], False)][0],
                 best[(names[1], True)][0] / best[(names[1], False)][0], "x"))
    rows.append(("peak RSS, two cores (MB, min)", best[(names[0], False)][1], best[(names[1], False)][1], "MB"))
    rows.append(("peak RSS, pinned (MB, min)", best[(names[0], True)][1], best[(names[1], True)][1], "MB"))

    width = max(len(r[0]) for r in rows)
    print(f"small: {args.small}   large: {args.large}   rounds: {args.rounds}   "
          f"load average during the timed runs: {min(loads):.2f}-{max(loads):.2f} (2 cores)")
    print(f"{'':{width}}  {names[0]:>10}  {names[1]:>10}  {names[1] + '/' + names[0]:>12}")
    for label, a, b, unit in rows:
        fmt = (lambda v: f"{v:.0f}") if unit == "MB" else (lambda v: f"{v:.3f}")
        print(f"{label:{width}}  {fmt(a):>10}  {fmt(b):>10}  {b / a if a else float('nan'):>12.3f}")


if __name__ == "__main__":
    main()
