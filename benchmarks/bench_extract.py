#!/usr/bin/env python3
"""Speed of planparse.extract against the bare library read of the same file, in one process.

    python benchmarks/bench_extract.py [--repeat 5]

Bare read: python-docx opening the file and walking every paragraph and table cell; pdfplumber
extracting the text and the tables of every page. Reported: best-of-N seconds and the ratio.
"""
import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import planparse  # noqa: E402


def bare_docx(path):
    import docx
    d = docx.Document(str(path))
    n = 0
    for p in d.paragraphs:
        n += len(p.text)
    for t in d.tables:
        for row in t.rows:
            for c in row.cells:
                n += len(c.text)
    return n


def bare_pdf(path):
    import pdfplumber
    n = 0
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            n += len(page.extract_text() or "")
            n += len(page.extract_tables())
    return n


def clear_caches():
    """Per-text caches would make a repeated extract of one file unfairly fast."""
    from planparse.structure import ledger
    ledger._features.cache_clear()


def best(fn, arg, repeat):
    times = []
    for _ in range(repeat):
        clear_caches()
        t = time.perf_counter()
        fn(arg)
        times.append(time.perf_counter() - t)
    return min(times)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args()
    files = sorted((ROOT / "samples").glob("*.docx")) + sorted((ROOT / "samples").glob("*.pdf"))
    # warm up imports so neither side pays them
    for f in files[:1] + files[-1:]:
        planparse.extract(f)
        (bare_docx if f.suffix == ".docx" else bare_pdf)(f)
    print(f"{'file':<16} {'extract s':>10} {'bare s':>10} {'ratio':>7}")
    for f in files:
        bare = bare_docx if f.suffix == ".docx" else bare_pdf
        te = best(planparse.extract, f, a.repeat)
        tb = best(bare, f, a.repeat)
        print(f"{f.name:<16} {te:>10.3f} {tb:>10.3f} {te / tb:>7.2f}")


if __name__ == "__main__":
    main()
