"""The nine standard statements (部门决算表) of the statements part, read from the document
model's ruled tables as long-form cells: one record per printed value, keyed by statement,
row (code and label, per side) and column label (docs/DOMAIN.md §7).

A statement is found by its title (the template lists them), runs over its title page and
the pages that continue its table, and is read as a grid: the header rows above the first
row that carries a value or a code give each value column its label (grouped headers joined
by `/`, two-sided statements prefixed by their side); the key columns give each row its
code (类/款/项 cells joined: 201 + 06 + 01 → 2010601) and label. Every numeric token of the
part ends up as a value cell, as part of a row code, or as unparsed with its reason: nothing
is dropped silently. The words the statements print (label and code headers, sides, the
empty note) are the template's (templates/*.yaml, `statements`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import TYPE_CHECKING

from ..errors import ExtractionError
from ..reading.model import Cell, Line, SourceDocument, Table
from ..statement_records import (
    Statement,
    StatementCell,
    StatementRow,
    StatementsExtract,
    StatementUnparsed,
)
from ..templates import StatementSpec, StatementVocabulary

if TYPE_CHECKING:
    from ..document import Document
    from ..sections import Section

# Removed from titles (the listed ones and the printed lines) before matching: whitespace,
# and quote marks, which some exports print on a line of their own (page 18 of the Putuo
# file: `财政拨款 三公 经费支出决算表` with `“ ”` below it in another font).
TITLE_IGNORED = re.compile(r"[\s\"'“”‘’「」『』]")

# Joins the header texts above a value column, top to bottom; and a side to its label.
LABEL_SEPARATOR = "/"
SIDE_SEPARATOR = ":"

# A printed value: optional minus, digits with optional thousands commas, optional decimals.
VALUE = re.compile(r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
# A printed code part (201, 06, 2050205).
CODE = re.compile(r"\d+")
# What counts as a numeric token when accounting for every number on the pages.
NUMERIC_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?")


# ---------------------------------------------------------------------------------------
# Locating the statements


def normalise_title(text: str) -> str:
    return TITLE_IGNORED.sub("", text)


def squeeze(text: str) -> str:
    """Whitespace removed (labels and header texts)."""
    return re.sub(r"\s+", "", text)


@dataclass(frozen=True)
class StatementExtent:
    """The lines of one statement: from its title line through its continuation pages."""

    statement_no: int
    title_line: Line
    lines: tuple[Line, ...]

    @property
    def pages(self) -> list[int]:
        return sorted({line.page for line in self.lines})

    def table_indexes(self) -> list[int]:
        return sorted({line.table for line in self.lines if line.table is not None})


def find_title_lines(document: SourceDocument, titles: Sequence[str]) -> dict[int, Line]:
    """Each listed title's line: the first text line after the previous title's line whose
    text equals the title once whitespace and quotes are removed (the 目录 entries carry an
    ordinal prefix such as 一、 and so never match)."""
    found: dict[int, Line] = {}
    after = 0
    text_lines = [line for line in document.lines if line.table is None]
    for number, title in enumerate(titles, start=1):
        wanted = normalise_title(title)
        line = next(
            (x for x in text_lines if x.number > after and normalise_title(x.text) == wanted),
            None,
        )
        if line is not None:
            found[number] = line
            after = line.number
    return found


def continuation_pages(by_page: dict[int, list[Line]], title_page: int) -> list[int]:
    """The pages after the title page that begin with a table row (a continuation carries no
    new title); a page without lines (page 14: ruling only) or beginning with text ends it."""
    pages = []
    page = title_page + 1
    while by_page.get(page) and by_page[page][0].table is not None:
        pages.append(page)
        page += 1
    return pages


def statement_extents(
    document: SourceDocument, title_lines: dict[int, Line]
) -> list[StatementExtent]:
    """A statement runs from its title line over its title page and its continuation pages,
    and stops before the next title."""
    by_page: dict[int, list[Line]] = {}
    for line in document.lines:
        by_page.setdefault(line.page, []).append(line)
    title_numbers = {line.number for line in title_lines.values()}
    extents = []
    for statement_no, title_line in sorted(title_lines.items()):
        candidates = [x for x in by_page[title_line.page] if x.number >= title_line.number]
        for page in continuation_pages(by_page, title_line.page):
            candidates += by_page[page]
        lines = [title_line]
        for line in candidates[1:]:
            if line.number in title_numbers:
                break
            lines.append(line)
        extents.append(StatementExtent(statement_no, title_line, tuple(lines)))
    return extents


# ---------------------------------------------------------------------------------------
# Reading one table part: grid positions mapped onto the first part's columns


@dataclass(frozen=True)
class TablePart:
    """One table of a statement; `column_map[j]` is the first part's column that the part's
    grid column j lies over (identity for the first part)."""

    table: Table
    column_map: tuple[int | None, ...]
    row_lines: tuple[int, ...]  # document line number of each grid row

    def cells_starting_in(self, row: int) -> list[Cell]:
        return [c for c in self.table.cells if c.row == row]

    def covering(self, row: int, column: int) -> Cell | None:
        """The cell covering grid position (row, first-part column)."""
        for cell in self.table.cells:
            if cell.row <= row < cell.row + cell.row_span and column in self.columns_of(cell):
                return cell
        return None

    def columns_of(self, cell: Cell) -> set[int]:
        mapped = (self.column_map[j] for j in range(cell.column, cell.column + cell.column_span))
        return {c for c in mapped if c is not None}


def identity_part(table: Table, row_lines: tuple[int, ...]) -> TablePart:
    return TablePart(table, tuple(range(table.column_count)), row_lines)


def continuation_part(first: Table, table: Table, row_lines: tuple[int, ...]) -> TablePart:
    """Map each column of a continuation to the first part's column it overlaps most."""
    column_map = []
    for j in range(table.column_count):
        left, right = table.column_edges[j], table.column_edges[j + 1]
        overlaps = [
            (min(right, first.column_edges[i + 1]) - max(left, first.column_edges[i]), i)
            for i in range(first.column_count)
        ]
        best_overlap, best = max(overlaps)
        column_map.append(best if best_overlap > (right - left) / 2 else None)
    return TablePart(table, tuple(column_map), row_lines)


