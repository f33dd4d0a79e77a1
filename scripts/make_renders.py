#!/usr/bin/env python3
"""Make the Word, PDF, Excel and web-page renders of the seed samples (committed under samples/).

    python scripts/make_renders.py            # all renders; PDFs need LibreOffice (soffice)

The renders are built from the seed text dumps the way an office would have typed them: the
ledger as a real table with vertically merged cells, the header repeated on every PDF page,
lines broken by the dump joined back into paragraphs. Re-running gives the same .docx/.xlsx files byte for byte (fixed dates in the packages); the
PDFs differ only in the creation date LibreOffice writes.
"""
from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from planparse.readers import text as textreader          # noqa: E402
from planparse.structure import ledger, numbering        # noqa: E402

SAMPLES = ROOT / "samples"
_END = "。；;：:！？!?”）)"


def seed(slug):
    return list(textreader.parse((SAMPLES / f"{slug}.txt").read_text(encoding="utf-8")))


def paragraphs(blocks):
    """Paragraph blocks with the dump's line breaks inside sentences joined back."""
    out = []
    for b in blocks:
        if b.kind != "para":
            continue
        t = b.text
        if out and out[-1][-1:] not in _END and not numbering.match(t) and not re.match(
                r"^(牵头|责任|配合)单位|^完成时", t) and len(out[-1]) > 30:
            out[-1] += t
        else:
            out.append(t)
    return out


def ledger_grid(blocks):
    """The ledger's header and its rows placed in the header's columns."""
    rows = [b for b in blocks if b.kind == "row"]
    header = rows[0].cells
    roles = ledger.header_roles(header)
    grid = []
    for b in rows[1:]:
        if ledger.is_header(b.cells):
            continue
        cells = list(b.cells)
        placed = ledger.align(roles, cells + [""] * 0)
        row = [""] * len(roles)
        for j, cs in placed.items():
            row[j] = "\n".join(c for c in cs if c)
        grid.append(row)
    return header, roles, grid


# --- Word -------------------------------------------------------------------------------------

def _docx():
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt
    d = docx.Document()
    st = d.styles["Normal"]
    st.font.name = "Noto Serif CJK SC"
    st.element.rPr.rFonts.set(qn("w:eastAsia"), "Noto Serif CJK SC")
    st.font.size = Pt(11)
    from docx.shared import Cm
    for sec in d.sections:
        sec.left_margin = sec.right_margin = Cm(1.8)
    return d, WD_ALIGN_PARAGRAPH


