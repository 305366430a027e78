"""Typed records produced by the parsers; one dataclass per raw table row."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Figure:
    """One disclosed number: an amount, share, count, area or change."""

    section_code: str
    topic: str  # the section's (or subsection's) title
    line_item: str  # what the document calls it, in Chinese
    measure: str  # amount, share_pct, change_amount, change_pct, count, ...
    value: Decimal
    value_text: str  # the printed number, normalised (spaces and commas removed)
    decimals: int  # printed decimals: the rounding unit for the identities
    unit: str
    share_base: str | None  # for a share: what it is a share of, as printed
    source_line: int
    raw_text: str


@dataclass(frozen=True)
class Explanation:
    """A sentence of reasons or description attached to a subject (主要原因是 …)."""

    section_code: str
    topic: str
    subject: str | None
    kind: str  # change_reason, budget_variance_reason, spending_content, enumeration, ...
    text: str
    source_line: int
    raw_text: str
    # The comparison the words state, where they do (决算数小于预算数的主要原因 → 小于)
    stated_comparison: str | None = None


@dataclass(frozen=True)
class FunctionalClause:
    """One 类/款/项 clause: `N. X(类)Y(款)Z(项):支出决算数为…` (its form is the template's)."""

    section_code: str
    budget_type: str
    clause_no: int
    class_name: str
    kuan_name: str
    item_name: str
    amount: Decimal
    change_amount: Decimal | None  # signed; None when the clause states no change
    change_pct: Decimal | None  # signed
    reason: str | None
    source_line: int
    source_line_end: int
    raw_text: str
    budget_initial_amount: Decimal | None = None  # 年初预算 where the template states it
    purpose: str | None = None  # 主要用于: …
    # The comparison the words state: 大于, 小于, 等于 (决算数…预算数), 持平 or 基本持平
    stated_comparison: str | None = None


@dataclass(frozen=True)
class ClassTotal:
    """A 类 total with its share: `1. 教育支出(类)3,842.53万元,占11.94%`."""

    section_code: str
    budget_type: str
    list_no: int
    class_name: str
    amount: Decimal
    share_pct: Decimal | None
    source_line: int
    raw_text: str


@dataclass(frozen=True)
class ListEntry:
    """An entry of a list in the text: a main function, a budget unit, an office, an
    economic item of 基本支出, a glossary term, an attached table."""

    section_code: str
    list_name: str  # main_functions, budget_units, internal_offices, ...
    entry_no: int
    entry_label: str | None  # the printed number or group, e.g. "(一)", "人员经费"
    name: str
    detail: str | None  # the function text, the glossary definition, ...
    source_line: int
    raw_text: str


@dataclass(frozen=True)
class Unparsed:
    """A numeric token that is not a disclosed figure, with the reason."""

    section_code: str
    token: str
    reason: str  # year, date, list_number, document_number, explanation_text, ...
    source_line: int
    context: str


@dataclass
class SectionExtract:
    """What the parsers found in one section."""

    figures: list[Figure]
    explanations: list[Explanation]
    clauses: list[FunctionalClause]
    class_totals: list[ClassTotal]
    entries: list[ListEntry]
    unparsed: list[Unparsed]

    @classmethod
    def empty(cls) -> SectionExtract:
        return cls([], [], [], [], [], [])

    def extend(self, other: SectionExtract) -> None:
        self.figures += other.figures
        self.explanations += other.explanations
        self.clauses += other.clauses
        self.class_totals += other.class_totals
        self.entries += other.entries
        self.unparsed += other.unparsed
