"""Table-driven tests of the rules: deadlines, units, quantities, numbering, metadata."""
import pytest

from planparse.fields import deadlines, metadata, quantities, units
from planparse.fields.cnnum import to_int
from planparse.structure import numbering

DEADLINES = [
    # raw, kind, date, ongoing, milestones
    ("", "none", None, False, []),
    ("长期坚持", "ongoing", None, True, []),
    ("长期推进", "ongoing", None, True, []),
    ("2025年底前完成并长期推进", "date", "2025-12-31", True, []),
    ("2024年6月底前完成", "date", "2024-06-30", False, []),
    ("2024年7月底前完成", "date", "2024-07-31", False, []),
    ("2023年12月1日前完成", "date", "2023-12-01", False, []),
    ("2024年6月14日前完成", "date", "2024-06-14", False, []),
    ("2024年8月底", "date", "2024-08-31", False, []),
    ("2024年底", "date", "2024-12-31", False, []),
    ("2024年2月底前", "date", "2024-02-29", False, []),
    ("2024年9月中旬", "date", "2024-09-20", False, []),
    ("2024年3月上旬前", "date", "2024-03-10", False, []),
    ("2024年6月", "date", "2024-06-30", False, []),
    ("2024年12月前", "date", "2024-12-31", False, []),
    ("原则上于2024年6月前", "date", "2024-06-30", False, []),
    ("2024年5月31日前完成并长期坚持", "date", "2024-05-31", True, []),
    ("二〇二四年六月底前", "date", "2024-06-30", False, []),
    ("二〇二五年十二月三十一日前", "date", "2025-12-31", False, []),
    ("2024年9月底前完成中期评估，2025年9月底前完成终期评估", "date", "2025-09-30", False,
     ["2024-09-30", "2025-09-30"]),
    ("2024年9月底前完成中期评估，12月底前完成总结", "date", "2024-12-31", False, ["2024-09-30", "2024-12-31"]),
    ("按自治区统一部署要求完成", "per_superior", None, False, []),
    ("按照国家统一部署要求完成", "per_superior", None, False, []),
    ("根据上级部署开展", "per_superior", None, False, []),
    ("按照上级部署开展", "per_superior", None, False, []),
    ("每年12月底前", "ongoing", None, True, []),
    ("每年年初", "ongoing", None, True, []),
    ("２０２４年６月底前", "date", "2024-06-30", False, []),
    ("尽快完成", "unknown", None, False, []),
]


@pytest.mark.parametrize("raw,kind,date,ongoing,milestones", DEADLINES)
def test_deadline(raw, kind, date, ongoing, milestones):
    d = deadlines.parse(raw)
    assert (d.kind, d.date, d.ongoing, d.milestones) == (kind, date, ongoing, milestones)
    assert d.raw == raw


@pytest.mark.parametrize("text,expected", [
    ("2024年6月底前完成对本区行政执法队伍的全员轮训。", [("2024年6月底前", "2024-06-30")]),
    ("2023年底前，区级行政执法部门要梳理；于2024年底前编制", [("2023年底前", "2023-12-31"), ("2024年底前", "2024-12-31")]),
    ("每年12月底前报送", []),
    ("加强执法行为规范和职业道德教育。", []),
])
def test_inline_deadlines(text, expected):
    assert [(d["raw"], d["date"]) for d in deadlines.inline(text)] == expected


@pytest.mark.parametrize("cell,expected", [
    ("长期坚持", True), ("2024年12月31日前完成", True), ("按照上级部署开展", True),
    ("组织开展年度执法专项活动，实现对重点监管对象全覆盖。", False),
    ("2024年10月底前，由市司法局牵头，组织对市直各行政执法部门开展专项监督", False),
    ("区司法局", False),
])
def test_deadline_cell_recognition(cell, expected):
    assert deadlines.looks_like(cell) is expected


