"""Extraction of one document: sections → records, with the numeric-token ledger."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .document import Document, read_document
from .errors import ExtractionError
from .numbers import parse_printed_number
from .parsers import lists
from .parsers.functional import CLAUSE_START, class_totals, parse_clause
from .parsers.narrative import scan_narrative
from .parsers.performance.values import parse_score, parse_value
from .parsers.performance_tables import parse_performance_tables
from .parsers.tokens import Claims, leftover_tokens
from .performance_records import PerformanceExtract
from .records import SectionExtract
from .sections import KIND_NARRATIVE, KIND_PERFORMANCE_TABLES, Section, split_sections
from .text import CompactText, compact

# 第四部分 of the national template lists nine attached statements (收入支出决算总表 …
# 财政拨款"三公"经费支出决算表).
ATTACHED_TABLE_COUNT = 9

# The budget whose functional clauses a section lists.
_BUDGET_TYPES = {"2.五": "一般公共预算", "2.八": "国有资本经营预算"}


@dataclass
class DocumentExtract:
    document: Document
    sections: list[Section]
    records: SectionExtract
    performance: PerformanceExtract | None  # the self-evaluation tables of section 十一

    def token_counts(self) -> Counter[str]:
        """Numeric tokens by where they ended: figure rows, or unparsed by reason."""
        counts: Counter[str] = Counter(figures=len(self.records.figures))
        counts.update(f"unparsed:{u.reason}" for u in self.records.unparsed)
        return counts


def extract_file(path: Path) -> DocumentExtract:
    return extract_document(read_document(path))


# Readers memoised on a cell's text (pure functions): emptied before each document, so that
# a document costs the same, whichever documents a worker read before it.
_MEMOISED = (parse_printed_number, parse_score, parse_value)


def extract_document(document: Document) -> DocumentExtract:
    for reader in _MEMOISED:
        reader.cache_clear()
    sections = split_sections(document)
    records = SectionExtract.empty()
    performance = None
    for section in sections:
        if section.kind == KIND_PERFORMANCE_TABLES:
            performance = parse_performance_tables(document, section)
        if section.kind != KIND_NARRATIVE:
            continue
        text = compact(document, section.first_line, section.last_line)
        claims = Claims()
        records.extend(_parse_section(document, section, text, claims))
        records.unparsed += leftover_tokens(text, 0, len(text.text), claims, section.code)
    return DocumentExtract(document, sections, records, performance)


def _parse_section(
    document: Document, section: Section, text: CompactText, claims: Claims
) -> SectionExtract:
    code = section.code
    if code == "1.一":
        found = SectionExtract.empty()
        found.entries = lists.main_functions(text, code)
        return found
    if code == "3":
        found = SectionExtract.empty()
        found.entries = lists.glossary(text, code)
        return found
    if code == "4":
        found = SectionExtract.empty()
        found.entries = lists.attached_tables(text, code)
        if len(found.entries) < ATTACHED_TABLE_COUNT:
            # The list is the end of the document: a short one is a cut-off file.
            raise ExtractionError(
                document.source_file,
                f"第四部分 lists {len(found.entries)} of the template's {ATTACHED_TABLE_COUNT} "
                f"attached tables; the text ends at line {len(document.lines)} — the file looks "
                "truncated",
                section=code,
                line=len(document.lines),
            )
        return found

    numbered = lists.item_spans(text, lists.NUMBERED_ITEM_START)
    if code == "1.二":
        carved = numbered  # the budget units in scope
    else:  # the 类/款/项 clauses of 五(三) and 八
        carved = [(s, e) for s, e in numbered if CLAUSE_START.match(text.text, s)]
    found = SectionExtract.empty()
    position = 0
    for start, end in [*carved, (len(text.text), len(text.text))]:
        found.extend(_scan(document, section, text, position, start, claims))
        position = end
    if code == "1.二":
        found.entries += lists.budget_units(text, carved, code)
        found.entries += [
            entry
            for explanation in found.explanations
            if explanation.kind == "enumeration" and (explanation.subject or "").endswith("科室")
            for entry in lists.enumeration_entries(explanation, "internal_offices", None)
        ]
    elif code == "2.六":
        found.entries += [
            entry
            for explanation in found.explanations
            if explanation.kind == "enumeration" and explanation.subject in ("人员经费", "公用经费")
            for entry in lists.enumeration_entries(
                explanation, "basic_expenditure_items", explanation.subject
            )
        ]
    elif code == "2.五(二)":
        found.class_totals = class_totals(found.figures, _BUDGET_TYPES["2.五"], text)
    for start, end in carved if code != "1.二" else []:
        clause, figures = parse_clause(
            text,
            start,
            end,
            section_code=code,
            topic=section.title,
            budget_type=_BUDGET_TYPES[section.section_code],
            claims=claims,
        )
        found.clauses.append(clause)
        found.figures += figures
    return found


def _scan(
    document: Document, section: Section, text: CompactText, start: int, end: int, claims: Claims
) -> SectionExtract:
    if start >= end:
        return SectionExtract.empty()
    return scan_narrative(
        text,
        start,
        end,
        section_code=section.code,
        topic=section.title,
        department_name=document.department_name,
        claims=claims,
    )
