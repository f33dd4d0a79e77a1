"""One self-contained HTML report: coverage heatmap, deadline timeline, findings, task ledgers.

Everything is inline (CSS, SVG, a few lines of JavaScript for the ledger filter): no CDN, no
network. Without JavaScript every table is still there; printing gives one page per section."""
from __future__ import annotations

import html
from datetime import date

from .comparison import KIND_LABEL, SYMBOL, where
from .tabular import deadline_text

CSS = """
:root{--ok:#2e7d32;--part:#f9a825;--miss:#c62828;--ink:#222;--muted:#666;--line:#ddd}
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;
color:var(--ink);margin:24px;line-height:1.5;font-size:14px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:2px solid var(--line)}
h3{font-size:15px;margin:18px 0 6px}.muted{color:var(--muted)}
table{border-collapse:collapse;margin:6px 0 12px}th,td{border:1px solid var(--line);padding:3px 6px;vertical-align:top}
th{background:#f3f6fa;text-align:left}
.heat td.cell{text-align:center;min-width:70px;font-weight:600}
.covered{background:#c8e6c9;color:#1b5e20}.partial{background:#fff3c4;color:#7a5c00}.missing{background:#ffcdd2;color:#8e0000}
.later{color:var(--miss);font-weight:700}.earlier{color:var(--ok)}.same{color:var(--muted)}
.find li{margin:2px 0}.kind{display:inline-block;min-width:7em;font-weight:600}
.ledger td{font-size:12.5px}.ledger td.text{max-width:560px}
input.filter{padding:4px 8px;width:320px;margin:4px 0;font-size:14px}
.legend span{display:inline-block;padding:1px 8px;margin-right:6px;border-radius:3px}
svg text{font-family:inherit;font-size:11px}
@media print{body{margin:0}input.filter{display:none}section{break-inside:avoid-page}.ledger{break-before:page}}
"""

JS = """
document.querySelectorAll('input.filter').forEach(function(box){
  box.addEventListener('input', function(){
    var q = box.value.trim().toLowerCase();
    var rows = document.querySelectorAll('#' + box.dataset.table + ' tbody tr');
    var shown = 0;
    rows.forEach(function(tr){
      var hit = !q || tr.textContent.toLowerCase().indexOf(q) >= 0;
      tr.style.display = hit ? '' : 'none'; if (hit) shown++;
    });
    var c = document.getElementById(box.dataset.table + '-count'); if (c) c.textContent = shown;
  });
});
"""

E = html.escape


def _days(iso):
    y, m, d = (int(x) for x in iso.split("-"))
    return date(y, m, d).toordinal()


def timeline(cmp) -> str:
    """Per dated clause: the national deadline and each plan's, on one axis; later ones in red."""
    rows = []
    for m in cmp.reference.measures:
        for c in m.clauses:
            if not c.deadline:
                continue
            marks = []
            for p in cmp.plans:
                ds = [d for d in p.deadline_findings if d["clause"] == c.id and d["local"]]
                if ds:
                    marks.append((p.name, min(d["local"] for d in ds)))
            rows.append((m, c, marks))
    if not rows:
        return "<p class='muted'>No clause with a national deadline.</p>"
    lo = _days("2023-07-01")
    hi = _days("2026-03-31")
    all_dates = [d for _, c, ms in rows for d in [c.deadline] + [x for _, x in ms]]
    lo = min([lo] + [_days(d) - 30 for d in all_dates])
    hi = max([hi] + [_days(d) + 30 for d in all_dates])
    W, left, rowh = 980, 220, 22 + 14 * max(1, len(cmp.plans))
    x = lambda iso: left + (W - left - 130) * (_days(iso) - lo) / (hi - lo)
    colours = ["#1565c0", "#6a1b9a", "#00838f", "#ef6c00", "#5d4037", "#ad1457", "#2e7d32", "#455a64"]
    H = rowh * len(rows) + 30
    out = [f'<svg role="img" aria-label="deadline timeline" width="{W}" height="{H}" viewBox="0 0 {W} {H}" '
           'xmlns="http://www.w3.org/2000/svg">']
    for yv in range(date.fromordinal(lo).year, date.fromordinal(hi).year + 1):
        for mo in (1, 7):
            iso = f"{yv}-{mo:02d}-01"
            if lo <= _days(iso) <= hi:
                xx = x(iso)
                out.append(f'<line x1="{xx:.1f}" y1="10" x2="{xx:.1f}" y2="{H - 10}" stroke="#eee"/>'
                           f'<text x="{xx + 2:.1f}" y="{H - 2}" fill="#888">{yv}-{mo:02d}</text>')
    for i, (m, c, marks) in enumerate(rows):
        y0 = 14 + i * rowh
        out.append(f'<text x="4" y="{y0 + 10}"><title>{E(c.text)}</title>{E(c.id)} {E(m.title[:9])}</text>')
        xn = x(c.deadline)
        out.append(f'<line x1="{xn:.1f}" y1="{y0}" x2="{xn:.1f}" y2="{y0 + rowh - 6}" stroke="#000" stroke-width="2">'
                   f'<title>national {c.deadline}</title></line>')
        for k, p in enumerate(cmp.plans):
            hit = [d for n, d in marks if n == p.name]
            if not hit:
                continue
            d = hit[0]
            late = d > c.deadline
            yy = y0 + 8 + 14 * k
            col = "#c62828" if late else colours[k % len(colours)]
            out.append(f'<circle class="{"later" if late else "ontime"}" data-plan="{E(p.name)}" data-clause="{E(c.id)}" '
                       f'cx="{x(d):.1f}" cy="{yy}" r="5" fill="{col}"><title>{E(p.name)}: {d}'
                       f'{" (later than " + c.deadline + ")" if late else ""}</title></circle>'
                       f'<text x="{x(d) + 8:.1f}" y="{yy + 4}" fill="{col}">{E(p.name)} {d}{" ▲later" if late else ""}</text>')
    out.append("</svg>")
    return "".join(out)


