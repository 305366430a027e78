"""Reading the indicator part of a table line by line: each line is either an *anchor*
(it carries a row's values: target, actual, 分值, 得分) or a *fragment* line (pieces of
wrapped cells: name, units, reason, a label, duplicated numbers, debris).

Patterns relied on (项目支出绩效自评表, docs/DOMAIN.md §3–§4):
- a row prints `<一级> <二级> <三级> <年度指标值> <实际完成值> <分值> <得分> <偏差原因>`; the
  values sit on one line and the other cells wrap above and below it;
- 分值 and 得分 are the last numbers of the line (≤ 100; `9, 33` is 9.33); what follows
  them is the reason; the actual and the target are the two cells before them; what is
  left of those is the 三级 name, and left of that the 一级/二级 labels (or OCR debris in
  their columns);
- a cell may hold both the target and the actual (`>=95% =99. 34%`), or the targets of two
  merged rows (`=37 人 =1 家`);
- an OCR-like layer reprints some rows with unreadable values (`/-30 Y`, `-21 人`, `1000`)
  and other numbers.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from .cells import Cell, Line, cjk_count, is_stray, looks_garbled
from .layout import TOTAL_LABEL
from .values import (
    OPERATOR_START,
    is_score,
    looks_like_value,
    parse_value,
    split_values,
)

# ---------------------------------------------------------------------------------------
# Labels of the merged 一级 / 二级 cells
# ---------------------------------------------------------------------------------------

LEVEL1 = ("产出指标", "成本指标", "效益指标", "满意度指标")
# The department-level table's 一级 labels (部门整体支出绩效自评表 template).
DEPARTMENT_LEVEL1 = ("履职效能", "管理效率", "运行成本", "社会效应", "服务对象满意度", "可持续发展")
LEVEL2_TO_LEVEL1 = {
    "数量指标": "产出指标",
    "质量指标": "产出指标",
    "时效指标": "产出指标",
    "经济成本指标": "成本指标",
    "社会成本指标": "成本指标",
    "生态环境成本指标": "成本指标",
    "社会效益指标": "效益指标",
    "经济效益指标": "效益指标",
    "生态效益指标": "效益指标",
    "可持续影响指标": "效益指标",
    "服务对象满意度指标": "满意度指标",
    "满意度指标": "满意度指标",
}
# Each label as printed (wrapped, misread) → canonical; longest patterns first.
_LABEL_PATTERNS = (
    (re.compile(r"服务对象满意度指标?"), "服务对象满意度指标"),
    (re.compile(r"生态环境成本指标?"), "生态环境成本指标"),
    (re.compile(r"经济成本(?:指标)?"), "经济成本指标"),
    (re.compile(r"社会成本(?:指标)?"), "社会成本指标"),
    (re.compile(r"社会效[益量](?:指标)?"), "社会效益指标"),
    (re.compile(r"经济效益(?:指标)?"), "经济效益指标"),
    (re.compile(r"生态效益(?:指标)?"), "生态效益指标"),
    (re.compile(r"可持续影响(?:指标)?"), "可持续影响指标"),
    (re.compile(r"满意度指标?"), "满意度指标"),
    (re.compile(r"数量指标"), "数量指标"),
    (re.compile(r"数里(?:指标)?"), "数量指标"),  # 量 misread as 里
    (re.compile(r"质量指标"), "质量指标"),
    (re.compile(r"时效指标"), "时效指标"),
    (re.compile(r"产出指标"), "产出指标"),
    (re.compile(r"成本指标"), "成本指标"),
    (re.compile(r"[效放対]益指标"), "效益指标"),
    *((re.compile(label), label) for label in DEPARTMENT_LEVEL1),
)
# The merged cell on the left of the indicator rows: `年度绩效指标完成情况`.
REGION_LABEL = "年度绩效指标完成情况"
# Tails of a wrapped label cell (`满意度指` / `标`).
_LABEL_TAILS = {"标", "指标", "指", "质", "数"}
# Pieces of a wrapped target or actual: the unit or the end of a deadline.
UNIT_FRAGMENT = re.compile(
    r"(?:万?元|万|人|万人|人次|万人次|次|个|前|日前|之前|月底|底|平方米|方米|米|份|万份|家|场|所|"
    r"件|条|套|台|类|期|课时|学时|天|月|年|兀|刀人|/?人/年|/?月|人・学期|学期)"
)
# How far left of the target column a name piece may sit (wrapped lines drop empty
# cells, shifting their pieces left).
NAME_COLUMN_REACH = 2.5
# Junk printed in a 分值/得分 cell (`A`, `E`, `-`).
_JUNK_NUMBER = re.compile(r"[A-Za-z\-_—–]")


# Words of the merged 年度绩效指标完成情况 cell that bleed into label cells.
_REGION_WORDS = re.compile(r"年度绩效|指标完成|情况")


def label_tokens(text: str) -> tuple[list[str], float]:
    """The labels a cell spells, and the share of its characters they cover (words of the
    年度绩效指标完成情况 cell count as covered)."""
    compact = _REGION_WORDS.sub("", re.sub(r"\s+", "", text))
    tokens: list[str] = []
    covered = 0
    i = 0
    while i < len(compact):
        for pattern, canonical in _LABEL_PATTERNS:
            match = pattern.match(compact, i)
            if match:
                tokens.append(canonical)
                covered += match.end() - i
                i = match.end()
                break
        else:
            i += 1
    return tokens, (covered / len(compact) if compact else 0.0)


def is_region_label(text: str) -> bool:
    compact = re.sub(r"\s+", "", text)
    return len(compact) >= 2 and compact in REGION_LABEL


# `指怀`: 指标 with its second character misread.
_MISREAD_TAIL = re.compile(r"指[\u4e00-\u9fff]")


def is_label_tail(text: str) -> bool:
    compact = re.sub(r"\s+", "", text)
    return compact in _LABEL_TAILS or bool(_MISREAD_TAIL.fullmatch(compact))


def levels_of(tokens: list[str], department: bool) -> tuple[str | None, str | None]:
    """一级 and 二级 of a line's label tokens (in cell order)."""
    level1 = level2 = None
    level1_words = DEPARTMENT_LEVEL1 if department else LEVEL1
    for token in tokens:
        first_level1 = level1 is None and (
            (token in level1_words and token != "满意度指标")
            or (token == "满意度指标" and not department)
        )
        if first_level1:
            level1 = token
        elif token in LEVEL2_TO_LEVEL1 and level2 is None:
            level2 = token
    return level1, level2


