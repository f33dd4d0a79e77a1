"""PDF: text and tables with pdfplumber, put back into paragraphs and rows.

From the characters of each page: table cells (pdfplumber finds the ruled tables), and lines of
text outside them. Page headers, footers and page numbers (— 3 —) are dropped; a line that runs
to the right margin goes on in the next line unless that one is indented or numbered, also across
a page break; inside a cell a line that fills the cell goes on, a short one ends a paragraph.
A table row that a page break split in two is stitched back; repeated header rows are left for
the ledger layer, which knows headers.
"""
from __future__ import annotations

import re
from collections import Counter

from ..blocks import Block, Document
from ..errors import PlanparseError
from ..structure import numbering
from ..structure.ledger import is_header
from . import limits

_PAGE_NO = re.compile(r"^[\s\-—－–―_·•]*(第\s*)?[\d一二三四五六七八九十]+(\s*页)?(\s*/\s*(共\s*)?\d+\s*页?)?[\s\-—－–―_·•]*$")
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
_END = "。；;！？!?：:”」』）)"
_PUNCT = "、，,。；;：:）)」』”！？!?"
_UNIT_END = re.compile(r"(局|委|办|府|部门|街道|中心|院|支队|大队|分局|办事处|机关)$")
_UNIT_START = re.compile(r"^(各|区|市|县|全区|全市|其他|相关|有关|乡镇)")


def _quiet():
    """pdfminer logs every oddity of a damaged file to stderr; our one line says what matters."""
    import logging
    for name in ("pdfminer", "pdfplumber", "pypdfium2"):
        logging.getLogger(name).setLevel(logging.CRITICAL + 1)


def read(path) -> Document:
    limits.check_size(path)
    _quiet()
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    try:
        pdf = pdfplumber.open(str(path))
    except PDFPasswordIncorrect:
        raise PlanparseError(path, "encrypted PDF (password required)") from None
    except Exception as e:  # pdfminer raises a zoo of types on damaged files
        name = type(e).__name__
        if "Password" in name or "Encrypt" in name or "encrypt" in str(e).lower():
            raise PlanparseError(path, "encrypted PDF (password required)") from None
        raise PlanparseError(path, f"corrupt or truncated PDF ({name})") from None
    try:
        with pdf:
            n = len(pdf.pages)
            if n > limits.MAX_PAGES:
                raise PlanparseError(path, f"too many pages ({n} > {limits.MAX_PAGES})")
            pages = [_page(p) for p in pdf.pages]
    except PlanparseError:
        raise
    except Exception as e:
        name = type(e).__name__
        if "Password" in name or "ncrypt" in str(e):
            raise PlanparseError(path, "encrypted PDF (password required)") from None
        raise PlanparseError(path, f"corrupt or truncated PDF ({name}: {str(e)[:80]})") from None
    if not any(items for items, _ in pages):
        raise PlanparseError(path, "scanned PDF without a text layer (run OCR first)")
    return Document(str(path), "pdf", _assemble(pages), pages=n)


def _ordinary(text):
    """Radical code points (⼈ ⻔) as the characters they stand for, before any text test."""
    from ..blocks import _RADICAL, _radicals
    return text.translate(_radicals()) if _RADICAL.search(text) else text


def _lines(chars, right=None):
    """Group characters into lines: [(top, x0, x1, size, text)] top to bottom."""
    chars = sorted((c for c in chars if c.get("text", "").strip() or c.get("text") == " "),
                   key=lambda c: (round(c["top"]), c["x0"]))
    lines, cur = [], []
    for c in chars:
        if cur and abs(c["top"] - cur[0]["top"]) > max(2.0, cur[0].get("size", 10) * 0.5):
            lines.append(cur)
            cur = []
        cur.append(c)
    if cur:
        lines.append(cur)
    out = []
    for ln in lines:
        ln.sort(key=lambda c: c["x0"])
        text, prev = "", None
        for c in ln:
            t = c["text"]
            if prev is not None and c["x0"] - prev["x1"] > 0.35 * (c.get("size") or 10) \
                    and not (_CJK.match(t) and _CJK.match(prev["text"])):
                text += " "
            text += t
            prev = c
        text = _ordinary(text.strip())
        if text:
            size = Counter(round(c.get("size", 10)) for c in ln).most_common(1)[0][0]
            out.append((ln[0]["top"], ln[0]["x0"], ln[-1]["x1"], size, text))
    return out


