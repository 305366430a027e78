"""Raw tables: extracted records → rows → `seeds/raw/*.csv`, byte-identical for the same
documents (rows in document-id then document order, fixed columns, LF line ends)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from decimal import Decimal
from pathlib import Path

from .extract import DocumentExtract
from .sections import KIND_PERFORMANCE_TABLES

Row = dict[str, object]

# Each raw table: its columns, in order. Types are declared for dbt in
# seeds/raw/_raw__seeds.yml (a test keeps the two in step).
RAW_TABLES: dict[str, tuple[str, ...]] = {
    "raw_documents": (
        "document_id", "department_name", "caliber", "fiscal_year", "title", "source_file",
        "source_sha256", "line_count",
    ),
    "raw_document_sections": (
        "document_id", "section_seq", "section_code", "section_title", "section_kind",
        "heading_line", "first_line", "last_line",
    ),
    "raw_source_lines": ("document_id", "source_line", "section_code", "raw_text"),
    "raw_disclosed_figures": (
        "document_id", "figure_seq", "section_code", "topic", "line_item", "measure", "value",
        "value_text", "decimals", "unit", "share_base", "source_line", "raw_text",
    ),
    "raw_explanations": (
        "document_id", "explanation_seq", "section_code", "topic", "subject",
        "explanation_kind", "explanation_text", "source_line", "raw_text",
    ),
    "raw_functional_clauses": (
        "document_id", "section_code", "budget_type", "clause_no", "class_name", "kuan_name",
        "item_name", "amount_wan_yuan", "change_wan_yuan", "change_pct", "reason",
        "source_line", "source_line_end", "raw_text",
    ),
    "raw_functional_class_totals": (
        "document_id", "section_code", "budget_type", "list_no", "class_name",
        "amount_wan_yuan", "share_pct", "source_line", "raw_text",
    ),
    "raw_main_functions": (
        "document_id", "function_no", "function_label", "function_name", "function_text",
        "source_line", "raw_text",
    ),
    "raw_budget_units": (
        "document_id", "unit_no", "unit_level", "unit_name", "source_line", "raw_text",
    ),
    "raw_internal_offices": ("document_id", "office_no", "office_name", "source_line", "raw_text"),
    "raw_basic_expenditure_items": (
        "document_id", "expense_group", "item_no", "item_name", "source_line", "raw_text",
    ),
    "raw_glossary_terms": (
        "document_id", "term_no", "term", "definition", "source_line", "raw_text",
    ),
    "raw_attached_tables": ("document_id", "table_no", "table_name", "source_line", "raw_text"),
    "raw_unparsed_tokens": (
        "document_id", "token_seq", "section_code", "token", "reason", "source_line", "context",
    ),
}  # fmt: skip

# The list tables, by the list name the list parsers give their entries.
_LIST_TABLES = {
    "main_functions": ("raw_main_functions", ("function_no", "function_label",
                                              "function_name", "function_text")),
    "budget_units": ("raw_budget_units", ("unit_no", "unit_level", "unit_name", None)),
    "internal_offices": ("raw_internal_offices", ("office_no", None, "office_name", None)),
    "basic_expenditure_items": ("raw_basic_expenditure_items",
                                ("item_no", "expense_group", "item_name", None)),
    "glossary": ("raw_glossary_terms", ("term_no", None, "term", "definition")),
    "attached_tables": ("raw_attached_tables", ("table_no", None, "table_name", None)),
}  # fmt: skip


def raw_tables(extracts: Iterable[DocumentExtract]) -> dict[str, list[Row]]:
    """All raw tables for the documents, rows ordered by document id then document order."""
    tables: dict[str, list[Row]] = {name: [] for name in RAW_TABLES}
    for extract in sorted(extracts, key=lambda e: e.document.document_id):
        for name, rows in _document_rows(extract):
            tables[name].extend(rows)
    return tables


def _document_rows(extract: DocumentExtract) -> Iterator[tuple[str, list[Row]]]:
    doc = extract.document
    records = extract.records
    base = {"document_id": doc.document_id}
    yield "raw_documents", [{
        **base, "department_name": doc.department_name, "caliber": doc.caliber,
        "fiscal_year": doc.fiscal_year, "title": doc.title, "source_file": doc.source_file,
        "source_sha256": doc.source_sha256, "line_count": len(doc.lines),
    }]  # fmt: skip
    yield "raw_document_sections", [
        {**base, "section_seq": seq, "section_code": s.code, "section_title": s.title,
         "section_kind": s.kind, "heading_line": s.heading_line, "first_line": s.first_line,
         "last_line": s.last_line}
        for seq, s in enumerate(extract.sections, start=1)
    ]  # fmt: skip
    yield (
        "raw_source_lines",
        [
            {**base, "source_line": n, "section_code": s.code, "raw_text": doc.line(n).strip()}
            for s in extract.sections
            if s.kind != KIND_PERFORMANCE_TABLES
            for n in range(s.heading_line, s.last_line + 1)
            if doc.line(n).strip()
        ],
    )
    yield "raw_disclosed_figures", [
        {**base, "figure_seq": seq, **_fields(f, "section_code", "topic", "line_item", "measure",
         "value", "value_text", "decimals", "unit", "share_base", "source_line", "raw_text")}
        for seq, f in enumerate(_in_line_order(records.figures), start=1)
    ]  # fmt: skip
    yield "raw_explanations", [
        {**base, "explanation_seq": seq, "section_code": e.section_code, "topic": e.topic,
         "subject": e.subject, "explanation_kind": e.kind, "explanation_text": e.text,
         "source_line": e.source_line, "raw_text": e.raw_text}
        for seq, e in enumerate(_in_line_order(records.explanations), start=1)
    ]  # fmt: skip
    yield "raw_functional_clauses", [
        {**base, **_fields(c, "section_code", "budget_type", "clause_no", "class_name",
         "kuan_name", "item_name"), "amount_wan_yuan": c.amount,
         "change_wan_yuan": c.change_amount, "change_pct": c.change_pct, "reason": c.reason,
         "source_line": c.source_line, "source_line_end": c.source_line_end,
         "raw_text": c.raw_text}
        for c in records.clauses
    ]  # fmt: skip
    yield "raw_functional_class_totals", [
        {**base, **_fields(t, "section_code", "budget_type", "list_no", "class_name"),
         "amount_wan_yuan": t.amount, "share_pct": t.share_pct, "source_line": t.source_line,
         "raw_text": t.raw_text}
        for t in records.class_totals
    ]  # fmt: skip
    for list_name, (table, (no, label, name, detail)) in _LIST_TABLES.items():
        yield table, [
            {**base, no: e.entry_no, **({label: e.entry_label} if label else {}), name: e.name,
             **({detail: e.detail} if detail else {}), "source_line": e.source_line,
             "raw_text": e.raw_text}
            for e in records.entries
            if e.list_name == list_name
        ]  # fmt: skip
    yield "raw_unparsed_tokens", [
        {**base, "token_seq": seq, **_fields(u, "section_code", "token", "reason",
         "source_line", "context")}
        for seq, u in enumerate(_in_line_order(records.unparsed), start=1)
    ]  # fmt: skip


def _fields(record: object, *names: str) -> Row:
    return {name: getattr(record, name) for name in names}


def _in_line_order(records: list) -> list:
    """Records by source line; the sort is stable, so a line keeps its reading order."""
    return sorted(records, key=lambda r: r.source_line)


def to_csv(name: str, rows: list[Row]) -> str:
    """One table as CSV text: fixed columns, LF line ends, Decimal printed exactly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    columns = RAW_TABLES[name]
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(column)) for column in columns])
    return buffer.getvalue()


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def write_seeds(tables: dict[str, list[Row]], directory: Path) -> list[Path]:
    """Write every raw table; a file whose content is unchanged is left as it is."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name in RAW_TABLES:
        path = directory / f"{name}.csv"
        content = to_csv(name, tables[name])
        if not path.exists() or path.read_text(encoding="utf-8") != content:
            path.write_text(content, encoding="utf-8", newline="\n")
        written.append(path)
    return written