def row_lines_of(document: SourceDocument, table: Table) -> tuple[int, ...]:
    numbers = {line.row: line.number for line in document.lines if line.table == table.index}
    return tuple(numbers[row] for row in range(table.row_count))


# ---------------------------------------------------------------------------------------
# The header: column roles, groups (sides) and leaf labels


@dataclass
class ColumnGroup:
    """The key columns (labels, codes) and value columns of one side of a table."""

    side: str | None = None
    label_column: int | None = None
    code_columns: list[int] = field(default_factory=list)
    value_columns: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class Header:
    first_body_row: int
    groups: tuple[ColumnGroup, ...]
    labels: dict[int, str]  # value column -> its label
    header_cells: tuple[Cell, ...]  # cells whose text is header (for the accounting)


def is_value(text: str) -> bool:
    return VALUE.fullmatch(text) is not None


def has_number(text: str) -> bool:
    return VALUE.fullmatch(text) is not None or CODE.fullmatch(text) is not None


def find_first_body_row(part: TablePart, vocab: StatementVocabulary) -> int:
    """The header is the rows above the first row that carries a value or a code. When no row
    does (a blank template, an empty statement), the body starts at the first row whose
    label-column text is a numbered item or a total; the label columns are those under a
    项目/科目名称 header cell in the rows above."""
    label_columns: set[int] = set()
    for row in range(part.table.row_count):
        starting = part.cells_starting_in(row)
        if any(has_number(c.text.strip()) for c in starting):
            return row
        for cell in starting:
            text = squeeze(cell.text)
            if part.columns_of(cell) & label_columns and vocab.body_label.search(text):
                return row
        for cell in starting:
            if squeeze(cell.text) in vocab.label_headers:
                label_columns |= part.columns_of(cell)
    return part.table.row_count


def header_stacks(part: TablePart, first_body_row: int) -> dict[int, list[str]]:
    """For each column, the non-empty header texts above it, top to bottom (a merged cell
    once, over every column it spans)."""
    stacks: dict[int, list[str]] = {c: [] for c in range(part.table.column_count)}
    for row in range(first_body_row):
        for cell in part.cells_starting_in(row):
            text = squeeze(cell.text)
            if text:
                for column in sorted(part.columns_of(cell)):
                    stacks[column].append(text)
    return stacks


def column_role(stack: Sequence[str], vocab: StatementVocabulary) -> str:
    if stack and stack[-1] in vocab.label_headers:
        return "label"
    if any(vocab.code_header in text for text in stack):
        return "code"
    return "value"


