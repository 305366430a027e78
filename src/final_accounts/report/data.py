"""What a document's report shows, read from the marts and the audit schema.

Each section of the report is one `Table`: its rows feed both the chart and the table
printed beside it, so the two always show the same numbers. Amounts stay Decimal; only the
charts turn them into floats for drawing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import duckdb


@dataclass(frozen=True)
class Column:
    key: str
    zh: str
    en: str
    kind: str = "text"  # text | amount | exact | pct | ratio | line | lines | pages


@dataclass
class Table:
    columns: tuple[Column, ...]
    rows: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class DocumentData:
    document: dict[str, Any]
    summary: dict[str, Any] | None
    classes: Table
    items: Table
    income: Table
    nature: Table
    three_public: Table
    projects: Table
    missed_indicators: Table
    indicator_counts: dict[str, int]
    identities: Table
    identity_counts: list[dict[str, Any]]
    source_lines: dict[int, str]
    findings: Table
    pages: dict[int, int]  # source line → its page (PDF sources)
    source_href: str | None  # the source file, relative to the report (a PDF opens at #page=N)


CLASS_COLUMNS = (
    Column("function_code", "功能分类编码", "code"),
    Column("class_name", "类", "class"),
    Column("amount_wan_yuan", "决算数(万元)", "amount", "amount"),
    Column("share_pct", "占比(%)", "share", "pct"),
    Column("prior_year_wan_yuan", "上年数(万元,由项推算)", "prior year (Σ items)", "amount"),
    Column("change_wan_yuan", "增减(万元,由项推算)", "change (Σ items)", "amount"),
    Column("source_line", "行", "line", "line"),
)
ITEM_COLUMNS = (
    Column("function_code", "功能分类编码", "code"),
    Column("item_name", "项", "item"),
    Column("class_name", "类", "class"),
    Column("amount_wan_yuan", "决算数(万元)", "amount", "amount"),
    Column("prior_year_wan_yuan", "上年数(万元)", "prior year", "amount"),
    Column("change_wan_yuan", "增减(万元)", "change", "amount"),
    Column("change_pct", "增减(%)", "change %", "pct"),
    Column("source_line", "行", "line", "line"),
)
SHARE_COLUMNS = (
    Column("name", "项目", "line item"),
    Column("amount_wan_yuan", "金额(万元)", "amount", "amount"),
    Column("share_pct", "占比(%)", "share", "pct"),
    Column("amount_source_line", "行", "line", "line"),
)
THREE_PUBLIC_COLUMNS = (
    Column("component_name", "项目", "component"),
    Column("budget_wan_yuan", "全年预算数(万元)", "budget", "amount"),
    Column("final_wan_yuan", "决算数(万元)", "final", "amount"),
    Column("budget_variance_pct", "预决算差异率(%)", "variance %", "pct"),
    Column("amount_wan_yuan", "支出(万元)", "spending", "amount"),
    Column("change_wan_yuan", "较上年增减(万元)", "change", "amount"),
    Column("amount_source_line", "行", "line", "line"),
    Column("budget_source_line", "预算行", "budget line", "line"),
)
PROJECT_COLUMNS = (
    Column("table_id", "表", "table"),
    Column("project_name", "项目名称", "project"),
    Column("budget_full_year_wan_yuan", "全年预算数(万元)", "budget", "amount"),
    Column("executed_wan_yuan", "全年执行数(万元)", "executed", "amount"),
    Column("execution_rate_pct", "执行率(%)", "execution %", "pct"),
    Column("total_score", "总分", "score", "amount"),
    Column("source_line", "行", "line", "line"),
)
MISSED_COLUMNS = (
    Column("table_id", "表", "table"),
    Column("level3_name", "三级指标", "indicator"),
    Column("target_text", "年度指标值", "target"),
    Column("actual_text", "实际完成值", "actual"),
    Column("achievement_ratio", "完成比", "achieved", "ratio"),
    Column("score", "得分", "score", "amount"),
    Column("weight", "分值", "weight", "amount"),
    Column("reason_start", "偏差原因(摘录)", "reason (start)"),
    Column("source_line", "行", "line", "line"),
)
IDENTITY_COLUMNS = (
    Column("identity_id", "恒等式", "identity"),
    Column("severity", "级别", "severity"),
    Column("instance", "对象", "instance"),
    Column("outcome", "结果", "outcome"),
    Column("left_value", "左边", "left", "exact"),
    Column("right_value", "右边", "right", "exact"),
    Column("difference", "差", "difference", "exact"),
    Column("envelope", "舍入包络", "envelope", "exact"),
    Column("note", "说明", "note"),
    Column("source_lines", "行", "lines", "lines"),
)


FINDING_COLUMNS = (
    Column("check_id", "检查", "check"),
    Column("severity", "级别", "severity"),
    Column("outcome", "结果", "outcome"),
    Column("what_is_checked", "对象", "what is checked"),
    Column("left_value", "左边", "left", "exact"),
    Column("right_value", "右边", "right", "exact"),
    Column("pages", "页", "pages", "pages"),
    Column("source_lines", "行", "lines", "lines"),
)


def document_ids(connection: duckdb.DuckDBPyConnection) -> list[str]:
    return [row[0] for row in connection.execute(_DOCUMENT_IDS).fetchall()]


def read_document(
    connection: duckdb.DuckDBPyConnection, document_id: str, documents_href: str | None = None
) -> DocumentData:
    """documents_href: where the report finds the documents folder, relative to its page."""

    def rows(sql: str) -> list[dict[str, Any]]:
        cursor = connection.execute(sql, [document_id])
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    document = rows("select * from marts.dim_document where document_id = ?")[0]
    summary = rows(
        "select * from marts.fct_income_expenditure_summary where document_id = ? "
        "and figure_source = 'narrative'"
    )
    tables = {
        "classes": Table(CLASS_COLUMNS, rows(_CLASSES)),
        "items": Table(ITEM_COLUMNS, rows(_ITEMS)),
        "income": Table(SHARE_COLUMNS, rows(_INCOME)),
        "nature": Table(SHARE_COLUMNS, rows(_NATURE)),
        "three_public": Table(THREE_PUBLIC_COLUMNS, rows(_THREE_PUBLIC)),
        "projects": Table(PROJECT_COLUMNS, rows(_PROJECTS)),
        "missed_indicators": Table(MISSED_COLUMNS, rows(_MISSED)),
        "identities": Table(IDENTITY_COLUMNS, rows(_IDENTITIES)),
        "findings": Table(FINDING_COLUMNS, rows(_FINDINGS)),
    }
    indicator_counts = {r["status"]: r["indicators"] for r in rows(_INDICATOR_COUNTS)}
    lines = _referenced_lines(summary, tables.values())
    cited = [r for r in rows(_SOURCE_LINES) if r["source_line"] in lines]
    return DocumentData(
        document=document,
        summary=summary[0] if summary else None,
        indicator_counts=indicator_counts,
        identity_counts=rows(_IDENTITY_COUNTS),
        source_lines={r["source_line"]: r["raw_text"] for r in cited},
        pages={r["source_line"]: r["page"] for r in cited if r["page"] is not None},
        source_href=(
            f"{documents_href.rstrip('/')}/{document['source_file']}" if documents_href else None
        ),
        **tables,
    )


def _referenced_lines(summary: list[dict[str, Any]], tables) -> set[int]:
    lines: set[int] = set()
    for row in summary:
        lines.update(v for k, v in row.items() if k.endswith("source_line") and v is not None)
    for table in tables:
        for column in table.columns:
            for row in table.rows:
                value = row[column.key]
                if value is None:
                    continue
                if column.kind == "line":
                    lines.add(value)
                elif column.kind == "lines":
                    lines.update(split_lines(value))
    return lines


def split_lines(value: str) -> list[int]:
    """The line numbers of a comma-separated list such as audit's `source_lines`."""
    return [int(part) for part in value.split(",") if part.strip()]


