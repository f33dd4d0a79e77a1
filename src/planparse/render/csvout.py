import csv
import io

from .tabular import COLUMNS, rows


def render(plan) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow([k for k, _ in COLUMNS])
    for r in rows(plan):
        w.writerow([r[k] for k, _ in COLUMNS])
    return buf.getvalue()
