"""Read a PDF into the document model (reading.model): numbered text lines and ruled tables.

Characters come from pdfplumber (on pdfminer.six). Characters outside ruled tables become
text lines; every ruled table becomes a grid of cells, and each grid row becomes one line
whose text is its cells' texts joined by TAB. All lines of a page are put in reading order
(top to bottom, then left to right) and numbered 1..N across the document. A ruled table
without any text (page 14 of the Putuo file) gives no table and no lines.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError
from pdfplumber.page import Page
from pdfplumber.utils.exceptions import PdfminerException

from ..errors import ExtractionError
from .model import Box, Cell, Line, SourceDocument, Table

# A character joins a line when their vertical extents overlap by at least this fraction of
# the smaller of the two heights. Not a fixed tolerance in points: pdfminer places Latin
# digits (Times New Roman, Arial) about 40% of the font size lower than the FangSong text on
# the same baseline (its boxes come from the fonts' descent, not the glyphs), so such a run
# still overlaps its line by 59-60%; lines of a paragraph (12 pt text, 14 pt apart) do not
# overlap, and a lower digit run reaches into the next line by 25% at most. Measured over
# every character of both files: >= 0.59 with its own line, <= 0.25 with any other.
LINE_OVERLAP_FRACTION = 0.5

# One space is inserted where the horizontal gap between two neighbouring characters of a
# line exceeds this fraction of the (smaller) font size. Measured on the two Shanghai files:
# gaps are 0-0.10 em inside words and justified text, and 0.17-0.29 em where a space was
# typed (the template's "上海市 XX 局", "第一条 根据").
SPACE_GAP_FRACTION = 0.15

# pdfplumber's table finder, ruling lines only (the statements are fully ruled). The line
# segments of one ruling are drawn with gaps of ~0.4 pt between them: joined by the default
# 3 pt tolerances.
TABLE_SETTINGS: dict[str, Any] = {
    "vertical_strategy": "lines",
    "horizontal_strategy": "lines",
    "snap_tolerance": 3,
    "join_tolerance": 3,
    "intersection_tolerance": 3,
    "edge_min_length": 3,
}

# Cell edges closer than this (pt) are the same grid line.
GRID_EDGE_TOLERANCE = 1.0

# A PDF must start with this marker within the first KiB and end with %%EOF within the
# last KiB (as Acrobat requires); a file cut short lacks the end marker.
PDF_HEADER = b"%PDF-"
PDF_END_MARKER = b"%%EOF"
MARKER_WINDOW = 1024

ROUNDING = 2  # boxes rounded to 0.01 pt so that the same file always gives the same output


@dataclass(frozen=True)
class Glyph:
    """One printed character with pdfplumber's box (top-left origin)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def centre(self) -> tuple[float, float]:
        return (self.x0 + self.x1) / 2, (self.top + self.bottom) / 2


@dataclass
class _LineBuilder:
    """Characters gathered into one line; the band is the vertical extent of its first
    (top-most) character, so that a lower digit run joining the line does not widen it."""

    band_top: float
    band_bottom: float
    glyphs: list[Glyph]


@dataclass(frozen=True)
class GridCell:
    row: int
    column: int
    row_span: int
    column_span: int
    box: tuple[float, float, float, float]
    text: str


@dataclass(frozen=True)
class Grid:
    """A ruled table found on a page, before line numbering."""

    box: tuple[float, float, float, float]
    column_edges: tuple[float, ...]
    row_edges: tuple[float, ...]
    cells: tuple[GridCell, ...]

    def row_box(self, row: int) -> tuple[float, float, float, float]:
        return self.box[0], self.row_edges[row], self.box[2], self.row_edges[row + 1]

    def row_text(self, row: int) -> str:
        """The row's cell texts joined by TAB, one field per grid column; a merged cell's
        text only on its first row and in its first column."""
        fields = [""] * (len(self.column_edges) - 1)
        for cell in self.cells:
            if cell.row == row:
                fields[cell.column] = cell.text
        return "\t".join(fields)


@dataclass(frozen=True)
class PageItem:
    """A line of a page before numbering: a text line, or row `row` of grid `grid`."""

    top: float
    x0: float
    text: str
    box: tuple[float, float, float, float]
    grid: int | None = None
    row: int | None = None


