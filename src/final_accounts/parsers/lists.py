"""Lists in the text: the main functions (一、主要职能), the budget units in scope, the
internal offices, the economic items of 基本支出, the glossary and the attached tables."""

from __future__ import annotations

import re

from ..records import Explanation, ListEntry
from ..text import CompactText

_NUMERALS = "一二三四五六七八九十"
# `(一)贯彻执行…` at the start of a line (第一部分 一、主要职能).
FUNCTION_START = re.compile(rf"\(([{_NUMERALS}]+)\)")
# `一、财政拨款收入:指…` (第三部分) and `一、《收入支出决算总表》` (第四部分).
NUMERAL_ITEM_START = re.compile(rf"([{_NUMERALS}]+)、")
# `1.乌鲁木齐市…` a numbered line.
NUMBERED_ITEM_START = re.compile(r"(\d+)\.(?!\d)")


def item_spans(text: CompactText, start_pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    """(start, end) of each list item: an item starts where a line starts with the
    pattern and runs to the next item (wrapped lines included) or the end."""
    starts = [
        i
        for i in range(len(text.text))
        if text.is_line_start(i) and start_pattern.match(text.text, i)
    ]
    return [
        (s, starts[k + 1] if k + 1 < len(starts) else len(text.text)) for k, s in enumerate(starts)
    ]


def main_functions(text: CompactText, section_code: str) -> list[ListEntry]:
    entries = []
    for number, (start, end) in enumerate(item_spans(text, FUNCTION_START), start=1):
        match = FUNCTION_START.match(text.text, start)
        body = text.text[match.end() : end]
        entries.append(
            ListEntry(
                section_code=section_code,
                list_name="main_functions",
                entry_no=number,
                entry_label=match.group(0),
                name=_first_clause(body),
                detail=body,
                source_line=text.line_at(start),
                raw_text=text.raw_span(start, end),
            )
        )
    return entries


def budget_units(text: CompactText, spans: list[tuple[int, int]], section_code: str):
    """The numbered budget units; the one marked (本级) is the department's own body."""
    entries = []
    for start, end in spans:
        match = NUMBERED_ITEM_START.match(text.text, start)
        name = text.text[match.end() : end].rstrip("。;")
        entries.append(
            ListEntry(
                section_code=section_code,
                list_name="budget_units",
                entry_no=int(match[1]),
                entry_label="本级" if "(本级)" in name else "下属单位",
                name=name,
                detail=None,
                source_line=text.line_at(start),
                raw_text=text.raw_span(start, end),
            )
        )
    return entries


def enumeration_entries(
    explanation: Explanation, list_name: str, group: str | None
) -> list[ListEntry]:
    """The items of an enumeration (`分别是:A、B、C`, `包括:A、B`), in printed order."""
    names = [n for n in re.split(r"[、,]", explanation.text.rstrip("。")) if n]
    return [
        ListEntry(
            section_code=explanation.section_code,
            list_name=list_name,
            entry_no=number,
            entry_label=group,
            name=name,
            detail=None,
            source_line=explanation.source_line,
            raw_text=explanation.raw_text,
        )
        for number, name in enumerate(names, start=1)
    ]


def glossary(text: CompactText, section_code: str) -> list[ListEntry]:
    entries = []
    for start, end in item_spans(text, NUMERAL_ITEM_START):
        match = NUMERAL_ITEM_START.match(text.text, start)
        term, _, definition = text.text[match.end() : end].partition(":")
        entries.append(
            ListEntry(
                section_code=section_code,
                list_name="glossary",
                entry_no=_numeral_number(match[1]),
                entry_label=match.group(0),
                name=term,
                detail=definition.removeprefix("指") or None,
                source_line=text.line_at(start),
                raw_text=text.raw_span(start, end),
            )
        )
    return entries


def attached_tables(text: CompactText, section_code: str) -> list[ListEntry]:
    entries = []
    for start, end in item_spans(text, NUMERAL_ITEM_START):
        match = NUMERAL_ITEM_START.match(text.text, start)
        entries.append(
            ListEntry(
                section_code=section_code,
                list_name="attached_tables",
                entry_no=_numeral_number(match[1]),
                entry_label=match.group(0),
                name=text.text[match.end() : end].strip("《》"),
                detail=None,
                source_line=text.line_at(start),
                raw_text=text.raw_span(start, end),
            )
        )
    return entries


def _numeral_number(numeral: str) -> int:
    from ..sections import numeral_value

    return numeral_value(numeral)


def _first_clause(body: str) -> str:
    """The first clause of a function's text: its short name."""
    return re.split(r"[,;。]", body, maxsplit=1)[0]
