"""The report's HTML: one page per document and an index, self-contained.

Plotly's JavaScript is inlined once per page (no CDN, so the page opens offline from disk).
Every section puts its chart and its table side by side; every line number links to the
appendix, which quotes that line of the source document verbatim.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any

from . import charts
from .data import Column, DocumentData, Table, split_lines
from .format import amount, percent, ratio

STYLE = """
body{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;
margin:0;color:#1d2733;background:#f6f7f9}
header,main,footer{max-width:1400px;margin:0 auto;padding:0 1.5rem}
header{padding-top:1.5rem} h1{font-size:1.5rem;margin:.2rem 0} h1 small,h2 small{color:#5b6b7c;
font-weight:400;font-size:.8em} h2{font-size:1.2rem;margin:0 0 .4rem}
section{background:#fff;border:1px solid #e1e5ea;border-radius:8px;padding:1rem 1.2rem;
margin:1.2rem 0} .note{color:#4a5866;font-size:.88rem;margin:.2rem 0 .8rem}
.pair{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1.2rem;
align-items:start} .stack .table-wrap{margin-top:1rem}
@media (max-width:1000px){.pair{grid-template-columns:1fr}}
.table-wrap{max-height:640px;overflow:auto} table{border-collapse:collapse;font-size:.8rem;
width:100%} th,td{border-bottom:1px solid #e6e9ee;padding:.25rem .4rem;text-align:left;
vertical-align:top} th{background:#f0f3f6;position:sticky;top:0;font-weight:600}
th small{display:block;font-weight:400;color:#5b6b7c} td.num{text-align:right;
font-variant-numeric:tabular-nums;white-space:nowrap} .cards{display:flex;flex-wrap:wrap;
gap:.8rem} .card{background:#fff;border:1px solid #e1e5ea;border-radius:8px;
padding:.7rem 1rem;min-width:180px} .card .label{font-size:.8rem;color:#5b6b7c}
.card .value{font-size:1.35rem;font-weight:600;font-variant-numeric:tabular-nums}
.card .unit{font-size:.8rem;color:#5b6b7c} a{color:#1f5fa8} .flag{color:#9a6700}
tr.fail td{background:#fdecea} tr.rounding td{background:#fff8e1}
tr.acknowledged td{background:#e8eaf6} tr:target td{background:#fff3b0}
footer{color:#5b6b7c;font-size:.8rem;padding-bottom:2rem}
span.ok{color:#1b7a3a;font-weight:600} span.fail{color:#b3261e;font-weight:600}
"""


def document_page(data: DocumentData) -> str:
    document = data.document
    title = (
        f"{document['department_name']} {document['fiscal_year']}年度部门决算"
        f"（{document['caliber']}）"
    )
    sections = [
        _status(data),
        _overview(data),
        _section(
            "classes",
            "支出按功能分类（类）",
            "Spending by class of the functional classification",
            "一般公共预算财政拨款支出按类。上年数与增减由该类各项推算（本年数 − 增减，求和），"
            "文中未直接印出。 General public budget spending by 类; last year and the change are "
            "derived by summing the items' (amount − change); the document does not print them.",
            charts.classes(data),
            data.classes,
        ),
        _section(
            "items",
            "支出按项及较上年增减",
            "Spending by item, against last year",
            "每一项的本年决算数与上年数（上年数 = 本年数 − 文中印出的增减），柱旁为增减百分比。"
            " Every 项 this year and last year (last year = amount − the printed change); "
            "the label is the printed change in percent.",
            charts.items(data),
            data.items,
        ),
        _section(
            "income",
            "收入来源",
            "Income by source",
            "本年收入按来源，占比为文中印出的百分比。 This year's income by source, with the "
            "printed shares.",
            charts.shares(data.income.rows),
            data.income,
        ),
        _section(
            "nature",
            "支出按性质",
            "Expenditure by nature",
            "本年支出分为基本支出、项目支出等。 This year's expenditure: basic, project and other.",
            charts.shares(data.nature.rows),
            data.nature,
        ),
        _section(
            "three-public",
            "“三公”经费：预算与决算",
            'The "three public" expenses against budget',
            "财政拨款“三公”经费的全年预算数与决算数；公务用车购置及运行维护费只按两个组成部分印出预算。"
            " Budget and final spending; the document gives the vehicle total's budget only "
            "through its two parts, so that row has no budget bar.",
            charts.three_public(data),
            data.three_public,
        ),
        _section(
            "projects",
            "项目执行率与自评得分",
            "Projects: execution rate and self-evaluation score",
            f"{len(data.projects.rows)} 个项目的全年执行数占全年预算数的比例与总分，按执行率升序。"
            " Each project's executed share of its full-year budget against its score, "
            "lowest execution first.",
            charts.projects(data),
            data.projects,
        ),
        _section(
            "missed-indicators",
            "未达到年度指标值的绩效指标",
            "Indicators that missed their targets",
            _indicator_note(data.indicator_counts),
            charts.missed_indicators(data),
            data.missed_indicators,
            wide_table=True,
        ),
        _section(
            "identities",
            "会计恒等式检验结果",
            "Accounting identities: outcomes",
            "每个恒等式各结果所占比例（括号内为检验数）；表中列出未直接通过的检验。"
            " Share of each outcome per identity (number of checks in brackets); the table "
            "lists every check that did not simply pass.",
            charts.identity_outcomes(data),
            data.identities,
            wide_table=True,
        ),
        _source_lines(data),
    ]
    return _page(
        title,
        f"<h1>{_e(title)}<br><small>Final accounts of {_e(document['department_name'])}, "
        f"{document['fiscal_year']} ({_e(document['caliber'])})</small></h1>"
        f"<p class='note'><a href='index.html'>← 全部文档 all documents</a> · 来源 source: "
        f"{_source_link(data)} (SHA-256 {_e(document['source_sha256'][:16])}…, "
        f"{_extent(document)}) · 金额单位：万元 amounts in 万元 (10,000 yuan)</p>",
        sections,
    )


def index_page(documents: list[dict[str, Any]]) -> str:
    rows = "".join(
        f"<tr><td><a href='{_e(d['document_id'])}.html'>{_e(d['department_name'])}</a></td>"
        f"<td>{d['fiscal_year']}</td><td>{_e(d['caliber'])}</td>"
        f"<td class='num'>{amount(d['current_year_income_wan_yuan'])}</td>"
        f"<td class='num'>{amount(d['current_year_expenditure_wan_yuan'])}</td>"
        f"<td class='num'>{d['projects']}</td>"
        f"<td>{_e(STATUS_WORDS.get(d['status'], d['status']))}</td>"
        f"<td class='num'>{d['critical_fail']}</td><td class='num'>{d['warning_fail']}</td>"
        f"<td><code>{_e(d['document_id'])}</code></td></tr>"
        for d in documents
    )
    table = (
        "<section><table><tr><th>部门<small>department</small></th><th>年度<small>year</small>"
        "</th><th>口径<small>caliber</small></th><th>本年收入(万元)<small>income</small></th>"
        "<th>本年支出(万元)<small>expenditure</small></th><th>项目<small>projects</small></th>"
        "<th>状态<small>status</small></th><th>未通过(关键)<small>critical fails</small></th>"
        "<th>未通过(警告)<small>warning fails</small></th>"
        "<th>文档编号<small>document id</small></th></tr>"
        f"{rows}</table></section>"
    )
    return _page(
        "部门决算报告 Final accounts reports",
        "<h1>部门决算报告<br><small>Final accounts reports</small></h1>"
        f"<p class='note'>{len(documents)} 份文档 document(s) in the warehouse.</p>",
        [table],
        with_plotly=False,
    )


def _overview(data: DocumentData) -> str:
    summary = data.summary
    if summary is None:
        return (
            "<section id='overview'><h2>概览 <small>Overview</small></h2><p class='note'>"
            "本文档未印出收入支出决算总体情况。 The document prints no income and expenditure "
            "summary.</p></section>"
        )
    cards = [
        ("收入总计", "total income", "income_total"),
        ("本年收入", "this year's income", "current_year_income"),
        ("本年支出", "this year's expenditure", "current_year_expenditure"),
        ("年末结转和结余", "balance carried forward", "ending_balance"),
    ]
    html_cards = "".join(
        f"<div class='card'><div class='label'>{zh} <small>{en}</small></div>"
        f"<div class='value'>{amount(summary[key + '_wan_yuan'])} <span class='unit'>万元</span>"
        f"</div><div class='label'>"
        f"{_line_link(summary[key + '_source_line'], spelled_out=True)}</div></div>"
        for zh, en, key in cards
    )
    change = (
        f"<p class='note'>收入支出总计较上年增减 change against last year: "
        f"{amount(summary['change_wan_yuan'])} 万元 "
        f"({percent(summary['change_pct'], signed=True)}%)"
        f"，{_line_link(summary['change_source_line'], spelled_out=True)}。"
        f"{_e(summary['change_reason'] or '')}</p>"
        if summary["change_wan_yuan"] is not None
        else ""
    )
    return (
        "<section id='overview'><h2>概览 <small>Overview</small></h2>"
        f"<div class='cards'>{html_cards}</div>{change}</section>"
    )


def _section(anchor, zh, en, note, figure, table: Table, *, wide_table: bool = False) -> str:
    """A chart with its table beside it, or below it when the table is too wide to share
    the row."""
    layout = "stack" if wide_table else "pair"
    return (
        f"<section id='{anchor}'><h2>{_e(zh)} <small>{_e(en)}</small></h2>"
        f"<p class='note'>{_e(note)}</p><div class='{layout}'>"
        f"<div class='chart' data-chart='{anchor}'>{charts.figure_html(figure, 'chart-' + anchor)}"
        f"</div><div class='table-wrap'>{_table(table, anchor)}</div></div></section>"
    )


def _table(table: Table, anchor: str, data: DocumentData | None = None) -> str:
    if not table.rows:
        return "<p class='note'>无 none.</p>"
    head = "".join(f"<th>{_e(c.zh)}<small>{_e(c.en)}</small></th>" for c in table.columns)
    body = "".join(
        f"<tr class='{_e(str(row.get('outcome', '')))}'>"
        + "".join(_cell(c, row, data) for c in table.columns)
        + "</tr>"
        for row in table.rows
    )
    return f"<table data-table='{anchor}'><tr>{head}</tr>{body}</table>"


def _cell(column: Column, row: dict[str, Any], data: DocumentData | None = None) -> str:
    value = row[column.key]
    if column.kind == "pages" and data is not None:
        pages = [int(p) for p in (value or "").split(",") if p.strip()]
        return f"<td>{', '.join(_page_link(data, p) for p in pages)}</td>"
    if column.kind == "amount":
        return f"<td class='num'>{amount(value)}</td>"
    if column.kind == "exact":  # an identity's sides at the precision it computed them
        return f"<td class='num'>{'' if value is None else _e(str(value))}</td>"
    if column.kind == "pct":
        return f"<td class='num'>{percent(value, row.get('share_decimals'))}</td>"
    if column.kind == "ratio":
        return f"<td class='num'>{ratio(value)}</td>"
    if column.kind == "line":
        return f"<td class='num'>{_line_link(value)}</td>"
    if column.kind == "lines":
        return f"<td>{', '.join(_line_link(n) for n in split_lines(value or ''))}</td>"
    text = "" if value is None else _e(str(value))
    if column.key == "project_name" and row.get("name_quality") == "garbled":
        text += f" <span class='flag' title='name_quality'>({_e(row['name_quality'])})</span>"
    return f"<td>{text}</td>"


# A document's status in words (audit.document_status).
STATUS_WORDS = {
    "certified": "认证通过 certified",
    "certified_with_acknowledgements": (
        "认证通过（含已确认的发布方错误） certified with acknowledgements"
    ),
    "failed_checks": "未通过关键检查 failed checks",
}


def _status(data: DocumentData) -> str:
    document = data.document
    status = document["status"]
    return (
        f"<section id='status'><h2>状态与发现 <small>Status and findings</small></h2>"
        f"<p><span class='{'ok' if status != 'failed_checks' else 'fail'}'>"
        f"{_e(STATUS_WORDS.get(status, status))}</span> · 未通过的关键检查 critical failures: "
        f"{document['critical_failures']} · 已确认 acknowledged: {document['acknowledged']} · "
        f"警告 warnings: {document['warnings']}</p>"
        + (_table(data.findings, "findings", data) if data.findings.rows else "")
        + "</section>"
    )


def _source_link(data: DocumentData) -> str:
    name = _e(data.document["source_file"])
    return f"<a href='{_e(data.source_href)}'>{name}</a>" if data.source_href else name


def _extent(document: dict[str, Any]) -> str:
    if document.get("page_count"):
        return f"{document['page_count']} 页 pages, {document['line_count']} 行 lines"
    return f"{document['line_count']} 行 lines"


def _page_link(data: DocumentData, page: int | None) -> str:
    """A link that opens the PDF at the page (the browser's viewer reads #page=N)."""
    if page is None:
        return ""
    if data.source_href and data.source_href.lower().endswith(".pdf"):
        return f"<a href='{_e(data.source_href)}#page={page}'>{page}</a>"
    return str(page)


def _line_link(line: int | None, *, spelled_out: bool = False) -> str:
    """A link to the quoted source line: '136', or '第 136 行' in running text."""
    if line is None:
        return ""
    return f"<a href='#L{line}'>{f'第 {line} 行' if spelled_out else line}</a>"


def _source_lines(data: DocumentData) -> str:
    paged = bool(data.pages)
    rows = "".join(
        f"<tr id='L{number}'><td class='num'>{number}</td>"
        + (f"<td class='num'>{_page_link(data, data.pages.get(number))}</td>" if paged else "")
        + f"<td>{_e(text)}</td></tr>"
        for number, text in sorted(data.source_lines.items())
    )
    page_header = "<th>页<small>page</small></th>" if paged else ""
    return (
        "<section id='source-lines'><h2>来源行 <small>Source lines</small></h2>"
        "<p class='note'>本报告引用的源文件各行，原样照录；页码链接打开 PDF 的该页。 "
        "Every line of the source document this report cites, verbatim; a page opens the PDF "
        "at that page.</p>"
        f"<div><table><tr><th>行<small>line</small></th>{page_header}"
        f"<th>原文<small>text as printed</small></th></tr>{rows}</table></div></section>"
    )


def _indicator_note(counts: dict[str, int]) -> str:
    return (
        f"共 {sum(counts.values())} 个指标：达到 {counts.get('met', 0)} 个，未达到 "
        f"{counts.get('missed', 0)} 个，无法判断 {counts.get('undetermined', 0)} 个（文字指标或"
        "目标未印出）。图中为可计算完成比（实际/目标）的未达标指标。 Indicators met, missed and "
        "undetermined (text targets or values not printed); the chart shows the missed ones "
        "whose actual/target ratio is defined."
    )


def _page(title: str, header: str, sections: Iterable[str], *, with_plotly: bool = True) -> str:
    # One local copy of Plotly beside the pages (written by write_reports), not one per page.
    script = f"<script src='{PLOTLY_SCRIPT}'></script>" if with_plotly else ""
    return (
        "<!doctype html><html lang='zh-CN'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{_e(title)}</title><style>{STYLE}</style>{script}</head><body>"
        f"<header>{header}</header><main>{''.join(sections)}</main>"
        "<footer>由部门决算开放数据仓库生成，数据来自 marts 与 audit 模式。 Written by the "
        "build of the final-accounts warehouse from its marts and audit schemas.</footer>"
        "</body></html>\n"
    )


PLOTLY_SCRIPT = "plotly.min.js"


def _e(text: str) -> str:
    return html.escape(text, quote=True)
