"""Numbers as the report prints them: exact Decimals, thousands separated, never floats."""

from __future__ import annotations

from decimal import Decimal


def amount(value: Decimal | None) -> str:
    """万元 amounts with their printed two decimals: 27666.64 → '27,666.64'."""
    return "" if value is None else f"{Decimal(value):,.2f}"


def percent(value: Decimal | None, decimals: int | None = None, *, signed: bool = False) -> str:
    """A percentage at the precision it was printed with (two decimals unless told)."""
    if value is None:
        return ""
    places = 2 if decimals is None else decimals
    return f"{Decimal(value):{'+' if signed else ''},.{places}f}"


def ratio(value: Decimal | None) -> str:
    """An achievement ratio (actual / target) as a percentage with one decimal."""
    return "" if value is None else f"{Decimal(value) * 100:,.1f}%"
