"""Quantities in task text: 60学时, 20学时和40学时, 2次, 5%, with their bound (不少于 → min)."""
from __future__ import annotations

import re
import unicodedata

from .cnnum import to_int

_UNITS = "学时|课时|小时|次|%|个百分点|个|项|人次|人|天|日|场|期|批|件|家|名|轮"
_Q = re.compile(rf"(?P<bound>不少于|不低于|至少|不超过|不高于|达到|超过|以上)?\s*"
                rf"(?P<v>\d+(?:\.\d+)?|[一二两三四五六七八九十百]+)\s*(?P<u>{_UNITS})"
                rf"(?P<after>以上|以下|以内)?")
_BOUND = {"不少于": "min", "不低于": "min", "至少": "min", "达到": "min", "超过": "min",
          "以上": "min", "不超过": "max", "不高于": "max", "以下": "max", "以内": "max"}


def find(text: str):
    s = unicodedata.normalize("NFKC", text or "")
    out = []
    for m in _Q.finditer(s):
        v = m.group("v")
        val = float(v) if v[0].isdigit() else to_int(v)
        if val is None or (not v[0].isdigit() and m.group("u") in ("个", "项", "名")):
            continue                      # 两个确立, 三项制度: names, not quantities
        # a year ("2024年") or a clause number is no quantity
        if m.group("u") in ("日", "天") and re.match(r"\d{1,2}$", v) and "月" in s[max(0, m.start() - 3):m.start()]:
            continue
        bound = _BOUND.get(m.group("bound") or m.group("after") or "")
        out.append({"raw": m.group(0).strip(), "value": int(val) if float(val).is_integer() else val,
                    "unit": m.group("u"), "bound": bound})
    return out
