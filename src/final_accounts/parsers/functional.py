"""The functional-classification clauses of the 项 sections (五(三), and the fund budgets'
sections) and the 类 totals of 五(二) (docs/DOMAIN.md §2, §6).

How a clause reads is the template's (templates/*.yaml, `narrative.clause`). Xinjiang, after
the compaction of whitespace:
    2.教育支出(类)职业教育(款)技校教育(项):支出决算数为3,802.53万元,比上年决算增加882.46万元,
    增长30.22%,主要原因是:…
Shanghai:
    1、一般公共服务支出(类)财政事务(款)行政运行(项)。主要用于:…。年初预算为1560.05万元,
    支出决算为1511.89万元。决算数小于预算数的主要原因:…
"""

from __future__ import annotations

import re

from ..errors import ExtractionError
from ..numbers import direction_sign, parse_printed_number
from ..records import ClassTotal, Figure, FunctionalClause
from ..templates import ClauseVocabulary
from ..text import LIST_ITEM, CompactText
from .tokens import Claims

# The figures a clause may state: its group, the measure and unit of the figure row.
_CLAUSE_FIGURES = (
    ("amount", "amount", "万元"),
    ("budget", "budget_initial_amount", "万元"),
    ("change", "change_amount", "万元"),
    ("pct", "change_pct", "%"),
)


def parse_clause(
    text: CompactText,
    start: int,
    end: int,
    *,
    section_code: str,
    topic: str,
    budget_type: str,
    clauses: ClauseVocabulary,
    claims: Claims,
) -> tuple[FunctionalClause, list[Figure]]:
    """One clause and its figures (amount; the budget or the change and its percent)."""
    body = text.text[start:end]
    match = clauses.pattern.fullmatch(body)
    line = text.line_at(start)
    if not match:
        raise ExtractionError(
            text.document.source_file,
            f"a 类/款/项 clause not in the form {clauses.shape}",
            section=section_code,
            line=line,
            page=text.document.page_of(line),
        )
    groups = match.groupdict()
    values = {
        group: _number(text, match, group, start, section_code)
        for group, _, _ in _CLAUSE_FIGURES
        if groups.get(group) is not None
    }
    if "change" in values:
        values["change"] *= direction_sign(match["direction"])
        values["pct"] *= direction_sign(match["pct_direction"])
    line_item = f"{match['class']}(类){match['kuan']}(款){match['item']}(项)"
    figures = []
    for group, measure, unit in _CLAUSE_FIGURES:
        if group not in values:
            continue
        value = values[group]
        g_start, g_end = start + match.start(group), start + match.end(group)
        printed = parse_printed_number(match[group])
        claims.claim(g_start, g_end, "clause_figure")
        figures.append(
            Figure(
                section_code=section_code,
                topic=topic,
                line_item=line_item,
                measure=measure,
                value=value,
                value_text=("-" if value < 0 else "") + printed.text,
                decimals=printed.decimals,
                unit=unit,
                share_base=None,
                source_line=text.line_at(g_start),
                raw_text=text.raw_span(g_start, g_end + len(unit)),
            )
        )
    for group in ("reason", "purpose"):
        if groups.get(group) is not None:
            claims.claim(start + match.start(group), start + match.end(group), "explanation_text")
    clause = FunctionalClause(
        section_code=section_code,
        budget_type=budget_type,
        clause_no=int(match["no"]),
        class_name=match["class"],
        kuan_name=match["kuan"],
        item_name=match["item"],
        amount=values["amount"],
        change_amount=values.get("change"),
        change_pct=values.get("pct"),
        reason=groups.get("reason"),
        source_line=line,
        source_line_end=text.line_at(end - 1),
        raw_text=text.raw_span(start, end),
        budget_initial_amount=values.get("budget"),
        purpose=groups.get("purpose"),
        stated_comparison=groups.get("comparison") or groups.get("flat"),
    )
    return clause, figures


def _number(text: CompactText, match: re.Match[str], group: str, start: int, section: str):
    printed = parse_printed_number(match[group])
    if printed is None:
        raise ExtractionError(
            text.document.source_file,
            f"cannot read the number {match[group]!r} in a 类/款/项 clause",
            section=section,
            line=text.line_at(start + match.start(group)),
        )
    return printed.value


_CLASS_LABEL = re.compile(r"(?P<class>.+)\(类\)")


def class_totals(figures: list[Figure], budget_type: str, text: CompactText) -> list[ClassTotal]:
    """The 类 totals of 五(二) from its figures: each `X(类)` amount with the share after it;
    the raw text is the printed line that holds them."""
    totals = []
    for figure in figures:
        match = _CLASS_LABEL.fullmatch(figure.line_item)
        if not match or figure.measure != "amount":
            continue
        share = next(
            (
                f.value
                for f in figures
                if f.line_item == figure.line_item and f.measure == "share_pct"
            ),
            None,
        )
        totals.append(
            ClassTotal(
                section_code=figure.section_code,
                budget_type=budget_type,
                list_no=_printed_list_number(text.document.line(figure.source_line))
                or len(totals) + 1,
                class_name=match["class"],
                amount=figure.value,
                share_pct=share,
                source_line=figure.source_line,
                raw_text=text.document.line(figure.source_line).strip(),
            )
        )
    return totals


def _printed_list_number(line: str) -> int | None:
    """The list number a line starts with (`- 1. 教育支出…` → 1), if any."""
    match = LIST_ITEM.match(line)
    return int(match[1]) if match else None
