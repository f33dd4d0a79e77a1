"""The body's numbering hierarchy: numbered items with their text, fields and children.

Depth comes from what the document nests, not from the label kind: a plan that goes 一、 → 1.
has 1. at depth 2. An item's text is its numbered paragraph plus the unnumbered paragraphs after
it; lines a dump broke inside a sentence are joined back. Field lines (责任单位：… 完成时限：…)
are kept apart for the field layer.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..blocks import Block
from ..fields import units as unitf
from . import numbering

DEADLINE_LINE = re.compile(r"^\s*(完成时限|完成时间|时间节点|完成期限|时限要求)\s*[:：]\s*(?P<v>.*)$")
_SENTENCE_END = "。；;！？!?：:”」』）)"


@dataclass
class Item:
    label: str
    kind: str
    depth: int
    title: str                       # its heading ('' when it opens with prose)
    paras: list[str] = field(default_factory=list)
    unit_lines: list[tuple[str, str]] = field(default_factory=list)   # (role, raw)
    deadline_lines: list[str] = field(default_factory=list)
    children: list["Item"] = field(default_factory=list)
    parent: "Item | None" = field(default=None, repr=False)
    block: Block | None = field(default=None, repr=False)

    @property
    def text(self) -> str:
        return "".join(self.paras) if all(p and p[-1] not in _SENTENCE_END for p in self.paras[:-1]) \
            else "\n".join(self.paras)

    def walk(self):
        yield self
        for c in self.children:
            yield from c.walk()


def _append(paras, line):
    """Add a line to an item's paragraphs, joining a line broken inside a sentence."""
    if paras and paras[-1] and paras[-1][-1] not in _SENTENCE_END:
        paras[-1] += line
    else:
        paras.append(line)


def build(blocks) -> list[Item]:
    """Top-level items of the body (paragraph blocks only)."""
    roots: list[Item] = []
    stack: list[Item] = []
    for b in blocks:
        if b.kind != "para" or not b.text:
            continue
        lab = numbering.match(b.text)
        if lab and lab.rest:
            open_kinds = [it.kind for it in stack]
            if lab.kind in open_kinds:          # a sibling of an open item
                del stack[open_kinds.index(lab.kind):]
            else:                               # an outer kind closes the deeper items
                while stack and _rank(stack[-1].kind) > lab.rank:
                    stack.pop()
            item = Item(lab.label, lab.kind, len(stack) + 1, numbering.title_of(lab.rest), block=b)
            _take_line(item, lab.rest)
            if stack:
                item.parent = stack[-1]
                stack[-1].children.append(item)
            else:
                roots.append(item)
            stack.append(item)
        elif stack:
            _take_line(stack[-1], b.text)
    return roots


def _rank(kind):
    for name, rank, _ in numbering._kinds():
        if name == kind:
            return rank
    return 99


def _take_line(item: Item, line: str):
    m = unitf.LINE.match(line)
    if m:
        item.unit_lines.append((unitf.role_of(m.group("role")), m.group("units")))
        return
    m = DEADLINE_LINE.match(line)
    if m:
        item.deadline_lines.append(m.group("v").strip())
        return
    _append(item.paras, line)
