#!/usr/bin/env python3
"""Long fuzz run of every reader: N mutated samples (default 10,000), in worker processes, each
input with a time limit. Prints the counts per reader and outcome, the slowest input, every
crash with its traceback, and checks a sample of the clean failures through the real CLI
(exit status 2, one line on stderr, no traceback).

    python scripts/fuzz.py [-n 10000] [--jobs 2] [--timeout 20] [--keep DIR]
"""
import argparse
import collections
import os
import random
import subprocess
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

import fuzzlib  # noqa: E402


def job(args):
    k, seed_path, timeout, keep = args
    rnd = random.Random(k)
    seed = Path(seed_path)
    data = fuzzlib.mutate(seed, rnd)
    d = Path(keep) if keep else Path(tempfile.gettempdir())
    path = d / f"fuzz-{os.getpid()}-{k}{seed.suffix}"
    path.write_bytes(data)
    try:
        outcome, secs, detail = fuzzlib.run_one(path, timeout)
    finally:
        if not keep and outcome != "crash":
            path.unlink(missing_ok=True)
    return k, seed.suffix, outcome, secs, detail, str(path)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=10000)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--timeout", type=int, default=20)
    ap.add_argument("--keep", help="keep every input in this folder")
    ap.add_argument("--cli-sample", type=int, default=40, help="clean failures re-checked through the CLI")
    a = ap.parse_args()
    seeds = fuzzlib.seeds()
    tasks = [(k, str(seeds[k % len(seeds)]), a.timeout, a.keep) for k in range(a.n)]
    counts = collections.Counter()
    slow = (0.0, "")
    crashes, clean = [], []
    with ProcessPoolExecutor(max_workers=a.jobs) as ex:
        for k, suffix, outcome, secs, detail, path in ex.map(job, tasks, chunksize=8):
            counts[(suffix, outcome)] += 1
            if secs > slow[0]:
                slow = (secs, f"input {k} ({suffix}, {outcome}: {detail[:80]})")
            if outcome == "crash":
                crashes.append((k, path, detail))
            elif outcome == "clean" and len(clean) < a.cli_sample and k % 7 == 0:
                clean.append((k, detail))
    print(f"{a.n} inputs, time limit {a.timeout}s each")
    for suffix in sorted({s for s, _ in counts}):
        row = {o: counts[(suffix, o)] for o in ("ok", "clean", "timeout", "crash")}
        print(f"  {suffix:<6} " + "  ".join(f"{o} {n}" for o, n in row.items()))
    print(f"slowest: {slow[0]:.2f}s, {slow[1]}")
    # the CLI's view of a sample of the clean failures: exit 2, one line, no traceback
    bad_cli = 0
    with tempfile.TemporaryDirectory() as d:
        for k, why in clean:
            seed = Path(tasks[k][1])
            p = Path(d) / f"in{seed.suffix}"
            p.write_bytes(fuzzlib.mutate(seed, random.Random(k)))
            r = subprocess.run([sys.executable, "-m", "planparse", "extract", str(p), "-f", "json"],
                               capture_output=True, text=True, timeout=120)
            lines = r.stderr.strip().splitlines()
            if r.returncode != 2 or len(lines) != 1 or "Traceback" in r.stderr:
                bad_cli += 1
                print(f"  CLI: input {k}: exit {r.returncode}: {r.stderr[:200]} (in the fuzz worker: {why})")
    print(f"CLI re-check of {len(clean)} clean failures: {len(clean) - bad_cli} exit 2 with one line")
    for k, path, detail in crashes[:20]:
        print(f"CRASH input {k} ({path}):\n{detail}")
    print(f"tracebacks (crashes): {len(crashes)}; hangs past the limit: 0 (each stopped at {a.timeout}s: "
          f"{sum(v for (s, o), v in counts.items() if o == 'timeout')} timeouts)")
    sys.exit(1 if crashes or bad_cli else 0)


if __name__ == "__main__":
    main()
