"""Reading a document: its title gives the department, caliber, year and a stable id."""

from __future__ import annotations

import pytest
from support import (
    DEPARTMENT,
    DOCUMENT_FILE,
    OTHER_DEPARTMENT,
    REAL_DOCUMENT_ID,
    TITLE,
    document_lines,
    write_lines,
)

from final_accounts.document import document_id_for, read_document
from final_accounts.errors import ExtractionError


def test_title_of_the_real_document(real_document):
    assert real_document.department_name == DEPARTMENT
    assert real_document.caliber == "汇总"
    assert real_document.fiscal_year == 2024
    assert real_document.title == f"{DEPARTMENT}(汇总) 2024年度部门决算公开说明"
    assert real_document.source_file == DOCUMENT_FILE


def test_lines_are_numbered_from_one(real_document):
    assert real_document.line(1) == TITLE
    assert real_document.line(94) == "#### 一、收入支出决算总体情况说明"
    assert real_document.line(2012) == '- 九、《财政拨款"三公"经费支出决算表》'
    assert len(real_document.lines) == 2012


def test_id_is_derived_from_the_title(real_document):
    assert real_document.document_id == document_id_for(DEPARTMENT, "汇总", 2024)
    assert real_document.document_id == REAL_DOCUMENT_ID


def test_same_title_in_another_file_gets_the_same_id(tmp_path, real_document):
    copy = read_document(write_lines(tmp_path / "renamed copy.txt", document_lines()))
    assert copy.source_file == "renamed copy.txt"
    assert copy.document_id == real_document.document_id


def test_same_title_with_other_body_gets_the_same_id(tmp_path, real_document):
    short = read_document(write_lines(tmp_path / "short.txt", [TITLE, "", "正文"]))
    assert short.document_id == real_document.document_id
    assert short.source_sha256 != real_document.source_sha256


def test_another_department_gets_another_id(tmp_path, real_document):
    other = read_document(
        write_lines(tmp_path / DOCUMENT_FILE, [TITLE.replace(DEPARTMENT, OTHER_DEPARTMENT)])
    )
    assert other.department_name == OTHER_DEPARTMENT
    assert other.document_id != real_document.document_id
    assert other.document_id.startswith("2024_consolidated_")


def test_caliber_and_year_enter_the_id():
    consolidated = document_id_for(DEPARTMENT, "汇总", 2024)
    assert document_id_for(DEPARTMENT, "本级", 2024).startswith("2024_own_")
    assert document_id_for(DEPARTMENT, "本级", 2024) != consolidated
    assert document_id_for(DEPARTMENT, "汇总", 2023).startswith("2023_consolidated_")
    assert document_id_for(DEPARTMENT, "汇总", 2023) != consolidated


def test_title_without_spaces_or_heading_marks(tmp_path):
    document = read_document(
        write_lines(tmp_path / "plain.txt", [f"{DEPARTMENT}(本级)2024年度部门决算公开说明"])
    )
    assert (document.department_name, document.caliber, document.fiscal_year) == (
        DEPARTMENT,
        "本级",
        2024,
    )


def test_byte_order_mark_and_crlf_are_tolerated(tmp_path, real_document):
    path = tmp_path / "windows.txt"
    path.write_bytes(("\ufeff" + "\r\n".join(document_lines()[:5])).encode("utf-8"))
    document = read_document(path)
    assert document.document_id == real_document.document_id
    assert document.lines == real_document.lines[:5]


def test_a_final_newline_does_not_add_a_line(tmp_path):
    # Regression: `title\nbody\n` is a two-line file (wc -l, str.splitlines, editors).
    path = tmp_path / "two_lines.txt"
    path.write_text(f"{TITLE}\n正文\n", encoding="utf-8")
    assert read_document(path).lines == (TITLE, "正文")


def test_non_utf8_file_names_the_file_and_the_line(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes(
        TITLE.encode("utf-8") + b"\n\n" + "本年收入 32,139.53 万元".encode("gbk") + b"\n"
    )
    with pytest.raises(ExtractionError) as caught:
        read_document(path)
    error = caught.value
    assert error.document == "gbk.txt"
    assert error.line == 3
    assert "gbk.txt" in str(error)
    assert "line 3" in str(error)
    assert "UTF-8" in str(error)


def test_whole_file_in_gbk_fails_on_line_one(tmp_path):
    path = tmp_path / "all_gbk.txt"
    path.write_bytes("\n".join(document_lines()[:10]).encode("gbk"))
    with pytest.raises(ExtractionError, match=r"document all_gbk\.txt, line 1: not UTF-8"):
        read_document(path)


def test_file_without_a_title_line(tmp_path):
    path = write_lines(tmp_path / "untitled.txt", document_lines()[2:])  # from `## 目 录`
    with pytest.raises(ExtractionError) as caught:
        read_document(path)
    error = caught.value
    assert (error.document, error.section, error.line) == ("untitled.txt", "title", 1)
    assert str(error).startswith("document untitled.txt, section title, line 1:")


def test_title_is_the_first_non_blank_line(tmp_path):
    path = write_lines(tmp_path / "blank_first.txt", ["", "", "## 目 录", TITLE])
    with pytest.raises(ExtractionError) as caught:
        read_document(path)
    assert caught.value.line == 3


def test_empty_file_has_no_title(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(ExtractionError, match="not a final-accounts title"):
        read_document(path)


def test_title_with_an_unknown_caliber(tmp_path):
    path = write_lines(tmp_path / "caliber.txt", [TITLE.replace("汇总", "合并")])
    with pytest.raises(ExtractionError, match="section title, line 1"):
        read_document(path)
