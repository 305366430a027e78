"""The figures of the narrative sections: on the real document, then one hand-made snippet
per phrasing the scanner handles (each snippet is a line of the document, or part of one)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import XINJIANG, scan

from final_accounts.errors import ExtractionError
from final_accounts.parsers.tokens import leftover_tokens
from final_accounts.text import clean_text


def rows(figures, section_code):
    """(line item, measure, value as printed, source line) of a section's figures."""
    return [
        (f.line_item, f.measure, f.value_text, f.source_line)
        for f in figures
        if f.section_code == section_code
    ]


def one(figures, line_item, measure, *, section_code=None, line=None):
    found = [
        f
        for f in figures
        if f.line_item == line_item
        and f.measure == measure
        and (section_code is None or f.section_code == section_code)
        and (line is None or f.source_line == line)
    ]
    assert len(found) == 1, f"{len(found)} figures {line_item}/{measure}: {found}"
    return found[0]


@pytest.fixture(scope="module")
def figures(real_extract):
    return real_extract.records.figures


@pytest.fixture(scope="module")
def entries(real_extract):
    def of(list_name):
        return [e for e in real_extract.records.entries if e.list_name == list_name]

    return of


# -- the real document --------------------------------------------------------------------


def test_overall_income_and_expenditure_2_1(figures):
    assert rows(figures, "2.一") == [
        ("收入总计", "amount", "32312.49", 96),
        ("本年收入合计", "amount", "32139.53", 96),
        ("使用非财政拨款结余(含专用结余)", "amount", "0.00", 96),
        ("年初结转和结余", "amount", "172.97", 96),
        ("支出总计", "amount", "32312.49", 98),
        ("本年支出合计", "amount", "32221.61", 98),
        ("结余分配", "amount", "0.00", 98),
        ("年末结转和结余", "amount", "90.89", 98),
        ("收入支出总体", "change_amount", "-4015.04", 100),
        ("收入支出总体", "change_pct", "-11.05", 100),
    ]


def test_amounts_are_exact_decimals_in_wan_yuan(figures):
    total = one(figures, "收入总计", "amount")
    assert total.value == Decimal("32312.49")
    assert (total.unit, total.decimals) == ("万元", 2)
    assert total.raw_text == "2024 年度收入总计 32,312.49 万元"  # line 96, markup dropped
    change = one(figures, "收入支出总体", "change_pct")
    assert change.value == Decimal("-11.05")
    assert change.unit == "%"


def test_overall_change_reason_2_1(real_extract):
    [reason] = [e for e in real_extract.records.explanations if e.section_code == "2.一"]
    assert (reason.subject, reason.kind, reason.source_line) == (
        "收入支出总体",
        "change_reason",
        100,
    )
    assert reason.text.startswith("本年在职人员减少,相关人员经费较上年减少;")
    assert reason.text.endswith("减少上年结转资金市属、区属退休人员暖气费项目支出,相应支出减少")


def test_income_sources_with_shares_2_2(figures):
    assert rows(figures, "2.二") == [
        ("本年收入", "amount", "32139.53", 104),
        ("财政拨款收入", "amount", "32139.22", 104),
        ("财政拨款收入", "share_pct", "100.00", 104),
        ("上级补助收入", "amount", "0.00", 104),
        ("上级补助收入", "share_pct", "0.00", 104),
        ("事业收入", "amount", "0.00", 104),
        ("事业收入", "share_pct", "0.00", 104),
        ("经营收入", "amount", "0.00", 104),
        ("经营收入", "share_pct", "0.00", 104),
        ("附属单位上缴收入", "amount", "0.00", 104),
        ("附属单位上缴收入", "share_pct", "0.00", 104),
        ("其他收入", "amount", "0.30", 104),
        ("其他收入", "share_pct", "0.000", 104),
    ]


def test_share_printed_with_three_decimals_2_2(figures):
    share = one(figures, "其他收入", "share_pct")
    assert (share.value, share.value_text, share.decimals) == (Decimal("0.000"), "0.000", 3)
    assert share.share_base is None  # `占 0.000%`: the base is not printed
    assert share.raw_text == "占 0.000%"


