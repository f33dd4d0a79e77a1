"""Text similarity for policy language: jieba words (with a domain dictionary so that
行政裁量权基准, "双随机、一公开" or 12345热线 stay whole) scored with rapidfuzz, plus a character
measure for short titles. jieba's dictionary is loaded on first use, from a cache."""
from __future__ import annotations

import os
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from .. import rules

_PUNCT = re.compile(r"[\s\u3000，。、；：:;,.“”\"‘’'（）()\[\]【】《》<>〈〉—\-·•…！!？?]+")
# words that carry no content in these plans: they open every second sentence
STOP = frozenset("""的 和 与 及 等 对 在 于 为 以 是 要 将 把 有 了 按照 根据 进一步 加强 推进 推动 健全 完善 建立
全面 深入 切实 大力 着力 积极 严格 落实 贯彻 做好 开展 工作 各 本 有关 相关 行政 执法 部门 机制 制度 依法 提升 提高
实现 确保 强化 不断 持续 坚持 结合 实际 方面 情况 问题 能力 建设 体系 各级 地区 单位 区 市 县 省 级 并 其 由 中""".split())


def _cache_dir() -> Path:
    base = os.environ.get("PLANPARSE_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "planparse")
    p = Path(base)
    try:
        p.mkdir(parents=True, exist_ok=True)
    except OSError:
        import tempfile
        p = Path(tempfile.gettempdir())
    return p


@lru_cache(maxsize=1)
def _jieba():
    import logging

    import jieba
    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.tmp_dir = str(_cache_dir())
    tk.cache_file = "jieba.cache"
    tk.initialize()
    for line in rules.text("domain_dict.txt").splitlines():
        parts = line.split()
        if parts:
            tk.add_word(parts[0], int(parts[1]) if len(parts) > 1 else None, parts[2] if len(parts) > 2 else None)
    return tk


def normalize(text: str) -> str:
    return _PUNCT.sub("", unicodedata.normalize("NFKC", text or ""))


@lru_cache(maxsize=20000)
def words(text: str) -> tuple[str, ...]:
    """Content words of a text, in order (stop words and punctuation dropped)."""
    tk = _jieba()
    s = unicodedata.normalize("NFKC", text or "")
    out = []
    for w in tk.lcut(s, HMM=False):
        w = w.strip()
        if not w or _PUNCT.fullmatch(w) or w in STOP or w.isdigit():
            continue
        out.append(w)
    return tuple(out)


def text_sim(a: str, b: str) -> float:
    """0..1: how much of the shorter text's content words the longer one shares, blended with
    rapidfuzz's token set ratio (order-free)."""
    from rapidfuzz import fuzz
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return 0.0
    sa, sb = set(wa), set(wb)
    inter = sa & sb
    # long words weigh more: 行政裁量权基准 says more than 清单
    weight = lambda ws: sum(min(len(w), 6) for w in ws)
    contain = weight(inter) / max(1, min(weight(sa), weight(sb)))
    tsr = fuzz.token_set_ratio(" ".join(sorted(sa)), " ".join(sorted(sb))) / 100.0
    return 0.65 * contain + 0.35 * tsr


def title_sim(a: str, b: str) -> float:
    """0..1 for short headings: characters in order (rapidfuzz ratio) and shared content words."""
    from rapidfuzz import fuzz
    na, nb = normalize(a), normalize(b)
    if not na or not nb:
        return 0.0
    r = fuzz.ratio(na, nb) / 100.0
    wa, wb = set(words(a)), set(words(b))
    w = len(wa & wb) / max(1, min(len(wa), len(wb))) if wa and wb else 0.0
    return max(r, 0.5 * r + 0.5 * w)


class ClauseScorer:
    """How well a task implements a clause, weighting the clause's words by how rare they are
    across the reference (行政裁量权基准 decides, 行政执法 does not). A clause word counts where
    the task contains it, also across a different word split (行政部门 inside 司法行政部门)."""

    def __init__(self, texts):
        import math
        docs = [set(words(t)) for t in texts]
        n = max(1, len(docs))
        df = {}
        for d in docs:
            for w in d:
                df[w] = df.get(w, 0) + 1
        self.idf = {w: math.log(1 + n / c) for w, c in df.items()}
        self.default = math.log(1 + n)
        self._w, self._texts = {}, {}

    def weight(self, w):
        v = self._w.get(w)
        if v is None:
            v = self._w[w] = self.idf.get(w, self.default) * min(len(w), 4) / 2
        return v

    def _cover(self, ws, flat):
        total = got = 0.0
        for w in ws:
            x = self.weight(w)
            total += x
            if len(w) >= 2 and w in flat:
                got += x
        return got / total if total else 0.0

    def _prep(self, text):
        """Words, their sorted join (for rapidfuzz) and the flat text, once per distinct text."""
        v = self._texts.get(text)
        if v is None:
            ws = frozenset(words(text))
            v = self._texts[text] = (ws, " ".join(sorted(ws)), normalize(text))
            if len(self._texts) > 50000:
                self._texts.clear()
        return v

    def score(self, task_text, clause_text: str) -> float:
        """0..1. `task_text` may be a list of the task's parts (its text, its measures): each is
        read on its own, so that a long measure does not dilute a task that quotes the clause."""
        from rapidfuzz import fuzz
        parts = [task_text] if isinstance(task_text, str) else [p for p in task_text if p]
        cw, cjoin, cflat = self._prep(clause_text)
        if not cw or not parts:
            return 0.0
        preps = [self._prep(p) for p in parts]
        whole_flat = "".join(p[2] for p in preps)
        tw_all = frozenset().union(*(p[0] for p in preps))
        recall = self._cover(cw, whole_flat)                              # the clause in the task
        precision = max(self._cover(p[0], cflat) for p in preps)          # the task in the clause
        tjoin = preps[0][1] if len(preps) == 1 else " ".join(sorted(tw_all))
        tsr = fuzz.token_set_ratio(cjoin, tjoin) / 100.0
        return 0.8 * max(recall, 0.85 * precision) + 0.2 * tsr
