"""The bundled samples, addressable by slug (hongqiao) or region name (红桥区, 钦州) wherever a
FILE is accepted."""
from __future__ import annotations

from pathlib import Path

SAMPLES = {
    # slug: (region names it answers to, one-line description)
    "hongqiao": (("红桥区", "红桥", "天津市红桥区"), "天津市红桥区 落实举措 + 7-column task ledger"),
    "hebei": (("河北区", "天津市河北区"), "天津市河北区 实施方案, units inline"),
    "qinzhou": (("钦州市", "钦州", "广西钦州", "钦州"), "广西钦州市 实施方案 + 重点任务清单 (tab-separated)"),
    "datong": (("大通区", "大通", "淮南市大通区"), "安徽淮南大通区 实施方案, (1)–(45) with unit lines"),
    "beichen": (("北辰区", "北辰", "天津市北辰区"), "天津市北辰区 2015 opinion: NOT an implementation plan"),
}
# preferred container when a slug has several renders
ORDER = (".txt", ".docx", ".pdf", ".xlsx", ".html")


def sample_dir() -> Path:
    here = Path(__file__).resolve().parent
    for cand in (here / "_samples", here.parent.parent / "samples"):
        if cand.is_dir():
            return cand
    return here / "_samples"


def files(slug: str):
    d = sample_dir()
    return sorted((p for p in d.glob(slug + ".*")), key=lambda p: (ORDER.index(p.suffix) if p.suffix in ORDER else 99, p.name))


def slug_of(name: str) -> str | None:
    n = name.strip().lower()
    if n in SAMPLES:
        return n
    for slug, (names, _) in SAMPLES.items():
        if name.strip() in names:
            return slug
    return None


def resolve(arg) -> tuple[Path, str | None]:
    """A path as given, or a sample's file for a slug / region name that is not an existing path."""
    p = Path(arg)
    if p.exists():
        slug = p.stem if p.parent.resolve() == sample_dir().resolve() and p.stem in SAMPLES else None
        return p, slug
    s = slug_of(str(arg))
    if s:
        fs = files(s)
        if fs:
            return fs[0], s
    return p, None
