"""HTML: the article body of a saved government web page, without navigation, footers and the like.

A small DOM is built with the standard library's parser; the container holding most of the
page's paragraph text (by text length, discounting links) is taken as the article, in the manner
of trafilatura but without its weight. Paragraphs, headings, list items, <br> lines and table rows
become blocks in document order.
"""
from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

from ..blocks import Block, Document
from ..errors import PlanparseError
from . import limits
from .text import decode

_SKIP = {"script", "style", "noscript", "template", "svg", "head", "iframe", "form", "button",
         "select", "input", "textarea", "nav", "footer", "header", "aside", "object", "embed"}
_BOILER = re.compile(r"nav|menu|footer|foot|header|head|breadcrumb|crumb|share|sidebar|side|related|"
                     r"copyright|banner|search|login|toolbar|topbar|bottom|links|friend|print|gotop",
                     re.I)
_BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "section", "article",
          "blockquote", "pre", "center", "dd", "dt", "table", "tbody", "ul", "ol", "td", "th"}
_VOID = {"br", "img", "hr", "meta", "link", "input", "col", "area", "base", "wbr", "source"}


class _Node:
    __slots__ = ("tag", "attrs", "children", "parent")

    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.children, self.parent = tag, attrs, [], parent


MAX_DEPTH = 150       # deeper nesting is flattened: the walks below recurse
MAX_NODES = 500_000


