"""The command line: a thin click layer over the library (planparse.extract, planparse.compare)."""
from __future__ import annotations

import sys

import click

from . import __version__

EXIT_ERROR = 2


def _fail(msg: str):
    click.echo(f"planparse: {msg}", err=True)
    sys.exit(EXIT_ERROR)


class _Group(click.Group):
    """Every failure a user can cause ends as one line on stderr and exit status 2."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException, SystemExit):
            raise
        except Exception as e:  # noqa: BLE001 - the boundary where errors become one line
            from .errors import PlanparseError
            if ctx.params.get("debug") or (ctx.obj or {}).get("debug"):
                raise
            if isinstance(e, PlanparseError):
                _fail(str(e))
            if isinstance(e, BrokenPipeError):
                sys.exit(0)
            _fail(f"internal error: {type(e).__name__}: {e} (run with --debug for a traceback)")


def _out(data, output, binary=False):
    if output:
        from .render import write_atomic
        write_atomic(output, data)
    elif binary:
        if sys.stdout.isatty():
            _fail("binary output: give -o FILE")
        sys.stdout.buffer.write(data)
    else:
        click.echo(data, nl=False)


def _default_format(fmt, output):
    if fmt:
        return fmt
    if output:
        ext = output.rsplit(".", 1)[-1].lower()
        return {"json": "json", "csv": "csv", "xlsx": "xlsx", "md": "md", "html": "html"}.get(ext, "json")
    return "table" if sys.stdout.isatty() else "json"


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="planparse")
@click.option("--debug", is_flag=True, help="Show a traceback instead of a one-line error.")
@click.pass_context
def main(ctx, debug):
    """Parse and compare Chinese government implementation plans of 国办发〔2023〕27号.

    FILE may be a path (.txt .docx .pdf .html .xlsx .doc) or a bundled sample's slug
    (hongqiao, hebei, qinzhou, datong, beichen) or region name (红桥区, 钦州).
    """
    ctx.obj = {"debug": debug}


@main.command()
@click.argument("file")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "json", "csv", "xlsx", "md"]),
              help="Output format (default: table on a terminal, json otherwise).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here (atomically).")
def extract(file, fmt, output):
    """Extract tasks, units, deadlines and metadata from a plan."""
    from .pipeline import extract as run
    plan = run(file)
    fmt = _default_format(fmt, output)
    if fmt == "table":
        from rich.console import Console
        from .render.terminal import render_plan
        render_plan(plan, Console(highlight=False))
    elif fmt == "json":
        from .render.jsonout import dumps
        _out(dumps(plan), output)
    elif fmt == "csv":
        from .render.csvout import render
        _out(render(plan), output)
    elif fmt == "md":
        from .render.markdown import render
        _out(render(plan), output)
    elif fmt == "xlsx":
        from .render.xlsx import render
        _out(render(plan), output, binary=True)


@main.command()
def samples():
    """List the bundled samples."""
    from .samples import SAMPLES, files
    for slug, (names, desc) in SAMPLES.items():
        fs = " ".join(p.name for p in files(slug))
        click.echo(f"{slug:<9} {names[0]:<6} {desc}\n          {fs}")


@main.command()
@click.argument("what", type=click.Choice(["plan"]), default="plan")
def schema(what):
    """Print the JSON Schema of the output."""
    from .render.jsonout import dumps
    from .schema import PLAN
    click.echo(dumps(PLAN), nl=False)


@main.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--against", "against", metavar="FILE|SLUG", help="Compare against this plan instead of the national plan.")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "json", "md", "csv", "xlsx", "html"]),
              help="Output format (default: table on a terminal, json otherwise).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here (atomically).")
@click.option("--explain", is_flag=True, help="Show the signals and scores behind each task's measure.")
def compare(files, against, fmt, output, explain):
    """Align plans with the national plan (and with each other): coverage, deadlines, quantities, additions."""
    from .align.compare import compare as run
    cmp = run(list(files), reference=against)
    fmt = _default_format(fmt, output)
    if fmt == "table":
        from rich.console import Console
        from .render.comparison import terminal
        terminal(cmp, Console(highlight=False), explain=explain)
    elif fmt == "json":
        from .render.jsonout import dumps
        _out(dumps(cmp.as_dict(explain=explain)), output)
    elif fmt == "md":
        from .render.comparison import markdown
        _out(markdown(cmp), output)
    elif fmt == "csv":
        from .render.comparison import csv_text
        _out(csv_text(cmp), output)
    elif fmt == "xlsx":
        from .render.comparison import xlsx
        _out(xlsx(cmp), output, binary=True)
    elif fmt == "html":
        from .render.report import render
        _out(render(cmp), output)


@main.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--against", metavar="FILE|SLUG", help="Compare against this plan instead of the national plan.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), required=True, help="The report file (.html).")
def report(files, against, output):
    """A self-contained HTML report: coverage heatmap, deadline timeline, findings, task ledgers."""
    from .align.compare import compare as run
    from .render.report import render
    _out(render(run(list(files), reference=against)), output)


@main.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--against", metavar="FILE|SLUG", help="Check against this plan instead of the national plan.")
@click.option("--min-coverage", type=click.FloatRange(0, 1), default=0.9, show_default=True,
              help="Minimum share of measures N01–N17 covered.")
@click.option("--fail-on", default="later,missing,weaker", show_default=True,
              help="Finding kinds that fail: later, missing, weaker, no_deadline, partial, extra, earlier.")
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json", "github", "junit", "md"]),
              default="text", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report here (atomically).")
def check(files, against, min_coverage, fail_on, fmt, output):
    """CI gate for newly issued plans: exit 0 when all pass, 1 with findings, 2 on error."""
    kinds = {k.strip() for k in fail_on.split(",") if k.strip()}
    known = {"later", "missing", "weaker", "no_deadline", "partial", "extra", "earlier"}
    if kinds - known:
        raise click.BadParameter(f"unknown kind(s): {', '.join(sorted(kinds - known))}", param_hint="--fail-on")
    from .align.compare import compare as run
    from .align.reference import from_plan
    from .render.check import combine, verdict
    ref = None
    if against:
        from .pipeline import extract as ex
        ref = from_plan(ex(against))
    results = []
    for f in files:
        pa = run([f], reference=ref).plans[0]
        results.append((pa, *verdict(pa, min_coverage, kinds)))
    _out(combine(fmt, results), output)
    sys.exit(0 if all(ok for _, ok, _ in results) else 1)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder for plans.jsonl, coverage.csv, summary.json/.md (and report.html).")
@click.option("-j", "--jobs", type=click.IntRange(1, 256), help="Worker processes (default: all cores).")
@click.option("--against", metavar="FILE|SLUG", help="Compare against this plan instead of the national plan.")
@click.option("--report", "with_report", is_flag=True, help="Also write report.html.")
@click.option("--force", is_flag=True, help="Ignore the cache and read every file again.")
@click.option("--timeout", type=click.IntRange(1, 3600), default=None, help="Seconds per document (default 120).")
def batch(inputs, out_dir, jobs, against, with_report, force, timeout):
    """Extract and compare every plan in folders or files: exit 0 when all went through, 1 when some failed."""
    from .batch import TIMEOUT, collect, run
    files = collect(inputs)
    if not files:
        raise click.UsageError("no plan files found in " + ", ".join(inputs))
    if against:
        from .samples import resolve
        against = str(resolve(against)[0])
    progress, bar = None, None
    if sys.stderr.isatty():
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
        bar = Progress(TextColumn("[bold]batch"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                       TextColumn("{task.fields[last]}"), transient=False)
        task = bar.add_task("plans", total=len(files), last="")
        bar.start()
        progress = lambda path, ok: bar.update(task, advance=1, last=("" if ok else "failed: ") + path[-40:])
    try:
        res = run(files, out_dir, jobs=jobs, against=against, force=force, report=with_report,
                  progress=progress, timeout=timeout or TIMEOUT)
    finally:
        if bar:
            bar.stop()
    for o in res.failed:
        click.echo(f"planparse: {o.path}: {o.reason}", err=True)
    ok = len(res.outcomes) - len(res.failed)
    click.echo(f"{ok}/{len(res.outcomes)} plans extracted and compared "
               f"({sum(1 for o in res.outcomes if o.cached)} from cache); results in {out_dir}", err=True)
    sys.exit(1 if res.failed else 0)


@main.command()
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "json"]), default=None)
def reference(fmt):
    """Print the bundled national plan (measures N01–N20 and their clauses)."""
    from .align.reference import national
    ref = national()
    fmt = fmt or ("table" if sys.stdout.isatty() else "json")
    if fmt == "json":
        from .render.jsonout import dumps
        _out(dumps({"reference": ref.as_dict(), "measures": [
            {"id": m.id, "title": m.title, "area": m.area, "area_title": m.area_title,
             "clauses": [{"id": c.id, "text": c.text, "deadline": c.deadline,
                          "deadline_status": c.deadline_status, "quantity": c.quantity} for c in m.clauses]}
            for m in ref.measures]}), None)
        return
    from rich.console import Console
    from rich.table import Table
    t = Table(title=f"{ref.title} {ref.doc_number} ({ref.issued})", show_lines=True, header_style="bold")
    for col in ("id", "title / clause", "deadline"):
        t.add_column(col)
    for m in ref.measures:
        t.add_row(f"[bold]{m.id}[/]", f"[bold]{m.title}[/] [dim]{m.area_title}[/]", "")
        for c in m.clauses:
            t.add_row(c.id, c.text, (c.deadline or "") + (f" ({c.deadline_status})" if c.deadline else ""))
    Console(highlight=False).print(t)


if __name__ == "__main__":  # pragma: no cover
    main()
