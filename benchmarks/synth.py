#!/usr/bin/env python3
"""Make N synthetic plans by perturbing the bundled text samples (kept out of git).

    python benchmarks/synth.py 1000 bench-data/synth

Each copy drops some tasks, moves deadlines by a few months, renames the region and shuffles
nothing else: the layouts stay those of the four real plans."""
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ["hongqiao", "hebei", "qinzhou", "datong"]
NAMES = ["东城", "西岭", "南湖", "北塘", "青山", "石桥", "枫林", "云溪", "金沙", "白塔"]


def perturb(text, rnd):
    out = []
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        droppable = ("\t" in line and not line.startswith("\t")) or re.match(r"^\s*[（(]\d+[）)]", line) \
            or re.match(r"^\s*\d+[\.．]", line)
        if droppable and rnd.random() < 0.08:
            i += 1
            # a (n) item's unit lines go with it
            while i < len(lines) and re.match(r"^(牵头|责任|配合)单位|^完成时", lines[i]):
                i += 1
            continue
        def shift(m):
            y, mo = int(m.group(1)), int(m.group(2))
            mo += rnd.choice([-2, -1, 0, 0, 1, 3])
            y += (mo - 1) // 12
            mo = (mo - 1) % 12 + 1
            return f"{y}年{mo}月"
        line = re.sub(r"(20\d\d)年(\d{1,2})月", shift, line)
        out.append(line)
        i += 1
    name = rnd.choice(NAMES)
    return "\n".join(out).replace("红桥区", name + "区").replace("河北区", name + "区") \
        .replace("大通区", name + "区").replace("钦州市", name + "市")


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "bench-data" / "synth"
    out.mkdir(parents=True, exist_ok=True)
    rnd = random.Random(2023)
    texts = {s: (ROOT / "samples" / f"{s}.txt").read_text(encoding="utf-8") for s in SEEDS}
    for k in range(n):
        s = SEEDS[k % len(SEEDS)]
        (out / f"{k:04d}-{s}.txt").write_text(perturb(texts[s], rnd), encoding="utf-8")
    print(f"{n} plans in {out}")


if __name__ == "__main__":
    main()
