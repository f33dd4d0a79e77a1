"""The diff engine: alignment of every gold task, coverage, the findings the issue names, check's
exit codes and every output format."""
import json
import xml.etree.ElementTree as ET

import pytest

import planparse
from conftest import SAMPLES, run_cli

PLANS = ["hongqiao", "hebei", "qinzhou", "datong"]
DOCS = sorted(p for s in PLANS for p in SAMPLES.glob(f"{s}.*") if p.suffix in (".txt", ".docx", ".pdf", ".xlsx", ".html"))


@pytest.fixture(scope="module")
def cmp_cache():
    return {}


def aligned(doc, cache):
    if doc not in cache:
        cache[doc] = planparse.compare([doc]).plans[0]
    return cache[doc]


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_every_gold_task_gets_its_measure(doc, shared, scorer, cmp_cache):
    gold = json.loads((shared / "gold" / f"{doc.stem}.json").read_text(encoding="utf-8"))
    pa = aligned(doc, cmp_cache)
    pairs = scorer.match(pa.tasks, gold["tasks"])
    wrong = [(g["n"], g["measure"], p["measure"]) for g, p in pairs if p["measure"] != g["measure"]]
    acc = sum(p["measure"] == g["measure"] for g, p in pairs) / len(gold["tasks"])
    assert acc >= 0.95, wrong
    core = [f"N{i:02d}" for i in range(1, 18)]
    want = {n: any(t["measure"] == n for t in gold["tasks"]) for n in core}
    got = {n: pa.coverage[n]["status"] != "missing" for n in core}
    assert sum(want[n] == got[n] for n in core) / 17 >= 0.95, [n for n in core if want[n] != got[n]]


def _finding(pa, kind, **kw):
    return [f for f in pa.findings() if f["kind"] == kind and all(f.get(k) == v for k, v in kw.items())]


def test_hongqiao_ledger_has_no_n14(cmp_cache):
    pa = aligned(SAMPLES / "hongqiao.txt", cmp_cache)
    assert pa.coverage["N14"]["status"] == "missing"
    assert pa.coverage["N13"]["status"] != "missing"
    assert _finding(pa, "missing", measure="N14")


def test_datong_problem_list_is_later(cmp_cache):
    pa = aligned(SAMPLES / "datong.txt", cmp_cache)
    f = [d for d in pa.deadline_findings if d["clause"] == "N04.2" and d["verdict"] == "later"]
    assert f and f[0]["local"] == "2024-08-31" and f[0]["reference"] == "2023-12-31"
    t = next(t for t in pa.plan.tasks if t.id == f[0]["task"])
    assert t.label == "（10）"


def test_qinzhou_trains_earlier_and_splits_hours(cmp_cache):
    pa = aligned(SAMPLES / "qinzhou.txt", cmp_cache)
    f = [d for d in pa.deadline_findings if d["clause"] == "N02.3"]
    assert f and f[0]["verdict"] == "earlier" and f[0]["local"] == "2024-05-31"
    q = [x for x in pa.quantity_findings if x["clause"] == "N02.2"]
    assert q and q[0]["verdict"] == "same_total_split" and sorted(q[0]["local"]) == [20, 40]


def test_local_additions(cmp_cache):
    qz = aligned(SAMPLES / "qinzhou.txt", cmp_cache)
    canal = [t for t in qz.tasks if "平陆运河" in t["text"]]
    assert canal and canal[0]["measure"] is None and canal[0]["id"] in qz.extras
    dt = aligned(SAMPLES / "datong.txt", cmp_cache)
    for words, measure in (("综合查一次", "N09"), ("败诉率", "N10")):
        t = next(t for t in dt.tasks if words in t["text"])
        assert t["measure"] == measure and t["clause"] is None and t["id"] in dt.extras


def test_beichen_is_not_an_implementation(cmp_cache):
    pa = aligned(SAMPLES / "beichen.txt", cmp_cache)
    assert not pa.implements
    why = " ".join(pa.not_implementing_reasons)
    assert "2015-06-16" in why and "国办发〔2023〕27号" in why
    assert [f["kind"] for f in pa.findings()] == ["not_implementing"]