def test_expenditure_natures_across_a_blank_line_2_3(figures):
    # 基本支出 13,717.58 万元 ends line 108; its share `占 42.57%` opens line 110.
    assert rows(figures, "2.三")[:3] == [
        ("本年支出", "amount", "32221.61", 108),
        ("基本支出", "amount", "13717.58", 108),
        ("基本支出", "share_pct", "42.57", 110),
    ]
    assert one(figures, "项目支出", "share_pct").value == Decimal("57.43")


def test_budget_vs_final_of_fiscal_appropriations_2_4(figures):
    subject = "财政拨款收入支出总体"
    assert one(figures, subject, "budget_initial_amount").value == Decimal("25169.42")
    assert one(figures, subject, "final_amount").value == Decimal("32288.11")
    assert one(figures, subject, "budget_variance_pct").value == Decimal("28.28")
    assert one(figures, "年初财政拨款结转和结余", "amount").value == Decimal("148.88")


def test_general_budget_total_2_5_1(figures):
    subject = "一般公共预算财政拨款支出"
    share = one(figures, subject, "share_pct", section_code="2.五(一)")
    assert (share.value, share.share_base, share.source_line) == (
        Decimal("99.89"),
        "本年支出合计",
        122,
    )
    assert rows(figures, "2.五(一)") == [
        (subject, "amount", "32186.91", 122),
        (subject, "share_pct", "99.89", 122),
        (subject, "change_amount", "-3381.06", 122),
        (subject, "change_pct", "-9.51", 122),
        (subject, "budget_initial_amount", "25091.42", 124),
        (subject, "final_amount", "32186.91", 124),
        (subject, "budget_variance_pct", "28.28", 124),
    ]


def test_budget_variance_reason_2_5_1(real_extract):
    [reason] = [
        e
        for e in real_extract.records.explanations
        if e.section_code == "2.五(一)" and e.kind == "budget_variance_reason"
    ]
    assert reason.subject == "一般公共预算财政拨款支出"
    assert reason.text.startswith("年中追加就业创业综合服务平台设备")
    assert reason.source_line == 124


def test_basic_expenditure_2_6(figures):
    assert rows(figures, "2.六") == [
        ("一般公共预算财政拨款基本支出", "amount", "13717.45", 184),
        ("人员经费", "amount", "12596.51", 184),
        ("公用经费", "amount", "1120.94", 184),
    ]


def test_state_capital_budget_negative_variance_2_8(figures):
    subject = "国有资本经营预算财政拨款收入支出"
    assert one(figures, subject, "change_amount").value == Decimal("-2.26")
    assert one(figures, subject, "change_pct").value == Decimal("-10.49")
    assert one(figures, subject, "budget_initial_amount").value == Decimal("78.00")
    assert one(figures, subject, "final_amount").value == Decimal("19.28")
    variance = one(figures, subject, "budget_variance_pct")
    assert (variance.value, variance.value_text, variance.source_line) == (
        Decimal("-75.28"),
        "-75.28",
        194,
    )


def test_three_public_expenses_2_9(figures):
    total = '财政拨款"三公"经费支出'
    assert one(figures, total, "amount").value == Decimal("81.97")
    assert one(figures, total, "change_amount").value == Decimal("4.19")
    assert one(figures, total, "change_pct").value == Decimal("5.39")
    assert one(figures, total, "budget_amount").value == Decimal("82.08")
    assert one(figures, total, "final_amount").value == Decimal("81.97")
    variance = one(figures, total, "budget_variance_pct")
    assert (variance.value_text, variance.source_line) == ("-0.13", 214)
    cars = "公务用车运行维护费"
    assert one(figures, cars, "budget_amount").value == Decimal("82.08")
    assert one(figures, cars, "budget_variance_pct").value == Decimal("-0.13")
    assert one(figures, "公务用车购置及运行维护费支出", "share_pct").value == Decimal("100.00")


def test_three_public_expenses_counts_2_9(figures):
    counts = [
        (f.line_item, f.value_text, f.unit, f.source_line)
        for f in figures
        if f.section_code == "2.九" and f.measure == "count"
    ]
    assert counts == [
        ("部门全年安排的因公出国(境)团组", "0", "个", 206),
        ("因公出国(境)", "0", "人次", 208),
        ("公务用车购置数", "0", "辆", 210),
        ("公务用车保有量", "44", "辆", 210),
        ("国有资产占用情况中固定资产车辆", "49", "辆", 210),
        ("部门全年安排的国内公务接待", "0", "批次", 212),
        ("部门全年安排的国内公务接待", "0", "人次", 212),
    ]


