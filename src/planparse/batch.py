"""Batch: extract and compare every plan under a folder, on all cores, with a cache.

Each file is extracted and aligned in a worker process, with a time limit; a file that fails is
recorded with its reason and the others go on. Results are cached by content hash (and the
reference and planparse version), so a re-run only reads what changed. Writes plans.jsonl,
coverage.csv, summary.json and summary.md (and report.html with report=True)."""
from __future__ import annotations

import csv
import hashlib
import io
import json
import os
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .errors import PlanparseError
from .limits import default_timeout, time_limit
from .readers import SUPPORTED
from .render import write_atomic

TIMEOUT = default_timeout()


@dataclass
class Outcome:
    path: str
    ok: bool
    reason: str = ""
    result: dict | None = None          # {"plan": …, "alignment": …}
    cached: bool = False
    seconds: float = 0.0
    maxrss_mb: float = 0.0


@dataclass
class BatchResult:
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def failed(self):
        return [o for o in self.outcomes if not o.ok]


def collect(inputs) -> list[Path]:
    files = []
    for arg in inputs:
        p = Path(arg)
        if p.is_dir():
            files += [f for f in sorted(p.rglob("*")) if f.is_file() and f.suffix.lower() in SUPPORTED
                      and not any(part.startswith(".") for part in f.relative_to(p).parts)]
        else:
            files.append(p)
    seen, out = set(), []
    for f in files:
        k = str(f.resolve()) if f.exists() else str(f)
        if k not in seen:
            seen.add(k)
            out.append(f)
    return out


def _key(path: Path, ref_key: str) -> str | None:
    try:
        h = hashlib.sha256()
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    except OSError:
        return None
    h.update(f"|{__version__}|{ref_key}".encode())
    return h.hexdigest()


_REF = {}


def _work(path: str, against: str | None, timeout: int):
    """In a worker: extract and align one file. Returns an Outcome (never raises)."""
    import resource
    import time
    t0 = time.perf_counter()
    try:
        from .align.compare import align_plan
        from .align.reference import from_plan, national
        from .pipeline import extract
        # one limit for the whole job, extraction and alignment (extract's own limit then stands down)
        with time_limit(path, timeout):
            if against not in _REF:
                _REF[against] = from_plan(extract(against)) if against else national()
            ref = _REF[against]
            plan = extract(path)
            pa = align_plan(plan, ref)
            res = {"plan": plan.as_dict(), "alignment": pa.as_dict()}
        out = Outcome(path, True, result=res)
    except PlanparseError as e:
        out = Outcome(path, False, e.reason)
    except MemoryError:
        out = Outcome(path, False, "out of memory")
    except Exception as e:  # noqa: BLE001 - one bad file must not stop the batch
        out = Outcome(path, False, f"internal error: {type(e).__name__}: {str(e)[:120]}")
    out.seconds = round(time.perf_counter() - t0, 3)
    out.maxrss_mb = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return out


def run(inputs, out_dir, jobs=None, against=None, force=False, report=False, progress=None,
        timeout=TIMEOUT) -> BatchResult:
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    cache = out_dir / ".cache"
    cache.mkdir(exist_ok=True)
    files = collect(inputs)
    ref_key = "national" if not against else "against:" + (_key(Path(against), "") or str(against))
    result = BatchResult()
    todo = []
    for f in files:
        k = _key(f, ref_key)
        c = cache / f"{k}.json" if k else None
        if c is not None and c.exists() and not force:
            try:
                result.outcomes.append(Outcome(str(f), True, result=json.loads(c.read_text(encoding="utf-8")),
                                               cached=True))
                if progress:
                    progress(str(f), True)
                continue
            except (OSError, json.JSONDecodeError):
                pass
        todo.append((f, c))
    jobs = jobs or os.cpu_count() or 1
    if todo:
        if jobs == 1:
            it = ((f, c, _work(str(f), against, timeout)) for f, c in todo)
            for f, c, o in it:
                _finish(result, o, c, progress)
        else:
            with ProcessPoolExecutor(max_workers=jobs) as ex:
                futs = {ex.submit(_work, str(f), against, timeout): (f, c) for f, c in todo}
                for fut in as_completed(futs):
                    f, c = futs[fut]
                    try:
                        o = fut.result()
                    except Exception as e:  # a worker died (killed, out of memory)
                        o = Outcome(str(f), False, f"worker failed: {type(e).__name__}")
                    _finish(result, o, c, progress)
    result.outcomes.sort(key=lambda o: o.path)
    write(result, out_dir, report=report, against=against)
    return result


