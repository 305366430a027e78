"""Read a text document (a PDF someone already turned into text) into the document model.

The text is one page of numbered lines. The conversion printed each table row as one line of
TAB-separated cells: a run of such lines is a table, each line a row, each TAB-separated piece
a cell (as printed: markup and the runs of spaces of an embedded layer stay for the parsers to
judge). So the cells a parser reads come from the reader, for a text as for a PDF.
"""

from __future__ import annotations

import hashlib

from ..errors import ExtractionError
from .model import Cell, Line, SourceDocument, Table

TEXT_PAGE = 1
CELL_SEPARATOR = "\t"


def read_text(name: str, data: bytes) -> SourceDocument:
    """Decode (UTF-8, a byte-order mark and CR line ends tolerated) and number the lines;
    ExtractionError naming the line of the first byte that is not UTF-8."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ExtractionError(
            name, f"not UTF-8 text (byte {error.start}: {error.reason})", line=line
        ) from None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    # A final newline ends the last line; it does not start another one.
    texts = text.removesuffix("\n").split("\n")
    tables = _tables(texts)
    row_of = {cell.line: (table.index, cell.row) for table in tables for cell in table.cells}
    lines = tuple(
        Line(
            number=number,
            page=TEXT_PAGE,
            line_on_page=number,
            text=raw,
            box=None,
            table=row_of.get(number, (None, None))[0],
            row=row_of.get(number, (None, None))[1],
        )
        for number, raw in enumerate(texts, start=1)
    )
    return SourceDocument(
        source_file=name,
        source_sha256=hashlib.sha256(data).hexdigest(),
        kind="text",
        page_count=1,
        lines=lines,
        tables=tuple(tables),
    )


def _tables(texts: list[str]) -> list[Table]:
    """Each run of consecutive lines with a TAB is a table; a line is a row, its pieces the
    row's cells."""
    runs: list[list[int]] = []
    for number, raw in enumerate(texts, start=1):
        if CELL_SEPARATOR not in raw:
            continue
        if runs and runs[-1][-1] == number - 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    tables = []
    for index, numbers in enumerate(runs):
        cells = tuple(
            Cell(row=row, column=column, row_span=1, column_span=1, text=piece, box=None,
                 line=number)
            for row, number in enumerate(numbers)
            for column, piece in enumerate(texts[number - 1].split(CELL_SEPARATOR))
        )  # fmt: skip
        tables.append(
            Table(
                index=index,
                page=TEXT_PAGE,
                box=None,
                row_count=len(numbers),
                column_count=max(len(texts[n - 1].split(CELL_SEPARATOR)) for n in numbers),
                cells=cells,
            )
        )
    return tables