_DOCUMENT_IDS = "select document_id from marts.dim_document order by fiscal_year desc, document_id"

# The 类 of 五(二) with last year derived from its 项 (amount − change, summed) when every
# 项 prints its change; the report labels those two columns as derived.
_CLASSES = """
select classes.function_code, classes.class_name, classes.amount_wan_yuan, classes.share_pct,
       case when count(items.change_wan_yuan) = count(*) then sum(items.prior_year_wan_yuan) end
           as prior_year_wan_yuan,
       case when count(items.change_wan_yuan) = count(*) then sum(items.change_wan_yuan) end
           as change_wan_yuan,
       classes.source_line
from marts.fct_functional_class_expenditure as classes
left join marts.fct_functional_expenditure as items
  on items.document_id = classes.document_id and items.class_code = classes.function_code
 and items.budget_type = classes.budget_type
where classes.document_id = ?
group by all
order by classes.function_code
"""

_ITEMS = """
select function_code, item_name, class_name, budget_type, amount_wan_yuan, prior_year_wan_yuan,
       change_wan_yuan, change_pct, source_line
from marts.fct_functional_expenditure
where document_id = ?
order by amount_wan_yuan desc, function_code
"""

_INCOME = """
select source_name as name, amount_wan_yuan, share_pct, share_decimals, amount_source_line
from marts.fct_income_by_source
where document_id = ?
order by source_order
"""

