"""Plans as rows: the columns of a 台账 as offices keep it. Shared by csv, markdown, xlsx."""
COLUMNS = [("id", "编号"), ("label", "序号"), ("section", "任务分类"), ("heading", "重点任务"),
           ("text", "任务内容"), ("measures", "具体措施"), ("lead_units", "牵头单位"),
           ("responsible_units", "责任单位"), ("cooperating_units", "配合单位"),
           ("deadline_raw", "完成时限"), ("deadline", "完成时限（标准化）"), ("inline", "文中时间")]


def deadline_text(d):
    if d.kind == "date":
        return d.date + ("（并长期推进）" if d.ongoing else "")
    return {"ongoing": "长期", "per_superior": "按上级部署", "none": "", "unknown": "?"}[d.kind]


def rows(plan):
    for t in plan.tasks:
        yield {
            "id": t.id, "label": t.label, "section": t.section, "heading": t.heading, "text": t.text,
            "measures": "\n".join(t.measures), "lead_units": "、".join(t.lead_units),
            "responsible_units": "、".join(t.responsible_units),
            "cooperating_units": "、".join(t.cooperating_units), "deadline_raw": t.deadline.raw,
            "deadline": deadline_text(t.deadline),
            "inline": "；".join(d["date"] for d in t.inline_deadlines),
        }
