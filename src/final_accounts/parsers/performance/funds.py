"""Fund rows of a table: 项目资金 (年度资金总额 / 其中:当年财政拨款 / 其他资金) or the
department's 年度总资金 / 上级资金 / 本级资金 / 其他资金.

Patterns relied on:
- a fund row is `<label cells> | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分`;
  the labels wrap over two cells (`年度资 | 金总额`, `其任 | 也资金`) and are misread;
- the total row carries 分值, 执行率 (`93. 34%`) and 得分 (`9.33分`); the other rows print
  `_` or `-` there (not applicable);
- the three amounts sit right after the labels; a missing amount leaves its cell empty
  (`其中: 当年财政拨款 | | 347. 99 | 347. 99`) or filled with debris, never shifted.
"""

from __future__ import annotations

import re

from ...document import Document
from ...errors import ExtractionError
from ...performance_records import FundRow, MissingCell
from .cells import Cell, Line
from .layout import TableLayout
from .notes import Notes
from .values import (
    NOT_APPLICABLE,
    parse_amount,
    parse_percent,
    parse_score,
    split_amount_cells,
)

SECTION_CODE = "2.十一.tables"

PROJECT_KINDS = ("total", "current_year_appropriation", "other")
DEPARTMENT_KINDS = ("total", "superior", "own_level", "other")
AMOUNT_FIELDS = ("initial_budget", "annual_budget", "executed")
AMOUNT_NAMES = {
    "initial_budget": "年初预算数",
    "annual_budget": "全年预算数",
    "executed": "全年执行数",
}

# Row labels as printed, misreadings included.
_LABELS = (
    (re.compile(r"年度总资金|总资金"), "total"),
    (re.compile(r"上级资金"), "superior"),
    (re.compile(r"本级资金"), "own_level"),
    (re.compile(r"年度资|金总额|资金总额"), "total"),
    (re.compile(r"当年|财政拨款|财政技"), "current_year_appropriation"),
    (re.compile(r"其他|也资金|其[作任何]"), "other"),
)


def fund_rows(layout: TableLayout, document: Document, notes: Notes) -> list[FundRow]:
    """The fund rows of a table in printed order, amounts as Decimal (None when not
    printed, with a MissingCell saying why)."""
    kinds = DEPARTMENT_KINDS if layout.kind == "department" else PROJECT_KINDS
    rows: list[FundRow] = []
    expected = list(kinds)
    for line in layout.fund_lines:
        kind = _kind(line, expected)
        if kind is None:
            continue
        expected = expected[expected.index(kind) + 1 :] if kind in expected else expected
        rows.append(_row(layout.table_id, kind, line, notes))
    if not any(getattr(r, f) is not None for r in rows for f in AMOUNT_FIELDS):
        first = layout.fund_lines[0].number if layout.fund_lines else layout.first_line
        raise ExtractionError(
            document.source_file,
            f"table {layout.table_id}: no amount of its fund rows can be read",
            section=SECTION_CODE,
            line=first,
        )
    return rows


def _label_text(line: Line) -> str:
    return "".join(c.compact for c in line.filled if not _is_data(c))


def _is_data(cell: Cell) -> bool:
    return bool(
        parse_amount(cell.text)
        or parse_percent(cell.text)
        or parse_score(cell.text)[0]
        or cell.compact in NOT_APPLICABLE
    )


def _kind(line: Line, expected: list[str]) -> str | None:
    label = _label_text(line)
    if any(parse_percent(c.text) for c in line.filled):
        return "total"
    for pattern, kind in _LABELS:
        if pattern.search(label) and kind in expected:
            return kind
    return expected[0] if expected else None


