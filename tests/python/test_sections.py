"""Splitting the document into the template's sections, and refusing a broken template."""

from __future__ import annotations

from itertools import pairwise

import pytest
from support import (
    document_lines,
    missing_section_lines,
    snippet_document,
    truncated_lines,
    write_lines,
)

from final_accounts.document import read_document
from final_accounts.errors import ExtractionError
from final_accounts.extract import extract_file
from final_accounts.sections import (
    KIND_FRAME,
    KIND_NARRATIVE,
    KIND_PERFORMANCE_TABLES,
    numeral_value,
    split_sections,
)

# (code, heading line, kind) of every section of the bundled document, checked by hand.
REAL_SECTIONS = [
    ("toc", 3, KIND_FRAME),
    ("1", 46, KIND_FRAME),
    ("1.一", 48, KIND_NARRATIVE),
    ("1.二", 72, KIND_NARRATIVE),
    ("2", 92, KIND_FRAME),
    ("2.一", 94, KIND_NARRATIVE),
    ("2.二", 102, KIND_NARRATIVE),
    ("2.三", 106, KIND_NARRATIVE),
    ("2.四", 112, KIND_NARRATIVE),
    ("2.五", 118, KIND_NARRATIVE),
    ("2.五(一)", 120, KIND_NARRATIVE),
    ("2.五(二)", 126, KIND_NARRATIVE),
    ("2.五(三)", 133, KIND_NARRATIVE),
    ("2.六", 182, KIND_NARRATIVE),
    ("2.七", 186, KIND_NARRATIVE),
    ("2.八", 190, KIND_NARRATIVE),
    ("2.九", 200, KIND_NARRATIVE),
    ("2.十", 216, KIND_NARRATIVE),
    ("2.十(一)", 218, KIND_NARRATIVE),
    ("2.十(二)", 224, KIND_NARRATIVE),
    ("2.十(三)", 230, KIND_NARRATIVE),
    ("2.十一", 236, KIND_NARRATIVE),
    ("2.十一.tables", 240, KIND_PERFORMANCE_TABLES),
    ("2.十二", 1975, KIND_NARRATIVE),
    ("3", 1979, KIND_NARRATIVE),
    ("4", 2002, KIND_NARRATIVE),
]


@pytest.fixture(scope="module")
def sections(real_document):
    return split_sections(real_document)


def by_code(sections, code):
    [section] = [s for s in sections if s.code == code]
    return section


def test_sections_of_the_real_document(sections):
    assert [(s.code, s.heading_line, s.kind) for s in sections] == REAL_SECTIONS


def test_every_required_section_is_found_in_template_order(sections, real_document):
    codes = [s.code for s in sections]
    required = [spec.code for spec in real_document.template.sections if spec.required]
    assert [c for c in codes if c in required] == required


def test_titles_as_printed(sections):
    assert by_code(sections, "1.一").title == "主要职能"
    assert by_code(sections, "2.五(三)").title == "一般公共预算财政拨款支出决算具体情况"
    assert by_code(sections, "2.九").title == '财政拨款"三公"经费支出决算情况说明'
    assert by_code(sections, "2.十二").title == "其他需说明的事项"
    assert by_code(sections, "4").title == "部门决算报表(见附表)"


def test_every_line_after_the_title_is_in_exactly_one_section(sections, real_document):
    assert sections[0].heading_line == 3  # lines 1-2: the title and a blank line
    for before, after in pairwise(sections):
        assert before.first_line == before.heading_line + 1
        assert before.last_line == after.heading_line - 1
    assert sections[-1].last_line == len(real_document.lines) == 2012


def test_table_of_contents_names_no_section(sections):
    toc = by_code(sections, "toc")
    assert (toc.first_line, toc.last_line) == (4, 45)
    assert all(s.heading_line > 45 for s in sections if s.code != "toc")


def test_performance_tables_run_from_line_240_to_1974(sections, real_document):
    tables = by_code(sections, "2.十一.tables")
    assert (tables.heading_line, tables.last_line) == (240, 1974)
    assert real_document.line(240) == "# 部门整体支出绩效自评表 (2024年度)"
    assert tables.section_code == "2.十一.tables"
    twelve = by_code(sections, "2.十二")
    assert (twelve.heading_line, twelve.first_line, twelve.last_line) == (1975, 1976, 1978)
    assert real_document.line(1975) == "#### 十二、其他需说明的事项"


def test_headings_inside_the_tables_start_no_section(sections, real_document):
    # The tables print headings of their own; only 十二 (line 1975) ends them.
    inside = [n for n in range(241, 1975) if real_document.line(n).lstrip().startswith("#")]
    assert inside, "the tables block has headings of its own"
    starts = {s.heading_line for s in sections}
    assert not starts.intersection(inside)