def render(cmp) -> str:
    ref = cmp.reference
    names = [p.name for p in cmp.plans]
    parts = [f"<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'>"
             f"<meta name='viewport' content='width=device-width, initial-scale=1'>"
             f"<title>planparse report: {E(', '.join(names))}</title><style>{CSS}</style></head><body>",
             "<h1>提升行政执法质量三年行动计划 implementation report</h1>",
             f"<p class='muted'>Reference: {E(ref.title)} {E(ref.doc_number or '')} · plans: {E('、'.join(names))}</p>"]
    # heatmap
    parts.append("<section id='coverage'><h2>Coverage</h2><p class='legend'>"
                 "<span class='covered'>● covered</span><span class='partial'>◐ partial</span>"
                 "<span class='missing'>○ missing</span> (number: tasks)</p>")
    parts.append("<table class='heat' id='heatmap'><thead><tr><th>measure</th><th>title</th>"
                 + "".join(f"<th>{E(n)}</th>" for n in names) + "</tr></thead><tbody>")
    for m in ref.measures:
        cells = []
        for p in cmp.plans:
            c = p.coverage[m.id]
            cells.append(f"<td class='cell {c['status']}' data-measure='{m.id}' data-plan='{E(p.name)}' "
                         f"data-status='{c['status']}' title='{E(', '.join(c['clauses_covered']) or 'no clause')}'>"
                         f"{SYMBOL[c['status']]} {len(c['tasks'])}</td>")
        parts.append(f"<tr><td>{m.id}</td><td>{E(m.title)}</td>{''.join(cells)}</tr>")
    parts.append("<tr><th></th><th>N01–N17 covered</th>" + "".join(
        f"<th>{p.figures['measures_core']:.0%}</th>" for p in cmp.plans) + "</tr>")
    parts.append("<tr><th></th><th>clauses covered</th>" + "".join(
        f"<th>{p.figures['clauses']:.0%}</th>" for p in cmp.plans) + "</tr></tbody></table></section>")
    # timeline
    parts.append("<section id='timeline'><h2>Deadlines against the national plan</h2>"
                 "<p class='muted'>Black bar: the national deadline; dots: each plan's; red: later.</p>")
    parts.append(timeline(cmp) + "</section>")
    # findings
    parts.append("<section id='findings'><h2>Findings</h2>")
    for p in cmp.plans:
        parts.append(f"<h3>{E(p.name)} <span class='muted'>{E(p.plan.meta.region)} · {E(p.plan.meta.title)}</span></h3>")
        if not p.implements:
            parts.append(f"<p class='later'>Does not implement the reference: {E('; '.join(p.not_implementing_reasons))}</p>")
        parts.append("<ul class='find'>")
        for f in p.findings():
            if f["kind"] == "same":
                continue
            cls = f["kind"] if f["kind"] in ("later", "earlier", "missing") else ""
            parts.append(f"<li class='{cls}'><span class='kind'>{E(KIND_LABEL.get(f['kind'], f['kind']))}</span> "
                         f"{E(where(f))} {E(f['detail'])}</li>")
        parts.append("</ul>")
    for pr in cmp.pairs:
        parts.append(f"<h3>{E(pr['a'])} vs {E(pr['b'])}</h3><ul class='find'>"
                     f"<li>clauses only in {E(pr['a'])}: {E(', '.join(pr['clauses_only_a']) or '—')}</li>"
                     f"<li>clauses only in {E(pr['b'])}: {E(', '.join(pr['clauses_only_b']) or '—')}</li>"
                     + "".join(f"<li>{d['clause']} deadline: {E(pr['a'])} {d[pr['a']]}, {E(pr['b'])} {d[pr['b']]}</li>"
                               for d in pr["deadlines_differ"]) + "</ul>")
    parts.append("</section>")
    # ledgers
    for i, p in enumerate(cmp.plans):
        tid = f"ledger-{i}"
        parts.append(f"<section class='ledger'><h2>Tasks: {E(p.name)}</h2>"
                     f"<input class='filter' type='search' placeholder='filter: 单位, 措施, N04 …' data-table='{tid}' "
                     f"aria-label='filter tasks of {E(p.name)}'> <span class='muted'><span id='{tid}-count'>"
                     f"{len(p.tasks)}</span> tasks shown</span>")
        parts.append(f"<table id='{tid}'><thead><tr><th>id</th><th>heading</th><th>task</th><th>units</th>"
                     "<th>deadline</th><th>measure</th><th>clause</th></tr></thead><tbody>")
        tasks = {t.id: t for t in p.plan.tasks}
        for a in p.tasks:
            t = tasks[a["id"]]
            parts.append(f"<tr><td>{t.id}</td><td>{E(t.heading)}</td><td class='text'>{E(t.full_text)}</td>"
                         f"<td>{E('、'.join(t.units))}</td><td>{E(deadline_text(t.deadline))}</td>"
                         f"<td>{a['measure'] or '—'}</td><td>{a['clause'] or '—'}</td></tr>")
        parts.append("</tbody></table></section>")
    parts.append(f"<script>{JS}</script></body></html>\n")
    return "".join(parts)
