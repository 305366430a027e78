"""Raw tables: extracted records → rows → `seeds/raw/*.csv`, byte-identical for the same
documents (rows in document-id then document order, fixed columns, LF line ends).

A document's rows are written as CSV fragments (rows without the header), one per raw
table: that is what the extraction cache keeps per document, and a seed file is its
header followed by the documents' fragments in document-id order."""

from __future__ import annotations

import csv
import filecmp
import io
import os
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from pathlib import Path

import yaml

from . import project
from .extract import DocumentExtract
from .numbers import printed_decimals
from .records import Unparsed
from .sections import KIND_STATEMENTS

Row = dict[str, object]

# Each raw table: its columns, in order, as declared (with their types and descriptions) in
# the one place dbt reads them too, seeds/raw/_raw__seeds.yml.
RAW_SCHEMA = project.RAW_SEEDS / "_raw__seeds.yml"


def _declared_columns(schema: Path) -> dict[str, tuple[str, ...]]:
    seeds = yaml.safe_load(schema.read_text(encoding="utf-8"))["seeds"]
    return {seed["name"]: tuple(seed["config"]["column_types"]) for seed in seeds}


RAW_TABLES: dict[str, tuple[str, ...]] = _declared_columns(RAW_SCHEMA)

# The list tables, by the list name the list parsers give their entries.
_LIST_TABLES = {
    "main_functions": ("raw_main_functions", ("function_no", "function_label",
                                              "function_name", "function_text")),
    "budget_units": ("raw_budget_units", ("unit_no", "unit_level", "unit_name", "remark")),
    "internal_offices": ("raw_internal_offices", ("office_no", None, "office_name", None)),
    "basic_expenditure_items": ("raw_basic_expenditure_items",
                                ("item_no", "expense_group", "item_name", None)),
    "glossary": ("raw_glossary_terms", ("term_no", None, "term", "definition")),
    "attached_tables": ("raw_attached_tables", ("table_no", None, "table_name", None)),
}  # fmt: skip


def document_fragments(extract: DocumentExtract) -> dict[str, str]:
    """One document's rows of every raw table, as CSV text without the header."""
    tables: dict[str, list[Row]] = {name: [] for name in RAW_TABLES}
    for name, rows in _document_rows(extract):
        tables[name].extend(rows)
    return {name: csv_rows(name, rows) for name, rows in tables.items()}