def page_furniture(d, header_text):
    """A running header and a page number footer (— 3 —), as printed official documents have."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    for sec in d.sections:
        hp = sec.header.paragraphs[0]
        hp.text = header_text
        hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        fp = sec.footer.paragraphs[0]
        fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
        fp.add_run("— ")
        fld = OxmlElement("w:fldSimple")
        fld.set(qn("w:instr"), "PAGE")
        r = OxmlElement("w:r")
        t = OxmlElement("w:t")
        t.text = "1"
        r.append(t)
        fld.append(r)
        fp._p.append(fld)
        fp.add_run(" —")


def _fixed_core(d):
    import datetime
    t = datetime.datetime(2024, 1, 1)
    d.core_properties.created = t
    d.core_properties.modified = t
    d.core_properties.last_printed = t
    d.core_properties.author = "planparse"
    d.core_properties.last_modified_by = "planparse"


def add_paragraphs(d, align, paras, title_re=None):
    for p in paras:
        para = d.add_paragraph(p)
        if title_re and re.search(title_re, p) and len(p) < 80:
            para.alignment = align.CENTER
        elif not numbering.match(p) and len(p) > 40:
            para.paragraph_format.first_line_indent = docx_pt(22)


def docx_pt(v):
    from docx.shared import Pt
    return Pt(v)


def add_ledger(d, header, grid, merge_cols, header_spans=None, repeat_header=True, widths_cm=None):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm
    ncols = len(header)
    t = d.add_table(rows=1 + len(grid), cols=ncols)
    t.style = "Table Grid"
    if widths_cm:
        t.autofit = False
        for j, w in enumerate(widths_cm):
            for cell in t.columns[j].cells:
                cell.width = Cm(w)
    for j, h in enumerate(header):
        t.cell(0, j).text = h
    if repeat_header:
        trPr = t.rows[0]._tr.get_or_add_trPr()
        el = OxmlElement("w:tblHeader")
        el.set(qn("w:val"), "true")
        trPr.append(el)
    for a, b in header_spans or []:
        t.cell(0, a).merge(t.cell(0, b))
        t.cell(0, a).text = header[a]
    for i, row in enumerate(grid, 1):
        for j, v in enumerate(row):
            if v:
                t.cell(i, j).text = v
    # vertical merges: a blank cell continues the one above (as offices merge them)
    for j in merge_cols:
        start = None
        for i in range(1, len(grid) + 2):
            blank = i <= len(grid) and not grid[i - 1][j]
            if blank and start is None and i > 1:
                start = i - 1
            if not blank and start is not None:
                top = t.cell(start, j)
                txt = grid[start - 1][j]
                top.merge(t.cell(i - 1, j))
                top.text = txt
                start = None
    return t


def fixed_zip(path: Path):
    """Rewrite an Office package with fixed entry dates, so that the same content gives the same bytes."""
    import zipfile
    with zipfile.ZipFile(path) as z:
        parts = [(i.filename, z.read(i)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            z.writestr(zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)), data,
                       compress_type=zipfile.ZIP_DEFLATED)


def soffice_pdf(docx_path: Path, pdf_path: Path):
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        print(f"skip {pdf_path.name}: LibreOffice (soffice) not found", file=sys.stderr)
        return False
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([exe, "--headless", f"-env:UserInstallation=file://{tmp}/profile",
                        "--convert-to", "pdf", "--outdir", tmp, str(docx_path)],
                       check=True, capture_output=True, timeout=300)
        shutil.copy(Path(tmp) / (docx_path.stem + ".pdf"), pdf_path)
    return True


def chromium_pdf(html_path: Path, pdf_path: Path):
    """Print a web page to PDF with headless Chromium: a different PDF producer from LibreOffice
    (its text layer uses radical code points like ⼈ ⾏ ⺠, and table rows cut at a page break
    lose their closing rule)."""
    exe = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not exe:
        print(f"skip {pdf_path.name}: Chromium not found", file=sys.stderr)
        return False
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        f"--user-data-dir={tmp}", "--no-pdf-header-footer", f"--print-to-pdf={pdf_path}",
                        html_path.as_uri()], check=True, capture_output=True, timeout=300)
    return pdf_path.exists()


def hongqiao_pdf(docx_path: Path, tmpdir: Path):
    """hongqiao.pdf: the Word render saved as a web page by LibreOffice, printed by Chromium."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        print("skip hongqiao.pdf: LibreOffice (soffice) not found", file=sys.stderr)
        return False
    subprocess.run([exe, "--headless", f"-env:UserInstallation=file://{tmpdir}/profile", "--convert-to", "html",
                    "--outdir", str(tmpdir), str(docx_path)], check=True, capture_output=True, timeout=300)
    return chromium_pdf(tmpdir / "hongqiao.html", SAMPLES / "hongqiao.pdf")


def hongqiao_docx():
    blocks = seed("hongqiao")
    first_row = next(i for i, b in enumerate(blocks) if b.kind == "row")
    d, align = _docx()
    add_paragraphs(d, align, paragraphs(blocks[:first_row]), title_re=r"台账$|^（2023—2025年）")
    header, roles, grid = ledger_grid(blocks[first_row:])
    # fill the sequence column the dump lost on its first page
    for i, row in enumerate(grid, 1):
        row[0] = str(i)
    merge = [j for j, r in enumerate(roles) if r in ("group", "task", "resp", "deadline")]
    add_ledger(d, header, grid, merge, widths_cm=[1.0, 1.8, 2.0, 3.6, 4.4, 2.4, 2.2])
    _fixed_core(d)
    out = SAMPLES / "hongqiao.docx"
    d.save(out)
    fixed_zip(out)
    return out