@dataclass(frozen=True)
class PageContent:
    number: int
    items: tuple[PageItem, ...]
    grids: tuple[Grid, ...]
    glyph_count: int
    image_count: int


# ---------------------------------------------------------------------------------------
# Lines from characters


def overlap(top_a: float, bottom_a: float, top_b: float, bottom_b: float) -> float:
    return min(bottom_a, bottom_b) - max(top_a, top_b)


def group_into_lines(glyphs: Iterable[Glyph]) -> list[list[Glyph]]:
    """Gather characters into lines by vertical overlap.

    Rule: take the characters top to bottom (then left to right); each joins the line whose
    band it overlaps most, provided the overlap is at least LINE_OVERLAP_FRACTION of the
    smaller height; otherwise it starts a new line. A line's band is the extent of its first
    (top-most) character and never grows. So the FangSong text of a line fixes the band and a
    Latin digit run placed 40% lower still joins it (60% overlap); on page 21 the heading's
    "2024" overlaps the first heading line by 59% and the wrapped "说明" below by 25%, so
    it stays in "第三部分…2024年度部门决算情况" and "说明" is a line of its own, as a
    reader sees it. Within a line the characters are ordered left to right.
    """
    builders: list[_LineBuilder] = []
    for glyph in sorted(glyphs, key=lambda g: (g.top, g.x0)):
        best: _LineBuilder | None = None
        best_overlap = 0.0
        for builder in builders:
            shared = overlap(builder.band_top, builder.band_bottom, glyph.top, glyph.bottom)
            smaller = min(builder.band_bottom - builder.band_top, glyph.height)
            if shared >= LINE_OVERLAP_FRACTION * smaller and shared > best_overlap:
                best, best_overlap = builder, shared
        if best is None:
            builders.append(_LineBuilder(glyph.top, glyph.bottom, [glyph]))
        else:
            best.glyphs.append(glyph)
    lines = [sorted(b.glyphs, key=lambda g: (g.x0, g.top)) for b in builders]
    return sorted(lines, key=lambda line: (min(g.top for g in line), line[0].x0))


def text_of_line(glyphs: Sequence[Glyph]) -> str:
    """The characters of one line, left to right, with one space for a wide gap; full-width
    punctuation is kept as printed."""
    parts: list[str] = []
    previous: Glyph | None = None
    for glyph in glyphs:
        if previous is not None:
            gap = glyph.x0 - previous.x1
            if gap > SPACE_GAP_FRACTION * min(glyph.size, previous.size):
                parts.append(" ")
        parts.append(glyph.text)
        previous = glyph
    return "".join(parts)


def bounding_box(glyphs: Iterable[Glyph]) -> tuple[float, float, float, float]:
    items = list(glyphs)
    return (
        min(g.x0 for g in items),
        min(g.top for g in items),
        max(g.x1 for g in items),
        max(g.bottom for g in items),
    )


def text_lines(glyphs: Iterable[Glyph]) -> list[PageItem]:
    items = []
    for line in group_into_lines(glyphs):
        box = bounding_box(line)
        items.append(PageItem(top=box[1], x0=box[0], text=text_of_line(line), box=box))
    return items


# ---------------------------------------------------------------------------------------
# Tables


def cluster_positions(values: Iterable[float], tolerance: float) -> list[float]:
    """Positions closer than `tolerance` to their neighbour become one (their mean)."""
    groups: list[list[float]] = []
    for value in sorted(values):
        if groups and value - groups[-1][-1] <= tolerance:
            groups[-1].append(value)
        else:
            groups.append([value])
    return [sum(group) / len(group) for group in groups]


def nearest_index(edges: Sequence[float], value: float) -> int:
    return min(range(len(edges)), key=lambda i: abs(edges[i] - value))


def contains(box: tuple[float, float, float, float], point: tuple[float, float]) -> bool:
    x, y = point
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def cell_text(glyphs: Iterable[Glyph]) -> str:
    """A cell's text: its lines (same rule as the page's lines) joined without a separator,
    so that a wrapped label reads as one word (机关事业单位基本养老保险缴费支出)."""
    return "".join(text_of_line(line) for line in group_into_lines(glyphs))


