"""The document model every reader produces and every parser reads (never the file).

A source (a text file or a PDF) becomes pages of numbered lines and tables of cells, each
with its place. Lines are numbered 1..N across the whole document in reading order, so a
`source_line` is one integer key for text and PDF alike; each line also knows its page and
its line on that page. A table row is a line too: its text is the row's cell texts joined by
TAB in column order (a merged cell's text appears on its first row only), which is also how
the text sources print their tables.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Box:
    """A rectangle on a page in PDF points, origin top-left (pdfplumber's x0/top/x1/bottom),
    rounded to 0.01 pt so that the same PDF always gives the same numbers."""

    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(frozen=True)
class Line:
    number: int  # 1-based across the document
    page: int  # 1-based
    line_on_page: int  # 1-based
    text: str  # as printed; cells of a table row joined by "\t"
    box: Box | None  # None for text sources
    table: int | None = None  # index into SourceDocument.tables when the line is a table row
    row: int | None = None  # the row within that table (0-based)


@dataclass(frozen=True)
class Cell:
    row: int  # 0-based grid row of its top-left corner
    column: int  # 0-based grid column of its top-left corner
    row_span: int
    column_span: int
    text: str  # the cell's text; a wrapped cell's lines joined without a separator
    box: Box | None
    line: int  # the document line number of the cell's first row


@dataclass(frozen=True)
class Table:
    index: int  # 0-based, in document order
    page: int
    box: Box | None
    row_count: int
    column_count: int
    cells: tuple[Cell, ...]  # row-major; only cells that exist (a merged cell once)
    # x positions of the column boundaries (column_count + 1 values), for joining a table
    # continued on the next page to its first part; () for text sources
    column_edges: tuple[float, ...] = ()


@dataclass(frozen=True)
class SourceDocument:
    source_file: str
    source_sha256: str
    kind: str  # "text" | "pdf"
    page_count: int
    lines: tuple[Line, ...]
    tables: tuple[Table, ...]
