"""The 类/款/项 clauses of 五(三) and 八 and the 类 totals of 五(二)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import document_lines, snippet_document, snippet_text, template, write_lines

from final_accounts.document import read_document
from final_accounts.errors import ExtractionError
from final_accounts.extract import extract_document
from final_accounts.parsers.functional import parse_clause
from final_accounts.parsers.lists import item_spans
from final_accounts.parsers.tokens import Claims


@pytest.fixture(scope="module")
def clauses(real_extract):
    return real_extract.records.clauses


def clause(clauses, item_name, budget_type="一般公共预算"):
    [found] = [c for c in clauses if c.item_name == item_name and c.budget_type == budget_type]
    return found


def test_clause_counts(clauses):
    general = [c for c in clauses if c.budget_type == "一般公共预算"]
    capital = [c for c in clauses if c.budget_type == "国有资本经营预算"]
    assert len(general) == 31
    assert [c.clause_no for c in general] == list(range(1, 32))
    assert {c.section_code for c in general} == {"2.五(三)"}
    assert len(capital) == 1
    assert (capital[0].section_code, capital[0].clause_no) == ("2.八", 1)


def test_technical_school_clause_over_three_lines(clauses):
    found = clause(clauses, "技校教育")
    assert (found.clause_no, found.class_name, found.kuan_name) == (2, "教育支出", "职业教育")
    assert found.amount == Decimal("3802.53")
    assert found.change_amount == Decimal("882.46")
    assert found.change_pct == Decimal("30.22")
    assert (found.source_line, found.source_line_end) == (136, 138)
    assert found.reason.endswith("职免学费项目支出")  # the word 中职 wraps from line 136 to 138
    assert found.raw_text.endswith("\n职免学费项目支出。")


def test_decrease_to_zero(clauses):
    found = clause(clauses, "中等职业教育")
    assert found.amount == Decimal("0.00")  # printed `0. 00`
    assert found.change_amount == Decimal("-14.52")
    assert found.change_pct == Decimal("-100.00")
    assert found.reason == "本年度减少中职国家助学金项目支出"
    assert (found.source_line, found.source_line_end) == (135, 135)


def test_change_percent_over_a_thousand(clauses):
    found = clause(clauses, "就业管理事务")
    assert (found.amount, found.change_amount, found.change_pct) == (
        Decimal("214.95"),
        Decimal("198.55"),
        Decimal("1210.67"),  # printed `1,210. 67%`
    )
    assert found.kuan_name == "人力资源和社会保障管理事务"  # printed with a space before (款)


def test_amount_on_the_next_bullet_line(real_extract, clauses):
    # Clause 12 ends line 152 with 支出决算数为; its amount opens the bullet of line 154.
    found = clause(clauses, "公共就业服务和职业技能鉴定机构")
    assert found.clause_no == 12
    assert (found.amount, found.change_amount, found.change_pct) == (
        Decimal("948.60"),
        Decimal("-79.50"),
        Decimal("-7.73"),
    )
    assert (found.source_line, found.source_line_end) == (152, 154)
    [amount] = [
        f
        for f in real_extract.records.figures
        if f.line_item.endswith("公共就业服务和职业技能鉴定机构(项)") and f.measure == "amount"
    ]
    assert (amount.value_text, amount.source_line, amount.raw_text) == ("948.60", 154, "948.60万元")


def test_state_capital_clause(clauses):
    found = clause(clauses, "国有企业改革成本支出", "国有资本经营预算")
    assert (found.class_name, found.kuan_name) == (
        "国有资本经营预算支出",
        "解决历史遗留问题及改革成本支出",
    )
    assert (found.amount, found.change_amount, found.change_pct) == (
        Decimal("19.28"),
        Decimal("-2.26"),
        Decimal("-10.49"),
    )
    assert found.source_line == 198


def test_every_clause_gives_three_figures(real_extract, clauses):
    for found in clauses:
        line_item = f"{found.class_name}(类){found.kuan_name}(款){found.item_name}(项)"
        figures = {
            f.measure: f.value
            for f in real_extract.records.figures
            if f.line_item == line_item and f.section_code == found.section_code
        }
        assert figures == {
            "amount": found.amount,
            "change_amount": found.change_amount,
            "change_pct": found.change_pct,
        }


def test_class_totals_2_5_2(real_extract):
    totals = [
        (t.list_no, t.class_name, t.amount, t.share_pct, t.source_line, t.budget_type)
        for t in real_extract.records.class_totals
    ]
    assert totals == [
        (1, "教育支出", Decimal("3842.53"), Decimal("11.94"), 128, "一般公共预算"),
        (2, "科学技术支出", Decimal("16.99"), Decimal("0.05"), 129, "一般公共预算"),
        (3, "社会保障和就业支出", Decimal("27666.64"), Decimal("85.96"), 130, "一般公共预算"),
        (4, "卫生健康支出", Decimal("660.75"), Decimal("2.05"), 131, "一般公共预算"),
    ]
    assert {t.section_code for t in real_extract.records.class_totals} == {"2.五(二)"}


# -- snippets -------------------------------------------------------------------------------


def parse_snippet(body, *, section_code="2.五(三)", source_file="snippet.txt"):
    text = snippet_text(body, source_file=source_file)
    narrative = template("xinjiang_2024").narrative
    [(start, end)] = item_spans(text, narrative.list_item)
    claims = Claims()
    found, figures = parse_clause(
        text,
        start,
        end,
        section_code=section_code,
        topic="snippet",
        budget_type="一般公共预算",
        clauses=narrative.clause,
        claims=claims,
    )
    return found, figures, claims


def test_snippet_clause_with_spaces_in_numbers():
    # line 135
    found, figures, claims = parse_snippet(
        [
            "- 1. 教育支出(类)职业教育(款)中等职业教育(项):支出决算数为 0. 00 万元,"
            "比上年决算减少 14. 52 万元,下降 100. 00%,主要原因是:本年度减少中职国家助学金项目支出。"
        ]
    )
    assert (found.clause_no, found.amount, found.change_amount, found.change_pct) == (
        1,
        Decimal("0.00"),
        Decimal("-14.52"),
        Decimal("-100.00"),
    )
    assert [(f.measure, f.value_text, f.unit) for f in figures] == [
        ("amount", "0.00", "万元"),
        ("change_amount", "-14.52", "万元"),
        ("change_pct", "-100.00", "%"),
    ]
    assert [reason for _, _, reason in claims.spans] == [
        "clause_figure",
        "clause_figure",
        "clause_figure",
        "explanation_text",
    ]


def test_snippet_clause_wrapped_to_the_next_bullet():
    # lines 152-154
    found, figures, _ = parse_snippet(
        [
            "- 12. 社会保障和就业支出(类)人力资源和社会保障管理事务(款)"
            "公共就业服务和职业技能鉴定机构(项):支出决算数为",
            "",
            "- 948.60万元,比上年决算减少79.50万元,下降7.73%,主要原因是:"
            "本年职称评审费、设备升级改造等项目资金较上年减少。",
        ]
    )
    assert (found.clause_no, found.source_line, found.source_line_end) == (12, 2, 4)
    assert [(f.value_text, f.source_line) for f in figures] == [
        ("948.60", 4),
        ("-79.50", 4),
        ("-7.73", 4),
    ]


def test_snippet_clause_not_in_the_expected_form():
    # line 135 without its change percent
    with pytest.raises(ExtractionError) as caught:
        parse_snippet(
            [
                "",
                "- 1. 教育支出(类)职业教育(款)中等职业教育(项):支出决算数为 0. 00 万元,"
                "比上年决算减少 14. 52 万元,主要原因是:本年度减少中职国家助学金项目支出。",
            ],
            source_file="clause.txt",
        )
    error = caught.value
    assert (error.document, error.section, error.line) == ("clause.txt", "2.五(三)", 3)
    assert "not in the form" in str(error)


def test_snippet_clause_with_a_garbled_amount():
    # line 136 with the letter O for the digit 0
    with pytest.raises(ExtractionError) as caught:
        parse_snippet(
            [
                "- 2. 教育支出(类)职业教育(款)技校教育(项):支出决算数为3,8O2.53万元,"
                "比上年决算增加882.46万元,增长30.22%。"
            ]
        )
    assert (caught.value.section, caught.value.line) == ("2.五(三)", 2)
    assert "'3,8O2.53'" in str(caught.value)


def test_malformed_clause_in_the_real_document_stops_the_extraction(tmp_path):
    lines = document_lines()
    assert ",下降 100. 00%" in lines[134]
    lines[134] = lines[134].replace(",下降 100. 00%", "")
    document = read_document(write_lines(tmp_path / "clause.txt", lines))
    with pytest.raises(ExtractionError) as caught:
        extract_document(document)
    assert (caught.value.document, caught.value.section, caught.value.line) == (
        "clause.txt",
        "2.五(三)",
        135,
    )


def test_snippet_document_helper_numbers_lines_from_the_title():
    document = snippet_document(["a", "b"])
    assert document.line(2) == "a"
    assert document.line(3) == "b"
