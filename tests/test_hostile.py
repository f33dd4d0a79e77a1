"""Hostile and broken input: crafted attacks and odd encodings, each with its expected outcome,
and a short fuzz run (the long one is scripts/fuzz.py)."""
import random
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import planparse
from conftest import SAMPLES, run_cli

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import fuzzlib  # noqa: E402


def _one_line_exit_2(path, *words):
    r = run_cli("extract", path, "-f", "json")
    assert r.returncode == 2, r.stdout[:200] + r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in r.stderr, r.stderr
    for w in words:
        assert w.lower() in lines[0].lower(), lines[0]
    return lines[0]


def test_zip_bomb(tmp_path):
    """A .docx whose document.xml unpacks to 400 MB of zeros."""
    p = tmp_path / "bomb.docx"
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as fh:
            chunk = b"\0" * (1 << 20)
            for _ in range(400):
                fh.write(chunk)
    assert p.stat().st_size < 2 * 1024 * 1024
    _one_line_exit_2(p, "zip bomb")


def test_billion_laughs(tmp_path):
    src = zipfile.ZipFile(SAMPLES / "hongqiao.docx")
    laughs = (b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
              + b"".join(b'<!ENTITY lol%d "%s">' % (i, b"&lol%d;" % (i - 1) * 10 if i > 1 else b"&lol;" * 10)
                         for i in range(1, 10))
              + b']>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
              + b"<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>")
    p = tmp_path / "laughs.docx"
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as z:
        for i in src.infolist():
            z.writestr(i.filename, laughs if i.filename == "word/document.xml" else src.read(i))
    _one_line_exit_2(p, "entit")


def test_external_entity(tmp_path):
    src = zipfile.ZipFile(SAMPLES / "qinzhou.xlsx")
    sheet = src.read("xl/worksheets/sheet1.xml")
    body = sheet.split(b"?>", 1)[1] if sheet.startswith(b"<?xml") else sheet
    xxe = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
           + body.replace("牵头单位".encode(), b"&xxe;", 1))
    p = tmp_path / "xxe.xlsx"
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as z:
        for i in src.infolist():
            z.writestr(i.filename, xxe if i.filename.endswith("sheet1.xml") else src.read(i))
    line = _one_line_exit_2(p, "entit")
    assert "root:" not in line


def test_gb18030_text(tmp_path):
    p = tmp_path / "datong-gbk.txt"
    p.write_bytes((SAMPLES / "datong.txt").read_text(encoding="utf-8").encode("gb18030"))
    plan = planparse.extract(p)
    assert len(plan.tasks) == 48 and plan.meta.region == "安徽省淮南市大通区"


@pytest.mark.parametrize("enc", ["utf-16", "utf-16-le", "utf-8-sig"])
def test_utf16_and_bom_text(tmp_path, enc):
    p = tmp_path / f"hebei-{enc}.txt"
    p.write_bytes((SAMPLES / "hebei.txt").read_text(encoding="utf-8").encode(enc))
    assert len(planparse.extract(p).tasks) == 20


def test_zero_width_spaces(tmp_path):
    text = (SAMPLES / "qinzhou.txt").read_text(encoding="utf-8")
    riddled = "".join(ch + ("\u200b" if i % 3 == 0 else "") for i, ch in enumerate(text) if ch != "\t") \
        if False else text.replace("。", "。\u200b").replace("单位", "单\u200b位").replace("年", "\u200b年\ufeff")
    p = tmp_path / "zw.txt"
    p.write_text(riddled, encoding="utf-8")
    plan = planparse.extract(p)
    assert len(plan.tasks) == 52
    assert not any("\u200b" in t.text or "\u200b" in "".join(t.units) for t in plan.tasks)
    assert plan.tasks[3].deadline.date == "2024-05-31"


def test_traditional_characters(tmp_path):
    from opencc import OpenCC
    trad = OpenCC("s2t").convert((SAMPLES / "datong.txt").read_text(encoding="utf-8"))
    assert "實施方案" in trad
    p = tmp_path / "datong-trad.txt"
    p.write_text(trad, encoding="utf-8")
    plan = planparse.extract(p)
    assert len(plan.tasks) == 48
    assert plan.meta.implements_national_plan and "国办发〔2023〕27号" in plan.meta.basis
    assert plan.tasks[9].deadline.date == "2024-08-31"
    assert "全区行政执法部门" in plan.tasks[0].units


def test_docx_that_is_html(tmp_path):
    p = tmp_path / "saved-from-web.docx"
    p.write_bytes((SAMPLES / "hebei.html").read_bytes())
    assert len(planparse.extract(p).tasks) == 20


def test_pdf_that_is_an_image(tmp_path):
    from PIL import Image
    p = tmp_path / "scan.pdf"
    Image.new("RGB", (200, 300), "white").save(p, "PNG")
    _one_line_exit_2(p, "PNG image", "OCR")


def test_pdf_page_limit(tmp_path):
    r = run_cli("extract", SAMPLES / "datong.pdf", env={"PLANPARSE_MAX_PAGES": "2"})
    assert r.returncode == 2 and "too many pages" in r.stderr


def test_file_size_limit(tmp_path):
    r = run_cli("extract", SAMPLES / "qinzhou.pdf", env={"PLANPARSE_MAX_FILE_MB": "0"})
    assert r.returncode == 2 and "too large" in r.stderr


