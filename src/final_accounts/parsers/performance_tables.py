"""The performance self-evaluation tables of section 十一 (部门整体支出绩效自评表 and the
项目支出绩效自评表), docs/DOMAIN.md §3–§5.

Stages (each in parsers/performance/): split the section into tables and each table into
its parts (layout) → names and units (names) → fund rows (funds) → goal texts (goals) →
indicator rows (lines, indicators) → extraction quality per table (quality). `summarise`
prints the result for a person to read. The identities P1–P8 are the warehouse's (the check
registry), not the extractor's.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from ..document import Document
from ..errors import ExtractionError
from ..performance_records import (
    Conflict,
    DepartmentTable,
    FundRow,
    Indicator,
    LayerNote,
    PerformanceExtract,
    ProjectTable,
    Recovery,
)
from ..sections import KIND_PERFORMANCE_TABLES, Section
from .performance.cells import Line, strip_markup
from .performance.funds import SECTION_CODE, fund_rows
from .performance.goals import Goals, goals
from .performance.indicators import department_indicators, project_indicators
from .performance.layout import TableLayout, split_tables
from .performance.names import (
    Reference,
    declared_totals,
    department_and_unit,
    project_name,
    references,
)
from .performance.notes import Notes
from .performance.quality import table_quality
from .performance.summary import summarise
from .performance.values import parse_amount, parse_score

__all__ = ["parse_performance_tables", "summarise"]

# A fund row of a project table (`年度资金总额`, wrapped as `年度资 | 金总额`).
_PROJECT_FUND_LABEL = re.compile(r"年度资金总额|年度资金总|金总额")


def parse_performance_tables(document: Document, section: Section) -> PerformanceExtract:
    """Every table of the section as typed records, with what had to be recovered, what
    conflicts, what is missing and how the identities P1–P8 come out."""
    if section.kind != KIND_PERFORMANCE_TABLES:
        raise ExtractionError(
            document.source_file,
            f"not a performance-tables section (kind {section.kind})",
            section=section.code,
            line=section.heading_line,
        )
    refs = references(document)
    layouts = split_tables(document, section)
    _check_every_table_is_named(document, layouts)
    extract = PerformanceExtract(declared=declared_totals(document, section), department=None)
    notes = Notes()
    for layout in layouts:
        table_notes = Notes()
        rows = _recover_funds_from_embedded(
            layout, fund_rows(layout, document, table_notes), table_notes
        )
        extract.fund_rows += rows
        if layout.kind == "department":
            extract.indicators += department_indicators(layout, table_notes)
            extract.department = _department(layout, goals(layout))
        else:
            table, indicators = _project(layout, document, refs, table_notes)
            extract.projects.append(table)
            extract.indicators += indicators
        notes.extend(table_notes)
    extract.recoveries = notes.recoveries
    extract.conflicts = notes.conflicts
    extract.layers = notes.layers
    extract.missing = notes.missing
    extract.quality = [table_quality(extract, layout.table_id) for layout in layouts]
    return extract


def _project(
    layout: TableLayout,
    document: Document,
    refs: list[Reference],
    notes: Notes,
) -> tuple[ProjectTable, list[Indicator]]:
    name = project_name(layout, document, notes)
    units = department_and_unit(layout, document, refs, name.bleed, notes)
    goal = goals(layout)
    total_weight, total_score, total_raw = _total_row(layout)
    indicators = project_indicators(layout, notes)
    assert layout.name_line is not None
    table = ProjectTable(
        table_id=layout.table_id,
        seq=layout.seq,
        raw_name=name.raw_name,
        name=name.name,
        name_quality=name.quality,
        name_source_line=name.source_line,
        competent_department_raw=units.competent_raw,
        competent_department=units.competent,
        implementing_unit_raw=units.unit_raw,
        implementing_unit=units.unit,
        expected_goal=goal.expected,
        actual_goal=goal.actual,
        goal_source_line=goal.first_line,
        goal_source_line_end=goal.last_line,
        total_weight=total_weight,
        total_score=total_score,
        total_score_raw=total_raw,
        total_line=layout.total_line.number if layout.total_line else None,
        source_line=layout.first_line,
        source_line_end=layout.last_line,
        raw_text=layout.name_line.raw,
    )
    return table, indicators


def _check_every_table_is_named(document: Document, layouts: list[TableLayout]) -> None:
    """A project fund row (年度资金总额) outside the fund part of a project table means a
    table without its 项目名称 row: bad input."""
    for layout in layouts:
        stray: list[Line] = layout.indicator_lines + layout.goal_lines
        if layout.kind == "department":
            stray = stray + layout.fund_lines
        for line in stray:
            labels = "".join(c.compact for c in line.filled)
            amounts = sum(1 for c in line.filled if parse_amount(c.text) and "." in c.compact)
            if _PROJECT_FUND_LABEL.search(labels) and amounts >= 2:
                raise ExtractionError(
                    document.source_file,
                    "a project table without its 项目名称 row (its fund row is here)",
                    section=SECTION_CODE,
                    line=line.number,
                )


def _department(layout: TableLayout, goal: Goals) -> DepartmentTable:
    line = layout.name_line
    raw = line.raw if line else ""
    cells = [c for c in line.filled if c.compact != "部门名称"] if line else []
    name_raw = " | ".join(c.text for c in cells)
    name = "".join(c.compact for c in cells) or None
    return DepartmentTable(
        table_id=layout.table_id,
        department_name_raw=name_raw,
        department_name=name,
        expected_goal=goal.expected,
        actual_goal=goal.actual,
        goal_source_line=goal.first_line,
        goal_source_line_end=goal.last_line,
        source_line=layout.first_line,
        source_line_end=layout.last_line,
        raw_text=raw,
    )


def _total_row(layout: TableLayout) -> tuple[Decimal | None, Decimal | None, str | None]:
    """(总分 weight, 总分 score, score as printed) from the 总分 row: `总分 | 100 | 98. 50 分`."""
    line = layout.total_line
    if line is None:
        return None, None, None
    numbers = []
    for cell in line.filled:
        if cell.compact == "总分":
            continue
        number, _ = parse_score(cell.text)
        if number is not None:
            numbers.append((number, cell.text))
    if not numbers:
        return None, None, None
    score, raw = numbers[-1]
    weight = numbers[-2][0].value if len(numbers) >= 2 else None
    return weight, score.value, raw


# Fund rows copied inside an embedded layer: `其中: 当年財政拨款         7.20         7.20 …`.
_EMBEDDED_FUND = (
    (re.compile(r"年度资金总额|再度资金总额"), "total"),
    (re.compile(r"其中[::]?\s*当年[財财]政拨款"), "current_year_appropriation"),
    (re.compile(r"其他资金"), "other"),
)


def _recover_funds_from_embedded(
    layout: TableLayout, rows: list[FundRow], notes: Notes
) -> list[FundRow]:
    """A fund amount missing from its row but legible in an embedded copy of the row in the
    same table; a copy that disagrees with a printed amount is a conflict."""
    copies: dict[str, tuple[int, list[str]]] = {}
    lines = layout.name_lines + layout.fund_header + layout.fund_lines + layout.goal_lines
    for line in lines:
        for cell in line.cells:
            if not cell.embedded:
                continue
            fields = [f.strip() for f in re.split(r" {2,}", strip_markup(cell.raw)) if f.strip()]
            for k, text in enumerate(fields):
                for pattern, kind in _EMBEDDED_FUND:
                    if pattern.fullmatch(re.sub(r"\s+", "", text)) or pattern.fullmatch(text):
                        amounts = fields[k + 1 : k + 4]
                        if len(amounts) == 3 and all(parse_amount(a) for a in amounts):
                            copies.setdefault(kind, (line.number, amounts))
    if not copies:
        return rows
    result = []
    for row in rows:
        copy = copies.get(row.row_kind)
        if copy is None:
            result.append(row)
            continue
        line, amounts = copy
        changes = {}
        for field, text in zip(
            ("initial_budget", "annual_budget", "executed"), amounts, strict=True
        ):
            value = parse_amount(text).value  # type: ignore[union-attr]
            printed = getattr(row, field)
            if printed is None:
                changes[field] = value
                changes[f"{field}_raw"] = text
                notes.recoveries.append(
                    Recovery(
                        layout.table_id,
                        f"fund:{row.row_kind}:{field}",
                        text,
                        line,
                        row.source_line,
                        "embedded_layer_copy_of_the_row",
                    )
                )
                notes.missing[:] = [
                    m
                    for m in notes.missing
                    if not (
                        m.table_id == layout.table_id and m.field == f"fund:{row.row_kind}:{field}"
                    )
                ]
            elif printed != value:
                notes.conflicts.append(
                    Conflict(
                        layout.table_id,
                        f"fund:{row.row_kind}:{field}",
                        str(printed),
                        row.source_line,
                        text,
                        line,
                        str(printed),
                        "kept_table_cell_over_embedded_layer",
                    )
                )
        if not changes:
            notes.layers.append(
                LayerNote(
                    layout.table_id, line, "embedded_layer", row.source_line, " ".join(amounts)
                )
            )
        result.append(_replace(row, changes))
    return result


def _replace(row: FundRow, changes: dict[str, object]) -> FundRow:
    return replace(row, **changes) if changes else row  # type: ignore[arg-type]