def test_compare_two_plans_json():
    r = run_cli("compare", "hongqiao", "hebei", "--format", "json")
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert d["schema"] == "planparse.comparison/1" and d["reference"]["id"] == "gbf-2023-27"
    assert [p["name"] for p in d["plans"]] == ["hongqiao", "hebei"]
    pair = d["pairs"][0]
    assert {"measure": "N14", "hongqiao": "missing", "hebei": "covered"} in pair["measures_differ"] or \
        any(m["measure"] == "N14" for m in pair["measures_differ"])
    row = next(r for r in d["matrix"] if r["measure"] == "N14")
    assert row["hongqiao"]["status"] == "missing" and row["hebei"]["tasks"] >= 1
    for p in d["plans"]:
        for mid in [f"N{i:02d}" for i in range(1, 21)]:
            assert p["coverage"][mid]["status"] in ("covered", "partial", "missing")


def test_compare_table_reads_without_colour():
    r = run_cli("compare", "qinzhou", "datong", "-f", "table", env={"NO_COLOR": "1", "COLUMNS": "160"})
    assert r.returncode == 0
    assert "●" in r.stdout and "\x1b[" not in r.stdout
    assert "deadline later" in r.stdout and "local addition" in r.stdout


def test_compare_md_csv_and_explain():
    md = run_cli("compare", "datong", "-f", "md").stdout
    assert md.startswith("# Comparison") and "| N04 |" in md
    csv_out = run_cli("compare", "datong", "-f", "csv").stdout.splitlines()
    assert csv_out[0].startswith("plan,task") and len(csv_out) == 1 + 48
    d = json.loads(run_cli("compare", "datong", "-f", "json", "--explain").stdout)
    e = d["plans"][0]["explain"]["T001"]
    assert e["measure_candidates"][0]["measure"] == "N01" and "title" in e["measure_candidates"][0]
    table = run_cli("compare", "datong", "--explain", "-f", "table", env={"COLUMNS": "200"}).stdout
    assert "title" in table and "→ N01" in table


def test_against_another_plan():
    """A plan as the reference: the engine treats it like the national plan."""
    cmp = planparse.compare([SAMPLES / "hongqiao.txt"], reference=SAMPLES / "hebei.txt")
    assert cmp.reference.id == "plan:hebei"
    pa = cmp.plans[0]
    assert pa.figures["measures_core"] > 0.7
    r = run_cli("compare", "hongqiao", "--against", "hebei", "-f", "json")
    assert json.loads(r.stdout)["reference"]["id"] == "plan:hebei"


@pytest.mark.parametrize("args,code", [
    (["check", "beichen"], 1),
    (["check", "qinzhou"], 0),
    (["check", "hongqiao"], 1),                             # N14 missing, a later deadline
    (["check", "hongqiao", "--fail-on", "weaker", "--min-coverage", "0.9"], 0),
    (["check", "datong"], 1),                               # problem list later
    (["check", "datong", "--fail-on", "missing"], 0),
    (["check", "nowhere.pdf"], 2),
    (["check", "datong", "--fail-on", "bogus"], 2),
])
def test_check_exit_codes(args, code):
    r = run_cli(*args)
    assert r.returncode == code, r.stdout + r.stderr


def test_check_says_not_an_implementation():
    r = run_cli("check", "samples/beichen.txt")
    assert r.returncode == 1 and "does not implement" in r.stdout


@pytest.mark.parametrize("fmt", ["text", "json", "github", "junit", "md"])
def test_check_formats(fmt):
    r = run_cli("check", "datong", "--format", fmt)
    assert r.returncode == 1
    out = r.stdout
    if fmt == "json":
        d = json.loads(out)
        assert d["passed"] is False and any(f["kind"] == "later" for f in d["failures"])
    elif fmt == "github":
        assert out.startswith("::error file=") and "N04.2" in out
    elif fmt == "junit":
        root = ET.fromstring(out)
        assert root.tag == "testsuite" and int(root.get("failures")) >= 1
        assert any(c.find("failure") is not None for c in root.iter("testcase"))
    elif fmt == "md":
        assert "failed" in out and "N04.2" in out
    else:
        assert "FAIL" in out and "deadline later" in out


def test_reference_command():
    d = json.loads(run_cli("reference", "-f", "json").stdout)
    ids = [m["id"] for m in d["measures"]]
    assert ids == [f"N{i:02d}" for i in range(1, 21)]
    assert run_cli("reference", "-f", "table", env={"COLUMNS": "120"}).returncode == 0


def test_compare_is_deterministic():
    a = run_cli("compare", "qinzhou", "datong", "-f", "json").stdout
    b = run_cli("compare", "qinzhou", "datong", "-f", "json").stdout
    assert a == b
