"""Every kind of bad input: one line on stderr naming the file and the reason, exit status 2, no
traceback, and no output file left behind."""
import io
import zipfile

import pytest

from conftest import SAMPLES, run_cli


def _encrypted_pdf(path):
    pypdf = pytest.importorskip("pypdf")
    r = pypdf.PdfReader(str(SAMPLES / "datong.pdf"))
    w = pypdf.PdfWriter()
    w.add_page(r.pages[0])
    w.encrypt(user_password="secret", owner_password="owner")
    with open(path, "wb") as fh:
        w.write(fh)


def _scanned_pdf(path):
    from PIL import Image, ImageDraw
    im = Image.new("RGB", (600, 800), "white")
    ImageDraw.Draw(im).rectangle((50, 50, 550, 120), fill="black")
    im.save(path, "PDF")


def _letter(path):
    path.write_text("关于召开座谈会的通知\n各有关单位：\n定于下周三召开座谈会，请准时参加。\n特此通知。\n", encoding="utf-8")


def _junk(path):
    import random
    rnd = random.Random(7)
    path.write_bytes(bytes(rnd.randrange(256) for _ in range(4000)))


def _corrupt_zip(path):
    data = (SAMPLES / "hongqiao.docx").read_bytes()
    path.write_bytes(data[:len(data) // 3])


def _fake_docx_zip(path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hello.txt", "not a word document")
    path.write_bytes(buf.getvalue())


def _truncated_pdf(path):
    data = (SAMPLES / "datong.pdf").read_bytes()
    path.write_bytes(data[:len(data) // 2])


CASES = [
    # name, maker, expected words in the message
    ("missing.txt", None, "no such file"),
    ("a-directory", "dir", "directory"),
    ("empty.txt", lambda p: p.write_bytes(b""), "empty"),
    ("zero.docx", lambda p: p.write_bytes(b""), "empty"),
    ("corrupt.docx", _corrupt_zip, "corrupt"),
    ("notword.docx", _fake_docx_zip, "corrupt"),
    ("truncated.pdf", _truncated_pdf, "PDF"),
    ("encrypted.pdf", _encrypted_pdf, "encrypted"),
    ("scanned.pdf", _scanned_pdf, "scanned"),
    ("junk.txt", _junk, "binary"),
    ("slides.pptx", lambda p: p.write_bytes(b"PK\x03\x04junk"), "unsupported"),
    ("letter.txt", _letter, "not an implementation plan"),
    ("fake.pdf", lambda p: p.write_text("hello", encoding="utf-8"), "not a PDF"),
]


@pytest.mark.parametrize("name,maker,words", CASES, ids=[c[0] for c in CASES])
def test_bad_input(tmp_path, name, maker, words):
    path = tmp_path / name
    if maker == "dir":
        path.mkdir()
    elif maker:
        maker(path)
    out = tmp_path / "out.json"
    r = run_cli("extract", path, "--format", "json", "-o", out)
    assert r.returncode == 2, r.stdout + r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert "Traceback" not in r.stderr
    assert words.lower() in lines[0].lower(), lines[0]
    assert name in lines[0] or "missing" in name
    assert r.stdout == ""
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.json")]


def test_doc_without_libreoffice_says_so(tmp_path):
    import shutil
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 600)
    r = run_cli("extract", path, env={"PATH": str(tmp_path)} if not shutil.which("true") else
                {"PATH": "/nonexistent"})
    assert r.returncode == 2
    assert "LibreOffice" in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_unknown_sample_name():
    r = run_cli("extract", "nowhere-district")
    assert r.returncode == 2 and "no such file" in r.stderr


def test_debug_shows_traceback(tmp_path):
    path = tmp_path / "letter.txt"
    _letter(path)
    r = run_cli("--debug", "extract", path)
    assert r.returncode != 0 and "Traceback" in r.stderr