class _Tree(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = _Node("root", {}, None)
        self.cur = self.root
        self.depth = 0
        self.nodes = 0

    def handle_starttag(self, tag, attrs):
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise ValueError("too many HTML elements")
        node = _Node(tag, dict(attrs), self.cur)
        self.cur.children.append(node)
        if tag not in _VOID and self.depth < MAX_DEPTH:
            self.cur = node
            self.depth += 1

    def handle_endtag(self, tag):
        n, up = self.cur, 0
        while n is not None and n.tag != tag:
            n, up = n.parent, up + 1
        if n is not None and n.parent is not None:
            self.cur = n.parent
            self.depth -= up + 1

    def handle_data(self, data):
        self.cur.children.append(data)


def _boiler(node):
    if node.tag in _SKIP:
        return True
    ident = " ".join(str(node.attrs.get(k) or "") for k in ("id", "class", "role"))
    return bool(ident.strip()) and bool(_BOILER.search(ident)) and node.tag not in ("p", "td", "tr", "table")


def _text(node, links=False):
    out = []
    for ch in node.children:
        if isinstance(ch, str):
            out.append(ch)
        elif not _boiler(ch) and (links or ch.tag != "a"):
            out.append(_text(ch, links))
    return "".join(out)


def _score(node, acc):
    """Text length of paragraph-like content under each container (links discounted)."""
    total = 0
    for ch in node.children:
        if isinstance(ch, str):
            total += len(re.sub(r"\s+", "", ch))
        elif not _boiler(ch):
            total += _score(ch, acc)
    if node.tag in ("div", "article", "section", "td", "main", "body", "center", "span", "font"):
        acc.append((total, node))
    return total


def read(path) -> Document:
    limits.check_size(path)
    with open(path, "rb") as fh:
        data = fh.read()
    m = re.search(rb'charset\s*=\s*["\']?([A-Za-z0-9_\-]+)', data[:4096])
    text = None
    if m:
        try:
            text = data.decode(m.group(1).decode("ascii"), errors="strict")
        except (LookupError, UnicodeDecodeError):
            text = None
    if text is None:
        text = decode(data, path)
    tree = _Tree()
    try:
        tree.feed(text)
        tree.close()
    except ValueError as e:
        raise PlanparseError(path, f"HTML refused: {e}") from None
    except Exception as e:  # html.parser is lenient; anything left is a broken file
        raise PlanparseError(path, f"unreadable HTML ({type(e).__name__})") from None
    acc = []
    total = _score(tree.root, acc)
    if total == 0:
        raise PlanparseError(path, "HTML page has no text")
    # the article: the smallest container that still holds most of the best container's text
    acc.sort(key=lambda x: -x[0])
    best_total, best = acc[0] if acc else (0, tree.root)
    for t, node in acc:
        if t >= 0.85 * best_total and _depth(node) > _depth(best):
            best = node
    blocks: list[Block] = []
    title = _title(tree.root)
    if title and title not in _text(best, True):
        blocks.append(Block.para(title, para=0))
    _emit(best, blocks, [0], [0])
    return Document(str(path), "html", blocks)


def _depth(n):
    d = 0
    while n.parent is not None:
        d, n = d + 1, n.parent
    return d


def _title(root):
    # <h1> outside the article or <meta name="ArticleTitle">, the way government CMSs publish it
    stack = [root]
    while stack:
        n = stack.pop()
        if isinstance(n, str):
            continue
        if n.tag == "meta" and (n.attrs.get("name") or "").lower() in ("articletitle", "title"):
            return (n.attrs.get("content") or "").strip()
        stack.extend(reversed(n.children))
    return ""


def _emit(node, blocks, para, table):
    buf = []

    def flush():
        line = unescape("".join(buf))
        buf.clear()
        for part in re.split(r"\n+", line):
            part = re.sub(r"[ \t\r\u00a0]+", " ", part).strip()
            if part:
                para[0] += 1
                blocks.append(Block.para(part, para=para[0]))

    for ch in node.children:
        if isinstance(ch, str):
            buf.append(ch.replace("\n", " "))
            continue
        if _boiler(ch):
            continue
        if ch.tag == "br":
            buf.append("\n")
        elif ch.tag == "table" and _is_data_table(ch):
            flush()
            table[0] += 1
            for r, cells in enumerate(_rows(ch), 1):
                blocks.append(Block.row(cells, merge_known=True, table=table[0], row=r, para=para[0]))
        elif ch.tag in _BLOCK:
            flush()
            _emit(ch, blocks, para, table)
        else:
            buf.append(_inline(ch))
    flush()


def _inline(node):
    out = []
    for ch in node.children:
        if isinstance(ch, str):
            out.append(ch.replace("\n", " "))
        elif ch.tag == "br":
            out.append("\n")
        elif not _boiler(ch):
            out.append(_inline(ch))
    return "".join(out)


def _is_data_table(t):
    rows = list(_rows(t))
    return len(rows) >= 2 and max((len(r) for r in rows), default=0) >= 3


def _rows(t):
    """Rows of a table with rowspan/colspan filled in."""
    trs = []
    stack = [t]
    while stack:
        n = stack.pop()
        if isinstance(n, str):
            continue
        if n.tag == "tr":
            trs.append(n)
            continue
        if n.tag == "table" and n is not t:
            continue
        stack.extend(reversed(n.children))
    pending = {}      # col -> (text, rows left)
    for tr in trs:
        row, col = [], 0
        cells = [c for c in tr.children if not isinstance(c, str) and c.tag in ("td", "th")]
        ci = 0
        while ci < len(cells) or col in pending:
            if col in pending:
                txt, left = pending[col]
                row.append(txt)
                if left <= 1:
                    del pending[col]
                else:
                    pending[col] = (txt, left - 1)
                col += 1
                continue
            c = cells[ci]
            ci += 1
            txt = re.sub(r"[ \t\r\u00a0]+", " ", unescape(_cell_text(c))).strip()
            cs = _int(c.attrs.get("colspan"))
            rs = _int(c.attrs.get("rowspan"))
            for k in range(cs):
                row.append(txt)
                if rs > 1:
                    pending[col] = (txt, rs - 1)
                col += 1
        yield row


def _cell_text(node):
    out = []
    for ch in node.children:
        if isinstance(ch, str):
            out.append(ch.replace("\n", " "))
        elif ch.tag in ("br", "p", "div", "li"):
            out.append("\n" + _cell_text(ch) + "\n" if ch.tag != "br" else "\n")
        else:
            out.append(_cell_text(ch))
    return re.sub(r"\n\s*\n+", "\n", "".join(out)).strip("\n")


def _int(v):
    try:
        return max(1, min(1000, int(v)))
    except (TypeError, ValueError):
        return 1
