"""The plan model every reader and every renderer shares (schema planparse.plan/1)."""
from __future__ import annotations

from dataclasses import dataclass, field

from .fields.deadlines import Deadline

SCHEMA = "planparse.plan/1"


@dataclass
class Meta:
    title: str = ""
    region: str = ""
    level: str | None = None            # province / city / district / county
    issuer: str = ""
    issued: str | None = None           # ISO date
    doc_number: str | None = None       # 文号
    basis: list[str] = field(default_factory=list)
    basis_titles: list[str] = field(default_factory=list)
    implements_national_plan: bool = False
    implements_reason: str = ""

    def as_dict(self):
        return dict(self.__dict__)


@dataclass
class Source:
    part: str                           # "ledger" or "body"
    line: int | None = None
    para: int | None = None
    table: int | None = None
    row: int | None = None
    page: int | None = None

    def as_dict(self):
        return dict(self.__dict__)


@dataclass
class Task:
    id: str
    label: str
    section: str                        # the top-level part it sits in (一、…), without label
    heading: str                        # the local measure heading it sits under, without label
    heading_label: str
    text: str
    measures: list[str] = field(default_factory=list)
    lead_units: list[str] = field(default_factory=list)
    responsible_units: list[str] = field(default_factory=list)
    cooperating_units: list[str] = field(default_factory=list)
    deadline: Deadline = field(default_factory=Deadline)
    inline_deadlines: list[dict] = field(default_factory=list)
    quantities: list[dict] = field(default_factory=list)
    source: Source = field(default_factory=lambda: Source("body"))
    path: list[str] = field(default_factory=list)      # titles of the items above it, outermost first

    @property
    def units(self):
        return self.lead_units + self.responsible_units + self.cooperating_units

    @property
    def full_text(self):
        return "\n".join([self.text] + [m for m in self.measures if m])

    def as_dict(self):
        return {
            "id": self.id, "label": self.label, "section": self.section, "heading": self.heading,
            "heading_label": self.heading_label, "text": self.text, "measures": list(self.measures),
            "lead_units": list(self.lead_units), "responsible_units": list(self.responsible_units),
            "cooperating_units": list(self.cooperating_units), "deadline": self.deadline.as_dict(),
            "inline_deadlines": list(self.inline_deadlines), "quantities": list(self.quantities),
            "path": list(self.path), "source": self.source.as_dict(),
        }


@dataclass
class Plan:
    path: str
    container: str
    meta: Meta
    tasks: list[Task]
    layout: str = ""                    # "ledger", "body", "body+unit-lines", "body+inline-units"
    name: str = ""                      # a short name for reports (the sample slug or file stem)

    def as_dict(self):
        return {"schema": SCHEMA, "name": self.name, "source": {"path": self.path, "container": self.container,
                                                                "layout": self.layout},
                "meta": self.meta.as_dict(), "tasks": [t.as_dict() for t in self.tasks]}


def plan_from_dict(d) -> Plan:
    """The inverse of Plan.as_dict (for cached batch results)."""
    meta = Meta(**{k: v for k, v in d["meta"].items() if k in Meta.__dataclass_fields__})
    tasks = []
    for t in d["tasks"]:
        dl = t["deadline"]
        tasks.append(Task(
            t["id"], t["label"], t.get("section", ""), t["heading"], t.get("heading_label", ""), t["text"],
            list(t["measures"]), list(t["lead_units"]), list(t["responsible_units"]),
            list(t["cooperating_units"]),
            Deadline(dl["raw"], dl["kind"], dl["date"], dl["ongoing"], list(dl["milestones"])),
            list(t["inline_deadlines"]), list(t.get("quantities", [])),
            Source(**t["source"]), list(t.get("path", []))))
    src = d.get("source", {})
    return Plan(src.get("path", ""), src.get("container", ""), meta, tasks, src.get("layout", ""), d.get("name", ""))
