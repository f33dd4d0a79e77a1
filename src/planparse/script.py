"""Traditional characters (繁体): a copy of a plan in traditional script is read as simplified.

Detection counts characters that only the traditional script uses; conversion is OpenCC's t2s
table (opencc-python-reimplemented, pure Python), loaded only when needed."""
from __future__ import annotations

from functools import lru_cache

from .blocks import Block

# frequent in these plans and never simplified: 於 為 執 關 區 國 發 辦 實 務 …
_TRAD = set("於為執關區國發辦實務與單門員責監督質計劃規範會體從機構黨們這時間決條輔導數據進聯總結對應")
_TRAD -= set("监督计规范")   # shared by both scripts


def looks_traditional(text: str, min_share: float = 0.02) -> bool:
    cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    if cjk < 20:
        return False
    trad = sum(1 for ch in text if ch in _TRAD)
    return trad / cjk >= min_share


@lru_cache(maxsize=1)
def _converter():
    from opencc import OpenCC
    return OpenCC("t2s")


def to_simplified(text: str) -> str:
    return _converter().convert(text) if text else text


def simplify(blocks):
    """The blocks in simplified script where the document is written in traditional script."""
    sample = "".join(b.text for b in blocks[:400])
    if not looks_traditional(sample):
        return blocks, False
    out = []
    for b in blocks:
        nb = Block(b.kind, to_simplified(b.text), [to_simplified(c) for c in b.cells], b.pos, b.merge_known)
        out.append(nb)
    return out, True
