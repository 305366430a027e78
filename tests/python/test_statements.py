"""The nine statements of the bundled Shanghai PDF read into long-form cells (parsers/
statements.py), checked against the printed values page by page; nothing on the statement
pages dropped."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from decimal import Decimal

import pdfplumber
import pytest
from support import PUTUO

from final_accounts.document import read_document
from final_accounts.parsers.statements import NUMERIC_TOKEN, read_statements
from final_accounts.sections import KIND_STATEMENTS, split_sections

STATEMENT_PAGES = range(6, 21)


@pytest.fixture(scope="module")
def document():
    return read_document(PUTUO)


@pytest.fixture(scope="module")
def part(document):
    [section] = [s for s in split_sections(document) if s.kind == KIND_STATEMENTS]
    return section


@pytest.fixture(scope="module")
def extract(document, part):
    return read_statements(document, part)


def cells_of(extract, statement_no, column, **key):
    return [
        c
        for c in extract.cells
        if c.statement_no == statement_no
        and c.column_label == column
        and all(getattr(c, name) == value for name, value in key.items())
    ]


def value(extract, statement_no, column, **key) -> Decimal:
    (cell,) = cells_of(extract, statement_no, column, **key)
    return cell.value


def test_all_nine_found_with_their_pages(extract):
    pages = [(s.statement_no, s.status, s.first_page, s.last_page) for s in extract.statements]
    assert pages == [
        (1, "printed", 6, 7),
        (2, "printed", 8, 9),
        (3, "printed", 10, 11),
        (4, "printed", 12, 13),
        (5, "printed", 15, 15),
        (6, "printed", 16, 17),
        (7, "printed", 18, 18),
        (8, "printed_empty", 19, 19),
        (9, "printed_empty", 20, 20),
    ]
    assert extract.statements[6].title == "财政拨款“三公”经费支出决算表"
    assert [s.budget_type for s in extract.statements][4:] == [
        "一般公共预算",
        None,
        None,
        "政府性基金预算",
        "国有资本经营预算",
    ]


def test_statement_1(extract):
    income, spending = "收入:决算数", "支出:决算数"
    assert value(extract, 1, income, row_label="一、一般公共预算财政拨款收入") == Decimal("2940.05")
    assert value(extract, 1, income, row_label="八、其他收入") == Decimal("6.20")
    assert value(extract, 1, income, row_label="本年收入合计") == Decimal("2946.25")
    assert value(extract, 1, income, row_label="年初结转和结余") == Decimal("49.14")
    assert value(extract, 1, income, row_label="总计") == Decimal("2995.39")
    assert value(extract, 1, spending, row_label="总计") == Decimal("2995.39")
    # the publisher prints 326.71 here and in statement 4, 326.72 in 2, 3 and 5
    assert value(extract, 1, spending, row_label="八、社会保障和就业支出") == Decimal("326.71")
    (first,) = cells_of(extract, 1, income, row_label="一、一般公共预算财政拨款收入")
    assert (first.printed_text, first.decimals, first.side, first.page) == (
        "2,940.05",
        2,
        "收入",
        6,
    )
    assert first.row_code is None and first.box is not None


def test_statement_2_codes_join_their_cells(extract):
    assert value(extract, 2, "本年收入合计", row_code="2010601") == Decimal("1511.90")
    assert value(extract, 2, "财政拨款收入", row_code="2010601") == Decimal("1511.89")
    assert value(extract, 2, "其他收入", row_code="2010601") == Decimal("0.01")
    assert value(extract, 2, "本年收入合计", row_code="208") == Decimal("326.72")
    assert value(extract, 2, "本年收入合计", row_label="合计") == Decimal("2946.25")


def test_statement_3_total_on_the_header_line(extract):
    assert value(extract, 3, "基本支出", row_code="2010601") == Decimal("1503.52")
    assert value(extract, 3, "项目支出", row_code="2010601") == Decimal("8.37")
    total = [(c.column_label, c.value) for c in extract.cells
             if c.statement_no == 3 and c.row_label == "合计"]  # fmt: skip
    assert total == [
        ("本年支出合计", Decimal("2940.05")),
        ("基本支出", Decimal("2336.91")),
        ("项目支出", Decimal("603.14")),
    ]


def test_statement_4(extract):
    assert value(extract, 4, "支出:一般公共预算财政拨款", row_label="八、社会保障和就业支出") == (
        Decimal("326.71")
    )
    assert value(extract, 4, "收入:决算数", row_label="总计") == Decimal("2961.68")
    assert value(extract, 4, "支出:合计", row_label="总计") == Decimal("2961.68")


def test_statement_6_two_halves_over_two_pages(extract):
    for code, amount in {"30101": "262.33", "301": "2082.85", "30299": "11.53",
                         "31002": "13.58"}.items():  # fmt: skip
        assert value(extract, 6, "决算数", row_code=code) == Decimal(amount)
    assert value(extract, 6, "决算数", row_label="人员经费合计") == Decimal("2152.26")
    assert value(extract, 6, "决算数", row_label="公用经费合计") == Decimal("184.65")
    sides = {c.row_code: c.side for c in extract.cells if c.statement_no == 6 and c.row_code}
    assert (sides["30101"], sides["30201"], sides["31002"]) == ("left", "right", "right")
    assert {c.page for c in extract.cells if c.statement_no == 6} == {16, 17}


def test_statement_7_grouped_headers(extract):
    cells = [(c.column_label, c.value) for c in extract.cells if c.statement_no == 7]
    assert cells == [
        ("财政拨款“三公”经费/合计/预算数", Decimal("0.95")),
        ("财政拨款“三公”经费/公务接待费/预算数", Decimal("0.95")),
    ]
    assert len(extract.statements[6].column_labels) == 12


@pytest.mark.parametrize(
    ("number", "note"),
    [
        (8, "注：上海市普陀区财政局无政府性基金预算财政拨款支出，故本表无数据。"),
        (9, "注：上海市普陀区财政局无国有资本经营预算财政拨款支出，故本表无数据。"),
    ],
)
def test_empty_statements_are_data(extract, number, note):
    statement = extract.statements[number - 1]
    assert (statement.status, statement.empty_note) == ("printed_empty", note)
    assert [c for c in extract.cells if c.statement_no == number] == []


def test_every_value_on_the_statement_pages_is_a_cell(extract):
    """Counted independently of the reader: pdfplumber's own words on pages 6-20."""
    printed = Counter()
    with pdfplumber.open(PUTUO) as pdf:
        for page in STATEMENT_PAGES:
            for word in pdf.pages[page - 1].extract_words():
                printed.update(t for t in NUMERIC_TOKEN.findall(word["text"]) if "." in t)
    assert sum(printed.values()) == 195
    assert Counter(c.printed_text for c in extract.cells) == printed


