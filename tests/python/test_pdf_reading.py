"""Reading the bundled Shanghai PDF into the document model, identifying it from its cover and
headings, and refusing every kind of bad PDF with an error naming the document (and the page
where it applies)."""

from __future__ import annotations

import pytest
from pdf_fixtures import corrupt, encrypted, not_final_accounts, scanned, truncated
from support import BLANK_TEMPLATE, PUTUO, PUTUO_DEPARTMENT, PUTUO_DOCUMENT_ID

from final_accounts.document import read_document
from final_accounts.errors import ExtractionError
from final_accounts.reading import read_source
from final_accounts.sections import split_sections


@pytest.fixture(scope="module")
def source():
    return read_source(PUTUO)


@pytest.fixture(scope="module")
def document():
    return read_document(PUTUO)


def test_pages_lines_and_tables(source):
    assert (source.kind, source.page_count) == ("pdf", 25)
    assert len(source.lines) == 454
    assert len(source.tables) == 15
    assert [line.number for line in source.lines] == list(range(1, 455))


def test_digits_stay_on_their_sentence_line(source):
    # page 21: the Latin digits sit lower than the FangSong text around them
    line = source.lines[315 - 1]
    assert (line.page, line.line_on_page) == (21, 4)
    assert line.text == "上海市普陀区财政局2024年度收入支出总计2995.39万元。与2023年度相比，收入"


def test_a_statement_row_is_a_line_of_cells_with_boxes(source):
    line = source.lines[94 - 1]  # 收入支出决算总表, page 6
    assert line.page == 6 and line.table is not None
    assert line.text.split("\t") == ["八、其他收入", "6.20", "八、社会保障和就业支出", "326.71"]
    table = source.tables[line.table]
    cells = [cell for cell in table.cells if cell.line == 94]
    assert [cell.text for cell in cells] == [
        "八、其他收入",
        "6.20",
        "八、社会保障和就业支出",
        "326.71",
    ]
    assert all(cell.box is not None and cell.box.x1 > cell.box.x0 for cell in cells)


def test_a_page_of_ruling_lines_only_gives_nothing(source):
    assert not [line for line in source.lines if line.page == 14]


def test_identity_from_the_cover(document):
    assert document.template.template_id == "shanghai_2024"
    assert (document.department_name, document.fiscal_year) == (PUTUO_DEPARTMENT, 2024)
    # the cover prints no caliber: the template's rule (templates/shanghai_2024.yaml)
    assert (document.caliber, document.caliber_printed) == ("汇总", False)
    assert document.document_id == PUTUO_DOCUMENT_ID
    assert document.title == "上海市普陀区财政局 2024年度部门决算"


def test_sections_from_the_headings(document):
    sections = {s.code: s for s in split_sections(document)}
    assert sections["2"].kind == "statements"
    assert (sections["2"].heading_line, sections["2"].last_line) == (82, 311)
    # 第三部分's heading wraps onto the next line (…部门决算情况 / 说明)
    assert (sections["3"].heading_line, sections["3"].first_line) == (312, 314)
    assert sections["3.五(三)"].topic == "general_public_budget_items"
    assert sections["3.十一"].title == "其他重要事项的情况说明"  # the 目录 says 其他重要事项说明
    assert sections["1"].printed_department == PUTUO_DEPARTMENT


def check_error(error: ExtractionError, name: str, *words: str) -> None:
    message = str(error)
    assert message.startswith(f"document {name}"), message
    for word in words:
        assert word in message, message


def test_encrypted_pdf(tmp_path):
    path = encrypted(PUTUO, tmp_path / "locked.pdf")
    with pytest.raises(ExtractionError) as caught:
        read_document(path)
    check_error(caught.value, "locked.pdf", "encrypted", "password")


def test_scanned_pdf_needs_ocr(tmp_path):
    path = scanned(PUTUO, tmp_path / "scan.pdf", pages=[1, 2])
    with pytest.raises(ExtractionError) as caught:
        read_document(path)
    check_error(caught.value, "scan.pdf", "no text layer", "OCR", "pages 1, 2")


@pytest.mark.parametrize("fraction", [0.1, 0.5, 0.999])
def test_truncated_pdf(tmp_path, fraction):
    path = truncated(PUTUO, tmp_path / "cut.pdf", fraction)
    with pytest.raises(ExtractionError) as caught:
        read_document(path)
    check_error(caught.value, "cut.pdf", "truncated")


def test_corrupt_pdf(tmp_path):
    with pytest.raises(ExtractionError) as caught:
        read_document(corrupt(tmp_path / "corrupt.pdf"))
    check_error(caught.value, "corrupt.pdf", "corrupt PDF")


def test_a_pdf_that_is_not_final_accounts(tmp_path):
    with pytest.raises(ExtractionError) as caught:
        read_document(not_final_accounts(tmp_path / "notice.pdf"))
    error = caught.value
    check_error(error, "notice.pdf", "page 1", "not a final-accounts title", "shanghai_2024")
    assert "xinjiang_2024" in str(error)


def test_the_blank_template_is_refused():
    with pytest.raises(ExtractionError) as caught:
        read_document(BLANK_TEMPLATE)
    error = caught.value
    check_error(error, BLANK_TEMPLATE.name, "page 1", "blank shanghai_2024 template", "上海市XX局")


def test_a_pdf_under_another_name_is_read_by_its_bytes(tmp_path):
    renamed = tmp_path / "putuo.dat"
    renamed.write_bytes(PUTUO.read_bytes())
    assert read_document(renamed).document_id == PUTUO_DOCUMENT_ID
