"""Readers: one module per container, each turning a file into a :class:`Document`.

`read(path)` checks the file exists and is not empty, sniffs what it really is (a .docx that is
HTML, a .txt that is binary), and dispatches. Heavy libraries are imported by the reader that
needs them, never here.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import PlanparseError

if TYPE_CHECKING:
    from ..blocks import Document

SUPPORTED = (".txt", ".text", ".csv", ".tsv", ".docx", ".pdf", ".html", ".htm", ".xhtml", ".xlsx",
             ".doc", ".wps", ".xls")


def sniff(head: bytes) -> str | None:
    """What the first bytes say a file is, whatever its name."""
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "ole"           # .doc / .xls / .wps
    if head.startswith(b"{\\rtf"):
        return "rtf"
    for magic, name in ((b"\x89PNG", "PNG"), (b"\xff\xd8\xff", "JPEG"), (b"GIF8", "GIF"),
                        (b"II*\x00", "TIFF"), (b"MM\x00*", "TIFF")):
        if head.startswith(magic):
            return "image:" + name
    low = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if low.startswith((b"<!doctype html", b"<html", b"<?xml", b"<head", b"<meta", b"<body")):
        return "html"
    return None


def read(path) -> "Document":
    path = Path(path)
    if not path.exists():
        raise PlanparseError(path, "no such file")
    if path.is_dir():
        raise PlanparseError(path, "is a directory, not a document")
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            head = fh.read(512)
    except OSError as e:
        raise PlanparseError(path, f"cannot be read ({e.strerror or e})") from None
    if size == 0:
        raise PlanparseError(path, "is empty (0 bytes)")
    ext = path.suffix.lower()
    kind = sniff(head)
    if ext not in SUPPORTED:
        raise PlanparseError(path, f"unsupported file type '{ext or path.name}' "
                                   "(supported: .txt .docx .pdf .html .xlsx .doc)")
    if kind and kind.startswith("image:"):
        raise PlanparseError(path, f"is a {kind[6:]} image, not a text document (scans need OCR first)")
    if kind == "pdf":
        from . import pdf
        return pdf.read(path)
    if ext == ".pdf":
        raise PlanparseError(path, "is not a PDF (no %PDF header)")
    if kind == "html" or (ext in (".html", ".htm", ".xhtml") and kind is None):
        from . import html
        return html.read(path)
    if kind == "rtf":
        from . import office
        return office.read(path, "rtf")
    if ext == ".docx":
        if kind != "zip":
            if kind == "ole":
                from . import office
                return office.read(path, "doc")
            raise PlanparseError(path, "is not a Word .docx file (not a zip package)")
        from . import docx
        return docx.read(path)
    if ext == ".xlsx":
        if kind != "zip":
            raise PlanparseError(path, "is not an Excel .xlsx file (not a zip package)")
        from . import xlsx
        return xlsx.read(path)
    if ext in (".doc", ".wps", ".xls"):
        if kind == "zip":   # a .docx saved with the old extension
            from . import docx
            return docx.read(path)
        from . import office
        return office.read(path, ext.lstrip("."))
    from . import text
    return text.read(path)