def test_three_public_expenses_explanations_2_9(real_extract):
    found = {
        (e.subject, e.kind)
        for e in real_extract.records.explanations
        if e.section_code == "2.九" and e.source_line == 210
    }
    assert found == {
        ("公务用车运行维护费", "spending_content"),
        ("国有资产占用情况中固定资产车辆", "difference_reason"),
    }


def test_operating_costs_2_10_1(figures):
    subject = "(行政单位和参照公务员法管理事业单位)机关运行经费支出"
    assert rows(figures, "2.十(一)")[:3] == [
        (subject, "amount", "972.03", 220),
        (subject, "change_amount", "-25.58", 220),
        (subject, "change_pct", "-2.56", 220),
    ]
    assert one(figures, "(事业单位)公用经费支出", "amount").value == Decimal("148.91")


def test_procurement_2_10_2(figures):
    assert one(figures, "政府采购支出总额", "amount").value == Decimal("558.49")
    parts = ["政府采购货物支出", "政府采购工程支出", "政府采购服务支出"]
    assert [one(figures, p, "amount").value_text for p in parts] == ["70.11", "52.67", "435.71"]
    sme = one(figures, "授予中小企业合同金额", "share_pct")
    assert (sme.value, sme.share_base) == (Decimal("87.35"), "政府采购支出总额")
    small = one(figures, "授予小微企业合同金额", "share_pct")
    assert (small.value, small.share_base) == (Decimal("44.21"), "政府采购支出总额")


def test_buildings_and_vehicles_2_10_3(figures):
    area = one(figures, "房屋", "area")
    assert (area.value, area.unit, area.source_line) == (Decimal("3777.12"), "平方米", 232)
    assert one(figures, "房屋", "value_amount").value == Decimal("532.04")
    assert one(figures, "车辆", "count", section_code="2.十(三)").value == 49
    assert one(figures, "车辆", "value_amount").value == Decimal("849.68")


def test_vehicles_by_use_2_10_3(figures):
    by_use = [
        (f.line_item, f.value, f.source_line)
        for f in figures
        if f.section_code == "2.十(三)" and f.unit == "辆" and f.line_item != "车辆"
    ]
    assert by_use == [
        ("副部(省)级及以上领导用车", 0, 232),
        ("主要负责人用车", 0, 232),
        ("机要通信用车", 0, 232),
        ("应急保障用车", 0, 234),  # the name wraps from line 232 (`应`) to 234 (`急保障用车`)
        ("执法执勤用车", 4, 234),
        ("特种专业技术用车", 1, 234),
        ("离退休干部服务用车", 0, 234),
        ("其他用车", 44, 234),
    ]


def test_equipment_qualifier_is_part_of_the_label_2_10_3(real_extract, figures):
    label = "单价100万元(含)以上设备(不含车辆)"
    equipment = one(figures, label, "count")
    assert (equipment.value, equipment.unit, equipment.source_line) == (8, "台(套)", 234)
    assert equipment.raw_text == "单价100 万元(含)以上设备(不含车辆)8台(套)"
    assert not [f for f in figures if f.value_text == "100" and f.section_code == "2.十(三)"]
    [qualifier] = [u for u in real_extract.records.unparsed if u.reason == "label_qualifier"]
    assert (qualifier.section_code, qualifier.token, qualifier.source_line) == (
        "2.十(三)",
        "100",
        234,
    )


def test_performance_totals_2_11_and_2_12(figures):
    assert one(figures, "预算绩效评价项目", "count").value == 58
    assert one(figures, "预算绩效评价项目", "budget_amount").value == Decimal("33285.22")
    assert one(figures, "预算绩效评价项目", "executed_amount").value == Decimal("33125.66")
    assert rows(figures, "2.十二") == [
        ("本年SM项目", "count", "1", 1977),
        ("本年SM项目", "budget_amount", "109.80", 1977),
        ("本年SM项目", "executed_amount", "109.80", 1977),
    ]


def test_staff_1_2(figures):
    assert rows(figures, "1.二")[:7] == [
        ("实有人数", "count", "1026", 74),
        ("在职人员", "count", "683", 74),
        ("在职人员", "change_count", "-31", 74),
        ("离休人员", "count", "0", 74),
        ("离休人员", "change_count", "0", 74),
        ("退休人员", "count", "343", 74),
        ("退休人员", "change_count", "27", 74),
    ]
    assert {f.unit for f in figures if f.source_line == 74} == {"人"}