# ---------------------------------------------------------------------------------------
# Pieces, anchors, fragment lines
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Piece:
    """A piece of text read from one cell."""

    line: int
    index: int  # the cell's position in its line
    text: str


@dataclass
class Label:
    line: int
    level: int  # 1 or 2
    value: str


@dataclass
class ParsedLine:
    """What one line of the indicator part carries."""

    line: Line
    anchor: bool = False
    lost_row: bool = False  # label tails and a name piece: a row whose values were lost
    name: list[Piece] = field(default_factory=list)
    target: Piece | None = None
    basis: list[Piece] = field(default_factory=list)
    actual: Piece | None = None
    weight: Piece | None = None
    score: Piece | None = None
    reason: list[Piece] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    units: list[Piece] = field(default_factory=list)  # fragments: unit pieces
    numbers: list[Piece] = field(default_factory=list)  # fragments: 分值/得分 reprinted
    value_text: list[Piece] = field(default_factory=list)  # fragments: a value's head or tail
    value_pieces: list[Piece] = field(default_factory=list)  # fragments: values, readable or not
    garbage: list[Piece] = field(default_factory=list)
    double_target: list[str] | None = None  # two targets in one cell (two merged rows)
    double_actual: list[str] | None = None
    target_index: int | None = None
    score_index: int | None = None

    @property
    def number(self) -> int:
        return self.line.number

    @property
    def total(self) -> bool:
        return any(c.compact == TOTAL_LABEL for c in self.line.filled)

    def readable(self, slot: str) -> bool:
        piece = getattr(self, slot)
        if piece is None:
            return False
        if slot in ("weight", "score"):
            return is_score(piece.text)
        return parse_value(piece.text).kind != "unreadable" and not is_unit_fragment(piece.text)

    @property
    def garbage_layer(self) -> bool:
        """An OCR-like reprint: target and actual both unreadable, numbers present."""
        return (
            self.anchor
            and not self.lost_row
            and not self.readable("target")
            and not self.readable("actual")
            and self.double_actual is None
        )


def is_unit_fragment(text: str) -> bool:
    return bool(UNIT_FRAGMENT.fullmatch(re.sub(r"\s+", "", text)))


def _is_number(cell: Cell) -> bool:
    return is_score(cell.text)


def _is_junk_number(cell: Cell) -> bool:
    return bool(_JUNK_NUMBER.fullmatch(cell.compact))


