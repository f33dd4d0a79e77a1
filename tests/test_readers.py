"""Reader details: automatic numbering in Word, page furniture in PDF, merged cells, positions."""
import pytest

import planparse
from conftest import SAMPLES
from planparse.readers import read

NUMBERING_XML = """<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="7">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>
<w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>
</w:numbering>"""


def _numbered_docx(path):
    """A plan whose labels come from Word's automatic numbering, not from typed text."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    d = docx.Document()
    try:
        part = d.part.numbering_part
        part._element = __import__("docx.oxml", fromlist=["parse_xml"]).parse_xml(NUMBERING_XML)
    except Exception:
        part = Part(PackURI("/word/numbering.xml"),
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml",
                    NUMBERING_XML.encode(), d.part.package)
        d.part.relate_to(part, RT.NUMBERING)

    def para(text, ilvl=None):
        p = d.add_paragraph(text)
        if ilvl is not None:
            ppr = p._p.get_or_add_pPr()
            npr = OxmlElement("w:numPr")
            il = OxmlElement("w:ilvl")
            il.set(qn("w:val"), str(ilvl))
            ni = OxmlElement("w:numId")
            ni.set(qn("w:val"), "3")
            npr.append(il)
            npr.append(ni)
            ppr.append(npr)
    para("某区贯彻落实《提升行政执法质量三年行动计划（2023—2025年）》实施方案")
    para("为全面提升行政执法质量和效能，根据《国务院办公厅关于印发〈提升行政执法质量三年行动计划（2023—2025年）〉的通知》（国办发〔2023〕27号），制定本方案。")
    para("全面提升行政执法人员能力素质", 0)
    para("着力提高政治能力", 1)
    para("加强党的政治建设，正确把握政治方向。（责任单位：区司法局）", 2)
    para("加强基层行政执法单位党组织建设。（责任单位：各行政执法部门）", 2)
    para("大力提升业务能力", 1)
    para("2024年6月底前完成全员轮训。（责任单位：区司法局）", 2)
    para("健全完善行政执法工作体系", 0)
    para("大力推进行政执法协作", 1)
    para("健全行政执法与刑事司法衔接机制。（责任单位：区公安分局）", 2)
    d.save(path)


def test_docx_automatic_numbering(tmp_path):
    p = tmp_path / "numbered.docx"
    _numbered_docx(p)
    texts = [b.text for b in read(p).blocks]
    assert "一、全面提升行政执法人员能力素质" in texts
    assert "（一）着力提高政治能力" in texts and "（一）大力推进行政执法协作" in texts
    assert "2.加强基层行政执法单位党组织建设。（责任单位：各行政执法部门）" in texts
    assert "1.2024年6月底前完成全员轮训。（责任单位：区司法局）" in texts
    plan = planparse.extract(p)
    assert [t.label for t in plan.tasks] == ["1.", "2.", "1.", "1."]
    assert [t.heading for t in plan.tasks] == ["着力提高政治能力", "着力提高政治能力", "大力提升业务能力", "大力推进行政执法协作"]
    assert plan.tasks[3].responsible_units == ["区公安分局"]
    assert plan.tasks[2].inline_deadlines[0]["date"] == "2024-06-30"


def test_pdf_page_furniture_is_dropped():
    doc = read(SAMPLES / "datong.pdf")
    texts = [b.text for b in doc.blocks if b.kind == "para"]
    assert doc.pages and doc.pages > 3
    assert not any(t.startswith("—") and t.endswith("—") for t in texts)
    assert "大通区人民政府办公室文件" not in texts
    # a paragraph broken over two pages is one paragraph again
    assert all(b.pos.page for b in doc.blocks)


def test_pdf_ledger_over_pages_is_one_table_without_header_repeats():
    plan = planparse.extract(SAMPLES / "qinzhou.pdf")
    assert len(plan.tasks) == 52
    assert not any(t.text in ("任务举措", "重点任务") for t in plan.tasks)
    pages = {t.source.page for t in plan.tasks}
    assert len(pages) > 5


def test_docx_vertical_merges_are_resolved():
    doc = read(SAMPLES / "hongqiao.docx")
    rows = [b for b in doc.blocks if b.kind == "row"]
    assert rows[0].cells[:3] == ["序号", "任务分类", "一级任务"]
    # the merged 任务分类 cell carries its value into every row it spans
    assert rows[2].cells[1] == rows[1].cells[1] == "一、全面提升行政执法人员能力素质"
    assert all(r.merge_known for r in rows)


def test_xlsx_merged_cells_and_title_row():
    doc = read(SAMPLES / "qinzhou.xlsx")
    assert doc.blocks[0].kind == "para" and "重点任务清单" in doc.blocks[0].text
    rows = [b for b in doc.blocks if b.kind == "row"]
    assert rows[1].cells[0] == rows[2].cells[0] == "一、全面提升行政执法人员能力素质"


def test_html_keeps_the_article_only():
    texts = [b.text for b in read(SAMPLES / "hebei.html").blocks]
    assert not any("ICP" in t or "首页" in t or "相关文件" in t or "分享到" in t for t in texts)
    assert any(t.startswith("17.加大财政支持保障力度") for t in texts)


@pytest.mark.parametrize("slug,line", [("hongqiao", 80), ("datong", 29)])
def test_source_positions(slug, line):
    plan = planparse.extract(SAMPLES / f"{slug}.txt")
    assert plan.tasks[0].source.line == line


def test_radical_code_points_read_as_characters():
    """Chromium's PDFs put Kangxi / supplement radicals in the text layer (⼈⺠政府, ⾏政, (⼆))."""
    from planparse.blocks import clean
    assert clean("⼈⺠政府⾏政执法部⻔（⼆）⻓期坚持") == "人民政府行政执法部门（二）长期坚持"
    plan = planparse.extract(SAMPLES / "hongqiao.pdf")       # printed by Chromium
    assert len(plan.tasks) == 87
    text = "".join(t.full_text + "".join(t.units) for t in plan.tasks)
    assert not any(0x2E80 <= ord(ch) <= 0x2FDF for ch in text)
    assert plan.tasks[0].heading == "着力提高政治能力"