def test_internal_offices_1_2(figures, entries):
    offices = one(figures, "本级下设科室", "count")
    assert (offices.value, offices.unit, offices.source_line) == (19, "个", 76)
    names = [e.name for e in entries("internal_offices")]
    assert names == [
        "办公室",
        "组织人事科",
        "政策法规科",
        "行政审批科",
        "规划财务科",
        "就业促进科",
        "人力资源规划发展科",
        "职业能力建设科",
        "专业技术人员管理科",
        "劳动关系科",
        "劳动监察科(信访科)",
        "事业单位人事管理科",
        "农民工工作科",
        "工资福利科",
        "养老保险科",
        "工伤保险科",
        "失业保险科",
        "农村社会保险科",
        "社会保险基金监督科",
    ]
    assert [e.entry_no for e in entries("internal_offices")] == list(range(1, 20))
    assert {e.source_line for e in entries("internal_offices")} == {76}


def test_budget_units_1_2(entries):
    units = entries("budget_units")
    assert len(units) == 11
    assert [u.entry_no for u in units] == list(range(1, 12))
    assert [u.source_line for u in units] == list(range(80, 91))
    first, *others = units
    assert (first.name, first.entry_label) == ("乌鲁木齐市人力资源和社会保障局(本级)", "本级")
    assert {u.entry_label for u in others} == {"下属单位"}
    assert others[0].name == "乌鲁木齐市社会保险中心"
    assert others[8].name == "乌鲁木齐市退休人员社会化管理服务中心"  # line 89, indented
    assert others[-1].name == "乌鲁木齐市人力资源和社会保障信息中心(乌鲁木齐市社会保障卡管理中心)"


def test_main_functions_1_1(entries):
    functions = entries("main_functions")
    assert len(functions) == 15
    assert [f.entry_no for f in functions] == list(range(1, 16))
    assert functions[0].entry_label == "(一)"
    assert (
        functions[0].name
        == "贯彻执行国家、自治区和我市有关人力资源和社会保障工作的方针、政策和法律、法规"
    )
    assert functions[-1].entry_label == "(十五)"
    assert functions[-1].name == "职能转变"
    # (十一) to (十五) are printed without the bullet of (一) to (十).
    assert [f.source_line for f in functions[10:]] == [62, 64, 66, 68, 70]


def test_glossary_3(entries):
    terms = entries("glossary")
    assert [t.name for t in terms] == [
        "财政拨款收入",
        "上级补助收入",
        "事业收入",
        "经营收入",
        "附属单位上缴收入",
        "其他收入",
        "年初结转和结余",
        "年末结转和结余",
        "基本支出",
        "项目支出",
        "经营支出",
        "对附属单位补助支出",
        '"三公"经费',
        "机关运行经费",  # line 2000, printed in bold
    ]
    assert terms[0].detail == "同级财政当年拨付的资金。"
    assert (terms[-1].entry_no, terms[-1].source_line) == (14, 2000)


def test_attached_tables_4(entries):
    tables = entries("attached_tables")
    assert len(tables) == 9
    assert (tables[0].name, tables[0].source_line) == ("收入支出决算总表", 2004)
    assert (tables[-1].name, tables[-1].source_line) == ('财政拨款"三公"经费支出决算表', 2012)


def test_basic_expenditure_items_2_6(entries):
    items = entries("basic_expenditure_items")
    staff = [i.name for i in items if i.entry_label == "人员经费"]
    public = [i.name for i in items if i.entry_label == "公用经费"]
    assert len(staff) == 15
    assert len(public) == 22
    assert (staff[0], staff[-1]) == ("基本工资", "奖励金")
    assert (public[0], public[-1]) == ("办公费", "其他资本性支出")
    assert "维修(护)费" in public


def test_every_figure_traces_to_its_line(real_extract):
    document = real_extract.document
    sections = {s.code: s for s in real_extract.sections}
    for figure in real_extract.records.figures:
        section = sections[figure.section_code]
        assert section.first_line <= figure.source_line <= section.last_line, figure
        printed = clean_text(figure.raw_text).replace(",", "")
        assert figure.value_text.lstrip("-") in printed, figure
        first_raw_line = figure.raw_text.split("\n")[0]
        assert first_raw_line.strip() in document.line(figure.source_line) or any(
            first_raw_line.strip() in document.line(n)
            for n in range(section.first_line, figure.source_line)
        ), figure


