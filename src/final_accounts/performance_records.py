"""Typed records of the performance self-evaluation tables (section 十一, docs/DOMAIN.md §3).

One dataclass per raw table row. Every row names its table (`table_id`: "D" for the
部门整体支出绩效自评表, "P01" … for the 项目支出绩效自评表 in document order) and keeps the
line(s) it came from and the text as printed, so any value can be traced to the page.
Amounts are 万元; percents are percent values (93.34 for `93. 34%`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

DEPARTMENT_TABLE_ID = "D"


def project_table_id(seq: int) -> str:
    """P01, P02, … for the project tables in document order."""
    return f"P{seq:02d}"


@dataclass(frozen=True)
class DeclaredTotals:
    """What section 十一 says about the tables: `项目 58 个, 全年预算数 33,285.22 万元,
    全年执行数 33,125.66 万元` (and the department-level totals before it)."""

    project_count: int | None
    project_annual_budget: Decimal | None
    project_executed: Decimal | None
    department_annual_budget: Decimal | None
    department_executed: Decimal | None
    source_line: int
    raw_text: str


@dataclass(frozen=True)
class DepartmentTable:
    """The 部门整体支出绩效自评表."""

    table_id: str
    department_name_raw: str
    department_name: str | None
    expected_goal: str | None  # 预期目标, best effort (the goal cells are printed in strips)
    actual_goal: str | None  # 实际完成目标
    goal_source_line: int | None
    goal_source_line_end: int | None
    source_line: int  # first line of the table
    source_line_end: int
    raw_text: str  # the 部门名称 line as printed


@dataclass(frozen=True)
class ProjectTable:
    """One 项目支出绩效自评表: its name, the two units, goal texts and 总分."""

    table_id: str
    seq: int  # 1 … in document order
    raw_name: str  # the name cells as printed (markup removed), cells joined by " | "
    name: str | None  # cleaned: whitespace, stray glyphs and bleed removed, glyphs repaired
    name_quality: str  # clean | repaired | recovered | garbled | missing
    name_source_line: int  # the line the cleaned name was read from
    competent_department_raw: str | None  # 主管部门 cells as printed
    competent_department: str | None
    implementing_unit_raw: str | None  # 实施单位 cells as printed
    implementing_unit: str | None
    expected_goal: str | None  # 年度总体目标 · 预期目标 (best effort)
    actual_goal: str | None  # 年度总体目标 · 实际完成情况 (best effort)
    goal_source_line: int | None
    goal_source_line_end: int | None
    total_weight: Decimal | None  # the 100 printed on the 总分 row
    total_score: Decimal | None  # 总分 as printed, e.g. 98.50
    total_score_raw: str | None
    total_line: int | None
    source_line: int  # the 项目名称 line (or the line before it when the name starts there)
    source_line_end: int
    raw_text: str  # the 项目名称 line as printed


@dataclass(frozen=True)
class FundRow:
    """A 项目资金 row (年度资金总额 / 其中:当年财政拨款 / 其他资金) or a department fund row
    (年度总资金 / 上级资金 / 本级资金 / 其他资金). `-` and `_` (not applicable) become None."""

    table_id: str
    row_kind: str  # total | current_year_appropriation | other | superior | own_level
    label_raw: str
    initial_budget: Decimal | None  # 年初预算数
    annual_budget: Decimal | None  # 全年预算数
    executed: Decimal | None  # 全年执行数
    weight: Decimal | None  # 分值 (分值权重)
    execution_rate_pct: Decimal | None  # 执行率, percent
    score: Decimal | None  # 得分
    initial_budget_raw: str | None
    annual_budget_raw: str | None
    executed_raw: str | None
    weight_raw: str | None
    execution_rate_raw: str | None
    score_raw: str | None
    source_line: int
    raw_text: str


@dataclass(frozen=True)
class IndicatorValue:
    """A target (年度指标值) or actual (实际完成值) as printed and parsed.

    kind: quantitative (`>=10 万人` → >=, 10, 万人), qualitative (`有效促进`), text (a date
    or a value whose number is not the measure, `每月 25 日前`), unreadable (printed but
    not parseable, `/-30 Y`)."""

    raw: str
    text: str  # whitespace removed, glyphs repaired
    operator: str | None  # >=, <=, =, >, <
    value: Decimal | None
    unit: str | None
    kind: str


@dataclass(frozen=True)
class Indicator:
    """One indicator row of a table (三级指标), with its merged-cell levels."""

    table_id: str
    seq: int  # 1 … within the table
    level1: str | None  # 一级指标
    level1_source: str | None  # printed | merged_cell_above | merged_cell_below | from_level2
    level2: str | None  # 二级指标
    level2_source: str | None
    name: str | None  # 三级指标, cleaned
    name_raw: str | None  # fragments as printed, joined by " | "
    name_quality: str  # clean | joined | garbled | missing
    target: IndicatorValue | None
    basis: str | None  # 指标值设定依据 (department table only)
    actual: IndicatorValue | None
    weight: Decimal | None  # 分值
    weight_raw: str | None
    score: Decimal | None  # 得分
    score_raw: str | None
    deviation_reason: str | None  # 偏差原因分析及改进措施, fragments joined
    source_line: int  # the line carrying the row's values
    source_line_end: int  # last line of its wrapped cells
    first_line: int  # first line of its wrapped cells
    layer_lines: tuple[int, ...]  # other printings of this row merged into it
    raw_text: str


@dataclass(frozen=True)
class Recovery:
    """A value illegible where it belongs but legible elsewhere in the same table."""

    table_id: str
    field: str  # e.g. project_name, implementing_unit, indicator:7:actual, fund:total:weight
    recovered_value: str
    source_line: int  # where the legible value was read
    target_line: int | None  # where the value belongs
    rule: str


@dataclass(frozen=True)
class Conflict:
    """Two printings of the same cell that disagree. Both are kept here; `kept` says which
    value the records carry and `resolution` by which rule."""

    table_id: str
    field: str
    value_a: str
    line_a: int
    value_b: str
    line_b: int
    kept: str | None
    resolution: str


@dataclass(frozen=True)
class MissingCell:
    """A cell the table should have but the text does not carry. (What an identity would
    imply for it is the identity's to say: audit.identity_results.implied_value.)"""

    table_id: str
    field: str
    line: int | None
    reason: str


@dataclass(frozen=True)
class LayerNote:
    """A line (or cell) not used as a row of its own: a duplicated printing, an OCR-like
    garbage layer, an embedded copy of other rows, stray glyphs."""

    table_id: str
    line: int
    kind: str  # duplicate_row | garbage_layer | complementary_layer | embedded_layer | garbage_cell
    kept_line: int | None  # the row it duplicates or belongs to
    text: str


@dataclass(frozen=True)
class TableQuality:
    """Per table: how many cells the template asks for and what became of them."""

    table_id: str
    expected_cells: int
    extracted_cells: int  # expected cells that carry a value (printed or recovered)
    missing_cells: int
    recovered_cells: int
    conflicts: int
    dropped_layers: int
    indicators: int


@dataclass
class PerformanceExtract:
    """Everything read from the performance tables of one document."""

    declared: DeclaredTotals | None
    department: DepartmentTable | None
    projects: list[ProjectTable] = field(default_factory=list)
    fund_rows: list[FundRow] = field(default_factory=list)  # department and projects
    indicators: list[Indicator] = field(default_factory=list)  # department and projects
    recoveries: list[Recovery] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    missing: list[MissingCell] = field(default_factory=list)
    layers: list[LayerNote] = field(default_factory=list)
    quality: list[TableQuality] = field(default_factory=list)

    def fund_rows_of(self, table_id: str) -> list[FundRow]:
        return [r for r in self.fund_rows if r.table_id == table_id]

    def indicators_of(self, table_id: str) -> list[Indicator]:
        return [r for r in self.indicators if r.table_id == table_id]

    def project(self, name: str) -> ProjectTable:
        """The project whose cleaned name is name (ValueError if none or several)."""
        found = [p for p in self.projects if p.name == name]
        if len(found) != 1:
            raise ValueError(f"{len(found)} projects named {name!r}")
        return found[0]
