"""`planparse check` outputs for CI: text, json, GitHub workflow annotations, JUnit XML, markdown."""
from __future__ import annotations

import json
from xml.sax.saxutils import escape, quoteattr

from .comparison import KIND_LABEL, where


def verdict(pa, min_coverage, fail_on):
    """(passed?, [failing findings]) for one aligned plan."""
    fails = []
    if not pa.implements:
        fails.append({"kind": "not_implementing", "detail": "does not implement the national plan: "
                      + "; ".join(pa.not_implementing_reasons)})
    elif pa.figures["measures_core"] < min_coverage:
        fails.append({"kind": "coverage", "detail": f"covers {pa.figures['measures_core']:.0%} of N01–N17 "
                      f"(minimum {min_coverage:.0%})"})
    for f in pa.findings():
        k = f["kind"]
        kind = "weaker" if k == "fewer" else k
        if kind in fail_on and k != "not_implementing":
            fails.append(f)
    return not fails, fails


def _line(f):
    w = where(f)
    return f"{KIND_LABEL.get(f['kind'], f['kind'])}{' ' + w if w else ''}: {f['detail']}"


def text(pa, ok, fails):
    head = f"{pa.plan.path}: {'PASS' if ok else 'FAIL'} — N01–N17 {pa.figures['measures_core']:.0%}, " \
           f"clauses {pa.figures['clauses']:.0%}, {len(fails)} failing finding(s)"
    return "\n".join([head] + [f"  {_line(f)}" for f in fails]) + "\n"


def as_json(pa, ok, fails):
    return json.dumps({"schema": "planparse.check/1", "path": pa.plan.path, "passed": ok,
                       "coverage": pa.figures, "implements_national_plan": pa.implements,
                       "failures": fails}, ensure_ascii=False, indent=2) + "\n"


def github(pa, ok, fails):
    def esc(s):
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    out = []
    for f in fails:
        out.append(f"::error file={pa.plan.path},title=planparse {f['kind']}::{esc(_line(f))}")
    out.append(f"::notice file={pa.plan.path},title=planparse::"
               f"{'passed' if ok else 'failed'}: N01–N17 {pa.figures['measures_core']:.0%}")
    return "\n".join(out) + "\n"


def junit(pa, ok, fails):
    cases = []
    for m, c in pa.coverage.items():
        name = quoteattr(f"{m} {c['title']}")
        failing = [f for f in fails if f.get("measure") == m or
                   (f.get("clause") or "").split(".")[0] == m]
        if failing:
            msgs = "\n".join(_line(f) for f in failing)
            cases.append(f'  <testcase classname="planparse.coverage" name={name}>'
                         f'<failure message={quoteattr(failing[0]["kind"])}>{escape(msgs)}</failure></testcase>')
        else:
            cases.append(f'  <testcase classname="planparse.coverage" name={name}/>')
    general = [f for f in fails if not f.get("measure") and not f.get("clause")]
    if general:
        cases.append('  <testcase classname="planparse" name="implementation">'
                     f'<failure message="{general[0]["kind"]}">{escape(chr(10).join(_line(f) for f in general))}</failure></testcase>')
    else:
        cases.append('  <testcase classname="planparse" name="implementation"/>')
    nfail = sum(1 for c in cases if "<failure" in c)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<testsuite name={quoteattr("planparse check " + pa.plan.path)} tests="{len(cases)}" '
            f'failures="{nfail}" errors="0">\n' + "\n".join(cases) + "\n</testsuite>\n")


def markdown(pa, ok, fails):
    out = [f"### planparse check: {'✅ passed' if ok else '❌ failed'}", "",
           f"`{pa.plan.path}` covers **{pa.figures['measures_core']:.0%}** of measures N01–N17 and "
           f"**{pa.figures['clauses']:.0%}** of clauses.", ""]
    for f in fails:
        out.append(f"- {_line(f)}")
    return "\n".join(out) + "\n"


FORMATS = {"text": text, "json": as_json, "github": github, "junit": junit, "md": markdown}


def combine(fmt, results):
    """One report for one or several checked plans ([(alignment, passed, failures)])."""
    if fmt == "json" and len(results) > 1:
        return "[\n" + ",\n".join(as_json(*r).rstrip("\n") for r in results) + "\n]\n"
    if fmt == "junit" and len(results) > 1:
        suites = [junit(*r).split("\n", 1)[1] for r in results]
        return '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n' + "".join(suites) + "</testsuites>\n"
    return "".join(FORMATS[fmt](*r) for r in results)
