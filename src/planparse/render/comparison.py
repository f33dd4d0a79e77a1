"""Renderers of a Comparison: terminal (coverage matrix, findings), markdown, csv."""
from __future__ import annotations

import csv
import io

SYMBOL = {"covered": "●", "partial": "◐", "missing": "○"}
STYLE = {"covered": "green", "partial": "yellow", "missing": "red"}
KIND_LABEL = {"not_implementing": "NOT AN IMPLEMENTATION", "missing": "missing measure",
              "later": "deadline later", "fewer": "weaker quantity", "no_deadline": "no deadline",
              "partial": "partial measure", "extra": "local addition", "earlier": "deadline earlier",
              "same_total_split": "same total, split", "same": "same", "more": "more"}


def where(f) -> str:
    """Where a finding points: its measure, task and clause, those it has."""
    return " ".join(x for x in (f.get("measure"), f.get("task"), f.get("clause")) if x)


def terminal(cmp, console, explain=False):
    from rich.table import Table
    ref = cmp.reference
    console.print(f"[bold]Reference:[/] {ref.title} {ref.doc_number or ''}".rstrip())
    t = Table(title="coverage (● covered  ◐ partial  ○ missing; tasks)", header_style="bold")
    t.add_column("measure", no_wrap=True)
    t.add_column("title")
    for p in cmp.plans:
        t.add_column(p.name, justify="center", no_wrap=True)
    for m in ref.measures:
        cells = []
        for p in cmp.plans:
            c = p.coverage[m.id]
            cells.append(f"[{STYLE[c['status']]}]{SYMBOL[c['status']]} {len(c['tasks'])}[/]")
        t.add_row(m.id, m.title, *cells)
    t.add_row("", "[bold]N01–N17 covered[/]", *[f"{p.figures['measures_core']:.0%}" for p in cmp.plans])
    t.add_row("", "[bold]clauses covered[/]", *[f"{p.figures['clauses']:.0%}" for p in cmp.plans])
    console.print(t)
    for p in cmp.plans:
        head = f"[bold]{p.name}[/] ({p.plan.meta.region or p.plan.path})"
        if not p.implements:
            head += " [bold red]does not implement the reference[/]: " + "; ".join(p.not_implementing_reasons)
        console.print(head)
        for f in p.findings():
            if f["kind"] in ("same",):
                continue
            console.print(f"  {KIND_LABEL.get(f['kind'], f['kind']):<18} {where(f):<18} {f['detail']}")
    for pr in cmp.pairs:
        console.print(f"[bold]{pr['a']} vs {pr['b']}[/]")
        for d in pr["measures_differ"]:
            console.print(f"  {d['measure']}: {pr['a']} {d[pr['a']]}, {pr['b']} {d[pr['b']]}")
        console.print(f"  clauses only in {pr['a']}: {', '.join(pr['clauses_only_a']) or '—'}")
        console.print(f"  clauses only in {pr['b']}: {', '.join(pr['clauses_only_b']) or '—'}")
        for d in pr["deadlines_differ"]:
            console.print(f"  {d['clause']} deadline: {pr['a']} {d[pr['a']]}, {pr['b']} {d[pr['b']]}"
                          f" (national {d['reference'] or '—'})")
    if explain:
        for p in cmp.plans:
            for task in p.tasks:
                e = p.explain[task["id"]]
                cands = ", ".join(f"{c['measure']} {c['total']:.2f} (title {c['title']:.2f}, text "
                                  f"{c['content']:.2f}, area {c['area']:.0f})" for c in e["measure_candidates"])
                console.print(f"[dim]{p.name} {task['id']}[/] {e['heading'] or '—'} → {task['measure'] or '—'}"
                              f" / {task['clause'] or '—'}: {cands}")


def markdown(cmp) -> str:
    ref = cmp.reference
    out = [f"# Comparison against {ref.title} {ref.doc_number or ''}".rstrip(), ""]
    out.append("| measure | title | " + " | ".join(p.name for p in cmp.plans) + " |")
    out.append("|---|---|" + "---|" * len(cmp.plans))
    for m in ref.measures:
        cells = [f"{SYMBOL[p.coverage[m.id]['status']]} {p.coverage[m.id]['status']} ({len(p.coverage[m.id]['tasks'])})"
                 for p in cmp.plans]
        out.append(f"| {m.id} | {m.title} | " + " | ".join(cells) + " |")
    out.append("| | N01–N17 covered | " + " | ".join(f"{p.figures['measures_core']:.0%}" for p in cmp.plans) + " |")
    for p in cmp.plans:
        out += ["", f"## {p.name}", ""]
        if not p.implements:
            out.append(f"**Does not implement the reference:** {'; '.join(p.not_implementing_reasons)}")
            out.append("")
        for f in p.findings():
            if f["kind"] == "same":
                continue
            out.append(f"- **{KIND_LABEL.get(f['kind'], f['kind'])}** {where(f)}: {f['detail']}")
    for pr in cmp.pairs:
        out += ["", f"## {pr['a']} vs {pr['b']}", ""]
        out.append(f"- clauses only in {pr['a']}: {', '.join(pr['clauses_only_a']) or '—'}")
        out.append(f"- clauses only in {pr['b']}: {', '.join(pr['clauses_only_b']) or '—'}")
        for d in pr["deadlines_differ"]:
            out.append(f"- {d['clause']} deadline: {pr['a']} {d[pr['a']]}, {pr['b']} {d[pr['b']]}")
    return "\n".join(out) + "\n"


def csv_text(cmp) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["plan", "task", "heading", "measure", "clause", "clauses", "score", "text"])
    for p in cmp.plans:
        for t in p.tasks:
            w.writerow([p.name, t["id"], t["heading"], t["measure"] or "", t["clause"] or "",
                        " ".join(t["clauses"]), t["score"], t["text"]])
    return buf.getvalue()


def xlsx(cmp) -> bytes:
    """The comparison as a workbook: a coverage sheet, then one ledger sheet per plan."""
    import io

    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    from .xlsx import add_plan_sheet
    wb = Workbook()
    ws = wb.active
    ws.title = "覆盖情况"
    ws.append(["措施", "名称"] + [p.name for p in cmp.plans])
    fills = {"covered": "C8E6C9", "partial": "FFF3C4", "missing": "FFCDD2"}
    for m in cmp.reference.measures:
        ws.append([m.id, m.title] + [f"{SYMBOL[p.coverage[m.id]['status']]} {len(p.coverage[m.id]['tasks'])}"
                                     for p in cmp.plans])
        for k, p in enumerate(cmp.plans):
            ws.cell(ws.max_row, 3 + k).fill = PatternFill("solid", fgColor=fills[p.coverage[m.id]["status"]])
    for c in ws[1]:
        c.font = Font(bold=True)
        c.alignment = Alignment(horizontal="center")
    ws.column_dimensions["B"].width = 36
    ws.freeze_panes = "C2"
    ws.auto_filter.ref = ws.dimensions
    for p in cmp.plans:
        sheet = add_plan_sheet(wb, p.plan, p.name)
        col = sheet.max_column + 1
        sheet.cell(1, col, "国家措施").font = Font(bold=True)
        sheet.cell(1, col + 1, "条款").font = Font(bold=True)
        for r, a in enumerate(p.tasks, 2):
            sheet.cell(r, col, a["measure"] or "")
            sheet.cell(r, col + 1, a["clause"] or "")
        sheet.auto_filter.ref = sheet.dimensions
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