def grid_from_cells(
    cell_boxes: Sequence[tuple[float, float, float, float]],
    glyphs_by_cell: Sequence[list[Glyph]],
) -> Grid:
    """The grid behind pdfplumber's cells: its column and row edges are all distinct cell
    edges; a merged cell spans the grid columns and rows between its edges."""
    columns = cluster_positions(
        [b[0] for b in cell_boxes] + [b[2] for b in cell_boxes], GRID_EDGE_TOLERANCE
    )
    rows = cluster_positions(
        [b[1] for b in cell_boxes] + [b[3] for b in cell_boxes], GRID_EDGE_TOLERANCE
    )
    cells = []
    for box, glyphs in zip(cell_boxes, glyphs_by_cell, strict=True):
        row, column = nearest_index(rows, box[1]), nearest_index(columns, box[0])
        cells.append(
            GridCell(
                row=row,
                column=column,
                row_span=nearest_index(rows, box[3]) - row,
                column_span=nearest_index(columns, box[2]) - column,
                box=box,
                text=cell_text(glyphs),
            )
        )
    cells.sort(key=lambda c: (c.row, c.column))
    box = (columns[0], rows[0], columns[-1], rows[-1])
    return Grid(box=box, column_edges=tuple(columns), row_edges=tuple(rows), cells=tuple(cells))


def find_grids(page: Page, glyphs: list[Glyph]) -> tuple[list[Grid], list[Glyph]]:
    """The page's ruled tables as grids, and the characters that are in no table cell.

    A character belongs to the cell that contains the centre of its box. A table none of
    whose cells holds a character (page 14: a ruled empty row) is dropped: it gives no table
    and no lines.
    """
    remaining = list(glyphs)
    grids = []
    for table in page.find_tables(TABLE_SETTINGS):
        boxes = [tuple(cell) for cell in table.cells if cell is not None]
        by_cell: list[list[Glyph]] = [[] for _ in boxes]
        outside = []
        for glyph in remaining:
            index = next((i for i, b in enumerate(boxes) if contains(b, glyph.centre)), None)
            if index is None:
                outside.append(glyph)
            else:
                by_cell[index].append(glyph)
        if not any(by_cell):
            continue
        remaining = outside
        grids.append(grid_from_cells(boxes, by_cell))
    return grids, remaining


def table_row_items(grids: Sequence[Grid]) -> list[PageItem]:
    items = []
    for index, grid in enumerate(grids):
        for row in range(len(grid.row_edges) - 1):
            box = grid.row_box(row)
            items.append(
                PageItem(
                    top=box[1], x0=box[0], text=grid.row_text(row), box=box, grid=index, row=row
                )
            )
    return items


# ---------------------------------------------------------------------------------------
# Pages and the document


def glyphs_of(page: Page) -> list[Glyph]:
    return [
        Glyph(c["text"], c["x0"], c["top"], c["x1"], c["bottom"], c["size"])
        for c in page.chars
        if c["text"].strip()
    ]


def read_page(page: Page, number: int) -> PageContent:
    glyphs = glyphs_of(page)
    grids, loose = find_grids(page, glyphs)
    items = text_lines(loose) + table_row_items(grids)
    items.sort(key=lambda item: (round(item.top, ROUNDING), round(item.x0, ROUNDING)))
    return PageContent(
        number=number,
        items=tuple(items),
        grids=tuple(grids),
        glyph_count=len(glyphs),
        image_count=len(page.images),
    )


def rounded_box(box: tuple[float, float, float, float]) -> Box:
    x0, top, x1, bottom = (round(v, ROUNDING) for v in box)
    return Box(x0=x0, top=top, x1=x1, bottom=bottom)


def check_envelope(source: str, data: bytes) -> None:
    if not data:
        raise ExtractionError(source, "the file is empty, not a PDF")
    if PDF_HEADER not in data[:MARKER_WINDOW]:
        raise ExtractionError(source, "not a PDF file (no %PDF- header)")
    if PDF_END_MARKER not in data[-MARKER_WINDOW:]:
        raise ExtractionError(source, "truncated or corrupt PDF (no %%EOF marker at the end)")


def underlying(error: Exception) -> Exception:
    """pdfplumber wraps pdfminer's exception as the first argument of a PdfminerException."""
    if isinstance(error, PdfminerException) and error.args:
        inner = error.args[0]
        if isinstance(inner, Exception):
            return inner
    return error


