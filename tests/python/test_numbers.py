"""The normalisers for printed numbers (docs/DOMAIN.md §4): spaces, commas, decimals, signs."""

from __future__ import annotations

from decimal import Decimal

import pytest

from final_accounts.numbers import (
    PrintedNumber,
    direction_sign,
    parse_printed_number,
    parse_signed_printed_number,
    signed,
)


@pytest.mark.parametrize(
    ("raw", "value", "text", "decimals"),
    [
        ("2, 121. 12", "2121.12", "2121.12", 2),  # line 475: spaces inside the number
        ("0. 00", "0.00", "0.00", 2),  # line 135
        ("1,210. 67", "1210.67", "1210.67", 2),  # line 149: a change of 1,210.67%
        ("0.000", "0.000", "0.000", 3),  # line 104: a share printed with 3 decimals
        ("32,312.49", "32312.49", "32312.49", 2),  # line 96
        ("100. 00", "100.00", "100.00", 2),  # line 135
        ("1,026", "1026", "1026", 0),  # line 74: a count with a thousands comma
        ("19", "19", "19", 0),  # line 76
        (" 948.60 ", "948.60", "948.60", 2),  # line 154
    ],
)
def test_readable_numbers(raw, value, text, decimals):
    number = parse_printed_number(raw)
    assert number == PrintedNumber(value=Decimal(value), text=text, decimals=decimals)


def test_value_is_an_exact_decimal():
    number = parse_printed_number("2, 121. 12")
    assert isinstance(number.value, Decimal)
    assert number.value == Decimal("2121.12")
    assert str(number.value) == "2121.12"


def test_printed_decimals_are_kept():
    # 0.00 and 0.000 are the same value but not the same rounding unit.
    assert parse_printed_number("0. 00").value == parse_printed_number("0.000").value
    assert parse_printed_number("0. 00").decimals == 2
    assert parse_printed_number("0.000").decimals == 3


@pytest.mark.parametrize(
    "raw",
    [
        "9,33",  # line 721: a comma for a decimal point, not a thousands separator
        "9, 33",
        "3,8O2.53",  # a letter O among the digits
        "1..2",
        "32,1O9.22",
        "1,21",
        "12,3456.00",
        ".5",
        "5.",
        "",
        "   ",
        "-75.28",  # a sign is not part of a printed number (see parse_signed_printed_number)
        "l00.00",
    ],
)
def test_unreadable_numbers(raw):
    assert parse_printed_number(raw) is None


@pytest.mark.parametrize(("word", "sign"), [("增加", 1), ("增长", 1), ("减少", -1), ("下降", -1)])
def test_direction_sign_of_the_document_words(word, sign):
    assert direction_sign(word) == sign


@pytest.mark.parametrize(("word", "sign"), [("上升", 1), ("提高", 1), ("降低", -1)])
def test_direction_sign_of_other_template_words(word, sign):
    assert direction_sign(word) == sign


@pytest.mark.parametrize("word", ["持平", "相比", "", "增加 "])
def test_direction_sign_refuses_other_words(word):
    with pytest.raises(ValueError, match="not a change direction"):
        direction_sign(word)


def test_signed_negative():
    # line 135: 比上年决算减少 14. 52 万元
    number = signed(parse_printed_number("14. 52"), direction_sign("减少"))
    assert number == PrintedNumber(value=Decimal("-14.52"), text="-14.52", decimals=2)


def test_signed_positive_is_unchanged():
    # line 136: 比上年决算增加882.46万元
    number = parse_printed_number("882.46")
    assert signed(number, direction_sign("增加")) is number


def test_signed_zero_stays_unsigned():
    # line 202: 比上年增加0.00万元; a 减少 0.00 would not print as -0.00 either
    zero = parse_printed_number("0.00")
    assert signed(zero, -1) == PrintedNumber(value=Decimal("0.00"), text="0.00", decimals=2)


def test_signed_printed_number():
    # line 194: 预决算差异率-75.28%
    assert parse_signed_printed_number("-75.28") == PrintedNumber(
        value=Decimal("-75.28"), text="-75.28", decimals=2
    )
    assert parse_signed_printed_number("- 0. 13") == PrintedNumber(
        value=Decimal("-0.13"), text="-0.13", decimals=2
    )
    assert parse_signed_printed_number("28.28") == PrintedNumber(
        value=Decimal("28.28"), text="28.28", decimals=2
    )
    assert parse_signed_printed_number("-3,8O2.53") is None
    assert parse_signed_printed_number("--1.00") is None
