"""The PDF builders of pdf_fixtures do what they say, as read_source reads their output."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from pdf_fixtures import (
    NOTICE_AGENDA,
    NOTICE_LINES,
    corrupt,
    encrypted,
    not_final_accounts,
    read_cached,
    retypeset,
    scanned,
    truncated,
    without_pages,
)
from pypdf import PdfReader
from support import PUTUO

from final_accounts.errors import ExtractionError
from final_accounts.reading import read_source
from final_accounts.reading.model import Box, SourceDocument

DEPARTMENT = "上海市普陀区财政局"
OTHER_DEPARTMENT = "上海市普陀区审计局"
# Line 315 (page 21) is narrative; line 94 is row 9 of table 1 (收入支出决算总表, page 6).
NARRATIVE_LINE, NARRATIVE_OLD, NARRATIVE_NEW = 315, "2995.39", "2995.40"
ROW_LINE, ROW_OLD, ROW_NEW = 94, "6.20", "6.21"
BOX_TOLERANCE = 0.05  # pt


def line_keys(document: SourceDocument) -> list[tuple]:
    return [(ln.page, ln.line_on_page, ln.table, ln.row, ln.text) for ln in document.lines]


def cell_keys(document: SourceDocument) -> list[tuple]:
    return [
        (t.index, t.page, t.row_count, t.column_count, c.row, c.column, c.row_span,
         c.column_span, c.line, c.text)
        for t in document.tables
        for c in t.cells
    ]  # fmt: skip


def close(a: Box | None, b: Box | None, fields: tuple[str, ...]) -> bool:
    assert a is not None and b is not None
    return all(abs(getattr(a, f) - getattr(b, f)) <= BOX_TOLERANCE for f in fields)


@pytest.fixture(scope="session")
def source() -> SourceDocument:
    return read_cached(PUTUO)


@pytest.fixture(scope="session")
def copy_pdf(tmp_path_factory) -> Path:
    return retypeset(PUTUO, tmp_path_factory.mktemp("retypeset") / "putuo.pdf")


@pytest.fixture(scope="session")
def copy(copy_pdf) -> SourceDocument:
    return read_source(copy_pdf)


def test_retypeset_reads_back_as_the_source(source, copy):
    assert (source.page_count, len(source.lines), len(source.tables)) == (25, 454, 15)
    assert sum(len(t.cells) for t in source.tables) == 1527
    assert copy.page_count == source.page_count
    assert line_keys(copy) == line_keys(source)
    assert cell_keys(copy) == cell_keys(source)
    text_lines = [(a, b) for a, b in zip(source.lines, copy.lines, strict=True) if a.table is None]
    assert all(close(a.box, b.box, ("x0", "top")) for a, b in text_lines)
    cells = [
        (a, b)
        for ta, tb in zip(source.tables, copy.tables, strict=True)
        for a, b in zip(ta.cells, tb.cells, strict=True)
    ]
    assert all(close(a.box, b.box, ("x0", "top", "x1", "bottom")) for a, b in cells)


def test_retypeset_keeps_page_sizes(copy_pdf):
    with pdfplumber.open(PUTUO) as original, pdfplumber.open(copy_pdf) as copied:
        sizes = [(p.width, p.height) for p in original.pages]
        assert [(p.width, p.height) for p in copied.pages] == sizes
    assert (842, 595) in sizes and (595, 842) in sizes


def test_retypeset_is_deterministic(tmp_path, copy_pdf):
    again = retypeset(PUTUO, tmp_path / "again.pdf")
    assert again.read_bytes() == copy_pdf.read_bytes()


def test_replace_changes_the_department_everywhere_and_nothing_else(tmp_path, source):
    other = read_source(
        retypeset(PUTUO, tmp_path / "other.pdf", replace={DEPARTMENT: OTHER_DEPARTMENT})
    )
    expected = [
        (*key[:4], key[4].replace(DEPARTMENT, OTHER_DEPARTMENT)) for key in line_keys(source)
    ]
    assert line_keys(other) == expected
    expected_cells = [
        (*key[:9], key[9].replace(DEPARTMENT, OTHER_DEPARTMENT)) for key in cell_keys(source)
    ]
    assert cell_keys(other) == expected_cells
    assert not any(DEPARTMENT in line.text for line in other.lines)
    assert sum(line.text.count(OTHER_DEPARTMENT) for line in other.lines) == 24
    assert other.lines[0].text == OTHER_DEPARTMENT


def test_edit_lines_changes_one_narrative_figure_and_one_table_cell(tmp_path, source):
    edits = {NARRATIVE_LINE: (NARRATIVE_OLD, NARRATIVE_NEW), ROW_LINE: (ROW_OLD, ROW_NEW)}
    edited = read_source(retypeset(PUTUO, tmp_path / "edited.pdf", edit_lines=edits))
    changed = {
        number: (a.text, b.text)
        for number, (a, b) in enumerate(zip(source.lines, edited.lines, strict=True), start=1)
        if a.text != b.text
    }
    assert set(changed) == {NARRATIVE_LINE, ROW_LINE}
    for number, (old, new) in edits.items():
        before, after = changed[number]
        assert after == before.replace(old, new)
    pairs = zip(source.tables[1].cells, edited.tables[1].cells, strict=True)
    assert sum(a.text != b.text for a, b in pairs) == 1
    with pytest.raises(AssertionError, match="does not contain"):
        retypeset(PUTUO, tmp_path / "bad.pdf", edit_lines={NARRATIVE_LINE: ("9999.99", "1")})


def test_drop_pages_removes_a_statement_page(tmp_path, source):
    dropped = read_source(retypeset(PUTUO, tmp_path / "dropped.pdf", drop_pages={6}))
    assert dropped.page_count == source.page_count - 1
    assert len(dropped.tables) == len(source.tables) - 1
    kept = [
        (ln.page - (ln.page > 6), ln.line_on_page, ln.text) for ln in source.lines if ln.page != 6
    ]
    assert [(ln.page, ln.line_on_page, ln.text) for ln in dropped.lines] == kept
    assert not any(line.text.startswith("收入支出决算总表") for line in dropped.lines)


def test_encrypted_needs_a_password(tmp_path):
    out = encrypted(PUTUO, tmp_path / "encrypted.pdf", user_password="secret")
    with pytest.raises(ExtractionError) as caught:
        read_source(out)
    assert "encrypted" in caught.value.message and "password" in caught.value.message
    reader = PdfReader(out)
    assert reader.is_encrypted and reader.decrypt("secret")
    assert len(reader.pages) == 25


def test_scanned_has_no_text_layer(tmp_path):
    out = scanned(PUTUO, tmp_path / "scanned.pdf", pages=[1, 6])
    with pdfplumber.open(out) as pdf:
        assert len(pdf.pages) == 2
        assert all(not page.chars and page.images for page in pdf.pages)
    with pytest.raises(ExtractionError, match="OCR") as caught:
        read_source(out)
    assert "no text layer" in caught.value.message


@pytest.mark.parametrize("fraction", [0.1, 0.5, 0.999])
def test_truncated_is_refused(tmp_path, fraction):
    out = truncated(PUTUO, tmp_path / "truncated.pdf", fraction=fraction)
    assert out.stat().st_size == int(PUTUO.stat().st_size * fraction)
    with pytest.raises(ExtractionError, match="truncated"):
        read_source(out)


def test_corrupt_is_refused(tmp_path):
    out = corrupt(tmp_path / "corrupt.pdf")
    assert out.read_bytes().startswith(b"%PDF-") and out.read_bytes().rstrip().endswith(b"%%EOF")
    assert corrupt(tmp_path / "again.pdf").read_bytes() == out.read_bytes()
    with pytest.raises(ExtractionError, match="corrupt"):
        read_source(out)


def test_not_final_accounts_is_a_readable_other_document(tmp_path):
    document = read_source(not_final_accounts(tmp_path / "notice.pdf"))
    assert document.page_count == 1
    texts = [line.text for line in document.lines]
    assert [t for t in texts if "\t" not in t] == list(NOTICE_LINES)
    assert [t for t in texts if "\t" in t] == ["\t".join(row) for row in NOTICE_AGENDA]
    assert len(document.tables) == 1
    assert not any("决算" in text for text in texts)


def test_without_pages_removes_pages_of_the_original(tmp_path, source):
    document = read_source(without_pages(PUTUO, tmp_path / "without.pdf", {6, 14}))
    assert document.page_count == 23
    assert len(document.tables) == len(source.tables) - 1
    kept = [
        (ln.page - (ln.page > 6) - (ln.page > 14), ln.line_on_page, ln.text)
        for ln in source.lines
        if ln.page not in (6, 14)
    ]
    assert [(ln.page, ln.line_on_page, ln.text) for ln in document.lines] == kept