def describe(error: Exception) -> str:
    cause = underlying(error)
    return f"{type(cause).__name__}: {cause}" if str(cause) else type(cause).__name__


def read_pages(data: bytes, source: str) -> list[PageContent]:
    try:
        pdf = pdfplumber.open(io.BytesIO(data))  # the very bytes that were hashed
    except Exception as error:  # pdfminer raises many unrelated types for a damaged file
        if isinstance(underlying(error), PDFEncryptionError):  # PDFPasswordIncorrect too
            raise ExtractionError(
                source, f"the PDF is encrypted and needs a password ({describe(error)})"
            ) from error
        raise ExtractionError(source, f"corrupt PDF ({describe(error)})") from error
    with pdf:
        try:
            pages = list(pdf.pages)
        except Exception as error:
            raise ExtractionError(
                source, f"corrupt PDF, its pages cannot be listed ({describe(error)})"
            ) from error
        if not pages:
            raise ExtractionError(source, "the PDF has no pages")
        contents = []
        for number, page in enumerate(pages, start=1):
            try:
                contents.append(read_page(page, number))
            except Exception as error:
                raise ExtractionError(
                    source, f"the page cannot be read ({describe(error)})", page=number
                ) from error
            finally:
                page.close()  # free pdfminer's layout objects page by page
    return contents


def check_text_layer(source: str, pages: Sequence[PageContent]) -> None:
    """A page with images but no characters is a scan: fail rather than lose its text."""
    scanned = [p.number for p in pages if p.glyph_count == 0 and p.image_count > 0]
    if not scanned:
        return
    if all(p.glyph_count == 0 for p in pages):
        what = "the document has no text layer"
    else:
        what = "some pages have no text layer"
    names = ", ".join(str(n) for n in scanned)
    raise ExtractionError(source, f"{what} (image only, a scan?); it needs OCR: pages {names}")


def number_lines(pages: Sequence[PageContent]) -> tuple[tuple[Line, ...], tuple[Table, ...]]:
    lines: list[Line] = []
    tables: list[Table] = []
    for page in pages:
        first_table = len(tables)
        row_lines: dict[tuple[int, int], int] = {}
        for line_on_page, item in enumerate(page.items, start=1):
            table = None if item.grid is None else first_table + item.grid
            number = len(lines) + 1
            if item.grid is not None and item.row is not None:
                row_lines[(item.grid, item.row)] = number
            lines.append(
                Line(
                    number=number,
                    page=page.number,
                    line_on_page=line_on_page,
                    text=item.text,
                    box=rounded_box(item.box),
                    table=table,
                    row=item.row,
                )
            )
        for index, grid in enumerate(page.grids):
            tables.append(
                make_table(
                    first_table + index,
                    page.number,
                    grid,
                    [row_lines[(index, r)] for r in range(len(grid.row_edges) - 1)],
                )
            )
    return tuple(lines), tuple(tables)


def make_table(index: int, page: int, grid: Grid, row_line_numbers: Sequence[int]) -> Table:
    cells = tuple(
        Cell(
            row=c.row,
            column=c.column,
            row_span=c.row_span,
            column_span=c.column_span,
            text=c.text,
            box=rounded_box(c.box),
            line=row_line_numbers[c.row],
        )
        for c in grid.cells
    )
    return Table(
        index=index,
        page=page,
        box=rounded_box(grid.box),
        row_count=len(grid.row_edges) - 1,
        column_count=len(grid.column_edges) - 1,
        cells=cells,
        column_edges=tuple(round(x, ROUNDING) for x in grid.column_edges),
    )


def read_pdf(name: str, data: bytes) -> SourceDocument:
    """Read a PDF's bytes into numbered lines and tables; ExtractionError naming the file (and
    the page) if it cannot be read."""
    source = name
    check_envelope(source, data)
    pages = read_pages(data, source)
    check_text_layer(source, pages)
    lines, tables = number_lines(pages)
    return SourceDocument(
        source_file=source,
        source_sha256=hashlib.sha256(data).hexdigest(),
        kind="pdf",
        page_count=len(pages),
        lines=lines,
        tables=tables,
    )
