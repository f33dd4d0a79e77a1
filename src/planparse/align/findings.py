"""Findings for one aligned plan: coverage per measure and clause, deadlines against the national
ones, quantities (60学时 against 20学时 + 40学时), local additions, and whether the document
implements the reference at all."""
from __future__ import annotations

from .measures import params

SEVERITY = {"not_implementing": 0, "missing": 1, "later": 2, "fewer": 3, "no_deadline": 4,
            "partial": 5, "extra": 6, "earlier": 7, "same_total_split": 8, "same": 9, "more": 9}


def coverage(aligned, ref):
    _, _, cp, _, _ = params()
    cov = {}
    for m in ref.measures:
        tasks = [a for a in aligned if a["measure"] == m.id]
        covered = sorted({c for a in tasks for c in a["clauses"]}, key=_clause_key)
        share = len(covered) / len(m.clauses) if m.clauses else (1.0 if tasks else 0.0)
        status = "missing" if not tasks else ("covered" if share >= cp["covered_share"] else "partial")
        cov[m.id] = {"status": status, "tasks": [a["id"] for a in tasks], "clauses_covered": covered,
                     "clauses_total": len(m.clauses), "title": m.title}
    return cov


def _clause_key(cid):
    head, _, n = cid.partition(".")
    return head, int(n) if n.isdigit() else 0


def coverage_figures(cov, ref):
    core = [m for m in ref.measures if m.core]
    got = [m for m in core if cov[m.id]["status"] != "missing"]
    n_cl = sum(len(m.clauses) for m in ref.measures)
    n_cov = sum(len(cov[m.id]["clauses_covered"]) for m in ref.measures)
    return {"measures_core": round(len(got) / len(core), 4) if core else 0.0,
            "clauses": round(n_cov / n_cl, 4) if n_cl else 0.0}


def _sentence(text, raw):
    i = text.find(raw)
    if i < 0:
        return text
    start = max(text.rfind(ch, 0, i) for ch in "。；;\n") + 1
    ends = [j for j in (text.find(ch, i) for ch in "。；;\n") if j >= 0]
    return text[start:min(ends) + 1 if ends else len(text)]


def deadline_findings(aligned, tasks_by_id, ref):
    """Findings for each task and the dated clauses it implements. A task's own deadline is held
    to the clause with that very date, else to its best-matching dated clause; a date written in
    its text is held to the dated clause its sentence matches best (专项整治情况于2024年6月底前报送
    answers the June report, not the December list); a task with no date at all is reported
    `no_deadline` against its best dated clause."""
    from .measures import scorer
    sc = scorer(ref)
    out = []
    for a in aligned:
        dated = [ref.clause(cid) for cid in a["clauses"]]
        dated = [c for c in dated if c and c.deadline]
        if not dated:
            continue
        t = tasks_by_id[a["id"]]
        scores = a.get("clause_scores") or {}
        pairs = []                               # (clause, local date, raw)
        d = t.deadline
        if d.kind == "date" and d.date:
            exact = [c for c in dated if c.deadline in ([d.date] + list(d.milestones))]
            c = exact[0] if exact else max(dated, key=lambda c: scores.get(c.id, 0.0))
            local = c.deadline if exact else d.date
            pairs.append((c, local, d.raw))
        elif t.inline_deadlines:
            text = t.full_text
            for x in t.inline_deadlines:
                sent = _sentence(text, x["raw"])
                c = max(dated, key=lambda c: sc.score(sent, c.text))
                if all(p[0] is not c for p in pairs):
                    pairs.append((c, x["date"], x["raw"]))
        else:
            pairs.append((max(dated, key=lambda c: scores.get(c.id, 0.0)), None, d.raw))
        for c, local, raw in pairs:
            if local is None:
                verdict = "no_deadline"
            else:
                verdict = "later" if local > c.deadline else ("earlier" if local < c.deadline else "same")
            out.append({"task": a["id"], "clause": c.id, "local": local, "local_raw": raw,
                        "reference": c.deadline, "reference_status": c.deadline_status,
                        "verdict": verdict})
    return out


def quantity_findings(aligned, tasks_by_id, ref):
    out = []
    for a in aligned:
        for cid in a["clauses"]:
            c = ref.clause(cid)
            if not c or not c.quantity:
                continue
            unit, want = c.quantity.get("unit"), c.quantity.get("value")
            qs = [q for q in tasks_by_id[a["id"]].quantities if q["unit"] == unit]
            if not qs or want is None:
                continue
            total = sum(q["value"] for q in qs)
            if total < want:
                verdict = "fewer"
            elif total > want:
                verdict = "more"
            else:
                verdict = "same_total_split" if len(qs) > 1 else "same"
            out.append({"task": a["id"], "clause": cid, "unit": unit, "reference": want,
                        "local": [q["value"] for q in qs], "local_total": total, "verdict": verdict,
                        "local_raw": [q["raw"] for q in qs]})
    return out


def implements(plan, figures, ref, is_national):
    """(implements?, [reasons]) — a document that is no implementation is not a plan with gaps."""
    _, _, _, np_, _ = params()
    reasons = []
    meta = plan.meta
    low = figures["measures_core"] < np_["min_core_coverage"]
    if not is_national:
        return (not low), ([f"covers {figures['measures_core']:.0%} of the reference's measures"] if low else [])
    early = bool(meta.issued and ref.issued and meta.issued < ref.issued)
    if early:
        reasons.append(f"issued {meta.issued}, before the national plan ({ref.issued})")
    cites = ref.doc_number in meta.basis or meta.implements_national_plan
    if not cites:
        reasons.append(f"does not cite {ref.doc_number} nor a plan implementing it")
    if low:
        reasons.append(f"covers only {figures['measures_core']:.0%} of measures N01–N17")
    # an early document never implements it; otherwise naming the plan (or its chain) does, and a
    # document that does not name it still counts when it covers most measures
    ok = not early and (meta.implements_national_plan or not low)
    return ok, reasons
