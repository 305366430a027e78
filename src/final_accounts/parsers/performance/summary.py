"""A plain-text summary of a PerformanceExtract, for a person to read."""

from __future__ import annotations

from ...performance_records import (
    DEPARTMENT_TABLE_ID,
    FundRow,
    Indicator,
    IndicatorValue,
    PerformanceExtract,
)


def _value(value: IndicatorValue | None) -> str:
    if value is None:
        return "—"
    if value.kind == "quantitative":
        return f"{value.operator or ''}{value.value}{value.unit or ''}"
    return value.text if value.kind != "unreadable" else f"?{value.raw!r}"


def _number(value: object) -> str:
    return "—" if value is None else str(value)


def _indicator(i: Indicator) -> str:
    levels = f"[{i.level1 or '—'} / {i.level2 or '—'}]"
    values = f"{_value(i.target)} → {_value(i.actual)}"
    numbers = f"{_number(i.weight)}/{_number(i.score)}"
    return f"    {i.seq:>2}. {levels} {i.name or '—'} ({i.name_quality}): {values}  {numbers}"


def _fund(r: FundRow) -> str:
    amounts = " / ".join(_number(v) for v in (r.initial_budget, r.annual_budget, r.executed))
    scoring = f"{_number(r.weight)} {_number(r.execution_rate_pct)}% {_number(r.score)}"
    return f"    {r.row_kind:<27} {amounts}  {scoring}  L{r.source_line}"


def _heading(extract: PerformanceExtract, table_id: str) -> str:
    if table_id == DEPARTMENT_TABLE_ID and extract.department:
        d = extract.department
        lines = f"(lines {d.source_line}–{d.source_line_end})"
        return f"D   部门整体支出绩效自评表 {d.department_name} {lines}"
    p = next(p for p in extract.projects if p.table_id == table_id)
    return (
        f"{p.table_id} {p.name} [{p.name_quality}] (lines {p.source_line}–{p.source_line_end})\n"
        f"    主管 {p.competent_department} · 实施 {p.implementing_unit} · 总分 {p.total_score}"
    )


def summarise(extract: PerformanceExtract, *, indicators: bool = True) -> str:
    """Counts first, then each table: fund rows, indicators and extraction quality."""
    out: list[str] = []
    declared = extract.declared
    if declared:
        out.append(
            f"Section 十一 declares {declared.project_count} projects, 全年预算数 "
            f"{declared.project_annual_budget}, 全年执行数 {declared.project_executed} "
            f"(line {declared.source_line})"
        )
    out.append(
        f"{len(extract.projects)} project tables, {len(extract.indicators)} indicator rows, "
        f"{len(extract.recoveries)} recoveries, {len(extract.conflicts)} conflicts, "
        f"{len(extract.missing)} missing cells, {len(extract.layers)} layer notes"
    )
    tables = [p.table_id for p in extract.projects]
    if extract.department:
        tables.insert(0, DEPARTMENT_TABLE_ID)
    quality = {q.table_id: q for q in extract.quality}
    for table_id in tables:
        out += ["", _heading(extract, table_id)]
        out += [_fund(r) for r in extract.fund_rows_of(table_id)]
        if indicators:
            out += [_indicator(i) for i in extract.indicators_of(table_id)]
        q = quality.get(table_id)
        if q:
            out.append(
                f"    quality: {q.extracted_cells}/{q.expected_cells} cells, "
                f"{q.missing_cells} missing, {q.recovered_cells} recovered, "
                f"{q.conflicts} conflicts, {q.dropped_layers} layers"
            )
    return "\n".join(out)
