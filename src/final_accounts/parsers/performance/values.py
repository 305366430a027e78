"""Normalisers for the cells of the performance tables: amounts, percents, scores and the
target / actual values of the indicators. Built on final_accounts.numbers."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from ...numbers import (
    PrintedNumber,
    parse_decimal_comma_number,
    parse_printed_number,
    parse_printed_percent,
)
from ...performance_records import IndicatorValue
from .cells import VALUE_FIXES, Cell, apply_fixes, cjk_count

# Cells that say "not applicable" in the fund rows (the template prints `-` or `_`; the
# OCR layer once turns one into `ı`).
NOT_APPLICABLE = {"-", "_", "—", "–", "ı", "一", "__", "--"}

# A printed weight or score: `10`, `9. 97`, `28. 5`, `10.00分`, `98. 50 分`.
_SCORE = re.compile(r"(\d+(?:\.\d+)?)分?")
# A printed weight or score with a decimal comma: `9, 33` (9.33).
_COMMA_SCORE = re.compile(r"(\d+,\d{1,2})分?")
MAX_SCORE = Decimal(100)


_WHITESPACE = re.compile(r"\s+")

# The cell readers below are pure functions of a cell's text, called many times on the same
# few thousand texts of a document (each cell is read as a value, a score, a fragment …):
# they are memoised, with a bound so that a worker reading many documents stays small.
MEMO_SIZE = 1 << 16


def compact(text: str) -> str:
    return _WHITESPACE.sub("", text)


def parse_amount(text: str) -> PrintedNumber | None:
    """An amount in 万元: `2, 121. 12` → 2121.12."""
    return parse_printed_number(text)


def parse_percent(text: str) -> PrintedNumber | None:
    return parse_printed_percent(text)


@lru_cache(maxsize=MEMO_SIZE)
def parse_score(text: str) -> tuple[PrintedNumber | None, bool]:
    """A weight or score (≤ 100), and whether it was printed with a decimal comma."""
    squeezed = compact(text)
    if match := _SCORE.fullmatch(squeezed):
        number = parse_printed_number(match[1])
        return (number if number and number.value <= MAX_SCORE else None), False
    if match := _COMMA_SCORE.fullmatch(squeezed):
        number = parse_decimal_comma_number(match[1])
        return (number if number and number.value <= MAX_SCORE else None), True
    return None, False


def is_score(text: str) -> bool:
    return parse_score(text)[0] is not None


# ---------------------------------------------------------------------------------------
# Target and actual values (年度指标值, 实际完成值)
# ---------------------------------------------------------------------------------------

# `>=10万人`, `=26.58人`, `<=12月底`, `10.21万人` (no operator), `=3个`.
_QUANTITY = re.compile(r"(?P<op>>=|<=|=|>|<)?(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)(?P<unit>.*)")
# A unit: Chinese measure words, %, slashes and the middle dots of `元/人・学期`, or one of
# the Latin units the tables use. Anything else (`Y`, `T`, `>/-`) makes the value unreadable.
_UNIT = re.compile(r"(?:[\u4e00-\u9fff%/・•·()()]|dpi|MBps|Mbps|KB|MB|GB|km)*")
# The units a value printed without operator may carry (`10. 21 万人`, `93. 79%`,
# `24484 个`): a number followed by other words is text (`84 人为截`, `2024 年企`).
_MEASURE_UNIT = re.compile(
    r"%|万?(?:人次|人|个|次|条|件|份|家|场|所|套|台|类|期|项|页|元)|万元|亿元|"
    r"平方米|立方米|米|课时|学时|天|克|dpi|MBps"
)
# Where a target or actual cell holds two values (`>=95% =99. 34%`, `=37 人 =1 家`).
_SECOND_OPERATOR = re.compile(r"(?<=[^<>=])(?=>=|<=|=(?!=))")
# Texts that are values though they carry digits: dates and deadlines (`每月 25 日前`,
# `2024年12月31日前`).
_DATE_TEXT = re.compile(r"(?:每月|\d{4}年|\d{1,2}月).*(?:前|底|日|内)$")
OPERATOR_START = re.compile(r"(?:>=|<=|=|>|<)")


@lru_cache(maxsize=MEMO_SIZE)
def parse_value(raw: str) -> IndicatorValue:
    """A target or actual cell as printed → operator / value / unit, or qualitative text,
    or `unreadable` (kept as printed, never guessed)."""
    text, _ = apply_fixes(compact(raw), VALUE_FIXES)
    if re.search(r"\d", text):
        # a stray operator glyph inside a wrapped value: `=550.59万 = 元`
        head = OPERATOR_START.match(text)
        start = head.end() if head else 0
        text = text[:start] + re.sub(r"[=<>]+(?!\d)", "", text[start:])
    if not text:
        return IndicatorValue(raw, text, None, None, None, "unreadable")
    match = _QUANTITY.fullmatch(text)
    if match and (match["op"] or _MEASURE_UNIT.fullmatch(match["unit"])):
        unit = match["unit"]
        number = parse_printed_number(match["num"])
        if (
            number is not None
            and not re.search(r"\d", unit)
            and _UNIT.fullmatch(unit)
            and (not unit or re.search(r"[^/・•·()()]", unit))
        ):
            return IndicatorValue(
                raw, text, match["op"], number.value, unit or None, "quantitative"
            )
        if number is not None and _DATE_TEXT.fullmatch(text.lstrip("<>=")):
            return IndicatorValue(raw, text, match["op"], None, None, "text")
        return IndicatorValue(raw, text, None, None, None, "unreadable")
    if _DATE_TEXT.fullmatch(text):
        return IndicatorValue(raw, text, None, None, None, "text")
    if not re.search(r"\d", text) and cjk_count(text) >= max(2, len(text) * 4 // 5):
        return IndicatorValue(raw, text, None, None, None, "qualitative")
    return IndicatorValue(raw, text, None, None, None, "unreadable")


def split_values(raw: str) -> list[str] | None:
    """The two (or more) values of a cell printed with both, e.g. `>=95% =99. 34%`;
    None when the cell holds one value."""
    text = compact(raw)
    if not OPERATOR_START.match(text):
        return None
    parts = [p for p in _SECOND_OPERATOR.split(text) if p]
    if len(parts) < 2:
        return None
    if all(parse_value(p).kind == "quantitative" for p in parts):
        return parts
    return None


def is_value(raw: str) -> bool:
    """A readable target or actual."""
    return parse_value(raw).kind != "unreadable"


def looks_like_value(raw: str) -> bool:
    """A cell printed where a value goes, readable or not: it starts with an operator (or
    an OCR rendering of one: `/-`, `-`, `\\`), or is digits and debris without words."""
    text = compact(raw)
    if not text:
        return False
    if is_value(text) and (OPERATOR_START.match(text) or re.match(r"\d", text)):
        return True
    if re.match(r"[/\\\-—~][\-=\d\\/ ]", text) or re.match(r"-\d", text):
        return True
    return bool(re.search(r"\d", text)) and cjk_count(text) <= 1 and len(text) <= 16


def units_compatible(a: str | None, b: str | None) -> bool:
    """Whether two units can measure the same thing: a percent never measures what an
    amount of money or a count does (`>=97%` next to `=3.1万元` are two rows' values)."""
    if not a or not b or a == b or a in ("万", "亿") or b in ("万", "亿"):
        return True
    if ("%" in a) != ("%" in b):
        return False
    return _is_money(a) == _is_money(b)


def _is_money(unit: str) -> bool:
    return unit.startswith(("元", "万元", "亿元", "千元"))


# A fund label cell that also carries amounts: `其他资金 0.00 0.00`.
_LABEL_AND_AMOUNTS = re.compile(
    r"^(?P<label>[^\d\s].*?)\s+(?P<amounts>\d[\d,]*\.\s*\d+(?:\s+\d[\d,]*\.\s*\d+)*)$"
)


def split_amount_cells(cells: list[Cell]) -> list[Cell]:
    """Cells with a label cell that also holds the row's amounts split into one cell per
    piece (all keep the cell's index)."""
    result: list[Cell] = []
    for cell in cells:
        match = _LABEL_AND_AMOUNTS.match(cell.text) if not cell.embedded else None
        if match is None:
            result.append(cell)
            continue
        result.append(Cell(cell.index, cell.raw, match["label"], False))
        result += [
            Cell(cell.index, cell.raw, amount, False)
            for amount in re.findall(r"\d[\d,]*\.\s*\d+", match["amounts"])
        ]
    return result