def header_words_in_first_body_row(
    part: TablePart, row: int, roles: dict[int, str], vocab: StatementVocabulary
) -> list[Cell]:
    """Cells of the first body row that are really the header's last line: level names in the
    code columns (类/款/项, pages 8 and 10) and digit-free texts in value columns (the
    template's 合计/基本支出/项目支出 printed in its 合计 row)."""
    words = []
    for cell in part.cells_starting_in(row):
        text = squeeze(cell.text)
        columns = part.columns_of(cell)
        if not text or not columns:
            continue
        level_name = all(roles[c] == "code" for c in columns) and text in vocab.code_levels
        sub_header = all(roles[c] == "value" for c in columns) and not re.search(r"\d", text)
        if level_name or sub_header:
            words.append(cell)
    return words


def split_groups(roles: dict[int, str]) -> list[ColumnGroup]:
    """A new group (side) starts at a key column that follows a value column."""
    groups: list[ColumnGroup] = []
    previous = None
    for column in sorted(roles):
        role = roles[column]
        if not groups or (role != "value" and previous == "value"):
            groups.append(ColumnGroup())
        group = groups[-1]
        if role == "label":
            group.label_column = column
        elif role == "code":
            group.code_columns.append(column)
        else:
            group.value_columns.append(column)
        previous = role
    return groups


def name_sides(
    groups: list[ColumnGroup], stacks: dict[int, list[str]], vocab: StatementVocabulary
) -> bool:
    """Name the groups' sides; True when they are 收入/支出 sides whose word leads the labels."""
    if len(groups) < 2:
        return False
    tops = []
    for group in groups:
        firsts = {stacks[c][0] for c in group_columns(group) if stacks[c]}
        tops.append(firsts.pop() if len(firsts) == 1 else None)
    if all(top in vocab.sides for top in tops) and len(set(tops)) == len(tops):
        for group, top in zip(groups, tops, strict=True):
            group.side = top
        return True
    for index, group in enumerate(groups):
        group.side = vocab.halves[index] if len(groups) == len(vocab.halves) else f"part{index + 1}"
    return False


def group_columns(group: ColumnGroup) -> list[int]:
    keys = [group.label_column] if group.label_column is not None else []
    return keys + group.code_columns + group.value_columns


def read_header(part: TablePart, vocab: StatementVocabulary) -> Header:
    first_body_row = find_first_body_row(part, vocab)
    stacks = header_stacks(part, first_body_row)
    roles = {column: column_role(stack, vocab) for column, stack in stacks.items()}
    header_cells = [c for c in part.table.cells if c.row < first_body_row]
    if first_body_row < part.table.row_count:
        for cell in header_words_in_first_body_row(part, first_body_row, roles, vocab):
            header_cells.append(cell)
            for column in sorted(part.columns_of(cell)):
                stacks[column].append(squeeze(cell.text))
    groups = split_groups(roles)
    sided = name_sides(groups, stacks, vocab)
    labels = {}
    for group in groups:
        for column in group.value_columns:
            stack = stacks[column][1:] if sided else stacks[column]
            label = LABEL_SEPARATOR.join(stack)
            labels[column] = f"{group.side}{SIDE_SEPARATOR}{label}" if sided else label
    return Header(first_body_row, tuple(groups), labels, tuple(header_cells))


# ---------------------------------------------------------------------------------------
# Body rows


@dataclass
class StatementBuilder:
    """Collects one statement's rows, cells and unparsed tokens while its parts are read."""

    statement_no: int
    vocab: StatementVocabulary
    rows: list[StatementRow] = field(default_factory=list)
    cells: list[StatementCell] = field(default_factory=list)
    unparsed: list[StatementUnparsed] = field(default_factory=list)
    code_tokens: int = 0  # code parts read (each a numeric token of the page)

    def reject(self, page: int, line: int, text: str, reason: str) -> None:
        self.unparsed.append(StatementUnparsed(self.statement_no, page, line, text, reason))

    def reject_numbers(self, page: int, line: int, text: str, reason: str) -> None:
        for token in NUMERIC_TOKEN.findall(text):
            self.reject(page, line, token, reason)


def code_cells(part: TablePart, row: int, group: ColumnGroup) -> list[Cell]:
    """The row's cells lying within the group's code columns, left to right. A cell reaching
    beyond them (合计 spanning the code and name columns) is the label, not a code."""
    inside = []
    for cell in sorted(part.cells_starting_in(row), key=lambda c: c.column):
        columns = part.columns_of(cell)
        if columns and columns <= set(group.code_columns):
            inside.append(cell)
    return inside


