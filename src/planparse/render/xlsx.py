"""A real 台账 workbook: header frozen, filters on, widths set, wrapped text; a sheet per plan."""
from __future__ import annotations

import io

from .tabular import COLUMNS, rows

_WIDTHS = {"id": 7, "label": 6, "section": 18, "heading": 18, "text": 60, "measures": 50,
           "lead_units": 20, "responsible_units": 24, "cooperating_units": 18, "deadline_raw": 20,
           "deadline": 16, "inline": 14}


def add_plan_sheet(wb, plan, title=None):
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    ws = wb.create_sheet(title=_sheet_title(wb, title or plan.name or "plan"))
    ws.append([label for _, label in COLUMNS])
    for r in rows(plan):
        ws.append([r[k] for k, _ in COLUMNS])
    head = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    wrap = Alignment(wrap_text=True, vertical="top")
    for c in ws[1]:
        c.font, c.fill, c.alignment = head, fill, Alignment(horizontal="center", vertical="center", wrap_text=True)
    for i, (k, _) in enumerate(COLUMNS, 1):
        ws.column_dimensions[get_column_letter(i)].width = _WIDTHS.get(k, 14)
    for row in ws.iter_rows(min_row=2):
        for c in row:
            c.alignment = wrap
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    return ws


def _sheet_title(wb, t):
    t = "".join(ch for ch in t if ch not in "[]:*?/\\")[:31] or "sheet"
    base, n = t, 2
    while t in wb.sheetnames:
        t = f"{base[:28]}-{n}"
        n += 1
    return t


def render(plan) -> bytes:
    from openpyxl import Workbook
    wb = Workbook()
    wb.remove(wb.active)
    add_plan_sheet(wb, plan)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
