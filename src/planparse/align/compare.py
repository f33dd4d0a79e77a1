"""compare(plans, reference=None) → Comparison: each plan aligned with the reference (the national
plan unless another is given), its findings, and, with several plans, how they differ."""
from __future__ import annotations

from dataclasses import dataclass, field

from . import clauses as clausem
from . import findings as fm
from . import measures as mm
from .reference import Reference, from_plan, national

SCHEMA = "planparse.comparison/1"


@dataclass
class PlanAlignment:
    plan: object
    tasks: list[dict]
    coverage: dict
    figures: dict
    deadline_findings: list[dict]
    quantity_findings: list[dict]
    extras: list[str]
    implements: bool
    not_implementing_reasons: list[str]
    explain: dict = field(default_factory=dict)

    @property
    def name(self):
        return self.plan.name

    def findings(self):
        """Every finding as one list, most serious first."""
        out = []
        if not self.implements:
            # not a plan with gaps: the one finding is that it does not implement the reference
            return [{"kind": "not_implementing", "detail": "; ".join(self.not_implementing_reasons)}]
        for mid, c in self.coverage.items():
            if c["status"] == "missing" and mid <= "N17":
                out.append({"kind": "missing", "measure": mid, "detail": c["title"]})
            elif c["status"] == "partial" and mid <= "N17":
                out.append({"kind": "partial", "measure": mid,
                            "detail": f"{c['title']}: {len(c['clauses_covered'])}/{c['clauses_total']} clauses"})
        for d in self.deadline_findings:
            if d["verdict"] != "same":
                out.append({"kind": d["verdict"], "task": d["task"], "clause": d["clause"],
                            "detail": f"{d['local'] or '—'} vs {d['reference']} ({d['local_raw'] or 'no deadline'})"})
        for q in self.quantity_findings:
            out.append({"kind": q["verdict"], "task": q["task"], "clause": q["clause"],
                        "detail": f"{'+'.join(str(v) for v in q['local'])}{q['unit']} vs {q['reference']}{q['unit']}"})
        by_id = {t["id"]: t for t in self.tasks}
        for tid in self.extras:
            t = by_id[tid]
            out.append({"kind": "extra", "task": tid, "measure": t["measure"], "detail": t["text"][:40]})
        out.sort(key=lambda f: (fm.SEVERITY.get(f["kind"], 10), f.get("measure") or "", f.get("task") or ""))
        return out

    def as_dict(self, explain=False):
        d = {"name": self.name, "path": self.plan.path, "region": self.plan.meta.region,
             "implements_national_plan": self.implements,
             "not_implementing_reasons": self.not_implementing_reasons,
             "coverage_figures": self.figures,
             "tasks": self.tasks, "coverage": self.coverage,
             "deadline_findings": self.deadline_findings, "quantity_findings": self.quantity_findings,
             "extras": self.extras, "findings": self.findings()}
        if explain:
            d["explain"] = self.explain
        return d


@dataclass
class Comparison:
    reference: Reference
    plans: list[PlanAlignment]
    pairs: list[dict]

    def as_dict(self, explain=False):
        return {"schema": SCHEMA, "reference": self.reference.as_dict(),
                "plans": [p.as_dict(explain) for p in self.plans], "pairs": self.pairs,
                "matrix": matrix(self)}