def _finish(result, o, cache_file, progress):
    if o.ok and cache_file is not None:
        write_atomic(cache_file, json.dumps(o.result, ensure_ascii=False))
    result.outcomes.append(o)
    if progress:
        progress(o.path, o.ok)


def write(result: BatchResult, out_dir: Path, report=False, against=None):
    ok = [o for o in result.outcomes if o.ok]
    lines = []
    for o in ok:
        lines.append(json.dumps({"path": o.path, **o.result}, ensure_ascii=False))
    write_atomic(out_dir / "plans.jsonl", "\n".join(lines) + ("\n" if lines else ""))
    mids = []
    if ok:
        mids = list(ok[0].result["alignment"]["coverage"].keys())
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["path", "name", "region", "implements", "measures_core", "clauses"] + mids)
    for o in ok:
        a = o.result["alignment"]
        w.writerow([o.path, a["name"], a["region"], a["implements_national_plan"],
                    a["coverage_figures"]["measures_core"], a["coverage_figures"]["clauses"]]
                   + [a["coverage"][m]["status"] for m in mids])
    write_atomic(out_dir / "coverage.csv", buf.getvalue())
    missing = {}
    later = 0
    for o in ok:
        a = o.result["alignment"]
        if not a["implements_national_plan"]:
            continue
        for m, c in a["coverage"].items():
            if c["status"] == "missing":
                missing[m] = missing.get(m, 0) + 1
        later += sum(1 for d in a["deadline_findings"] if d["verdict"] == "later")
    summary = {
        "schema": "planparse.batch/1", "files": len(result.outcomes), "ok": len(ok),
        "failed": [{"path": o.path, "reason": o.reason} for o in result.failed],
        "cached": sum(1 for o in ok if o.cached),
        "not_implementing": [o.path for o in ok if not o.result["alignment"]["implements_national_plan"]],
        "missing_measures": dict(sorted(missing.items(), key=lambda kv: (-kv[1], kv[0]))),
        "later_deadlines": later,
    }
    write_atomic(out_dir / "summary.json", json.dumps(summary, ensure_ascii=False, indent=2) + "\n")
    md = ["# planparse batch", "", f"- files: {summary['files']}, extracted and compared: {summary['ok']}"
          f" ({summary['cached']} from cache), failed: {len(summary['failed'])}",
          f"- not implementing the national plan: {len(summary['not_implementing'])}",
          f"- deadlines later than the national ones: {later}", ""]
    if missing:
        md += ["## Measures most often missing", ""] + [f"- {m}: {n} plan(s)" for m, n in missing.items()] + [""]
    if result.failed:
        md += ["## Failed", ""] + [f"- `{o.path}`: {o.reason}" for o in result.failed]
    write_atomic(out_dir / "summary.md", "\n".join(md) + "\n")
    if report and ok:
        from .align.compare import Comparison, PlanAlignment
        from .align.reference import from_plan, national
        from .model import plan_from_dict
        from .pipeline import extract
        from .render.report import render
        ref = from_plan(extract(against)) if against else national()
        pas = []
        for o in ok:
            a = o.result["alignment"]
            pas.append(PlanAlignment(plan_from_dict(o.result["plan"]), a["tasks"], a["coverage"],
                                     a["coverage_figures"], a["deadline_findings"], a["quantity_findings"],
                                     a["extras"], a["implements_national_plan"], a["not_implementing_reasons"]))
        write_atomic(out_dir / "report.html", render(Comparison(ref, pas, [])))
