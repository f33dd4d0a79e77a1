"""Reports people look at (HTML in a real browser, xlsx) and batch work on a folder."""
import csv
import json
import shutil

import pytest

from conftest import SAMPLES, run_cli

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
DRIVER = shutil.which("chromedriver")


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("report") / "report.html"
    r = run_cli("report", "hongqiao", "hebei", "datong", "-o", out)
    assert r.returncode == 0, r.stderr
    return out


def test_report_is_self_contained(report):
    html = report.read_text(encoding="utf-8")
    assert "<script src" not in html and "<link" not in html and "http://" not in html.replace(
        'xmlns="http://www.w3.org/2000/svg"', "")
    assert html.count("data-measure=") == 20 * 3
    assert "ledger-0" in html and "<svg" in html


@pytest.mark.skipif(not (CHROMIUM and DRIVER), reason="Chromium and chromedriver are not installed "
                    "(.ci/run installs Debian's chromium and chromium-driver)")
def test_report_in_a_real_browser(report, tmp_path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
              "--disable-background-networking", "--disable-component-update", "--disable-sync",
              f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1300,1800"):
        opts.add_argument(a)
    drv = webdriver.Chrome(service=Service(DRIVER), options=opts)
    try:
        drv.get(report.as_uri())
        cells = drv.find_elements(By.CSS_SELECTOR, "#heatmap td.cell")
        assert len(cells) == 60
        n14 = drv.find_element(By.CSS_SELECTOR, "td.cell[data-measure='N14'][data-plan='hongqiao']")
        assert n14.get_attribute("data-status") == "missing" and "○" in n14.text
        bg = n14.value_of_css_property("background-color")
        assert bg not in ("rgba(0, 0, 0, 0)", "transparent")
        rows = drv.find_elements(By.CSS_SELECTOR, "#ledger-0 tbody tr")
        assert len(rows) == 87 and all(r.is_displayed() for r in rows[:3])
        box = drv.find_element(By.CSS_SELECTOR, "input.filter[data-table='ledger-0']")
        box.send_keys("区网格中心")
        shown = [r for r in drv.find_elements(By.CSS_SELECTOR, "#ledger-0 tbody tr") if r.is_displayed()]
        assert len(shown) == 1 and "区网格中心" in shown[0].text
        assert drv.find_element(By.ID, "ledger-0-count").text == "1"
        late = drv.find_elements(By.CSS_SELECTOR, "circle.later[data-plan='datong'][data-clause='N04.2']")
        assert late
        shot = tmp_path / "report.png"
        drv.save_screenshot(str(shot))
        assert shot.stat().st_size > 10_000
    finally:
        drv.quit()


def test_compare_xlsx(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "cmp.xlsx"
    r = run_cli("compare", "qinzhou", "datong", "-f", "xlsx", "-o", out)
    assert r.returncode == 0, r.stderr
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["覆盖情况", "qinzhou", "datong"]
    cov = wb["覆盖情况"]
    assert cov.freeze_panes == "C2" and cov.max_row == 21
    ws = wb["qinzhou"]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref and ws.max_row == 53
    assert ws.column_dimensions["E"].width >= 40
    assert ws.cell(2, 5).alignment.wrap_text


@pytest.fixture()
def folder(tmp_path):
    d = tmp_path / "plans"
    (d / "sub").mkdir(parents=True)
    for name in ("hebei.txt", "datong.txt", "qinzhou.xlsx"):
        shutil.copy(SAMPLES / name, d / name)
    shutil.copy(SAMPLES / "hongqiao.docx", d / "sub" / "hongqiao.docx")
    return d


def test_batch_writes_results_and_caches(folder, tmp_path):
    out = tmp_path / "out"
    r = run_cli("batch", folder, "-o", out, "--jobs", "2", "--report")
    assert r.returncode == 0, r.stderr
    lines = (out / "plans.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 4 and all(json.loads(l)["alignment"]["tasks"] for l in lines)
    rows = list(csv.DictReader((out / "coverage.csv").open(encoding="utf-8")))
    assert len(rows) == 4 and {"N01", "N17"} <= set(rows[0])
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["ok"] == 4 and summary["failed"] == []
    assert (out / "summary.md").exists() and (out / "report.html").exists()
    assert "\x1b[" not in r.stderr          # no progress bar when not on a terminal
    again = run_cli("batch", folder, "-o", out)
    assert again.returncode == 0 and "(4 from cache)" in again.stderr
    forced = run_cli("batch", folder, "-o", out, "--force")
    assert "(0 from cache)" in forced.stderr


def test_batch_lists_failures_and_goes_on(folder, tmp_path):
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 not really")
    (folder / "empty.pdf").write_bytes(b"")
    out = tmp_path / "out"
    r = run_cli("batch", folder, "-o", out, "--jobs", "1")
    assert r.returncode == 1
    assert "broken.docx" in r.stderr and "empty.pdf" in r.stderr and "Traceback" not in r.stderr
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["ok"] == 4 and len(summary["failed"]) == 2


def test_batch_usage_errors(tmp_path):
    empty = tmp_path / "nothing"
    empty.mkdir()
    r = run_cli("batch", empty, "-o", tmp_path / "o")
    assert r.returncode == 2 and "no plan files" in r.stderr
    r = run_cli("batch", SAMPLES / "hebei.txt")
    assert r.returncode == 2
