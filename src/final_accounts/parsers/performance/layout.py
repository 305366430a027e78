"""Where each table and each of its parts is: the name line, the 主管部门 line, the fund
rows, the goal lines, the indicator header and rows, the 总分 row.

Patterns relied on (section 十一 of the template, after `# 部门整体支出绩效自评表`):
- the department-level table comes first and runs to the first 项目名称 cell;
- every project table starts at the line with a cell `项目名称` (once in the middle of a
  line, after an embedded layer) and runs to the next one; its 总分 row is usually last but
  once rows follow it;
- a project name may start on the line above its 项目名称 line (a *preamble*: a line of
  name pieces right above it, with no score cells);
- inside a table the parts come in template order: 主管部门/实施单位, the fund header
  (年初预算数 … 得分), the three fund rows, 预期目标/实际完成情况, the goal texts, the indicator
  header (一级指标 … 偏差原因分析及改进措施), the indicator rows, 总分.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...document import Document
from ...errors import ExtractionError
from ...performance_records import DEPARTMENT_TABLE_ID, project_table_id
from ...sections import Section
from .cells import Line, read_lines
from .values import is_score, parse_amount, parse_percent, split_amount_cells

PROJECT_NAME_LABEL = "项目名称"
DEPARTMENT_NAME_LABEL = "部门名称"
COMPETENT_LABEL = "主管部门"
UNIT_LABEL = "实施单位"
TOTAL_LABEL = "总分"

# Words of the fund header row (header cells are split: `年初预算 数`).
_FUND_HEADER_WORDS = ("年初预算", "全年预算", "全年执行", "执行率", "资金来源", "分值")
# Not-applicable marks of the fund rows other than the total.
_NOT_APPLICABLE_MARKS = {"-", "_", "—"}
# Words of the goal header row.
_GOAL_HEADER = re.compile(r"^(?:预期目标|实际完成(?:情况|目标)?|实际完|成目标|完成情况|成情况|况)$")
# Words of the indicator header row(s).
_INDICATOR_HEADER_WORDS = {
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "年度指标",
    "预期指标值",
    "实际完成值",
    "实际完成",
    "实际完成指标值",
    "指标值设定依据",
    "值",
    "分值",
    "分值权重",
    "得分",
    "偏差原因",
    "偏差原因分析及改进措施",
    "分析及改",
    "进措施",
    "研左原因分析及改进措施",
}


@dataclass
class TableLayout:
    """The lines of one table, by part."""

    table_id: str
    seq: int  # 0 for the department table
    kind: str  # department | project
    first_line: int
    last_line: int
    name_lines: list[Line] = field(default_factory=list)  # preamble lines + the name line
    name_line: Line | None = None
    department_line: Line | None = None  # 主管部门 / 实施单位
    fund_header: list[Line] = field(default_factory=list)
    fund_lines: list[Line] = field(default_factory=list)
    goal_header: list[Line] = field(default_factory=list)
    goal_lines: list[Line] = field(default_factory=list)
    indicator_header: list[Line] = field(default_factory=list)
    indicator_lines: list[Line] = field(default_factory=list)  # rows, 总分 and after
    total_line: Line | None = None


def split_tables(document: Document, section: Section) -> list[TableLayout]:
    """The department table (if any) and the project tables, in document order."""
    lines = read_lines(document, section.first_line, section.last_line)
    starts = [i for i, line in enumerate(lines) if _is_name_line(line)]
    tables: list[TableLayout] = []
    first_start = starts[0] if starts else len(lines)
    if first_start > 0 and any(
        line.has_cell(DEPARTMENT_NAME_LABEL) for line in lines[:first_start]
    ):
        tables.append(_department_layout(lines[:first_start]))
    for seq, start in enumerate(starts, start=1):
        end = starts[seq] if seq < len(starts) else len(lines)
        preamble = _preamble(lines, start, tables[-1] if tables else None)
        if preamble and tables:
            _drop_lines(tables[-1], {line.number for line in preamble})
        tables.append(_project_layout(document, seq, lines[start - len(preamble) : end], preamble))
    return tables


def _drop_lines(layout: TableLayout, numbers: set[int]) -> None:
    """Give the next table's preamble lines back to it."""
    layout.indicator_lines = [ln for ln in layout.indicator_lines if ln.number not in numbers]
    layout.last_line = min(numbers) - 1


def _is_name_line(line: Line) -> bool:
    return any(c.compact == PROJECT_NAME_LABEL for c in line.filled)


def _preamble(lines: list[Line], start: int, previous: TableLayout | None) -> list[Line]:
    """Lines of name pieces right above a 项目名称 line (no blank line between), after the
    previous table's 总分 row, with no cell that is a score or an amount."""
    preamble: list[Line] = []
    limit = previous.total_line.number if previous and previous.total_line else None
    i = start - 1
    while i >= 0 and not lines[i].blank:
        line = lines[i]
        if limit is None or line.number <= limit:
            break
        if any(is_score(c.text) or parse_amount(c.text) for c in line.filled):
            break
        preamble.insert(0, line)
        i -= 1
    return preamble