def qinzhou_docx(tmpdir: Path):
    blocks = seed("qinzhou")
    first_row = next(i for i, b in enumerate(blocks) if b.kind == "row")
    d, align = _docx()
    add_paragraphs(d, align, paragraphs(blocks[:first_row]), title_re=r"(方案|清单)(》的通知)?$")
    rows = [b for b in blocks[first_row:] if b.kind == "row"]
    roles = ["group", "group", "task", "lead", "resp", "deadline"]
    header = ["重点任务", "", "任务举措", "牵头单位", "责任单位", "完成时限"]
    grid, sec, head, pending = [], "", "", None
    for b in rows:
        if ledger.is_header(b.cells):
            continue
        placed = ledger.align(roles, list(b.cells))
        row = [""] * 6
        groups = [c for c in placed.get(0, []) + placed.get(1, []) if c]
        for g in groups:
            lab = numbering.match(g)
            if lab and lab.kind == "cn_dun":
                row[0] = g
            else:
                row[1] = g
        for j in range(2, 6):
            row[j] = "\n".join(placed.get(j, []))
        # merged cells in the original: the section and heading only on their first row
        if row[0] == sec:
            row[0] = ""
        elif row[0]:
            sec, head = row[0], ""
        if row[1] == head:
            row[1] = ""
        elif row[1]:
            head = row[1]
        if not any(row[2:]):      # a heading alone on its row: it opens the next row
            pending = row[:2]
            continue
        if pending:
            row[0], row[1] = row[0] or pending[0], row[1] or pending[1]
            pending = None
        grid.append(row)
    add_ledger(d, header, grid, merge_cols=[0, 1], header_spans=[(0, 1)],
               widths_cm=[2.2, 2.6, 6.4, 2.6, 2.8, 2.2])
    page_furniture(d, "钦州市人民政府办公室")
    _fixed_core(d)
    out = tmpdir / "qinzhou.docx"
    d.save(out)
    return out, grid


def datong_docx(tmpdir: Path):
    blocks = seed("datong")
    d, align = _docx()
    add_paragraphs(d, align, paragraphs(blocks), title_re=r"^大通区提升.*（2023—2025\s*年）$|工作会商机制$")
    page_furniture(d, "大通区人民政府办公室文件")
    _fixed_core(d)
    out = tmpdir / "datong.docx"
    d.save(out)
    return out


# --- Excel ------------------------------------------------------------------------------------

def qinzhou_xlsx(grid):
    from openpyxl import Workbook
    from openpyxl.styles import Alignment
    wb = Workbook()
    ws = wb.active
    ws.title = "重点任务清单"
    ws.append(["钦州市贯彻落实《提升行政执法质量三年行动计划（2023—2025年）》重点任务清单"])
    ws.merge_cells("A1:F1")
    ws.append(["重点任务", None, "任务举措", "牵头单位", "责任单位", "完成时限"])
    ws.merge_cells("A2:B2")
    first = 3
    for row in grid:
        ws.append([v or None for v in row])
    last = first + len(grid) - 1
    for col in "AB":
        start = None
        for r in range(first, last + 2):
            v = ws[f"{col}{r}"].value if r <= last else "END"
            if v is not None:
                if start is not None and r - 1 > start:
                    ws.merge_cells(f"{col}{start}:{col}{r - 1}")
                start = r
    for col, w in zip("ABCDEF", (18, 18, 60, 22, 26, 18)):
        ws.column_dimensions[col].width = w
    for row in ws.iter_rows():
        for c in row:
            c.alignment = Alignment(wrap_text=True, vertical="top")
    wb.properties.creator = "planparse"
    import datetime
    wb.properties.created = wb.properties.modified = datetime.datetime(2024, 1, 1)
    wb.save(SAMPLES / "qinzhou.xlsx")
    fixed_zip(SAMPLES / "qinzhou.xlsx")


