"""Test PDFs built from a source PDF: re-typeset copies with changes, and damaged files.

Every builder writes `out` and returns it. The re-typeset copy is drawn from what
`final_accounts.reading.read_source` reads, so a change (another department of the same
template, one narrative figure edited, a statement page removed) can be made in a real
PDF's layout without an authoring tool:

- `retypeset(source, out, replace=..., edit_lines=..., drop_pages=...)`
- `encrypted(source, out, user_password="secret")`: needs a password to open
- `scanned(source, out, pages=None)`: the pages as images only, no text layer
- `truncated(source, out, fraction=0.5)`: the first bytes only
- `corrupt(out)`: a `%PDF-` header, garbage and an `%%EOF` marker
- `not_final_accounts(out)`: a readable Chinese PDF of another kind (a meeting notice)
- `without_pages(source, out, pages)`: the ORIGINAL PDF with some pages removed

Fidelity of `retypeset`, measured on the bundled Putuo document (25 pages, 454 lines,
15 tables with 1,527 cells; tests/python/test_pdf_fixtures.py checks it): reading the copy
back gives the same page count, the same 454 line texts in the same order with the same
page, line-on-page and table/row, and the same 15 tables with the same row and column
counts and the same 1,527 cells (row, column, spans and text); each text line's box has
the source's top and x0 (within 0.05 pt) and every cell box is the source's (within
0.05 pt). What differs: the glyphs (one font, STSong-Light, for the FangSong, Times and
Arial of the source), hence each line's x1 and bottom (the source's Latin digits sit
lower than its Chinese text; here they share one baseline); a cell's text is centred on
one line at <= 11 pt however the source wrapped or aligned it; and page 14, which holds
only the ruling of an empty table (read as nothing), is a blank page.
"""

from __future__ import annotations

import hashlib
import io
import random
from collections.abc import Iterable, Mapping, Set
from pathlib import Path

import pdfplumber
from pypdf import PdfReader, PdfWriter
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen.canvas import Canvas

from final_accounts.reading import read_source
from final_accounts.reading.model import Box, Cell, Line, SourceDocument

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
# pdfminer gives a character the box [baseline + descent * size, ... + size] (PDF units), with
# the descent of the font descriptor reportlab writes (-271/1000 for STSong-Light); the
# baseline that puts a glyph's top where the source's was follows from it.
DESCENT = pdfmetrics.getFont(FONT).face.descent / 1000

CELL_FONT_SIZE = 11.0  # the statements' FangSong size; smaller when the text must fit
CELL_PADDING = 1.5  # pt kept free at both ends of a cell's text
RULE_WIDTH = 0.5


# ---------------------------------------------------------------------------------------
# Re-typesetting


_documents: dict[tuple[str, str], SourceDocument] = {}


def read_cached(source: Path) -> SourceDocument:
    """read_source, once per file content (builders of one test session share it)."""
    key = (str(Path(source).resolve()), hashlib.sha256(Path(source).read_bytes()).hexdigest())
    if key not in _documents:
        _documents[key] = read_source(Path(source))
    return _documents[key]


def page_sizes(source: Path) -> list[tuple[float, float]]:
    """Width and height of every page, in the coordinates of read_source's boxes."""
    with pdfplumber.open(source) as pdf:
        return [(float(page.width), float(page.height)) for page in pdf.pages]


def natural_width(text: str) -> float:
    """The width of text at 1 pt."""
    return pdfmetrics.stringWidth(text, FONT, 1)


def replaced(text: str, replace: Mapping[str, str]) -> str:
    for old, new in replace.items():
        text = text.replace(old, new)
    return text


def baseline(page_height: float, top: float, size: float) -> float:
    """The PDF baseline y at which a glyph of `size` is read back with its top at `top`."""
    return page_height - top - size - DESCENT * size


def draw_text(canvas: Canvas, page_height: float, x: float, top: float, size: float, text: str):
    canvas.setFont(FONT, size)
    canvas.drawString(x, baseline(page_height, top, size), text)


def line_size(box: Box, source_text: str, text: str) -> float:
    """The font size of a text line: the source's box height, or less where the source's
    box is taller than its text (a lower Latin digit run) so that the source text just
    fills the box's width; smaller still if the new text would be wider than the box."""
    width = box.x1 - box.x0
    size = box.bottom - box.top
    for each in (source_text, text):
        if natural_width(each) > 0:
            size = min(size, width / natural_width(each))
    return size


