"""The reference a plan is aligned with: measures (with their area) and clauses (with national
deadlines and quantities). The national plan is bundled as YAML; any extracted plan can serve as
a reference too (a district checked against its city's plan): its headings become measures and
its tasks clauses."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from .. import rules


@dataclass
class Clause:
    id: str
    text: str
    deadline: str | None = None          # ISO date the clause sets, if any
    deadline_status: str | None = None   # confirmed / unverified
    quantity: dict | None = None
    ongoing: bool = False


@dataclass
class Measure:
    id: str
    title: str
    area: str
    area_title: str
    clauses: list[Clause] = field(default_factory=list)
    core: bool = True                    # N01–N17; the organisational N18–N20 are not core


@dataclass
class Reference:
    id: str
    title: str
    doc_number: str | None
    issued: str | None
    measures: list[Measure]
    areas: list[tuple[str, str]]         # (id, title)

    def measure(self, mid):
        return next((m for m in self.measures if m.id == mid), None)

    def clause(self, cid):
        for m in self.measures:
            for c in m.clauses:
                if c.id == cid:
                    return c
        return None

    def as_dict(self):
        return {"id": self.id, "title": self.title, "doc_number": self.doc_number, "issued": self.issued}


@lru_cache(maxsize=1)
def national() -> Reference:
    import yaml
    with rules.path("national-2023-27.yaml").open(encoding="utf-8") as fh:
        y = yaml.safe_load(fh)
    doc = y["document"]
    area_of = {}
    areas = []
    for a in y["areas"]:
        areas.append((a["id"], a["title"]))
        for mid in a["measures"]:
            area_of[mid] = (a["id"], a["title"])
    measures = []
    for m in y["measures"]:
        clauses = []
        for c in m.get("clauses", []):
            dl = c.get("deadline") or {}
            d = dl.get("date")
            clauses.append(Clause(c["id"], c["text"], str(d) if d else None, dl.get("status"), c.get("quantity")))
        aid, atitle = area_of.get(m["id"], ("", ""))
        n = int(m["id"][1:])
        measures.append(Measure(m["id"], m["title"], aid, atitle, clauses, core=n <= 17))
    return Reference(doc["id"], doc["title"], doc.get("doc_number"), str(doc.get("issued")), measures, areas)


def from_plan(plan) -> Reference:
    """A plan as a reference: each local heading a measure (H01…), each task a clause (H01.1…)."""
    measures, areas, by_heading = [], [], {}
    for t in plan.tasks:
        key = (t.section, t.heading)
        if key not in by_heading:
            if t.section and (not areas or areas[-1][1] != t.section):
                areas.append((f"S{len(areas) + 1}", t.section))
            mid = f"H{len(measures) + 1:02d}"
            m = Measure(mid, t.heading or t.text[:20], areas[-1][0] if areas else "", t.section)
            measures.append(m)
            by_heading[key] = m
        m = by_heading[key]
        d = t.deadline
        date = d.date if d.kind == "date" else (t.inline_deadlines[0]["date"] if t.inline_deadlines else None)
        q = next((q for q in t.quantities if q["unit"] in ("学时", "次", "课时")), None)
        m.clauses.append(Clause(f"{m.id}.{len(m.clauses) + 1}", t.full_text, date, "local",
                                {"value": q["value"], "unit": q["unit"], "bound": q["bound"]} if q else None,
                                ongoing=d.ongoing))
    return Reference(f"plan:{plan.name}", plan.meta.title or plan.name, plan.meta.doc_number,
                     plan.meta.issued, measures, areas)
