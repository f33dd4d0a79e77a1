#!/usr/bin/env python3
"""The deadline normaliser against JioNLP's parse_time on the same cells (cells per second).

JioNLP is not a dependency: install it only where this benchmark runs, e.g.

    python -m venv /tmp/jvenv && /tmp/jvenv/bin/pip install jionlp
    PYTHONPATH=src /tmp/jvenv/bin/python benchmarks/bench_deadlines.py

The cells are every deadline field and every in-text date of the bundled samples, repeated.
"""
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from planparse.fields import deadlines  # noqa: E402


def cells():
    import planparse
    out = []
    for s in ("hongqiao", "hebei", "qinzhou", "datong"):
        for t in planparse.extract(ROOT / "samples" / f"{s}.txt").tasks:
            if t.deadline.raw:
                out.append(t.deadline.raw)
            out += [d["raw"] for d in t.inline_deadlines]
    return out


def rate(fn, data, rounds):
    t = time.perf_counter()
    n = 0
    for _ in range(rounds):
        for c in data:
            try:
                fn(c)
            except Exception:
                pass
            n += 1
    return n / (time.perf_counter() - t)


def main():
    data = cells()
    print(f"{len(data)} distinct-position cells ({len(set(data))} distinct texts)")
    ours = rate(deadlines.parse, data, 20)
    print(f"planparse deadlines.parse: {ours:10.0f} cells/s")
    try:
        import jionlp
    except ImportError:
        print("jionlp not installed here: see the docstring")
        return
    base = time.mktime((2024, 1, 1, 0, 0, 0, 0, 0, 0))
    theirs = rate(lambda c: jionlp.parse_time(c, time_base=base), data, 2)
    print(f"jionlp.parse_time:         {theirs:10.0f} cells/s")
    print(f"ratio: {ours / theirs:.1f}x")


if __name__ == "__main__":
    main()
