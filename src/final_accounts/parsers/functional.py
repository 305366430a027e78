"""The functional-classification clauses of sections 五(三) and 八, and the 类 totals of
五(二) (docs/DOMAIN.md §2, §6).

A clause reads, after the compaction of whitespace:
    2.教育支出(类)职业教育(款)技校教育(项):支出决算数为3,802.53万元,比上年决算增加882.46万元,
    增长30.22%,主要原因是:…
"""

from __future__ import annotations

import re

from ..errors import ExtractionError
from ..numbers import direction_sign, parse_printed_number
from ..records import ClassTotal, Figure, FunctionalClause
from ..text import LIST_ITEM, CompactText
from .tokens import Claims

_NUMBER = r"[0-9A-Za-z][0-9A-Za-z,.]*"
CLAUSE_START = re.compile(r"\d+\.[^(]+\(类\)[^(]+\(款\)")
_CLAUSE = re.compile(
    rf"(?P<no>\d+)\.(?P<class>.+?)\(类\)(?P<kuan>.+?)\(款\)(?P<item>.+?)\(项\)[:]"
    rf"支出决算数为(?P<amount>{_NUMBER})万元[,]"
    rf"(?:比上年(?:决算)?(?P<direction>增加|减少)(?P<change>{_NUMBER})万元[,]"
    rf"(?P<pct_direction>增长|下降)(?P<pct>{_NUMBER})%"
    rf"|与上年(?:决算)?持平)"
    rf"(?:[,;]主要原因是[:](?P<reason>.*?))?。?$"
)


def parse_clause(
    text: CompactText,
    start: int,
    end: int,
    *,
    section_code: str,
    topic: str,
    budget_type: str,
    claims: Claims,
) -> tuple[FunctionalClause, list[Figure]]:
    """One clause and its three figures (amount, change, change percent)."""
    body = text.text[start:end]
    match = _CLAUSE.fullmatch(body)
    line = text.line_at(start)
    if not match:
        raise ExtractionError(
            text.document.source_file,
            "a 类/款/项 clause not in the form "
            "'N.类(类)款(款)项(项):支出决算数为X万元,比上年决算增加|减少Y万元,增长|下降Z%'",
            section=section_code,
            line=line,
        )
    amount = _number(text, match, "amount", start, section_code)
    change = pct = None
    if match["direction"]:
        change = _number(text, match, "change", start, section_code)
        pct = _number(text, match, "pct", start, section_code)
        change = change * direction_sign(match["direction"])
        pct = pct * direction_sign(match["pct_direction"])
    line_item = f"{match['class']}(类){match['kuan']}(款){match['item']}(项)"
    figures = []
    for group, measure, unit, value in (
        ("amount", "amount", "万元", amount),
        ("change", "change_amount", "万元", change),
        ("pct", "change_pct", "%", pct),
    ):
        if value is None:
            continue
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
    if match["reason"] is not None:
        claims.claim(start + match.start("reason"), start + match.end("reason"), "explanation_text")
    clause = FunctionalClause(
        section_code=section_code,
        budget_type=budget_type,
        clause_no=int(match["no"]),
        class_name=match["class"],
        kuan_name=match["kuan"],
        item_name=match["item"],
        amount=amount,
        change_amount=change,
        change_pct=pct,
        reason=match["reason"],
        source_line=line,
        source_line_end=text.line_at(end - 1),
        raw_text=text.raw_span(start, end),
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