# --- web page ---------------------------------------------------------------------------------

def hebei_html():
    paras = paragraphs(seed("hebei"))
    title_i = next(i for i, p in enumerate(paras) if p.startswith("河北区贯彻落实"))
    title = paras[title_i] + (paras[title_i + 1] if not paras[title_i].endswith("方案") else "")
    body = paras[:title_i] + paras[title_i + (1 if paras[title_i].endswith("方案") else 2):]
    parts = []
    for p in body:
        esc = html.escape(p)
        if re.match(r"^[一二三四五六七八九十]+、", p):
            parts.append(f'<p style="text-indent:2em"><strong>{esc}</strong></p>')
        elif re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", p):
            parts.append(f'<p style="text-align:right">{esc}</p>')
        else:
            parts.append(f'<p style="text-indent:2em">{esc}</p>')
    nav = "".join(f'<li><a href="/{k}/">{v}</a></li>' for k, v in
                  [("", "首页"), ("zwgk", "政务公开"), ("zcwj", "政策文件"), ("hdjl", "互动交流"), ("bsfw", "办事服务")])
    page = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{html.escape(title)}_天津市河北区人民政府</title>
<meta name="ArticleTitle" content="{html.escape(title)}">
<meta name="PubDate" content="2024-06-14 09:30">
<link rel="stylesheet" href="/css/common.css">
<script src="/js/jquery.min.js"></script>
</head>
<body>
<div class="header"><div class="logo">天津市河北区人民政府</div>
<div class="search"><form action="/search"><input name="q" placeholder="请输入关键字"><button>搜索</button></form></div></div>
<div class="nav"><ul>{nav}</ul></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zcwj/">政策文件</a></div>
<div class="main">
<div class="sidebar"><h3>政策文件</h3><ul><li><a href="/zcwj/qzfwj/">区政府文件</a></li><li><a href="/zcwj/qzfbwj/">区政府办文件</a></li><li><a href="/zcwj/zcjd/">政策解读</a></li></ul></div>
<div class="article">
<table class="xxgk"><tr><td>索引号：</td><td>11120105000000000X/2024-00123</td><td>发布机构：</td><td>河北区人民政府办公室</td></tr>
<tr><td>成文日期：</td><td>2024年06月14日</td><td>发布日期：</td><td>2024年06月14日</td></tr></table>
<h1 class="title">{html.escape(title)}</h1>
<div class="info">来源：河北区人民政府办公室　发布时间：2024-06-14　<span>字号：[大 中 小]</span>　<a href="javascript:window.print()">打印</a></div>
<div class="TRS_Editor" id="zoom">
{chr(10).join(parts)}
</div>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></div>
<div class="related"><h3>相关文件</h3><ul><li><a href="/zcwj/1.html">河北区关于进一步优化营商环境的若干措施</a></li><li><a href="/zcwj/2.html">河北区2024年法治政府建设工作要点</a></li></ul></div>
</div></div>
<div class="footer"><p>主办：天津市河北区人民政府办公室　承办：河北区政务服务办公室</p>
<p>网站标识码：1201050001　津ICP备05000000号　津公网安备 12010502000000号</p>
<p>联系电话：022-24400000　地址：天津市河北区中山路</p></div>
</body>
</html>
"""
    (SAMPLES / "hebei.html").write_text(page, encoding="utf-8")


def main():
    hq = hongqiao_docx()
    print("hongqiao.docx", hq)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        if hongqiao_pdf(hq, tmp):
            print("hongqiao.pdf (Chromium)")
        qd, grid = qinzhou_docx(tmp)
        qinzhou_xlsx(grid)
        print("qinzhou.xlsx")
        if soffice_pdf(qd, SAMPLES / "qinzhou.pdf"):
            print("qinzhou.pdf")
        dd = datong_docx(tmp)
        if soffice_pdf(dd, SAMPLES / "datong.pdf"):
            print("datong.pdf")
    hebei_html()
    print("hebei.html")


if __name__ == "__main__":
    main()
