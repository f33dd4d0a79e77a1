from .tabular import COLUMNS, rows

_SHOWN = ("id", "heading", "text", "lead_units", "responsible_units", "deadline")


def _cell(s):
    return str(s).replace("|", "\\|").replace("\n", "<br>")


def render(plan) -> str:
    m = plan.meta
    out = [f"# {m.title or plan.name}", "",
           f"- 地区: {m.region or '?'} ({m.level or '?'})", f"- 发文: {m.issuer or '?'} {m.doc_number or ''}".rstrip(),
           f"- 日期: {m.issued or '?'}", f"- 依据: {'、'.join(m.basis) or '—'}",
           f"- 落实国办发〔2023〕27号: {'是' if m.implements_national_plan else '否'} ({m.implements_reason})",
           f"- 任务: {len(plan.tasks)}", ""]
    names = dict(COLUMNS)
    out.append("| " + " | ".join(names[k] for k in _SHOWN) + " |")
    out.append("|" + "---|" * len(_SHOWN))
    for r in rows(plan):
        out.append("| " + " | ".join(_cell(r[k]) for k in _SHOWN) + " |")
    return "\n".join(out) + "\n"
