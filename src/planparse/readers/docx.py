"""Word .docx: paragraphs and tables in body order, merged cells resolved, list numbering restored.

python-docx gives the XML; we walk it ourselves so that body order is kept, a vertically merged
cell (w:vMerge) takes the text of the cell it continues and a horizontally merged one (gridSpan)
fills every grid column it covers, and a paragraph whose label comes from automatic numbering
(numPr) gets that label back ("（一）", "1.").
"""
from __future__ import annotations

import zipfile

from ..blocks import Block, Document
from ..errors import PlanparseError
from . import limits

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read(path) -> Document:
    limits.check_zip(path)
    try:
        import docx
        d = docx.Document(str(path))
    except zipfile.BadZipFile:
        raise PlanparseError(path, "corrupt .docx (bad zip archive)") from None
    except KeyError as e:
        raise PlanparseError(path, f"corrupt .docx (missing part {e})") from None
    except Exception as e:  # python-docx raises many types on broken packages
        raise PlanparseError(path, f"corrupt or unreadable .docx ({type(e).__name__})") from None
    numbering = _Numbering(d)
    n_cells = sum(1 for _ in d.element.body.iter(W + "tc"))
    if n_cells > limits.MAX_CELLS:
        raise PlanparseError(path, f"too many table cells ({n_cells} > {limits.MAX_CELLS})")
    blocks, para_no, table_no = [], 0, 0
    for el in d.element.body.iterchildren():
        if el.tag == W + "p":
            para_no += 1
            text = numbering.label(el) + _text(el)
            if text.strip():
                for line in text.split("\n"):
                    if line.strip():
                        blocks.append(Block.para(line, para=para_no))
        elif el.tag == W + "tbl":
            table_no += 1
            for r, cells in enumerate(_table(el, numbering), 1):
                blocks.append(Block.row(cells, merge_known=True, table=table_no, row=r, para=para_no))
    return Document(str(path), "docx", blocks)


def _text(p) -> str:
    out = []
    for node in p.iter():
        if node.tag == W + "t":
            out.append(node.text or "")
        elif node.tag == W + "tab":
            out.append(" ")
        elif node.tag in (W + "br", W + "cr"):
            out.append("\n")
    return "".join(out)


def _table(tbl, numbering):
    grid: list[list[str]] = []
    for tr in tbl.iterchildren(W + "tr"):
        row, col = [], 0
        for tc in tr.iterchildren(W + "tc"):
            pr = tc.find(W + "tcPr")
            span, vmerge = 1, None
            if pr is not None:
                gs = pr.find(W + "gridSpan")
                if gs is not None:
                    span = int(gs.get(W + "val", "1") or 1)
                vm = pr.find(W + "vMerge")
                if vm is not None:
                    vmerge = vm.get(W + "val", "continue")
            paras = [numbering.label(p) + _text(p) for p in tc.iter(W + "p")]
            text = "\n".join(x.strip() for x in paras if x.strip())
            for k in range(span):
                if vmerge == "continue" and grid and col + k < len(grid[-1]):
                    row.append(grid[-1][col + k])
                else:
                    row.append(text)
            col += span
        grid.append(row)
    return grid


# --- automatic numbering ----------------------------------------------------------------------

_CN = "一二三四五六七八九十"


def _fmt(n, fmt):
    if fmt in ("chineseCounting", "chineseCountingThousand", "ideographTraditional", "chineseLegalSimplified",
               "taiwaneseCountingThousand", "ideographDigital"):
        return _cn(n)
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n)
    if fmt == "lowerLetter":
        return chr(ord("a") + (n - 1) % 26)
    if fmt == "upperLetter":
        return chr(ord("A") + (n - 1) % 26)
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    if fmt == "bullet" or fmt == "none":
        return ""
    return str(n)


def _cn(n):
    if n <= 10:
        return _CN[n - 1]
    if n < 20:
        return "十" + _CN[n - 11]
    t, u = divmod(n, 10)
    return _CN[t - 1] + "十" + (_CN[u - 1] if u else "")


class _Numbering:
    def __init__(self, d):
        self.levels = {}      # numId -> {ilvl: (fmt, lvlText, start)}
        self.counters = {}
        self.style_num = {}
        try:
            part = d.part.numbering_part
        except (NotImplementedError, KeyError, AttributeError):
            return
        root = getattr(part, "element", None)
        if root is None:            # a numbering part of the wrong type in a damaged package
            return
        abstract = {}
        for an in root.iterchildren(W + "abstractNum"):
            lv = {}
            for l in an.iterchildren(W + "lvl"):
                ilvl = int(l.get(W + "ilvl", "0"))
                fmt = l.find(W + "numFmt")
                txt = l.find(W + "lvlText")
                st = l.find(W + "start")
                lv[ilvl] = (fmt.get(W + "val") if fmt is not None else "decimal",
                            txt.get(W + "val") if txt is not None else "",
                            int(st.get(W + "val")) if st is not None else 1)
            abstract[an.get(W + "abstractNumId")] = lv
        for num in root.iterchildren(W + "num"):
            a = num.find(W + "abstractNumId")
            if a is not None:
                self.levels[num.get(W + "numId")] = abstract.get(a.get(W + "val"), {})
        # numbering given by a paragraph style (Word's 列表编号, heading styles)
        self.style_num = {}
        try:
            styles = d.styles.element
        except Exception:
            styles = None
        if styles is not None:
            for st in styles.iterchildren(W + "style"):
                ppr = st.find(W + "pPr")
                npr = ppr.find(W + "numPr") if ppr is not None else None
                if npr is not None and npr.find(W + "numId") is not None:
                    il = npr.find(W + "ilvl")
                    self.style_num[st.get(W + "styleId")] = (
                        npr.find(W + "numId").get(W + "val"), int(il.get(W + "val")) if il is not None else 0)

    def label(self, p) -> str:
        pr = p.find(W + "pPr")
        if pr is None or not self.levels:
            return ""
        npr = pr.find(W + "numPr")
        if npr is None or npr.find(W + "numId") is None:
            ps = pr.find(W + "pStyle")
            hit = self.style_num.get(ps.get(W + "val")) if ps is not None else None
            if not hit:
                return ""
            num_id, ilvl = hit
            if npr is not None and npr.find(W + "ilvl") is not None:
                ilvl = int(npr.find(W + "ilvl").get(W + "val"))
        else:
            il = npr.find(W + "ilvl")
            num_id, ilvl = npr.find(W + "numId").get(W + "val"), int(il.get(W + "val")) if il is not None else 0
        lv = self.levels.get(num_id)
        if not lv or ilvl not in lv:
            return ""
        cnt = self.counters.setdefault(num_id, {})
        for deeper in [k for k in cnt if k > ilvl]:
            del cnt[deeper]
        cnt[ilvl] = cnt.get(ilvl, lv[ilvl][2] - 1) + 1
        fmt, text, _ = lv[ilvl]
        for k in range(ilvl + 1):
            if k in lv:
                n = cnt.get(k, lv[k][2])
                text = text.replace(f"%{k + 1}", _fmt(n, lv[k][0]))
        return text
