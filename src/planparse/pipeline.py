"""extract(path) → Plan: reader → structure → fields → model. The one place the layers meet."""
from __future__ import annotations

import re
from pathlib import Path

from . import readers
from .blocks import Document
from .errors import NotAPlan
from .fields import deadlines, metadata, quantities, units
from .model import Plan, Source, Task
from .structure import ledger as ledgerm
from .structure import numbering, outline

MIN_LEDGER_ROWS = 3


def extract(path, name: str | None = None, timeout: int | None = None) -> Plan:
    """Read and extract one plan. `timeout` (seconds, default PLANPARSE_TIMEOUT or 120) stops a
    document that hangs a parser; 0 turns it off."""
    from .samples import resolve
    from .limits import time_limit
    p, slug = resolve(path)
    with time_limit(p, timeout):
        doc = readers.read(p)
        plan = from_document(doc)
    plan.name = name or slug or Path(p).stem
    return plan


def split_body(blocks):
    """The body and the attachments: the first paragraph that opens an attachment ends the body."""
    _, attach = numbering.section_rules()
    for i, b in enumerate(blocks):
        if b.kind == "para" and attach.match(b.text) and len(b.text) <= 80:
            return blocks[:i], blocks[i:]
    return blocks, []


def from_document(doc: Document) -> Plan:
    from .script import simplify
    doc.blocks, _ = simplify(doc.blocks)
    body, attachments = split_body(doc.blocks)
    paras = [b.text for b in body if b.kind == "para"]
    roots = outline.build(body)
    ledgers = [l for l in ledgerm.find(doc.blocks) if len(l.rows) >= MIN_LEDGER_ROWS]
    first_item = None
    if roots:
        first_block = roots[0].block
        first_item = next((i for i, b in enumerate(b for b in body if b.kind == "para") if b is first_block), None)
    meta = metadata.extract(paras, first_item)
    if ledgers:
        tasks = [t for l in ledgers for t in _ledger_tasks(l)]
        layout = "ledger"
    else:
        tasks, unit_lines = _body_tasks(roots)
        layout = "body"
        if any(t.deadline.kind != "none" or t.units for t in tasks):
            layout = "body+unit-lines" if unit_lines else "body+inline-units"
    if not roots and not ledgers:
        raise NotAPlan(doc.path, "no numbered structure or task ledger found: not an implementation plan")
    for i, t in enumerate(tasks, 1):
        t.id = f"T{i:03d}"
    return Plan(doc.path, doc.container, meta, tasks, layout)


def _fill(task: Task, lead="", resp="", coop="", deadline_raw=""):
    task.lead_units += units.split(lead)
    task.responsible_units += units.split(resp)
    task.cooperating_units += units.split(coop)
    task.deadline = deadlines.parse(deadline_raw)
    text = task.full_text
    task.inline_deadlines = deadlines.inline(text)
    # a measure that restates its task's figure (不少于60学时 twice) states it once
    seen, task.quantities = set(), []
    for part in [task.text] + task.measures:
        for q in quantities.find(part):
            key = (q["value"], q["unit"], q["bound"])
            if key not in seen:
                seen.add(key)
                task.quantities.append(q)


def _ledger_tasks(led):
    out = []
    for r in led.rows:
        label, text = numbering.strip(r.task)
        mlabel, measure = numbering.strip(r.measure)
        if not label and r.seq:
            label = r.seq
        elif not label and mlabel:
            label = mlabel
        hl, heading = numbering.strip(r.heading)
        _, section = numbering.strip(r.section)
        pos = r.block.pos
        t = Task("", label, section, heading, hl, text, [measure] if measure else [],
                 source=Source("ledger", pos.line, pos.para, pos.table, pos.row, pos.page),
                 path=[x for x in (section, heading) if x])
        _fill(t, r.lead, r.resp, r.coop, r.deadline)
        out.append(t)
    return out


def _titled_siblings(it):
    """Whether the items beside `it` open with a title sentence too (1.着力提高政治能力。…): then
    each item names its own heading; otherwise a title-like first sentence is just a short task
    and the heading is its parent's."""
    sibs = it.parent.children if it.parent else [it]
    if len(sibs) < 2 or re.search(r"\d", it.title):
        return False          # a lone item, or a "title" with a date in it, is just a short task
    return sum(1 for s in sibs if s.title) >= 0.8 * len(sibs)


def _path(it):
    out, p = [], it.parent
    while p is not None:
        out.insert(0, p.title or (p.paras[0][:30] if p.paras else ""))
        p = p.parent
    return out


def _body_tasks(roots):
    """The body's task items as tasks, and whether their units came as 责任单位：… lines."""
    non_task, _ = numbering.section_rules()
    items = []
    for root in roots:
        rtitle = numbering.title_of(root.paras[0] if root.paras else "") or (root.paras[0] if root.paras else "")
        if any(w in rtitle for w in non_task):
            continue
        items.extend(it for it in root.walk() if not it.children)
    if any(it.depth >= 2 for it in items):
        items = [it for it in items if it.depth >= 2]
    out = []
    for it in items:
        text = it.text
        found = list(units.INLINE.finditer(text))
        for m in reversed(found):
            text = (text[:m.start()] + text[m.end():])
        text = text.strip()
        # inline （责任单位：…） and line forms 牵头单位：… alike, joined per role
        by_role = {"lead": [], "resp": [], "coop": []}
        for role, val in [(units.role_of(m.group("role")), m.group("units")) for m in found] + it.unit_lines:
            by_role[role].append(val)
        lead, resp, coop = ("、".join(by_role[r]) for r in ("lead", "resp", "coop"))
        heading_item = it if it.title and _titled_siblings(it) else it.parent
        heading = heading_item.title if heading_item else ""
        hl = heading_item.label if heading_item else ""
        section_item = it
        while section_item.parent is not None:
            section_item = section_item.parent
        section = section_item.title or (section_item.paras[0] if section_item.paras else "")
        b = it.block
        t = Task("", it.label, section, heading, hl, text,
                 source=Source("body", b.pos.line, b.pos.para, b.pos.table, b.pos.row, b.pos.page))
        _fill(t, lead, resp, coop, "；".join(it.deadline_lines))
        t.path = _path(it)
        out.append(t)
    return out, any(it.unit_lines for it in items)