def draw_line(canvas: Canvas, page_height: float, line: Line, text: str) -> None:
    assert line.box is not None
    size = line_size(line.box, line.text, text)
    draw_text(canvas, page_height, line.box.x0, line.box.top, size, text)


def draw_cell(canvas: Canvas, page_height: float, cell: Cell, text: str) -> None:
    """The cell's rectangle stroked, its text on one line centred in it."""
    box = cell.box
    assert box is not None
    width, height = box.x1 - box.x0, box.bottom - box.top
    canvas.rect(box.x0, page_height - box.bottom, width, height, stroke=1, fill=0)
    if not text:
        return
    size = min(CELL_FONT_SIZE, 0.8 * height, (width - 2 * CELL_PADDING) / natural_width(text))
    text_width = natural_width(text) * size
    x = box.x0 + (width - text_width) / 2
    top = (box.top + box.bottom) / 2 - size / 2
    draw_text(canvas, page_height, x, top, size, text)


def retypeset(
    source: Path,
    out: Path,
    *,
    replace: Mapping[str, str] | None = None,
    edit_lines: Mapping[int, tuple[str, str]] | None = None,
    drop_pages: Set[int] | None = None,
) -> Path:
    """Draw the document read from `source` anew: each page the size of the source's, each
    text line as one string at its box (x0, top) in STSong-Light, each table as its cells'
    stroked rectangles with each cell's text inside.

    `edit_lines` maps a document line number (of read_source(source)) to (old, new): old
    must occur in that line's text and every occurrence becomes new; for a table row, in
    the row's cells (old must then lie within one cell). `replace` (old → new, in order) is
    then applied to every line and cell text. `drop_pages` (1-based) are left out. The same
    inputs give a byte-identical file (reportlab's invariant mode)."""
    replace = dict(replace or {})
    edit_lines = dict(edit_lines or {})
    drop_pages = set(drop_pages or ())
    document = read_cached(source)
    sizes = page_sizes(source)
    assert len(sizes) == document.page_count
    by_number = {line.number: line for line in document.lines}
    unknown = set(edit_lines) - set(by_number)
    assert not unknown, f"no such lines: {sorted(unknown)}"
    assert drop_pages <= set(range(1, document.page_count + 1)), f"no such pages: {drop_pages}"
    assert len(drop_pages) < document.page_count, "every page dropped"

    line_texts: dict[int, str] = {}
    cell_texts: dict[tuple[int, int, int], str] = {}  # (table, row, column) → text
    for number, (old, new) in edit_lines.items():
        line = by_number[number]
        assert old in line.text, f"line {number} does not contain {old!r}: {line.text!r}"
        if line.table is None:
            line_texts[number] = line.text.replace(old, new)
            continue
        row_cells = [c for c in document.tables[line.table].cells if c.row == line.row]
        hits = [c for c in row_cells if old in c.text]
        assert hits, f"line {number}: {old!r} spans cells of the table row"
        for cell in hits:
            cell_texts[(line.table, cell.row, cell.column)] = cell.text.replace(old, new)

    canvas = Canvas(str(out), invariant=1)
    canvas.setLineWidth(RULE_WIDTH)
    for page in range(1, document.page_count + 1):
        if page in drop_pages:
            continue
        width, height = sizes[page - 1]
        canvas.setPageSize((width, height))
        canvas.setLineWidth(RULE_WIDTH)
        for line in document.lines:
            if line.page == page and line.table is None:
                text = replaced(line_texts.get(line.number, line.text), replace)
                draw_line(canvas, height, line, text)
        for table in document.tables:
            if table.page != page:
                continue
            for cell in table.cells:
                text = cell_texts.get((table.index, cell.row, cell.column), cell.text)
                draw_cell(canvas, height, cell, replaced(text, replace))
        canvas.showPage()
    canvas.save()
    return out


# ---------------------------------------------------------------------------------------
# Damaged and foreign files


