"""The alignment rules as data (rules/align.toml): weights, thresholds and the known rewordings
of national measure titles, checked on small plans built here (not on the seeds)."""
import pytest

from planparse.align import measures as mm
from planparse.align.compare import align_plan
from planparse.align.reference import national
from planparse.fields.deadlines import Deadline
from planparse.model import Meta, Plan, Source, Task


def plan(rows, issued="2024-03-01"):
    """rows: (section, heading, text, deadline raw)"""
    from planparse.fields import deadlines, quantities
    tasks = []
    for i, (section, heading, text, dl) in enumerate(rows, 1):
        t = Task(f"T{i:03d}", f"{i}.", section, heading, "", text, source=Source("body"),
                 path=[section, heading])
        t.deadline = deadlines.parse(dl) if dl else Deadline()
        t.inline_deadlines = deadlines.inline(text)
        t.quantities = quantities.find(text)
        tasks.append(t)
    meta = Meta(title="测试方案", issued=issued, basis=["国办发〔2023〕27号"], implements_national_plan=True)
    return Plan("test", "txt", meta, tasks, "body", "test")


def test_params_are_data():
    m, c, cov, np_, aliases = mm.params()
    assert 0 < m["null_score"] < 1 and m["w_title"] + m["w_content"] + m["w_area"] == pytest.approx(1.0)
    assert 0 < c["best_min"] < c["touch_min"] < 1
    assert all(k.startswith("N") for k in aliases)


A1, A4, A6 = "全面提升行政执法人员能力素质", "加快构建行政执法协调监督工作体系", "不断强化行政执法保障能力"

HEADINGS = [
    # (section, heading, a task under it, expected measure)
    (A1, "着力提升执法能力", "建立完善行政执法培训机制，每人每年不少于60学时培训。", "N02"),
    (A1, "着力加强人员管理", "严格落实行政执法人员资格管理和持证上岗制度。", "N03"),
    (A4, "推进行政执法监督制度化", "健全完善行政执法监督配套工作制度，推进案卷评查。", "N10"),
    (A4, "推进行政执法监督体系化", "强化上级行政机关对下级行政机关行政执法工作的全方位、全流程监督。", "N11"),
    (A4, "推进行政执法监督多元化", "制定年度行政执法监督工作方案，拓宽监督渠道。", "N12"),
    (A6, "加强队伍建设", "合理配备行政执法力量，加强公职律师和法律顾问队伍建设。", "N15"),
    (A6, "为自贸区建设提供法治保障", "围绕自贸区建设开展专题调研，编写案例汇编。", None),
]


def test_headings_to_measures_in_order():
    p = plan([(s, h, t, "长期坚持") for s, h, t, _ in HEADINGS])
    pa = align_plan(p, national())
    got = [t["measure"] for t in pa.tasks]
    assert got == [m for *_, m in HEADINGS]


def test_false_friend_decided_by_area():
    """加强队伍建设 under the first part is personnel management (N03), under the last N15."""
    p = plan([(A1, "着力加强队伍建设", "全面实行行政执法人员资格管理和持证上岗制度。", ""),
              (A6, "加强队伍建设", "合理配备行政执法力量，注重队伍梯队建设。", "")])
    assert [t["measure"] for t in align_plan(p, national()).tasks] == ["N03", "N15"]


def test_local_addition_under_a_measure_has_no_clause():
    p = plan([(A1, "大力提升业务能力", "组织开展“法治讲堂进社区”文艺汇演活动。", ""),
              (A1, "大力提升业务能力", "2024年6月底前完成对本地区本部门行政执法队伍的全员轮训。", "2024年5月底前")])
    pa = align_plan(p, national())
    assert pa.tasks[0]["measure"] == "N02" and pa.tasks[0]["clause"] is None and "T001" in pa.extras
    assert pa.tasks[1]["clause"] == "N02.3"
    f = pa.deadline_findings[0]
    assert (f["clause"], f["verdict"], f["local"]) == ("N02.3", "earlier", "2024-05-31")


@pytest.mark.parametrize("text,verdict", [
    ("确保每人每年接受不少于60学时的公共法律知识、业务知识和行政执法技能培训。", "same"),
    ("确保每人每年接受不少于20学时的公共法律知识和40学时的业务知识培训。", "same_total_split"),
    ("确保每人每年接受不少于40学时的公共法律知识、业务知识和行政执法技能培训。", "fewer"),
])
def test_quantity_verdicts(text, verdict):
    pa = align_plan(plan([(A1, "大力提升业务能力", text, "长期坚持")]), national())
    q = [x for x in pa.quantity_findings if x["clause"] == "N02.2"]
    assert q and q[0]["verdict"] == verdict


def test_an_old_document_is_not_an_implementation():
    p = plan([(A1, "着力提高政治能力", "加强党的政治建设。", "")], issued="2015-06-16")
    p.meta.implements_national_plan = False
    p.meta.basis = []
    pa = align_plan(p, national())
    assert not pa.implements and any("2015-06-16" in r for r in pa.not_implementing_reasons)