UNITS = [
    ("区司法局、区财政局、区人社局,各街道办事处", ["区司法局", "区财政局", "区人社局", "各街道办事处"]),
    ("区市场监管局、区卫健委、大通生态环境分局、区司法局等单位按职责分工负责",
     ["区市场监管局", "区卫健委", "大通生态环境分局", "区司法局"]),
    ("市委编办（绩效办），市发展改革委、市直其他行政执法部门，各县区人民政府",
     ["市委编办（绩效办）", "市发展改革委", "市直其他行政执法部门", "各县区人民政府"]),
    ("市市场监管局、市发展改革委（市大数据发展局）", ["市市场监管局", "市发展改革委（市大数据发展局）"]),
    ("市直其他行政执法部门，各县、区人民政府", ["市直其他行政执法部门", "各县、区人民政府"]),
    ("各行政执法部门\n各街道", ["各行政执法部门", "各街道"]),
    ("市城管执法局、市行政审批局等，各县区人民政府", ["市城管执法局", "市行政审批局", "各县区人民政府"]),
    ("全区行政执法部门", ["全区行政执法部门"]),
    ("", []),
]


@pytest.mark.parametrize("text,expected", UNITS)
def test_unit_split(text, expected):
    assert units.split(text) == expected


@pytest.mark.parametrize("a,b", [("区卫健委", "区卫生健康委"), ("区城管委", "区城市管理委"),
                                 ("各县、区人民政府", "各县区人民政府"), ("区发改委", "区发展改革委")])
def test_unit_aliases(a, b):
    assert units.canonical(a) == units.canonical(b)


def test_unit_aliases_keep_distinct_units_apart():
    assert units.canonical("区司法局") != units.canonical("区财政局")


@pytest.mark.parametrize("line,role,value", [
    ("牵头单位：区司法局", "lead", "区司法局"), ("责任单位:全区行政执法部门", "resp", "全区行政执法部门"),
    ("配合单位：区司法局", "coop", "区司法局"),
])
def test_unit_lines(line, role, value):
    m = units.LINE.match(line)
    assert units.role_of(m.group("role")) == role and m.group("units") == value


def test_inline_unit_form():
    m = units.INLINE.search("加强队伍建设。(责任单位:区司法局,各行政执法部门)")
    assert m and m.group("units") == "区司法局,各行政执法部门"
    m = units.INLINE.search("……（责任单位：市发展改革委（市大数据发展局）、市司法局）")
    assert m and units.split(m.group("units")) == ["市发展改革委（市大数据发展局）", "市司法局"]


@pytest.mark.parametrize("text,expected", [
    ("每人每年接受不少于60学时的培训", [(60, "学时", "min")]),
    ("不少于20学时公共法律知识和40学时业务知识", [(20, "学时", "min"), (40, "学时", None)]),
    ("每年开展不少于2次业务培训", [(2, "次", "min")]),
    ("纠错率下降5%", [(5, "%", None)]),
    ("坚定拥护“两个确立”", []),
])
def test_quantities(text, expected):
    assert [(q["value"], q["unit"], q["bound"]) for q in quantities.find(text)] == expected


NUMBERING = [
    ("一、全面提升", "cn_dun", "一、"), ("（一）着力提高政治能力", "cn_paren", "（一）"),
    ("(十二)推进", "cn_paren", "(十二)"), ("1.着力提高", "num_dot", "1."), ("1．着力", "num_dot", "1．"),
    ("12、推进", "num_dot", "12、"), ("（1）加强党的", "num_paren", "（1）"), ("(45)结合", "num_paren", "(45)"),
    ("①制定", "circled", "①"), ("2024年底前完成", None, None), ("1.5倍", None, None),
]


@pytest.mark.parametrize("text,kind,label", NUMBERING)
def test_numbering(text, kind, label):
    m = numbering.match(text)
    assert (m.kind, m.label) == (kind, label) if kind else m is None


@pytest.mark.parametrize("s,n", [("二〇二四", 2024), ("十二", 12), ("三十一", 31), ("一百零五", 105), ("九", 9)])
def test_chinese_numerals(s, n):
    assert to_int(s) == n


@pytest.mark.parametrize("text,expected", [
    ("（国办发〔2023〕27号）", ["国办发〔2023〕27号"]),
    ("（皖府法领办〔2023〕4 号）和《…》（淮府办[2024]1号）", ["皖府法领办〔2023〕4号", "淮府办〔2024〕1号"]),
    ("桂政办发（2023）78号", ["桂政办发〔2023〕78号"]),
])
def test_doc_numbers(text, expected):
    assert metadata.doc_numbers(text) == expected