def label_cell(part: TablePart, row: int, group: ColumnGroup) -> Cell | None:
    if group.label_column is None:
        return None
    return part.covering(row, group.label_column)


def value_cells(part: TablePart, row: int, group: ColumnGroup) -> list[tuple[int, Cell]]:
    """The row's cells starting in the group's value columns, with their column."""
    found = []
    for cell in part.cells_starting_in(row):
        columns = sorted(part.columns_of(cell))
        if columns and columns[0] in group.value_columns:
            found.append((columns[0], cell))
    return found


def decimals_of(text: str) -> int:
    return len(text.split(".", 1)[1]) if "." in text else 0


@dataclass(frozen=True)
class RowKey:
    side: str | None
    code: str | None
    label: str | None


def read_row_code(cells: Sequence[Cell], where: tuple[int, int], builder: StatementBuilder) -> str:
    """The code parts joined left to right (201+06+01 → 2010601; a merged column's 2050205
    as printed); level names (类/款/项) are header words; anything else with digits is
    unparsed."""
    parts = []
    for cell in cells:
        text = squeeze(cell.text)
        if CODE.fullmatch(text):
            parts.append(text)
            builder.code_tokens += 1
        elif text not in builder.vocab.code_levels:
            builder.reject_numbers(*where, text, "code cell is not a code")
    return "".join(parts)


def add_value_cell(
    builder: StatementBuilder, key: RowKey, column_label: str, cell: Cell, where: tuple[int, int]
) -> None:
    text = cell.text.strip()
    if not is_value(text):
        builder.reject(*where, text, "value cell is not a number")
        return
    page, line = where
    builder.cells.append(
        StatementCell(
            statement_no=builder.statement_no,
            row_seq=len(builder.rows),
            side=key.side,
            row_code=key.code,
            row_label=key.label,
            column_label=column_label,
            printed_text=text,
            value=Decimal(text.replace(",", "")),
            decimals=decimals_of(text),
            page=page,
            line=line,
            box=cell.box,
        )
    )


def read_body_row(part: TablePart, row: int, header: Header, builder: StatementBuilder) -> None:
    """One grid row: per group (side) a StatementRow when it has a code, a label or a value,
    and a StatementCell per printed value. Every cell starting in the row is used once; the
    digits of one that is no code, label or value are unparsed."""
    where = (part.table.page, part.row_lines[row])
    unused = [c for c in part.cells_starting_in(row) if c not in header.header_cells]
    for group in header.groups:
        codes = code_cells(part, row, group)
        label = label_cell(part, row, group)
        values = [(col, c) for col, c in value_cells(part, row, group) if c in unused]
        used = [*codes, *(c for _, c in values), *([label] if label else [])]
        unused = [c for c in unused if c not in used]
        key = RowKey(
            side=group.side,
            code=read_row_code(codes, where, builder) or None,
            label=squeeze(label.text) or None if label else None,
        )
        values = [(col, c) for col, c in values if c.text.strip()]
        if key.code is None and key.label is None and not values:
            continue
        builder.rows.append(
            StatementRow(
                builder.statement_no, len(builder.rows) + 1, key.side, key.code, key.label, *where
            )
        )
        for column, cell in values:
            add_value_cell(builder, key, header.labels[column], cell, where)
        if label is not None and label.row == row:
            builder.reject_numbers(*where, label.text, "number inside a row label")
    for cell in unused:
        builder.reject_numbers(*where, cell.text, "number in a cell outside every column group")


def reject_unmapped_cells(part: TablePart, builder: StatementBuilder) -> None:
    """Cells of a continuation that lie over none of the first part's columns."""
    for cell in part.table.cells:
        if not part.columns_of(cell):
            builder.reject_numbers(
                part.table.page,
                part.row_lines[cell.row],
                cell.text,
                "continuation column matches no column of the first part",
            )


def read_parts(parts: Sequence[TablePart], builder: StatementBuilder) -> Header:
    header = read_header(parts[0], builder.vocab)
    for cell in header.header_cells:
        builder.reject_numbers(
            parts[0].table.page, parts[0].row_lines[cell.row], cell.text, "number in a header row"
        )
    for row in range(header.first_body_row, parts[0].table.row_count):
        read_body_row(parts[0], row, header, builder)
    for part in parts[1:]:
        reject_unmapped_cells(part, builder)
        for row in range(part.table.row_count):
            read_body_row(part, row, header, builder)
    return header