def test_every_numeric_token_is_accounted_for(document, part, extract):
    """Each token of each line of the part is a value cell, an unparsed token with its reason,
    or (what remains, in order) the codes of that line's rows."""
    for line in document.source.lines[part.heading_line - 1 : part.last_line]:
        remaining = NUMERIC_TOKEN.findall(line.text)
        for cell in (c for c in extract.cells if c.line == line.number):
            remaining.remove(cell.printed_text)
        for unparsed in (u for u in extract.unparsed if u.line == line.number):
            for token in NUMERIC_TOKEN.findall(unparsed.text):
                remaining.remove(token)
        codes = [r.row_code for r in extract.rows if r.line == line.number and r.row_code]
        assert "".join(remaining) == "".join(codes), line
    assert [(u.statement_no, u.page, u.text, u.reason) for u in extract.unparsed] == [
        (None, 6, "2024", "number outside every statement")
    ]


def test_a_statement_the_document_lacks_is_missing(document, part):
    """Statement 5's page taken out of the document: the others are read, 5 is missing (the
    document check C1 makes it a critical finding)."""
    kept = tuple(line for line in document.source.lines if line.page != 15)
    source = replace(document.source, lines=kept)
    missing = read_statements(replace(document, source=source), part)
    assert [s.statement_no for s in missing.statements if s.status == "missing"] == [5]
    assert {c.statement_no for c in missing.cells} == {1, 2, 3, 4, 6, 7}


def test_same_document_same_extract(extract):
    again = read_document(PUTUO)
    [section] = [s for s in split_sections(again) if s.kind == KIND_STATEMENTS]
    assert read_statements(again, section) == extract