def test_subsection_code_parts(sections):
    three = by_code(sections, "2.五(三)")
    assert (three.section_code, three.subsection) == ("2.五", "(三)")
    assert (three.first_line, three.last_line) == (134, 181)
    assert by_code(sections, "2.十(三)").section_code == "2.十"


@pytest.mark.parametrize(
    ("numeral", "value"),
    [("一", 1), ("九", 9), ("十", 10), ("十一", 11), ("十二", 12), ("十五", 15), ("二十三", 23)],
)
def test_numeral_value(numeral, value):
    assert numeral_value(numeral) == value


def split_file(tmp_path, name, lines):
    return split_sections(read_document(write_lines(tmp_path / name, lines)))


def test_missing_section_names_document_section_and_line(tmp_path):
    with pytest.raises(ExtractionError) as caught:
        split_file(tmp_path, "missing_six.txt", missing_section_lines())
    error = caught.value
    assert error.document == "missing_six.txt"
    assert error.section == "2.六"
    assert "missing section(s): 2.六 一般公共预算财政拨款基本支出决算情况说明" in str(error)
    assert "truncated" not in str(error)
    # Where 六 was expected: after the last clause of 五(三) (line 180), before the heading
    # of 七 (line 185 once line 182 is gone).
    assert error.line is not None, f"no line in {error}"
    assert 181 <= error.line <= 185
    assert f"line {error.line}" in str(error)


def test_duplicated_section_names_the_second_heading(tmp_path):
    lines = document_lines()
    assert lines[105] == "## 三、支出决算情况说明"
    repeated = [*lines[:110], lines[105], *lines[110:]]  # the heading again as line 111
    with pytest.raises(ExtractionError) as caught:
        split_file(tmp_path, "twice.txt", repeated)
    error = caught.value
    assert (error.document, error.section, error.line) == ("twice.txt", "2.三", 111)
    assert str(error) == "document twice.txt, section 2.三, line 111: section appears twice"


def test_duplicated_subsection(tmp_path):
    lines = document_lines()
    repeated = [*lines[:131], lines[125], *lines[131:]]  # (二)'s heading again as line 132
    with pytest.raises(ExtractionError) as caught:
        split_file(tmp_path, "sub_twice.txt", repeated)
    assert (caught.value.section, caught.value.line) == ("2.五(二)", 132)
    assert "subsection appears twice" in str(caught.value)


def test_duplicated_part(tmp_path):
    lines = document_lines()
    repeated = [*lines[:2002], lines[1978], *lines[2002:]]  # 第三部分 again as line 2003
    with pytest.raises(ExtractionError) as caught:
        split_file(tmp_path, "part_twice.txt", repeated)
    assert (caught.value.section, caught.value.line) == ("3", 2003)


def test_truncated_file_says_truncated_and_names_the_last_line(tmp_path):
    lines = truncated_lines(1000)
    assert len(lines) == 1000
    with pytest.raises(ExtractionError) as caught:
        split_file(tmp_path, "truncated.txt", lines)
    error = caught.value
    assert (error.document, error.section, error.line) == ("truncated.txt", "2.十二", 1000)
    message = str(error)
    assert message.startswith("document truncated.txt, section 2.十二, line 1000:")
    assert "truncated" in message
    assert "the text ends at line 1000" in message
    assert "2.十二 其他需说明的事项, 3 专业名词解释, 4 部门决算报表" in message


def test_truncated_inside_the_attached_table_list(tmp_path):
    """Regression: a file cut inside 第四部分 once extracted without an error, with only some of
    the nine attached tables; the list is the end of the document, so a short one is a cut."""
    lines = truncated_lines(2005)
    path = write_lines(tmp_path / "cut_in_part_four.txt", lines)
    with pytest.raises(ExtractionError) as caught:
        extract_file(path)
    error = caught.value
    assert (error.document, error.section, error.line) == ("cut_in_part_four.txt", "4", 2005)
    assert "lists 2 of the template's 9 attached tables" in str(error)
    assert "truncated" in str(error)


def test_section_out_of_order(tmp_path):
    lines = document_lines()
    # Swap the headings of 七 (line 186) and 八 (line 190).
    swapped = list(lines)
    swapped[185], swapped[189] = lines[189], lines[185]
    with pytest.raises(ExtractionError) as caught:
        split_file(tmp_path, "swapped.txt", swapped)
    error = caught.value
    assert (error.section, error.line) == ("2.八", 186)
    assert "out of template order" in str(error)


def test_snippet_document_without_sections_is_truncated():
    document = snippet_document(["", "正文"])
    with pytest.raises(ExtractionError, match="looks truncated") as caught:
        split_sections(document)
    assert (caught.value.section, caught.value.line) == ("1.一", 3)
