"""年度总体目标: the 预期目标 and 实际完成情况 texts (best effort).

Patterns relied on: the goal row is `年度总体目标 | <expected pieces> | <actual pieces>`,
often printed in vertical strips over several cells and lines. Where an empty cell
separates two groups of pieces, the first group is the expected goal and the second the
actual one; without a gap, the pieces from the column of the header's 实际完成 cell on (or
the last piece) are the actual one. The texts are kept as read; many are OCR debris.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .cells import Line, is_stray
from .layout import TableLayout

_GOAL_LABEL = re.compile(r"^(?:年度总体目标|年度总体|目标|年度总体目标.*|日初)$")
_CJK_SPACE = re.compile(
    r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])\s+|\s+(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])"
)


@dataclass(frozen=True)
class Goals:
    expected: str | None
    actual: str | None
    first_line: int | None
    last_line: int | None


def squeeze(text: str) -> str:
    """Whitespace removed next to Chinese characters, collapsed elsewhere."""
    return re.sub(r"\s+", " ", _CJK_SPACE.sub("", text)).strip()


def goals(layout: TableLayout) -> Goals:
    lines = [ln for ln in layout.goal_lines if ln.filled]
    if not lines:
        return Goals(None, None, None, None)
    actual_column = _actual_column(layout.goal_header)
    expected_parts: list[str] = []
    actual_parts: list[str] = []
    for line in lines:
        expected, actual = _split(line, actual_column)
        expected_parts += expected
        actual_parts += actual
    return Goals(
        squeeze("".join(expected_parts)) or None,
        squeeze("".join(actual_parts)) or None,
        lines[0].number,
        lines[-1].number,
    )


def _actual_column(header: list[Line]) -> int | None:
    for line in header:
        for cell in line.filled:
            if cell.compact.startswith("实际完") or "实际完成" in cell.compact:
                return cell.index
    return None


def _split(line: Line, actual_column: int | None) -> tuple[list[str], list[str]]:
    cells = [c for c in line.cells if not c.embedded]
    pieces = [
        (c.index, c.text)
        for c in cells
        if c.text and not is_stray(c.text) and not _GOAL_LABEL.match(c.compact)
    ]
    if not pieces:
        return [], []
    indexes = [i for i, _ in pieces]
    gap_after = next((k for k in range(len(indexes) - 1) if indexes[k + 1] - indexes[k] > 1), None)
    if gap_after is not None:
        return [t for _, t in pieces[: gap_after + 1]], [t for _, t in pieces[gap_after + 1 :]]
    if len(pieces) == 1:
        index, text = pieces[0]
        if actual_column is not None and index >= actual_column:
            return [], [text]
        return [text], []
    split = len(pieces) - 1
    if actual_column is not None:
        split = min(split, next((k for k, i in enumerate(indexes) if i >= actual_column), split))
    return [t for _, t in pieces[:split]], [t for _, t in pieces[split:]]
