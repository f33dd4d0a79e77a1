"""The block stream every reader yields: paragraphs and table rows in document order.

Positions are 1-based and only the ones a container has are set: a .txt knows lines, a .docx
paragraphs and table rows, a .pdf pages. `merge_known` tells the structure layer whether blank
cells are real blanks (the reader resolved merges itself) or may hide a vertical merge.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

# a space between two CJK characters is an artefact of PDF text or of justified Word text
_CJK = r"\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
_CJK_SPACE = re.compile(rf"(?<=[{_CJK}])[ \t\u00a0\u3000]+(?=[{_CJK}])")
_ZW = re.compile(r"[\u200b-\u200f\u2060\ufeff]|\[bookmark: [^\]]*\]")


@lru_cache(maxsize=1)
def _radicals():
    """Radical code points a PDF text layer uses for ordinary characters (⼈ ⾏ ⺠ ⻔ …)."""
    import unicodedata

    from . import rules
    table = {cp: unicodedata.normalize("NFKC", chr(cp)) for cp in range(0x2F00, 0x2FD6)}
    table.update({ord(k): v for k, v in rules.load("radicals")["map"].items()})
    return table


_RADICAL = re.compile(r"[\u2e80-\u2eff\u2f00-\u2fdf]")


def clean(text: str) -> str:
    """Normalise one paragraph or cell: no zero-width characters, no radicals standing for
    characters, no spaces inside CJK runs."""
    if not text:
        return ""
    text = _ZW.sub("", text).replace("\r", "")
    if _RADICAL.search(text):
        text = text.translate(_radicals())
    text = _CJK_SPACE.sub("", text)
    return text.strip(" \t\u00a0\u3000")


@dataclass
class Pos:
    line: int | None = None
    para: int | None = None
    table: int | None = None
    row: int | None = None
    page: int | None = None

    def as_dict(self):
        return {"line": self.line, "para": self.para, "table": self.table, "row": self.row,
                "page": self.page}


@dataclass
class Block:
    kind: str                      # "para" or "row"
    text: str = ""                 # paragraph text; for rows the cells joined by tabs
    cells: list[str] = field(default_factory=list)
    pos: Pos = field(default_factory=Pos)
    merge_known: bool = False      # rows only: blank cells are real blanks

    @classmethod
    def para(cls, text, **pos):
        return cls("para", clean(text), pos=Pos(**pos))

    @classmethod
    def row(cls, cells, merge_known=False, **pos):
        cells = [clean(c or "") for c in cells]
        return cls("row", "\t".join(cells), cells, Pos(**pos), merge_known)


@dataclass
class Document:
    """What a reader returns: the blocks plus what it knows of the container."""
    path: str
    container: str
    blocks: list[Block]
    pages: int | None = None
