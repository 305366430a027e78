"""The build of both bundled documents, as `make build` runs it: each document's status and
findings, the Shanghai PDF's statements and narrative in the marts (values checked against the
PDF, page by page), and the Urumqi document exactly as it was before PDFs were read."""

from __future__ import annotations

import gzip
import json
import re
from decimal import Decimal

import duckdb
import pytest
from support import FIXTURES, PUTUO_DOCUMENT_ID, REAL_DOCUMENT_ID

URUMQI_BEFORE = FIXTURES / "urumqi_marts_before_pdf.jsonl.gz"


@pytest.fixture(scope="module")
def warehouse(bundled_build):
    assert bundled_build.exit_code == 0, bundled_build.stdout + bundled_build.stderr
    with duckdb.connect(str(bundled_build.warehouse), read_only=True) as connection:
        yield connection


def rows(connection, sql, *parameters):
    return connection.execute(sql, list(parameters)).fetchall()


# ------------------------------------------------------------------ statuses and findings


def test_both_documents_are_certified_with_their_acknowledgements(warehouse):
    statuses = dict(rows(warehouse, "select document_id, status from marts.dim_document"))
    assert statuses == {
        REAL_DOCUMENT_ID: "certified_with_acknowledgements",
        PUTUO_DOCUMENT_ID: "certified_with_acknowledgements",
    }


def test_the_summary_prints_each_status_and_the_0_3_finding_with_its_pages(bundled_build):
    out = bundled_build.stdout
    assert f"certified_with_acknowledgements {PUTUO_DOCUMENT_ID} 上海市普陀区财政局" in out
    assert "X acknowledged: 财政拨款收入支出总计 (narrative) = 表4 总计: 0.300 vs 2961.680" in out
    assert "pages 13,21" in out
    # no false criticals: no finding is a critical failure
    assert not re.search(r"^\s+critical\s", out, re.MULTILINE)
    assert "CRITICAL" not in out


def test_the_findings_of_the_shanghai_document(warehouse):
    found = rows(
        warehouse,
        "select check_id, outcome, what_is_checked, left_value, right_value, pages "
        "from audit.findings where document_id = ? and outcome in ('fail', 'acknowledged') "
        "order by check_id",
        PUTUO_DOCUMENT_ID,
    )
    assert found == [
        ("N15", "acknowledged", "一般公共服务支出", Decimal("71.730"), Decimal("71.653883"), "21"),
        (
            "X",
            "acknowledged",
            "财政拨款收入支出总计 (narrative) = 表4 总计",
            Decimal("0.300"),
            Decimal("2961.680000"),
            "13,21",
        ),
    ]


def test_the_326_71_against_326_72_is_rounding(warehouse):
    """Statements 1 and 4 print 社会保障和就业支出 326.71, statements 3 and 5 326.72: one unit of
    the last digit, the 类 total rounded from unrounded parts in one statement and from rounded
    ones in the other."""
    found = rows(
        warehouse,
        "select instance, outcome, difference from audit.identity_results "
        "where document_id = ? and identity_id = 'T4' and outcome <> 'pass' order by instance",
        PUTUO_DOCUMENT_ID,
    )
    assert found == [
        ("社会保障和就业支出: 表1 支出 = 表3 本年支出合计", "rounding", Decimal("-0.010000")),
        (
            "社会保障和就业支出: 表4 一般公共预算财政拨款 = 表5 合计",
            "rounding",
            Decimal("-0.010000"),
        ),
    ]


def test_every_statement_identity_holds_or_is_rounding(warehouse):
    outcomes = dict(
        rows(
            warehouse,
            "select outcome, count(*) from audit.identity_results where document_id = ? "
            "and suite = 'statement_identities' group by all",
            PUTUO_DOCUMENT_ID,
        )
    )
    assert set(outcomes) == {"pass", "rounding"}
    assert outcomes["rounding"] == 10


# ------------------------------------------------------------------ the Urumqi document


def test_the_urumqi_rows_of_every_mart_are_as_before(warehouse):
    """Every mart that existed before PDFs were read: the Urumqi document's rows, on the
    columns it had then, are identical (new columns may be added; no row changes)."""
    with gzip.open(URUMQI_BEFORE, "rt", encoding="utf-8") as handle:
        before = [json.loads(line) for line in handle]
    assert len(before) == 33
    for table in before:
        columns = ", ".join(f'"{c}"' for c in table["columns"])
        where = (
            f"where document_id = '{REAL_DOCUMENT_ID}'"
            if "document_id" in table["columns"]
            else (
                "where is_in_reference" if table["table"] == "dim_functional_classification" else ""
            )
        )
        now = rows(warehouse, f'select {columns} from marts."{table["table"]}" {where}')
        now = sorted(
            ([None if v is None else str(v) for v in row] for row in now),
            key=lambda r: [x or "" for x in r],
        )
        assert now == table["rows"], table["table"]


# ------------------------------------------------------------------ the Shanghai document