def _value_cell(cell: Cell) -> bool:
    """A cell that can stand in a target/actual slot: a value (readable or not), never a
    unit piece or a label."""
    if is_unit_fragment(cell.text) or label_tokens(cell.text)[1] >= 0.7:
        return False
    return (
        looks_like_value(cell.text)
        or parse_value(cell.text).kind != "unreadable"
        or split_values(cell.text) is not None
    )


def parse_project_line(line: Line) -> ParsedLine:
    """Anchor or fragment; anchors get their slots, fragments are classified later."""
    parsed = ParsedLine(line)
    cells = [c for c in line.filled if not is_stray(c.text) or _is_junk_number(c)]
    cells = [piece for c in cells for piece in _split_value_and_numbers(c)]
    if parsed.total:
        return parsed
    end = len(cells) - 1
    while end >= 0 and not (_is_number(cells[end]) or _is_junk_number(cells[end])):
        end -= 1
    numbers: list[Cell] = []
    if end >= 0:
        numbers = [cells[end]]
        if end - 1 >= 0 and (_is_number(cells[end - 1]) or _is_junk_number(cells[end - 1])):
            numbers.insert(0, cells[end - 1])
    before = cells[: end - len(numbers) + 1] if numbers else cells
    while numbers and before and _is_number(before[-1]) and before[-1].index == numbers[0].index:
        before = before[:-1]  # `=21 人 10 10 | 10`: the numbers reprinted in the value's cell
    actual = before[-1] if before and _value_cell(before[-1]) else None
    if (
        actual is not None
        and len(numbers) == 2
        and numbers[0].index - actual.index > 1
        and not any(c.index == actual.index + 1 for c in line.filled)
        and OPERATOR_START.match(actual.compact)
        and (len(before) < 2 or not OPERATOR_START.match(before[-2].compact))
    ):
        # `达技工学 | <=269.72 | | 4 | 4`: the actual's cell is empty, the value is the target
        parsed.anchor = True
        parsed.target = Piece(line.number, actual.index, actual.text)
        _assign_numbers(parsed, numbers, actual)
        parsed.reason = [Piece(line.number, c.index, c.text) for c in cells[end + 1 :]]
        parsed.target_index = actual.index
        parsed.score_index = parsed.score.index if parsed.score else None
        _prefix(parsed, before[:-1])
        return parsed
    if numbers and actual is not None:
        doubled = split_values(actual.text)
        target = before[-2] if len(before) >= 2 and _value_cell(before[-2]) else None
        target_doubled = split_values(target.text) if target else None
        actual_kind = parse_value(actual.text).kind
        target_kind = parse_value(target.text).kind if target else None
        measured = actual_kind in ("quantitative", "text") or target_kind in (
            "quantitative",
            "text",
        )
        qualitative_pair = (
            len(numbers) == 2
            and actual_kind != "unreadable"
            and target_kind not in (None, "unreadable")
        )
        shaped = (
            target is not None and looks_like_value(target.text) and looks_like_value(actual.text)
        )
        if measured or doubled or qualitative_pair or (len(numbers) == 2 and shaped):
            parsed.anchor = True
            if doubled and (target is None or target_doubled is None):
                # `>=95% =99. 34%`: target and actual printed in one cell
                parsed.target = Piece(line.number, actual.index, doubled[0])
                parsed.actual = Piece(line.number, actual.index, doubled[1])
                target = None
            else:
                parsed.actual = Piece(line.number, actual.index, actual.text)
                if target is not None:
                    parsed.target = Piece(line.number, target.index, target.text)
                if doubled and target_doubled:
                    parsed.double_target = target_doubled
                    parsed.double_actual = doubled
            _assign_numbers(parsed, numbers, actual)
            parsed.reason = [Piece(line.number, c.index, c.text) for c in cells[end + 1 :]]
            rest = before[: -2 if target is not None else -1]
            parsed.target_index = (target or actual).index
            parsed.score_index = parsed.score.index if parsed.score else None
            _prefix(parsed, rest)
            return parsed
    # A value-only line: target and actual printed, 分值/得分 on a wrapped line.
    if not numbers and len(cells) >= 2:
        values = [
            i for i, c in enumerate(cells) if _value_cell(c) and OPERATOR_START.match(c.compact)
        ]
        if len(values) >= 2 and values[-1] == values[-2] + 1:
            target, actual = cells[values[-2]], cells[values[-1]]
            if (
                parse_value(target.text).kind == "quantitative"
                and parse_value(actual.text).kind == "quantitative"
            ):
                parsed.anchor = True
                parsed.target = Piece(line.number, target.index, target.text)
                parsed.actual = Piece(line.number, actual.index, actual.text)
                parsed.reason = [
                    Piece(line.number, c.index, c.text) for c in cells[values[-1] + 1 :]
                ]
                parsed.target_index = target.index
                _prefix(parsed, cells[: values[-2]])
                return parsed
    return parsed