# -- snippets: one per phrasing ------------------------------------------------------------


def snippet_rows(found):
    return [(f.line_item, f.measure, f.value_text, f.share_base, f.source_line) for f in found]


def test_snippet_amount_with_share_of_a_named_base():
    # line 228
    found, _, _ = scan(["授予中小企业合同金额 487.86 万元,占政府采购支出总额的 87.35%。"])
    assert snippet_rows(found.figures) == [
        ("授予中小企业合同金额", "amount", "487.86", None, 2),
        ("授予中小企业合同金额", "share_pct", "87.35", "政府采购支出总额", 2),
    ]


def test_snippet_share_without_a_base():
    # line 110
    found, _, _ = scan(["项目支出 18,504.03 万元, 占 57.43%;"])
    assert snippet_rows(found.figures) == [
        ("项目支出", "amount", "18504.03", None, 2),
        ("项目支出", "share_pct", "57.43", None, 2),
    ]


def test_snippet_change_compared_to_last_year_decrease_is_negative():
    # line 222
    found, _, _ = scan(
        ["公用经费支出148.91万元,比上年减少4.95万元,下降3.22%,主要原因是:厉行节约。"]
    )
    assert snippet_rows(found.figures) == [
        ("公用经费支出", "amount", "148.91", None, 2),
        ("公用经费支出", "change_amount", "-4.95", None, 2),
        ("公用经费支出", "change_pct", "-3.22", None, 2),
    ]
    assert found.figures[1].value == Decimal("-4.95")
    [reason] = found.explanations
    assert (reason.subject, reason.kind, reason.text) == (
        "公用经费支出",
        "change_reason",
        "厉行节约",
    )


def test_snippet_change_increase_is_positive():
    # line 202
    found, _, _ = scan(
        ['2024 年度财政拨款"三公"经费支出81.97 万元,比上年增加4.19 万元,增长5.39%。']
    )
    assert [(f.measure, f.value) for f in found.figures] == [
        ("amount", Decimal("81.97")),
        ("change_amount", Decimal("4.19")),
        ("change_pct", Decimal("5.39")),
    ]


def test_snippet_compared_with_last_year_sets_the_subject():
    # line 100
    found, _, _ = scan(
        ["收入支出总体与上年相比,减少4,015.04万元,下降11.05%,主要原因是:本年在职人员减少。"]
    )
    assert snippet_rows(found.figures) == [
        ("收入支出总体", "change_amount", "-4015.04", None, 2),
        ("收入支出总体", "change_pct", "-11.05", None, 2),
    ]
    [reason] = found.explanations
    assert (reason.subject, reason.kind, reason.text) == (
        "收入支出总体",
        "change_reason",
        "本年在职人员减少",
    )


def test_snippet_budget_final_and_negative_variance_rate():
    # line 194
    found, _, _ = scan(
        [
            "国有资本经营预算财政拨款收入支出与上年相比,减少2.26万元,下降10.49%。"
            "与年初预算相比,年初预算数78.00万元,决算数19.28万元,预决算差异率-75.28%,"
            "主要原因是:年中调减2024年拨付国有企业办医院退休人员一次性抚恤金项目支出。"
        ]
    )
    subject = "国有资本经营预算财政拨款收入支出"
    assert snippet_rows(found.figures) == [
        (subject, "change_amount", "-2.26", None, 2),
        (subject, "change_pct", "-10.49", None, 2),
        (subject, "budget_initial_amount", "78.00", None, 2),
        (subject, "final_amount", "19.28", None, 2),
        (subject, "budget_variance_pct", "-75.28", None, 2),
    ]
    assert found.figures[-1].value == Decimal("-75.28")
    [reason] = found.explanations
    assert (reason.subject, reason.kind) == (subject, "budget_variance_reason")


def test_snippet_full_year_budget_names_its_subject():
    # line 214
    found, _, _ = scan(
        ["公务用车运行维护费全年预算数82.08万元,决算数81.97万元,预决算差异率-0.13%。"]
    )
    assert snippet_rows(found.figures) == [
        ("公务用车运行维护费", "budget_amount", "82.08", None, 2),
        ("公务用车运行维护费", "final_amount", "81.97", None, 2),
        ("公务用车运行维护费", "budget_variance_pct", "-0.13", None, 2),
    ]


