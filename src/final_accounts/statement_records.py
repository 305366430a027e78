"""Typed records of the nine statements (parsers/statements.py); one dataclass per raw table
row (seeds/raw/_raw__seeds.yml: raw_statements, raw_statement_cells)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .reading.model import Box


@dataclass(frozen=True)
class Statement:
    """A statement the template lists, as the document prints it (or does not)."""

    statement_no: int  # 1-9, the template's order
    template_title: str  # as the template names it
    title: str | None  # as printed; None when the document lacks it
    classification: str | None  # the codes its rows carry: functional, economic or None
    budget_type: str | None  # the one appropriation it shows (一般公共预算 …), if one
    first_page: int | None
    last_page: int | None
    title_line: int | None
    status: str  # printed, printed_empty (no value, maybe with its note) or missing
    empty_note: str | None  # the printed note, e.g. `注：…故本表无数据。`
    empty_note_line: int | None
    # (side, label) of the value columns in column order: where an empty statement's (or a
    # blank template's) column vocabulary shows.
    column_labels: tuple[tuple[str | None, str], ...] = ()


@dataclass(frozen=True)
class StatementRow:
    statement_no: int
    row_seq: int  # 1-based within the statement, across its pages, in reading order
    side: str | None  # 收入/支出 (statements 1, 4), left/right (6), None
    row_code: str | None  # 2010601, 30101; None for totals and statements without codes
    row_label: str | None  # as printed, whitespace removed
    page: int
    line: int


@dataclass(frozen=True)
class StatementCell:
    statement_no: int
    row_seq: int
    side: str | None
    row_code: str | None
    row_label: str | None
    column_label: str  # e.g. 收入:决算数, 财政拨款“三公”经费/合计/预算数
    printed_text: str  # exactly as printed, e.g. 2,940.05
    value: Decimal
    decimals: int
    page: int
    line: int
    box: Box | None


@dataclass(frozen=True)
class StatementUnparsed:
    statement_no: int | None  # None outside every statement (the part heading)
    page: int
    line: int
    text: str  # the numeric token, or the whole cell text for a value cell that is no number
    reason: str


@dataclass(frozen=True)
class StatementsExtract:
    statements: tuple[Statement, ...]  # every statement the template lists, in its order
    rows: tuple[StatementRow, ...]
    cells: tuple[StatementCell, ...]
    unparsed: tuple[StatementUnparsed, ...]
    code_tokens: int  # numeric tokens read as (parts of) row codes, for the token ledger