def _inside(c, bbox):
    x = (c["x0"] + c["x1"]) / 2
    y = (c["top"] + c["bottom"]) / 2
    return bbox[0] <= x <= bbox[2] and bbox[1] <= y <= bbox[3]


def _page(page):
    """Items of one page in reading order: ('line', top, x0, x1, size, text) and ('row', top, cells)."""
    chars = page.chars
    # a table row cut by the page break may lack its closing rule: the text's own top and bottom
    # edges close it (extra lines where no vertical rules run change nothing)
    edges = []
    if chars:
        edges = [min(c["top"] for c in chars) - 1.5, max(c["bottom"] for c in chars) + 1.5]
    tables = page.find_tables({"explicit_horizontal_lines": edges})
    tb = [t.bbox for t in tables]
    items = []
    free = [c for c in chars if not any(_inside(c, b) for b in tb)]
    for top, x0, x1, size, text in _lines(free):
        items.append(("line", top, x0, x1, size, text))
    for t in tables:
        tchars = [c for c in chars if _inside(c, t.bbox)]
        for row in t.rows:
            cells = []
            for cb in row.cells:
                if cb is None:
                    cells.append(None)
                    continue
                cc = [c for c in tchars if _inside(c, cb)]
                cells.append(_cell_text(_lines(cc), cb))
            items.append(("row", row.bbox[1], cells))
    items.sort(key=lambda it: it[1])
    return items, (page.width, page.height)


def _cell_text(lines, bbox):
    paras = []
    for i, (top, x0, x1, size, text) in enumerate(lines):
        if paras and not paras[-1][1]:
            paras[-1][0] += text
        else:
            paras.append([text, False])
        # a line that reaches the cell's right edge wraps into the next; one that stops a
        # character short wraps too when the next line opens with a character and a punctuation
        # mark (line-breaking rules carried both over)
        gap = bbox[2] - x1
        nxt = lines[i + 1][4] if i + 1 < len(lines) else ""
        wraps = gap < 1.5 * size or (gap < 2.7 * size and nxt[1:2] in _PUNCT and nxt[1:2] != "")
        if nxt[:1] and nxt[:1] in _PUNCT or _open_paren("".join(p for p, _ in paras)):
            wraps = True
        elif wraps and _UNIT_END.search(paras[-1][0]) and _UNIT_START.match(nxt):
            wraps = False      # 区司法局 / 各行政执法部门: one unit a line
        paras[-1][1] = not wraps or text[-1:] in "。；;"
    return "\n".join(p for p, _ in paras)


def _open_paren(text):
    return text.count("（") + text.count("(") > text.count("）") + text.count(")")


