"""Document metadata: title, issuer, region and level, issue date, 文号, the basis documents it
cites, and whether it implements 国办发〔2023〕27号 (directly or through a higher-level plan)."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from .. import rules
from ..model import Meta
from .deadlines import find_dates

NATIONAL_NUMBER = "国办发〔2023〕27号"
NATIONAL_TITLE = "提升行政执法质量三年行动计划"
NATIONAL_ISSUED = "2023-08-09"

DOC_NUMBER = re.compile(r"(?P<org>[\u4e00-\u9fa5]{1,10}?)\s*[〔\[［(（【]\s*(?P<y>(?:19|20)\d{2})\s*[〕\]］)）】]\s*(?P<n>\d{1,4})\s*号")
_DATE_LINE = re.compile(r"^\s*((?:19|20)\d{2}|[二〇○零一三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日(?:印发|发布)?\s*$")
_ISSUER = re.compile(r"^\s*(?P<org>[\u4e00-\u9fa5]{2,24}?(?:人民政府办公室|人民政府办公厅|人民政府|管理委员会|委员会|司法局|办公室|办公厅))")
_TITLE_END = re.compile(r"(方案|计划|举措|台账|意见|通知|清单|办法|措施|要点|细则|任务分工)(（[^）]*）)?$")
_PREAMBLE = re.compile(r"^(为|根据|按照|依据|为了|为深入|为全面|为进一步|为切实|贯彻落实)")
_BASIS_TITLE = re.compile(r"《([^《》]{4,120}?)》")


def doc_numbers(text):
    """Normalised 文号s in text: '皖府法领办〔2023〕4 号' → '皖府法领办〔2023〕4号'."""
    out = []
    for m in DOC_NUMBER.finditer(unicodedata.normalize("NFKC", text).replace("[", "〔").replace("]", "〕")):
        org = re.sub(r"^.*?(?:印发|关于|以下简称|和|及|、|的|（|\()", "", m.group("org"))
        if not org:
            continue
        n = f"{org}〔{m.group('y')}〕{int(m.group('n'))}号"
        if n not in out:
            out.append(n)
    return out


@lru_cache(maxsize=1)
def _provinces():
    return rules.load("regions")["provinces"]


def _split_region(name):
    """'天津市红桥区' → ('天津市', '', '红桥区'); '钦州市' → ('', '钦州市', '')."""
    prov, rest = "", name
    for p in _provinces():
        for cand in [p["name"]] + [s for s in p["short"] if len(s) >= 2]:
            if rest.startswith(cand) and not re.match(r"^.{0,1}(区|县)", rest[len(cand):]):
                prov, rest = p["name"], rest[len(cand):]
                break
        if prov:
            break
    city = ""
    m = re.match(r"^([\u4e00-\u9fa5]{2,8}?(?:市|自治州|州|盟|地区))(?=.)", rest)
    if m and not (prov and _is_municipality(prov)):
        city, rest = m.group(1), rest[m.end():]
    elif re.fullmatch(r"[\u4e00-\u9fa5]{2,8}?(?:市|自治州|州|盟|地区)", rest):
        city, rest = rest, ""
    return prov, city, rest


def _is_municipality(prov):
    return any(p["name"] == prov and p.get("municipality") for p in _provinces())


def _province_votes(text):
    votes = Counter()
    for p in _provinces():
        for cand in [p["name"]] + [s for s in p["short"] if len(s) >= 2]:
            # 河北区 is a district of Tianjin, not 河北省
            votes[p["name"]] += len(re.findall(re.escape(cand) + r"(?!区|县|路|街)", text))
        for s in p["short"]:
            votes[p["name"]] += 2 * len(re.findall(rf"(?<![\u4e00-\u9fa5]){re.escape(s)}[\u4e00-\u9fa5]{{0,5}}〔", text))
    return votes


def extract(paras: list[str], first_item_index: int | None) -> Meta:
    """`paras`: the body's paragraphs in order; `first_item_index`: where numbered items begin."""
    meta = Meta()
    head = paras[: first_item_index if first_item_index is not None else min(len(paras), 30)]
    full = "\n".join(paras)
    # issue date: a line that is only a date, near the top or under the signature
    for p in paras[:60]:
        if _DATE_LINE.match(p):
            ds = find_dates(p)
            if ds:
                meta.issued = ds[0][1]
                break
    # 文号: a line that is only a document number
    for p in head[:20]:
        s = p.strip()
        nums = doc_numbers(s)
        if nums and len(s) <= 20:
            meta.doc_number = nums[0]
            break
    # issuer: the organisation that opens the notice
    for p in head[:15]:
        m = _ISSUER.match(p.strip())
        if m and "关于" not in m.group("org") and len(p.strip()) <= 30:
            meta.issuer = m.group("org")
            break
        m = re.match(r"^\s*(?P<org>[\u4e00-\u9fa5]{2,30}?)(?:关于|印发)", p)
        if m and _ISSUER.match(m.group("org") + "。") and not m.group("org").startswith(("经", "现")):
            meta.issuer = _ISSUER.match(m.group("org") + "。").group("org")
            break
    # title: the plan's own title, the title-like lines just before the preamble
    meta.title = _title(head)
    # basis: the 文号 and titles cited before the numbered items (not the plan's own number)
    pre = "\n".join(p for p in head if not _DATE_LINE.match(p))
    meta.basis = [n for n in doc_numbers(pre) if n != meta.doc_number]
    titles = []
    own = re.match(r"^[\u4e00-\u9fa5]{2,12}?(?:省|自治区|市|区|县|旗)", meta.title or "")
    for t in _BASIS_TITLE.findall(pre):
        t = re.sub(r"\s+", "", t)
        if own and t.startswith(own.group(0)) or len(t) < 8:
            continue                      # the plan's own title, or a short name (《行动计划》)
        if t not in titles and t != meta.title and not meta.title.endswith(t):
            titles.append(t)
    meta.basis_titles = titles
    # region and level
    local = ""
    if meta.issuer:
        local = re.sub(r"(人民政府办公室|人民政府办公厅|人民政府|管理委员会|委员会|司法局|办公室|办公厅)$", "", meta.issuer)
    if not local and meta.title:
        m = re.match(r"^([\u4e00-\u9fa5]{2,12}?(?:省|自治区|市|区|县|旗|州|盟))(?:关于|贯彻|落实|提升|人民政府)", meta.title)
        local = m.group(1) if m else ""
    prov, city, district = _split_region(local)
    votes = _province_votes(full)
    if not prov and votes and votes.most_common(1)[0][1] > 0:
        prov = votes.most_common(1)[0][0]
    if district and not city and prov and not _is_municipality(prov):
        # a district names its city where it cites the city's plan (淮南市人民政府办公室…)
        cities = Counter(m.group(1) for m in re.finditer(
            r"([\u4e00-\u9fa5]{2,4}市)(?:人民政府|委|政府|贯彻|提升|落实)", full))
        for c, _ in cities.most_common():
            if c != prov and not prov.startswith(c) and c[:-1] not in ("城", "本", "全", "我", "各", "该"):
                city = c
                break
    meta.region = prov + city + district if (prov or city or district) else ""
    if district:
        meta.level = "county" if district.endswith(("县", "旗")) else "district"
    elif city:
        meta.level = "city"
    elif prov:
        meta.level = "province"
    if not meta.issuer and meta.region:
        meta.issuer = meta.region + "人民政府"
    # does it implement 国办发〔2023〕27号?
    cites = NATIONAL_NUMBER in meta.basis or NATIONAL_NUMBER in doc_numbers(full)
    named = NATIONAL_TITLE in (meta.title + "".join(meta.basis_titles) + pre)
    too_early = bool(meta.issued and meta.issued < NATIONAL_ISSUED)
    if too_early:
        meta.implements_national_plan = False
        meta.implements_reason = f"issued {meta.issued}, before the national plan ({NATIONAL_ISSUED})"
    elif cites or named:
        meta.implements_national_plan = True
        meta.implements_reason = ("cites " + NATIONAL_NUMBER) if cites else f"names 《{NATIONAL_TITLE}》"
    else:
        meta.implements_reason = f"neither cites {NATIONAL_NUMBER} nor names 《{NATIONAL_TITLE}》"
    return meta


def _title(head):
    def titleish(p):
        p = p.strip()
        return (4 <= len(p) <= 90 and not p.endswith(("：", ":", "。")) and "。" not in p
                and not _DATE_LINE.match(p) and not re.fullmatch(r"[（(].*[）)]", p)
                and not (doc_numbers(p) and len(p) <= 20) and not p.startswith("附件"))
    pre = next((i for i, p in enumerate(head) if _PREAMBLE.match(p.strip()) and len(p) > 40), None)
    if pre is not None:
        lines = []
        for p in reversed(head[:pre]):
            if not titleish(p):
                break
            lines.insert(0, p.strip())
            if len(lines) == 3:
                break
        # keep from the last line that starts a title (a title ending in 方案 may span two lines)
        while len(lines) > 1 and _TITLE_END.search(lines[0]) and not _TITLE_END.search(lines[-1]):
            lines.pop()
        while len(lines) > 1 and _TITLE_END.search(lines[0]):
            lines.pop(0)
        if lines:
            return "".join(lines)
    for p in head:
        if titleish(p) and _TITLE_END.search(p.strip()):
            return p.strip()
    return ""