def test_time_limit_stops_a_hung_parser():
    """A parser stuck in a loop (here: a busy loop that swallows ordinary exceptions) is stopped."""
    import time
    from planparse.errors import PlanparseError
    from planparse.limits import time_limit
    t0 = time.perf_counter()
    with pytest.raises(PlanparseError, match="timed out after 1s"):
        with time_limit("stuck.pdf", 1):
            while time.perf_counter() - t0 < 30:
                try:
                    time.sleep(0.01)
                except Exception:       # what pdfminer does with errors it meets
                    pass
    assert time.perf_counter() - t0 < 10


def test_deep_html(tmp_path):
    p = tmp_path / "deep.html"
    p.write_text("<html><body>" + "<div>" * 20000 + "一、总体要求<p>（一）加强组织领导。内容。</p>" + "</div>" * 20000
                 + "</body></html>", encoding="utf-8")
    r = run_cli("extract", p, "-f", "json")
    assert r.returncode in (0, 2) and "Traceback" not in r.stderr


# --- the layers, fed anything ------------------------------------------------------------------

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TEXTY = st.text(alphabet=st.sampled_from(list("一二三四五六七八九十（）()、.．年月日底前中旬长期坚持区司法局，。；\t\n 0123456789附件序号责任单位完成时限")),
                max_size=400)


@FAST
@given(TEXTY)
def test_text_layers_never_crash(s):
    from planparse.blocks import Document
    from planparse.errors import NotAPlan
    from planparse.fields import deadlines, quantities, units
    from planparse.pipeline import from_document
    from planparse.readers import text
    d = deadlines.parse(s)
    assert d.kind in ("date", "ongoing", "per_superior", "none", "unknown")
    if d.date:
        assert len(d.date) == 10 and d.date[4] == "-"
    assert all(isinstance(u, str) and u for u in units.split(s))
    quantities.find(s)
    blocks = list(text.parse(s))
    try:
        plan = from_document(Document("x.txt", "txt", blocks))
        assert all(t.id.startswith("T") for t in plan.tasks)
    except NotAPlan:
        pass


@FAST
@given(st.lists(st.text(max_size=30), min_size=1, max_size=9),
       st.lists(st.sampled_from(["seq", "group", "task", "measure", "lead", "resp", "coop", "deadline", "extra"]),
                min_size=1, max_size=8))
def test_ledger_alignment_places_every_cell(cells, roles):
    from planparse.structure import ledger
    placed = ledger.align(roles, cells)
    assert all(0 <= j < len(roles) for j in placed)
    assert sum(len(v) for v in placed.values()) <= len(cells)


def test_short_fuzz_run(tmp_path):
    """A few hundred mutated samples through every reader: no exception but PlanparseError."""
    counts = {}
    for k in range(240):
        seed = fuzzlib.seeds()[k % len(fuzzlib.seeds())]
        p = tmp_path / f"m{k}{seed.suffix}"
        p.write_bytes(fuzzlib.mutate(seed, random.Random(10_000 + k)))
        outcome, secs, detail = fuzzlib.run_one(p, timeout=20)
        assert outcome != "crash", f"{p.name} from {seed.name}:\n{detail}"
        counts[outcome] = counts.get(outcome, 0) + 1
        p.unlink()
    assert counts.get("ok", 0) > 0 and counts.get("clean", 0) > 0


@pytest.mark.skipif(not __import__("shutil").which("soffice"), reason="LibreOffice (soffice) not installed")
def test_doc_through_libreoffice(tmp_path):
    """A .doc made by LibreOffice from the .docx render reads like the .docx."""
    import shutil
    import subprocess
    exe = shutil.which("soffice")
    env = ["-env:UserInstallation=file://" + str(tmp_path / "lo")]
    subprocess.run([exe, "--headless", *env, "--convert-to", "odt", "--outdir", str(tmp_path),
                    str(SAMPLES / "hongqiao.docx")], check=True, capture_output=True, timeout=180)
    subprocess.run([exe, "--headless", *env, "--convert-to", "doc:MS Word 97", "--outdir", str(tmp_path),
                    str(tmp_path / "hongqiao.odt")], check=True, capture_output=True, timeout=180)
    plan = planparse.extract(tmp_path / "hongqiao.doc")
    assert plan.container == "doc" and len(plan.tasks) == 87
    assert plan.tasks[0].units == ["各行政执法部门", "各街道"]


@pytest.mark.parametrize("seed,k", [("hongqiao.docx", 6330)])
def test_inputs_the_long_fuzz_run_found(tmp_path, seed, k):
    """Inputs that once crashed a reader (a numbering part of the wrong type in a .docx)."""
    p = tmp_path / f"found{Path(seed).suffix}"
    p.write_bytes(fuzzlib.mutate(SAMPLES / seed, random.Random(k)))
    outcome, _, detail = fuzzlib.run_one(p)
    assert outcome in ("ok", "clean"), detail


def test_unreadable_zip_directory(tmp_path):
    """A zip whose central directory claims a version zipfile cannot read is a corrupt file."""
    data = bytearray((SAMPLES / "hongqiao.docx").read_bytes())
    i = data.rfind(b"PK\x05\x06")                 # end of central directory
    cd = int.from_bytes(data[i + 16:i + 20], "little")
    data[cd + 6] = 130                            # "version needed to extract": 13.0
    p = tmp_path / "v13.docx"
    p.write_bytes(bytes(data))
    _one_line_exit_2(p, "corrupt")
