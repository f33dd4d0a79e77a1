"""Deadlines: normalise a deadline cell or line, and find the dates written inside task text.

A deadline is a kind (date / ongoing / per_superior / none / unknown), the last calendar day it
names, whether it also goes on (…前完成并长期推进, 每年…), and all its dates when it names several
(9月底前完成中期评估，2025年9月底前完成终期评估). Phrase lists live in rules/deadlines.toml.
"""
from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from .. import rules
from .cnnum import arabic_dates

_DATE = re.compile(
    r"(?P<recur>每年|每季度|每月|年年)?"
    r"(?:(?P<y>(?:19|20)\d{2})\s*年\s*(?:度)?)"
    r"(?:(?P<m>1[0-2]|0?[1-9])\s*月\s*(?:份)?"
    r"(?:(?P<d>3[01]|[12]\d|0?[1-9])\s*[日号]|(?P<mpart>底|末|上旬|中旬|下旬|初|中|前))?"
    r"|(?P<ypart>底|末|年底|年末|上半年|下半年|前|内|第?[一二三四1-4]季度)?)"
    r"(?P<tail>(?:以?前|之前|前后|以内)?)")
# a month (and day) with no year, read with the year of the date before it
_MONTH_ONLY = re.compile(
    r"(?P<recur>每年|年年)?(?<![\d年])(?P<m>1[0-2]|0?[1-9])\s*月\s*(?:份)?"
    r"(?:(?P<d>3[01]|[12]\d|0?[1-9])\s*[日号]|(?P<mpart>底|末|上旬|中旬|下旬|初|中))?"
    r"(?P<tail>(?:以?前|之前)?)")
_RECUR = re.compile(r"每年|每季度|每月|每半年|年年|逐年")


@dataclass
class Deadline:
    raw: str = ""
    kind: str = "none"
    date: str | None = None
    ongoing: bool = False
    milestones: list[str] = field(default_factory=list)

    def as_dict(self):
        return {"raw": self.raw, "kind": self.kind, "date": self.date, "ongoing": self.ongoing,
                "milestones": list(self.milestones)}


@lru_cache(maxsize=1)
def _phrases():
    r = rules.load("deadlines")
    return tuple(r["ongoing"]), tuple(r["per_superior"]), dict(r["parts"])


def _prep(text: str) -> str:
    return arabic_dates(unicodedata.normalize("NFKC", text or ""))


def _day(y, m, d=None, mpart=None, ypart=None):
    if m is None:
        ypart = ypart or ""
        if "上半年" in ypart:
            return f"{y:04d}-06-30"
        q = re.search(r"([一二三四1-4])季度", ypart)
        if q:
            qm = {"一": 3, "二": 6, "三": 9, "四": 12}.get(q.group(1)) or int(q.group(1)) * 3
            return f"{y:04d}-{qm:02d}-{calendar.monthrange(y, qm)[1]:02d}"
        return f"{y:04d}-12-31"
    last = calendar.monthrange(y, m)[1]
    if d is not None:
        return f"{y:04d}-{m:02d}-{min(d, last):02d}"
    parts = _phrases()[2]
    if mpart in parts:
        return f"{y:04d}-{m:02d}-{parts[mpart]:02d}"
    return f"{y:04d}-{m:02d}-{last:02d}"    # 底 末 下旬 中? or no part: the month's last day


def find_dates(text: str):
    """Every calendar date in `text`: [(raw, iso, recurring)], in order of appearance."""
    s = _prep(text)
    out, taken = [], []
    for m in _DATE.finditer(s):
        y = int(m.group("y"))
        mo = int(m.group("m")) if m.group("m") else None
        d = int(m.group("d")) if m.group("d") else None
        iso = _day(y, mo, d, m.group("mpart"), m.group("ypart"))
        raw = m.group(0)[len(m.group("recur") or ""):]
        out.append((m.start(), raw, iso, bool(m.group("recur"))))
        taken.append((m.start(), m.end()))
    # months written without their year ("2024年9月底前…，12月底前…") borrow the previous year
    if out:
        for m in _MONTH_ONLY.finditer(s):
            if any(a <= m.start() < b for a, b in taken):
                continue
            prev = [o for o in out if o[0] < m.start()]
            if not prev:
                continue
            y = int(prev[-1][2][:4])
            iso = _day(y, int(m.group("m")), int(m.group("d")) if m.group("d") else None,
                       m.group("mpart"))
            out.append((m.start(), m.group(0)[len(m.group("recur") or ""):], iso,
                        bool(m.group("recur"))))
    out.sort(key=lambda o: o[0])
    return [(raw, iso, recur) for _, raw, iso, recur in out]


def parse(raw: str | None) -> Deadline:
    """Normalise a deadline field (完成时限 cell or line)."""
    raw = (raw or "").strip()
    if not raw:
        return Deadline()
    ongoing_words, superior_words, _ = _phrases()
    s = _prep(raw)
    dates = find_dates(raw)
    fixed = [iso for _, iso, recur in dates if not recur]
    recurring = bool(_RECUR.search(s)) or any(recur for *_, recur in dates)
    ongoing = recurring or any(w in s for w in ongoing_words)
    if fixed:
        ms = sorted(set(fixed))
        return Deadline(raw, "date", ms[-1], ongoing, ms if len(ms) > 1 else [])
    if any(w in s for w in superior_words) or re.search(r"(按|根据|按照).{0,8}(部署|要求)", s):
        return Deadline(raw, "per_superior", None, ongoing and not recurring)
    if ongoing:
        return Deadline(raw, "ongoing", None, True)
    return Deadline(raw, "unknown")


def inline(text: str):
    """Dates written inside a task's text: [{"raw": "2024年6月底前", "date": "2024-06-30"}]."""
    seen, out = set(), []
    for raw, iso, recur in find_dates(text):
        if recur:
            continue
        key = (raw, iso)
        if key not in seen:
            seen.add(key)
            out.append({"raw": raw, "date": iso})
    return out


def looks_like(cell: str) -> bool:
    """Whether a ledger cell reads as a deadline (for aligning cells to columns)."""
    cell = (cell or "").strip()
    if not cell or len(cell) > 60:
        return False
    d = parse(cell)
    if d.kind == "unknown":
        return False
    if d.kind == "date":
        # a task sentence that merely contains a date is not a deadline cell
        return len(cell) <= 40 and not re.search(r"[，,；;。].{12,}", cell)
    return len(cell) <= 20
