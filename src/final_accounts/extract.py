"""Extraction of one document: sections → records, with the numeric-token ledger."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .document import Document, read_document
from .errors import ExtractionError
from .numbers import parse_printed_number
from .parsers import lists
from .parsers.functional import class_totals, parse_clause
from .parsers.narrative import scan_narrative
from .parsers.performance.values import parse_score, parse_value
from .parsers.performance_tables import parse_performance_tables
from .parsers.statements import read_statements
from .parsers.tokens import Claims, leftover_tokens
from .performance_records import PerformanceExtract
from .records import SectionExtract
from .sections import (
    KIND_NARRATIVE,
    KIND_PERFORMANCE_TABLES,
    KIND_STATEMENTS,
    Section,
    TocEntry,
    split_sections,
    toc_entries,
)
from .statement_records import StatementsExtract
from .text import CompactText, compact


@dataclass
class DocumentExtract:
    document: Document
    sections: list[Section]
    records: SectionExtract
    performance: PerformanceExtract | None  # the self-evaluation tables of section 十一
    statements: StatementsExtract | None  # the nine statements, where the template prints them
    toc: list[TocEntry]  # the table of contents, line by line
    placeholders: list[tuple[int, str, str]]  # (line, placeholder, line text) of the blank form

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
    performance = statements = None
    for section in sections:
        if section.kind == KIND_PERFORMANCE_TABLES:
            performance = parse_performance_tables(document, section)
        if section.kind == KIND_STATEMENTS:
            statements = read_statements(document, section)
        if section.kind != KIND_NARRATIVE:
            continue
        units, table_lines = [], frozenset()
        if section.parse == "unit_table":  # its table is read as cells, the rest as prose
            units, table_lines = lists.unit_table(document, section, document.template.unit_table)
        text = compact(document, section.first_line, section.last_line, skip=table_lines)
        claims = Claims()
        records.extend(_parse_section(document, section, text, claims))
        records.entries += units
        records.unparsed += leftover_tokens(
            text, 0, len(text.text), claims, section.code, document.template.narrative.list_item
        )
    toc = toc_entries(document, sections)
    placeholders = [
        (number, match.group(), line.strip())
        for number, line in enumerate(document.lines, start=1)
        for pattern in document.template.placeholders
        for match in pattern.finditer(line)
    ]
    return DocumentExtract(document, sections, records, performance, statements, toc, placeholders)


def _parse_section(
    document: Document, section: Section, text: CompactText, claims: Claims
) -> SectionExtract:
    """Dispatch on what the template says reads the section (its `parse` and `lists`)."""
    spec = document.template.spec(section.code)
    code = section.code
    found = SectionExtract.empty()
    if section.parse == "main_functions":
        found.entries = lists.main_functions(text, code)
        return found
    if section.parse == "glossary":
        found.entries = lists.glossary(text, code)
        return found
    if section.parse == "attached_tables":
        found.entries = lists.attached_tables(text, code)
        expected = spec.expected_entries
        if expected and len(found.entries) < expected:
            # The list is the end of the document: a short one is a cut-off file.
            raise ExtractionError(
                document.source_file,
                f"{spec.name} lists {len(found.entries)} of the template's {expected} "
                f"attached tables; the text ends at line {len(document.lines)} — the file looks "
                "truncated",
                section=code,
                line=len(document.lines),
            )
        return found

    vocabulary = document.template.narrative
    if "budget_units" in spec.lists:
        carved = lists.item_spans(text, vocabulary.list_item)
    elif section.parse == "functional_clauses":
        carved = [
            (s, e)
            for s, e in lists.item_spans(text, vocabulary.list_item)
            if vocabulary.clause.start.match(text.text, s)
        ]
    else:
        carved = []
    position = 0
    for start, end in [*carved, (len(text.text), len(text.text))]:
        found.extend(_scan(document, section, text, position, start, claims))
        position = end
    if "budget_units" in spec.lists:
        found.entries += lists.budget_units(text, carved, code, vocabulary.list_item)
    if "internal_offices" in spec.lists:
        found.entries += [
            entry
            for explanation in found.explanations
            if explanation.kind == "enumeration" and (explanation.subject or "").endswith("科室")
            for entry in lists.enumeration_entries(explanation, "internal_offices", None)
        ]
    if "basic_expenditure_items" in spec.lists:
        found.entries += [
            entry
            for explanation in found.explanations
            if explanation.kind == "enumeration" and explanation.subject in ("人员经费", "公用经费")
            for entry in lists.enumeration_entries(
                explanation, "basic_expenditure_items", explanation.subject
            )
        ]
    if "class_totals" in spec.lists:
        found.class_totals = class_totals(found.figures, spec.budget_type, text)
    if section.parse != "functional_clauses":
        return found
    for start, end in carved:
        clause, figures = parse_clause(
            text,
            start,
            end,
            section_code=code,
            topic=section.title,
            budget_type=spec.budget_type,
            clauses=vocabulary.clause,
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
        vocabulary=document.template.narrative,
        claims=claims,
    )
