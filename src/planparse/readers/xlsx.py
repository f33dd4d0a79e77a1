"""Excel .xlsx: every sheet's rows as table rows; merged cells give their value to every cell they
cover; a row with a single filled cell (a title above the ledger) is a paragraph."""
from __future__ import annotations

import zipfile

from ..blocks import Block, Document
from ..errors import PlanparseError
from . import limits

MAX_CELLS = limits.MAX_CELLS


def _str(v):
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    if hasattr(v, "strftime"):
        return f"{v.year}年{v.month}月{v.day}日"
    return str(v).strip()


def read(path) -> Document:
    limits.check_zip(path)
    try:
        import openpyxl
        wb = openpyxl.load_workbook(str(path), data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError) as e:
        raise PlanparseError(path, f"corrupt .xlsx ({type(e).__name__})") from None
    except Exception as e:  # openpyxl raises many types on broken workbooks
        raise PlanparseError(path, f"corrupt or unreadable .xlsx ({type(e).__name__})") from None
    blocks, table, cells_seen = [], 0, 0
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            continue
        fill = {}
        for rng in ws.merged_cells.ranges:
            v = ws.cell(rng.min_row, rng.min_col).value
            for r in range(rng.min_row, rng.max_row + 1):
                for c in range(rng.min_col, rng.max_col + 1):
                    fill[(r, c)] = (v, (r, c) != (rng.min_row, rng.min_col), rng.max_col > rng.min_col)
        table += 1
        row_no = 0
        for r, row in enumerate(ws.iter_rows(), 1):
            cells_seen += len(row)
            if cells_seen > MAX_CELLS:
                raise PlanparseError(path, f"too many cells (> {MAX_CELLS})")
            vals, spans = [], []
            for c, cell in enumerate(row, 1):
                if (r, c) in fill:
                    v, covered, wide = fill[(r, c)]
                    vals.append(_str(v))
                    spans.append(wide)
                else:
                    vals.append(_str(cell.value))
                    spans.append(False)
            while vals and not vals[-1]:
                vals.pop()
            if not any(vals):
                continue
            distinct = {v for v in vals if v}
            if len(distinct) == 1 and (sum(1 for v in vals if v) == 1 or all(spans[:len(vals)])):
                blocks.append(Block.para(next(iter(distinct)), line=r, table=table))
                continue
            row_no += 1
            # a cell merged across columns counts once: its copies to the right are blanked
            out = [v if not (j > 0 and spans[j] and vals[j] == vals[j - 1] and spans[j - 1]) else ""
                   for j, v in enumerate(vals)]
            blocks.append(Block.row(out, merge_known=True, table=table, row=row_no, line=r))
    return Document(str(path), "xlsx", blocks)
