"""Responsible units (牵头 / 责任 / 配合单位): split a unit list as the plan writes it.

Units are kept as written (区卫健委 stays 区卫健委); `canonical()` maps spellings of one unit to
one name for matching (rules/units.toml). Parentheses belong to the unit before them
(市发展改革委（市大数据发展局）), and a fragment that is no unit on its own joins the next one
(各县、区人民政府 is one unit).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .. import rules

_SEP = "、，,；;\n"
# inline forms: （责任单位：区司法局，各行政执法部门） and line forms 牵头单位：…
ROLE_WORDS = {"lead": ("牵头单位", "牵头部门"),
              "resp": ("责任单位", "责任部门", "主体单位", "实施单位"),
              "coop": ("配合单位", "配合部门", "协同单位", "参与单位")}
_ROLE_ALT = "|".join(w for ws in ROLE_WORDS.values() for w in ws)
INLINE = re.compile(rf"[（(]\s*(?P<role>{_ROLE_ALT})\s*[:：]\s*(?P<units>[^（）()]*(?:[（(][^（）()]*[）)][^（）()]*)*)[）)]")
LINE = re.compile(rf"^\s*(?P<role>{_ROLE_ALT})\s*[:：]\s*(?P<units>.*)$")


# a unit written without its own name ("区人民政府" after "各县、"): it shares the name before it
_GENERIC = re.compile(r"^(区|县|市|乡|镇|街道|乡镇|旗)(人民政府|政府|管委会?|办事处)")


def role_of(word: str) -> str:
    for role, words in ROLE_WORDS.items():
        if word in words:
            return role
    return "resp"


@lru_cache(maxsize=1)
def _rules():
    r = rules.load("units")
    sfx = tuple(sorted(r["suffixes"], key=len, reverse=True))
    ends = [re.compile(e) for e in r["ends"]]
    alias = {}
    for canon, names in r["aliases"].items():
        alias[_key(canon)] = canon
        for n in names:
            alias[_key(n)] = canon
    return sfx, ends, alias


def _key(u: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", u))


def is_unit(frag: str) -> bool:
    frag = re.sub(r"[（(][^）)]*[）)]$", "", frag.strip())
    if not frag or len(frag) > 30 or re.search(r"[。：:]", frag):
        return False
    return frag.endswith(_rules()[0])


def split(text: str) -> list[str]:
    """'区司法局、区财政局等单位按职责分工负责' → ['区司法局', '区财政局']."""
    text = (text or "").strip().strip("。；;，,")
    if not text:
        return []
    _, ends, _ = _rules()
    for e in ends:
        text = e.sub("", text).strip()
    frags, buf, depth = [], "", 0
    for ch in text:
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(0, depth - 1)
        if ch in _SEP and depth == 0:
            frags.append(buf)
            buf = ""
        else:
            buf += ch
    frags.append(buf)
    frags = [f.strip() for f in frags if f.strip()]
    out, pending = [], ""
    for i, f in enumerate(frags):
        if pending:
            f = pending + "、" + f
            pending = ""
        # "各县" before "区人民政府": a fragment that is no unit joins the next one
        nxt = frags[i + 1] if i + 1 < len(frags) else ""
        if len(f) <= 4 and (not is_unit(f) or _GENERIC.match(nxt)) and is_unit(nxt):
            pending = f
            continue
        out.append(f)
    if pending:
        out.append(pending)
    return [u[:-1] if u.endswith("等") and len(u) > 2 else u for u in out]


def canonical(unit: str) -> str:
    k = _key(unit)
    k = re.sub(r"等$", "", k)
    return _rules()[2].get(k, k)


def looks_like(cell: str) -> bool:
    """Whether a ledger cell reads as a list of units (for aligning cells to columns)."""
    parts = split(cell)
    if not parts:
        return False
    ok = sum(1 for p in parts if is_unit(p))
    return ok / len(parts) >= 0.6 and max(len(p) for p in parts) <= 30