# A value cell that also carries the row's 分值 and 得分: `=21 人 10 10`.
_VALUE_AND_NUMBERS = re.compile(
    r"^(?P<value>(?:>=|<=|=|>|<).*?\D)\s+(?P<numbers>\d+(?:\.\d+)?(?:\s+\d+(?:\.\d+)?)?)$"
)


def _split_value_and_numbers(cell: Cell) -> list[Cell]:
    match = _VALUE_AND_NUMBERS.match(cell.text)
    if not match or parse_value(match["value"]).kind != "quantitative":
        return [cell]
    parts = [Cell(cell.index, cell.raw, match["value"], False)]
    parts += [Cell(cell.index, cell.raw, n, False) for n in match["numbers"].split()]
    return parts


def _assign_numbers(parsed: ParsedLine, numbers: list[Cell], actual: Cell) -> None:
    number = parsed.number
    if len(numbers) == 2:
        parsed.weight = Piece(number, numbers[0].index, numbers[0].text)
        parsed.score = Piece(number, numbers[1].index, numbers[1].text)
    elif numbers[0].index - actual.index > 1:
        # an empty cell between the actual and the number: the 分值 cell is empty
        parsed.score = Piece(number, numbers[0].index, numbers[0].text)
    else:
        parsed.weight = Piece(number, numbers[0].index, numbers[0].text)


def _prefix(parsed: ParsedLine, cells: list[Cell]) -> None:
    """The cells left of the values: labels, then the 三级 name (the last text cell, and
    the cells right before it; `name_candidates` are checked against the table's columns
    once they are known)."""
    texts: list[Cell] = []
    line_tokens: list[str] = []
    for cell in cells:
        tokens, coverage = label_tokens(cell.text)
        if tokens and coverage >= 0.7:
            line_tokens += tokens
        elif is_region_label(cell.text) or is_label_tail(cell.text):
            continue
        else:
            texts.append(cell)
    _add_labels(parsed, line_tokens)
    texts = _drop_repeated_label_debris(texts, parsed)
    if not texts:
        return
    last = texts[-1]
    if _FOREIGN_DEBRIS.search(last.text) or not cjk_count(last.text):
        parsed.garbage += [Piece(parsed.number, c.index, c.text) for c in texts]
        return
    run = [last]
    for cell in reversed(texts[:-1]):
        if run[0].index - cell.index == 1 and not _debris(cell.text):
            run.insert(0, cell)
        else:
            break
    for cell in texts:
        target = parsed.name if cell in run else parsed.garbage
        target.append(Piece(parsed.number, cell.index, cell.text))


_FOREIGN_DEBRIS = re.compile(
    r"[\u0370-\u03ff\u0400-\u04ff\u0600-\u06ff\u1100-\u11ff\u3040-\u30ff\uac00-\ud7af₩₹■□▶√※]"
)


def _debris(text: str) -> bool:
    """OCR debris in a name column: foreign letters, few Chinese characters among
    symbols, or a short mix of digits and characters (`1日 7小`, `/火至1747`)."""
    compact = re.sub(r"[\s()()%,,、.。:;:;\-—]+", "", text)
    if not compact:
        return True
    if looks_garbled(compact) or cjk_count(compact) * 2 < len(compact):
        return True
    return bool(re.search(r"\d", compact)) and len(compact) <= 6


def _repeated_texts(cells: list[Cell]) -> set[str]:
    """Texts printed in two adjacent cells of a line: debris of the merged label cells
    (`进产产业 | 进产产业`)."""
    return {
        a.compact
        for a, b in itertools.pairwise(cells)
        if a.compact == b.compact and b.index - a.index == 1 and a.compact
    }


def _drop_repeated_label_debris(texts: list[Cell], parsed: ParsedLine) -> list[Cell]:
    repeated = _repeated_texts(texts)
    kept = []
    for cell in texts:
        if cell.compact in repeated and cell is not texts[-1]:
            parsed.garbage.append(Piece(parsed.number, cell.index, cell.text))
        else:
            kept.append(cell)
    return kept


