"""The rich table a person sees on a terminal."""
from __future__ import annotations


def render_plan(plan, console):
    from rich.table import Table
    m = plan.meta
    yes = "[green]yes[/]" if m.implements_national_plan else "[red]no[/]"
    console.print(f"[bold]{m.title or plan.name}[/]")
    console.print(f"{m.region or '?'} · {m.level or '?'} · {m.issuer or '?'} · {m.issued or '?'}"
                  f"{' · ' + m.doc_number if m.doc_number else ''}")
    console.print(f"basis: {'、'.join(m.basis) or '—'} · implements 国办发〔2023〕27号: {yes} ({m.implements_reason})")
    t = Table(show_lines=False, header_style="bold", expand=True)
    for col, kw in (("id", {"no_wrap": True}), ("heading", {"max_width": 16}), ("task", {"ratio": 3}),
                    ("units", {"ratio": 1}), ("deadline", {"no_wrap": True})):
        t.add_column(col, **kw)
    from .tabular import deadline_text
    for task in plan.tasks:
        text = task.text if not task.measures else f"{task.text}\n[dim]→ {task.measures[0]}[/]"
        units = "、".join(task.units)
        t.add_row(task.id, task.heading, text, units, deadline_text(task.deadline))
    console.print(t)
    console.print(f"{len(plan.tasks)} tasks · layout {plan.layout} · {plan.container}")
