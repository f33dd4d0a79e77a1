"""The command line: formats, samples, schema, atomic output, start-up imports."""
import csv
import io
import json
import subprocess
import sys

import pytest

from conftest import SAMPLES, run_cli


def test_json_contract_fields():
    r = run_cli("extract", "datong", "--format", "json")
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert d["schema"] == "planparse.plan/1"
    for k in ("title", "region", "level", "issuer", "issued", "doc_number", "basis", "implements_national_plan"):
        assert k in d["meta"]
    t = d["tasks"][0]
    for k in ("id", "label", "heading", "text", "measures", "lead_units", "responsible_units",
              "cooperating_units", "deadline", "inline_deadlines", "source"):
        assert k in t
    assert set(t["deadline"]) >= {"raw", "kind", "date", "ongoing", "milestones"}


def test_json_is_default_when_piped():
    r = run_cli("extract", "hebei")
    assert r.returncode == 0 and json.loads(r.stdout)["tasks"]


@pytest.mark.parametrize("name", ["红桥区", "钦州", "hongqiao", "QINZHOU"])
def test_samples_by_slug_and_region_name(name):
    r = run_cli("extract", name, "--format", "json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["meta"]["region"].endswith(("红桥区", "钦州市"))


def test_samples_lists_all():
    r = run_cli("samples")
    assert r.returncode == 0
    for slug in ("hongqiao", "hebei", "qinzhou", "datong", "beichen"):
        assert slug in r.stdout
    assert "qinzhou.pdf" in r.stdout and "hongqiao.docx" in r.stdout


def test_schema_is_json_schema():
    r = run_cli("schema", "plan")
    d = json.loads(r.stdout)
    assert d["$id"] == "planparse.plan/1" and "tasks" in d["properties"]


def test_output_validates_against_schema():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(run_cli("schema", "plan").stdout)
    for slug in ("hongqiao", "datong"):
        jsonschema.validate(json.loads(run_cli("extract", slug, "-f", "json").stdout), schema)


def test_csv_and_markdown(tmp_path):
    r = run_cli("extract", "qinzhou", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert len(rows) == 52 and rows[0]["lead_units"] == "市直各行政执法部门"
    r = run_cli("extract", "qinzhou", "--format", "md")
    assert r.stdout.startswith("# ") and r.stdout.count("\n| T0") == 52


def test_xlsx_ledger(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "ledger.xlsx"
    r = run_cli("extract", "hongqiao", "--format", "xlsx", "-o", out)
    assert r.returncode == 0, r.stderr
    ws = openpyxl.load_workbook(out).active
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref
    assert ws.max_row == 88


def test_output_file_written_whole(tmp_path):
    out = tmp_path / "plan.json"
    r = run_cli("extract", "hebei", "-o", out)
    assert r.returncode == 0 and r.stdout == ""
    assert len(json.loads(out.read_text(encoding="utf-8"))["tasks"]) == 20
    assert [p.name for p in tmp_path.iterdir()] == ["plan.json"]


def test_version_and_help():
    assert run_cli("--version").stdout.strip().startswith("planparse, version")
    assert "extract" in run_cli("--help").stdout


def test_help_imports_nothing_heavy():
    code = ("import sys\nfrom planparse.cli import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "heavy = [m for m in ('pdfplumber', 'jieba', 'rich.table', 'docx', 'openpyxl', 'rapidfuzz', 'yaml') if m in sys.modules]\n"
            "print(','.join(heavy), file=sys.stderr)\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.stderr.strip() == "", r.stderr


def test_python_api_matches_cli():
    import planparse
    plan = planparse.extract(SAMPLES / "datong.txt")
    from planparse.render.jsonout import dumps
    assert dumps(plan) == run_cli("extract", SAMPLES / "datong.txt", "-f", "json").stdout
