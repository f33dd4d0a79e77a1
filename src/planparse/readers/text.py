"""Plain text: UTF-8 (with or without BOM), UTF-16, GB18030/GBK, and two table conventions.

- Tika-style dumps: a table cell is a line that starts with a tab; a cell may go on over blank
  lines and untabbed lines (its further paragraphs); a row ends once it has as many cells as the
  header, or where a new sequence number starts after a blank line (a row can lose cells).
- Tab-separated rows: one row per line (the header may repeat on every page).
"""
from __future__ import annotations

import re

from ..blocks import Block, Document
from ..errors import PlanparseError

_TIKA_CELL = re.compile(r"^[ \u3000]*\t([^\t]*)$")
_SEQ = re.compile(r"^\d{1,3}$")
_SEQ_HEADERS = ("序号", "编号")


def decode(data: bytes, path) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data and len(data) % 2 == 0:          # UTF-16 without BOM?
        best, text = 0.0, None
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                t = data.decode(enc)
            except UnicodeDecodeError:
                continue
            score = _plausible(t)
            if score > best:
                best, text = score, t
        if text is not None and best >= 0.9:
            return text
    if b"\x00" in data:
        raise PlanparseError(path, "is binary data, not text")
    for enc in ("utf-8", "gb18030"):
        try:
            text = data.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise PlanparseError(path, "unknown text encoding (tried UTF-8, UTF-16, GB18030)")
    bad = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\r\n\f")
    if bad > max(8, len(text) // 100):
        raise PlanparseError(path, "is binary data, not text")
    return text


def _plausible(t: str) -> float:
    """Share of characters a Chinese text is made of (CJK, punctuation, ASCII, white space)."""
    if not t:
        return 0.0
    ok = sum(1 for ch in t if "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f"
             or "\uff00" <= ch <= "\uffef" or (" " <= ch <= "~") or ch in "\t\r\n“”‘’—…·")
    return ok / len(t)


def read(path) -> Document:
    with open(path, "rb") as fh:
        data = fh.read()
    text = decode(data, path)
    return Document(str(path), "txt", list(parse(text)))


def parse(text: str):
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    i, n, table = 0, len(lines), 0
    while i < n:
        line = lines[i]
        if _TIKA_CELL.match(line):
            table += 1
            i = yield from _tika_table(lines, i, table)
            continue
        if "\t" in line and line.strip():
            table += 1
            i = yield from _tsv_table(lines, i, table)
            continue
        if line.strip():
            yield Block.para(line, line=i + 1)
        i += 1


def _tsv_table(lines, i, table):
    row = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            # blank lines separate pages; the table goes on if tabbed rows follow
            j = i
            while j < len(lines) and not lines[j].strip():
                j += 1
            if j < len(lines) and "\t" in lines[j] and not _TIKA_CELL.match(lines[j]):
                i = j
                continue
            return j
        if "\t" not in line:
            return i
        row += 1
        yield Block.row(line.split("\t"), line=i + 1, table=table, row=row)
        i += 1
    return i


def _tika_table(lines, i, table):
    n = len(lines)
    rows = []          # (first line number, [cell paragraphs lists])
    cur, start, ncols, blank_before, seq_col = None, i, None, False, False
    while i < n:
        line = lines[i]
        m = _TIKA_CELL.match(line)
        if m:
            cell = m.group(1)
            new_row = cur is None
            if cur is not None and ncols is not None:
                if len(cur) >= ncols:
                    new_row = True
                elif blank_before and _SEQ.match(cell.strip()) and len(cur) >= 2 and seq_col:
                    new_row = True
            elif cur is not None and ncols is None and blank_before:
                ncols = len(cur)          # the header row ends at its first blank line
                seq_col = cur[0] and cur[0][0].strip() in _SEQ_HEADERS
                new_row = True
            if new_row:
                if cur is not None:
                    rows.append((start, cur))
                cur, start = [], i + 1
            cur.append([cell])
            blank_before = False
        elif not line.strip():
            blank_before = True
        else:
            complete = cur is None or (ncols is not None and len(cur) >= ncols)
            if complete and blank_before:
                break                      # ordinary text after the table
            if cur is None:
                break
            cur[-1].append(line)           # a further paragraph of the open cell
            blank_before = False
        i += 1
    if cur is not None:
        rows.append((start, cur))
    for r, (line_no, cells) in enumerate(rows, 1):
        yield Block.row(["\n".join(_dedupe(p)) for p in cells], line=line_no, table=table, row=r)
    return i


def _dedupe(paras):
    """Paragraphs of one cell, without blanks and without the copies a merged cell leaves."""
    out = []
    for p in paras:
        p = p.strip()
        if p and (not out or out[-1] != p):
            out.append(p)
    return out
