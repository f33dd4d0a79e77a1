#!/usr/bin/env python3
"""Compare time: the 5 bundled text samples, and N synthetic plans (benchmarks/synth.py), in one
process against the national plan.

    python benchmarks/bench_compare.py [--synthetic 1000]
"""
import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import planparse  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--synthetic", type=int, default=1000)
    a = ap.parse_args()
    samples = [ROOT / "samples" / f"{s}.txt" for s in ("hongqiao", "hebei", "qinzhou", "datong", "beichen")]
    t = time.perf_counter()
    planparse.compare(samples[:1])             # jieba's dictionary, the reference: paid once
    warm = time.perf_counter() - t
    t = time.perf_counter()
    cmp = planparse.compare(samples)
    five = time.perf_counter() - t
    print(f"first compare (loads jieba + reference): {warm:.2f} s")
    print(f"compare 5 samples (extract + align, pairwise diff of 5): {five:.2f} s")
    synth = ROOT / "bench-data" / "synth"
    if a.synthetic:
        have = sorted(synth.glob("*.txt")) if synth.is_dir() else []
        if len(have) < a.synthetic:
            subprocess.run([sys.executable, str(ROOT / "benchmarks" / "synth.py"), str(a.synthetic), str(synth)], check=True)
            have = sorted(synth.glob("*.txt"))
        files = have[: a.synthetic]
        for n in sorted({min(100, len(files)), len(files)}):
            t = time.perf_counter()
            done = 0
            for f in files[:n]:
                planparse.compare([f])
                done += 1
            dt = time.perf_counter() - t
            print(f"{n} synthetic plans, one at a time: {dt:.2f} s ({dt / n * 1000:.1f} ms/plan)")
    del cmp


if __name__ == "__main__":
    main()
