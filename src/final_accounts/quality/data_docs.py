"""Data Docs for a validation run: one self-contained HTML page (inline CSS, no script, no
CDN), readable from disk, plus an index of every run's page. The page lists every
expectation's result and, per document, the identity rows that did not simply pass.

GX's own Data Docs templates load Bootstrap, jQuery and Vega from CDNs, which an offline
reader cannot reach; this page shows the same content, the GX validation results, together
with the identity rows they judged.
"""

from __future__ import annotations

import html
from pathlib import Path

from .gate import OUTCOMES, GateReport

_STYLE = """
body{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2rem;color:#222}
h1{font-size:1.4rem} h2{font-size:1.15rem;margin-top:2rem} table{border-collapse:collapse;
margin:.5rem 0;font-size:.85rem} th,td{border:1px solid #ccc;padding:.25rem .5rem;
text-align:left;vertical-align:top} th{background:#f3f3f3} .num{text-align:right;
font-variant-numeric:tabular-nums} .pass{background:#e6f4ea} .rounding{background:#fff8e1}
.fail{background:#fde7e9} .acknowledged{background:#e8eaf6} .not_evaluable{background:#eee}
.ok{color:#1b7f3b;font-weight:600} .bad{color:#b3261e;font-weight:600}
.warn{color:#9a6700;font-weight:600}
"""


# Pages of the most recent runs kept beside the warehouse (every run's counts stay in
# audit.validation_runs; a page is a view of one run, written again by `validate`).
KEPT_RUNS = 20


def write_data_docs(report: GateReport, directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    page = directory / f"validation_{report.run_id}.html"
    page.write_text(_run_page(report), encoding="utf-8")
    for old in sorted(directory.glob("validation_*.html"), reverse=True)[KEPT_RUNS:]:
        old.unlink()
    _write_index(directory)
    return page


def _run_page(report: GateReport) -> str:
    e = html.escape
    verdict = (
        '<span class="ok">passed</span>'
        if report.passed
        else f'<span class="bad">failed ({len(report.critical_failures)} critical)</span>'
    )
    counts = report.outcome_counts()
    parts = [
        f"<!doctype html><html lang='zh'><head><meta charset='utf-8'>"
        f"<title>Validation {e(report.run_id)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>Quality gate {verdict}</h1>",
        f"<p>Run <b>{e(report.run_id)}</b> at {e(report.run_at.isoformat())} over "
        f"{len(report.documents)} document(s): {e(', '.join(report.documents))}.</p>",
        "<p>Suites: " + ", ".join(f"{e(s.name)} {e(s.version)}" for s in report.suites) + "</p>",
        "<table><tr>"
        + "".join(f"<th class='{o}'>{o}</th>" for o in OUTCOMES)
        + "</tr><tr>"
        + "".join(f"<td class='num'>{counts.get(o, 0)}</td>" for o in OUTCOMES)
        + "</tr></table>",
        "<h2>Expectations (Great Expectations validation results)</h2>",
        "<table><tr><th>identity</th><th>severity</th><th>result</th><th>unexpected</th>"
        "<th>expectation</th></tr>",
    ]
    for result in report.results:
        status = (
            "<span class='ok'>success</span>"
            if result.success
            else f"<span class='{'bad' if result.severity == 'critical' else 'warn'}'>failed</span>"
        )
        error = f"<br><i>{e(result.error)}</i>" if result.error else ""
        parts.append(
            f"<tr><td>{e(result.identity_id)}</td><td>{e(result.severity)}</td><td>{status}</td>"
            f"<td class='num'>{result.unexpected_count}</td><td>{e(result.description)}{error}"
            "</td></tr>"
        )
    parts.append("</table>")
    parts.append(
        "<p>Below, per document, every identity row that did not simply pass (the passes are "
        "in audit.identity_results).</p>"
    )
    for document in report.documents:
        parts.append(f"<h2>Identities of {e(document)} that did not simply pass</h2>")
        parts.append(
            "<table><tr><th>identity</th><th>instance</th><th>outcome</th><th>left</th>"
            "<th class='num'>value</th><th>right</th><th class='num'>value</th>"
            "<th class='num'>difference</th><th class='num'>envelope</th><th>lines</th>"
            "<th>note</th></tr>"
        )
        for check in (c for c in report.checks if c["document_id"] == document):
            note = check["not_evaluable_reason"] or check["acknowledgement_evidence"] or ""
            parts.append(
                f"<tr class='{check['outcome']}'><td>{e(check['identity_id'])}</td>"
                f"<td>{e(check['instance'])}</td><td>{e(check['outcome'])}</td>"
                f"<td>{e(str(check['left_label']))}</td>"
                f"<td class='num'>{_number(check['left_value'])}</td>"
                f"<td>{e(str(check['right_label']))}</td>"
                f"<td class='num'>{_number(check['right_value'])}</td>"
                f"<td class='num'>{_number(check['difference'])}</td>"
                f"<td class='num'>{_number(check['envelope'])}</td>"
                f"<td>{e(check['source_lines'] or '')}</td><td>{e(note)}</td></tr>"
            )
        parts.append("</table>")
    parts.append("</body></html>")
    return "\n".join(parts)


def _number(value) -> str:
    return "" if value is None else html.escape(str(value))


def _write_index(directory: Path) -> None:
    pages = sorted(directory.glob("validation_*.html"), reverse=True)
    links = "".join(
        f"<li><a href='{html.escape(p.name)}'>{html.escape(p.stem.removeprefix('validation_'))}"
        "</a></li>"
        for p in pages
    )
    (directory / "index.html").write_text(
        f"<!doctype html><html><head><meta charset='utf-8'><title>Data Docs</title>"
        f"<style>{_STYLE}</style></head><body><h1>Validation runs</h1><ol>{links}</ol>"
        "</body></html>",
        encoding="utf-8",
    )
