#!/usr/bin/env python3
"""Batch speed: N synthetic plans (benchmarks/synth.py) against the national plan, with the
cache off, on all cores; how time grows from 100 to 1,000 plans; peak memory per worker.

    python benchmarks/bench_batch.py [--n 1000] [--jobs 2]
"""
import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from planparse import batch  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--jobs", type=int, default=None)
    a = ap.parse_args()
    synth = ROOT / "bench-data" / "synth"
    files = sorted(synth.glob("*.txt")) if synth.is_dir() else []
    if len(files) < a.n:
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "synth.py"), str(a.n), str(synth)], check=True)
        files = sorted(synth.glob("*.txt"))
    for n in sorted({min(100, a.n), a.n}):
        out = Path(tempfile.mkdtemp(prefix="pp-batch-"))
        t = time.perf_counter()
        res = batch.run(files[:n], out, jobs=a.jobs, force=True)
        dt = time.perf_counter() - t
        rss = max((o.maxrss_mb for o in res.outcomes), default=0)
        print(f"{n:>5} plans: {dt:6.1f} s  ({n / dt:5.1f} plans/s), failed {len(res.failed)}, "
              f"peak memory per worker {rss:.0f} MB")
        shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