def test_snippet_count_continuation():
    # line 212
    found, _, _ = scan(["部门全年安排的国内公务接待 0 批次, 0 人次。"])
    assert [(f.line_item, f.measure, f.value_text, f.unit) for f in found.figures] == [
        ("部门全年安排的国内公务接待", "count", "0", "批次"),
        ("部门全年安排的国内公务接待", "count", "0", "人次"),
    ]


def test_snippet_count_with_its_noun_after_the_unit():
    # line 76
    found, _, _ = scan(["乌鲁木齐市人力资源和社会保障局本级下设 19 个科室,"])
    [offices] = found.figures
    assert (offices.line_item, offices.measure, offices.value, offices.unit) == (
        "本级下设科室",
        "count",
        19,
        "个",
    )


def test_snippet_number_with_spaces():
    # the amount of line 475, printed with spaces inside
    found, _, _ = scan(["年度资金总额 2, 121. 12 万元。"])
    [amount] = found.figures
    assert (amount.line_item, amount.value, amount.value_text, amount.decimals) == (
        "年度资金总额",
        Decimal("2121.12"),
        "2121.12",
        2,
    )
    assert amount.raw_text == "年度资金总额 2, 121. 12 万元"


def test_snippet_label_and_number_wrapped_over_lines():
    # lines 108-110: the share is on the line after a blank line
    found, _, _ = scan(["基本支出 13,717.58 万元,", "", "占 42.57%;"])
    assert snippet_rows(found.figures) == [
        ("基本支出", "amount", "13717.58", None, 2),
        ("基本支出", "share_pct", "42.57", None, 4),
    ]


def test_snippet_value_of_the_thing_counted():
    # line 232
    found, _, _ = scan(["房屋3,777.12平方米,价值532.04万元。车辆49辆,价值849.68万元,"])
    assert [(f.line_item, f.measure, f.value_text, f.unit) for f in found.figures] == [
        ("房屋", "area", "3777.12", "平方米"),
        ("房屋", "value_amount", "532.04", "万元"),
        ("车辆", "count", "49", "辆"),
        ("车辆", "value_amount", "849.68", "万元"),
    ]


def test_snippet_unit_price_qualifier_belongs_to_the_next_label():
    # line 234
    found, claims, text = scan(["单价100 万元(含)以上设备(不含车辆)8台(套)。"])
    [equipment] = found.figures
    assert (equipment.line_item, equipment.value, equipment.unit) == (
        "单价100万元(含)以上设备(不含车辆)",
        8,
        "台(套)",
    )
    [token] = leftover_tokens(text, 0, len(text.text), claims, "2.x", XINJIANG.list_item)
    assert (token.token, token.reason, token.source_line) == ("100", "label_qualifier", 2)


def test_snippet_year_and_department_are_not_part_of_the_label():
    # line 220
    found, _, _ = scan(
        [
            "2024年度乌鲁木齐市人力资源和社会保障局(部门)(行政单位和参照公务员法管理事业单位)"
            "机关运行经费支出972.03万元,"
        ]
    )
    [amount] = found.figures
    assert amount.line_item == "(行政单位和参照公务员法管理事业单位)机关运行经费支出"


def test_snippet_statement_without_figures():
    # line 188
    found, _, _ = scan(
        [
            "本部门本年度无政府性基金预算财政拨款收入、支出及结转和结余,政府性基金预算财政拨款收入支出决算表为空表。"
        ]
    )
    assert found.figures == []
    [statement] = found.explanations
    assert (statement.kind, statement.subject, statement.source_line) == ("statement", None, 2)


def test_snippet_garbled_number_names_the_line():
    # line 136, with the letter O for the digit 0
    body = ["", "教育支出(类)职业教育(款)技校教育(项):支出决算数为3,8O2.53万元,"]
    with pytest.raises(ExtractionError) as caught:
        scan(body, section_code="2.x", source_file="garbled.txt")
    error = caught.value
    assert (error.document, error.section, error.line) == ("garbled.txt", "2.x", 3)
    assert "'3,8O2.53'" in str(error)
    assert str(error).startswith("document garbled.txt, section 2.x, line 3:")


def test_snippet_garbled_number_is_not_read_as_its_tail():
    # `3,8O2.53万元` must not become a figure 2.53
    with pytest.raises(ExtractionError):
        scan(["技校教育3,8O2.53万元。"])