_NATURE = """
select nature_name as name, amount_wan_yuan, share_pct, share_decimals, amount_source_line
from marts.fct_expenditure_by_nature
where document_id = ?
order by nature_order
"""

_THREE_PUBLIC = """
select component_code, parent_component_code, component_name, budget_wan_yuan, final_wan_yuan,
       budget_variance_pct, amount_wan_yuan, change_wan_yuan, amount_source_line,
       budget_source_line
from marts.fct_three_public_expenses
where document_id = ? and figure_source = 'narrative'
order by component_order
"""

_PROJECTS = """
select projects.table_id, projects.project_name, projects.name_quality,
       funding.budget_full_year_wan_yuan, funding.executed_wan_yuan, funding.execution_rate_pct,
       projects.total_score, funding.source_line
from marts.fct_project_funding as funding
join marts.dim_project as projects on projects.project_id = funding.project_id
where funding.row_kind = 'total' and funding.document_id = ?
order by funding.execution_rate_pct nulls last, projects.table_id
"""

_MISSED = """
select results.table_id, coalesce(projects.project_name, '部门整体') as project_name,
       coalesce(results.level3_name, '(三级指标未印出)') as level3_name, results.target_text,
       results.actual_text, results.achievement_ratio, results.score, results.weight,
       left(results.deviation_reason, 40) as reason_start, results.source_line
from marts.fct_indicator_result as results
left join marts.dim_project as projects on projects.project_id = results.project_id
where results.is_target_met = false and results.document_id = ?
order by results.table_id, results.indicator_seq
"""

_INDICATOR_COUNTS = """
select case is_target_met when true then 'met' when false then 'missed' else 'undetermined' end
           as status,
       count(*) as indicators
from marts.fct_indicator_result
where document_id = ?
group by all
"""

# Every identity row that did not simply pass; the counts chart shows all of them.
_IDENTITIES = """
select identity_id, severity, instance, outcome, left_value, right_value, difference, envelope,
       coalesce(not_evaluable_reason, acknowledgement_evidence) as note, source_lines
from audit.identity_results
where outcome <> 'pass' and document_id = ?
order by severity, outcome, identity_id, instance
"""

_IDENTITY_COUNTS = """
select identity_id, outcome, count(*) as checks
from audit.identity_results
where document_id = ?
group by all
order by identity_id, outcome
"""

_SOURCE_LINES = """
select source_line, raw_text, page from marts.dim_source_line where document_id = ?
order by source_line
"""

# The document's findings that a reader must know of: failures and acknowledged errors.
_FINDINGS = """
select check_id, severity, outcome, what_is_checked, left_value, right_value, pages,
       source_lines
from audit.findings
where document_id = ? and outcome in ('fail', 'acknowledged')
order by outcome = 'acknowledged', severity, check_id, what_is_checked
"""
