"""A plain-text summary of a PerformanceExtract, for a person to read."""

from __future__ import annotations

from collections import Counter

from ...performance_records import Indicator, IndicatorValue, PerformanceExtract


def _value(value: IndicatorValue | None) -> str:
    if value is None:
        return "—"
    if value.kind == "quantitative":
        return f"{value.operator or ''}{value.value}{value.unit or ''}"
    return f"{value.text}" if value.kind != "unreadable" else f"?{value.raw!r}"


def _indicator(i: Indicator) -> str:
    return (
        f"    {i.seq:>2}. [{i.level1 or '—'} / {i.level2 or '—'}] {i.name or '—'}"
        f" ({i.name_quality}): {_value(i.target)} → {_value(i.actual)}"
        f"  {i.weight if i.weight is not None else '—'}/{i.score if i.score is not None else '—'}"
        f"  L{i.source_line}"
    )


def summarise(extract: PerformanceExtract, *, indicators: bool = True) -> str:
    """Tables, their fund rows, indicators and checks, then the notes, in a few lines each."""
    out: list[str] = []
    declared = extract.declared
    if declared:
        out.append(
            f"Section 十一 declares {declared.project_count} projects, 全年预算数 "
            f"{declared.project_annual_budget}, 全年执行数 {declared.project_executed} "
            f"(line {declared.source_line})"
        )
    outcomes = Counter((c.identity, c.outcome) for c in extract.checks)
    out.append(
        f"{len(extract.projects)} project tables, {len(extract.indicators)} indicator rows, "
        f"{len(extract.recoveries)} recoveries, {len(extract.conflicts)} conflicts, "
        f"{len(extract.missing)} missing cells, {len(extract.layers)} layer notes"
    )
    out.append("checks: " + ", ".join(f"{k[0]} {k[1]}: {v}" for k, v in sorted(outcomes.items())))
    tables = (
        ["D"] + [p.table_id for p in extract.projects]
        if extract.department
        else [p.table_id for p in extract.projects]
    )
    quality = {q.table_id: q for q in extract.quality}
    for table_id in tables:
        out.append("")
        if table_id == "D" and extract.department:
            d = extract.department
            out.append(
                f"D  部门整体支出绩效自评表 {d.department_name} (lines {d.source_line}–{d.source_line_end})"
            )
        else:
            p = next(p for p in extract.projects if p.table_id == table_id)
            out.append(
                f"{p.table_id} {p.name} [{p.name_quality}] (lines {p.source_line}–{p.source_line_end})"
                f"  主管 {p.competent_department} · 实施 {p.implementing_unit} · 总分 {p.total_score}"
            )
        for r in extract.fund_rows_of(table_id):
            out.append(
                f"    {r.row_kind:<27} {r.initial_budget} / {r.annual_budget} / {r.executed}"
                f"  {r.weight} {r.execution_rate_pct}% {r.score}  L{r.source_line}"
            )
        if indicators:
            out += [_indicator(i) for i in extract.indicators_of(table_id)]
        q = quality.get(table_id)
        if q:
            out.append(
                f"    quality: {q.extracted_cells}/{q.expected_cells} cells, {q.missing_cells} missing,"
                f" {q.recovered_cells} recovered, {q.conflicts} conflicts, {q.dropped_layers} layers"
            )
        bad = [
            c
            for c in extract.checks
            if c.table_id == table_id and c.outcome not in ("pass", "rounding")
        ]
        for c in bad:
            out.append(f"    {c.identity} {c.subject}: {c.outcome} — {c.detail}")
    out.append("")
    for c in extract.checks:
        if c.table_id == "*":
            out.append(
                f"{c.identity} {c.subject}: {c.outcome} (implied: {c.implied_outcome}) — {c.detail[:200]}"
            )
    return "\n".join(out)
