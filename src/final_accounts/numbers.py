"""Normalisers for printed numbers: amounts, percents, counts, change directions.

Every parser goes through these, so the rules for extraction damage live in one place
(docs/DOMAIN.md §4): spaces inside numbers (`2, 121. 12`, `0. 00`), thousands commas,
percents printed with 2 or 3 decimals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

# A printed number after spaces are removed: plain digits or comma-grouped thousands,
# with an optional decimal part.
_VALID_NUMBER = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")

# Words that give a change its sign (比上年增加/减少, 增长/下降).
_POSITIVE_DIRECTIONS = {"增加", "增长", "上升", "提高"}
_NEGATIVE_DIRECTIONS = {"减少", "下降", "降低"}


@dataclass(frozen=True)
class PrintedNumber:
    """A number as the document prints it, kept exact."""

    value: Decimal
    text: str  # normalised printed form, e.g. "2121.12"
    decimals: int  # digits after the point as printed: the rounding unit of the value


_WHITESPACE = re.compile(r"\s+")


@lru_cache(maxsize=1 << 16)  # pure, and called on the same texts many times
def parse_printed_number(raw: str) -> PrintedNumber | None:
    """Read a printed number, tolerating spaces and thousands commas; None if unreadable."""
    compact = _WHITESPACE.sub("", raw)
    if not _VALID_NUMBER.fullmatch(compact):
        return None
    plain = compact.replace(",", "")
    decimals = len(plain.split(".", 1)[1]) if "." in plain else 0
    return PrintedNumber(value=Decimal(plain), text=plain, decimals=decimals)


def printed_decimals(value: Decimal | None) -> int | None:
    """The digits after the point a printed number was read with (a Decimal keeps them:
    `10.00` → 2, `9, 33` read as 9.33 → 2, `10` → 0): the rounding unit of the value."""
    if value is None:
        return None
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def direction_sign(word: str) -> int:
    """+1 for 增加/增长, -1 for 减少/下降; ValueError for anything else."""
    if word in _POSITIVE_DIRECTIONS:
        return 1
    if word in _NEGATIVE_DIRECTIONS:
        return -1
    raise ValueError(f"not a change direction: {word!r}")


def signed(number: PrintedNumber, sign: int) -> PrintedNumber:
    """The number with a direction applied (a printed 0.00 stays 0.00)."""
    if sign >= 0 or number.value == 0:
        return number
    return PrintedNumber(value=-number.value, text="-" + number.text, decimals=number.decimals)


def parse_signed_printed_number(raw: str) -> PrintedNumber | None:
    """Like parse_printed_number, but accepts a leading minus (预决算差异率-75.28%)."""
    compact = re.sub(r"\s+", "", raw)
    if compact.startswith("-"):
        number = parse_printed_number(compact[1:])
        return signed(number, -1) if number else None
    return parse_printed_number(compact)


# A decimal comma, as the performance tables once print a score: `9, 33` for 9.33 (one or
# two digits after the comma, no point; `9,330` stays a thousands comma).
_DECIMAL_COMMA = re.compile(r"\d+,\d{1,2}")


def parse_decimal_comma_number(raw: str) -> PrintedNumber | None:
    """Read `9, 33` as 9.33 (a comma printed for the decimal point); None otherwise."""
    compact = re.sub(r"\s+", "", raw)
    if not _DECIMAL_COMMA.fullmatch(compact):
        return None
    return parse_printed_number(compact.replace(",", "."))


def parse_printed_percent(raw: str) -> PrintedNumber | None:
    """Read a printed percent (`99. 72%`, `100.00%`) as its percent value; None otherwise."""
    compact = re.sub(r"\s+", "", raw)
    if not compact.endswith("%"):
        return None
    return parse_printed_number(compact[:-1])