def align_plan(plan, ref: Reference) -> PlanAlignment:
    decisions = mm.assign(plan, ref)
    tasks, explain = [], {}
    for g, dec in decisions:
        m = ref.measure(dec.measure) if dec.measure else None
        top = sorted(dec.signals.items(), key=lambda kv: -kv[1]["total"])[:3]
        for t in g.tasks:
            cid, cscore, touched, cscores = clausem.assign(t, m, ref)
            tasks.append({"id": t.id, "text": t.text if not t.measures else t.text + "｜" + t.measures[0],
                          "heading": t.heading, "measure": dec.measure, "clause": cid,
                          "clauses": touched, "score": round(cscore, 3),
                          "measure_score": round(dec.score, 3), "clause_scores": cscores})
            explain[t.id] = {"heading": t.heading, "path": t.path,
                             "measure_candidates": [{"measure": k, **v} for k, v in top],
                             "clause_scores": cscores}
    by_id = {t.id: t for t in plan.tasks}
    cov = fm.coverage(tasks, ref)
    dl, qf = fm.deadline_findings(tasks, by_id, ref), fm.quantity_findings(tasks, by_id, ref)
    for t in tasks:
        del t["clause_scores"]      # kept in `explain`
    figs = fm.coverage_figures(cov, ref)
    ok, reasons = fm.implements(plan, figs, ref, ref.id == "gbf-2023-27")
    return PlanAlignment(
        plan, tasks, cov, figs, dl, qf, [t["id"] for t in tasks if t["clause"] is None],
        ok, reasons, explain)


def _load(p):
    if hasattr(p, "tasks"):
        return p
    from ..pipeline import extract
    return extract(p)


def compare(plans, reference=None) -> Comparison:
    plans = [_load(p) for p in (plans if isinstance(plans, (list, tuple)) else [plans])]
    if reference is None:
        ref = national()
    elif isinstance(reference, Reference):
        ref = reference
    else:
        ref = from_plan(_load(reference))
    aligned = [align_plan(p, ref) for p in plans]
    pairs = []
    for i in range(len(aligned)):
        for j in range(i + 1, len(aligned)):
            pairs.append(pair(aligned[i], aligned[j], ref))
    return Comparison(ref, aligned, pairs)


def pair(a: PlanAlignment, b: PlanAlignment, ref) -> dict:
    """How two plans differ: clauses and tasks one has and the other lacks, deadlines that differ."""
    ca = {c for m in a.coverage.values() for c in m["clauses_covered"]}
    cb = {c for m in b.coverage.values() for c in m["clauses_covered"]}
    only_a = sorted(ca - cb, key=fm._clause_key)
    only_b = sorted(cb - ca, key=fm._clause_key)
    tasks_a = [t["id"] for t in a.tasks if t["clause"] in only_a]
    tasks_b = [t["id"] for t in b.tasks if t["clause"] in only_b]
    da = _clause_dates(a)
    db = _clause_dates(b)
    diff = []
    for cid in sorted(set(da) & set(db), key=fm._clause_key):
        if da[cid] != db[cid]:
            c = ref.clause(cid)
            diff.append({"clause": cid, a.name: da[cid], b.name: db[cid],
                         "reference": c.deadline if c else None})
    measures = []
    for m in ref.measures:
        sa, sb = a.coverage[m.id]["status"], b.coverage[m.id]["status"]
        if (sa == "missing") != (sb == "missing"):
            measures.append({"measure": m.id, a.name: sa, b.name: sb})
    return {"a": a.name, "b": b.name, "measures_differ": measures,
            "clauses_only_a": only_a, "clauses_only_b": only_b,
            "tasks_only_a": tasks_a, "tasks_only_b": tasks_b, "deadlines_differ": diff,
            "extras_a": a.extras, "extras_b": b.extras}


def _clause_dates(pa):
    """clause id -> the earliest local date any task gives it."""
    out = {}
    for d in pa.deadline_findings:
        if d["local"]:
            cur = out.get(d["clause"])
            out[d["clause"]] = min(cur, d["local"]) if cur else d["local"]
    return out


def matrix(cmp: Comparison):
    rows = []
    for m in cmp.reference.measures:
        row = {"measure": m.id, "title": m.title}
        for p in cmp.plans:
            c = p.coverage[m.id]
            row[p.name] = {"status": c["status"], "tasks": len(c["tasks"]),
                           "clauses": f"{len(c['clauses_covered'])}/{c['clauses_total']}"}
        rows.append(row)
    return rows