def _document_rows(extract: DocumentExtract) -> Iterator[tuple[str, list[Row]]]:
    doc = extract.document
    records = extract.records
    base = {"document_id": doc.document_id}
    topics = {s.code: s.topic for s in extract.sections}
    yield "raw_documents", [{
        **base, "department_name": doc.department_name, "caliber": doc.caliber,
        "fiscal_year": doc.fiscal_year, "title": doc.title, "source_file": doc.source_file,
        "source_sha256": doc.source_sha256, "line_count": len(doc.lines),
        "template_id": doc.template.template_id, "source_kind": doc.source.kind,
        "page_count": doc.source.page_count if doc.source.kind == "pdf" else None,
        "caliber_source": "printed" if doc.caliber_printed else "template_rule",
    }]  # fmt: skip
    yield "raw_document_sections", [
        {**base, "section_seq": seq, "section_code": s.code, "section_title": s.title,
         "section_kind": s.kind, "heading_line": s.heading_line, "first_line": s.first_line,
         "last_line": s.last_line, "topic_id": s.topic, "heading_page": doc.page_of(s.heading_line),
         "printed_department": s.printed_department}
        for seq, s in enumerate(extract.sections, start=1)
    ]  # fmt: skip
    yield "raw_toc_entries", [
        {**base, "entry_seq": seq, "entry_code": e.code, "entry_level": e.level,
         "entry_title": e.title, "source_line": e.source_line,
         "printed_department": e.printed_department}
        for seq, e in enumerate(extract.toc, start=1)
    ]  # fmt: skip
    yield "raw_placeholder_hits", [
        {**base, "hit_seq": seq, "source_line": line, "placeholder": text, "context": context}
        for seq, (line, text, context) in enumerate(extract.placeholders, start=1)
    ]  # fmt: skip
    yield (
        "raw_source_lines",
        [
            {
                **base,
                "source_line": n,
                "section_code": s.code,
                "raw_text": doc.line(n).strip(),
                **_place(doc, n),
            }
            for s in extract.sections
            for n in range(s.heading_line, s.last_line + 1)
            if doc.line(n).strip()
        ],
    )
    yield "raw_disclosed_figures", [
        {**base, "figure_seq": seq, **_fields(f, "section_code", "topic", "line_item", "measure",
         "value", "value_text", "decimals", "unit", "share_base", "source_line", "raw_text"),
         "topic_id": topics[f.section_code]}
        for seq, f in enumerate(_in_line_order(records.figures), start=1)
    ]  # fmt: skip
    yield "raw_explanations", [
        {**base, "explanation_seq": seq, "section_code": e.section_code, "topic": e.topic,
         "subject": e.subject, "explanation_kind": e.kind, "explanation_text": e.text,
         "source_line": e.source_line, "raw_text": e.raw_text,
         "stated_comparison": e.stated_comparison, "topic_id": topics[e.section_code]}
        for seq, e in enumerate(_in_line_order(records.explanations), start=1)
    ]  # fmt: skip
    yield "raw_functional_clauses", [
        {**base, **_fields(c, "section_code", "budget_type", "clause_no", "class_name",
         "kuan_name", "item_name"), "amount_wan_yuan": c.amount,
         "change_wan_yuan": c.change_amount, "change_pct": c.change_pct, "reason": c.reason,
         "source_line": c.source_line, "source_line_end": c.source_line_end,
         "raw_text": c.raw_text, "budget_initial_wan_yuan": c.budget_initial_amount,
         "purpose": c.purpose, "stated_comparison": c.stated_comparison,
         "topic_id": topics[c.section_code]}
        for c in records.clauses
    ]  # fmt: skip
    yield "raw_functional_class_totals", [
        {**base, **_fields(t, "section_code", "budget_type", "list_no", "class_name"),
         "amount_wan_yuan": t.amount, "share_pct": t.share_pct, "source_line": t.source_line,
         "raw_text": t.raw_text, "topic_id": topics[t.section_code]}
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
    yield from _performance_rows(base, extract.performance)
    yield from _statement_rows(base, extract)
    yield "raw_unparsed_tokens", [
        {**base, "token_seq": seq, **_fields(u, "section_code", "token", "reason",
         "source_line", "context")}
        for seq, u in enumerate(_in_line_order(_unparsed(extract)), start=1)
    ]  # fmt: skip


def rejected_fragment(rejected) -> str:
    """The rejected files' rows (corpus.RejectedDocument), as CSV text without the header."""
    return csv_rows(
        "raw_rejected_documents",
        [
            vars(r)
            if not hasattr(r, "__dataclass_fields__")
            else {f: getattr(r, f) for f in r.__dataclass_fields__}
            for r in rejected
        ],
    )


def _place(doc, number: int) -> Row:
    """Where a line is printed: its page and line on the page (a text source has no pages)."""
    line = doc.source.lines[number - 1]
    if doc.source.kind != "pdf":
        return {"page": None, "line_on_page": None}
    return {"page": line.page, "line_on_page": line.line_on_page}


def _unparsed(extract: DocumentExtract) -> list[Unparsed]:
    """The narrative's unparsed tokens and the statements' (one ledger per document)."""
    found = list(extract.records.unparsed)
    if extract.statements is not None:
        part = next(s.code for s in extract.sections if s.kind == KIND_STATEMENTS)
        found += [
            Unparsed(part, u.text, u.reason, u.line, extract.document.line(u.line).strip())
            for u in extract.statements.unparsed
        ]
    return found


def _statement_rows(base: Row, extract: DocumentExtract) -> Iterator[tuple[str, list[Row]]]:
    """The nine statements: one row per statement the template lists, one per printed cell."""
    statements = extract.statements
    if statements is None:
        return
    yield "raw_statements", [
        {**base, **_fields(s, "statement_no", "template_title"), "statement_title": s.title,
         **_fields(s, "classification", "status", "first_page", "last_page", "title_line",
         "empty_note", "empty_note_line"), "value_columns": len(s.column_labels),
         "budget_type": s.budget_type}
        for s in statements.statements
    ]  # fmt: skip
    yield "raw_statement_columns", [
        {**base, "statement_no": s.statement_no, "column_seq": seq, "side": side,
         "column_label": label}
        for s in statements.statements
        for seq, (side, label) in enumerate(s.column_labels, start=1)
    ]  # fmt: skip
    yield "raw_statement_rows", [
        {**base, **_fields(r, "statement_no", "row_seq", "side", "row_code", "row_label",
         "page"), "source_line": r.line}
        for r in statements.rows
    ]  # fmt: skip
    yield "raw_statement_cells", [
        {**base, "statement_no": c.statement_no, "cell_seq": seq, **_fields(c, "row_seq",
         "side", "row_code", "row_label", "column_label", "printed_text", "value", "decimals",
         "page"), "source_line": c.line, **_box(c.box)}
        for seq, c in enumerate(statements.cells, start=1)
    ]  # fmt: skip


def _box(box) -> Row:
    names = ("x0", "top", "x1", "bottom")
    return {f"box_{n}": getattr(box, n) if box is not None else None for n in names}


def _performance_rows(base: Row, performance) -> Iterator[tuple[str, list[Row]]]:
    """The self-evaluation tables of section 十一, their cells and their extraction notes."""
    if performance is None:
        return
    tables: list[Row] = []
    if (d := performance.department) is not None:
        tables.append({
            **base, "table_id": d.table_id, "table_kind": "department", "table_seq": 0,
            "name_raw": d.department_name_raw, "name": d.department_name,
            "name_quality": "clean" if d.department_name else "missing",
            "name_source_line": d.source_line, "expected_goal": d.expected_goal,
            "actual_goal": d.actual_goal, "goal_source_line": d.goal_source_line,
            "goal_source_line_end": d.goal_source_line_end, "source_line": d.source_line,
            "source_line_end": d.source_line_end, "raw_text": d.raw_text,
        })  # fmt: skip
    tables += [
        {**base, "table_id": p.table_id, "table_kind": "project", "table_seq": p.seq,
         "name_raw": p.raw_name, **_fields(p, "name", "name_quality", "name_source_line",
         "competent_department_raw", "competent_department", "implementing_unit_raw",
         "implementing_unit", "expected_goal", "actual_goal", "goal_source_line",
         "goal_source_line_end", "total_weight", "total_score", "total_score_raw", "total_line",
         "source_line", "source_line_end", "raw_text"),
         "total_score_decimals": printed_decimals(p.total_score)}
        for p in performance.projects
    ]  # fmt: skip
    yield "raw_performance_tables", tables
    yield "raw_performance_fund_rows", [
        {**base, "table_id": r.table_id, "row_seq": seq, **_fields(r, "row_kind", "label_raw",
         "initial_budget", "annual_budget", "executed", "weight", "execution_rate_pct", "score",
         "initial_budget_raw", "annual_budget_raw", "executed_raw", "weight_raw",
         "execution_rate_raw", "score_raw", "source_line", "raw_text"),
         **_decimals(r, "initial_budget", "annual_budget", "executed", "weight",
                     "execution_rate_pct", "score")}
        for seq, r in enumerate(performance.fund_rows, start=1)
    ]  # fmt: skip
    yield "raw_performance_indicators", [
        {**base, "table_id": i.table_id, "indicator_seq": i.seq, **_fields(i, "level1",
         "level1_source", "level2", "level2_source", "name", "name_raw", "name_quality", "basis",
         "weight", "weight_raw", "score", "score_raw", "deviation_reason", "source_line",
         "source_line_end", "first_line", "raw_text"),
         **_indicator_value("target", i.target), **_indicator_value("actual", i.actual),
         **_decimals(i, "weight", "score"),
         "layer_lines": ",".join(str(n) for n in i.layer_lines) or None}
        for i in performance.indicators
    ]  # fmt: skip
    yield "raw_performance_recoveries", [
        {**base, "table_id": r.table_id, "recovery_seq": seq, **_fields(r, "field",
         "recovered_value", "source_line", "target_line", "rule")}
        for seq, r in enumerate(performance.recoveries, start=1)
    ]  # fmt: skip
    yield "raw_performance_conflicts", [
        {**base, "table_id": c.table_id, "conflict_seq": seq, **_fields(c, "field", "value_a",
         "line_a", "value_b", "line_b", "kept", "resolution")}
        for seq, c in enumerate(performance.conflicts, start=1)
    ]  # fmt: skip
    yield "raw_performance_missing_cells", [
        {**base, "table_id": m.table_id, "missing_seq": seq, **_fields(m, "field", "line",
         "reason")}
        for seq, m in enumerate(performance.missing, start=1)
    ]  # fmt: skip
    yield "raw_performance_layer_notes", [
        {**base, "table_id": n.table_id, "note_seq": seq, **_fields(n, "line", "kind",
         "kept_line", "text")}
        for seq, n in enumerate(performance.layers, start=1)
    ]  # fmt: skip
    yield "raw_performance_quality", [
        {**base, "table_id": q.table_id, **_fields(q, "expected_cells", "extracted_cells",
         "missing_cells", "recovered_cells", "conflicts", "dropped_layers", "indicators")}
        for q in performance.quality
    ]  # fmt: skip


def _indicator_value(prefix: str, value) -> Row:
    names = ("raw", "text", "operator", "value", "unit", "kind")
    return {f"{prefix}_{n}": getattr(value, n) if value is not None else None for n in names}


def _decimals(record: object, *names: str) -> Row:
    """`<name>_decimals` of each printed number (execution_rate_pct → execution_rate_decimals)."""
    return {
        f"{name.removesuffix('_pct')}_decimals": printed_decimals(getattr(record, name))
        for name in names
    }


def _fields(record: object, *names: str) -> Row:
    return {name: getattr(record, name) for name in names}


def _in_line_order(records: list) -> list:
    """Records by source line; the sort is stable, so a line keeps its reading order."""
    return sorted(records, key=lambda r: r.source_line)


def csv_header(name: str) -> str:
    return _csv_text([RAW_TABLES[name]])


def csv_rows(name: str, rows: list[Row]) -> str:
    """Rows of one table as CSV text: fixed columns, LF line ends, Decimal printed exactly."""
    columns = RAW_TABLES[name]
    return _csv_text([[_cell(row.get(column)) for column in columns] for row in rows])


def _csv_text(records: Iterable[Iterable[object]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(records)
    return buffer.getvalue()


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def seed_texts(fragments: Iterable[Mapping[str, str]]) -> dict[str, str]:
    """Every raw table as the text of its seed file: the header, then each document's rows
    (fragments in document-id order)."""
    contents = {name: [csv_header(name)] for name in RAW_TABLES}
    for document in fragments:
        for name in RAW_TABLES:
            contents[name].append(document[name])
    return {name: "".join(parts) for name, parts in contents.items()}


def write_seeds(fragments: Iterable[Mapping[str, str]], directory: Path) -> list[Path]:
    """Write every raw table's seed file, one document's fragments at a time (a province's
    documents never sit in memory together). A file whose content is unchanged is left as it
    is, so its modification time tells when the extraction last changed it."""
    directory.mkdir(parents=True, exist_ok=True)
    partial = {name: directory / f".{name}.csv.partial" for name in RAW_TABLES}
    handles = {
        name: path.open("w", encoding="utf-8", newline="\n") for name, path in partial.items()
    }
    try:
        for name, handle in handles.items():
            handle.write(csv_header(name))
        for document in fragments:
            for name, handle in handles.items():
                handle.write(document.get(name, ""))
    finally:
        for handle in handles.values():
            handle.close()
    written = []
    for name, new in partial.items():
        path = directory / f"{name}.csv"
        if path.exists() and filecmp.cmp(new, path, shallow=False):
            new.unlink()
        else:
            os.replace(new, path)
        written.append(path)
    return written