def _row(table_id: str, kind: str, line: Line, notes: Notes) -> FundRow:
    cells = [c if not c.embedded else Cell(c.index, c.raw, "", True) for c in line.cells]
    cells = split_amount_cells(cells)
    texts = [c.text for c in cells]
    rate_at = next((i for i, t in enumerate(texts) if parse_percent(t)), None)
    first_amount = next((i for i, t in enumerate(texts) if parse_amount(t) and "." in t), None)
    if rate_at is not None:
        weight_at = rate_at - 1
        end = weight_at
    else:
        after = first_amount if first_amount is not None else -1
        end = next(
            (i for i, t in enumerate(texts) if i > after and _not_amount_slot(t)), len(texts)
        )
        weight_at = end
    start = _run_start(texts, first_amount, end)
    slots = texts[start:end] if start is not None else []
    while len(slots) > 3 and not slots[0]:
        slots = slots[1:]
    trailing_gap = False
    while len(slots) > 3 and not slots[-1]:
        slots = slots[:-1]
    while len(slots) > 1 and not slots[-1] and len([t for t in slots if t]) < 3:
        slots, trailing_gap = slots[:-1], True
    if len(slots) < 3:
        # the missing amount is where the empty cell is: before the printed ones, or
        # (the row's cells printed left to right and the last one lost) after them
        pad = [""] * (3 - len(slots))
        slots = slots + pad if trailing_gap and slots[0] else pad + slots
    amounts = {}
    for field, text in zip(AMOUNT_FIELDS, slots[:3], strict=True):
        number = parse_amount(text) if text else None
        amounts[field] = number.value if number else None
        if number is None:
            reason = "cell empty in print" if not text else f"cell holds unreadable text {text!r}"
            if trailing_gap and not text:
                reason = "the row prints two of its three amounts; this one is not in the text"
            if start is None:
                reason = (
                    "the row's amount cells are not printed; an embedded copy of other rows "
                    "stands in their place"
                    if any(c.embedded for c in line.cells)
                    else "the row's amount cells are empty in print"
                )
            notes.missing.append(MissingCell(table_id, f"fund:{kind}:{field}", line.number, reason))
    embedded = {k for k, c in enumerate(cells) if c.embedded}
    weight_raw = _cell(texts, weight_at)
    rate_raw = _cell(texts, weight_at + 1)
    score_raw = _cell(texts, weight_at + 2)
    weight = parse_score(weight_raw)[0] if weight_raw else None
    rate = parse_percent(rate_raw) if rate_raw else None
    score = parse_score(score_raw)[0] if score_raw else None
    if kind == "total":
        for offset, (field, raw, value) in enumerate(
            (
                ("weight", weight_raw, weight),
                ("execution_rate_pct", rate_raw, rate),
                ("score", score_raw, score),
            )
        ):
            if value is None:
                notes.missing.append(
                    MissingCell(
                        table_id,
                        f"fund:total:{field}",
                        line.number,
                        f"cell holds {raw!r}"
                        if raw
                        else (
                            "an embedded copy of other rows stands in the cell"
                            if weight_at + offset in embedded
                            else "cell empty in print"
                        ),
                    )
                )
    raws = dict(zip(AMOUNT_FIELDS, slots[:3], strict=True))
    return FundRow(
        table_id=table_id,
        row_kind=kind,
        label_raw=" | ".join(c.text for c in cells[: start or 0] if c.text),
        initial_budget=amounts["initial_budget"],
        annual_budget=amounts["annual_budget"],
        executed=amounts["executed"],
        weight=weight.value if weight else None,
        execution_rate_pct=rate.value if rate else None,
        score=score.value if score else None,
        initial_budget_raw=raws["initial_budget"] or None,
        annual_budget_raw=raws["annual_budget"] or None,
        executed_raw=raws["executed"] or None,
        weight_raw=weight_raw or None,
        execution_rate_raw=rate_raw or None,
        score_raw=score_raw or None,
        source_line=line.number,
        raw_text=line.raw,
    )


def _not_amount_slot(text: str) -> bool:
    return text in NOT_APPLICABLE or bool(parse_score(text)[0] and "." not in text)


def _run_start(texts: list[str], first_amount: int | None, end: int) -> int | None:
    """Where the amount cells start: right after the last label cell before the first
    amount (labels are text that is no amount); None when no amount is printed."""
    if first_amount is None or first_amount >= end:
        return None
    start = first_amount
    while start > 0 and not texts[start - 1]:
        start -= 1
    return start


def _cell(texts: list[str], index: int) -> str:
    return texts[index] if 0 <= index < len(texts) else ""