def test_spending_by_function_down_to_item_with_basic_and_project(warehouse):
    found = rows(
        warehouse,
        "select function_code, function_name, "
        "max(value_wan_yuan) filter (where nature = 'basic'), "
        "max(value_wan_yuan) filter (where nature = 'project'), any_value(page) "
        "from marts.fct_expenditure_by_function where document_id = ? and function_level = '项' "
        "group by all order by function_code",
        PUTUO_DOCUMENT_ID,
    )
    d = Decimal
    assert found == [
        ("2010601", "行政运行", d("1503.52"), d("8.37"), 10),
        ("2010602", "一般行政管理事务", None, d("10.00"), 10),
        ("2010607", "信息化建设", None, d("135.25"), 10),
        ("2010608", "财政委托业务支出", None, d("449.52"), 10),
        ("2080501", "行政单位离退休", d("84.65"), None, 10),
        ("2080505", "机关事业单位基本养老保险缴费支出", d("160.75"), None, 10),
        ("2080506", "机关事业单位职业年金缴费支出", d("80.38"), None, 10),
        ("2080599", "其他行政事业单位养老支出", d("0.94"), None, 11),
        ("2101101", "行政单位医疗", d("60.99"), None, 11),
        ("2210201", "住房公积金", d("187.19"), None, 11),
        ("2210203", "购房补贴", d("258.50"), None, 11),
    ]


def test_basic_expenditure_by_economic_class(warehouse):
    found = rows(
        warehouse,
        "select economic_code, economic_name, expense_group, value_wan_yuan "
        "from marts.fct_basic_expenditure_by_economic_class "
        "where document_id = ? and economic_level = '类' order by economic_code",
        PUTUO_DOCUMENT_ID,
    )
    d = Decimal
    assert found == [
        ("301", "工资福利支出", "人员经费", d("2082.85")),
        ("302", "商品和服务支出", "公用经费", d("171.07")),
        ("303", "对个人和家庭的补助", "人员经费", d("69.41")),
        ("310", "资本性支出", "公用经费", d("13.58")),
    ]


def test_statement_cells_and_empty_statements(warehouse):
    assert rows(
        warehouse,
        "select count(*) filter (where cell_kind = 'value'), "
        "list(statement_no order by statement_no) filter (where cell_kind = 'empty_statement') "
        "from marts.fct_statement_cell where document_id = ?",
        PUTUO_DOCUMENT_ID,
    ) == [(195, [8, 9])]
    assert rows(
        warehouse,
        "select statement_name, row_label, column_label, value_wan_yuan, page "
        "from marts.fct_statement_cell where document_id = ? and statement_no = 4 "
        "and row_label = '总计' order by column_label",
        PUTUO_DOCUMENT_ID,
    ) == [
        ("财政拨款收入支出决算总表", "总计", "支出:一般公共预算财政拨款", Decimal("2961.68"), 13),
        ("财政拨款收入支出决算总表", "总计", "支出:合计", Decimal("2961.68"), 13),
        ("财政拨款收入支出决算总表", "总计", "收入:决算数", Decimal("2961.68"), 13),
    ]


def test_statements_fold_into_the_thematic_marts_beside_the_narrative(warehouse):
    found = rows(
        warehouse,
        "select figure_source, income_total_wan_yuan, current_year_income_wan_yuan "
        "from marts.fct_fiscal_appropriation where document_id = ? "
        "and scope_code = 'fiscal_appropriation' order by figure_source",
        PUTUO_DOCUMENT_ID,
    )
    assert found == [
        ("narrative", Decimal("0.30"), None),
        ("statement 4", Decimal("2961.68"), Decimal("2940.05")),
    ]


def test_the_shanghai_narrative_clauses_with_budget_and_reason(warehouse):
    found = rows(
        warehouse,
        "select clause_no, function_code, budget_initial_wan_yuan, amount_wan_yuan, "
        "stated_comparison from marts.fct_functional_expenditure where document_id = ? "
        "order by clause_no",
        PUTUO_DOCUMENT_ID,
    )
    assert len(found) == 11
    assert found[0] == (1, "2010601", Decimal("1560.05"), Decimal("1511.89"), "小于")
    assert found[1] == (2, "2010602", Decimal("10.00"), Decimal("10.00"), "基本持平")


def test_the_units_of_the_shanghai_document_with_their_remarks(warehouse):
    assert rows(
        warehouse,
        "select unit_no, unit_name, unit_kind, remark from marts.dim_budget_unit "
        "where document_id = ? order by unit_no",
        PUTUO_DOCUMENT_ID,
    ) == [
        (1, "上海市普陀区财政局(本级)", "本级", None),
        (2, "上海市普陀区财政局财政所", "下属单位", "预算不单列,并入本级"),
        (3, "上海市普陀区国库收付中心", "下属单位", "预算不单列,并入本级"),
    ]


def test_every_shanghai_number_is_a_figure_a_cell_or_unparsed_with_a_reason(warehouse):
    reasons = dict(
        rows(
            warehouse,
            "select reason, count(*) from marts.fct_unparsed_token where document_id = ? "
            "group by all",
            PUTUO_DOCUMENT_ID,
        )
    )
    assert "no_rule_matched" not in reasons, reasons
    assert rows(
        warehouse,
        "select figure_count from marts.dim_document where document_id = ?",
        PUTUO_DOCUMENT_ID,
    ) == [(100,)]


def test_statement_codes_enter_the_functional_classification(warehouse):
    assert rows(
        warehouse,
        "select function_code, function_name, level, parent_code, is_in_reference "
        "from marts.dim_functional_classification where function_code like '201%' "
        "order by function_code",
    ) == [
        ("201", "一般公共服务支出", "类", None, False),
        ("20106", "财政事务", "款", "201", False),
        ("2010601", "行政运行", "项", "20106", False),
        ("2010602", "一般行政管理事务", "项", "20106", False),
        ("2010607", "信息化建设", "项", "20106", False),
        ("2010608", "财政委托业务支出", "项", "20106", False),
    ]
