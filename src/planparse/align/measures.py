"""Which national measure each local heading implements.

Every careful reader's signal is scored: the heading against the measure's title (and its known
rewordings), the heading's tasks against the measure's clauses, the part the heading sits in
against the measure's area, and document order: local plans follow the national order, so the
headings are aligned with the measures by a Viterbi pass that pays for going back or repeating.
A heading whose best score stays below `null_score` implements no measure.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from .. import rules
from .similarity import ClauseScorer, title_sim


_SCORERS = {}


def scorer(ref) -> ClauseScorer:
    """One scorer per reference (its word weights come from the reference's clauses)."""
    key = (ref.id, len(ref.measures))
    if key not in _SCORERS:
        _SCORERS[key] = ClauseScorer([c.text for m in ref.measures for c in m.clauses])
    return _SCORERS[key]


@dataclass
class Group:
    """Consecutive tasks under one local heading."""
    key: tuple
    heading: str
    path: list[str]
    tasks: list = field(default_factory=list)


@dataclass
class Decision:
    measure: str | None
    score: float
    signals: dict       # measure id -> {"title", "content", "area", "total"}


@lru_cache(maxsize=1)
def params():
    r = rules.load("align")
    return r["measure"], r["clause"], r["coverage"], r["not_a_plan"], r.get("aliases", {})


def groups(plan) -> list[Group]:
    out, index = [], {}
    for t in plan.tasks:
        key = (tuple(t.path[:-1]) if t.path else (), t.heading or "")
        if key not in index:
            index[key] = Group(key, t.heading, list(t.path))
            out.append(index[key])
        index[key].tasks.append(t)
    return out


def _area_of(path, ref):
    """The reference area whose title best matches one of the titles above the heading."""
    best, bid = 0.0, None
    for title in path:
        for aid, atitle in ref.areas:
            s = title_sim(title, atitle)
            if s > best:
                best, bid = s, aid
    return bid if best >= 0.6 else None


def score_group(g: Group, ref, aliases) -> dict:
    p = params()[0]
    area = _area_of(g.path[:-1] if g.heading and g.path and g.path[-1] == g.heading else g.path, ref)
    sig = {}
    for m in ref.measures:
        titles = [m.title] + list(aliases.get(m.id, []))
        t = max(title_sim(g.heading, x) for x in titles) if g.heading else 0.0
        a = 1.0 if area and m.area == area else 0.0
        sig[m.id] = {"title": round(t, 3), "area": a, "content": 0.0}
    # content is read for the likeliest few only (it is the costly signal)
    ranked = sorted(ref.measures, key=lambda m: -(sig[m.id]["title"] + 0.5 * sig[m.id]["area"]))
    cands = ranked[: int(p["candidates"])] if g.heading else ref.measures
    texts = [[t.text[:300]] + [m[:300] for m in t.measures] for t in g.tasks[:12]]
    for m in cands:
        if not m.clauses:
            continue
        sc = scorer(ref)
        per_task = [max(sc.score(x, c.text) for c in m.clauses) for x in texts]
        sig[m.id]["content"] = round(sum(per_task) / len(per_task), 3)
    wt, wc, wa = p["w_title"], p["w_content"], p["w_area"]
    if not g.heading:           # no heading: the text decides
        wt, wc = 0.0, wt + wc
    for s in sig.values():
        # the area supports evidence from title or text; it is no evidence on its own
        s["total"] = round(wt * s["title"] + wc * s["content"] + wa * s["area"] * max(s["title"], s["content"]), 4)
    return sig


def assign(plan, ref) -> list[tuple[Group, Decision]]:
    p, _, _, _, aliases = params()
    aliases = aliases if ref.id == "gbf-2023-27" else {}
    gs = groups(plan)
    sigs = [score_group(g, ref, aliases) for g in gs]
    ids = [m.id for m in ref.measures]
    order = {mid: i for i, mid in enumerate(ids)}
    NULL = None
    # Viterbi over states "last measure index" (-1 before any); a null keeps the state
    best = {-1: (0.0, [])}
    for sig in sigs:
        nxt = {}
        for last, (score, hist) in best.items():
            # null
            cand = (score + p["null_score"], hist + [NULL])
            if last not in nxt or cand[0] > nxt[last][0]:
                nxt[last] = cand
            for mid in ids:
                i = order[mid]
                s = sig[mid]["total"]
                if s < p["null_score"] * 0.5:
                    continue
                pen = 0.0 if i > last else (p["repeat_penalty"] if i == last else p["back_penalty"])
                cand = (score + s - pen, hist + [mid])
                if i not in nxt or cand[0] > nxt[i][0]:
                    nxt[i] = cand
        best = nxt
    _, path = max(best.values(), key=lambda x: x[0])
    out = []
    for g, sig, mid in zip(gs, sigs, path):
        if mid is not None and sig[mid]["total"] < p["null_score"]:
            mid = None
        out.append((g, Decision(mid, sig[mid]["total"] if mid else 0.0, sig)))
    return out
