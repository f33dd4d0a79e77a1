"""Numbering labels (一、 （一） 1. （1） ①) from rules/numbering.toml."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import rules


@dataclass(frozen=True)
class Label:
    kind: str       # rule name, e.g. "cn_paren"
    rank: int       # position of the rule in numbering.toml (outermost first)
    label: str      # the label as written: "（一）"
    rest: str       # the text after it


@lru_cache(maxsize=1)
def _kinds():
    return [(k["name"], i, re.compile(k["pattern"])) for i, k in enumerate(rules.load("numbering")["kind"])]


def match(text: str) -> Label | None:
    for name, rank, rx in _kinds():
        m = rx.match(text)
        if m:
            rest = text[m.end():].strip()
            # "1.5倍" is a number, "1.2024年6月底前…" a label before a date
            if name == "num_dot" and re.match(r"^\d+(?![\d年月日])", rest):
                continue
            return Label(name, rank, m.group(1).strip(), rest)
    return None


def strip(text: str) -> tuple[str, str]:
    """('（一）', '着力提高政治能力') from '（一）着力提高政治能力'; ('', text) without a label."""
    m = match(text or "")
    return (m.label, m.rest) if m else ("", (text or "").strip())


def title_of(rest: str, limit: int = 30) -> str:
    """The title sentence that opens an item ('着力提高政治能力。行政执法部门…' → '着力提高政治能力'),
    or the whole text when it is a short heading line; '' when the item opens with prose."""
    rest = rest.strip()
    m = re.match(r"^([^。；;，,：:！？!?]{2,%d})[。；;：:！？!?]" % limit, rest)
    if m:
        return m.group(1).strip()
    if len(rest) <= limit and not re.search(r"[，,。]", rest):
        return rest.rstrip("。")
    return ""


@lru_cache(maxsize=1)
def section_rules():
    s = rules.load("numbering")["sections"]
    return tuple(s["non_task"]), re.compile(s["attachment"])
