"""The numeric-token ledger: every number of a parsed section is a figure or is listed as
unparsed with a reason; nothing is dropped silently."""

from __future__ import annotations

from collections import Counter

import pytest
from support import XINJIANG, scan

from final_accounts.parsers.tokens import NUMERIC_TOKEN, Claims, leftover_tokens
from final_accounts.sections import KIND_NARRATIVE
from final_accounts.text import compact

KNOWN_REASONS = {
    "year",
    "date",
    "document_number",
    "list_number",
    "explanation_text",
    "label_qualifier",
    "no_rule_matched",
}


def plain(token: str) -> str:
    return token.lstrip("-").replace(",", "")


@pytest.fixture(scope="module")
def ledger(real_extract):
    """(section, line, token) of every numeric token, of the figures and of the unparsed."""
    document = real_extract.document
    tokens: Counter[tuple[str, int, str]] = Counter()
    for section in real_extract.sections:
        if section.kind != KIND_NARRATIVE:
            continue
        text = compact(document, section.first_line, section.last_line)
        for match in NUMERIC_TOKEN.finditer(text.text):
            tokens[(section.code, text.line_at(match.start()), plain(match.group()))] += 1
    figures = Counter(
        (f.section_code, f.source_line, plain(f.value_text)) for f in real_extract.records.figures
    )
    unparsed = Counter(
        (u.section_code, u.source_line, plain(u.token)) for u in real_extract.records.unparsed
    )
    return tokens, figures, unparsed


def test_every_numeric_token_is_a_figure_or_unparsed(ledger):
    tokens, figures, unparsed = ledger
    assert sum(tokens.values()) == 257 + 82
    assert tokens == figures + unparsed


def test_every_unparsed_token_has_a_known_reason(real_extract):
    reasons = {u.reason for u in real_extract.records.unparsed}
    assert reasons <= KNOWN_REASONS


def test_no_token_without_a_rule(real_extract):
    assert [u for u in real_extract.records.unparsed if u.reason == "no_rule_matched"] == []


def test_counts_by_reason(real_extract):
    # Checked against the text by hand:
    # - year 14: 2024年 on lines 74, 78, 96, 98, 114, 122, 184, 192, 202, 220, 222, 226, 232, 238
    # - date 2: 12月 and 31日 of 截至2024年12月31日 (line 232)
    # - list_number 47: the 11 budget units, the 4 类 of 五(二), the 31 clauses of 五(三) and
    #   the clause of 八
    # - explanation_text 18: numbers inside reasons: 2022, 2023 (line 124), 2024 ×4 (136),
    #   2023 (140), 3 (148: 3年一次), 1995 (151), 2022, 2023 (165), 2024 ×2 (194),
    #   2024 (198), 2023, 2024, 2023, 2024 (202)
    # - label_qualifier 1: 单价100万元 (line 234)
    assert Counter(u.reason for u in real_extract.records.unparsed) == {
        "year": 14,
        "date": 2,
        "list_number": 47,
        "explanation_text": 18,
        "label_qualifier": 1,
    }
    assert real_extract.token_counts() == {
        "figures": 257,
        "unparsed:year": 14,
        "unparsed:date": 2,
        "unparsed:list_number": 47,
        "unparsed:explanation_text": 18,
        "unparsed:label_qualifier": 1,
    }


def test_explanation_tokens_by_line(real_extract):
    lines = Counter(
        u.source_line for u in real_extract.records.unparsed if u.reason == "explanation_text"
    )
    assert lines == {124: 2, 136: 4, 140: 1, 148: 1, 151: 1, 165: 2, 194: 2, 198: 1, 202: 4}


def test_dates_and_qualifier(real_extract):
    found = [
        (u.section_code, u.token, u.reason, u.source_line)
        for u in real_extract.records.unparsed
        if u.reason in ("date", "label_qualifier")
    ]
    assert found == [
        ("2.十(三)", "12", "date", 232),
        ("2.十(三)", "31", "date", 232),
        ("2.十(三)", "100", "label_qualifier", 234),
    ]


def test_list_numbers_are_the_item_numbers(real_extract):
    by_section = Counter(
        u.section_code for u in real_extract.records.unparsed if u.reason == "list_number"
    )
    assert by_section == {"1.二": 11, "2.五(二)": 4, "2.五(三)": 31, "2.八": 1}
    clause_numbers = [
        int(u.token)
        for u in real_extract.records.unparsed
        if u.reason == "list_number" and u.section_code == "2.五(三)"
    ]
    assert clause_numbers == list(range(1, 32))


def test_sections_without_numbers_leave_no_tokens(real_extract):
    sections = {u.section_code for u in real_extract.records.unparsed}
    assert not sections & {"1.一", "2.七", "3", "4"}


def test_unparsed_context_shows_the_token(real_extract):
    for token in real_extract.records.unparsed:
        assert token.token in token.context, token


# -- snippets --------------------------------------------------------------------------------


def test_snippet_year_and_date_tokens():
    # line 232
    found, claims, text = scan(["截至2024年12月31日,房屋3,777.12平方米,"])
    assert [f.value_text for f in found.figures] == ["3777.12"]
    tokens = leftover_tokens(text, 0, len(text.text), claims, "2.x", XINJIANG.list_item)
    assert [(t.token, t.reason) for t in tokens] == [
        ("2024", "year"),
        ("12", "date"),
        ("31", "date"),
    ]


def test_snippet_number_inside_an_explanation():
    # line 148
    found, claims, text = scan(
        ["主要原因是:本年减少一次性电梯安装费用、3年一次劳动监察服装制作费用,相应支出减少。"]
    )
    assert found.figures == []
    [token] = leftover_tokens(text, 0, len(text.text), claims, "2.x", XINJIANG.list_item)
    assert (token.token, token.reason) == ("3", "explanation_text")


def test_snippet_token_no_rule_explains():
    # `SM 项目 1 个` of line 1977 without its unit: a bare number the ledger cannot place
    text = scan(["本年本部门 SM 项目 1"])[2]
    [token] = leftover_tokens(text, 0, len(text.text), Claims(), "2.x", XINJIANG.list_item)
    assert (token.token, token.reason, token.source_line) == ("1", "no_rule_matched", 2)
