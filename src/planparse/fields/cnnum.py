"""Chinese numerals as they appear in dates and numbering: 二〇二四, 十二, 三十一, 一百零五."""
import re

DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
          "六": 6, "七": 7, "八": 8, "九": 9}
UNITS = {"十": 10, "百": 100}
CN = "〇零○Ｏ一二两三四五六七八九十百"


def to_int(s: str) -> int | None:
    """'二〇二四' → 2024 (digit by digit), '十二' → 12, '三十一' → 31, '一百零五' → 105."""
    if not s or any(ch not in DIGITS and ch not in UNITS for ch in s):
        return None
    if not any(ch in UNITS for ch in s):
        return int("".join(str(DIGITS[ch]) for ch in s))
    total, cur = 0, 0
    for ch in s:
        if ch in DIGITS:
            cur = DIGITS[ch]
        else:
            total += (cur or 1) * UNITS[ch]
            cur = 0
    return total + cur


_DATE_PART = re.compile(rf"([{CN}]+)(?=[年月日号])")


def arabic_dates(text: str) -> str:
    """Rewrite Chinese numerals standing before 年/月/日 as Arabic digits (二〇二四年 → 2024年)."""
    def sub(m):
        v = to_int(m.group(1))
        return m.group(1) if v is None else str(v)
    return _DATE_PART.sub(sub, text)
