"""Which clause(s) of its measure a task implements. The best clause below `best_min` leaves the
task a local addition under that measure (大通's 综合查一次 under 协作)."""
from __future__ import annotations

from .measures import params, scorer


def assign(task, measure, ref):
    """(best clause id or None, score, [touched clause ids], {clause id: score})."""
    _, p, _, _, _ = params()
    if measure is None or not measure.clauses:
        return None, 0.0, [], {}
    text = [task.text] + list(task.measures)
    sc = scorer(ref)
    scores = {c.id: round(sc.score(text, c.text), 3) for c in measure.clauses}
    best = max(scores, key=lambda k: scores[k])
    if scores[best] < p["best_min"]:
        return None, scores[best], [], scores
    # a dated clause is touched too where the task names its very date (…于2024年6月前…全员轮训)
    dates = {d["date"] for d in task.inline_deadlines}
    if task.deadline.kind == "date":
        dates.add(task.deadline.date)
    touched = [c.id for c in measure.clauses
               if c.id == best or (scores[c.id] >= p["touch_min"] and (
                   scores[c.id] >= p["touch_rel"] * scores[best] or (c.deadline and c.deadline in dates)))]
    return best, scores[best], touched, scores