def encrypted(source: Path, out: Path, user_password: str = "secret") -> Path:
    """The source PDF encrypted (RC4-128): it cannot be opened without the password."""
    writer = PdfWriter(clone_from=PdfReader(source))
    writer.encrypt(user_password=user_password, owner_password=f"{user_password}-owner")
    with open(out, "wb") as handle:
        writer.write(handle)
    return out


def scanned(source: Path, out: Path, pages: Iterable[int] | None = None, *, dpi: int = 72) -> Path:
    """Pages of the source (1-based, all when None) rendered to greyscale images and saved
    as an image-only PDF: no text layer at all, as a scan."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(source))
    try:
        numbers = list(pages) if pages is not None else list(range(1, len(document) + 1))
        assert numbers, "no pages"
        images = []
        for number in numbers:
            page = document[number - 1]
            bitmap = page.render(scale=dpi / 72, grayscale=True)
            images.append(bitmap.to_pil().convert("L"))
            bitmap.close()
            page.close()
    finally:
        document.close()
    images[0].save(out, "PDF", save_all=True, append_images=images[1:], resolution=dpi)
    return out


def truncated(source: Path, out: Path, fraction: float = 0.5) -> Path:
    """The first `fraction` of the source's bytes (a download cut short)."""
    assert 0 < fraction < 1
    data = Path(source).read_bytes()
    out.write_bytes(data[: int(len(data) * fraction)])
    return out


def corrupt(out: Path, *, seed: int = 20240101) -> Path:
    """A `%PDF-` header, 4 KiB of (seeded, so always the same) garbage and an `%%EOF` end:
    it passes the reader's envelope check and fails in the PDF parser."""
    garbage = random.Random(seed).randbytes(4096).replace(b"%%EOF", b"xxxxx")
    out.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + garbage + b"\n%%EOF\n")
    return out


NOTICE_LINES = (
    "关于召开2024年第三季度安全生产工作会议的通知",
    "各街道、镇，区政府各委、办、局：",
    "经研究，定于2024年9月12日（星期四）下午14:30召开第三季度安全生产工作会议。",
    "地点：区政府3号楼201会议室。参会人数约45人，请于9月10日前报送参会名单。",
    "联系人：王明，电话：52564588。",
    "区安全生产委员会办公室",
    "2024年9月2日",
)
NOTICE_AGENDA = (
    ("时间", "议程"),
    ("14:30", "通报第三季度安全生产情况"),
    ("15:10", "部署第四季度重点工作"),
)


def not_final_accounts(out: Path) -> Path:
    """A one-page Chinese meeting notice (a title, six lines with dates, times, a room
    number, a head count and a phone number, and a small ruled agenda table): a readable
    PDF that is not a final-accounts document."""
    width, height = 595.0, 842.0
    canvas = Canvas(str(out), pagesize=(width, height), invariant=1)
    canvas.setLineWidth(RULE_WIDTH)
    title, *body = NOTICE_LINES
    size = 16.0
    draw_text(canvas, height, (width - natural_width(title) * size) / 2, 90, size, title)
    top = 140.0
    for text in body[:4]:
        draw_text(canvas, height, 72, top, 12, text)
        top += 24
    columns, row_height = (120.0, 200.0, 460.0), 22.0
    for row, (time, item) in enumerate(NOTICE_AGENDA):
        row_top = top + 10 + row * row_height
        for x0, x1, text in ((columns[0], columns[1], time), (columns[1], columns[2], item)):
            canvas.rect(x0, height - row_top - row_height, x1 - x0, row_height, stroke=1, fill=0)
            draw_text(canvas, height, x0 + 6, row_top + 5, 11, text)
    top += 10 + len(NOTICE_AGENDA) * row_height + 40
    for text in body[4:]:
        draw_text(canvas, height, 400, top, 12, text)
        top += 24
    canvas.showPage()
    canvas.save()
    return out


def without_pages(source: Path, out: Path, pages: Set[int]) -> Path:
    """The ORIGINAL source PDF (not re-typeset) with pages (1-based) removed."""
    reader = PdfReader(source)
    assert pages and set(pages) <= set(range(1, len(reader.pages) + 1)), pages
    writer = PdfWriter()
    for number, page in enumerate(reader.pages, start=1):
        if number not in pages:
            writer.add_page(page)
    buffer = io.BytesIO()
    writer.write(buffer)
    out.write_bytes(buffer.getvalue())
    return out