# ---------------------------------------------------------------------------------------
# The document


def read_statement(
    source: SourceDocument, extent: StatementExtent, spec: StatementSpec, builder: StatementBuilder
) -> Statement:
    tables = [source.tables[i] for i in extent.table_indexes()]
    column_labels: tuple[tuple[str | None, str], ...] = ()
    if tables:
        first = tables[0]
        parts = [identity_part(first, row_lines_of(source, first))]
        parts += [continuation_part(first, t, row_lines_of(source, t)) for t in tables[1:]]
        header = read_parts(parts, builder)
        column_labels = tuple(
            (group.side, header.labels[column])
            for group in header.groups
            for column in group.value_columns
        )
    note = None
    for line in extent.lines:
        if line.table is not None:
            continue
        if note is None and builder.vocab.empty_note.search(line.text):
            note = line
        builder.reject_numbers(
            line.page, line.number, line.text, "number in a text line outside the statement's table"
        )
    pages = extent.pages
    return Statement(
        statement_no=extent.statement_no,
        template_title=spec.title,
        title=extent.title_line.text,
        classification=spec.classification,
        budget_type=spec.budget_type,
        first_page=pages[0],
        last_page=pages[-1],
        title_line=extent.title_line.number,
        status="printed" if builder.cells else "printed_empty",
        empty_note=note.text if note else None,
        empty_note_line=note.number if note else None,
        column_labels=column_labels,
    )


def reject_lines_outside_statements(
    lines: Sequence[Line], extents: Sequence[StatementExtent]
) -> list[StatementUnparsed]:
    """Numeric tokens of the part that belong to no statement (the part heading
    `第二部分 …2024年度部门决算表` above the first title)."""
    inside = {line.number for extent in extents for line in extent.lines}
    return [
        StatementUnparsed(None, line.page, line.number, token, "number outside every statement")
        for line in lines
        if line.number not in inside
        for token in NUMERIC_TOKEN.findall(line.text)
    ]


def read_statements(document: Document, section: Section) -> StatementsExtract:
    """Find each statement the template lists by its title within the statements part and
    read its tables into long-form cells; a listed statement not printed is `missing`."""
    vocab = document.template.statements
    if vocab is None:
        raise ExtractionError(
            document.source_file,
            f"template {document.template.template_id} has a statements part but no "
            "`statements` vocabulary",
            section=section.code,
        )
    source = document.source
    part = replace(source, lines=source.lines[section.heading_line - 1 : section.last_line])
    title_lines = find_title_lines(part, [spec.title for spec in vocab.statements])
    extents = statement_extents(part, title_lines)
    _check_units(document, section, vocab, part.lines)
    by_number = {extent.statement_no: extent for extent in extents}
    statements, rows, cells = [], [], []
    unparsed = reject_lines_outside_statements(part.lines, extents)
    code_tokens = 0
    for number, spec in enumerate(vocab.statements, start=1):
        extent = by_number.get(number)
        if extent is None:
            statements.append(_missing(number, spec))
            continue
        builder = StatementBuilder(number, vocab)
        statements.append(read_statement(source, extent, spec, builder))
        rows += builder.rows
        cells += builder.cells
        unparsed += builder.unparsed
        code_tokens += builder.code_tokens
    unparsed.sort(key=lambda u: (u.line, u.text))
    return StatementsExtract(tuple(statements), tuple(rows), tuple(cells), tuple(unparsed),
                             code_tokens)  # fmt: skip


def _missing(number: int, spec: StatementSpec) -> Statement:
    return Statement(
        statement_no=number,
        template_title=spec.title,
        title=None,
        classification=spec.classification,
        budget_type=spec.budget_type,
        first_page=None,
        last_page=None,
        title_line=None,
        status="missing",
        empty_note=None,
        empty_note_line=None,
    )


def _check_units(
    document: Document, section: Section, vocab: StatementVocabulary, lines: Sequence[Line]
) -> None:
    """The statements print their unit (`单位：万元`); one the template does not read is an
    error, not a silent factor of ten thousand."""
    for line in lines:
        match = vocab.unit_line.search(line.text) if line.table is None else None
        if match and match["unit"] != vocab.unit:
            raise ExtractionError(
                document.source_file,
                f"a statement printed in {match['unit']}; the template's statements are "
                f"in {vocab.unit}",
                section=section.code,
                line=line.number,
                page=line.page,
            )