def _assemble(pages):
    # page furniture: lines near the top or bottom that are page numbers or repeat on most pages
    n = len(pages)
    edge = Counter()
    for items, (w, h) in pages:
        for it in items:
            if it[0] == "line" and (it[1] < h * 0.08 or it[1] > h * 0.90):
                edge[re.sub(r"\d+", "#", it[5])] += 1
    lines = [it for items, _ in pages for it in items if it[0] == "line"]
    left = Counter(round(it[2]) for it in lines).most_common(1)[0][0] if lines else 0
    right = max((round(it[3]) for it in lines), default=0)
    blocks: list[Block] = []
    para, para_page, prev_line = None, None, None
    table, row_no, last_row, prev_kind = 0, 0, None, None

    def flush():
        nonlocal para
        if para:
            blocks.append(Block.para(para, page=para_page))
        para = None

    for pno, (items, (w, h)) in enumerate(pages, 1):
        first_on_page, first_data = True, True
        for it in items:
            if it[0] == "line":
                _, top, x0, x1, size, text = it
                near_edge = top < h * 0.08 or top > h * 0.90
                if near_edge and (_PAGE_NO.match(text) or (n >= 3 and edge[re.sub(r"\d+", "#", text)] >= max(2, n // 2))):
                    continue
                indented = x0 > left + 0.8 * size
                starts_item = numbering.match(text) is not None
                goes_on = (para is not None and prev_line is not None and prev_kind == "line"
                           and prev_line[3] >= right - 1.6 * prev_line[4]
                           and para[-1:] not in _END and not indented and not starts_item)
                if goes_on:
                    para += text
                else:
                    flush()
                    para, para_page = text, pno
                prev_line, prev_kind = it, "line"
                first_on_page = False
            else:
                cells = ["" if c is None else c for c in it[2]]
                if not any(cells):
                    continue                 # a band between rules with no text in it
                flush()
                if prev_kind != "row" and not (first_on_page and last_row is not None):
                    table, row_no = table + 1, 0     # a new table, not one going on from the last page
                header = is_header(cells)
                # a row split by the page break goes on in the first data row of the next page
                above = _above(blocks, last_row) if last_row is not None else None
                if (first_data and not header and last_row is not None
                        and _continues(last_row.cells, cells, above)):
                    for j, b in enumerate(cells):
                        if b and not last_row.cells[j]:
                            # the rest of a merged cell: it goes back where the cell began
                            k = _origin(blocks, last_row, j)
                            if k is not None:
                                o = blocks[k]
                                oc = list(o.cells)
                                oc[j] = _join_cell(oc[j], b)
                                blocks[k] = Block.row(oc, table=o.pos.table, row=o.pos.row, page=o.pos.page)
                            cells[j] = ""
                    last_row = blocks[blocks.index(last_row)]
                    merged = [_join_cell(a, b) for a, b in zip(last_row.cells, cells)]
                    blocks[blocks.index(last_row)] = last_row = Block.row(
                        merged, table=last_row.pos.table, row=last_row.pos.row, page=last_row.pos.page)
                else:
                    row_no += 1
                    blk = Block.row(cells, table=table, row=row_no, page=pno)
                    blocks.append(blk)
                    if not header:
                        last_row = blk
                if not header:
                    first_data = False
                prev_kind = "row"
                first_on_page = False
        if prev_kind == "line":
            last_row = None          # text after the table: nothing to continue
    flush()
    return blocks


def _origin(blocks, row, j):
    """Index of the nearest row at or above `row` (same table) with text in column j."""
    i = blocks.index(row)
    while i >= 0:
        b = blocks[i]
        if b.kind == "row" and b.pos.table == row.pos.table and len(b.cells) > j and b.cells[j] \
                and not is_header(b.cells):
            return i
        if b.kind == "row" and b.pos.table != row.pos.table:
            return None
        i -= 1
    return None


def _above(blocks, row):
    out = []
    for j in range(len(row.cells)):
        k = _origin(blocks, row, j)
        out.append(blocks[k].cells[j] if k is not None else "")
    return out


def _join_cell(a, b):
    if a and b:
        last = a.rsplit("\n", 1)[-1]
        if a[-1:] in _END or (_UNIT_END.search(last) and _UNIT_START.match(b)):
            return a + "\n" + b
        return a + b
    return a or b


def _continues(prev, cur, above=None):
    """Whether `cur`, the first data row of a page, is the rest of the row(s) before the break.

    Every column that has text on both sides must go on (the earlier part stops mid-sentence);
    a column empty in the last row may go on a merged cell from further up (`above`: that
    column's last text); no cell may open a new item (a sequence number, a numbered label)."""
    if len(prev) != len(cur) or not any(cur):
        return False
    above = above or [""] * len(prev)
    both = False
    for j, (a, b) in enumerate(zip(prev, cur)):
        if not b:
            continue
        if re.fullmatch(r"\d{1,3}", b) or numbering.match(b):
            return False
        origin = a or above[j]
        if not origin or origin[-1:] in _END:
            return False
        both = both or bool(a)
    return both or any(above)
