"""Task ledgers: tables whose header names task, unit and deadline columns (rules/ledger.toml).

A ledger may be split over pages (its header repeated), lose cells in a row (a text dump), carry
its hierarchy in merged cells (blank below the first row), or have its header shifted against
its rows. Each row's cells are therefore aligned to the header's roles by content, not only by
position: a small dynamic programme that keeps the column order and scores how well each cell
reads as a unit list, a deadline, a numbered heading or prose.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .. import rules
from ..blocks import Block
from ..fields import deadlines, units
from . import numbering

UNIT_ROLES = ("lead", "resp", "coop")


@lru_cache(maxsize=1)
def _synonyms():
    roles = rules.load("ledger")["roles"]
    return {re.sub(r"\s+", "", name): role for role, names in roles.items() for name in names}


def _norm_header(cell):
    return re.sub(r"[\s（）()：:*]+", "", cell or "")


def header_roles(cells) -> list[str] | None:
    """Roles of a header row, or None when the row is no ledger header."""
    syn = _synonyms()
    raw = [syn.get(_norm_header(c)) for c in cells]
    named = [r for r in raw if r]
    if len(named) < 3 or not any(r in UNIT_ROLES or r == "deadline" for r in named):
        return None
    if not any(r in ("task", "measure", "group") for r in named):
        return None
    roles = []
    for i, r in enumerate(raw):
        if r is None:
            # a blank header cell after a hierarchy or task column is that column spanning two
            prev = roles[-1] if roles else None
            r = "group" if prev in ("group", "task") and not _norm_header(cells[i]) else "extra"
            if r == "group" and prev == "task":
                roles[-1] = "group"
        roles.append(r)
    # only the rightmost task column is the task; task columns left of it are hierarchy
    tasks = [i for i, r in enumerate(roles) if r == "task"]
    for i in tasks[:-1]:
        roles[i] = "group"
    # a hierarchy column right before a measure column with no task column is the task
    if "task" not in roles and "measure" not in roles:
        groups = [i for i, r in enumerate(roles) if r == "group"]
        if groups:
            roles[groups[-1]] = "task"
    return roles


def is_header(cells) -> bool:
    return header_roles(cells) is not None


# --- fitting a cell to a role ---------------------------------------------------------------

@lru_cache(maxsize=8192)
def _features(cell):
    """What a cell reads as, computed once per distinct cell text."""
    lab = numbering.match(cell)
    heading = bool(lab) and lab.kind in ("cn_dun", "cn_paren", "chapter") and len(lab.rest) <= 40 \
        and not re.search(r"[。；;]", lab.rest.rstrip("。"))
    return heading, units.looks_like(cell), deadlines.looks_like(cell)


def _fit(role, cell):
    if not cell:
        return 0.0
    heading, is_units, is_deadline = _features(cell)
    if role == "seq":
        return 2.0 if re.fullmatch(r"\d{1,3}", cell) else -3.0
    if role == "group":
        return 2.5 if heading else (-0.5 if len(cell) <= 20 and not is_units and not is_deadline else -3.0)
    if role in ("task", "measure"):
        if is_deadline or (is_units and len(cell) < 60):
            return -2.0
        return 0.5 if heading else 1.5
    if role in UNIT_ROLES:
        return 2.0 if is_units else -3.0
    if role == "deadline":
        return 3.0 if is_deadline else -3.0
    return -1.0        # a non-empty cell under a column with no header ("extra", "note")


def align(roles, cells):
    """Assign each cell to a role, in order. Returns {role index: [cell, …]}.

    Hierarchy columns may take several cells (a heading spanning columns); every other role takes
    at most one. Empty cells may be skipped; non-empty ones must be placed."""
    n, m = len(cells), len(roles)
    NEG = float("-inf")
    # f[i][j]: best score for cells[:i] placed on roles[:j]
    f = [[NEG] * (m + 1) for _ in range(n + 1)]
    back = [[None] * (m + 1) for _ in range(n + 1)]
    for j in range(m + 1):
        f[0][j] = 0.0
    for i in range(1, n + 1):
        # with no role left, cells can only be skipped
        f[i][0] = f[i - 1][0] - (0.0 if not cells[i - 1] else 6.0)
        back[i][0] = ("skipcell",)
        cell = cells[i - 1]
        for j in range(1, m + 1):
            best, arg = NEG, None
            # role j-1 unused by cell i-1: carry f[i][j-1]
            if f[i][j - 1] > best:
                best, arg = f[i][j - 1], ("skiprole",)
            # cell i-1 skipped: free when empty; dear otherwise (a row with more text cells than
            # the header has columns still aligns, dropping what fits nowhere)
            skip = f[i - 1][j] - (0.0 if not cell else 6.0)
            if skip > best:
                best, arg = skip, ("skipcell",)
            # cell i-1 placed on role j-1
            s = _fit(roles[j - 1], cell) + (0.05 if i - 1 == j - 1 else 0.0)
            if f[i - 1][j - 1] + s > best:
                best, arg = f[i - 1][j - 1] + s, ("place",)
            # a hierarchy role takes one more cell
            if roles[j - 1] == "group" and back[i - 1][j] and back[i - 1][j][0] in ("place", "again"):
                if f[i - 1][j] + s > best:
                    best, arg = f[i - 1][j] + s, ("again",)
            f[i][j], back[i][j] = best, arg
    out: dict[int, list[str]] = {}
    i, j = n, m
    while i > 0 and j >= 0:
        if j == 0:
            i -= 1
            continue
        step = back[i][j][0]
        if step == "skiprole":
            j -= 1
        elif step == "skipcell":
            i -= 1
        elif step == "place":
            out.setdefault(j - 1, []).insert(0, cells[i - 1])
            i, j = i - 1, j - 1
        else:   # again
            out.setdefault(j - 1, []).insert(0, cells[i - 1])
            i -= 1
    return out


# --- rows to tasks ----------------------------------------------------------------------------

@dataclass
class LedgerRow:
    seq: str
    section: str
    heading: str            # the local measure heading, with its label
    task: str
    measure: str
    lead: str
    resp: str
    coop: str
    deadline: str
    block: Block = field(repr=False, default=None)
    inherited: set = field(default_factory=set)


@dataclass
class Ledger:
    roles: list[str]
    rows: list[LedgerRow]
    header_block: Block = field(repr=False, default=None)


def find(blocks) -> list[Ledger]:
    """Ledgers among the row blocks, in document order; a repeated header continues a ledger."""
    ledgers: list[Ledger] = []
    cur: _Builder | None = None
    for b in blocks:
        if b.kind != "row":
            continue
        roles = header_roles(b.cells)
        if roles:
            if cur is None or not _same_header(cur.roles, roles):
                if cur is not None and cur.continues(roles):
                    cur.roles = roles
                    continue
                cur = _Builder(roles, b)
                ledgers.append(cur.ledger)
            else:
                cur.roles = roles       # the header repeated on a new page
            continue
        if cur is not None:
            cur.add(b)
    return [l for l in ledgers if l.rows]


def _same_header(a, b):
    return [r for r in a if r not in ("extra",)] == [r for r in b if r not in ("extra",)]


class _Builder:
    def __init__(self, roles, block):
        self.roles = roles
        self.ledger = Ledger(list(roles), [], block)
        self.ctx = {"section": "", "heading": "", "task": "", "units": ("", "", ""), "deadline": ""}

    def continues(self, roles):
        # the same ledger with its header printed differently on another page
        key = lambda rs: {r for r in rs if r not in ("extra", "group", "seq")}
        return key(roles) == key(self.roles)

    def add(self, b: Block):
        cells = list(b.cells)
        while cells and not cells[-1] and len(cells) > len(self.roles):
            cells.pop()
        placed = align(self.roles, cells)
        got = {r: "" for r in ("seq", "task", "measure", "lead", "resp", "coop", "deadline")}
        groups = []
        for j, cs in sorted(placed.items()):
            role = self.roles[j]
            if role == "group":
                groups.extend(c for c in cs if c)
            elif role in got and cs and cs[0]:
                got[role] = (got[role] + "\n" + cs[0]).strip() if got[role] else cs[0]
        ctx = self.ctx
        # hierarchy: numbered group cells say which level they are; unnumbered ones go by column
        for g in groups:
            for part in _dedupe_lines(g):
                lab = numbering.match(part)
                if lab and lab.kind == "cn_dun":
                    if part != ctx["section"]:
                        ctx["section"], ctx["heading"] = part, ""
                elif lab:
                    ctx["heading"] = part
                elif not ctx["section"] or len(groups) > 1 and g is groups[0]:
                    ctx["section"] = part
                else:
                    ctx["heading"] = part
        # a task cell that is itself a heading (（三）为平陆运河…) opens a heading of its own
        task, measure = got["task"], got["measure"]
        lab = numbering.match(task) if task else None
        if lab and lab.kind in ("cn_paren", "cn_dun") and measure:
            ctx["heading"] = task
            task = ""
        has_units = any(got[r] for r in UNIT_ROLES)
        if not task and not measure:
            return                                  # a heading row
        inherited = set()
        if not task and measure and "measure" in self.roles:
            task = ctx["task"]
            inherited.add("task")
        ctx["task"] = task
        if has_units:
            ctx["units"] = (got["lead"], got["resp"], got["coop"])
        elif not b.merge_known:
            got["lead"], got["resp"], got["coop"] = ctx["units"]
            inherited.add("units")
        if got["deadline"]:
            ctx["deadline"] = got["deadline"]
        elif not b.merge_known:
            got["deadline"] = ctx["deadline"]
            inherited.add("deadline")
        self.ledger.rows.append(LedgerRow(
            got["seq"], ctx["section"], ctx["heading"], task, measure, got["lead"], got["resp"],
            got["coop"], got["deadline"], b, inherited))


def _dedupe_lines(text):
    out = []
    for line in text.split("\n"):
        line = line.strip()
        if line and line not in out:
            out.append(line)
    return out