def _add_labels(parsed: ParsedLine, tokens: list[str], department: bool = False) -> None:
    level1, level2 = levels_of(tokens, department)
    if level1:
        parsed.labels.append(Label(parsed.number, 1, level1))
    if level2:
        parsed.labels.append(Label(parsed.number, 2, level2))


# Words of a qualitative value or a deadline wrapped over lines (`完全达到` / `预期目标`).
_VALUE_WORDS = re.compile(r"完全|达到|预期|目标|效果|每月|月底|之前|有效|持续")


def _after_label(cell: Cell, line: Line) -> bool:
    """Right after a label cell: the 三级 column of this line."""
    return any(c.index == cell.index - 1 and label_tokens(c.text)[1] >= 0.7 for c in line.filled)


# Two or more values in one cell (`=221.25万 元 =269.72万 元 4 =147.36万 元`).
_MANY_VALUES = re.compile(r"(?:>=|<=|=)\s*\d")
# A document number, the tail of a 指标值设定依据 (`〔2023〕3 号`).
_DOCUMENT_NUMBER = re.compile(r"[〔(\[]\s*\d{4}\s*[〕)\]]\s*\d+\s*号")


def classify_fragment(
    parsed: ParsedLine, target_index: float, score_index: float, department: bool = False
) -> None:
    """Sort the cells of a fragment line by the column they fall in: left of the target
    column a name piece (or debris in the label columns), in the value columns a unit, a
    reprinted number, a value or a value's tail, right of them the reason."""
    names: list[Piece] = []
    line_tokens: list[str] = []
    repeated = _repeated_texts(parsed.line.filled)
    for cell in parsed.line.filled:
        piece = Piece(parsed.number, cell.index, cell.text)
        tokens, coverage = label_tokens(cell.text)
        if tokens and coverage >= 0.7 and cell.index < score_index:
            line_tokens += tokens
        elif (
            cell.compact in repeated
            and cell.index < target_index
            and not is_unit_fragment(cell.text)
        ):
            parsed.garbage.append(piece)
        elif (
            is_region_label(cell.text)
            or is_stray(cell.text)
            or (is_label_tail(cell.text) and cell.index < target_index)
        ):
            continue
        elif department and _DOCUMENT_NUMBER.search(cell.text):
            parsed.basis.append(piece)
        elif cell.index >= target_index - 1 and is_unit_fragment(cell.text):
            parsed.units.append(piece)
        elif cell.index > target_index - 1 and is_score(cell.text):
            parsed.numbers.append(piece)
        elif len(_MANY_VALUES.findall(cell.text)) >= 2 or (
            cell.index >= target_index - 1 and looks_like_value(cell.text)
        ):
            parsed.value_pieces.append(piece)
        elif (
            cell.index >= target_index
            and _VALUE_WORDS.search(cell.compact)
            and _short_cjk(cell.text)
        ):
            parsed.value_text.append(piece)  # the head or tail of a wrapped value
        elif cell.index >= target_index + 2 or (
            cell.index >= target_index + 1 and not _short_cjk(cell.text)
        ):
            parsed.reason.append(piece)
        elif cell.index >= target_index + 1 and not _after_label(cell, parsed.line):
            parsed.garbage.append(piece)
        elif _debris(cell.text) or cell.index < target_index - NAME_COLUMN_REACH:
            parsed.garbage.append(piece)  # debris, or text in the label columns
        else:
            names.append(piece)
    _add_labels(parsed, line_tokens, department)
    if names:
        # several name pieces on one line: the rightmost run is the 三级 column, the
        # others stand in the label columns
        run = [names[-1]]
        for piece in reversed(names[:-1]):
            if run[0].index - piece.index == 1:
                run.insert(0, piece)
            else:
                break
        parsed.name += run
        parsed.garbage += [p for p in names if p not in run]


def _short_cjk(text: str) -> bool:
    compact = re.sub(r"\s+", "", text)
    return 0 < len(compact) <= 6 and cjk_count(compact) == len(compact)


def mark_lost_row(parsed: ParsedLine) -> bool:
    """Label tails in both label columns and a name piece (`标 | 标 | 度`): the last
    lines of a row whose own line was lost."""
    filled = parsed.line.filled
    return (
        len(filled) >= 3
        and is_label_tail(filled[0].text)
        and is_label_tail(filled[1].text)
        and not parsed.anchor
    )