def _department_layout(lines: list[Line]) -> TableLayout:
    layout = TableLayout(DEPARTMENT_TABLE_ID, 0, "department", lines[0].number, lines[-1].number)
    name_line = next((ln for ln in lines if ln.has_cell(DEPARTMENT_NAME_LABEL)), None)
    layout.name_line = name_line
    layout.name_lines = [name_line] if name_line else []
    _fill_parts(layout, [ln for ln in lines if name_line is None or ln.number > name_line.number])
    return layout


def _project_layout(
    document: Document, seq: int, lines: list[Line], preamble: list[Line]
) -> TableLayout:
    layout = TableLayout(project_table_id(seq), seq, "project", lines[0].number, lines[-1].number)
    name_index = len(preamble)
    layout.name_line = lines[name_index]
    layout.name_lines = lines[: name_index + 1]
    rest = lines[name_index + 1 :]
    for line in rest[:3]:
        if line.has_cell(COMPETENT_LABEL):
            layout.department_line = line
            break
    after = [
        ln
        for ln in rest
        if layout.department_line is None or ln.number > layout.department_line.number
    ]
    _fill_parts(layout, after)
    if not layout.fund_lines:
        raise ExtractionError(
            document.source_file,
            f"table {layout.table_id}: no 项目资金 row with readable numbers",
            section="2.十一.tables",
            line=layout.name_line.number,
        )
    return layout


def _fill_parts(layout: TableLayout, lines: list[Line]) -> None:
    """Fund header and rows, goal header and lines, indicator header and rows."""
    state = "funds"
    for line in lines:
        if line.blank:
            if state == "indicators":
                layout.indicator_lines.append(line)
            continue
        if state in ("funds", "goals") and _is_indicator_header(line):
            state = "header"
            layout.indicator_header.append(line)
            continue
        if state == "header":
            if _is_header_continuation(line):
                layout.indicator_header.append(line)
                continue
            state = "indicators"
        if state == "indicators":
            layout.indicator_lines.append(line)
            if line.has_cell(TOTAL_LABEL) and layout.total_line is None:
                layout.total_line = line
            continue
        if state == "funds":
            if is_fund_line(line):
                layout.fund_lines.append(line)
                continue
            if _is_fund_header(line):
                layout.fund_header.append(line)
                continue
            if not layout.fund_lines:
                layout.fund_header.append(line)  # header debris before the first fund row
                continue
            state = "goals"
        if _is_goal_header(line):
            layout.goal_header.append(line)
        else:
            layout.goal_lines.append(line)


def is_fund_line(line: Line) -> bool:
    """A fund row: two or more amount cells, or an 执行率 cell next to a score."""
    cells = split_amount_cells(line.filled)
    amounts = sum(1 for c in cells if parse_amount(c.text) and "." in c.compact)
    if amounts >= 2:
        return True
    if sum(1 for c in cells if c.compact in _NOT_APPLICABLE_MARKS) >= 2:
        return True  # a row whose amounts are lost, its 分值/执行率/得分 marks printed
    return any(
        parse_percent(c.text) and i + 1 < len(cells) and is_score(cells[i + 1].text)
        for i, c in enumerate(cells)
    )


def _is_fund_header(line: Line) -> bool:
    return any(any(w in c.compact for w in _FUND_HEADER_WORDS) for c in line.filled)


def _is_goal_header(line: Line) -> bool:
    words = [c.compact for c in line.filled if c.compact not in ("-", "•", "ı", "·")]
    return (
        bool(words)
        and any("预期目标" in w or "实际完成" in w for w in words)
        and all(
            _GOAL_HEADER.match(w) or "预期目标" in w or "实际完成" in w or len(w) <= 2
            for w in words
        )
    )


def _is_indicator_header(line: Line) -> bool:
    words = {c.compact for c in line.filled}
    if words & {"一级指标", "二级指标", "三级指标"}:
        return True
    if _is_fund_header(line) and any(
        w in "".join(words) for w in ("年初预算", "全年预算", "执行率")
    ):
        return False
    return {"分值", "得分"} <= words and not any(is_score(w) for w in words)


def _is_header_continuation(line: Line) -> bool:
    """A second or third line of the indicator header (`值`, `进措施`, OCR debris)."""
    words = [c.compact for c in line.filled]
    if not words:
        return False
    if any(is_score(w) for w in words):
        return False
    known = [w for w in words if w in _INDICATOR_HEADER_WORDS]
    return bool(known) and all(
        w in _INDICATOR_HEADER_WORDS or not re.search(r"[\u4e00-\u9fff]", w) for w in words
    )
