"""Lists in the text: the main functions (一、主要职能), the budget units in scope, the
internal offices, the economic items of 基本支出, the glossary and the attached tables."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..records import Explanation, ListEntry
from ..templates import UnitTableVocabulary
from ..text import CompactText, ascii_forms, clean_text

if TYPE_CHECKING:
    from ..document import Document
    from ..sections import Section

_NUMERALS = "一二三四五六七八九十"
# `(一)贯彻执行…` at the start of a line (第一部分 一、主要职能).
FUNCTION_START = re.compile(rf"\(([{_NUMERALS}]+)\)")
# `一、财政拨款收入:指…` (第三部分) and `一、《收入支出决算总表》` (第四部分).
NUMERAL_ITEM_START = re.compile(rf"([{_NUMERALS}]+)、")


def item_spans(
    text: CompactText, start_pattern: re.Pattern[str], *, after_sentence: bool = False
) -> list[tuple[int, int]]:
    """(start, end) of each list item: an item starts where a line starts with the
    pattern (with after_sentence, also right after a sentence's end: `…财务规则。(八)负责…`
    printed on one line) and runs to the next item (wrapped lines included) or the end."""
    starts = [
        i
        for i in range(len(text.text))
        if (text.is_line_start(i) or (after_sentence and i > 0 and text.text[i - 1] == "。"))
        and start_pattern.match(text.text, i)
    ]
    return [
        (s, starts[k + 1] if k + 1 < len(starts) else len(text.text)) for k, s in enumerate(starts)
    ]


def main_functions(text: CompactText, section_code: str) -> list[ListEntry]:
    entries = []
    spans = item_spans(text, FUNCTION_START, after_sentence=True)
    for number, (start, end) in enumerate(spans, start=1):
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


def budget_units(
    text: CompactText, spans: list[tuple[int, int]], section_code: str, item: re.Pattern[str]
):
    """The numbered budget units (item: the template's numbered-item pattern); the one
    marked (本级) is the department's own body."""
    entries = []
    for start, end in spans:
        match = item.match(text.text, start)
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


def unit_table(
    document: Document, section: Section, vocabulary: UnitTableVocabulary
) -> tuple[list[ListEntry], frozenset[int]]:
    """The budget units of a ruled table (序号 | 单位名称 | 备注) inside the section, and the
    lines of the tables read (so that the narrative does not read them again). A row whose
    number is not a number is an error naming its line."""
    entries = []
    read: set[int] = set()
    for table in document.source.tables:
        rows = [line for line in document.source.lines if line.table == table.index]
        if not rows or not section.first_line <= rows[0].number <= section.last_line:
            continue
        header = {clean_text(text): column for column, text in
                  enumerate(document.cell_texts(rows[0].number))}  # fmt: skip
        if vocabulary.name not in header:
            continue
        read.update(line.number for line in rows)
        for line in rows[1:]:
            cells = document.cell_texts(line.number)
            name = _unit_cell(cells, header, vocabulary.name)
            if name is None:
                continue
            number = _unit_cell(cells, header, vocabulary.number)
            entries.append(
                ListEntry(
                    section_code=section.code,
                    list_name="budget_units",
                    entry_no=int(number) if number and number.isdigit() else len(entries) + 1,
                    entry_label="本级" if vocabulary.own_unit.search(name) else "下属单位",
                    name=name,
                    detail=_unit_cell(cells, header, vocabulary.remark),
                    source_line=line.number,
                    raw_text=line.text.replace("\t", " ").strip(),
                )
            )
    return entries, frozenset(read)


def _unit_cell(cells: tuple[str, ...], header: dict[str, int], name: str | None) -> str | None:
    """The text of the cell under the header `name` (ASCII brackets), None when empty."""
    column = header.get(name) if name else None
    if column is None or column >= len(cells):
        return None
    return ascii_forms(clean_text(cells[column])) or None


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
